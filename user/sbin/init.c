/*
 * init: yomi's /sbin/init, process 1. It greets, then runs /bin/sh as a
 * child in a session of its own with /dev/console as its controlling
 * terminal (setsid, open the console, TIOCSCTTY, tcsetpgrp), and waits.
 * Being pid 1, it also inherits every orphan, and its wait loop reaps those
 * as they die. When the shell ends, init exits with the shell's status
 * (128 + the signal if it was killed), which makes the kernel power off
 * with that status - so `exit 3` in the shell ends `make run` with 3.
 * First it makes /tmp (mode 1777), which the initramfs lacks, as a real
 * system mounts a tmpfs there. Unlike a real init (sysvinit, systemd) it
 * reads no configuration, runs no /etc/rc, and does not respawn the shell.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static char *const sh_argv[] = { "-sh", NULL };
static char *const sh_envp[] = { "PATH=/bin:/sbin", "HOME=/", "TERM=vt100", NULL };

/* shell: the child's part: a new session on the console, then the shell */
static void shell(void)
{
	int fd;

	setsid();
	fd = open("/dev/console", O_RDWR);
	if (fd >= 0) {
		ioctl(fd, TIOCSCTTY, 0);
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	tcsetpgrp(0, getpid());
	execve("/bin/sh", sh_argv, sh_envp);
	fprintf(stderr, "init: cannot run /bin/sh: %s\n", strerror(errno));
	_exit(127);
}

int main(void)
{
	struct utsname u;
	int status;
	pid_t sh, pid;

	umask(0);
	if (mkdir("/tmp", 01777) < 0 && errno != EEXIST)
		fprintf(stderr, "init: mkdir /tmp: %s\n", strerror(errno));
	umask(022);
	if (uname(&u) == 0)
		printf("init: %s %s on %s, starting /bin/sh\n", u.sysname, u.release, u.machine);
	else
		printf("init: starting /bin/sh\n");
	fflush(stdout);
	sh = fork();
	if (sh < 0) {
		fprintf(stderr, "init: fork: %s\n", strerror(errno));
		return 1;
	}
	if (sh == 0)
		shell();
	for (;;) {
		pid = wait(&status);
		if (pid < 0 && errno == EINTR)
			continue;
		if (pid < 0) {
			fprintf(stderr, "init: wait: %s\n", strerror(errno));
			return 1;
		}
		if (pid != sh)
			continue;		/* an orphan, reaped */
		if (WIFSIGNALED(status))
			return 128 + WTERMSIG(status);
		return WEXITSTATUS(status);
	}
}
