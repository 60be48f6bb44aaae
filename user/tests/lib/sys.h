/*
 * sys.h: what the process, file, memory and /proc tests need beyond the
 * small C library: thin wrappers over syscall() for the calls the library
 * lacks, and a few helpers (run a function in a child, re-execute the test
 * program with an argument and collect its output, read and write small
 * files, free memory).
 *
 * The constants and structures are the kernel's own, from the uapi
 * headers through the C library's (struct stat is struct stat64, struct
 * linux_dirent64 one getdents64 record). Every wrapper is named
 * sys_<call> so that nothing here collides with what the C library may
 * declare later. The wrappers return what syscall() returns: the result,
 * or -1 with errno.
 */
#ifndef _TESTS_SYS_H
#define _TESTS_SYS_H

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "tap.h"

/* --- system calls --------------------------------------------------------- */
extern char **environ;

static inline pid_t sys_fork(void)
{
	fflush(stdout);
	return syscall(__NR_fork);
}

/* clone(flags, newsp = 0: the child runs on a copy of the caller's stack) */
static inline pid_t sys_clone(unsigned long flags)
{
	fflush(stdout);
	return syscall(__NR_clone, flags, 0, 0, 0, 0);
}

static inline int sys_execve(const char *path, char *const argv[], char *const envp[])
{
	fflush(stdout);
	return syscall(__NR_execve, path, argv, envp);
}

static inline pid_t sys_wait4(pid_t pid, int *status, int options, void *rusage)
{
	return syscall(__NR_wait4, pid, status, options, rusage);
}

static inline pid_t sys_waitpid(pid_t pid, int *status, int options)
{
	return syscall(__NR_waitpid, pid, status, options);
}

static inline int sys_open(const char *path, int flags, mode_t mode)
{
	return syscall(__NR_open, path, flags, mode);
}

static inline int sys_openat(int dirfd, const char *path, int flags, mode_t mode)
{
	return syscall(__NR_openat, dirfd, path, flags, mode);
}

static inline int sys_creat(const char *path, mode_t mode)
{
	return syscall(__NR_creat, path, mode);
}

static inline off_t sys_lseek(int fd, off_t off, int whence)
{
	return syscall(__NR_lseek, fd, off, whence);
}

static inline int sys_llseek(int fd, long long off, long long *result, int whence)
{
	return syscall(__NR__llseek, fd, (unsigned long)(off >> 32), (unsigned long)off,
		       result, whence);
}

static inline int sys_stat64(const char *path, struct stat *st)
{
	return syscall(__NR_stat64, path, st);
}

static inline int sys_lstat64(const char *path, struct stat *st)
{
	return syscall(__NR_lstat64, path, st);
}

static inline int sys_fstat64(int fd, struct stat *st)
{
	return syscall(__NR_fstat64, fd, st);
}

static inline int sys_getdents64(int fd, void *buf, unsigned int count)
{
	return syscall(__NR_getdents64, fd, buf, count);
}

static inline int sys_mkdir(const char *path, mode_t mode)
{
	return syscall(__NR_mkdir, path, mode);
}

static inline int sys_rmdir(const char *path)
{
	return syscall(__NR_rmdir, path);
}

static inline int sys_unlink(const char *path)
{
	return syscall(__NR_unlink, path);
}

static inline int sys_rename(const char *from, const char *to)
{
	return syscall(__NR_rename, from, to);
}

static inline int sys_symlink(const char *target, const char *path)
{
	return syscall(__NR_symlink, target, path);
}

static inline int sys_readlink(const char *path, char *buf, size_t size)
{
	return syscall(__NR_readlink, path, buf, size);
}

static inline int sys_chdir(const char *path)
{
	return syscall(__NR_chdir, path);
}

/* getcwd (183): the raw call returns the length including the NUL */
static inline int sys_getcwd(char *buf, size_t size)
{
	return syscall(__NR_getcwd, buf, size);
}

static inline int sys_access(const char *path, int mode)
{
	return syscall(__NR_access, path, mode);
}

static inline int sys_fcntl(int fd, int cmd, long arg)
{
	return syscall(__NR_fcntl, fd, cmd, arg);
}

static inline mode_t sys_umask(mode_t mask)
{
	return syscall(__NR_umask, mask);
}

static inline int sys_truncate(const char *path, off_t len)
{
	return syscall(__NR_truncate, path, len);
}

static inline int sys_ftruncate(int fd, off_t len)
{
	return syscall(__NR_ftruncate, fd, len);
}

static inline int sys_pipe2(int fds[2], int flags)
{
	return syscall(__NR_pipe2, fds, flags);
}

