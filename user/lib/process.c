/*
 * process.c: the exec family around execve, wait, sleep and usleep.
 *
 * execvp and execlp search PATH (or "/bin:/usr/bin" when it is unset) for
 * a name without a slash, trying each directory in turn; a file found but
 * not executable (EACCES) is remembered and reported if nothing else runs,
 * as glibc does. A file the kernel refuses as not an executable (ENOEXEC)
 * is run as a shell script by /bin/sh, as POSIX asks. The execl forms copy
 * their arguments into an array on the stack (at most 64).
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define EXECL_MAX 64

int execv(const char *path, char *const argv[])
{
	return execve(path, argv, environ);
}

/* exec_script: run path with /bin/sh after execve said ENOEXEC */
static void exec_script(const char *path, char *const argv[])
{
	char *nargv[EXECL_MAX + 2];
	int i;

	nargv[0] = "sh";
	nargv[1] = (char *)path;
	for (i = 1; argv[0] && argv[i] && i < EXECL_MAX; i++)
		nargv[i + 1] = argv[i];
	nargv[i + 1] = NULL;
	execve("/bin/sh", nargv, environ);
	errno = ENOEXEC;
}

int execvp(const char *file, char *const argv[])
{
	char path[PATH_MAX];
	const char *dirs, *p, *end;
	int eacces = 0;
	size_t dlen, flen = strlen(file);

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/')) {
		execve(file, argv, environ);
		if (errno == ENOEXEC)
			exec_script(file, argv);
		return -1;
	}
	dirs = getenv("PATH");
	if (!dirs)
		dirs = "/bin:/usr/bin";
	for (p = dirs; ; p = end + 1) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		dlen = end - p;
		if (dlen + flen + 2 <= sizeof(path)) {
			memcpy(path, p, dlen);		/* an empty entry is "." */
			if (!dlen)
				path[dlen++] = '.';
			path[dlen] = '/';
			memcpy(path + dlen + 1, file, flen + 1);
			execve(path, argv, environ);
			if (errno == ENOEXEC) {
				exec_script(path, argv);
				return -1;
			}
			if (errno == EACCES)
				eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		if (!*end)
			break;
	}
	errno = eacces ? EACCES : ENOENT;
	return -1;
}

/* collect: the execl arguments (arg, then the rest up to NULL) into argv */
static int collect(char **argv, const char *arg, va_list ap)
{
	int n = 0;

	argv[n] = (char *)arg;
	while (argv[n]) {
		if (++n == EXECL_MAX) {
			errno = E2BIG;
			return -1;
		}
		argv[n] = va_arg(ap, char *);
	}
	return 0;
}

int execl(const char *path, const char *arg, ...)
{
	char *argv[EXECL_MAX];
	va_list ap;
	int r;

	va_start(ap, arg);
	r = collect(argv, arg, ap);
	va_end(ap);
	return r ? r : execve(path, argv, environ);
}

int execlp(const char *file, const char *arg, ...)
{
	char *argv[EXECL_MAX];
	va_list ap;
	int r;

	va_start(ap, arg);
	r = collect(argv, arg, ap);
	va_end(ap);
	return r ? r : execvp(file, argv);
}

pid_t wait(int *status)
{
	return waitpid(-1, status, 0);
}

/* sleep: whole seconds; returns the seconds left if a signal cut it short */
unsigned int sleep(unsigned int seconds)
{
	struct timespec req = { (time_t)seconds, 0 }, rem;

	if (nanosleep(&req, &rem) < 0 && errno == EINTR)
		return rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}

int usleep(unsigned long usec)
{
	struct timespec req = { (time_t)(usec / 1000000), (long)(usec % 1000000) * 1000 };

	return nanosleep(&req, NULL);
}
