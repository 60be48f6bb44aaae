/* The /proc file system (fs/proc/). */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

#include <linux/fs.h>
#include <linux/seq_file.h>

void proc_root_init(void);
void proc_flush_task(struct task_struct *p);
struct dentry *proc_create(struct dentry *dir, const char *name, unsigned int mode,
			   const struct file_operations *fops, unsigned long priv);
struct task_struct *proc_task(struct inode *inode);
void proc_pid_populate(struct dentry *dir, bool process);
struct dentry *proc_pid_lookup(struct dentry *dir, const char *name, size_t len, pid_t tgid);
bool in_proc(const struct dentry *d);
void proc_sys_init(struct dentry *proc);
void proc_misc_init(struct dentry *proc);
extern const struct file_operations proc_maps_operations;
int access_process_vm(struct task_struct *t, unsigned long addr, void *buf, int len);

int cpuinfo_show(struct seq_file *m, void *v);		/* arch/x86/kernel/cpu/proc.c */

/* PROC_SINGLE(name): the operations of a file printed by name_show(). */
#define PROC_SINGLE(name)                                                      \
	static int name##_open(struct inode *inode, struct file *f)            \
	{                                                                      \
		(void)inode;                                                   \
		return single_open(f, name##_show, inode);                     \
	}                                                                      \
	static const struct file_operations proc_##name##_operations = {      \
		.open = name##_open,                                           \
		.read = seq_read,                                              \
		.llseek = seq_lseek,                                           \
		.release = single_release,                                     \
	}

#endif
