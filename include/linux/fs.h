/*
 * The file system layer (Linux: include/linux/fs.h, much reduced): inodes
 * (files as objects), dentries (names in directories), open files with an
 * offset, and per-process descriptor tables. There is one file system, the
 * RAM file system that the initramfs fills at boot (kernel/fs/ramfs.c).
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/list.h>

#define S_IFMT 0170000
#define S_IFSOCK 0140000
#define S_IFLNK 0120000
#define S_IFREG 0100000
#define S_IFBLK 0060000
#define S_IFDIR 0040000
#define S_IFCHR 0020000
#define S_IFIFO 0010000
#define S_ISREG(m) (((m) & S_IFMT) == S_IFREG)
#define S_ISDIR(m) (((m) & S_IFMT) == S_IFDIR)
#define S_ISLNK(m) (((m) & S_IFMT) == S_IFLNK)
#define S_ISCHR(m) (((m) & S_IFMT) == S_IFCHR)

#define NAME_MAX 255
#define PATH_MAX 4096

struct file;
struct inode;
struct page;

struct file_operations {
	ssize_t (*read)(struct file *f, char *ubuf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *f, const char *ubuf, size_t count, loff_t *pos);
};

struct inode {
	unsigned int i_mode;
	unsigned long i_ino;
	unsigned int i_nlink;
	uid_t i_uid;
	gid_t i_gid;
	loff_t i_size;
	unsigned long i_mtime;
	unsigned int i_rdev;			/* device number of a device node */
	const struct file_operations *i_fop;
	struct page **i_pages;			/* regular file data, page by page */
	unsigned long i_nr_pages;		/* slots in i_pages */
	char *i_link;				/* symbolic link target */
	struct list_head i_dentries;		/* directory: its entries */
	int i_count;
};

struct dentry {
	char d_name[NAME_MAX + 1];
	struct inode *d_inode;
	struct dentry *d_parent;
	struct list_head d_child;		/* in the parent's i_dentries */
};

struct file {
	const struct file_operations *f_op;
	struct inode *f_inode;
	loff_t f_pos;
	unsigned int f_flags;
	int f_count;
};

#define NR_OPEN_DEFAULT 64

struct files_struct {
	int count;
	struct file *fd[NR_OPEN_DEFAULT];
	unsigned long close_on_exec[NR_OPEN_DEFAULT / 32];
};

/* kernel/fs/file.c */
struct files_struct *files_alloc(void);
void put_files_struct(struct files_struct *files);
struct file *fget(unsigned int fd);
int fd_install_next(struct file *f);
struct file *file_alloc(struct inode *inode, const struct file_operations *fop, unsigned int flags);
void fput(struct file *f);
void do_close_on_exec(struct files_struct *files);

/* kernel/fs/ramfs.c and namei.c */
extern struct dentry *root_dentry;
struct inode *ramfs_new_inode(unsigned int mode);
struct dentry *d_add_child(struct dentry *dir, const char *name, struct inode *inode);
struct dentry *d_lookup_child(struct dentry *dir, const char *name, size_t len);
ssize_t ramfs_read(struct inode *inode, char *kbuf, size_t count, loff_t pos);
ssize_t ramfs_write(struct inode *inode, const char *kbuf, size_t count, loff_t pos);
void ramfs_init(void);
struct dentry *path_lookup(const char *path, bool follow, int *err);
struct dentry *path_create(const char *path, unsigned int mode, int *err);

/* kernel/fs/initramfs.c */
void populate_rootfs(void);

/* drivers/tty: the console as a file */
extern const struct file_operations console_fops;

#endif
