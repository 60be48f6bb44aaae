/*
 * bench_maps: reading /proc/self/maps of a process with 100, 1,000, 2,000
 * and 10,000 VMAs (one region whose pages alternate between read-write and
 * read-only, so that no two neighbours merge), whole (reads of one large
 * buffer) and in 4 KiB reads, in timestamp ticks per line. Linear means
 * the per-line figure stays flat as the count grows.
 * Each line starts with "bench: ". No figure is checked here.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PAGE 4096UL
#define BUF_SIZE (4UL << 20)

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

static char *map(unsigned long len, int prot)
{
	return (char *)syscall(__NR_mmap2, 0, len, prot, 0x22 /* private, anonymous */, -1, 0);
}

/* read_maps: the whole file in reads of chunk bytes; its line count, and
 * the ticks it took in *ticks */
static long read_maps(char *buf, unsigned long chunk, uint64_t *ticks)
{
	unsigned long len = 0;
	uint64_t t0;
	long r, lines = 0, i;
	int fd;

	t0 = rdtsc();
	fd = syscall(__NR_open, "/proc/self/maps", 0, 0);
	if (fd < 0)
		return -1;
	while (len + chunk <= BUF_SIZE && (r = read(fd, buf + len, chunk)) > 0)
		len += r;
	close(fd);
	*ticks = rdtsc() - t0;
	for (i = 0; i < (long)len; i++)
		lines += buf[i] == '\n';
	return lines;
}

static void measure(char *buf, unsigned long n)
{
	char *p = map(n * PAGE, 3);
	uint64_t ticks, best_whole = ~0ULL, best_4k = ~0ULL;
	long lines = 0, l4 = 0;
	unsigned long i;
	int r;

	if (p == (char *)-1) {
		printf("bench: mmap of %lu pages failed\n", n);
		return;
	}
	for (i = 1; i < n; i += 2)
		syscall(__NR_mprotect, p + i * PAGE, PAGE, 1);
	for (r = 0; r < 3; r++) {
		lines = read_maps(buf, BUF_SIZE / 2, &ticks);
		if (ticks < best_whole)
			best_whole = ticks;
		l4 = read_maps(buf, 4096, &ticks);
		if (ticks < best_4k)
			best_4k = ticks;
	}
	if (lines <= 0 || l4 != lines) {
		printf("bench: reading maps failed (%ld and %ld lines)\n", lines, l4);
		return;
	}
	printf("bench: maps with %lu VMAs (%ld lines), whole: %llu ticks/line\n", n, lines,
	       (unsigned long long)(best_whole / lines));
	printf("bench: maps with %lu VMAs (%ld lines), 4 KiB reads: %llu ticks/line\n", n, lines,
	       (unsigned long long)(best_4k / lines));
	syscall(__NR_munmap, p, n * PAGE);
}

int main(void)
{
	char *buf = map(BUF_SIZE, 3);

	if (buf == (char *)-1) {
		printf("bench: no buffer\n");
		return 0;
	}
	memset(buf, 0, BUF_SIZE);	/* fault it in before measuring */
	measure(buf, 100);
	measure(buf, 1000);
	measure(buf, 2000);
	measure(buf, 10000);
	return 0;
}
