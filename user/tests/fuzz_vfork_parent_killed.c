/*
 * test_fuzz_vfork_parent_killed: a process killed while it waits in vfork
 * for its child; the child runs on, and exits after its parent has been
 * reaped. Found by make fuzz SEED=14 CALLS=1000000 (child 176): yomi
 * remembered the parent in the child (vfork_parent) and woke it, freed,
 * when the child exited:
 *     BUG: unable to handle kernel NULL pointer dereference at 00000001
 *     EIP is at wake_up+0x31/0x80
 *     Call Trace: wake_up <- do_exit <- exit_to_usermode
 * Fixed in kernel/fork.c: _do_fork clears the child's vfork_parent when
 * its wait ends, as Linux's wait_for_vfork_done clears vfork_done. The
 * fuzzer's replay did not die (the bug needs its timing), so this test
 * was written by hand; with slub_debug=P (every test boot has it) the
 * freed parent is poisoned and the old kernel faults at once.
 */
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "repro.h"
#include "tap.h"

static int pipefd[2];

/* the vfork parent: its child blocks reading the pipe, in our memory */
static void __attribute__((noreturn)) vfork_parent(void)
{
	char c;

	if (__syscall(__NR_vfork, 0, 0, 0, 0, 0, 0) == 0) {
		__syscall(__NR_read, pipefd[0], (long)&c, 1, 0, 0, 0);
		__syscall(__NR_exit, 0, 0, 0, 0, 0, 0);
	}
	_exit(0);	/* not reached while the child runs: we are killed */
}

int main(void)
{
	struct timespec settle = { 0, 50000000 };
	int status;
	pid_t parent;

	pipe(pipefd);
	parent = fork();
	if (parent == 0)
		vfork_parent();
	nanosleep(&settle, NULL);	/* the parent is asleep in vfork */
	kill(parent, SIGKILL);
	ok(waitpid(parent, &status, 0) == parent && WIFSIGNALED(status) &&
	   WTERMSIG(status) == SIGKILL, "the vfork parent is killed while it waits, and reaped");
	write(pipefd[1], "x", 1);	/* the child reads, exits: nothing wakes the dead */
	nanosleep(&settle, NULL);
	while (waitpid(-1, &status, WNOHANG) > 0)
		;			/* the child, if it is ours (we are init) */
	ok(1, "the child exits after its vfork parent was freed; the kernel survives");
	return tap_done();
}
