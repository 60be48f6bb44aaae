/*
 * world.c: what a fuzzing child plays with - trinity's "fd providers" and
 * "file lists". A child opens files, pipes, /dev and /proc files of its
 * own and keeps their descriptors in a pool; it has a writable arena to cut
 * valid buffers from, a page whose end runs into an unmapped page, and a
 * list of paths. Paths that a call may change (create, remove, rename,
 * truncate) all lie under /tmp/fuzz, so the system the fuzzer runs on
 * keeps its programs; paths outside it are only read (stat, readlink,
 * access, execve: reads_only in args.c). A child works in FUZZ_DIR, so
 * even a name made of junk bytes is created there - mostly: junk can be an
 * absolute path too, so the parent takes a snapshot of the tree before the
 * first child and removes anything new after each (world_cleanup).
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
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

/*
 * STEP: one statement of the world's set-up, written on the log first
 * (when there is one) exactly as it is in the source, so that
 * tools/fuzz2c.py can copy the set-up into a reproducer. The statements
 * may use only the variables that tool declares: arena, page, edge, p,
 * fd, i, long_name, long_path.
 */
#define STEP(stmt) do { log_step(log, #stmt); stmt; } while (0)

static void log_step(int log, const char *stmt)
{
	char line[300];

	if (log >= 0)
		write(log, line, snprintf(line, sizeof(line), "fuzz: world: %s;\n", stmt));
}

/* world_init: the child's files, descriptors and memory */
void world_init(int log)
{
	int p[2], fd;
	unsigned int i;
	char *page;

	STEP(mkdir(FUZZ_DIR, 0777));
	STEP(mkdir(FUZZ_DIR "/d0", 0777));
	STEP(chdir(FUZZ_DIR));	/* what a relative path creates is cleaned up with it */
	STEP(symlink("f0", FUZZ_DIR "/l0"));
	STEP(symlink("l2", FUZZ_DIR "/l1"));	/* l1 -> l2 -> l1: a loop */
	STEP(symlink("l1", FUZZ_DIR "/l2"));
	STEP(fd = open(FUZZ_DIR "/f0", O_RDWR | O_CREAT, 0644));
	world_add_fd(fd);
	STEP(fd = open(FUZZ_DIR "/f1", O_RDWR | O_CREAT, 0644));
	world_add_fd(fd);
	STEP(fd = open("/dev/null", O_RDONLY));
	world_add_fd(fd);
	STEP(fd = open("/dev/zero", O_RDONLY));
	world_add_fd(fd);
	STEP(fd = open("/proc/self/maps", O_RDONLY));
	world_add_fd(fd);
	STEP(fd = open("/proc/1/status", O_RDONLY));
	world_add_fd(fd);
	STEP(fd = open(FUZZ_DIR, O_RDONLY));
	world_add_fd(fd);
	STEP(fd = open("/bin/hello", O_RDONLY));
	world_add_fd(fd);
	STEP(fd = pipe(p));
	if (fd == 0) {
		world_add_fd(p[0]);
		world_add_fd(p[1]);
	}
	STEP(arena = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	STEP(page = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
	if (arena == MAP_FAILED || page == MAP_FAILED)
		_exit(111);
	STEP(memset(page, 'e', 4096));
	STEP(munmap(page + 4096, 4096));	/* a page of 'e's, then nothing */
	STEP(edge = (unsigned long)page + 4096);
	STEP(memset(long_name, 'n', sizeof(long_name) - 1));	/* one name too long */
	STEP(memcpy(long_name, FUZZ_DIR "/", strlen(FUZZ_DIR "/")));
	STEP(memset(long_path, 'p', sizeof(long_path) - 1));	/* a path too long */
	STEP(for (i = 0; i + 100 < sizeof(long_path); i += 100) long_path[i] = '/');
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
unsigned long world_edge(char *how)
{
	unsigned int back = 1 + rnd_below(16);

	sprintf(how, "edge %u", back);
	return edge - back;
}

/* describe_path: how a path was made, for the log: "long_name",
 * "long_path" or the string in quotes */
void describe_path(const char *path, char *how, size_t size)
{
	if (path == long_name || path == long_path)
		snprintf(how, size, "%s", path == long_name ? "long_name" : "long_path");
	else
		snprintf(how, size, "\"%s\"", path);
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

/*
 * The system as it was before the first child: every path but /proc. A
 * child can reach any directory - a buffer that happens to hold "/fuzz"
 * is a path too - so after each one the parent removes whatever was not
 * there before, wherever it is (world_cleanup).
 */
#define MAX_SNAPSHOT 512
static char *snapshot[MAX_SNAPSHOT];
static unsigned int nr_snapshot;

static bool in_snapshot(const char *path)
{
	unsigned int i;

	for (i = 0; i < nr_snapshot; i++)
		if (!strcmp(snapshot[i], path))
			return true;
	return false;
}

/* walk: visit each path under dir (not /proc), parents before children;
 * a visit that removes its path returns true and is not descended into */
static void walk(const char *dir, bool (*visit)(const char *path))
{
	char path[512];
	struct dirent *e;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof(path), "%s/%s", strcmp(dir, "/") ? dir : "", e->d_name);
		if (!strcmp(path, "/proc") || visit(path) || e->d_type != DT_DIR)
			continue;
		walk(path, visit);
	}
	closedir(d);
}

static bool remember(const char *path)
{
	if (nr_snapshot < MAX_SNAPSHOT)
		snapshot[nr_snapshot++] = strdup(path);
	return false;
}

static bool remove_new(const char *path)
{
	if (in_snapshot(path))
		return false;
	remove_tree(path);
	return true;
}

void world_snapshot(void)
{
	walk("/", remember);
}

/* world_cleanup: remove whatever the children made, anywhere */
void world_cleanup(void)
{
	walk("/", remove_new);
}
