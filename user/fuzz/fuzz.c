/*
 * fuzz: random system calls with hostile arguments, in the manner of
 * trinity (and syzkaller, without its coverage feedback). The parent forks
 * one child at a time; each child, in a process group of its own and with
 * /dev/null as its standard files, sets up a small world (user/fuzz/
 * world.c) and makes CALLS_PER_CHILD calls, each picked from the kernel's
 * own table with arguments typed by the kernel's own SYSCALL_METADATA
 * (user/fuzz/args.c). A child that takes longer than a few seconds is
 * killed; so is anything it forked. The fuzzer never calls reboot, never
 * signals pid 1, everyone (-1) or itself, stays in its process group, and
 * never calls sigreturn or rt_sigreturn without a frame (args.c says why).
 * A child may install handlers at random addresses: only it and what it
 * forked suffer, and the parent, which installs none, still reaps and
 * reports it.
 *
 *     fuzz [-s SEED] [-n CALLS] [-c CALLS_PER_CHILD] [-w WARMUP] [-v CHILD]
 *          [-t CHILD] [-d 1|2]
 *
 * Child k's calls depend only on SEED and k, so a run is reproducible; -v
 * CHILD prints that child's calls on the console as it makes them (before
 * each call, so a call that kills the kernel is the last line); -t CHILD
 * has the kernel's own tracer print them (syscall_trace), which changes
 * no timing in user space. With a
 * warm-up (-w, calls made and cleaned up first), the fuzzer compares the
 * memory the kernel holds (not counting the fuzzer's own) and its kmalloc
 * objects after the run with the warm-up's
 * and exits 1 when they differ: a leak (-d 1 prints the use after each
 * child, to find the one that leaks). It prints one line per child and a
 * summary; tests/fuzz.py runs it as init and watches the kernel.
 */
#include <errno.h>
#include <fcntl.h>
#include <procfs.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "fuzz.h"

#define CHILD_TIMEOUT_NS (5 * 1000000000LL)

static struct {
	uint64_t seed;
	unsigned long calls, per_child, warmup;
	long verbose;	/* the child whose calls are printed, or -1 */
	long trace;	/* -t: the child whose calls the kernel's tracer prints */
	int deltas;	/* -d: memory use after each child, to find a leak's child */
} opt = { 1, 10000, 1000, 0, -1, -1, 0 };

static unsigned long killed, hung;

static long long now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* keeps: calls whose result is a new descriptor for the pool */
static int new_fd_call(const char *name)
{
	return !strcmp(name, "open") || !strcmp(name, "openat") || !strcmp(name, "creat") ||
	       !strncmp(name, "dup", 3);
}

/* child: the calls of one child; never returns */
static void child(uint64_t seed, unsigned long calls, int log)
{
	struct call c;
	unsigned long i;
	long ret;
	int null;

	setpgid(0, 0);
	if (log >= 0)
		log = dup2(1, LOG_FD);
	null = open("/dev/null", O_RDWR);
	for (i = 0; i < 3; i++)		/* never the console, even without /dev/null */
		if (null < 0 || dup2(null, i) < 0)
			close(i);
	if (null > 2)
		close(null);
	rnd_seed(seed);
	world_init(log);
	for (i = 0; i < calls; i++) {
		make_call(&c);
		if (log >= 0)
			log_call(log, &c, i);
		ret = __syscall(c.sc->nr, c.arg[0], c.arg[1], c.arg[2], c.arg[3], c.arg[4], c.arg[5]);
		if (log >= 0)
			log_result(log, i, ret);
		if (new_fd_call(c.sc->name))
			world_add_fd(ret);
	}
	_exit(0);
}

/* reap: wait for the child, killing its group when it takes too long; then
 * kill and reap whatever it left (orphans come to us when we are init) */
static void reap(pid_t pid)
{
	long long start = now_ns();
	struct timespec tick = { 0, 2000000 };
	int status;
	pid_t r;

	while ((r = waitpid(pid, &status, WNOHANG)) == 0) {
		if (now_ns() - start > CHILD_TIMEOUT_NS) {
			kill(-pid, SIGKILL);
			kill(pid, SIGKILL);
			hung++;
			r = waitpid(pid, &status, 0);
			break;
		}
		nanosleep(&tick, NULL);
	}
	if (r == pid && WIFSIGNALED(status))
		killed++;
	kill(-pid, SIGKILL);
	while (waitpid(-1, &status, 0) > 0 || errno == EINTR)
		;
}

