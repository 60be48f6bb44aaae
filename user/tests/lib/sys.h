/*
 * sys.h: what the process, file, memory and /proc tests need beyond the
 * small C library: Linux i386 constants and structures, thin wrappers over
 * syscall() for the calls the library lacks, and a few helpers (run a
 * function in a child, re-execute the test program with an argument and
 * collect its output, read and write small files, free memory).
 *
 * Every wrapper is named sys_<call> and every structure k_<name> so that
 * nothing here collides with what the C library may declare later; every
 * constant is defined only if a header has not defined it already. The
 * wrappers return what syscall() returns: the result, or -1 with errno.
 */
#ifndef _TESTS_SYS_H
#define _TESTS_SYS_H

#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#include "tap.h"

/* --- constants (Linux i386 values) --------------------------------------- */
#ifndef O_RDONLY
#define O_RDONLY	00
#endif
#ifndef O_WRONLY
#define O_WRONLY	01
#endif
#ifndef O_RDWR
#define O_RDWR		02
#endif
#ifndef O_ACCMODE
#define O_ACCMODE	03
#endif
#ifndef O_CREAT
#define O_CREAT		0100
#endif
#ifndef O_EXCL
#define O_EXCL		0200
#endif
#ifndef O_TRUNC
#define O_TRUNC		01000
#endif
#ifndef O_APPEND
#define O_APPEND	02000
#endif
#ifndef O_NONBLOCK
#define O_NONBLOCK	04000
#endif
#ifndef O_DIRECTORY
#define O_DIRECTORY	0200000
#endif
#ifndef O_CLOEXEC
#define O_CLOEXEC	02000000
#endif
#ifndef AT_FDCWD
#define AT_FDCWD	(-100)
#endif

#ifndef F_DUPFD
#define F_DUPFD		0
#endif
#ifndef F_GETFD
#define F_GETFD		1
#endif
#ifndef F_SETFD
#define F_SETFD		2
#endif
#ifndef F_GETFL
#define F_GETFL		3
#endif
#ifndef F_SETFL
#define F_SETFL		4
#endif
#ifndef FD_CLOEXEC
#define FD_CLOEXEC	1
#endif

#ifndef SEEK_SET
#define SEEK_SET	0
#endif
#ifndef SEEK_CUR
#define SEEK_CUR	1
#endif
#ifndef SEEK_END
#define SEEK_END	2
#endif

#ifndef F_OK
#define F_OK		0
#endif
#ifndef X_OK
#define X_OK		1
#endif
#ifndef W_OK
#define W_OK		2
#endif
#ifndef R_OK
#define R_OK		4
#endif

#ifndef S_IFMT
#define S_IFMT		0170000
#endif
#ifndef S_IFIFO
#define S_IFIFO		0010000
#endif
#ifndef S_IFCHR
#define S_IFCHR		0020000
#endif
#ifndef S_IFDIR
#define S_IFDIR		0040000
#endif
#ifndef S_IFREG
#define S_IFREG		0100000
#endif
#ifndef S_IFLNK
#define S_IFLNK		0120000
#endif

#ifndef DT_DIR
#define DT_DIR		4
#endif
#ifndef DT_REG
#define DT_REG		8
#endif
#ifndef DT_LNK
#define DT_LNK		10
#endif

#ifndef PROT_NONE
#define PROT_NONE	0x0
#endif
#ifndef PROT_READ
#define PROT_READ	0x1
#endif
#ifndef PROT_WRITE
#define PROT_WRITE	0x2
#endif
#ifndef PROT_EXEC
#define PROT_EXEC	0x4
#endif
#ifndef MAP_SHARED
#define MAP_SHARED	0x01
#endif
#ifndef MAP_PRIVATE
#define MAP_PRIVATE	0x02
#endif
#ifndef MAP_FIXED
#define MAP_FIXED	0x10
#endif
#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS	0x20
#endif
#ifndef MAP_NORESERVE
#define MAP_NORESERVE	0x4000
#endif
#ifndef MAP_POPULATE
#define MAP_POPULATE	0x8000
#endif
#ifndef MAP_FAILED
#define MAP_FAILED	((void *)-1)
#endif
#ifndef MREMAP_MAYMOVE
#define MREMAP_MAYMOVE	1
#endif
#ifndef MADV_DONTNEED
#define MADV_DONTNEED	4
#endif

#ifndef WNOHANG
#define WNOHANG		1
#endif
/* the wait status: exit code << 8, or the signal in the low 7 bits */
#ifndef WIFEXITED
#define WIFEXITED(s)	(((s) & 0x7f) == 0)
#endif
#ifndef WEXITSTATUS
#define WEXITSTATUS(s)	(((s) >> 8) & 0xff)
#endif
#ifndef WIFSIGNALED
#define WIFSIGNALED(s)	(((s) & 0x7f) != 0 && ((s) & 0x7f) != 0x7f)
#endif
#ifndef WTERMSIG
#define WTERMSIG(s)	((s) & 0x7f)
#endif

#ifndef ADDR_NO_RANDOMIZE
#define ADDR_NO_RANDOMIZE	0x0040000
#endif
#ifndef ADDR_COMPAT_LAYOUT
#define ADDR_COMPAT_LAYOUT	0x0200000
#endif

/* --- structures (Linux i386 layouts) ------------------------------------ */

/* struct stat64 as stat64 (195), lstat64 (196), fstat64 (197) fill it */
struct k_stat64 {
	unsigned long long st_dev;
	unsigned char __pad0[4];
	unsigned long __st_ino;
	unsigned int st_mode;
	unsigned int st_nlink;
	unsigned long st_uid;
	unsigned long st_gid;
	unsigned long long st_rdev;
	unsigned char __pad3[4];
	long long st_size;
	unsigned long st_blksize;
	unsigned long long st_blocks;
	unsigned long st_atime;
	unsigned long st_atime_nsec;
	unsigned long st_mtime;
	unsigned long st_mtime_nsec;
	unsigned long st_ctime;
	unsigned long st_ctime_nsec;
	unsigned long long st_ino;
} __attribute__((packed));
_Static_assert(sizeof(struct k_stat64) == 96, "struct stat64 is 96 bytes on i386");

/* one record of getdents64 (220) */
struct k_dirent64 {
	unsigned long long d_ino;
	long long d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
} __attribute__((packed));

/* struct sysinfo of sysinfo (116) */
struct k_sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram;
	unsigned long freeram;		/* offset 20 */
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;		/* offset 52 */
	char _f[8];
};
_Static_assert(sizeof(struct k_sysinfo) == 64, "struct sysinfo is 64 bytes on i386");

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

static inline int sys_stat64(const char *path, struct k_stat64 *st)
{
	return syscall(__NR_stat64, path, st);
}

static inline int sys_lstat64(const char *path, struct k_stat64 *st)
{
	return syscall(__NR_lstat64, path, st);
}

static inline int sys_fstat64(int fd, struct k_stat64 *st)
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

static inline int sys_sysinfo(struct k_sysinfo *si)
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
	struct k_sysinfo si;

	if (sys_sysinfo(&si) < 0)
		return 0;
	return (unsigned long long)si.freeram * (si.mem_unit ? si.mem_unit : 1);
}

#endif
