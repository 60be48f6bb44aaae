/*
 * world.c: what a fuzzing child plays with - trinity's "fd providers" and
 * "file lists". A child opens files, pipes, /dev and /proc files of its
 * own and keeps their descriptors in a pool; it has a writable arena to cut
 * valid buffers from, a page whose end runs into an unmapped page, and a
 * list of paths. Paths that a call may change (create, remove, rename,
 * truncate) all lie under /tmp/fuzz, so the system the fuzzer runs on
 * keeps its programs; paths outside it are only read (stat, readlink,
 * access, execve: reads_only in args.c). A child works in FUZZ_DIR, so
 * even a name made of junk bytes is created there.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fuzz.h"

#define MAX_FDS 32

static long fds[MAX_FDS];
static unsigned int nr_fds;
static char *arena;
static unsigned long edge;
static char long_name[300], long_path[4200];

/* paths under FUZZ_DIR: what a call may create, change and remove */
static const char *const own_paths[] = {
	FUZZ_DIR "/f0", FUZZ_DIR "/f1", FUZZ_DIR "/f2", FUZZ_DIR "/d0", FUZZ_DIR "/d0/f3",
	FUZZ_DIR "/d0/d1", FUZZ_DIR "/l0", FUZZ_DIR "/l1", FUZZ_DIR "/l2", FUZZ_DIR,
	FUZZ_DIR "/f0/", FUZZ_DIR "/d0/../f1", "",
};
/* paths elsewhere, only ever read (by the calls world_path_readonly allows) */
static const char *const system_paths[] = {
	"/", "/bin", "/bin/hello", "/bin/true", "/proc/1/maps", "/proc/meminfo", "/proc",
	"/dev", "/nonexistent", "/bin/hello/x", "/dev/null", "/dev/zero", "/proc/self/maps",
	"/proc/self/status", "/proc/self/cmdline", "/proc/self/fd",
};

void world_add_fd(long fd)
{
	if (fd >= 0 && nr_fds < MAX_FDS)
		fds[nr_fds++] = fd;
}

/* world_init: the child's files, descriptors and memory */
void world_init(void)
{
	static const char *const opens[] = {
		FUZZ_DIR "/f0", FUZZ_DIR "/f1", "/dev/null", "/dev/zero", "/proc/self/maps",
		"/proc/1/status", FUZZ_DIR, "/bin/hello",
	};
	int p[2];
	unsigned int i;
	char *page;

	mkdir(FUZZ_DIR, 0777);
	mkdir(FUZZ_DIR "/d0", 0777);
	chdir(FUZZ_DIR);	/* what a relative path creates is cleaned up with it */
	symlink("f0", FUZZ_DIR "/l0");
	symlink("l2", FUZZ_DIR "/l1");	/* l1 -> l2 -> l1: a loop */
	symlink("l1", FUZZ_DIR "/l2");
	for (i = 0; i < sizeof(opens) / sizeof(opens[0]); i++)
		world_add_fd(open(opens[i], i < 2 ? O_RDWR | O_CREAT : O_RDONLY, 0644));
	if (pipe(p) == 0) {
		world_add_fd(p[0]);
		world_add_fd(p[1]);
	}
	arena = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (arena == MAP_FAILED || page == MAP_FAILED)
		_exit(111);
	memset(page, 'e', 4096);
	munmap(page + 4096, 4096);
	edge = (unsigned long)page + 4096;
	memset(long_name, 'n', sizeof(long_name) - 1);
	memcpy(long_name, FUZZ_DIR "/", strlen(FUZZ_DIR "/"));
	memset(long_path, 'p', sizeof(long_path) - 1);
	for (i = 0; i + 100 < sizeof(long_path); i += 100)
		long_path[i] = '/';
}

/* world_fd: mostly a descriptor of the pool, sometimes one that is not open */
int world_fd(void)
{
	static const int bad[] = { -1, 0, 1, 2, 63, 64, 1023, 1024, 65536, -100 /* AT_FDCWD */ };

	if (nr_fds && !one_in(4))
		return fds[rnd_below(nr_fds)];
	return bad[rnd_below(sizeof(bad) / sizeof(bad[0]))];
}

const char *world_path(void)
{
	unsigned int n = sizeof(own_paths) / sizeof(own_paths[0]);

	if (one_in(20))
		return one_in(2) ? long_name : long_path;
	return own_paths[rnd_below(n)];
}

const char *world_path_readonly(void)
{
	if (one_in(2))
		return world_path();
	return system_paths[rnd_below(sizeof(system_paths) / sizeof(system_paths[0]))];
}

/* world_buffer: a valid buffer in the arena, of *len bytes up to its end */
char *world_buffer(unsigned long *len)
{
	unsigned long off = one_in(2) ? 0 : rnd_below(ARENA_SIZE);

	*len = ARENA_SIZE - off;
	return arena + off;
}

/* world_edge: an address a few bytes before an unmapped page */
unsigned long world_edge(void)
{
	return edge - 1 - rnd_below(16);
}

/* remove_tree: path and, if it is a directory, everything in it */
static void remove_tree(const char *path)
{
	char sub[512];
	struct dirent *e;
	DIR *d;

	if (unlink(path) == 0 || rmdir(path) == 0)
		return;
	d = opendir(path);
	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
		remove_tree(sub);
	}
	closedir(d);
	rmdir(path);
}

/* world_cleanup: remove whatever the children made under FUZZ_DIR (they
 * may have renamed directories or linked files in any shape) */
void world_cleanup(void)
{
	remove_tree(FUZZ_DIR);
}
