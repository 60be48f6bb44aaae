/*
 * /proc/sys (Linux: fs/proc/proc_sysctl.c, kernel/sysctl.c). Each file is
 * a ctl_table entry: an integer variable of the kernel with the range it
 * accepts. Reading prints the value; writing (echo 1 > ...) parses one
 * integer, and a value that is not a number or out of range returns
 * EINVAL and changes nothing (proc_dointvec_minmax).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/pipe_fs_i.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>
#include <asm/vdso.h>

struct ctl_table {
	const char *dir;	/* under /proc/sys */
	const char *procname;
	int *data;
	int min, max;
	void (*changed)(void);	/* called after a successful write */
};


/* the ranges are Linux 6.1's: randomize_va_space and vdso_enabled take any
 * integer (a vdso_enabled other than 0, 1 and 2 maps no vDSO); pipe-max-size
 * stops at 1 GiB (Linux's at 2 GiB, which an int does not hold) */
static const struct ctl_table sysctls[] = {
	{ "fs", "pipe-max-size", &pipe_max_size, 0, 1 << 30, pipe_max_size_changed },
	{ "kernel", "randomize_va_space", &randomize_va_space, INT_MIN, INT_MAX, NULL },
	{ "kernel", "syscall_trace", &sysctl_syscall_trace, -1, PID_MAX, syscall_trace_changed },
	{ "kernel", "threads-max", &max_threads, MIN_THREADS, MAX_THREADS, NULL },
	{ "vm", "legacy_va_layout", &sysctl_legacy_va_layout, 0, INT_MAX, NULL },
	{ "vm", "max_map_count", &sysctl_max_map_count, 0, INT_MAX, NULL },
	{ "vm", "vdso_enabled", &vdso_enabled, INT_MIN, INT_MAX, NULL },
};

static const struct ctl_table *table_of(struct inode *inode)
{
	return &sysctls[inode->i_private];
}

static int sysctl_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "%d\n", *table_of(m->private)->data);
	return 0;
}

static int sysctl_open(struct inode *inode, struct file *f)
{
	return single_open(f, sysctl_show, inode);
}

/* proc_dointvec_minmax: one integer (surrounding white space allowed) in range. */
static ssize_t sysctl_write(struct file *f, const char __user *buf, size_t count, loff_t *pos)
{
	const struct ctl_table *t = table_of(f->f_inode);
	char kbuf[24], *p = kbuf, *end;
	long v;

	(void)pos;
	if (count >= sizeof(kbuf))
		return -EINVAL;
	if (copy_from_user(kbuf, buf, count))
		return -EFAULT;
	kbuf[count] = '\0';
	while (*p == ' ' || *p == '\t')
		p++;
	if (!((*p >= '0' && *p <= '9') || (*p == '-' && p[1] >= '0' && p[1] <= '9')))
		return -EINVAL;
	v = simple_strtol(p, &end, 10);
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	if (*end || v < t->min || v > t->max)
		return -EINVAL;
	*t->data = v;
	if (t->changed)
		t->changed();
	return count;
}

static const struct file_operations proc_sys_file_operations = {
	.open = sysctl_open,
	.read = seq_read,
	.write = sysctl_write,
	.llseek = seq_lseek,
	.release = single_release,
};

void proc_sys_init(struct dentry *proc)
{
	struct dentry *sys = proc_create(proc, "sys", S_IFDIR | 0555, NULL, 0);
	unsigned int i;

	for (i = 0; sys && i < ARRAY_SIZE(sysctls); i++) {
		const char *dir = sysctls[i].dir;
		struct dentry *d = d_lookup_child(sys, dir, strlen(dir));

		if (!d)
			d = proc_create(sys, dir, S_IFDIR | 0555, NULL, 0);
		if (d)
			proc_create(d, sysctls[i].procname, S_IFREG | 0644,
				    &proc_sys_file_operations, i);
	}
}
