/*
 * struct fs_struct: a task's place in the file system (Linux:
 * include/linux/fs_struct.h): its current directory and umask, shared by
 * the threads that clone made with CLONE_FS, so that chdir in one moves
 * them all. Linux keeps the root directory here too (chroot); yomi has
 * none.
 */
#ifndef _LINUX_FS_STRUCT_H
#define _LINUX_FS_STRUCT_H

struct dentry;
struct task_struct;

struct fs_struct {
	int users;			/* tasks sharing it */
	unsigned int umask;
	struct dentry *pwd;		/* current directory, NULL: the root */
};

struct fs_struct *copy_fs_struct(const struct fs_struct *old);
void exit_fs(struct task_struct *tsk);
void set_fs_pwd(struct fs_struct *fs, struct dentry *d);

#endif
