/*
 * test_jobctl: job-control stops. SIGSTOP and SIGTSTP (default action)
 * stop a child; waitpid reports it with WUNTRACED (WIFSTOPPED, the
 * signal), only once, and not without WUNTRACED; /proc shows state T;
 * SIGCONT continues it (WCONTINUED reports that); the parent's SIGCHLD handler sees CLD_STOPPED and CLD_CONTINUED
 * unless SA_NOCLDSTOP; SIGKILL ends a stopped child; a SIGTSTP handler
 * runs instead of stopping; SIGTSTP's default action in an orphaned
 * process group (the test's own, under init) does nothing.
 */
#include <asm/siginfo.h>
#include "sys.h"

static volatile int chld_codes[8], nchld, tstps;

static long sys_sigaction(int sig, void *handler, unsigned long flags)
{
	struct k_sigaction sa = { (__sighandler_t)handler, flags, NULL, { 0, 0 } };

	return syscall(__NR_rt_sigaction, sig, &sa, 0, 8);
}

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	if (nchld < 8)
		chld_codes[nchld++] = si->si_code;
}

/* a child that exits with 10 when told (SIGUSR1) */
static void on_usr1(int sig)
{
	(void)sig;
	_exit(10);
}

static void on_tstp(int sig)
{
	(void)sig;
	tstps++;
}

static pid_t sleeper(void)
{
	pid_t pid = sys_fork();

	if (pid == 0) {
		setpgid(0, 0);	/* a group with its parent outside: not orphaned, SIGTSTP stops */
		sys_sigaction(SIGUSR1, on_usr1, 0);
		for (;;)
			syscall(__NR_pause);
	}
	return pid;
}

static char proc_state(pid_t pid)
{
	char path[64], buf[256], *p;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_file(path, buf, sizeof(buf)) <= 0 || !(p = strrchr(buf, ')')))
		return '?';
	return p[2];
}

int main(void)
{
	int status;
	pid_t pid;

	default_signals();
	sys_sigaction(SIGCHLD, on_chld, SA_SIGINFO | SA_RESTART);
	pid = sleeper();
	sleep_ms(50);
	kill(pid, SIGSTOP);
	ok(sys_wait4(pid, &status, WUNTRACED, NULL) == pid && WIFSTOPPED(status) &&
	   WSTOPSIG(status) == SIGSTOP, "SIGSTOP: waitpid(WUNTRACED) reports WIFSTOPPED, SIGSTOP");
	expect_eq(proc_state(pid), 'T', "/proc/PID/stat shows state T");
	expect_eq(sys_wait4(pid, &status, WUNTRACED | WNOHANG, NULL), 0,
		  "the stop is reported once");
	ok(nchld == 1 && chld_codes[0] == CLD_STOPPED, "the parent's SIGCHLD: CLD_STOPPED");
	kill(pid, SIGCONT);
	ok(sys_wait4(pid, &status, WCONTINUED, NULL) == pid && WIFCONTINUED(status),
	   "SIGCONT: waitpid(WCONTINUED) reports WIFCONTINUED");
	sleep_ms(50);	/* the continued child tells its parent when it runs */
	ok(nchld == 2 && chld_codes[1] == CLD_CONTINUED, "the parent's SIGCHLD: CLD_CONTINUED");
	kill(pid, SIGTSTP);
	ok(sys_wait4(pid, &status, WUNTRACED, NULL) == pid && WIFSTOPPED(status) &&
	   WSTOPSIG(status) == SIGTSTP, "SIGTSTP's default action stops too");
	kill(pid, SIGCONT);
	sleep_ms(50);
	kill(pid, SIGUSR1);
	status = wait_for(pid);
	expect_exit(status, 10, "the continued child runs again (its SIGUSR1 handler exits)");

	sys_sigaction(SIGCHLD, on_chld, SA_SIGINFO | SA_RESTART | SA_NOCLDSTOP);
	nchld = 0;
	pid = sleeper();
	sleep_ms(50);
	kill(pid, SIGSTOP);
	expect_eq(sys_wait4(pid, &status, WUNTRACED, NULL), pid, "stopped again");
	expect_eq(sys_wait4(pid, &status, WNOHANG, NULL), 0,
		  "without WUNTRACED a stopped child is not reported");
	ok(nchld == 0, "SA_NOCLDSTOP: no SIGCHLD for the stop");
	kill(pid, SIGKILL);
	expect_killed(wait_for(pid), SIGKILL, "SIGKILL to a stopped child");

	pid = sys_fork();
	if (pid == 0) {
		sys_sigaction(SIGCHLD, SIG_DFL, 0);
		raise(SIGTSTP);
		_exit(3);
	}
	expect_exit(wait_for(pid), 3, "SIGTSTP in an orphaned process group is discarded");
	sys_sigaction(SIGTSTP, on_tstp, 0);
	raise(SIGTSTP);
	expect_eq(tstps, 1, "a SIGTSTP handler runs instead of stopping");
	return tap_done();
}
