/*
 * test_proc: processes. fork, vfork and clone; wait4/waitpid and the
 * status encoding (also wait4(0), wait4(-pgrp), the plain exit call);
 * WNOHANG and ECHILD; kill and fault deaths; orphans; pids held by
 * zombies; execve with arguments and environment, what it keeps (pid,
 * parent, cwd, umask, ignored signals), its failures (ENOENT, EACCES,
 * ENOEXEC, ENOTDIR, EFAULT, E2BIG) leaving the caller as it was; #!
 * scripts; close-on-exec; fork until the process limit; a leak check
 * (yomi-only).
 *
 * The program execs itself (argv[0]) with a mode as argv[1] for the exec
 * cases: "args" prints its arguments and environment, "fds" says which of
 * the descriptors named in argv[2..] are open, "state" prints what execve
 * should have kept.
 *
 * On Linux the test runs under a shell, and an orphan goes to the nearest
 * "child subreaper": the test makes itself one (prctl), so there the
 * orphan's new parent is the test. yomi has no prctl: there it is init
 * (pid 1), which is the test itself, as it runs as init.
 */
#include <stdlib.h>
#include "sys.h"

#define PR_SET_CHILD_SUBREAPER 36

static char self[256];		/* absolute path of this program */
static char dir[128];		/* scratch directory under /tmp */

/* --- the exec'd modes ----------------------------------------------------- */

static int mode_args(int argc, char **argv, char **envp)
{
	int i;

	for (i = 0; i < argc; i++)
		printf("arg%d=%s\n", i, argv[i]);
	for (i = 0; envp[i]; i++)
		printf("env=%s\n", envp[i]);
	return 0;
}

/* mode_state: what execve keeps: pid, parent, cwd, umask, an ignored signal */
static int mode_state(void)
{
	struct k_sigaction old;
	char cwd[128] = "";
	mode_t mask = sys_umask(0);

	sys_getcwd(cwd, sizeof(cwd));
	syscall(__NR_rt_sigaction, SIGPIPE, NULL, &old, 8);
	printf("pid=%d ppid=%d cwd=%s umask=%o sigpipe=%s\n", getpid(), getppid(), cwd, mask,
	       old.sa_handler == SIG_IGN ? "ignored" : old.sa_handler == SIG_DFL ? "default" : "other");
	return 0;
}

static int mode_fds(int argc, char **argv)
{
	int i, fd;

	for (i = 2; i < argc; i++) {
		fd = atoi(argv[i]);
		printf("%d:%s ", fd, sys_fcntl(fd, F_GETFD, 0) >= 0 ? "open" : "closed");
	}
	printf("\n");
	return 0;
}

/* --- fork and wait -------------------------------------------------------- */

static int exit_code(void *arg)
{
	return (int)(long)arg;
}

static void fork_basics(void)
{
	int fds[2], status;
	pid_t parent = getpid(), pid;
	char c;

	if (pipe(fds) < 0) {
		ok(0, "pipe for the fork test: %s", strerror(errno));
		return;
	}
	pid = sys_fork();
	if (pid == 0) {
		c = getppid() == parent ? 'y' : 'n';
		write(fds[1], &c, 1);
		_exit(0);
	}
	ok(pid > 0, "fork returns the child's pid (%d) in the parent", pid);
	ok(pid != parent, "the child's pid differs from the parent's");
	c = 0;
	read(fds[0], &c, 1);
	ok(c == 'y', "the child runs, and getppid in it is the parent's pid");
	close(fds[0]);
	close(fds[1]);
	expect_eq(sys_wait4(pid, &status, 0, NULL), pid, "wait4 returns the child's pid");
	expect_exit(status, 0, "fork returns 0 in the child");
}