/* mmap through mmap2 (192), whose offset is in pages */
static inline void *sys_mmap(void *addr, size_t len, int prot, int flags, int fd,
			     unsigned long off)
{
	return (void *)syscall(__NR_mmap2, addr, len, prot, flags, fd, off / PAGE_SIZE);
}

/* the old mmap (90): one pointer to the six arguments, offset in bytes */
static inline void *sys_old_mmap(void *addr, size_t len, int prot, int flags, int fd,
				 unsigned long off)
{
	unsigned long args[6] = { (unsigned long)addr, len, prot, flags, fd, off };

	return (void *)syscall(__NR_mmap, args);
}

static inline int sys_munmap(void *addr, size_t len)
{
	return syscall(__NR_munmap, addr, len);
}

static inline int sys_mprotect(void *addr, size_t len, int prot)
{
	return syscall(__NR_mprotect, addr, len, prot);
}

static inline void *sys_mremap(void *old, size_t old_len, size_t new_len, int flags)
{
	return (void *)syscall(__NR_mremap, old, old_len, new_len, flags, 0);
}

static inline int sys_madvise(void *addr, size_t len, int advice)
{
	return syscall(__NR_madvise, addr, len, advice);
}

static inline int sys_mincore(void *addr, size_t len, unsigned char *vec)
{
	return syscall(__NR_mincore, addr, len, vec);
}

/* personality (136); 0xffffffff only reads it */
static inline int sys_personality(unsigned long persona)
{
	return syscall(__NR_personality, persona);
}

static inline int sys_sysinfo(struct sysinfo *si)
{
	return syscall(__NR_sysinfo, si);
}

/* signal(sig, SIG_IGN or SIG_DFL) through rt_sigaction (174) */
static inline int sys_signal(int sig, void (*handler)(int))
{
	struct k_sigaction sa = { handler, 0, 0, { 0, 0 } };

	return syscall(__NR_rt_sigaction, sig, &sa, 0, 8);
}

/* --- helpers -------------------------------------------------------------- */

/* sleep_ms: nanosleep for ms milliseconds */
static inline void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

/* now_ms: CLOCK_MONOTONIC in milliseconds */
static inline long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

/* no_core_dumps: Linux must not write core files for the children these
 * tests kill on purpose (yomi writes none anyway) */
static inline void no_core_dumps(void)
{
	struct rlimit r = { 0, 0 };

	if (getrlimit(RLIMIT_CORE, &r) == 0) {
		r.rlim_cur = 0;
		setrlimit(RLIMIT_CORE, &r);
	}
}

/* wait_for: the wait status of child pid, or -1 (and a diagnostic) */
static inline int wait_for(pid_t pid)
{
	int status;
	pid_t r;

	do
		r = sys_wait4(pid, &status, 0, NULL);
	while (r == -1 && errno == EINTR);
	if (r != pid) {
		printf("#   wait4(%d) returned %d (%s)\n", pid, r, r < 0 ? strerror(errno) : "");
		return -1;
	}
	return status;
}

/* wait_timeout: like wait_for, but a child still running after ms
 * milliseconds is killed (SIGKILL) and -1 returned, so that a kernel that
 * fails to end it cannot hang the test */
static inline int wait_timeout(pid_t pid, long ms)
{
	long long end = now_ms() + ms;
	int status;
	pid_t r;

	while ((r = sys_wait4(pid, &status, WNOHANG, NULL)) == 0 && now_ms() < end)
		sleep_ms(5);
	if (r == pid)
		return status;
	if (r == 0) {
		printf("#   the child %d was still running after %ld ms: killed\n", pid, ms);
		kill(pid, SIGKILL);
	}
	wait_for(pid);
	return -1;
}

/* default_signals: the signals the tests send or provoke back to their
 * default actions (a shell starts background jobs with SIGINT and SIGQUIT
 * ignored, and some harnesses ignore SIGPIPE) */
static inline void default_signals(void)
{
	static const int sigs[] = { SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGSEGV };
	unsigned int i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sys_signal(sigs[i], SIG_DFL);
}

/* in_child: runs fn(arg) in a child that then exits with fn's result;
 * returns the child's wait status, or -1 if fork failed */
static inline int in_child(int (*fn)(void *), void *arg)
{
	pid_t pid = sys_fork();

	if (pid < 0) {
		printf("#   fork: %s\n", strerror(errno));
		return -1;
	}
	if (pid == 0)
		_exit(fn(arg));
	return wait_for(pid);
}

/* get_fcw and set_fcw: the x87 control word (0x37f after fninit) */
static inline unsigned short get_fcw(void)
{
	unsigned short v;

	__asm__ __volatile__("fnstcw %0" : "=m"(v));
	return v;
}

static inline void set_fcw(unsigned short v)
{
	__asm__ __volatile__("fldcw %0" : : "m"(v));
}

