/*
 * jobs.c: jobs, the foreground, and the job-control builtins fg, bg, jobs.
 *
 * A job is a pipeline: its process group, its processes still running and
 * the wait status of its last one. A foreground pipeline is a job while the
 * shell waits for it, and stays one if it stops (Ctrl-Z: the terminal sends
 * SIGTSTP to its group); one ended by & is a job from the start. Before
 * each prompt jobs_reap collects what ended or stopped without blocking and
 * reports it as bash does ("[1]+  Done    sleep 1"); `wait` blocks for the
 * running jobs. `fg` hands the terminal to a job's group (tcsetpgrp),
 * continues it (SIGCONT) and waits for it as for any foreground pipeline;
 * `bg` continues it without the terminal. As in bash, the current job
 * (`+`, what fg and bg take by default) is the one started or stopped
 * last, the previous job (`-`) the one before it; %N names job N.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

struct job {
	int id;
	pid_t pgid;
	int nlive;		/* processes not yet collected */
	int ws;			/* the last process's wait status, once collected */
	int stopped;
	unsigned long seq;	/* when started or last stopped: the highest is current */
	char *text;
	struct job *next;
	int npids;
	pid_t pids[];		/* 0 once collected */
};

static struct job *jobs;
static unsigned long job_seq;

struct job *job_add(pid_t pgid, const pid_t *pids, int npids, const char *text, int announce)
{
	struct job *j = malloc(sizeof(*j) + npids * sizeof(pid_t)), **link;
	int id = 1;

	if (!j) {
		sh_error("out of memory: job not recorded");
		return NULL;
	}
	for (link = &jobs; *link; link = &(*link)->next)
		id = (*link)->id + 1;
	j->id = id;
	j->pgid = pgid;
	j->nlive = j->npids = npids;
	j->ws = 0;
	j->stopped = 0;
	j->seq = ++job_seq;
	j->text = strdup(text);
	j->next = NULL;
	memcpy(j->pids, pids, npids * sizeof(pid_t));
	*link = j;
	if (announce && interactive)
		fprintf(stderr, "[%d] %d\n", id, (int)pids[npids - 1]);
	return j;
}

static void job_free(struct job *j)
{
	struct job **link;

	for (link = &jobs; *link != j; link = &(*link)->next)
		;
	*link = j->next;
	free(j->text);
	free(j);
}

/* mark: '+' for the current job, '-' for the previous one, else ' ' */
static char mark(const struct job *j)
{
	const struct job *k;
	int newer = 0;

	for (k = jobs; k; k = k->next)
		newer += k->seq > j->seq;
	return newer == 0 ? '+' : newer == 1 ? '-' : ' ';
}

static void report(FILE *f, struct job *j, const char *what)
{
	fprintf(f, "[%d]%c  %-24s%s\n", j->id, mark(j), what, j->text ? j->text : "");
}

static void job_stopped(struct job *j, int verbose)
{
	if (j->stopped)
		return;
	j->stopped = 1;
	j->seq = ++job_seq;
	if (verbose)
		report(stderr, j, "Stopped");
}

/* pid_ended: j's process i ended with wait status ws; true if j is done */
static int pid_ended(struct job *j, int i, int ws)
{
	if (i == j->npids - 1)
		j->ws = ws;
	j->pids[i] = 0;
	return --j->nlive == 0;
}

/* collected: pid ended, stopped or continued (wait status ws); update its
 * job, and drop the job (reporting it if verbose) when nothing is left */
static void collected(pid_t pid, int ws, int verbose)
{
	struct job *j;
	char what[32];
	int i;

	for (j = jobs; j; j = j->next)
		for (i = 0; i < j->npids; i++)
			if (j->pids[i] == pid)
				goto found;
	return;
found:
	if (WIFSTOPPED(ws)) {
		job_stopped(j, verbose);
		return;
	}
	if (WIFCONTINUED(ws)) {
		j->stopped = 0;
		return;
	}
	if (!pid_ended(j, i, ws))
		return;
	if (verbose) {
		if (WIFSIGNALED(j->ws))
			snprintf(what, sizeof(what), "%s", strsignal(WTERMSIG(j->ws)));
		else if (WEXITSTATUS(j->ws))
			snprintf(what, sizeof(what), "Exit %d", WEXITSTATUS(j->ws));
		else
			snprintf(what, sizeof(what), "Done");
		report(stderr, j, what);
	}
	job_free(j);
}

void jobs_reap(void)
{
	pid_t pid;
	int ws;

	while (jobs && (pid = waitpid(-1, &ws, WNOHANG | WUNTRACED | WCONTINUED)) > 0)
		collected(pid, ws, interactive);
}

