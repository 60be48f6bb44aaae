/*
 * yomi's built-in system call tracer (Linux has ftrace's syscall events in
 * kernel/trace/trace_syscalls.c, built on the same SYSCALL_METADATA
 * records; strace uses ptrace instead). With syscall_trace=all or
 * syscall_trace=PID on the command line, or -1 / PID written to
 * /proc/sys/kernel/syscall_trace (0 stops it), tasks get TIF_SYSCALL_TRACE and
 * entry_INT80_32 sends their system calls here instead of calling the
 * table directly. Each call prints one line:
 *     [3] write(fd=1, buf=0x0804a01c, count=6) = 6
 * with errors as "= -14 EFAULT".
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/syscall.h>
#include <asm/unistd_32.h>

/* kernel.syscall_trace: 0 off, -1 every process, else one pid */
#define TRACE_NONE 0
#define TRACE_ALL (-1)
int sysctl_syscall_trace = TRACE_NONE;
static const struct syscall_metadata *syscalls_metadata[NR_syscalls];

static int __init syscall_trace_setup(char *str)
{
	unsigned long pid;

	if (!strcmp(str, "all"))
		sysctl_syscall_trace = TRACE_ALL;
	else if (!kstrtoul(str, 10, &pid) && pid < PID_MAX)
		sysctl_syscall_trace = pid;
	else
		return 0;
	return 1;
}
__setup("syscall_trace=", syscall_trace_setup);

/* init_ftrace_syscalls: match each table slot with its metadata record. */
void init_ftrace_syscalls(void)
{
	const struct syscall_metadata *m;
	unsigned int nr;

	for (nr = 0; nr < NR_syscalls; nr++)
		for (m = __start_syscalls_metadata; m < __stop_syscalls_metadata; m++)
			if (m->entry == (void *)sys_call_table[nr])
				syscalls_metadata[nr] = m;
}

/* syscall_trace_task: set or clear the trace flag for a task being started. */
void syscall_trace_task(struct task_struct *t)
{
	if (sysctl_syscall_trace == TRACE_ALL || sysctl_syscall_trace == t->pid)
		set_ti_flag(t->stack, TIF_SYSCALL_TRACE);
	else
		clear_ti_flag(t->stack, TIF_SYSCALL_TRACE);
}

/* syscall_trace_changed: /proc/sys/kernel/syscall_trace was written. */
void syscall_trace_changed(void)
{
	struct task_struct *t;

	list_for_each_entry(t, &init_task.tasks, tasks)
		if (!t->exit_state)
			syscall_trace_task(t);
}

static bool is_unsigned(const char *type)
{
	return !strncmp(type, "unsigned", 8) || !strcmp(type, "size_t") ||
	       !strcmp(type, "uid_t") || !strcmp(type, "gid_t");
}

static void print_call(const struct pt_regs *regs, const char *result)
{
	const unsigned long args[6] = { regs->bx, regs->cx, regs->dx, regs->si, regs->di, regs->bp };
	unsigned long nr = regs->orig_ax;
	const struct syscall_metadata *m = nr < NR_syscalls ? syscalls_metadata[nr] : NULL;
	char line[256];
	int len, i;

	if (!m) {
		len = snprintf(line, sizeof(line), "[%d] syscall_%ld(", current->pid, (long)nr);
	} else {
		len = snprintf(line, sizeof(line), "[%d] %s(", current->pid, m->name + 4);
		for (i = 0; i < m->nb_args && len < (int)sizeof(line); i++) {
			const char *fmt = strchr(m->types[i], '*') ? "%s%s=%#010lx" :
					  is_unsigned(m->types[i]) ? "%s%s=%lu" : "%s%s=%ld";

			len += snprintf(line + len, sizeof(line) - len, fmt, i ? ", " : "",
					m->args[i], args[i]);
		}
	}
	printk(KERN_INFO "%.*s) = %s\n", len, line, result);
}

/*
 * syscall_trace: run a traced task's system call and print it. The call
 * is printed from a copy of the registers taken before it, because execve
 * replaces them.
 */
void syscall_trace(struct pt_regs *regs)
{
	struct pt_regs call = *regs;
	unsigned long nr = regs->orig_ax;
	char result[32];
	long ret;

	if (nr == __NR_exit || nr == __NR_exit_group)
		print_call(&call, "?");		/* these never return */
	if (nr >= NR_syscalls)
		ret = -ENOSYS;
	else
		ret = sys_call_table[nr](regs->bx, regs->cx, regs->dx, regs->si, regs->di, regs->bp);
	regs->ax = ret;
	if (ret < 0 && ret >= -MAX_ERRNO)
		snprintf(result, sizeof(result), "%ld %s", ret, errno_name(-ret));
	else if (ret < 0 || ret > 0xffff)
		snprintf(result, sizeof(result), "%#lx", ret);
	else
		snprintf(result, sizeof(result), "%ld", ret);
	print_call(&call, result);
}