/* poke and peek: for in_child, a write or read of one byte at addr (a
 * child that must die of it) */
static inline int poke(void *addr)
{
	*(volatile char *)addr = 1;
	return 0;
}

static inline int peek(void *addr)
{
	return *(volatile char *)addr;
}

/* describe_status: a diagnostic line saying how a child ended */
static inline void describe_status(int status)
{
	if (status == -1)
		printf("#   (no status)\n");
	else if (WIFEXITED(status))
		printf("#   the child exited with %d (status %#x)\n", WEXITSTATUS(status), status);
	else if (WIFSIGNALED(status))
		printf("#   the child was killed by signal %d (status %#x)\n",
		       WTERMSIG(status), status);
	else
		printf("#   status %#x\n", status);
}

/* expect_killed: passes when status says "killed by signal sig" */
static inline int expect_killed(int status, int sig, const char *what)
{
	int cond = status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == sig;

	ok(cond, "%s: the child is killed by signal %d", what, sig);
	if (!cond)
		describe_status(status);
	return cond;
}

/* expect_exit: passes when status says "exited with code" */
static inline int expect_exit(int status, int code, const char *what)
{
	int cond = status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == code;

	ok(cond, "%s: the child exits with %d", what, code);
	if (!cond)
		describe_status(status);
	return cond;
}

/*
 * run_self: runs path (the test program itself, argv[0]) again with the
 * arguments args (NULL-terminated, argv[1] onwards) in a child whose
 * standard output is a pipe; setup(setup_arg), when given, runs in the
 * child just before execve (to set a personality or a limit the new image
 * inherits). Up to size - 1 bytes of the output go to out (NUL-terminated;
 * the rest is read and dropped); returns the wait status, or -1.
 */
static inline int run_self(const char *path, const char *const *args,
			   void (*setup)(void *), void *setup_arg, char *out, size_t size)
{
	const char *argv[16];
	size_t n = 0, len = 0;
	int fds[2], i;
	pid_t pid;
	ssize_t r;

	argv[n++] = path;
	for (i = 0; args && args[i] && n < 15; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	if (pipe(fds) < 0) {
		printf("#   pipe: %s\n", strerror(errno));
		return -1;
	}
	pid = sys_fork();
	if (pid < 0) {
		printf("#   fork: %s\n", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		if (fds[1] != 1) {
			dup2(fds[1], 1);
			close(fds[1]);
		}
		if (setup)
			setup(setup_arg);
		sys_execve(path, (char *const *)argv, environ);
		printf("execve %s: %s\n", path, strerror(errno));
		_exit(127);
	}
	close(fds[1]);
	for (;;) {	/* read it all (what does not fit is dropped) */
		char sink[256];

		if (len + 1 < size)
			r = read(fds[0], out + len, size - 1 - len);
		else
			r = read(fds[0], sink, sizeof(sink));
		if (r == 0 || (r < 0 && errno != EINTR))
			break;
		if (r > 0 && len + 1 < size)
			len += r;
	}
	out[len] = '\0';
	close(fds[0]);
	return wait_for(pid);
}

/* read_file: up to size - 1 bytes of path into buf, NUL-terminated; the
 * byte count, or -1 with errno */
static inline ssize_t read_file(const char *path, char *buf, size_t size)
{
	int fd = sys_open(path, O_RDONLY, 0), saved;
	ssize_t r, len = 0;

	if (fd < 0)
		return -1;
	while ((size_t)len + 1 < size && (r = read(fd, buf + len, size - 1 - len)) != 0) {
		if (r < 0) {
			saved = errno;
			close(fd);
			errno = saved;
			return -1;
		}
		len += r;
	}
	buf[len] = '\0';
	close(fd);
	return len;
}

/* write_file: writes the string s to path (which must exist); the write's
 * result, or -1 with errno */
static inline ssize_t write_file(const char *path, const char *s)
{
	int fd = sys_open(path, O_WRONLY, 0), saved;
	ssize_t r;

	if (fd < 0)
		return -1;
	r = write(fd, s, strlen(s));
	saved = errno;
	close(fd);
	errno = saved;
	return r;
}

/* read_int_file: the integer in a file such as /proc/sys/vm/vdso_enabled,
 * or -1 */
static inline long read_int_file(const char *path)
{
	char buf[32];

	if (read_file(path, buf, sizeof(buf)) <= 0)
		return -1;
	return strtol(buf, NULL, 10);
}

/* free_bytes: free memory as sysinfo reports it (freeram * mem_unit) */
static inline unsigned long long free_bytes(void)
{
	struct sysinfo si;

	if (sys_sysinfo(&si) < 0)
		return 0;
	return (unsigned long long)si.freeram * (si.mem_unit ? si.mem_unit : 1);
}

#endif