static int any_running(void)
{
	struct job *j;

	for (j = jobs; j; j = j->next)
		if (!j->stopped)
			return 1;
	return 0;
}

/* jobs_wait: `wait` (pid 0: every running job) - the status of what was
 * waited for */
int jobs_wait(pid_t pid)
{
	int ws;
	pid_t w;

	if (pid > 0) {
		while ((w = waitpid(pid, &ws, 0)) < 0 && errno == EINTR)
			;
		if (w < 0)
			return 127;
		collected(pid, ws, 0);
		return status_of(ws);
	}
	while (any_running()) {
		w = waitpid(-1, &ws, 0);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			break;
		collected(w, ws, interactive);
	}
	return 0;
}

/* wait_fg: wait for j in the foreground, then take the terminal back; j is
 * freed unless it stopped */
static int wait_fg(struct job *j)
{
	int i, ws, status;
	pid_t w;

	for (i = 0; i < j->npids; i++) {
		if (!j->pids[i])
			continue;
		while ((w = waitpid(j->pids[i], &ws, WUNTRACED)) < 0 && errno == EINTR)
			;
		if (w < 0)
			ws = 127 << 8;		/* lost: as if it exited 127 */
		if (WIFSTOPPED(ws)) {
			fputc('\n', stderr);
			job_stopped(j, 1);
			status = status_of(ws);
			goto out;
		}
		pid_ended(j, i, ws);
	}
	status = status_of(j->ws);
	job_free(j);
out:
	if (job_control)
		tcsetpgrp(tty_fd, shell_pgid);
	return status;
}

/* job_wait_fg: run a just-started pipeline in the foreground */
int job_wait_fg(pid_t pgid, const pid_t *pids, int npids, const char *text)
{
	struct job *j = job_add(pgid, pids, npids, text, 0);
	int i, ws = 0;

	if (j)
		return wait_fg(j);
	for (i = 0; i < npids; i++)	/* out of memory: wait without a job (no stops) */
		while (waitpid(pids[i], &ws, 0) < 0 && errno == EINTR)
			;
	if (job_control)
		tcsetpgrp(tty_fd, shell_pgid);
	return status_of(ws);
}

/* find_job: the job a spec names (NULL, %%, %+: current; %-: previous;
 * %N or N), or NULL after saying why */
static struct job *find_job(const char *cmd, const char *spec)
{
	struct job *j;
	char want = '+';
	int id = 0;

	if (spec && spec[0] == '%')
		spec++;
	if (spec && *spec && strcmp(spec, "%") && strcmp(spec, "+")) {
		if (!strcmp(spec, "-"))
			want = '-';
		else
			id = atoi(spec);
	}
	for (j = jobs; j; j = j->next)
		if (id ? j->id == id : mark(j) == want)
			return j;
	sh_error("%s: %s: no such job", cmd, id ? spec : "current");
	return NULL;
}

/* job_arg: the job a job-control builtin's argument names */
static struct job *job_arg(int argc, char **argv)
{
	if (!job_control) {
		sh_error("%s: no job control", argv[0]);
		return NULL;
	}
	return find_job(argv[0], argc > 1 ? argv[1] : NULL);
}

/* job_continue: SIGCONT to j's group; 0, or -1 after saying why */
static int job_continue(struct job *j, const char *cmd)
{
	if (kill(-j->pgid, SIGCONT) < 0) {
		sh_error("%s: %s", cmd, strerror(errno));
		return -1;
	}
	j->stopped = 0;
	return 0;
}

/* fg [job]: the job in the foreground: the terminal is its group's before
 * it runs on, and the shell's again when it ends or stops */
int builtin_fg(int argc, char **argv)
{
	struct job *j = job_arg(argc, argv);

	if (!j)
		return 1;
	printf("%s\n", j->text ? j->text : "");
	fflush(stdout);
	tcsetpgrp(tty_fd, j->pgid);
	if (job_continue(j, argv[0])) {
		tcsetpgrp(tty_fd, shell_pgid);
		return 1;
	}
	return wait_fg(j);
}

/* bg [job]: the job running on in the background */
int builtin_bg(int argc, char **argv)
{
	struct job *j = job_arg(argc, argv);

	if (!j || job_continue(j, argv[0]))
		return 1;
	printf("[%d]%c %s &\n", j->id, mark(j), j->text ? j->text : "");
	return 0;
}

/* jobs: every job and its state */
int builtin_jobs(int argc, char **argv)
{
	struct job *j;

	(void)argc;
	(void)argv;
	jobs_reap();
	for (j = jobs; j; j = j->next)
		report(stdout, j, j->stopped ? "Stopped" : "Running");
	return 0;
}
