/*
 * ps: lists every process, from /proc: the pid directories of /proc, and in
 * each, stat (pid, state, parent, group, session) and cmdline (the
 * arguments; a process without any, such as a kernel thread or a zombie,
 * shows its name in brackets as procps does). Columns PID PPID STAT CMD;
 * -j adds PGID and SID, the process group and session that job control
 * uses. procps' ps has dozens of options and formats; this has one.
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <procfs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* stat_fields: from the text after "(comm) " of /proc/<pid>/stat, field 3
 * (the state letter) into *state and fields 4, 5, ... into f[0..n) */
static int stat_fields(const char *s, char *state, long long *f, int n)
{
	char *end;
	int i;

	*state = *s++;
	for (i = 0; i < n; i++) {
		f[i] = strtoll(s, &end, 10);
		if (end == s)
			return -1;
		s = end;
	}
	return 0;
}

static int by_number(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void show(int pid, int jobs)
{
	char path[64], stat[512], cmd[256], comm[64], state;
	char *open_paren, *close_paren;
	long long f[3];			/* ppid, pgrp, session */
	int i, n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_file(path, stat, sizeof(stat)) <= 0)
		return;			/* it ended meanwhile */
	open_paren = strchr(stat, '(');
	close_paren = strrchr(stat, ')');
	if (!open_paren || !close_paren ||
	    stat_fields(close_paren + 2, &state, f, 3) < 0)
		return;
	n = close_paren - open_paren - 1;
	snprintf(comm, sizeof(comm), "%.*s", n, open_paren + 1);
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	n = read_file(path, cmd, sizeof(cmd));
	for (i = 0; i < n - 1; i++)
		if (!cmd[i])
			cmd[i] = ' ';
	if (n <= 0)
		snprintf(cmd, sizeof(cmd), "[%s]", comm);
	if (jobs)
		printf("%5d %5lld %5lld %5lld %-4c %s\n", pid, f[0], f[1], f[2], state, cmd);
	else
		printf("%5d %5lld %-4c %s\n", pid, f[0], state, cmd);
}

int main(int argc, char **argv)
{
	int jobs = argc > 1 && !strcmp(argv[1], "-j"), *pids = NULL, *grown, n = 0, i;
	struct dirent *e;
	DIR *d;

	if (argc > 2 || (argc == 2 && !jobs)) {
		fprintf(stderr, "usage: ps [-j]\n");
		return 1;
	}
	d = opendir("/proc");
	if (!d) {
		perror("ps: /proc");
		return 1;
	}
	while ((e = readdir(d)) != NULL) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		grown = realloc(pids, (n + 1) * sizeof(int));
		if (!grown)
			break;
		pids = grown;
		pids[n++] = atoi(e->d_name);
	}
	closedir(d);
	qsort(pids, n, sizeof(int), by_number);
	printf(jobs ? "  PID  PPID  PGID   SID STAT CMD\n" : "  PID  PPID STAT CMD\n");
	for (i = 0; i < n; i++)
		show(pids[i], jobs);
	free(pids);
	return 0;
}
