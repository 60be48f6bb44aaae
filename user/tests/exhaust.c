/*
 * test_exhaust: running out of each resource a process can ask for, and
 * the kernel coming back whole. For each: the Linux limit and its error,
 * then (on yomi, which has no caches that keep memory on purpose) the
 * memory the kernel holds and its kmalloc objects back where they were.
 *   - descriptors: RLIMIT_NOFILE is 1024 (hard 4096); the 1025th gives
 *     EMFILE; raised to 4096, the table grows to it; above fs.nr_open EPERM;
 *   - memory areas: vm.max_map_count is 65530; one more mmap gives ENOMEM;
 *   - a pipe holds 64 KiB; a non-blocking write to a full one gives EAGAIN;
 *   - execve with 64 MiB of arguments gives E2BIG (one string over 128 KiB
 *     does too);
 *   - a path over PATH_MAX, a name over NAME_MAX: ENAMETOOLONG; a symbolic
 *     link loop and a chain of 41 links: ELOOP;
 *   - a process that maps and touches more than all memory is killed by
 *     the OOM killer (SIGKILL), not its parent, not init; and when a small
 *     process faults while a big one holds the memory, the big one goes.
 * (The fork bomb is in test_proc.) Each case runs in a child (whose cases
 * count as ours: tap.c shares its counts), so that what a process keeps
 * until it exits - its grown descriptor table, its page tables - is gone
 * when its parent compares the kernel's memory with the baseline.
 */
#include <errno.h>
#include <fcntl.h>
#include <procfs.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "tap.h"

/* run_case: the case in a child; then (yomi only: Linux keeps freed memory
 * in its caches) the kernel must hold what it held before */
static void run_case(void (*fn)(void), const char *what)
{
	long held0 = 0, objects0 = 0, held = 0, objects = 0;
	int status;
	pid_t pid;

	kernel_memory(&held0, &objects0);
	pid = tap_fork();
	if (pid == 0) {
		fn();
		exit(0);
	}
	waitpid(pid, &status, 0);
	kernel_memory(&held, &objects);
	ok_unless(on_yomi() ? NULL : "yomi-only: Linux keeps freed memory in caches",
		  held == held0 && objects == objects0,
		  "after %s the kernel holds what it held before (%ld kB and %ld objects, then %ld and %ld)",
		  what, held0, objects0, held, objects);
}

static void descriptors(void)
{
	struct rlimit r, big = { 4096, 4096 }, huge = { 4096, 2 * 1024 * 1024 };
	int n, fd;

	getrlimit(RLIMIT_NOFILE, &r);
	ok(r.rlim_cur == 1024 && r.rlim_max == 4096, "RLIMIT_NOFILE is 1024, hard 4096 (%lu, %lu)",
	   r.rlim_cur, r.rlim_max);
	for (n = 0; (fd = open("/dev/null", O_RDONLY)) >= 0; n++)
		;
	expect_errno(fd, EMFILE, "open past the limit gives EMFILE");
	expect_eq(n, 1024 - 3, "after 1021 opens (0, 1 and 2 were open)");
	expect_eq(setrlimit(RLIMIT_NOFILE, &big), 0, "the soft limit rises to 4096");
	for (; open("/dev/null", O_RDONLY) >= 0; n++)
		;
	expect_eq(n, 4096 - 3, "then 4093 descriptors are open");
	expect_errno(dup2(0, 4096), EBADF, "dup2 to 4096 gives EBADF");
	expect_errno(setrlimit(RLIMIT_NOFILE, &huge), EPERM, "a hard limit over fs.nr_open gives EPERM");
	for (fd = 3; fd < 4096; fd++)
		close(fd);
	setrlimit(RLIMIT_NOFILE, &r);
}

static long read_sysctl(const char *path)
{
	char buf[32];

	return read_file(path, buf, sizeof(buf)) > 0 ? atol(buf) : -1;
}

/* map_count: as many one-page areas as the kernel allows, every other one
 * read-only so no two merge; how many, and the error that stopped them */