static void exit_statuses(void)
{
	static const int codes[] = { 0, 1, 42, 255 };
	unsigned int i;
	int status;
	pid_t pid;

	for (i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		status = in_child(exit_code, (void *)(long)codes[i]);
		ok(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == codes[i] &&
		   !WIFSIGNALED(status), "exit(%d): WIFEXITED and WEXITSTATUS %d", codes[i],
		   codes[i]);
		expect_eq(status, codes[i] << 8, "exit(%d): the status is %#x", codes[i],
			  codes[i] << 8);
	}
	status = in_child(exit_code, (void *)(long)(256 + 7));
	expect_exit(status, 7, "exit(263) keeps the low 8 bits");

	pid = sys_fork();
	if (pid == 0)
		_exit(3);
	status = 0;
	expect_eq(sys_waitpid(pid, &status, 0), pid, "waitpid (7) returns the child's pid");
	expect_exit(status, 3, "waitpid reports the status");
}

static void wait_variants(void)
{
	int status = 0;
	pid_t pid;

	pid = sys_fork();
	if (pid == 0)
		_exit(21);
	expect_eq(sys_wait4(0, &status, 0, NULL), pid, "wait4(0) waits for a child in our group");
	expect_exit(status, 21, "wait4(0)");
	pid = sys_fork();
	if (pid == 0)
		_exit(22);
	expect_eq(sys_wait4(-(pid_t)syscall(__NR_getpgrp), &status, 0, NULL), pid,
		  "wait4(-pgrp) waits for a child in that group");
	expect_exit(status, 22, "wait4(-pgrp)");
	pid = sys_fork();
	if (pid == 0)
		for (;;)
			syscall(__NR_exit, 23);	/* exit (1), not exit_group */
	status = 0;
	expect_eq(sys_wait4(pid, NULL, 0, NULL), pid, "wait4 with a NULL status pointer reaps");
	pid = sys_fork();
	if (pid == 0)
		for (;;)
			syscall(__NR_exit, 23);
	expect_exit(wait_for(pid), 23, "the exit system call (1)");
}

static void many_children(void)
{
	enum { N = 20 };
	pid_t pids[N], pid;
	int seen[N] = { 0 }, i, j, status, good = 1, reaped = 0;

	for (i = 0; i < N; i++) {
		pids[i] = sys_fork();
		if (pids[i] == 0)
			_exit(100 + i);
		if (pids[i] < 0) {
			printf("#   fork %d: %s\n", i, strerror(errno));
			good = 0;
			break;
		}
	}
	while ((pid = sys_wait4(-1, &status, 0, NULL)) > 0) {
		reaped++;
		for (j = 0; j < N && pids[j] != pid; j++)
			;
		if (j == N || seen[j]++ || !WIFEXITED(status) || WEXITSTATUS(status) != 100 + j) {
			printf("#   pid %d status %#x unexpected\n", pid, status);
			good = 0;
		}
	}
	ok(good && reaped == N, "%d children: wait4(-1) collects each once with its own status (%d)",
	   N, reaped);
	expect_errno(pid, ECHILD, "then wait4(-1) fails with ECHILD");
}

static void wnohang_and_echild(void)
{
	int fds[2], status = 0;
	pid_t pid;
	char c;

	expect_errno(sys_wait4(-1, &status, 0, NULL), ECHILD,
		     "wait4(-1) with no children gives ECHILD");
	expect_errno(sys_wait4(-1, &status, WNOHANG, NULL), ECHILD,
		     "wait4(-1, WNOHANG) with no children gives ECHILD");
	expect_errno(sys_waitpid(getpid(), &status, 0), ECHILD,
		     "waitpid of a pid that is not a child gives ECHILD");

	if (pipe(fds) < 0)
		return;
	pid = sys_fork();
	if (pid == 0) {
		close(fds[1]);
		read(fds[0], &c, 1);	/* blocks until the parent writes */
		_exit(5);
	}
	close(fds[0]);
	status = 12345;
	expect_eq(sys_wait4(pid, &status, WNOHANG, NULL), 0,
		  "wait4(WNOHANG) returns 0 while the child runs");
	expect_eq(sys_wait4(-1, &status, WNOHANG, NULL), 0,
		  "wait4(-1, WNOHANG) returns 0 too");
	write(fds[1], "x", 1);
	close(fds[1]);
	status = wait_for(pid);
	expect_exit(status, 5, "after the child is released, wait4 reports it");
}

