/*
 * bench_data: moving bytes, in timestamp ticks per KiB.
 *   - pipe bandwidth: a child reads (64 KiB reads) what its parent writes
 *     in writes of 4 KiB, 64 KiB and 1 MiB, 4 MiB in all each time;
 *   - file bandwidth: write and read back a 4 MiB file in /tmp (ramfs on
 *     yomi, the initramfs's rootfs on Linux) with 64 KiB calls;
 *   - sendfile64 of that file into a pipe, drained by a child.
 * Each line starts with "bench: ". No figure is checked here.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#define TOTAL (4UL << 20)
#define CHUNK (64UL << 10)
#define FILE_NAME "/tmp/bench_data"

static char buf[1UL << 20];

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

static void report(const char *row, uint64_t ticks, unsigned long bytes)
{
	printf("bench: %s: %llu ticks/KiB\n", row, (unsigned long long)(ticks / (bytes >> 10)));
}

/* drain: a child that reads fd until end of file, into its own buffer */
static long drain(int fds[2])
{
	long pid = syscall(__NR_fork);

	if (pid == 0) {
		close(fds[1]);
		while (read(fds[0], buf, CHUNK) > 0)
			;
		_exit(0);
	}
	close(fds[0]);
	return pid;
}

/* pipe_bandwidth: TOTAL bytes through a pipe in writes of size each */
static void pipe_bandwidth(unsigned long size, const char *row)
{
	uint64_t t0, best = ~0ULL;
	int fds[2], r, status;
	unsigned long done;
	long pid;

	for (r = 0; r < 3; r++) {
		if (pipe(fds)) {
			printf("bench: pipe failed\n");
			return;
		}
		pid = drain(fds);
		t0 = rdtsc();
		for (done = 0; done < TOTAL; done += size)
			if (write(fds[1], buf, size) != (ssize_t)size) {
				printf("bench: a pipe write failed\n");
				break;
			}
		close(fds[1]);
		syscall(__NR_wait4, pid, &status, 0, 0);
		if (rdtsc() - t0 < best)
			best = rdtsc() - t0;
	}
	report(row, best, TOTAL);
}

/* file_bandwidth: write FILE_NAME in CHUNK writes, read it back, sendfile it */
static void file_bandwidth(void)
{
	uint64_t t0, wbest = ~0ULL, rbest = ~0ULL, sbest = ~0ULL;
	int fd, fds[2], r, status;
	unsigned long done;
	long pid;
	loff_t off;

	mkdir("/tmp", 01777);
	for (r = 0; r < 3; r++) {
		fd = open(FILE_NAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
		if (fd < 0) {
			printf("bench: cannot create %s\n", FILE_NAME);
			return;
		}
		t0 = rdtsc();
		for (done = 0; done < TOTAL; done += CHUNK)
			write(fd, buf, CHUNK);
		if (rdtsc() - t0 < wbest)
			wbest = rdtsc() - t0;
		lseek(fd, 0, SEEK_SET);
		t0 = rdtsc();
		while (read(fd, buf, CHUNK) > 0)
			;
		if (rdtsc() - t0 < rbest)
			rbest = rdtsc() - t0;
		pipe(fds);
		pid = drain(fds);
		off = 0;
		t0 = rdtsc();
		while (syscall(__NR_sendfile64, fds[1], fd, &off, CHUNK) > 0)
			;
		close(fds[1]);
		syscall(__NR_wait4, pid, &status, 0, 0);
		if (rdtsc() - t0 < sbest)
			sbest = rdtsc() - t0;
		if (off != (loff_t)TOTAL)
			printf("bench: sendfile64 moved %ld bytes\n", (long)off);
		close(fd);
	}
	unlink(FILE_NAME);
	report("file write, 64 KiB writes", wbest, TOTAL);
	report("file read, 64 KiB reads", rbest, TOTAL);
	report("sendfile64 from a file to a pipe", sbest, TOTAL);
}

int main(void)
{
	memset(buf, 'x', sizeof(buf));	/* fault it in before measuring */
	pipe_bandwidth(4UL << 10, "pipe bandwidth, 4 KiB writes");
	pipe_bandwidth(64UL << 10, "pipe bandwidth, 64 KiB writes");
	pipe_bandwidth(1UL << 20, "pipe bandwidth, 1 MiB writes");
	file_bandwidth();
	return 0;
}
