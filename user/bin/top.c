/*
 * top: a one-shot process table with the system's memory, from /proc:
 * uptime, meminfo, and for each process its stat (state, parent, virtual
 * size in bytes, resident pages) and cmdline. -n N prints N snapshots,
 * -d S seconds apart (default 2). procps' top is a full-screen program
 * that redraws itself and sorts by CPU use; yomi keeps no CPU times, so
 * this prints plain snapshots in pid order.
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <procfs.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static long field_kb(const char *text, const char *name)
{
	const char *p = strstr(text, name);

	return p ? strtol(p + strlen(name), NULL, 10) : -1;
}

static void process(int pid)
{
	char path[64], stat[512], cmd[128], state, *lp, *rp, *s, *end;
	long long f[21];	/* fields 4 .. 24 */
	int i, n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (read_file(path, stat, sizeof(stat)) <= 0)
		return;
	lp = strchr(stat, '(');
	rp = strrchr(stat, ')');
	if (!lp || !rp)
		return;
	s = rp + 2;
	state = *s++;
	for (i = 0; i < 21; i++, s = end) {
		f[i] = strtoll(s, &end, 10);
		if (end == s)
			return;
	}
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	n = read_file(path, cmd, sizeof(cmd));
	for (i = 0; i < n - 1; i++)
		if (!cmd[i])
			cmd[i] = ' ';
	if (n <= 0)
		snprintf(cmd, sizeof(cmd), "[%.*s]", (int)(rp - lp - 1), lp + 1);
	/* field 23 is the virtual size in bytes, 24 the resident set in pages */
	printf("%5d %5lld %c %8lld %7lld  %s\n", pid, f[0], state, f[19] / 1024, f[20] * 4, cmd);
}

static int by_number(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void snapshot(void)
{
	char text[1024];
	int pids[256], n = 0, i;
	struct dirent *e;
	long up = 0, total, freek;
	DIR *d;

	if (read_file("/proc/uptime", text, sizeof(text)) > 0)
		up = strtol(text, NULL, 10);
	d = opendir("/proc");
	while (d && (e = readdir(d)) != NULL && n < 256)
		if (isdigit((unsigned char)e->d_name[0]))
			pids[n++] = atoi(e->d_name);
	if (d)
		closedir(d);
	qsort(pids, n, sizeof(int), by_number);
	printf("top - up %ld:%02ld:%02ld, %d processes\n", up / 3600, up / 60 % 60, up % 60, n);
	if (read_file("/proc/meminfo", text, sizeof(text)) > 0) {
		total = field_kb(text, "MemTotal:");
		freek = field_kb(text, "MemFree:");
		printf("KiB Mem: %8ld total, %8ld free, %8ld used\n", total, freek, total - freek);
	}
	printf("\n  PID  PPID S      VSZ     RSS  COMMAND\n");
	for (i = 0; i < n; i++)
		process(pids[i]);
}

int main(int argc, char **argv)
{
	int i, count = 1;
	long delay = 2;

	for (i = 1; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "-n"))
			count = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "-d"))
			delay = atol(argv[i + 1]);
		else
			break;
	}
	if (i < argc) {
		fprintf(stderr, "usage: top [-n count] [-d seconds]\n");
		return 1;
	}
	for (i = 0; i < count; i++) {
		if (i) {
			sleep(delay);
			putchar('\n');
		}
		snapshot();
	}
	return 0;
}