/* a child that waits forever: blocked in read (block = 1) or spinning */
static pid_t sleeper(int block)
{
	static int fds[2] = { -1, -1 };
	pid_t pid;
	char c;

	if (fds[0] < 0 && pipe(fds) < 0)
		return -1;
	pid = sys_fork();
	if (pid == 0) {
		if (block)
			for (;;)
				read(fds[0], &c, 1);
		for (;;)
			__asm__ volatile("" ::: "memory");
	}
	return pid;
}

static void kills(void)
{
	static const int sigs[] = { SIGTERM, SIGKILL, SIGINT };
	unsigned int i;
	int block, status;
	char what[64];
	pid_t pid;

	for (block = 1; block >= 0; block--)
		for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
			pid = sleeper(block);
			sleep_ms(10);
			expect_eq(kill(pid, 0), 0, "kill(pid, 0) finds the live child");
			expect_eq(kill(pid, sigs[i]), 0, "kill(child, %d) succeeds", sigs[i]);
			status = wait_timeout(pid, 5000);
			snprintf(what, sizeof(what), "kill(%d) of a %s child", sigs[i],
				 block ? "blocked" : "spinning");
			expect_killed(status, sigs[i], what);
			ok(!WIFEXITED(status), "%s: not WIFEXITED", what);
			expect_errno(kill(pid, SIGKILL), ESRCH, "kill of the reaped pid gives ESRCH");
		}
	pid = sleeper(1);
	expect_errno(kill(pid, 99), EINVAL, "kill with signal 99 gives EINVAL");
	kill(pid, SIGKILL);
	wait_for(pid);
}

static void faults(void)
{
	expect_killed(in_child(poke, NULL), SIGSEGV, "a write to NULL");
	expect_killed(in_child(peek, (void *)4), SIGSEGV, "a read from address 4");
	expect_killed(in_child(poke, (void *)0xc0000000), SIGSEGV, "a write to 0xc0000000");
}

/* --- orphans and pids ----------------------------------------------------- */

