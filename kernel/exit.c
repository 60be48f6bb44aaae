/*
 * Ending a process (Linux: kernel/exit.c). do_exit releases the address
 * space and the open files and records the wait status: (code << 8) for a
 * normal exit, the signal number for a kill. When init (pid 1) ends there
 * is nothing left to run, so the machine powers off with its status.
 */
#include <linux/kernel.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <linux/syscalls.h>
#include <asm/reboot.h>

void do_exit(long code)
{
	struct task_struct *tsk = current;
	int status;

	if (tsk->mm) {
		struct mm_struct *mm = tsk->mm;

		switch_mm(NULL);
		tsk->mm = NULL;
		mmput(mm);
	}
	if (tsk->files) {
		put_files_struct(tsk->files);
		tsk->files = NULL;
	}
	tsk->exit_code = code;
	if (tsk->pid != 1)
		panic("do_exit: no scheduler to switch away from pid %d", tsk->pid);
	/* the shell's convention: an exit status, or 128 + the signal */
	if (code & 0x7f) {
		status = 128 + (code & 0x7f);
		printk(KERN_NOTICE "init killed by signal %ld\n", code & 0x7f);
	} else {
		status = (code >> 8) & 0xff;
	}
	printk(KERN_NOTICE "init exited with status %d\n", status);
	machine_power_off(status);
}

SYSCALL_DEFINE1(exit, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}

/* exit_group: all threads of the process; yomi's processes have one. */
SYSCALL_DEFINE1(exit_group, int, error_code)
{
	do_exit((error_code & 0xff) << 8);
}
