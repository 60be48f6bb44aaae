/*
 * execve (Linux: fs/exec.c). do_execve finds the file, copies the argument
 * and environment strings out of the old program (they are about to
 * disappear with it), builds a new address space through the binary
 * format that recognizes the file (search_binary_handler: ELF in
 * fs/binfmt_elf.c, scripts in fs/binfmt_script.c), and only then - at the "point of no
 * return" in flush_old_exec - drops the old address space. Any error
 * before that point returns to the unchanged caller.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/uaccess.h>

/* copy_strings: append the strings of a NULL-terminated vector to bprm->strings. */
static int copy_strings(struct linux_binprm *bprm, const char *const *vec,
			bool from_user, int *count)
{
	*count = 0;
	for (;;) {
		const char *s;
		long len;

		if (!vec)
			return 0;
		if (from_user) {
			if (get_user(s, vec + *count))
				return -EFAULT;
		} else {
			s = vec[*count];
		}
		if (!s)
			return 0;
		if (from_user) {
			len = strncpy_from_user(bprm->strings + bprm->strings_len, s,
						ARG_BUF_SIZE - bprm->strings_len);
			if (len < 0)
				return len;
		} else {
			len = strnlen(s, ARG_BUF_SIZE - bprm->strings_len);
			memcpy(bprm->strings + bprm->strings_len, s, len);
		}
		if (bprm->strings_len + len >= ARG_BUF_SIZE)
			return -E2BIG;
		bprm->strings[bprm->strings_len + len] = '\0';
		bprm->strings_len += len + 1;
		(*count)++;
	}
}

/* flush_old_exec: the point of no return - the new address space takes over. */
void flush_old_exec(struct linux_binprm *bprm)
{
	struct mm_struct *old_mm = current->mm;
	const char *name = strrchr(bprm->filename, '/');

	de_thread();
	if (old_mm)
		mm_release(current);
	current->mm = bprm->mm;
	bprm->mm = NULL;
	switch_mm(current->mm);
	if (old_mm)
		mmput(old_mm);
	set_task_comm(current, name ? name + 1 : bprm->filename);
	flush_thread();
	flush_signal_handlers(current);
	do_close_on_exec(current->files);
}

/*
 * execve: the file name is copied in first; the argument vectors are read
 * from user memory by do_execve. On success the call "returns" into the
 * new program (the saved registers were replaced), so eax must be 0.
 */
SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	long len, err;

	if (!path)
		return -ENOMEM;
	len = strncpy_from_user(path, filename, PATH_MAX);
	if (len < 0)
		err = len;
	else if (len == PATH_MAX)
		err = -ENAMETOOLONG;
	else
		err = do_execve(path, (const char *const *)argv, (const char *const *)envp, true,
				task_pt_regs(current));
	kfree(path);
	return err;
}

/* open_exec: open a program (or its interpreter) for loading: a regular
 * file with an execute bit, or NULL and *err (Linux checks the caller's
 * own execute permission; yomi's only user is root) */
struct file *open_exec(const char *name, int *err)
{
	struct dentry *d = path_lookup(name, true, err);

	if (!d)
		return NULL;
	if (!S_ISREG(d->d_inode->i_mode) || !(d->d_inode->i_mode & 0111)) {
		*err = -EACCES;
		return NULL;
	}
	return dentry_open(d, O_RDONLY, err);
}

static LIST_HEAD(formats);

/* register_binfmt: offer exec's files to fmt too */
void register_binfmt(struct linux_binfmt *fmt)
{
	list_add_tail(&fmt->lh, &formats);
}

/* search_binary_handler: the first format that takes the file loads it;
 * -ENOEXEC when none does */
int search_binary_handler(struct linux_binprm *bprm, struct pt_regs *regs)
{
	struct linux_binfmt *fmt;
	int err;

	list_for_each_entry(fmt, &formats, lh) {
		err = fmt->load_binary(bprm, regs);
		if (err != -ENOEXEC)
			return err;
	}
	return -ENOEXEC;
}

/*
 * exec_binprm: load the file; a script names an interpreter instead
 * (bprm->interpreter), which is loaded in its place - at most 4 levels
 * deep, as Linux allows (Linux 5.8's loop, rather than recursion).
 */