static void orphans(void)
{
	int fds[2], n, status;
	long vals[2] = { 0, 0 };
	pid_t pid, mid, expected;
	long long start;

	if (syscall(__NR_prctl, PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0)
		expected = getpid();
	else
		expected = 1;		/* init */
	if (pipe(fds) < 0)
		return;
	pid = sys_fork();
	if (pid == 0) {
		mid = getpid();
		if (sys_fork() == 0) {
			/* the grandchild: wait until its parent has gone */
			start = now_ms();
			while (getppid() == mid && now_ms() - start < 5000)
				sleep_ms(5);
			vals[0] = getpid();
			vals[1] = getppid();
			write(fds[1], vals, sizeof(vals));
			_exit(9);
		}
		_exit(0);
	}
	close(fds[1]);
	status = wait_for(pid);
	expect_exit(status, 0, "the middle process exits at once");
	n = read(fds[0], vals, sizeof(vals));
	close(fds[0]);
	expect_eq(n, sizeof(vals), "the orphan reports back");
	ok(vals[1] != pid, "the orphan's parent is no longer the dead process (%d)", pid);
	expect_eq(vals[1], expected, "the orphan is re-parented to its reaper (pid %d)",
		  expected);
	if (vals[1] == getpid()) {
		status = wait_for(vals[0]);
		expect_exit(status, 9, "the new parent reaps the orphan");
	}
}

static void pid_reuse(void)
{
	enum { N = 100 };
	pid_t zombie, pid;
	int i, reused = 0, status;

	zombie = sys_fork();
	if (zombie == 0)
		_exit(4);
	sleep_ms(20);	/* it is a zombie now */
	for (i = 0; i < N; i++) {
		pid = sys_fork();
		if (pid == 0)
			_exit(0);
		if (pid == zombie)
			reused++;
		wait_for(pid);
	}
	ok(!reused, "%d forks never give out the pid of an unreaped zombie", N);
	status = wait_for(zombie);
	expect_exit(status, 4, "the zombie still holds its status");
}

/* --- vfork and clone ------------------------------------------------------- */

static volatile int vfork_mark;
static int vfork_pipe[2];

__attribute__((noreturn, noinline)) static void vfork_child(void)
{
	sleep_ms(100);		/* a parent running meanwhile would write first */
	write(vfork_pipe[1], "c", 1);
	vfork_mark = getpid();
	_exit(8);
}

static void vfork_test(void)
{
	long pid = __NR_vfork;
	long long start;
	char order[3] = "";
	int status;

	vfork_mark = 0;
	if (pipe(vfork_pipe) < 0)
		return;
	fflush(stdout);
	start = now_ms();
	/* vfork shares the stack: enter the kernel right here, not through a
	 * function whose frame the child would pop */
	__asm__ volatile("int $0x80" : "+a"(pid) : : "memory");
	if (pid == 0)
		vfork_child();
	write(vfork_pipe[1], "p", 1);
	ok(pid > 0, "vfork returns the child's pid (%ld)", pid);
	ok(now_ms() - start >= 90, "the parent stays suspended while the vfork child sleeps");
	read(vfork_pipe[0], order, 2);
	ok(!strcmp(order, "cp"), "the vfork child writes before the parent resumes (order \"%s\")",
	   order);
	expect_eq(vfork_mark, pid, "the vfork child shares the parent's memory (CLONE_VM)");
	status = wait_for(pid);
	expect_exit(status, 8, "the vfork child");
	close(vfork_pipe[0]);
	close(vfork_pipe[1]);
}

static volatile int clone_var;

static void clone_test(void)
{
	int status;
	pid_t pid;

	clone_var = 1;
	pid = sys_clone(SIGCHLD);
	if (pid == 0) {
		clone_var = 2;
		_exit(getppid() > 0 ? 6 : 0);
	}
	ok(pid > 0, "clone(SIGCHLD, 0) returns the child's pid (%d) in the parent", pid);
	status = wait_for(pid);
	expect_exit(status, 6, "clone(SIGCHLD, 0) returns 0 in the child");
	expect_eq(clone_var, 1, "the clone child had its own copy of memory");
}

/* --- execve --------------------------------------------------------------- */

static void make_file(const char *path, const char *text, mode_t mode)
{
	int fd;

	sys_unlink(path);
	fd = sys_open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	if (fd < 0) {
		printf("#   creating %s: %s\n", path, strerror(errno));
		return;
	}
	write(fd, text, strlen(text));
	close(fd);
}

static char **exec_env;

static void set_env(void *arg)
{
	(void)arg;
	environ = exec_env;
}

static void exec_args(void)
{
	static char *env[] = { "FOO=bar", "EMPTY=", "X=1 2", NULL };
	const char *args[] = { "args", "a b", "", "c", NULL };
	char out[1024], want[1024];
	int status;

	exec_env = env;
	status = run_self(self, args, set_env, NULL, out, sizeof(out));
	expect_exit(status, 0, "execve of this program with arguments");
	snprintf(want, sizeof(want),
		 "arg0=%s\narg1=args\narg2=a b\narg3=\narg4=c\nenv=FOO=bar\nenv=EMPTY=\nenv=X=1 2\n",
		 self);
	ok(!strcmp(out, want), "the new image gets exactly the arguments and environment given");
	if (strcmp(out, want))
		printf("#   got:\n%s#   wanted:\n%s", out, want);
}

static void exec_failures(void)
{
	static char big[200 * 1024];
	char path[192], sub[200], *argv[4] = { NULL, NULL, NULL, NULL };
	char **many;
	volatile int sentinel = 0x5eed;
	char *heap = malloc(64);
	pid_t me = getpid();
	int fds[2], i;

	strcpy(heap, "heap intact");
	pipe(fds);

	snprintf(path, sizeof(path), "%s/missing", dir);
	argv[0] = path;
	expect_errno(sys_execve(path, argv, environ), ENOENT, "execve of a missing file gives ENOENT");

	snprintf(path, sizeof(path), "%s/noexec", dir);
	make_file(path, "#!/bin/sh\n", 0644);
	expect_errno(sys_execve(path, argv, environ), EACCES,
		     "execve of a file without execute permission gives EACCES");
	snprintf(sub, sizeof(sub), "%s/sub", path);
	expect_errno(sys_execve(sub, argv, environ), ENOTDIR,
		     "execve of a path through a regular file gives ENOTDIR");
	expect_errno(sys_execve(dir, argv, environ), EACCES,
		     "execve of a directory gives EACCES");

	snprintf(path, sizeof(path), "%s/notelf", dir);
	make_file(path, "hello, this is not a program\n", 0755);
	expect_errno(sys_execve(path, argv, environ), ENOEXEC,
		     "execve of an executable text file (no #!) gives ENOEXEC");

	snprintf(path, sizeof(path), "%s/badinterp", dir);
	make_file(path, "#!/nonexistent/interpreter\n", 0755);
	expect_errno(sys_execve(path, argv, environ), ENOENT,
		     "execve of a #! script with a missing interpreter gives ENOENT");

	argv[0] = self;
	expect_errno(sys_execve(NULL, argv, environ), EFAULT, "execve of a NULL path gives EFAULT");
	expect_errno(sys_execve(self, (char **)0x10000000, environ), EFAULT,
		     "execve with an unmapped argv array gives EFAULT");
	argv[1] = (char *)0x10000000;
	expect_errno(sys_execve(self, argv, environ), EFAULT,
		     "execve with an unmapped argv[1] string gives EFAULT");
	expect_errno(sys_execve(self, argv + 2, (char **)0xc0000000), EFAULT,
		     "execve with envp at a kernel address gives EFAULT");

	memset(big, 'x', sizeof(big) - 1);
	argv[1] = big;
	expect_errno(sys_execve(self, argv, environ), E2BIG,
		     "execve with one 200 KiB argument (over MAX_ARG_STRLEN) gives E2BIG");
	/* 64 arguments of 100 KiB: 6.4 MiB, more than Linux allows in total */
	big[100 * 1024] = '\0';
	many = malloc(66 * sizeof(char *));
	many[0] = self;
	for (i = 1; i <= 64; i++)
		many[i] = big;
	many[65] = NULL;
	expect_errno(sys_execve(self, many, environ), E2BIG,
		     "execve with 6.4 MiB of arguments gives E2BIG");
	free(many);

	ok(sentinel == 0x5eed && !strcmp(heap, "heap intact") && getpid() == me &&
	   sys_fcntl(fds[1], F_GETFD, 0) == 0 && write(fds[1], "k", 1) == 1,
	   "after every failed execve the caller's stack, heap, pid and files are intact");
	free(heap);
	close(fds[0]);
	close(fds[1]);
}

static void script(void)
{
	char path[192], text[300], out[1024], want[1024];
	const char *args[] = { "x", NULL };
	int status;

	snprintf(path, sizeof(path), "%s/script", dir);
	snprintf(text, sizeof(text), "#!%s args\necho not reached\n", self);
	make_file(path, text, 0755);
	status = run_self(path, args, NULL, NULL, out, sizeof(out));
	expect_exit(status, 0, "execve of a #! script");
	snprintf(want, sizeof(want), "arg0=%s\narg1=args\narg2=%s\narg3=x\n", self, path);
	ok(!strncmp(out, want, strlen(want)),
	   "the interpreter runs with its argument, the script path and the script's arguments");
	if (strncmp(out, want, strlen(want)))
		printf("#   got:\n%s#   wanted:\n%s", out, want);
}

/* exec_keeps: the exec'd image keeps the pid, parent, cwd, umask and
 * ignored signals (the setup before execve prints the pid it had) */
static void setup_state(void *arg)
{
	(void)arg;
	printf("before=%d\n", getpid());
	fflush(stdout);
	sys_chdir(dir);
	sys_umask(027);
	sys_signal(SIGPIPE, SIG_IGN);
}

static void exec_keeps(void)
{
	const char *args[] = { "state", NULL };
	char out[512], want[512];
	int status, before = 0;

	status = run_self(self, args, setup_state, NULL, out, sizeof(out));
	expect_exit(status, 0, "execve after chdir, umask and SIG_IGN");
	if (!strncmp(out, "before=", 7))
		before = atoi(out + 7);
	snprintf(want, sizeof(want), "before=%d\npid=%d ppid=%d cwd=%s umask=27 sigpipe=ignored\n",
		 before, before, getpid(), dir);
	ok(before > 0 && !strcmp(out, want),
	   "the new image keeps the pid, parent, cwd, umask and an ignored signal");
	if (strcmp(out, want))
		printf("#   got:\n%s#   wanted:\n%s", out, want);
}

static void cloexec(void)
{
	char a[12], b[12], c[12], out[256], want[64];
	const char *args[] = { "fds", a, b, c, NULL };
	int fa, fb, fc, status;

	fa = sys_open("/dev/null", O_RDONLY, 0);
	fb = dup(fa);
	sys_fcntl(fb, F_SETFD, FD_CLOEXEC);
	fc = sys_open("/dev/null", O_RDONLY | O_CLOEXEC, 0);
	ok(fa >= 0 && fb >= 0 && fc >= 0, "three descriptors of /dev/null (%d %d %d)", fa, fb, fc);
	snprintf(a, sizeof(a), "%d", fa);
	snprintf(b, sizeof(b), "%d", fb);
	snprintf(c, sizeof(c), "%d", fc);
	status = run_self(self, args, NULL, NULL, out, sizeof(out));
	expect_exit(status, 0, "execve with close-on-exec descriptors");
	snprintf(want, sizeof(want), "%d:open %d:closed %d:closed \n", fa, fb, fc);
	ok(!strcmp(out, want),
	   "a plain descriptor stays open; FD_CLOEXEC and O_CLOEXEC ones are closed");
	if (strcmp(out, want))
		printf("#   got %s#   wanted %s", out, want);
	expect_eq(sys_fcntl(fb, F_GETFD, 0), FD_CLOEXEC, "the caller still has its FD_CLOEXEC one");
	close(fa);
	close(fb);
	close(fc);
}

/* --- limits and leaks ------------------------------------------------------ */

#define THREADS_MAX "/proc/sys/kernel/threads-max"

/*
 * lower_threads_max: Linux and yomi size max_threads from memory (2,048
 * with 128 MiB, so many that the children could use up the memory first),
 * and root is exempt from RLIMIT_NPROC; so the limit is lowered to 256
 * tasks, kernel threads included. Returns the value to restore, or -1.
 */
static long lower_threads_max(void)
{
	long old = read_int_file(THREADS_MAX);

	if (old <= 256 || write_file(THREADS_MAX, "256\n") != 4)
		return -1;	/* yomi, or a limit that is low already */
	return old;
}

static void restore_threads_max(long old)
{
	char val[24];

	if (old < 0)
		return;
	snprintf(val, sizeof(val), "%ld\n", old);
	if (write_file(THREADS_MAX, val) < 0)
		printf("#   restoring %s to %ld: %s\n", THREADS_MAX, old, strerror(errno));
}

static void fork_limit(void)
{
	enum { CAP = 2048 };
	int fds[2], n = 0, err = 0, reaped = 0, status;
	long old_max;
	pid_t pid;
	char c;

	if (pipe(fds) < 0)
		return;
	old_max = lower_threads_max();
	while (n < CAP) {
		pid = sys_fork();
		if (pid == 0) {
			close(fds[1]);
			read(fds[0], &c, 1);
			_exit(0);
		}
		if (pid < 0) {
			err = errno;
			break;
		}
		n++;
	}
	restore_threads_max(old_max);
	ok(err == EAGAIN || err == ENOMEM,
	   "fork fails with EAGAIN or ENOMEM at the limit (after %d children; errno %d)", n, err);
	close(fds[0]);
	close(fds[1]);		/* every child's read returns 0 */
	while (sys_wait4(-1, &status, 0, NULL) > 0)
		reaped++;
	expect_eq(reaped, n, "every child is reaped");
	pid = sys_fork();
	if (pid == 0)
		_exit(0);
	ok(pid > 0, "fork works again afterwards");
	if (pid > 0)
		wait_for(pid);
}

static void workload(void)
{
	const char *args[] = { "args", NULL };
	char out[1024];
	int fds[2];
	pid_t pid;

	exec_env = environ;
	run_self(self, args, NULL, NULL, out, sizeof(out));
	pid = sys_fork();
	if (pid == 0)
		_exit(0);
	wait_for(pid);
	if (pipe(fds) == 0) {
		close(fds[0]);
		close(fds[1]);
	}
	in_child(poke, NULL);
}

static void leak_check(void)
{
	unsigned long long before, after;

	if (!on_yomi()) {
		skip("yomi-only: Linux's free memory moves with its caches and other tasks",
		     "fork, exec, pipes and faults leak no memory");
		return;
	}
	workload();		/* warm up the kernel's caches */
	before = free_bytes();
	workload();
	workload();
	after = free_bytes();
	expect_eq(after, before, "fork, exec, pipes and faults leak no memory (free before %llu)",
		  before);
}

/* --- main ------------------------------------------------------------------ */

int main(int argc, char **argv, char **envp)
{
	if (argc > 1 && !strcmp(argv[1], "args"))
		return mode_args(argc, argv, envp);
	if (argc > 1 && !strcmp(argv[1], "fds"))
		return mode_fds(argc, argv);
	if (argc > 1 && !strcmp(argv[1], "state"))
		return mode_state();

	no_core_dumps();
	default_signals();
	if (argv[0][0] == '/') {
		snprintf(self, sizeof(self), "%s", argv[0]);
	} else {
		sys_getcwd(self, sizeof(self) - 64);
		strcat(self, "/");
		strcat(self, argv[0]);
	}
	sys_mkdir("/tmp", 01777);
	snprintf(dir, sizeof(dir), "/tmp/test_proc.%d", getpid());
	if (sys_mkdir(dir, 0755) < 0)
		printf("# mkdir %s: %s\n", dir, strerror(errno));
	sys_umask(022);

	fork_basics();
	exit_statuses();
	wait_variants();
	many_children();
	wnohang_and_echild();
	kills();
	faults();
	orphans();
	pid_reuse();
	vfork_test();
	clone_test();
	exec_args();
	exec_failures();
	script();
	exec_keeps();
	cloexec();
	fork_limit();
	leak_check();
	expect_errno(sys_wait4(-1, NULL, WNOHANG, NULL), ECHILD, "no child is left over");

	{
		static const char *names[] = { "noexec", "notelf", "badinterp", "script" };
		char path[192];
		unsigned int i;

		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			sys_unlink(path);
		}
		sys_rmdir(dir);
	}
	return tap_done();
}
