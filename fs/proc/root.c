/*
 * The /proc root (Linux: fs/proc/root.c, generic.c, base.c's pid
 * directories). /proc is a directory of the RAM file system whose fixed
 * entries (meminfo, sys/, ...) are made at boot, while the per-process
 * directories are made when looked up and listed from the task list;
 * "self" is a link computed for the reader. When a process is reaped its
 * directory is unlinked; whoever still holds it sees ENOENT or ESRCH.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

static struct dentry *proc_root;

/* proc_create: a /proc entry whose inode carries its operations and a value. */
struct dentry *proc_create(struct dentry *dir, const char *name, unsigned int mode,
			   const struct file_operations *fops, unsigned long priv)
{
	struct inode *inode = ramfs_new_inode(mode);
	struct dentry *d;

	if (!inode)
		return NULL;
	inode->i_fop = fops;
	inode->i_private = priv;
	d = d_add_child(dir, name, inode);
	if (!d)
		kfree(inode);
	return d;
}

/* proc_task: the task a /proc inode belongs to (its pid is i_private),
 * zombies too (Linux: get_proc_task) */
struct task_struct *proc_task(struct inode *inode)
{
	return find_task_by_pid(inode->i_private);
}

static bool parse_pid(const char *name, size_t len, pid_t *pid)
{
	size_t i;

	*pid = 0;
	if (!len || len > 5)
		return false;
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return false;
		*pid = *pid * 10 + name[i] - '0';
	}
	return *pid > 0;
}

/*
 * proc_pid_lookup: "<pid>" in /proc, or "<tid>" in /proc/<pid>/task, made
 * on first lookup for a task of the process tgid (0: any task; as on
 * Linux, /proc/<tid> of a thread works though the listing omits it).
 */
struct dentry *proc_pid_lookup(struct dentry *dir, const char *name, size_t len, pid_t tgid)
{
	struct task_struct *t;
	struct dentry *d;
	char buf[8];
	pid_t pid;

	if (!parse_pid(name, len, &pid))
		return NULL;
	t = find_task_by_pid(pid);
	if (!t || (tgid && t->tgid != tgid))
		return NULL;
	snprintf(buf, sizeof(buf), "%d", pid);
	d = proc_create(dir, buf, S_IFDIR | 0555, NULL, pid);
	if (d)
		proc_pid_populate(d, !tgid);
	return d;
}

static struct dentry *proc_root_lookup(struct dentry *dir, const char *name, size_t len)
{
	return proc_pid_lookup(dir, name, len, 0);
}

static int proc_root_iterate(struct dentry *dir, long long pos, void *ctx,
			     bool (*emit)(void *ctx, const char *name, struct inode *inode))
{
	long long i = 0;
	struct dentry *d;
	struct task_struct *t;
	pid_t tmp;

	if (pos == i++ && !emit(ctx, ".", dir->d_inode))
		return 0;
	if (pos <= i++ && !emit(ctx, "..", dir->d_parent->d_inode))
		return 0;
	list_for_each_entry(d, &dir->d_inode->i_dentries, d_child) {
		if (parse_pid(d->d_name, strlen(d->d_name), &tmp))
			continue;	/* a cached pid directory: listed below */
		if (pos <= i++ && !emit(ctx, d->d_name, d->d_inode))
			return 0;
	}
	list_for_each_entry(t, &init_task.tasks, tasks) {
		char name[8];

		if (!thread_group_leader(t))
			continue;
		snprintf(name, sizeof(name), "%d", t->pid);
		if (pos <= i++ && !emit(ctx, name, dir->d_inode))
			return 0;
	}
	return 0;
}

static int proc_self_get_link(struct inode *inode, char *buf, int len)
{
	(void)inode;
	return snprintf(buf, len, "%d", current->tgid);
}

static const struct inode_operations proc_root_inode_operations = {
	.lookup = proc_root_lookup,
	.iterate = proc_root_iterate,
};

static const struct inode_operations proc_self_inode_operations = {
	.get_link = proc_self_get_link,
};

/* in_proc: d is /proc or below it (statfs tells the file systems apart) */
bool in_proc(const struct dentry *d)
{
	for (; d && d != root_dentry; d = d->d_parent)
		if (d == proc_root)
			return true;
	return false;
}

/* proc_flush_dir: dir's entry name and everything below it disappear */
static void proc_flush_dir(struct dentry *dir, pid_t name_pid)
{
	char name[8];
	struct dentry *d, *child, *n;

	if (!dir)
		return;
	snprintf(name, sizeof(name), "%d", name_pid);
	d = d_lookup_child(dir, name, strlen(name));
	if (!d)
		return;
	list_for_each_entry_safe(child, n, &d->d_inode->i_dentries, d_child) {
		if (S_ISDIR(child->d_inode->i_mode) && strcmp(child->d_name, "task") == 0) {
			struct dentry *tid, *m;

			list_for_each_entry_safe(tid, m, &child->d_inode->i_dentries, d_child)
				proc_flush_dir(child, simple_strtoul(tid->d_name, NULL, 10));
		}
		d_delete(child);
	}
	d_delete(d);
}

/* proc_flush_task: a reaped task's directories disappear: /proc/<pid>
 * and, for a thread, /proc/<tgid>/task/<tid> */
void proc_flush_task(struct task_struct *p)
{
	struct dentry *dir;
	char name[8];

	if (!proc_root)
		return;
	proc_flush_dir(proc_root, p->pid);
	if (thread_group_leader(p))
		return;
	snprintf(name, sizeof(name), "%d", p->tgid);
	dir = d_lookup_child(proc_root, name, strlen(name));
	if (dir)
		proc_flush_dir(d_lookup_child(dir, "task", 4), p->pid);
}

/* proc_root_init: mount /proc (Linux mounts it from user space; yomi at boot). */
void proc_root_init(void)
{
	struct dentry *self;
	int err = 0;

	proc_root = path_create("/proc", S_IFDIR | 0555, &err);
	if (!proc_root) {
		proc_root = path_lookup("/proc", true, &err);
		if (!proc_root || !S_ISDIR(proc_root->d_inode->i_mode)) {
			pr_err("proc: cannot make /proc (error %d)\n", err);
			proc_root = NULL;
			return;
		}
	}
	proc_root->d_inode->i_op = &proc_root_inode_operations;
	self = proc_create(proc_root, "self", S_IFLNK | 0777, NULL, 0);
	if (self)
		self->d_inode->i_op = &proc_self_inode_operations;
	proc_misc_init(proc_root);
	proc_sys_init(proc_root);
}