static int exec_binprm(struct linux_binprm *bprm, struct pt_regs *regs)
{
	int depth, err;

	for (depth = 0; depth <= 4; depth++) {
		loff_t pos = 0;

		memset(bprm->buf, 0, sizeof(bprm->buf));
		kernel_read(bprm->file, bprm->buf, sizeof(bprm->buf), &pos);
		err = search_binary_handler(bprm, regs);
		if (err || !bprm->interpreter)
			return err;
		fput(bprm->file);
		bprm->file = bprm->interpreter;
		bprm->interpreter = NULL;
	}
	return -ELOOP;
}

int do_execve(const char *filename, const char *const *argv, const char *const *envp,
	      bool from_user, struct pt_regs *regs)
{
	struct linux_binprm *bprm;
	struct file *file;
	int err = 0;

	file = open_exec(filename, &err);
	if (!file)
		return err;
	bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	if (!bprm) {
		fput(file);
		return -ENOMEM;
	}
	bprm->filename = filename;
	bprm->file = file;
	bprm->strings = (char *)__get_free_pages(GFP_KERNEL, ARG_BUF_ORDER);
	err = -ENOMEM;
	if (!bprm->strings)
		goto out;
	err = copy_strings(bprm, argv, from_user, &bprm->argc);
	if (!err)
		err = copy_strings(bprm, envp, from_user, &bprm->envc);
	if (err)
		goto out;
	bprm->mm = mm_alloc();
	err = -ENOMEM;
	if (!bprm->mm)
		goto out;
	arch_pick_mmap_layout(bprm->mm);
	err = exec_binprm(bprm, regs);
out:
	if (bprm->mm)
		mmput(bprm->mm);
	fput(bprm->file);
	if (bprm->strings)
		free_pages((unsigned long)bprm->strings, ARG_BUF_ORDER);
	kfree(bprm);
	return err;
}

/*
 * exec_take_leader: de_thread's last step when a thread that is not the
 * leader execs: it takes the process id and the leader's place (parent,
 * children, start time), and the leader, a zombie by now, is released
 * (Linux: exchange_tids, then release_task of the old leader).
 */
static void exec_take_leader(struct task_struct *tsk)
{
	struct task_struct *leader = tsk->group_leader, *child;
	pid_t tid = tsk->pid;

	tsk->pid = leader->pid;
	leader->pid = tid;
	tsk->parent = leader->parent;
	tsk->exit_signal = leader->exit_signal;
	tsk->start_time = leader->start_time;
	tsk->cutime = leader->cutime;
	tsk->cstime = leader->cstime;
	list_replace_init(&leader->sibling, &tsk->sibling);
	list_splice_init(&leader->children, &tsk->children);
	list_for_each_entry(child, &tsk->children, sibling)
		child->parent = tsk;
	list_del_init(&leader->thread_group);
	tsk->signal->nr_threads--;
	tsk->signal->utime += leader->utime;
	tsk->signal->stime += leader->stime;
	tsk->signal->sum_sched_runtime += leader->sum_exec_runtime;
	tsk->group_leader = tsk;
	leader->group_leader = leader;
	leader->exit_state = EXIT_DEAD;
	release_task(leader);
}

/*
 * de_thread: exec's first step in a process with threads: the others get
 * SIGKILL, and the caller sleeps until they have ended; then it is the
 * process's only thread. If a group exit was first, the caller does not
 * wait: it dies too on its way back to user mode. Signal actions shared
 * with another process (CLONE_SIGHAND without CLONE_THREAD) are copied
 * first, as exec resets them.
 */
void de_thread(void)
{
	struct task_struct *tsk = current;
	struct signal_struct *sig = tsk->signal;
	unsigned long flags = local_irq_save();

	if (!list_empty(&tsk->thread_group) && !(sig->flags & SIGNAL_GROUP_EXIT)) {
		sig->group_exec_task = tsk;
		zap_other_threads(tsk);
		for (;;) {
			tsk->state = TASK_INTERRUPTIBLE;
			if (sig->live == 1 || (tsk->sig_pending & sigmask(SIGKILL)))
				break;
			local_irq_restore(flags);
			schedule();
			flags = local_irq_save();
		}
		tsk->state = TASK_RUNNING;
		sig->group_exec_task = NULL;
		if (sig->live == 1 && !thread_group_leader(tsk))
			exec_take_leader(tsk);
	}
	local_irq_restore(flags);
	if (tsk->sighand->count > 1) {
		struct sighand_struct *old = tsk->sighand;

		if (!copy_sighand(0, tsk))
			old->count--;
		else
			tsk->sighand = old;
	}
}
