/*
 * test_readdir_while_unlinking: what rm -r does - read a directory and
 * remove each entry as it comes - must see every entry once. yomi's
 * getdents counted entries to know where to resume, so each removal made
 * the next read skip one, and rmdir then found the directory not empty
 * (the fuzzer's clean-up left files behind: a "leak" in make fuzz SEED=23).
 * Fixed in fs/readdir.c: each entry keeps the offset it was given.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tap.h"

#define DIR_PATH "/tmp/readdir-unlink"
#define FILES 40

/* remove_read: read the directory a few entries per getdents64 (as a
 * reader with a small buffer does) and remove each; how many went */
static int remove_read(int fd)
{
	static char buf[sizeof(struct dirent) + 100] __attribute__((aligned(8)));
	char path[64];
	long n, off;
	int removed = 0;

	while ((n = syscall(__NR_getdents64, fd, buf, 100)) > 0) {
		for (off = 0; off < n; off += ((struct dirent *)(buf + off))->d_reclen) {
			struct dirent *e = (struct dirent *)(buf + off);

			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			snprintf(path, sizeof(path), DIR_PATH "/%s", e->d_name);
			removed += unlink(path) == 0;
		}
	}
	return removed;
}

int main(void)
{
	char path[64];
	int i, fd;

	mkdir("/tmp", 01777);
	mkdir(DIR_PATH, 0755);
	for (i = 0; i < FILES; i++) {
		snprintf(path, sizeof(path), DIR_PATH "/file-%02d", i);
		close(open(path, O_WRONLY | O_CREAT, 0644));
	}
	fd = open(DIR_PATH, O_RDONLY | O_DIRECTORY);
	ok(fd >= 0, "open the directory");
	expect_eq(remove_read(fd), FILES, "every one of the %d files is read and removed", FILES);
	close(fd);
	expect_eq(rmdir(DIR_PATH), 0, "the directory is then empty: rmdir succeeds");
	return tap_done();
}
