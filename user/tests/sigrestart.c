/*
 * test_sigrestart: what a handled signal does to a system call that
 * sleeps. Without SA_RESTART read, wait4, pause, nanosleep end with EINTR;
 * with it read and wait4 start again (through int $0x80, and through the
 * vDSO's sysenter entry, whose restart point is its int $0x80), as a read
 * does that a stop and a continue interrupt. alarm and
 * setitimer(ITIMER_REAL) send SIGALRM; rt_sigsuspend waits with a
 * temporary mask; rt_sigpending shows blocked signals; SIGCHLD and
 * SIGPIPE reach handlers with their siginfo. The cases of a system call
 * that a handler interrupts are named "restart:" (the signals lab's test).
 */
#include <sys/auxv.h>
#include <asm/siginfo.h>
#include "sys.h"

#define sigmask(sig) (1UL << ((sig) - 1))

static volatile int alarms, chld_code, chld_status, chld_pid, pipes;

static long sys_sigaction(int sig, void *handler, unsigned long flags)
{
	struct k_sigaction sa = { (__sighandler_t)handler, flags, NULL, { 0, 0 } };

	return syscall(__NR_rt_sigaction, sig, &sa, 0, 8);
}

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static void on_chld(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	chld_code = si->si_code;
	chld_status = si->si_status;
	chld_pid = si->si_pid;
}

static void on_pipe(int sig)
{
	(void)sig;
	pipes++;
}

/* arm: SIGALRM in ms milliseconds (setitimer, one shot) */
static void arm(long ms)
{
	struct itimerval v = { { 0, 0 }, { ms / 1000, (ms % 1000) * 1000 } };

	syscall(__NR_setitimer, ITIMER_REAL, &v, NULL);
}

/* writer: a child that writes one byte to fd after ms milliseconds */
static pid_t writer(int fd, long ms)
{
	pid_t pid = sys_fork();

	if (pid == 0) {
		sleep_ms(ms);
		write(fd, "x", 1);
		_exit(0);
	}
	return pid;
}

/* vsyscall_read: read(2) through the vDSO's __kernel_vsyscall (sysenter where the CPU has it) */
static long vsyscall_read(unsigned long entry, int fd, void *buf, size_t n)
{
	long r;

	__asm__ __volatile__("pushl %%ebx\n\tmovl %2, %%ebx\n\tcall *%1\n\tpopl %%ebx"
			     : "=a"(r) : "r"(entry), "r"(fd), "0"(__NR_read), "c"(buf), "d"(n)
			     : "memory");
	return r;
}

static void read_cases(void)
{
	unsigned long vsys = getauxval(AT_SYSINFO);
	int fds[2];
	char c;
	pid_t pid;
	long r;

	sys_pipe2(fds, 0);
	sys_sigaction(SIGALRM, on_alarm, 0);
	arm(50);
	r = read(fds[0], &c, 1);
	ok(r == -1 && errno == EINTR && alarms == 1, "restart: read interrupted by a handler: EINTR");

	sys_sigaction(SIGALRM, on_alarm, SA_RESTART);
	pid = writer(fds[1], 300);
	arm(50);
	r = read(fds[0], &c, 1);
	ok(r == 1 && alarms == 2, "restart: SA_RESTART: the read starts again and gets the byte");
	wait_for(pid);

	pid = sys_fork();	/* no handler: a stop and a continue restart the read */
	if (pid == 0) {
		r = read(fds[0], &c, 1);
		_exit(r == 1 ? 0 : 1);
	}
	sleep_ms(50);
	kill(pid, SIGSTOP);
	sleep_ms(50);
	kill(pid, SIGCONT);
	sleep_ms(50);
	write(fds[1], "x", 1);
	expect_exit(wait_for(pid), 0, "restart: a read stopped and continued starts again by itself");

	if (!vsys) {
		skip("no AT_SYSINFO", "restart: SA_RESTART through __kernel_vsyscall");
		return;
	}
	pid = writer(fds[1], 300);
	arm(50);
	r = vsyscall_read(vsys, fds[0], &c, 1);
	ok(r == 1 && alarms == 3, "restart: SA_RESTART through __kernel_vsyscall: the byte");
	wait_for(pid);
	close(fds[0]);
	close(fds[1]);
}

