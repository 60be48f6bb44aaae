/*
 * bench_mmap: the address space's costs, in timestamp ticks.
 *   - mmap + touch + munmap of one anonymous page, with 10, 1,000 and
 *     10,000 other VMAs in the process (one region whose pages alternate
 *     between read-write and read-only, so that no two neighbours merge);
 *   - the first touch of an anonymous page (one page fault), over 4 MiB;
 *   - fork + exit + wait of a process with 1, 4 and 16 MiB of touched
 *     pages (copy-on-write should keep it cheap), and of a plain small one.
 * Each line starts with "bench: ". No figure is checked here.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#define PAGE 4096UL

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

static char *map(unsigned long len, int prot)
{
	/* mmap2: PROT_*, MAP_PRIVATE | MAP_ANONYMOUS */
	return (char *)syscall(__NR_mmap2, 0, len, prot, 0x22, -1, 0);
}

/* vmas: a region of n pages in n VMAs (every other page read-only) */
static char *vmas(unsigned long n)
{
	char *p = map(n * PAGE, 3);
	unsigned long i;

	if (p == (char *)-1) {
		printf("bench: mmap of %lu pages failed\n", n);
		return NULL;
	}
	for (i = 1; i < n; i += 2)
		syscall(__NR_mprotect, p + i * PAGE, PAGE, 1);
	return p;
}

static void map_touch_unmap(unsigned long n, int rounds)
{
	char *region = vmas(n), *p;
	uint64_t t0, best = ~0ULL, t;
	int i, r;

	if (!region)
		return;
	for (r = 0; r < 3; r++) {
		t0 = rdtsc();
		for (i = 0; i < rounds; i++) {
			p = map(PAGE, 3);
			p[0] = 1;
			syscall(__NR_munmap, p, PAGE);
		}
		t = (rdtsc() - t0) / rounds;
		if (t < best)
			best = t;
	}
	printf("bench: mmap+touch+munmap with %lu VMAs: %llu ticks/cycle\n", n,
	       (unsigned long long)best);
	syscall(__NR_munmap, region, n * PAGE);
}

/* page_faults: ticks per first touch of an anonymous page, best of three */
static void page_faults(unsigned long pages)
{
	uint64_t t0, t, best = ~0ULL;
	unsigned long i;
	int r;
	char *p;

	for (r = 0; r < 3; r++) {
		p = map(pages * PAGE, 3);
		if (p == (char *)-1) {
			printf("bench: mmap of %lu pages failed\n", pages);
			return;
		}
		t0 = rdtsc();
		for (i = 0; i < pages; i++)
			p[i * PAGE] = 1;
		t = (rdtsc() - t0) / pages;
		best = t < best ? t : best;
		syscall(__NR_munmap, p, pages * PAGE);
	}
	printf("bench: anonymous page fault: %llu ticks/fault\n", (unsigned long long)best);
}

static void fork_with(unsigned long pages, int rounds)
{
	char *p = pages ? map(pages * PAGE, 3) : NULL;
	unsigned long i;
	uint64_t t0;
	int r, status;
	long pid;

	if (p == (char *)-1) {
		printf("bench: mmap of %lu pages failed\n", pages);
		return;
	}
	for (i = 0; i < pages; i++)
		p[i * PAGE] = 1;
	t0 = rdtsc();
	for (r = 0; r < rounds; r++) {
		pid = syscall(__NR_fork);
		if (pid == 0)
			_exit(0);
		syscall(__NR_wait4, pid, &status, 0, 0);
	}
	printf("bench: fork+exit+wait with %lu touched pages: %llu ticks/fork\n", pages,
	       (unsigned long long)((rdtsc() - t0) / rounds));
	if (p)
		syscall(__NR_munmap, p, pages * PAGE);
}

int main(void)
{
	map_touch_unmap(10, 2000);
	map_touch_unmap(1000, 2000);
	map_touch_unmap(10000, 2000);
	page_faults(1024);
	fork_with(0, 200);
	fork_with(256, 50);
	fork_with(1024, 50);
	fork_with(4096, 20);
	return 0;
}
