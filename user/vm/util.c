/* vm's helpers: maps lines, mmap with a printed result, a child's fate. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <procfs.h>
#include <sys/mman.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include "vm.h"

static char maps[64 * 1024];

/* show_maps: the lines of /proc/self/maps whose area overlaps [lo, hi) */
void show_maps(unsigned long lo, unsigned long hi)
{
	char *line, *next;

	if (read_file("/proc/self/maps", maps, sizeof(maps)) < 0) {
		printf("  (cannot read /proc/self/maps)\n");
		return;
	}
	for (line = maps; *line; line = next) {
		char *end;
		unsigned long start = strtoul(line, &end, 16);
		unsigned long stop = strtoul(end + 1, NULL, 16);

		next = strchr(line, '\n');
		next = next ? next + 1 : line + strlen(line);
		if (start < hi && stop > lo)
			printf("  %.*s", (int)(next - line), line);
	}
	fflush(stdout);
}

/* result: an address, or the error's name for a failed call */
const char *result(long ret)
{
	static char buf[32];

	if (ret == -1)
		return strerror(errno);
	snprintf(buf, sizeof(buf), "%p", (void *)ret);
	return buf;
}

/* map: mmap, printing the call and its result as "mmap(addr, len) = ..." */
void *map(void *addr, size_t len, int prot, int flags)
{
	void *p = mmap(addr, len, prot, flags | MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	printf("mmap(%p, %#lx%s) = %s\n", addr, (unsigned long)len,
	       flags & MAP_FIXED ? ", MAP_FIXED" : "", result((long)p));
	return p;
}

/* in_child: run fn(arg) in a child, then say how it ended */
void in_child(const char *what, void (*fn)(unsigned long), unsigned long arg)
{
	int status;
	pid_t pid;

	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		fn(arg);
		fflush(stdout);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("%s: killed by signal %d\n", what, WTERMSIG(status));
	else
		printf("%s: exited %d\n", what, WEXITSTATUS(status));
}

/* free_kb: the free memory, in kB, as sysinfo reports it */
long free_kb(void)
{
	struct sysinfo si;

	if (sysinfo(&si) < 0)
		return -1;
	return (long)((unsigned long long)si.freeram * si.mem_unit / KIB);
}
