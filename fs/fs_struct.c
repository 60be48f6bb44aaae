/*
 * The fs_struct of each task (Linux: fs/fs_struct.c): made by fork
 * (copy_fs in kernel/fork.c: shared with CLONE_FS, else a copy), changed
 * by chdir, fchdir and umask, dropped at exit.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/fs_struct.h>
#include <linux/sched.h>
#include <linux/slab.h>

/* set_fs_pwd: make d (NULL: the root) fs's current directory; fs holds a reference */
void set_fs_pwd(struct fs_struct *fs, struct dentry *d)
{
	struct dentry *old = fs->pwd;

	fs->pwd = d ? dget(d) : NULL;
	if (old)
		dput(old);
}

/* copy_fs_struct: a new fs_struct like old (NULL: pid 1's, umask 022), or NULL */
struct fs_struct *copy_fs_struct(const struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->users = 1;
	fs->umask = old ? old->umask : 0022;
	if (old && old->pwd)
		set_fs_pwd(fs, old->pwd);
	return fs;
}

/* exit_fs: tsk lets go of its fs_struct; the last user frees it */
void exit_fs(struct task_struct *tsk)
{
	struct fs_struct *fs = tsk->fs;

	if (!fs)
		return;
	tsk->fs = NULL;
	if (--fs->users)
		return;
	set_fs_pwd(fs, NULL);
	kfree(fs);
}
