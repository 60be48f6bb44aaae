/*
 * The file system layer (Linux: include/linux/fs.h, much reduced): inodes
 * (files as objects), dentries (names in directories), open files with an
 * offset, and per-process descriptor tables. There is one file system, the
 * RAM file system that the initramfs fills at boot (fs/ramfs.c).
 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

#include <linux/types.h>
#include <linux/list.h>

#include <uapi/linux/limits.h>
#include <uapi/linux/stat.h>

struct file;
struct inode;
struct page;
struct task_struct;

#include <uapi/linux/fcntl.h>
#include <uapi/linux/fs.h>

#define MKDEV(ma, mi) (((ma) << 8) | (mi))
#define MEM_MAJOR 1		/* /dev/null, /dev/zero (Linux's major.h) */
#define TTYAUX_MAJOR 5		/* /dev/tty, /dev/console */
#define MAJOR(dev) ((dev) >> 8)
/* what each name adds to a RAM directory's size, and an empty one's two
 * (. and ..): Linux's tmpfs (mm/shmem.c), the initramfs's rootfs; Linux's
 * ramfs and procfs directories stay at 0, and so do yomi's /proc ones */
#define BOGO_DIRENT_SIZE 20
#define MINOR(dev) ((dev) & 0xff)
#define RAMFS_DEV MKDEV(0, 2)	/* st_dev of every file (Linux's rootfs is 0:2 too) */

struct vm_area_struct;

struct poll_table_struct;

struct file_operations {
	int (*open)(struct inode *inode, struct file *f);
	ssize_t (*read)(struct file *f, char *ubuf, size_t count, loff_t *pos);
	ssize_t (*write)(struct file *f, const char *ubuf, size_t count, loff_t *pos);
	int (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	loff_t (*llseek)(struct file *f, loff_t offset, int whence);
	void (*release)(struct file *f);
	int (*mmap)(struct file *f, struct vm_area_struct *vma);	/* NULL: cannot be mapped */
	unsigned int (*poll)(struct file *f, struct poll_table_struct *pt);	/* NULL: always ready */
	bool seekable;
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
	const struct inode_operations *i_op;
	unsigned long i_private;		/* /proc: the pid, or which file */
	struct page **i_pages;			/* regular file data, page by page */
	unsigned long i_nr_pages;		/* slots in i_pages */
	char *i_link;				/* symbolic link target */
	struct list_head i_dentries;		/* directory: its entries */
	long long i_dir_next;			/* directory: the next entry's d_pos */
	int i_count;
};

/*
 * A dentry is counted: one reference while it is linked in its directory,
 * one per open file, current directory or child holding it. An unlinked
 * dentry is freed when the last holder lets go (Linux: dget/dput).
 */
struct dentry {
	char d_name[NAME_MAX + 1];
	struct inode *d_inode;
	struct dentry *d_parent;
	struct list_head d_child;		/* in the parent's i_dentries */
	long long d_pos;			/* its getdents offset in the parent */
	int d_count;
	bool d_unhashed;			/* unlinked from its directory */
};

struct inode_operations {
	/* a directory whose entries are made on demand (/proc) */
	struct dentry *(*lookup)(struct dentry *dir, const char *name, size_t len);
	/* calls emit(ctx, name, inode) for each entry from index pos on */
	int (*iterate)(struct dentry *dir, long long pos, void *ctx,
		       bool (*emit)(void *ctx, const char *name, struct inode *inode));
	/* a symbolic link whose target is computed (/proc/self) */
	int (*get_link)(struct inode *inode, char *buf, int len);
};

struct file {
	const struct file_operations *f_op;
	struct inode *f_inode;
	struct dentry *f_dentry;		/* the name it was opened by */
	void *private_data;			/* a pipe's buffer, ... */
	loff_t f_pos;
	unsigned int f_flags;
	int f_count;
};

#define NR_OPEN_DEFAULT 64		/* the table a files_struct starts with */
#define NR_OPEN (1024 * 1024)		/* Linux's fs.nr_open: RLIMIT_NOFILE's ceiling */

/*
 * files_struct: a task's descriptor table. It starts with the
 * NR_OPEN_DEFAULT slots inside it and grows by doubling (expand_files) up
 * to what RLIMIT_NOFILE allows; Linux keeps the table in a separate
 * struct fdtable, swapped under RCU.
 */
struct files_struct {
	int count;
	unsigned int max_fds;		/* slots in fd[] */
	struct file **fd;
	unsigned long *close_on_exec;	/* one bit per slot */
	struct file *fd_array[NR_OPEN_DEFAULT];
	unsigned long close_on_exec_init[NR_OPEN_DEFAULT / 32];
};

/* fs/file.c */
struct files_struct *files_alloc(void);
struct files_struct *dup_fd(struct files_struct *old);
void put_files_struct(struct files_struct *files);
void set_close_on_exec(unsigned int fd, bool on);
bool close_on_exec(unsigned int fd);
struct file *fget(unsigned int fd);
struct file *file_alloc(struct inode *inode, const struct file_operations *fop, unsigned int flags);
void fput(struct file *f);
void do_close_on_exec(struct files_struct *files);

void iput(struct inode *inode);
int get_unused_fd(unsigned int from);
void fd_install(unsigned int fd, struct file *f);
int replace_fd(unsigned int fd, struct file *f, bool cloexec);
int close_fd(unsigned int fd);
int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops);
extern const struct file_operations def_chr_fops;
void devices_init(void);
extern const struct file_operations ramfs_file_fops, ramfs_dir_fops;
struct file *dentry_open(struct dentry *d, unsigned int flags, int *err);
struct dentry *start_dir_fd(int dfd, const char *path, int *err);
long user_path_at(int dfd, const char *filename, bool follow, struct dentry **d);
const char *link_target(struct inode *inode, char *buf, int len);
char *getname(const char *filename, int *err);
int d_path(struct dentry *d, char *buf, int len);
void d_delete(struct dentry *d);
void d_list_add(struct dentry *d, struct dentry *dir);
struct dentry *dget(struct dentry *d);
void dput(struct dentry *d);
#define MAX_NON_LFS ((1LL << 31) - 1)	/* the largest file without O_LARGEFILE */
#define MAX_LFS_FILESIZE ((loff_t)0xffffffffUL << PAGE_SHIFT)	/* Linux i386's */
int ramfs_truncate(struct inode *inode, loff_t size);
struct page *ramfs_get_page(struct inode *inode, unsigned long idx, bool alloc);

/* fs/ramfs.c and namei.c */
extern struct dentry *root_dentry;
struct inode *ramfs_new_inode(unsigned int mode);
struct dentry *d_add_child(struct dentry *dir, const char *name, struct inode *inode);
struct dentry *d_lookup_child(struct dentry *dir, const char *name, size_t len);
ssize_t ramfs_read(struct inode *inode, char *kbuf, size_t count, loff_t pos);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t ramfs_write(struct inode *inode, const char *kbuf, size_t count, loff_t pos);
void ramfs_init(void);
struct dentry *path_lookup(const char *path, bool follow, int *err);
struct dentry *path_lookupat(struct dentry *start, const char *path, bool follow, int *err);
struct dentry *path_create(const char *path, unsigned int mode, int *err);
struct dentry *path_createat(struct dentry *start, const char *path, unsigned int mode, int *err);
struct dentry *path_create_follow(struct dentry *start, const char *path, unsigned int mode,
				  int *err);
struct dentry *path_parent(struct dentry *start, const char *path, char *name, int *err);

/* fs/initramfs.c */
void populate_rootfs(void);

/* drivers/tty: the console as a file */

#endif
