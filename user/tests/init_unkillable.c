/*
 * test_init_unkillable: no process can take the system down by signalling
 * init (Linux's SIGNAL_UNKILLABLE): a signal that pid 1 has no handler for
 * - SIGKILL and SIGTERM included - is dropped, and kill() still returns 0.
 * On yomi this test is init itself, so dying would end the run; on Linux
 * init is the oracle's shell, which must survive to run the next test
 * (SIGINT is left out: that shell has a handler for it, and exits).
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tap.h"

int main(void)
{
	static const int sigs[] = { SIGKILL, SIGTERM, SIGUSR1, SIGSEGV };
	unsigned int i;
	int status;
	pid_t pid;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		pid = tap_fork();
		if (pid == 0) {
			expect_eq(kill(1, sigs[i]), 0, "a child's kill(1, %d) returns 0", sigs[i]);
			_exit(0);
		}
		waitpid(pid, &status, 0);
		ok(kill(1, 0) == 0, "init is still there after signal %d", sigs[i]);
	}
	return tap_done();
}
