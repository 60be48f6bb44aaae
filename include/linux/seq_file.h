/*
 * seq_file: files made of records generated on demand (Linux:
 * include/linux/seq_file.h). A file supplies start/next/stop to walk its
 * records and show to print one with seq_printf; seq_read fills a buffer
 * with whole records and hands it out in whatever pieces read() asks for.
 */
#ifndef _LINUX_SEQ_FILE_H
#define _LINUX_SEQ_FILE_H

#include <linux/types.h>
#include <linux/compiler.h>

struct file;
struct inode;
struct seq_file;

struct seq_operations {
	void *(*start)(struct seq_file *m, loff_t *pos);
	void (*stop)(struct seq_file *m, void *v);
	void *(*next)(struct seq_file *m, void *v, loff_t *pos);
	int (*show)(struct seq_file *m, void *v);
};

struct seq_file {
	char *buf;
	size_t size;		/* of buf; doubles when a record does not fit */
	size_t from;		/* first byte not yet read */
	size_t count;		/* bytes generated and not yet read */
	size_t pad_until;	/* seq_setwidth's target for seq_pad */
	loff_t index;		/* the next record to generate */
	loff_t read_pos;	/* file offset of buf[from] */
	u64 version;		/* the file's own resume hint (maps: last address) */
	const struct seq_operations *op;
	struct file *file;
	void *private;		/* the opener's (seq_release leaves it alone) */
};

#define SEQ_SKIP 1

int seq_open(struct file *file, const struct seq_operations *op);
ssize_t seq_read(struct file *file, char *ubuf, size_t size, loff_t *ppos);
loff_t seq_lseek(struct file *file, loff_t offset, int whence);
void *__seq_open_private(struct file *file, const struct seq_operations *op, size_t psize);
void seq_release(struct file *file);
void seq_release_private(struct file *file);
__printf(2, 3) void seq_printf(struct seq_file *m, const char *fmt, ...);
void seq_putc(struct seq_file *m, char c);
void seq_puts(struct seq_file *m, const char *s);
int seq_write(struct seq_file *m, const void *data, size_t len);
void seq_put_hex_ll(struct seq_file *m, const char *delimiter, unsigned long long v,
		    unsigned int width);
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num);
void seq_setwidth(struct seq_file *m, size_t size);
void seq_pad(struct seq_file *m, char c);
bool seq_has_overflowed(const struct seq_file *m);
int single_open(struct file *file, int (*show)(struct seq_file *m, void *v), void *data);
void single_release(struct file *file);

#endif
