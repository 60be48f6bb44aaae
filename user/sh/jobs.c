/*
 * jobs.c: background jobs and waiting for the foreground.
 *
 * A job is a pipeline started with & (or one that stopped, with Ctrl-Z):
 * its process group, its processes still running and the status of its
 * last one. Before each
 * prompt jobs_reap collects the ended ones without blocking and reports
 * them as bash does ("[1]+  Done    sleep 1"); `wait` blocks for them;
 * `jobs` lists them. There is no fg or bg: a stopped job can be continued
 * with `kill -CONT`.
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
	int status;		/* of the last process, once collected */
	int stopped;
	char *text;
	struct job *next;
	int npids;
	pid_t pids[];		/* 0 once collected */
};

static struct job *jobs;

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
	j->status = 0;
	j->stopped = 0;
	j->text = strdup(text);
	j->next = NULL;
	memcpy(j->pids, pids, npids * sizeof(pid_t));
	*link = j;
	if (announce && interactive)
		fprintf(stderr, "[%d] %d\n", id, (int)pids[npids - 1]);
	return j;
}

static void report(struct job *j, const char *what)
{
	fprintf(stderr, "[%d]+  %-24s%s\n", j->id, what, j->text ? j->text : "");
}

/* collected: pid ended with wait status ws; update its job, and drop the
 * job (reporting it if asked) when nothing of it is left */
static void collected(pid_t pid, int ws, int verbose)
{
	struct job **link, *j;
	char what[32];
	int i;

	for (link = &jobs; (j = *link) != NULL; link = &j->next)
		for (i = 0; i < j->npids; i++)
			if (j->pids[i] == pid)
				goto found;
	return;
found:
	if (i == j->npids - 1)
		j->status = status_of(ws);
	j->pids[i] = 0;
	if (--j->nlive)
		return;
	if (verbose) {
		if (WIFSIGNALED(ws))
			snprintf(what, sizeof(what), "%s", strsignal(WTERMSIG(ws)));
		else if (j->status)
			snprintf(what, sizeof(what), "Exit %d", j->status);
		else
			snprintf(what, sizeof(what), "Done");
		report(j, what);
	}
	*link = j->next;
	free(j->text);
	free(j);
}

void jobs_reap(void)
{
	pid_t pid;
	int ws;

	while (jobs && (pid = waitpid(-1, &ws, WNOHANG)) > 0)
		collected(pid, ws, interactive);
}

/* jobs_wait: `wait` (pid 0: every job) - the status of what was waited for */
int jobs_wait(pid_t pid)
{
	int ws, status = 0;
	pid_t w;

	if (pid > 0) {
		while ((w = waitpid(pid, &ws, 0)) < 0 && errno == EINTR)
			;
		if (w < 0)
			return 127;
		collected(pid, ws, 0);
		return status_of(ws);
	}
	while (jobs) {
		w = waitpid(-1, &ws, 0);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			break;
		collected(w, ws, interactive);
	}
	return status;
}

void jobs_list(void)
{
	struct job *j;

	for (j = jobs; j; j = j->next)
		report(j, j->stopped ? "Stopped" : "Running");
}

/* job_wait_fg: wait for a foreground pipeline, then take the terminal back.
 * A pipeline that stops (Linux only) becomes a job. */
int job_wait_fg(pid_t pgid, const pid_t *pids, int npids, const char *text)
{
	int i, ws = 0, status = 0;
	pid_t w;

	for (i = 0; i < npids; i++) {
		while ((w = waitpid(pids[i], &ws, WUNTRACED)) < 0 && errno == EINTR)
			;
		if (w > 0 && WIFSTOPPED(ws)) {
			struct job *j = job_add(pgid, pids + i, npids - i, text, 0);

			if (j) {
				j->stopped = 1;
				fputc('\n', stderr);
				report(j, "Stopped");
			}
			status = status_of(ws);
			break;
		}
		if (i == npids - 1)
			status = w > 0 ? status_of(ws) : 127;
	}
	if (job_control)
		tcsetpgrp(tty_fd, shell_pgid);
	return status;
}
