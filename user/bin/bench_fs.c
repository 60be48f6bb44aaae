/*
 * bench_fs: path lookups, in timestamp ticks per call: open + close of a
 * file two directories down, and stat64 of it. The best of three runs.
 * Each line starts with "bench: ". No figure is checked here.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PATH "/tmp/bench_fs/file"

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

int main(void)
{
	uint64_t t0, oc = ~0ULL, st = ~0ULL, t;
	struct stat sb;
	int r, i, fd, rounds = 2000;

	mkdir("/tmp", 01777);
	mkdir("/tmp/bench_fs", 0700);
	fd = open(PATH, O_WRONLY | O_CREAT, 0600);
	if (fd < 0) {
		printf("bench: cannot create %s\n", PATH);
		return 0;
	}
	close(fd);
	for (r = 0; r < 3; r++) {
		t0 = rdtsc();
		for (i = 0; i < rounds; i++)
			close(open(PATH, O_RDONLY));
		t = (rdtsc() - t0) / rounds;
		oc = t < oc ? t : oc;
		t0 = rdtsc();
		for (i = 0; i < rounds; i++)
			stat(PATH, &sb);
		t = (rdtsc() - t0) / rounds;
		st = t < st ? t : st;
	}
	printf("bench: open+close: %llu ticks/call\n", (unsigned long long)oc);
	printf("bench: stat64: %llu ticks/call\n", (unsigned long long)st);
	unlink(PATH);
	rmdir("/tmp/bench_fs");
	return 0;
}
