/* repro.c: running a fuzzer reproducer (see repro.h). */
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "repro.h"
#include "tap.h"

char *arena, *page;
unsigned long edge;
int p[2], fd;
unsigned int i;
char long_name[300], long_path[4200];

#define TIMEOUT_MS 5000

/* the child: its own process group, /dev/null for the standard files */
static void __attribute__((noreturn)) child(void (*calls)(void))
{
	int null, n;

	setpgid(0, 0);
	null = open("/dev/null", O_RDWR);
	for (n = 0; n < 3; n++)
		if (null < 0 || dup2(null, n) < 0)
			close(n);
	if (null > 2)		/* descriptors from 3 on as the fuzzer had them */
		close(null);
	calls();
	_exit(0);
}

int run_reproducer(void (*calls)(void), const char *what)
{
	struct timespec tick = { 0, 10000000 };
	int status, waited = 0;
	pid_t pid, r;

	umask(0);
	mkdir("/tmp", 01777);	/* as the fuzzer (or yomi's init) makes it */
	pid = fork();
	if (pid == 0)
		child(calls);
	while ((r = waitpid(pid, &status, WNOHANG)) == 0 && waited < TIMEOUT_MS) {
		nanosleep(&tick, NULL);
		waited += 10;
	}
	kill(-pid, SIGKILL);		/* what is still running, and what it forked */
	kill(pid, SIGKILL);
	if (r == 0)
		r = waitpid(pid, &status, 0);
	while (waitpid(-1, &status, WNOHANG) > 0)
		;
	ok(r == pid, "%s: the kernel survived the calls", what);
	return tap_done();
}
