/* kill: sends a signal (SIGTERM unless -SIGNAL, -s SIGNAL or -N says
 * otherwise) to each pid; a negative pid means a process group. kill -l
 * lists the signal names. Names may be given with or without "SIG". */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const names[] = {
	[SIGHUP] = "HUP", [SIGINT] = "INT", [SIGQUIT] = "QUIT", [SIGILL] = "ILL",
	[SIGTRAP] = "TRAP", [SIGABRT] = "ABRT", [SIGBUS] = "BUS", [SIGFPE] = "FPE",
	[SIGKILL] = "KILL", [SIGUSR1] = "USR1", [SIGSEGV] = "SEGV", [SIGUSR2] = "USR2",
	[SIGPIPE] = "PIPE", [SIGALRM] = "ALRM", [SIGTERM] = "TERM", [SIGSTKFLT] = "STKFLT",
	[SIGCHLD] = "CHLD", [SIGCONT] = "CONT", [SIGSTOP] = "STOP", [SIGTSTP] = "TSTP",
	[SIGTTIN] = "TTIN", [SIGTTOU] = "TTOU", [SIGURG] = "URG", [SIGXCPU] = "XCPU",
	[SIGXFSZ] = "XFSZ", [SIGVTALRM] = "VTALRM", [SIGPROF] = "PROF", [SIGWINCH] = "WINCH",
	[SIGIO] = "IO", [SIGPWR] = "PWR", [SIGSYS] = "SYS",
};
#define NR_NAMES ((int)(sizeof(names) / sizeof(names[0])))

/* signal_number: a name (TERM, SIGTERM, term) or a number; -1 if neither */
static int signal_number(const char *s)
{
	char up[16];
	int i;

	if (isdigit((unsigned char)*s)) {
		char *end;
		long n = strtol(s, &end, 10);

		return *end || n < 0 || n >= NSIG ? -1 : (int)n;
	}
	for (i = 0; s[i] && i < (int)sizeof(up) - 1; i++)
		up[i] = toupper((unsigned char)s[i]);
	up[i] = '\0';
	s = strncmp(up, "SIG", 3) ? up : up + 3;
	for (i = 1; i < NR_NAMES; i++)
		if (names[i] && !strcmp(names[i], s))
			return i;
	return -1;
}

int main(int argc, char **argv)
{
	int i = 1, sig = SIGTERM, status = 0;
	char *end;
	long pid;

	if (argc > 1 && !strcmp(argv[1], "-l")) {
		for (i = 1; i < NR_NAMES; i++)
			printf(i % 5 && i + 1 < NR_NAMES ? "%2d) SIG%-8s" : "%2d) SIG%s\n", i,
			       names[i]);
		return 0;
	}
	if (i < argc && !strcmp(argv[i], "-s") && i + 1 < argc) {
		sig = signal_number(argv[i + 1]);
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && !isdigit((unsigned char)argv[i][1])) {
		sig = signal_number(argv[i] + 1);
		i++;
	} else if (i < argc && argv[i][0] == '-' && i + 1 < argc) {
		sig = signal_number(argv[i] + 1);	/* -9 pid */
		i++;
	}
	if (sig < 0 || i == argc) {
		fprintf(stderr, "usage: kill [-SIGNAL | -s SIGNAL] pid... | kill -l\n");
		return 1;
	}
	for (; i < argc; i++) {
		pid = strtol(argv[i], &end, 10);
		if (!*argv[i] || *end) {
			fprintf(stderr, "kill: %s: arguments must be process ids\n", argv[i]);
			status = 1;
		} else if (kill((pid_t)pid, sig) < 0) {
			fprintf(stderr, "kill: (%ld): %s\n", pid, strerror(errno));
			status = 1;
		}
	}
	return status;
}
