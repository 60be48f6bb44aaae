/*
 * seq_file (Linux: fs/seq_file.c). seq_read fills m->buf with whole
 * records from start/next/show and copies out what the reader asked for;
 * the rest waits in the buffer for the next read. A record that does not
 * fit in an empty buffer makes the buffer double and the record be shown
 * again; a record that does not fit after others is dropped from this
 * fill and shown again at the next one - so a record is never split
 * wrongly, and reading a file whole or one byte at a time gives the same
 * bytes. Written from the description of Linux's algorithm.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/uaccess.h>

/* seq_open: file reads through op; m->private is the caller's to set */
int seq_open(struct file *file, const struct seq_operations *op)
{
	struct seq_file *m = kzalloc(sizeof(*m), GFP_KERNEL);

	if (!m)
		return -ENOMEM;
	m->op = op;
	m->file = file;
	file->private_data = m;
	return 0;
}

/* __seq_open_private: seq_open, with a zeroed private area of psize bytes
 * that seq_release_private frees; the area, or NULL */
void *__seq_open_private(struct file *file, const struct seq_operations *op, size_t psize)
{
	void *private = kzalloc(psize, GFP_KERNEL);

	if (!private)
		return NULL;
	if (seq_open(file, op)) {
		kfree(private);
		return NULL;
	}
	((struct seq_file *)file->private_data)->private = private;
	return private;
}

bool seq_has_overflowed(const struct seq_file *m)
{
	return m->count == m->size;
}

/* seq_vprintf: append; on overflow the buffer is marked full (count = size). */
static void seq_vprintf(struct seq_file *m, const char *fmt, va_list args)
{
	if (m->count < m->size) {
		int len = vsnprintf(m->buf + m->count, m->size - m->count, fmt, args);

		if (m->count + len < m->size) {
			m->count += len;
			return;
		}
	}
	m->count = m->size;
}

void seq_printf(struct seq_file *m, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	seq_vprintf(m, fmt, args);
	va_end(args);
}

void seq_putc(struct seq_file *m, char c)
{
	if (m->count < m->size)
		m->buf[m->count++] = c;
}

void seq_puts(struct seq_file *m, const char *s)
{
	size_t len = strlen(s);

	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, s, len);
		m->count += len;
	} else {
		m->count = m->size;
	}
}

/* seq_write: append len bytes; 0, or -1 with the buffer marked full */
int seq_write(struct seq_file *m, const void *data, size_t len)
{
	if (m->count + len < m->size) {
		memcpy(m->buf + m->count, data, len);
		m->count += len;
		return 0;
	}
	m->count = m->size;
	return -1;
}

/* put_delimiter: append the delimiter (or nothing) */
static void put_delimiter(struct seq_file *m, const char *delimiter)
{
	for (; delimiter && *delimiter; delimiter++)
		seq_putc(m, *delimiter);
}

/* seq_room: where n more bytes go in the buffer, or NULL (marked full) */
static char *seq_room(struct seq_file *m, size_t n)
{
	if (m->count + n < m->size)
		return m->buf + m->count;
	m->count = m->size;
	return NULL;
}

/*
 * seq_put_hex_ll: the delimiter, then v in lower-case hex, zero-padded to
 * width digits - what "%0*llx" prints, written straight into the buffer
 * without vsnprintf's parsing (show_map prints five numbers per line;
 * Linux does the same since 4.19). 32-bit arithmetic, cheap on i386.
 */
void seq_put_hex_ll(struct seq_file *m, const char *delimiter, unsigned long long v,
		    unsigned int width)
{
	static const char hex[] = "0123456789abcdef";
	unsigned long lo = v, t;
	unsigned int digits = 1, i;
	char *p;

	put_delimiter(m, delimiter);
	if (v >> 32 || width > 16) {	/* the slow way, rarely */
		seq_printf(m, "%0*llx", width, v);
		return;
	}
	if (width >= 8)			/* 32 bits never need more than 8 */
		digits = width;
	else
		for (t = lo >> 4; t; t >>= 4)
			digits++;
	if (digits < width)
		digits = width;
	p = seq_room(m, digits);
	if (!p)
		return;
	for (i = digits; i; i--, lo >>= 4)
		p[i - 1] = hex[lo & 15];
	m->count += digits;
}

/* seq_put_decimal_ull: the delimiter, then num in decimal ("%llu") */
void seq_put_decimal_ull(struct seq_file *m, const char *delimiter, unsigned long long num)
{
	char digits[10];
	unsigned long v = num;
	size_t n = 0;
	char *p;

	put_delimiter(m, delimiter);
	if (num != v) {		/* beyond 32 bits: the slow way, rarely */
		seq_printf(m, "%llu", num);
		return;
	}
	do {
		digits[n++] = '0' + v % 10;
		v /= 10;
	} while (v);
	p = seq_room(m, n);
	if (!p)
		return;
	m->count += n;
	while (n)
		*p++ = digits[--n];
}

/* seq_setwidth / seq_pad: pad the current record to size bytes, then c. */
void seq_setwidth(struct seq_file *m, size_t size)
{
	m->pad_until = m->count + size;
}

