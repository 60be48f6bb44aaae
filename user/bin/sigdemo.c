/*
 * sigdemo: a program that catches SIGINT, for a lesson on signals and the
 * terminal. It installs a handler with sigaction, says it is waiting and
 * waits in sigsuspend until a signal is handled (SIGINT stays blocked
 * outside sigsuspend, so one arriving just before it is not missed).
 * Ctrl-C then runs the handler instead of the default action (which would
 * end it): the handler says so, sigsuspend returns, and the program exits
 * 0. Any other signal keeps its default action.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t caught;

/* on_int: only write(2) here, which is safe in a handler (printf is not) */
static void on_int(int sig)
{
	static const char msg[] = "sigdemo: the SIGINT handler ran\n";

	(void)sig;
	write(1, msg, sizeof(msg) - 1);
	caught = 1;
}

int main(void)
{
	struct sigaction sa;
	sigset_t block, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_int;
	if (sigaction(SIGINT, &sa, NULL) < 0) {
		perror("sigdemo: sigaction");
		return 1;
	}
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigprocmask(SIG_BLOCK, &block, &old);
	printf("sigdemo: waiting for Ctrl-C (SIGINT)\n");
	fflush(stdout);
	while (!caught)
		sigsuspend(&old);
	printf("sigdemo: back in main after the handler; exiting 0\n");
	return 0;
}