static int map_count(char **areas, int cap, int *err)
{
	int n;

	for (n = 0; n < cap; n++) {
		areas[n] = mmap(NULL, 4096, n % 2 ? PROT_READ : PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (areas[n] == MAP_FAILED) {
			*err = errno;
			break;
		}
	}
	return n;
}

static void memory_areas(void)
{
	enum { CAP = 70000 };
	char **areas = mmap(NULL, CAP * sizeof(char *), PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int n, i, err = 0;

	expect_eq(read_sysctl("/proc/sys/vm/max_map_count"), 65530, "vm.max_map_count is 65530");
	n = map_count(areas, CAP, &err);
	ok(err == ENOMEM && n > 65000 && n < 65530, "mmap fails with ENOMEM near the limit (%d areas, errno %d)",
	   n, err);
	for (i = 0; i < n; i++)
		munmap(areas[i], 4096);
	munmap(areas, CAP * sizeof(char *));
}

static void full_pipe(void)
{
	static char chunk[4096];
	long total = 0, w;
	int fds[2];

	pipe(fds);
	fcntl(fds[1], F_SETFL, O_NONBLOCK);
	while ((w = write(fds[1], chunk, sizeof(chunk))) > 0)
		total += w;
	expect_errno(w, EAGAIN, "a write to a full pipe gives EAGAIN");
	expect_eq(total, 65536, "after 64 KiB");
	close(fds[0]);
	close(fds[1]);
}

static void huge_arguments(void)
{
	enum { STRING = 128 * 1024 - 1, COUNT = 512 };	/* 512 x 128 KiB = 64 MiB */
	char *s = malloc(STRING + 2), **argv = malloc((COUNT + 2) * sizeof(char *));
	char *const envp[] = { NULL };
	int i;

	memset(s, 'a', STRING);
	s[STRING] = 0;
	argv[0] = "/bin/true";
	for (i = 1; i <= COUNT; i++)
		argv[i] = s;
	argv[COUNT + 1] = NULL;
	expect_errno(execve("/bin/true", argv, envp), E2BIG, "execve with 64 MiB of arguments gives E2BIG");
	strcat(s, "a");			/* one string of 128 KiB, NUL included: too long */
	argv[2] = NULL;
	expect_errno(execve("/bin/true", argv, envp), E2BIG,
		     "execve with one argument over 128 KiB gives E2BIG");
	free(argv);
	free(s);
}

static void long_paths(void)
{
	static char path[5000], name[300];
	int i;

	for (i = 0; i < (int)sizeof(path) - 1; i += 2)
		memcpy(path + i, "/.", 2);
	expect_errno(open(path, O_RDONLY), ENAMETOOLONG, "a path of 4999 bytes gives ENAMETOOLONG");
	memset(name, 'x', sizeof(name) - 1);
	memcpy(name, "/tmp/", 5);
	expect_errno(open(name, O_RDONLY | O_CREAT, 0644), ENAMETOOLONG,
		     "a name of 294 bytes gives ENAMETOOLONG");
}

static void symlink_loops(void)
{
	char from[32], to[32];
	int i;

	mkdir("/tmp", 01777);
	symlink("/tmp/exhaust-b", "/tmp/exhaust-a");
	symlink("/tmp/exhaust-a", "/tmp/exhaust-b");
	expect_errno(open("/tmp/exhaust-a", O_RDONLY), ELOOP, "a symbolic link loop gives ELOOP");
	for (i = 0; i < 41; i++) {	/* link-i -> link-(i+1) -> ... -> link-41 */
		snprintf(from, sizeof(from), "/tmp/exhaust-link-%d", i);
		snprintf(to, sizeof(to), "/tmp/exhaust-link-%d", i + 1);
		symlink(to, from);
	}
	close(open("/tmp/exhaust-link-41", O_RDONLY | O_CREAT, 0644));
	expect_errno(open("/tmp/exhaust-link-0", O_RDONLY), ELOOP, "a chain of 41 links gives ELOOP");
	ok(open("/tmp/exhaust-link-1", O_RDONLY) >= 0, "a chain of 40 is followed");
	for (i = 0; i <= 41; i++) {
		snprintf(from, sizeof(from), "/tmp/exhaust-link-%d", i);
		unlink(from);
	}
	unlink("/tmp/exhaust-a");
	unlink("/tmp/exhaust-b");
	for (i = 3; i < 10; i++)
		close(i);
}

/* hog: map and touch 16 MiB after 16 MiB until something gives */
static void __attribute__((noreturn)) hog(void)
{
	for (;;) {
		char *p = mmap(NULL, 16 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);

		if (p == MAP_FAILED)
			_exit(1);
		memset(p, 1, 16 << 20);
	}
}

static long mem_free_kb(void)
{
	char text[2048], *p;

	if (read_file("/proc/meminfo", text, sizeof(text)) <= 0 || !(p = strstr(text, "MemFree:")))
		return -1;
	return atol(p + 8);
}

/* big_sleeper: touch memory until less than 16 MiB is free, say so, sleep */
static void __attribute__((noreturn)) big_sleeper(int ready)
{
	while (mem_free_kb() > 16 * 1024) {
		char *p = mmap(NULL, 1 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			       -1, 0);

		if (p == MAP_FAILED)
			_exit(1);
		memset(p, 1, 1 << 20);
	}
	write(ready, "r", 1);
	for (;;)
		nanosleep(&(struct timespec){ 3600, 0 }, NULL);
}

/* the OOM killer picks the biggest process, not the small one that faulted */
static void biggest_goes(void)
{
	int fds[2], status, small_status;
	pid_t big, small;
	char c;

	pipe(fds);
	big = fork();
	if (big == 0)
		big_sleeper(fds[1]);
	close(fds[1]);			/* so that a dead big_sleeper ends the read */
	if (read(fds[0], &c, 1) != 1) {
		ok(0, "a small process faulting when memory is out gets its memory (the big one died first)");
		waitpid(big, &status, 0);
		return;
	}
	small = fork();
	if (small == 0) {
		char *p = mmap(NULL, 32 << 20, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p != MAP_FAILED)
			memset(p, 1, 32 << 20);	/* more than is free */
		_exit(p == MAP_FAILED);
	}
	waitpid(small, &small_status, 0);
	kill(big, SIGKILL);		/* if the OOM killer did not */
	waitpid(big, &status, 0);
	ok(WIFEXITED(small_status) && WEXITSTATUS(small_status) == 0,
	   "a small process faulting when memory is out gets its memory (status %#x)", small_status);
}

static void out_of_memory(void)
{
	int status;
	pid_t pid;

	pid = fork();
	if (pid == 0)
		hog();
	status = 0;
	waitpid(pid, &status, 0);
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
	   "a process that touches more than all memory is killed by the OOM killer (status %#x)",
	   status);
	ok(1, "its parent lives on");
}

int main(void)
{
	long held, objects;

	mkdir("/tmp", 01777);
	tap_init();			/* the counts' page, and /proc/self's entries, are made */
	kernel_memory(&held, &objects);	/* before the first baseline */
	run_case(descriptors, "4093 opens and closes");
	run_case(memory_areas, "65,000 areas");
	run_case(full_pipe, "a full pipe");
	run_case(huge_arguments, "two refused execs");
	run_case(long_paths, "too long paths");
	run_case(symlink_loops, "symbolic links");
	run_case(out_of_memory, "the OOM kill");
	run_case(biggest_goes, "the OOM killer's choice");
	return tap_done();
}