void seq_pad(struct seq_file *m, char c)
{
	if (m->count < m->pad_until) {
		size_t n = min(m->pad_until, m->size) - m->count;

		memset(m->buf + m->count, ' ', n);
		m->count += n;
	}
	if (c)
		seq_putc(m, c);
}

/*
 * fill_buffer: generate whole records, starting at m->index, until at
 * least want bytes are ready or the records run out. 0, or an error.
 */
static int fill_buffer(struct seq_file *m, size_t want)
{
	if (!m->buf) {
		m->buf = kmalloc(PAGE_SIZE, GFP_KERNEL);
		if (!m->buf)
			return -ENOMEM;
		m->size = PAGE_SIZE;
	}
	for (;;) {
		loff_t pos = m->index;
		void *p = m->op->start(m, &pos);
		int err = 0;

		m->from = m->count = 0;
		while (p && !IS_ERR(p)) {
			size_t before = m->count;
			u64 version = m->version;

			err = m->op->show(m, p);
			if (err < 0)
				break;
			if (seq_has_overflowed(m)) {
				m->count = before;	/* shown again next time */
				m->version = version;
				break;
			}
			if (err == SEQ_SKIP)
				m->count = before;
			err = 0;
			p = m->op->next(m, p, &pos);
			m->index = pos;
			if (m->count >= want)
				break;
		}
		m->op->stop(m, p);
		if (IS_ERR(p))
			return PTR_ERR(p);
		if (err < 0)
			return err;
		if (m->count || !p)
			return 0;
		/* the first record alone does not fit: double the buffer, retry */
		kfree(m->buf);
		m->size *= 2;
		m->buf = kmalloc(m->size, GFP_KERNEL);
		if (!m->buf) {
			m->size = 0;
			return -ENOMEM;
		}
	}
}

/* seq_restart: regenerate from the first record (after an lseek). */
static void seq_restart(struct seq_file *m)
{
	m->index = 0;
	m->from = m->count = 0;
	m->read_pos = 0;
	m->version = 0;
}

ssize_t seq_read(struct file *file, char __user *ubuf, size_t size, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	size_t copied = 0;

	if (*ppos != m->read_pos) {
		/* lseek went elsewhere: generate from the start and skip forward */
		loff_t skip = *ppos;

		seq_restart(m);
		while (skip > 0) {
			size_t n;
			int err = fill_buffer(m, 1);

			if (err)
				return err;
			if (!m->count)
				break;
			n = min((loff_t)m->count, skip);
			m->from += n;
			m->count -= n;
			m->read_pos += n;
			skip -= n;
		}
	}
	while (copied < size) {
		size_t n;

		if (!m->count) {
			int err = fill_buffer(m, size - copied);

			if (err)
				return copied ? (ssize_t)copied : err;
			if (!m->count)
				break;		/* end of file */
		}
		n = min(m->count, size - copied);
		if (copy_to_user(ubuf + copied, m->buf + m->from, n))
			return copied ? (ssize_t)copied : -EFAULT;
		m->from += n;
		m->count -= n;
		copied += n;
	}
	m->read_pos += copied;
	*ppos = m->read_pos;
	return copied;
}

loff_t seq_lseek(struct file *file, loff_t offset, int whence)
{
	if (whence == SEEK_CUR)
		offset += file->f_pos;
	else if (whence != SEEK_SET)
		return -EINVAL;
	if (offset < 0)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

/* seq_release: free the seq_file; m->private stays the opener's */
void seq_release(struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree(m->buf);
	kfree(m);
}

/* seq_release_private: seq_release, and the area __seq_open_private made */
void seq_release_private(struct file *file)
{
	kfree(((struct seq_file *)file->private_data)->private);
	seq_release(file);
}

/* the operations of a single_open file: one record */
static void *single_start(struct seq_file *m, loff_t *pos)
{
	(void)m;
	return *pos ? NULL : (void *)1;
}

static void *single_next(struct seq_file *m, void *v, loff_t *pos)
{
	(void)m;
	(void)v;
	++*pos;
	return NULL;
}

static void single_stop(struct seq_file *m, void *v)
{
	(void)m;
	(void)v;
}

/* single_open: a file of one record printed by show, with data as
 * m->private (Linux's helper) */
int single_open(struct file *file, int (*show)(struct seq_file *m, void *v), void *data)
{
	struct seq_operations *op = kzalloc(sizeof(*op), GFP_KERNEL);
	struct seq_file *m;
	int err;

	if (!op)
		return -ENOMEM;
	op->start = single_start;
	op->next = single_next;
	op->stop = single_stop;
	op->show = show;
	err = seq_open(file, op);
	if (err) {
		kfree(op);
		return err;
	}
	m = file->private_data;
	m->private = data;
	return 0;
}

/* single_release: seq_release, and the operations single_open made. */
void single_release(struct file *file)
{
	struct seq_file *m = file->private_data;

	kfree((void *)m->op);
	seq_release(file);
}
