/*
 * /proc/<pid>/maps (Linux: fs/proc/task_mmu.c). maps_open sets up a
 * seq_file over proc_pid_maps_op: m_start finds the process and its
 * address space, fetches the gate area (the compat vDSO page, in no VMA
 * list) as tail_vma, and resumes after the last area shown - m->version
 * holds its end address, so find_vma finds the next area in O(log n) and
 * reading the file in small pieces stays linear; m_next walks the list
 * and ends with tail_vma; show_map prints one line in Linux's format.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>

struct proc_maps_private {
	pid_t pid;
	struct mm_struct *mm;			/* m_start's, for show_map */
	struct vm_area_struct *tail_vma;	/* the gate area, shown last */
};

static void *m_start(struct seq_file *m, loff_t *ppos)
{
	struct proc_maps_private *priv = m->private;
	struct task_struct *t = find_task_by_pid(priv->pid);
	struct vm_area_struct *vma;
	struct mm_struct *mm;
	loff_t pos = *ppos;

	if (!t)
		return ERR_PTR(-ESRCH);
	mm = t->mm;
	if (!mm || t->exit_state)
		return NULL;	/* a zombie's maps are empty, as on Linux */
	priv->mm = mm;
	priv->tail_vma = get_gate_vma(mm);
	if (m->version && pos) {
		vma = find_vma(mm, m->version);	/* the area after the last one shown */
	} else {
		for (vma = mm->mmap; vma && pos; pos--)
			vma = vma->vm_next;
	}
	if (vma)
		return vma;
	return *ppos == mm->map_count ? priv->tail_vma : NULL;
}

static void *m_next(struct seq_file *m, void *v, loff_t *pos)
{
	struct proc_maps_private *priv = m->private;
	struct vm_area_struct *vma = v;

	++*pos;
	if (vma == priv->tail_vma)
		return NULL;
	return vma->vm_next ? vma->vm_next : priv->tail_vma;
}

static void m_stop(struct seq_file *m, void *v)
{
	(void)m;
	(void)v;
}

/* the name shown for an area: its file, [heap], [stack], or a special name */
static const char *vma_name(struct vm_area_struct *vma, struct mm_struct *mm, char *buf, int len)
{
	if (vma->vm_file && vma->vm_file->f_dentry) {
		int n = d_path(vma->vm_file->f_dentry, buf, len);

		return n < 0 ? NULL : buf;
	}
	if (vma->vm_file)	/* shared anonymous memory, as Linux names it */
		return "/dev/zero (deleted)";
	if (vma->vm_name)
		return vma->vm_name;
	if (!mm)
		return NULL;
	if (vma->vm_start <= mm->brk && vma->vm_end >= mm->start_brk)
		return "[heap]";
	if (vma->vm_start <= mm->start_stack && vma->vm_end >= mm->start_stack)
		return "[stack]";
	return NULL;
}

/*
 * show_map: "start-end perms offset major:minor inode", then, when there is
 * a name, spaces up to column 49 and the name (Linux i386 pads to
 * 25 + 6 * sizeof(void *) - 1 = 48 and adds one space). The numbers go
 * out through seq_put_hex_ll/seq_put_decimal_ull, as in Linux since 4.19:
 * "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu " through vsnprintf cost
 * most of a line's time.
 */
static int show_map(struct seq_file *m, void *v)
{
	struct proc_maps_private *priv = m->private;
	struct vm_area_struct *vma = v;
	unsigned long flags = vma->vm_flags, ino = 0;
	unsigned int dev = 0;
	char path[256], perms[6];
	const char *name;

	if (vma->vm_file && vma->vm_file->f_inode) {
		dev = RAMFS_DEV;
		ino = vma->vm_file->f_inode->i_ino;
	}
	seq_setwidth(m, 25 + sizeof(void *) * 6 - 1);
	seq_put_hex_ll(m, NULL, vma->vm_start, 8);
	seq_put_hex_ll(m, "-", vma->vm_end, 8);
	perms[0] = ' ';
	perms[1] = flags & VM_READ ? 'r' : '-';
	perms[2] = flags & VM_WRITE ? 'w' : '-';
	perms[3] = flags & VM_EXEC ? 'x' : '-';
	perms[4] = flags & VM_MAYSHARE ? 's' : 'p';
	seq_write(m, perms, 5);
	seq_put_hex_ll(m, " ", vma->vm_file ? (unsigned long long)vma->vm_pgoff << PAGE_SHIFT : 0,
		       8);
	seq_put_hex_ll(m, " ", MAJOR(dev), 2);
	seq_put_hex_ll(m, ":", MINOR(dev), 2);
	seq_put_decimal_ull(m, " ", ino);
	seq_putc(m, ' ');
	name = vma_name(vma, vma == priv->tail_vma ? NULL : priv->mm, path, sizeof(path));
	if (name) {
		seq_pad(m, ' ');
		seq_puts(m, name);
	}
	seq_putc(m, '\n');
	if (vma != priv->tail_vma)
		m->version = vma->vm_end;	/* seq_read undoes it if the line did not fit */
	return 0;
}

static const struct seq_operations proc_pid_maps_op = {
	.start = m_start,
	.next = m_next,
	.stop = m_stop,
	.show = show_map,
};

static int maps_open(struct inode *inode, struct file *file)
{
	struct proc_maps_private *priv;

	if (!proc_task(inode))
		return -ESRCH;
	priv = __seq_open_private(file, &proc_pid_maps_op, sizeof(*priv));
	if (!priv)
		return -ENOMEM;
	priv->pid = inode->i_private;
	return 0;
}

const struct file_operations proc_maps_operations = {
	.open = maps_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = seq_release_private,
};
