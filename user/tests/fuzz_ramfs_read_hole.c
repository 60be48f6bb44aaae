/*
 * test_fuzz_ramfs_read_hole: the 2 calls of make fuzz SEED=1's child 11 that took yomi down
 * with:
 * BUG: unable to handle kernel NULL pointer dereference at 00000000
 * EIP is at ramfs_read+0xb9/0x110
 * Call Trace:
 * Kernel panic - not syncing: Fatal exception
 * (truncate made f0 7 bytes long without a page array; ramfs_read then
 * followed the array's NULL). Fixed in fs/ramfs.c: ramfs_read reads a
 * hole beyond the page array as zeros.
 * Written by tools/fuzz2c.py (make fuzz SEED=1 CALLS=50000
 * MINIMIZE=ramfs_read_hole, on the kernel before the fix); see
 * user/tests/lib/repro.h.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "repro.h"

#define FUZZ_DIR "/tmp/fuzz-ramfs-read-hole"

static void calls(void)
{
	mkdir(FUZZ_DIR, 0777);
	mkdir(FUZZ_DIR "/d0", 0777);
	chdir(FUZZ_DIR);
	symlink("f0", FUZZ_DIR "/l0");
	symlink("l2", FUZZ_DIR "/l1");
	symlink("l1", FUZZ_DIR "/l2");
	fd = open(FUZZ_DIR "/f0", O_RDWR | O_CREAT, 0644);
	fd = open(FUZZ_DIR "/f1", O_RDWR | O_CREAT, 0644);
	fd = open("/dev/null", O_RDONLY);
	fd = open("/dev/zero", O_RDONLY);
	fd = open("/proc/self/maps", O_RDONLY);
	fd = open("/proc/1/status", O_RDONLY);
	fd = open(FUZZ_DIR, O_RDONLY);
	fd = open("/bin/hello", O_RDONLY);
	fd = pipe(p);
	arena = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	memset(page, 'e', 4096);
	munmap(page + 4096, 4096);
	edge = (unsigned long)page + 4096;
	memset(long_name, 'n', sizeof(long_name) - 1);
	memcpy(long_name, FUZZ_DIR "/", strlen(FUZZ_DIR "/"));
	memset(long_path, 'p', sizeof(long_path) - 1);
	for (i = 0; i + 100 < sizeof(long_path); i += 100) long_path[i] = '/';
	/* [85] truncate(path="/tmp/fuzz/l0", length=7) = 0 */
	__syscall(92, (long)FUZZ_DIR "/l0", (long)0x7UL, 0, 0, 0, 0);
	/* [143] read(fd=fd 3, buf=buf 65536, count=4096) the kernel died here */
	__syscall(3, 3, (long)(arena + ARENA_SIZE - 65536), (long)0x1000UL, 0, 0, 0);
}

int main(void)
{
	return run_reproducer(calls, "ramfs read hole");
}