/* set_trace: the kernel's system call tracer on one pid, or off (0); the
 * child has not run yet when its parent returns from fork */
static void set_trace(pid_t pid)
{
	char val[16];
	int fd = open("/proc/sys/kernel/syscall_trace", O_WRONLY);

	if (fd >= 0) {
		write(fd, val, snprintf(val, sizeof(val), "%d\n", pid));
		close(fd);
	}
}

static uint64_t child_seed(uint64_t seed, unsigned long k)
{
	uint64_t z = seed + 0x9e3779b97f4a7c15ULL * (k + 1);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static void print_slabs(void);

/* run: calls calls in children of per_child calls each; first child is k0 */
static void run(uint64_t seed, unsigned long calls, unsigned long k0, const char *what)
{
	unsigned long k, n;
	pid_t pid;

	for (k = k0; calls; k++, calls -= n) {
		n = calls < opt.per_child ? calls : opt.per_child;
		printf("fuzz: %s child %lu seed %#llx calls %lu\n", what, k,
		       (unsigned long long)child_seed(seed, k), n);
		fflush(stdout);
		pid = fork();
		if (pid == 0)
			child(child_seed(seed, k), n, (long)k == opt.verbose ? 1 : -1);
		if (pid < 0) {
			printf("fuzz: fork: %s\n", strerror(errno));
			exit(2);
		}
		if ((long)k == opt.trace)
			set_trace(pid);
		reap(pid);
		if ((long)k == opt.trace)
			set_trace(0);
		world_cleanup();
		if (opt.deltas) {
			long held_kb, objects;

			kernel_memory(&held_kb, &objects);
			printf("fuzz: after child %lu: kernel holds %ld kB, kmalloc objects %ld\n", k,
			       held_kb, objects);
			if (opt.deltas > 1)
				print_slabs();
		}
	}
}

/* print_slabs: each cache's objects in use, on one line (-d 2) */
static void print_slabs(void)
{
	static char text[4096];
	char *p;

	read_file("/proc/slabinfo", text, sizeof(text));
	printf("fuzz: slabs:");
	for (p = strchr(text, '\n'); p && p[1]; p = strchr(p + 1, '\n'))
		if (p[1] != '#')
			printf(" %.*s", (int)strcspn(p + 1, " "), p + 1),
			printf("=%ld", strtol(p + 1 + strcspn(p + 1, " "), NULL, 10));
	printf("\n");
}

static void options(int argc, char **argv)
{
	int i;

	for (i = 1; i + 1 < argc; i += 2) {
		unsigned long long v = strtoull(argv[i + 1], NULL, 0);

		if (!strcmp(argv[i], "-s"))
			opt.seed = v;
		else if (!strcmp(argv[i], "-n"))
			opt.calls = v;
		else if (!strcmp(argv[i], "-c"))
			opt.per_child = v ? v : 1;
		else if (!strcmp(argv[i], "-w"))
			opt.warmup = v;
		else if (!strcmp(argv[i], "-v"))
			opt.verbose = (long)v;
		else if (!strcmp(argv[i], "-t"))
			opt.trace = (long)v;
		else if (!strcmp(argv[i], "-d"))
			opt.deltas = v;
	}
}

int main(int argc, char **argv)
{
	long held0 = 0, slab0 = 0, held1, slab1;

	options(argc, argv);
	umask(0);
	mkdir("/tmp", 01777);
	world_snapshot();
	printf("fuzz: seed %#llx, %lu calls in children of %lu, warm-up %lu, %u system calls known\n",
	       (unsigned long long)opt.seed, opt.calls, opt.per_child, opt.warmup, nr_fuzz_syscalls);
	if (opt.warmup) {
		run(~opt.seed, opt.warmup, 0, "warm-up");
		kernel_memory(&held0, &slab0);
	}
	run(opt.seed, opt.calls, 0, "run");
	kernel_memory(&held1, &slab1);
	printf("fuzz: done: %lu calls, %lu children killed by a signal, %lu hung\n", opt.calls,
	       killed, hung);
	if (!opt.warmup)
		return 0;
	printf("fuzz: the kernel holds %ld kB after the warm-up, %ld kB after the run; "
	       "kmalloc objects %ld and %ld\n", held0, held1, slab0, slab1);
	if (held1 < held0 || slab1 < slab0)	/* a child removed a system file */
		printf("fuzz: the run destroyed some of the system's files\n");
	if (held1 > held0 || slab1 > slab0) {
		printf("fuzz: LEAK: the kernel holds more after the run than after the warm-up\n");
		return 1;
	}
	return 0;
}
