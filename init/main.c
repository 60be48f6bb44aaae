/*
 * start_kernel: everything the kernel does from the boot stack until it has
 * nothing left to run (Linux: init/main.c). The order matters: the serial
 * console first so every later step can report; then the boot information,
 * the command line, descriptor tables, memory, interrupts and the clock;
 * then the remaining consoles and input; then the self-checks asked for.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/console.h>
#include <linux/fs.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/time.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/bootinfo.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/reboot.h>
#include <asm/setup.h>
#include <asm/vdso.h>

#define YOMI_BANNER "yomi version " YOMI_VERSION " (" YOMI_COMPILER ")"

const char linux_banner[] = YOMI_BANNER "\n";

asmlinkage __noreturn void start_kernel(void);

asmlinkage void start_kernel(void)
{
	current_thread_info()->task = &init_task;
	printk(KERN_NOTICE "%s", linux_banner);	/* kept in the log until a console comes */
	serial8250_init();
	setup_arch();
	pr_notice("Kernel command line: %s\n", boot_info.cmdline);
	parse_command_line(boot_info.cmdline);
	trap_init();
	mem_init();
	kmem_cache_init();
	fork_init();
	paging_init();
	mem_report();
	init_IRQ();
	time_init();
	tsc_init();
	rand_initialize();
	timekeeping_init();
	init_ftrace_syscalls();
	sysenter_setup();
	serial8250_irq_init();
	console_init();
	local_irq_enable();
	run_selftests();
	rest_init();
}

static char *execute_command;	/* init= */

static int __init init_setup(char *str)
{
	execute_command = str;
	return 1;
}
__setup("init=", init_setup);

/* Linux's INIT_RLIMITS: what pid 1 starts with and every process inherits */
static const struct rlimit init_rlimits[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_FSIZE] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_DATA] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_STACK] = { _STK_LIM, RLIM_INFINITY },
	[RLIMIT_CORE] = { 0, RLIM_INFINITY },
	[RLIMIT_RSS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_NPROC] = { 0, 0 },		/* max_threads / 2: rest_init */
	[RLIMIT_NOFILE] = { 1024, 4096 },
	[RLIMIT_MEMLOCK] = { 8 << 20, 8 << 20 },	/* Linux 5.16 and later */
	[RLIMIT_AS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_LOCKS] = { RLIM_INFINITY, RLIM_INFINITY },
	[RLIMIT_SIGPENDING] = { 0, 0 },		/* max_threads / 2: rest_init */
	[RLIMIT_MSGQUEUE] = { 819200, 819200 },
	[RLIMIT_RTTIME] = { RLIM_INFINITY, RLIM_INFINITY },
};

/* run_init_process: exec path as pid 1, with the command line's words
 * after "--" as its arguments; returns only on failure. */
static int run_init_process(const char *path)
{
	static const char *const envp[] = { "HOME=/", "TERM=linux", NULL };
	struct pt_regs *regs = task_pt_regs(current);
	int err;

	argv_init[0] = path;
	err = do_execve(path, argv_init, envp, false, regs);

	if (!err)
		ret_to_user(regs);
	return err;
}


/* do_initcalls: every device_initcall, in link order (Linux: by level) */
void do_initcalls(void)
{
	const initcall_t *call;

	for (call = __initcall_start; call < __initcall_end; call++)
		if ((*call)())
			pr_warn("initcall %p failed\n", *call);
}

/*
 * kernel_init: pid 1's kernel half. It fills the root file system from the
 * initramfs, opens the console as descriptors 0, 1 and 2, and execs init:
 * init= when given (failure is fatal, as on Linux), else the first of the
 * usual places that works.
 */
static void kernel_init(void)
{
	static const char *const defaults[] = { "/sbin/init", "/etc/init", "/bin/init", "/bin/sh" };
	struct file *console;
	struct dentry *d;
	unsigned int i;
	int err = 0;

	do_initcalls();
	populate_rootfs();
	devices_init();
	proc_root_init();
	d = path_lookup("/dev/console", true, &err);
	console = d ? dentry_open(d, O_RDWR, &err) : NULL;
	current->files = files_alloc();
	if (!console || !current->files)
		panic("cannot open /dev/console for init (error %d)", err);
	for (i = 0; i < 3; i++)
		fd_install(i, console);
	console->f_count = 3;
	syscall_trace_task(current);
	if (execute_command) {
		err = run_init_process(execute_command);
		panic("Requested init %s failed (error %d).", execute_command, err);
	}
	for (i = 0; i < ARRAY_SIZE(defaults); i++)
		run_init_process(defaults[i]);
	panic("No working init found.  Try passing init= option to kernel.");
}

/*
 * rest_init: make pid 1, which will run kernel_init, and turn the boot
 * task into the idle task (Linux starts kernel_init with kernel_thread).
 */
void rest_init(void)
{
	struct task_struct *t = dup_task_struct();

	if (!t || copy_sighand(0, t) || copy_signal(0, t) || copy_fs(0, t))
		panic("no memory for pid 1");
	t->pid = t->tgid = 1;
	t->pgrp = t->session = 1;
	t->parent = &init_task;
	t->exit_signal = SIGCHLD;
	set_task_comm(t, "init");
	memcpy(t->rlim, init_rlimits, sizeof(t->rlim));
	t->rlim[RLIMIT_NPROC].rlim_cur = t->rlim[RLIMIT_NPROC].rlim_max = max_threads / 2;
	t->rlim[RLIMIT_SIGPENDING] = t->rlim[RLIMIT_NPROC];
	list_add_tail(&t->sibling, &init_task.children);
	list_add_tail(&t->tasks, &init_task.tasks);
	nr_threads++;
	copy_thread(t, NULL, 0, kernel_init, 0, 0);
	wake_up_process(t);
	cpu_idle();
}