static void wait_cases(void)
{
	int status;
	pid_t pid, r;

	sys_sigaction(SIGALRM, on_alarm, 0);
	pid = sys_fork();
	if (pid == 0) {
		sleep_ms(300);
		_exit(5);
	}
	arm(50);
	r = sys_wait4(pid, &status, 0, NULL);
	ok(r == -1 && errno == EINTR, "restart: wait4 interrupted by a handler: EINTR");
	sys_sigaction(SIGALRM, on_alarm, SA_RESTART);
	arm(50);
	r = sys_wait4(pid, &status, 0, NULL);
	ok(r == pid && WIFEXITED(status) && WEXITSTATUS(status) == 5,
	   "restart: SA_RESTART: wait4 starts again and reaps the child");
}

static void sleep_cases(void)
{
	struct timespec ts = { 5, 0 }, left = { 0, 0 };
	long r;

	sys_sigaction(SIGALRM, on_alarm, SA_RESTART);
	arm(50);
	r = syscall(__NR_pause);
	ok(r == -1 && errno == EINTR, "restart: pause: EINTR after the handler, even with SA_RESTART");
	arm(50);
	r = nanosleep(&ts, &left);
	ok(r == -1 && errno == EINTR && left.tv_sec >= 3 && left.tv_sec <= 5,
	   "restart: nanosleep: EINTR, with the time left");
	expect_eq(syscall(__NR_alarm, 5), 0, "alarm: no alarm before");
	expect_eq(syscall(__NR_alarm, 0), 5, "alarm(0) cancels it, 5 s were left");
	struct itimerval v = { { 0, 0 }, { 0, 0 } };
	syscall(__NR_getitimer, ITIMER_REAL, &v);
	ok(!v.it_value.tv_sec && !v.it_value.tv_usec, "getitimer: disarmed");
	expect_errno(syscall(__NR_setitimer, 7, &v, NULL), EINVAL, "setitimer: an unknown timer");
	int before = alarms;
	syscall(__NR_alarm, 1);
	syscall(__NR_pause);
	expect_eq(alarms, before + 1, "alarm(1) ends pause with SIGALRM");
}

static void suspend_cases(void)
{
	unsigned long block[2] = { sigmask(SIGALRM), 0 }, none[2] = { 0, 0 }, set[2];
	int before = alarms;
	long r;

	syscall(__NR_rt_sigprocmask, SIG_BLOCK, block, NULL, 8);
	arm(50);
	sleep_ms(150);
	ok(alarms == before, "a blocked SIGALRM waits");
	syscall(__NR_rt_sigpending, set, 8);
	ok(set[0] == sigmask(SIGALRM), "rt_sigpending shows it");
	syscall(__NR_rt_sigprocmask, SIG_UNBLOCK, block, NULL, 8);
	ok(alarms == before + 1, "unblocking delivers it");

	syscall(__NR_rt_sigprocmask, SIG_BLOCK, block, NULL, 8);
	arm(50);
	r = syscall(__NR_rt_sigsuspend, none, 8);
	ok(r == -1 && errno == EINTR && alarms == before + 2,
	   "restart: rt_sigsuspend: the handler runs, then EINTR");
	syscall(__NR_rt_sigprocmask, SIG_BLOCK, NULL, set, 8);
	ok(set[0] == sigmask(SIGALRM), "restart: rt_sigsuspend: the old mask is back");
	syscall(__NR_rt_sigprocmask, SIG_UNBLOCK, block, NULL, 8);
}

static void chld_pipe_cases(void)
{
	int fds[2], status;
	pid_t pid;

	sys_sigaction(SIGCHLD, on_chld, SA_SIGINFO | SA_RESTART);
	pid = sys_fork();
	if (pid == 0)
		_exit(3);
	status = wait_for(pid);
	ok(chld_pid == pid && chld_code == CLD_EXITED && chld_status == 3,
	   "SIGCHLD handler: si_pid, CLD_EXITED, si_status = the exit code");
	pid = sys_fork();
	if (pid == 0) {
		syscall(__NR_pause);
		_exit(0);
	}
	kill(pid, SIGTERM);
	status = wait_for(pid);
	ok(chld_pid == pid && chld_code == CLD_KILLED && chld_status == SIGTERM,
	   "SIGCHLD handler: CLD_KILLED, si_status = the signal");
	sys_sigaction(SIGCHLD, SIG_DFL, 0);

	sys_sigaction(SIGPIPE, on_pipe, 0);
	sys_pipe2(fds, 0);
	close(fds[0]);
	errno = 0;
	ok(write(fds[1], "x", 1) == -1 && errno == EPIPE && pipes == 1,
	   "write to a pipe without readers: SIGPIPE to the handler, then EPIPE");
	close(fds[1]);
	(void)status;
}

int main(void)
{
	default_signals();
	read_cases();
	wait_cases();
	sleep_cases();
	suspend_cases();
	chld_pipe_cases();
	return tap_done();
}
