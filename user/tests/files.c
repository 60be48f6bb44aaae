/*
 * test_files: the file system calls on a scratch directory under /tmp
 * (a RAM file system on both kernels: yomi's root, and Linux's rootfs).
 *   open/creat/close/read/write, lseek and _llseek, O_APPEND, O_TRUNC,
 *   O_EXCL, access modes; stat64/lstat64/fstat64; getdents64 (also through
 *   a small buffer); mkdir/rmdir/unlink/rename and their errors;
 *   chdir/getcwd; path corners (trailing slashes, ENAMETOOLONG, ELOOP,
 *   O_CREAT through a dangling symlink, a removed working directory);
 *   access; symlink/readlink; dup, dup2 and fcntl; umask;
 *   truncate/ftruncate; /dev/null and /dev/zero; EFAULT for every pointer
 *   argument; an unlinked file that stays open.
 * Everything the test creates is removed at the end (and that is checked).
 */
#include <stdlib.h>
#include "sys.h"

static char base[96];		/* the scratch directory */

/* P: a path under base (a few rotating buffers) */
static const char *P(const char *name)
{
	static char bufs[8][160];
	static int next;
	char *b = bufs[next++ % 8];

	snprintf(b, sizeof(bufs[0]), "%s/%s", base, name);
	return b;
}

static void put_file(const char *path, const char *text)
{
	int fd = sys_open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		printf("#   writing %s: %s\n", path, strerror(errno));
	if (fd >= 0)
		close(fd);
}

static long long size_of(const char *path)
{
	struct stat st;

	return sys_stat64(path, &st) < 0 ? -1 : st.st_size;
}

/* --- open, read, write, close, lseek ---------------------------------------- */

static void open_read_write(void)
{
	char buf[64];
	long long res = -1;
	int fd, fd2, i, zeros;

	fd = sys_open(P("f"), O_WRONLY | O_CREAT | O_EXCL, 0644);
	ok(fd >= 0, "open(O_CREAT|O_EXCL) creates a new file (fd %d)", fd);
	expect_eq(write(fd, "hello world", 11), 11, "write of 11 bytes returns 11");
	expect_eq(close(fd), 0, "close returns 0");
	expect_errno(close(fd), EBADF, "a second close gives EBADF");
	fd2 = sys_open(P("f"), O_RDONLY, 0);
	expect_eq(fd2, fd, "open returns the lowest free descriptor (the one just closed)");

	memset(buf, 0, sizeof(buf));
	expect_eq(read(fd2, buf, sizeof(buf)), 11, "read returns the 11 bytes");
	ok(!memcmp(buf, "hello world", 11), "and they are the bytes written");
	expect_eq(read(fd2, buf, sizeof(buf)), 0, "read at the end returns 0");

	expect_eq(sys_lseek(fd2, 6, SEEK_SET), 6, "lseek(6, SEEK_SET) returns 6");
	memset(buf, 0, sizeof(buf));
	expect_eq(read(fd2, buf, 5), 5, "read 5 bytes there");
	ok(!memcmp(buf, "world", 5), "they are \"world\"");
	expect_eq(sys_lseek(fd2, -5, SEEK_CUR), 6, "lseek(-5, SEEK_CUR) returns 6");
	expect_eq(sys_lseek(fd2, 0, SEEK_END), 11, "lseek(0, SEEK_END) returns the size, 11");
	expect_errno(sys_lseek(fd2, -20, SEEK_END), EINVAL,
		     "lseek to a negative offset gives EINVAL");
	expect_eq(sys_lseek(fd2, 0, SEEK_CUR), 11, "and leaves the offset alone");
	expect_errno(sys_lseek(fd2, 0, 7), EINVAL, "lseek with whence 7 gives EINVAL");
	expect_errno(sys_lseek(99, 0, SEEK_SET), EBADF, "lseek on fd 99 gives EBADF");

	expect_eq(sys_llseek(fd2, 3, &res, SEEK_SET), 0, "_llseek(3, SEEK_SET) returns 0");
	expect_eq((long)res, 3, "and stores the new offset 3");
	memset(buf, 0, sizeof(buf));
	read(fd2, buf, 2);
	ok(!memcmp(buf, "lo", 2), "reading there gives \"lo\"");
	res = -1;
	sys_llseek(fd2, -1, &res, SEEK_END);
	expect_eq((long)res, 10, "_llseek(-1, SEEK_END) stores 10");
	close(fd2);

	/* a write past the end leaves a hole that reads as zeros */
	fd = sys_open(P("f"), O_RDWR, 0);
	expect_eq(sys_lseek(fd, 100, SEEK_SET), 100, "lseek past the end is allowed");
	expect_eq(write(fd, "X", 1), 1, "a write there");
	expect_eq(size_of(P("f")), 101, "makes the file 101 bytes long");
	sys_lseek(fd, 11, SEEK_SET);
	memset(buf, 'q', sizeof(buf));
	expect_eq(read(fd, buf, 64), 64, "read in the hole");
	for (i = 0, zeros = 1; i < 64; i++)
		zeros &= buf[i] == 0;
	ok(zeros, "the hole reads as zeros");
	close(fd);

	/* O_APPEND: every write goes to the end, whatever the offset */
	fd = sys_open(P("f"), O_WRONLY | O_APPEND, 0);
	sys_lseek(fd, 0, SEEK_SET);
	expect_eq(write(fd, "!!", 2), 2, "a write with O_APPEND");
	expect_eq(size_of(P("f")), 103, "appends at the end (size 103)");
	expect_eq(sys_lseek(fd, 0, SEEK_CUR), 103, "and leaves the offset at the end");
	close(fd);

	/* O_TRUNC, O_EXCL, creat */
	fd = sys_open(P("f"), O_WRONLY | O_TRUNC, 0);
	ok(fd >= 0, "open(O_TRUNC) of an existing file");
	expect_eq(size_of(P("f")), 0, "empties it");
	close(fd);
	expect_errno(sys_open(P("f"), O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST,
		     "open(O_CREAT|O_EXCL) of an existing file gives EEXIST");
	put_file(P("f"), "hello world");
	fd = sys_creat(P("f"), 0644);
	ok(fd >= 0, "creat of an existing file");
	expect_eq(size_of(P("f")), 0, "truncates it");
	close(fd);
	fd = sys_creat(P("c"), 0644);
	ok(fd >= 0 && size_of(P("c")) == 0, "creat of a new file creates it");
	close(fd);

	/* access modes (on a file of their own) */
	put_file(P("am"), "0123");
	fd = sys_open(P("am"), O_WRONLY, 0);
	expect_errno(read(fd, buf, 1), EBADF, "read from an O_WRONLY descriptor gives EBADF");
	close(fd);
	fd = sys_open(P("am"), O_RDONLY, 0);
	expect_errno(write(fd, "x", 1), EBADF, "write to an O_RDONLY descriptor gives EBADF");
	close(fd);
	fd = sys_creat(P("am"), 0644);
	expect_errno(read(fd, buf, 1), EBADF, "creat's descriptor is write-only (read: EBADF)");
	close(fd);
	sys_unlink(P("am"));

	/* open's errors */
	expect_errno(sys_open(P("missing"), O_RDONLY, 0), ENOENT,
		     "open of a missing file gives ENOENT");
	expect_errno(sys_open("", O_RDONLY, 0), ENOENT, "open of \"\" gives ENOENT");
	expect_errno(sys_open(P("missing/f"), O_WRONLY | O_CREAT, 0644), ENOENT,
		     "open(O_CREAT) in a missing directory gives ENOENT");
	expect_errno(sys_open(P("c/x"), O_RDONLY, 0), ENOTDIR,
		     "open through a regular file gives ENOTDIR");
	expect_errno(sys_open(base, O_WRONLY, 0), EISDIR,
		     "open of a directory for writing gives EISDIR");
	expect_errno(sys_open(P("c"), O_RDONLY | O_DIRECTORY, 0), ENOTDIR,
		     "open(O_DIRECTORY) of a regular file gives ENOTDIR");
	fd = sys_openat(AT_FDCWD, P("c"), O_RDONLY, 0);
	ok(fd >= 0, "openat(AT_FDCWD, absolute path) opens it");
	close(fd);
	sys_unlink(P("c"));
}

/* --- stat64 ---------------------------------------------------------------- */

static void stats(void)
{
	struct stat st, st2;
	int fd;

	put_file(P("s"), "twelve bytes");
	memset(&st, 0xff, sizeof(st));
	expect_eq(sys_stat64(P("s"), &st), 0, "stat64 of a file");
	expect_eq(st.st_mode, S_IFREG | 0644, "st_mode is S_IFREG|0644");
	expect_eq((long)st.st_size, 12, "st_size is 12");
	expect_eq(st.st_nlink, 1, "st_nlink is 1");
	ok(st.st_ino != 0 && (unsigned long)st.st_ino == st.__st_ino,
	   "st_ino is set and __st_ino agrees");
	ok(st.st_blksize > 0, "st_blksize is positive (%lu)", st.st_blksize);

	fd = sys_open(P("s"), O_RDONLY, 0);
	memset(&st2, 0, sizeof(st2));
	expect_eq(sys_fstat64(fd, &st2), 0, "fstat64 of the open file");
	ok(st2.st_ino == st.st_ino && st2.st_dev == st.st_dev && st2.st_size == 12 &&
	   st2.st_mode == st.st_mode, "fstat64 agrees with stat64");
	close(fd);
	expect_errno(sys_fstat64(fd, &st2), EBADF, "fstat64 of a closed descriptor gives EBADF");

	sys_mkdir(P("d"), 0755);
	expect_eq(sys_stat64(P("d"), &st), 0, "stat64 of a new directory");
	expect_eq(st.st_mode, S_IFDIR | 0755, "st_mode is S_IFDIR|0755");
	expect_eq(st.st_nlink, 2, "an empty directory has 2 links");
	sys_mkdir(P("d/sub"), 0755);
	sys_stat64(P("d"), &st);
	expect_eq(st.st_nlink, 3, "a subdirectory adds one (its \"..\")");
	sys_rmdir(P("d/sub"));
	sys_stat64(P("d"), &st);
	expect_eq(st.st_nlink, 2, "removing it takes it away");
	sys_rmdir(P("d"));

	sys_symlink("s", P("l"));
	expect_eq(sys_lstat64(P("l"), &st), 0, "lstat64 of a symlink");
	expect_eq(st.st_mode & S_IFMT, S_IFLNK, "is S_IFLNK");
	expect_eq((long)st.st_size, 1, "its size is the target's length");
	expect_eq(sys_stat64(P("l"), &st), 0, "stat64 of the symlink");
	ok((st.st_mode & S_IFMT) == S_IFREG && st.st_size == 12, "follows it to the file");
	sys_symlink("nowhere", P("dangling"));
	expect_errno(sys_stat64(P("dangling"), &st), ENOENT,
		     "stat64 of a dangling symlink gives ENOENT");
	expect_eq(sys_lstat64(P("dangling"), &st), 0, "lstat64 of it works");
	sys_unlink(P("dangling"));
	sys_unlink(P("l"));

	expect_errno(sys_stat64(P("missing"), &st), ENOENT, "stat64 of a missing file: ENOENT");
	expect_errno(sys_stat64(P("s/x"), &st), ENOTDIR, "stat64 through a file: ENOTDIR");
	sys_unlink(P("s"));
}

/* --- directories ------------------------------------------------------------ */

struct seen {
	const char *name;
	int type;
	int count;
};

static void list_dir(void)
{
	struct seen want[] = {
		{ ".", DT_DIR, 0 }, { "..", DT_DIR, 0 }, { "a", DT_REG, 0 },
		{ "bb", DT_DIR, 0 }, { "ccc", DT_LNK, 0 },
	};
	static char buf[4096];
	struct linux_dirent64 *d;
	int fd, n, off, i, others = 0, types = 1, reclens = 1, all = 1, file;

	sys_mkdir(P("ls"), 0755);
	put_file(P("ls/a"), "a");
	sys_mkdir(P("ls/bb"), 0755);
	sys_symlink("a", P("ls/ccc"));

	fd = sys_open(P("ls"), O_RDONLY | O_DIRECTORY, 0);
	ok(fd >= 0, "open(O_DIRECTORY) of a directory");
	while ((n = sys_getdents64(fd, buf, sizeof(buf))) > 0) {
		for (off = 0; off < n; off += d->d_reclen) {
			d = (struct linux_dirent64 *)(buf + off);
			if (d->d_reclen % 8 || d->d_reclen < 19 + strlen(d->d_name) + 1 ||
			    off + d->d_reclen > n) {
				printf("#   %s: d_reclen %u\n", d->d_name, d->d_reclen);
				reclens = 0;
				if (!d->d_reclen)
					break;
			}
			for (i = 0; i < 5 && strcmp(want[i].name, d->d_name); i++)
				;
			if (i == 5) {
				printf("#   unexpected entry \"%s\"\n", d->d_name);
				others++;
				continue;
			}
			want[i].count++;
			if (d->d_type != want[i].type) {
				printf("#   %s: d_type %u, expected %d\n", d->d_name, d->d_type,
				       want[i].type);
				types = 0;
			}
		}
	}
	expect_eq(n, 0, "getdents64 ends with 0");
	for (i = 0; i < 5; i++)
		if (want[i].count != 1) {
			printf("#   \"%s\" listed %d times\n", want[i].name, want[i].count);
			all = 0;
		}
	ok(all && !others, "getdents64 lists ., .., and the three names once each");
	ok(types, "with their d_type (DT_DIR, DT_REG, DT_LNK)");
	ok(reclens, "d_reclen is a multiple of 8 and covers the name");
	expect_eq(sys_getdents64(fd, buf, sizeof(buf)), 0, "a further getdents64 returns 0");
	sys_lseek(fd, 0, SEEK_SET);
	expect_errno(sys_getdents64(fd, buf, 8), EINVAL,
		     "getdents64 with a buffer too small for one entry gives EINVAL");
	close(fd);
	expect_errno(sys_getdents64(fd, buf, sizeof(buf)), EBADF,
		     "getdents64 on a closed descriptor gives EBADF");
	file = sys_open(P("ls/a"), O_RDONLY, 0);
	expect_errno(sys_getdents64(file, buf, sizeof(buf)), ENOTDIR,
		     "getdents64 on a regular file gives ENOTDIR");
	close(file);
}

/* many_entries: 60 names listed through a 128-byte buffer (a few entries
 * per call): each comes exactly once, whatever the call boundaries */
static void many_entries(void)
{
	enum { N = 60 };
	static char buf[128];
	char name[32], seen[N] = { 0 };
	struct linux_dirent64 *d;
	int fd, n, off, i, calls = 0, total = 0, good = 1;

	sys_mkdir(P("many"), 0755);
	for (i = 0; i < N; i++) {
		snprintf(name, sizeof(name), "many/entry-number-%02d", i);
		put_file(P(name), "");
	}
	fd = sys_open(P("many"), O_RDONLY | O_DIRECTORY, 0);
	while ((n = sys_getdents64(fd, buf, sizeof(buf))) > 0) {
		calls++;
		for (off = 0; off < n; off += d->d_reclen) {
			d = (struct linux_dirent64 *)(buf + off);
			if (!d->d_reclen)
				break;
			total++;
			if (!strcmp(d->d_name, ".") || !strcmp(d->d_name, ".."))
				continue;
			if (strncmp(d->d_name, "entry-number-", 13) || (i = atoi(d->d_name + 13)) >= N ||
			    seen[i]++) {
				printf("#   unexpected or repeated \"%s\"\n", d->d_name);
				good = 0;
			}
		}
	}
	close(fd);
	for (i = 0; i < N; i++)
		good &= seen[i] == 1;
	ok(good && total == N + 2 && n == 0,
	   "%d names through a 128-byte buffer: each once (%d entries in %d calls)", N, total, calls);
	for (i = 0; i < N; i++) {
		snprintf(name, sizeof(name), "many/entry-number-%02d", i);
		sys_unlink(P(name));
	}
	expect_eq(sys_rmdir(P("many")), 0, "and the emptied directory can be removed");
}

static void mkdir_rmdir_unlink(void)
{
	expect_errno(sys_mkdir(P("ls"), 0755), EEXIST, "mkdir of an existing directory: EEXIST");
	expect_errno(sys_mkdir(P("ls/a"), 0755), EEXIST, "mkdir over an existing file: EEXIST");
	expect_errno(sys_mkdir(P("missing/x"), 0755), ENOENT, "mkdir in a missing parent: ENOENT");
	expect_errno(sys_mkdir(P("ls/a/x"), 0755), ENOTDIR, "mkdir under a file: ENOTDIR");
	expect_errno(sys_rmdir(P("ls")), ENOTEMPTY, "rmdir of a non-empty directory: ENOTEMPTY");
	expect_errno(sys_rmdir(P("ls/a")), ENOTDIR, "rmdir of a file: ENOTDIR");
	expect_errno(sys_rmdir(P("ls/missing")), ENOENT, "rmdir of a missing name: ENOENT");
	expect_errno(sys_rmdir(P("ls/bb/.")), EINVAL, "rmdir of \".\": EINVAL");
	expect_errno(sys_unlink(P("ls/bb")), EISDIR, "unlink of a directory: EISDIR");
	expect_errno(sys_unlink(P("ls/missing")), ENOENT, "unlink of a missing name: ENOENT");
	expect_eq(sys_unlink(P("ls/ccc")), 0, "unlink of a symlink");
	expect_eq(sys_access(P("ls/a"), F_OK), 0, "leaves its target");
	expect_eq(sys_unlink(P("ls/a")), 0, "unlink of a file");
	expect_errno(sys_access(P("ls/a"), F_OK), ENOENT, "the name is gone");
	expect_eq(sys_rmdir(P("ls/bb")), 0, "rmdir of an empty directory");
	expect_eq(sys_rmdir(P("ls")), 0, "rmdir of the now empty parent");
	expect_errno(sys_access(P("ls"), F_OK), ENOENT, "it is gone");
}

static void renames(void)
{
	char buf[32];

	put_file(P("r1"), "one");
	put_file(P("r2"), "two");
	expect_eq(sys_rename(P("r1"), P("r2")), 0, "rename over an existing file");
	expect_eq(read_file(P("r2"), buf, sizeof(buf)), 3, "the target has the source's size");
	ok(!strcmp(buf, "one"), "and its content");
	expect_errno(sys_access(P("r1"), F_OK), ENOENT, "the old name is gone");
	expect_errno(sys_rename(P("r1"), P("r3")), ENOENT, "rename of a missing file: ENOENT");

	sys_mkdir(P("rd"), 0755);
	sys_mkdir(P("rd/sub"), 0755);
	expect_errno(sys_rename(P("rd"), P("rd/sub/x")), EINVAL,
		     "rename of a directory into its own subdirectory: EINVAL");
	expect_errno(sys_rename(P("r2"), P("rd")), EISDIR,
		     "rename of a file over a directory: EISDIR");
	expect_errno(sys_rename(P("rd"), P("r2")), ENOTDIR,
		     "rename of a directory over a file: ENOTDIR");
	sys_mkdir(P("re"), 0755);
	expect_errno(sys_rename(P("re"), P("rd")), ENOTEMPTY,
		     "rename of a directory over a non-empty one: ENOTEMPTY");
	expect_eq(sys_rename(P("rd/sub"), P("re/moved")), 0, "rename of a directory elsewhere");
	expect_eq(sys_rename(P("re"), P("rd")), 0, "rename of a directory over an empty one");
	expect_eq(sys_access(P("rd/moved"), F_OK), 0, "the moved directory is found by its new path");
	expect_eq(sys_rename(P("r2"), P("r2")), 0, "rename of a file to itself succeeds");
	sys_rmdir(P("rd/moved"));
	sys_rmdir(P("rd"));
	sys_unlink(P("r2"));
}

static void cwd(void)
{
	char buf[256], old[256];
	int n;

	n = sys_getcwd(old, sizeof(old));
	ok(n > 0 && old[0] == '/', "getcwd returns an absolute path (%s)", n > 0 ? old : "-");
	expect_eq(n, (long)strlen(old) + 1, "getcwd (the system call) returns its length with the NUL");
	sys_mkdir(P("cd"), 0755);
	expect_eq(sys_chdir(P("cd")), 0, "chdir to the scratch directory");
	memset(buf, 0, sizeof(buf));
	sys_getcwd(buf, sizeof(buf));
	ok(!strcmp(buf, P("cd")), "getcwd gives its path (%s)", buf);
	put_file("rel", "relative");
	expect_eq(size_of(P("cd/rel")), 8, "a relative path is resolved in the new directory");
	sys_chdir("..");
	memset(buf, 0, sizeof(buf));
	sys_getcwd(buf, sizeof(buf));
	ok(!strcmp(buf, base), "chdir(\"..\") goes to the parent");
	expect_errno(sys_getcwd(buf, 1), ERANGE, "getcwd with a 1-byte buffer gives ERANGE");
	expect_errno(sys_getcwd(buf, strlen(base)), ERANGE,
		     "getcwd with no room for the NUL gives ERANGE");
	expect_errno(sys_chdir(P("cd/rel")), ENOTDIR, "chdir to a file gives ENOTDIR");
	expect_errno(sys_chdir(P("missing")), ENOENT, "chdir to a missing path gives ENOENT");
	sys_unlink(P("cd/rel"));
	sys_rmdir(P("cd"));
	sys_chdir(old);
}

/* path resolution corners: trailing slashes, long names, symlink loops,
 * creating through a dangling symlink, a removed working directory */
static void paths(void)
{
	static char longname[400], longpath[4200];
	struct stat st;
	char buf[64], old[256];
	int fd, i;

	put_file(P("pf"), "x");
	sys_mkdir(P("pd"), 0755);
	expect_eq(sys_stat64(P("pd/"), &st), 0, "stat64 of \"dir/\" works");
	expect_errno(sys_stat64(P("pf/"), &st), ENOTDIR, "stat64 of \"file/\" gives ENOTDIR");
	expect_errno(sys_open(P("pf/"), O_RDONLY, 0), ENOTDIR, "open of \"file/\" gives ENOTDIR");
	expect_eq(sys_stat64(P("pd/./../pd/."), &st), 0, "stat64 through . and .. works");
	ok((st.st_mode & S_IFMT) == S_IFDIR, "and finds the directory");
	expect_eq(sys_mkdir(P("pd2/"), 0755), 0, "mkdir of \"newdir/\" works");
	sys_rmdir(P("pd2"));

	i = snprintf(longname, sizeof(longname), "%s/", base);
	memset(longname + i, 'n', 256);
	expect_errno(sys_open(longname, O_RDONLY, 0), ENAMETOOLONG,
		     "open of a 256-character name gives ENAMETOOLONG");
	for (i = 0; i + 2 < 4150; i += 2)
		memcpy(longpath + i, "./", 2);
	expect_errno(sys_stat64(longpath, &st), ENAMETOOLONG,
		     "stat64 of a path longer than PATH_MAX gives ENAMETOOLONG");

	sys_symlink("loop2", P("loop1"));
	sys_symlink("loop1", P("loop2"));
	expect_errno(sys_stat64(P("loop1"), &st), ELOOP, "stat64 of a symlink loop gives ELOOP");
	expect_eq(sys_lstat64(P("loop1"), &st), 0, "lstat64 of it works");
	sys_unlink(P("loop1"));
	sys_unlink(P("loop2"));

	sys_symlink("made-through-link", P("dl"));
	fd = sys_open(P("dl"), O_WRONLY | O_CREAT, 0644);
	ok(fd >= 0, "open(O_CREAT) of a dangling symlink succeeds");
	if (fd < 0)
		printf("#   open: %s\n", strerror(errno));
	close(fd);
	expect_eq(sys_access(P("made-through-link"), F_OK), 0, "and creates its target");
	expect_errno(sys_open(P("dl"), O_WRONLY | O_CREAT | O_EXCL, 0644), EEXIST,
		     "open(O_CREAT|O_EXCL) of a symlink gives EEXIST");
	sys_unlink(P("dl"));
	sys_unlink(P("made-through-link"));

	fd = sys_open(P("pd"), O_RDONLY | O_DIRECTORY, 0);
	expect_errno(read(fd, buf, sizeof(buf)), EISDIR, "read of a directory gives EISDIR");
	close(fd);

	sys_getcwd(old, sizeof(old));
	sys_chdir(P("pd"));
	i = sys_rmdir(P("pd"));
	expect_eq(i, 0, "rmdir of the working directory");
	if (i < 0)
		printf("#   rmdir: %s\n", strerror(errno));
	expect_errno(sys_getcwd(buf, sizeof(buf)), ENOENT, "getcwd then gives ENOENT");
	expect_errno(sys_open("new", O_WRONLY | O_CREAT, 0644), ENOENT,
		     "creating a file in the removed directory gives ENOENT");
	expect_eq(sys_chdir(old), 0, "chdir out of it");
	sys_unlink(P("pd/new"));
	sys_rmdir(P("pd"));
	sys_unlink(P("pf"));
}

static void access_and_links(void)
{
	char buf[64];

	put_file(P("x"), "data");
	expect_eq(sys_access(P("x"), F_OK), 0, "access(F_OK) of a file");
	expect_eq(sys_access(P("x"), R_OK | W_OK), 0, "access(R_OK|W_OK) of a 0644 file (as root)");
	expect_errno(sys_access(P("x"), X_OK), EACCES,
		     "access(X_OK) of a 0644 file gives EACCES (even to root)");
	expect_eq(sys_access(base, X_OK), 0, "access(X_OK) of a 0755 directory");
	expect_errno(sys_access(P("missing"), F_OK), ENOENT, "access of a missing file: ENOENT");
	expect_errno(sys_access(P("x"), 8), EINVAL, "access with mode 8 gives EINVAL");

	expect_eq(sys_symlink("target-of-link", P("sl")), 0, "symlink");
	expect_errno(sys_symlink("t", P("sl")), EEXIST, "symlink over an existing name: EEXIST");
	memset(buf, 'Z', sizeof(buf));
	expect_eq(sys_readlink(P("sl"), buf, sizeof(buf)), 14, "readlink returns the length, 14");
	ok(!memcmp(buf, "target-of-link", 14) && buf[14] == 'Z',
	   "the target, without a terminating NUL");
	memset(buf, 'Z', sizeof(buf));
	expect_eq(sys_readlink(P("sl"), buf, 4), 4, "readlink into a 4-byte buffer returns 4");
	ok(!memcmp(buf, "targ", 4) && buf[4] == 'Z', "and truncates the target");
	expect_errno(sys_readlink(P("sl"), buf, 0), EINVAL, "readlink with size 0: EINVAL");
	expect_errno(sys_readlink(P("x"), buf, sizeof(buf)), EINVAL,
		     "readlink of a regular file: EINVAL");
	expect_errno(sys_readlink(P("missing"), buf, sizeof(buf)), ENOENT,
		     "readlink of a missing file: ENOENT");
	sys_unlink(P("sl"));
	sys_unlink(P("x"));
}

/* --- descriptors -------------------------------------------------------------- */

static void descriptors(void)
{
	char buf[16];
	int fd, a, b, fl, nul, lo;

	put_file(P("dup"), "0123456789");
	fd = sys_open(P("dup"), O_RDWR, 0);
	a = dup(fd);
	ok(a >= 0 && a != fd, "dup gives a new descriptor (%d)", a);
	close(a);
	b = dup(fd);
	expect_eq(b, a, "dup reuses the lowest free descriptor");
	read(fd, buf, 2);
	expect_eq(sys_lseek(b, 0, SEEK_CUR), 2, "the duplicate shares the file offset");
	close(b);
	expect_errno(dup(99), EBADF, "dup of fd 99 gives EBADF");

	expect_eq(dup2(fd, 20), 20, "dup2(fd, 20) returns 20");
	expect_eq(sys_lseek(20, 0, SEEK_CUR), 2, "fd 20 shares the offset too");
	expect_eq(dup2(fd, fd), fd, "dup2(fd, fd) returns fd");
	expect_errno(dup2(99, 21), EBADF, "dup2 from fd 99 gives EBADF");
	expect_errno(dup2(fd, -1), EBADF, "dup2 to fd -1 gives EBADF");
	nul = sys_open("/dev/null", O_RDONLY, 0);
	expect_eq(dup2(nul, 20), 20, "dup2 onto an open descriptor");
	expect_eq(read(20, buf, sizeof(buf)), 0, "replaces it (it reads /dev/null now)");
	close(nul);
	close(20);

	expect_eq(sys_fcntl(fd, F_GETFD, 0), 0, "F_GETFD of a new descriptor is 0");
	expect_eq(sys_fcntl(fd, F_SETFD, FD_CLOEXEC), 0, "F_SETFD FD_CLOEXEC");
	expect_eq(sys_fcntl(fd, F_GETFD, 0), FD_CLOEXEC, "F_GETFD then gives FD_CLOEXEC");
	a = dup(fd);
	expect_eq(sys_fcntl(a, F_GETFD, 0), 0, "a dup does not inherit FD_CLOEXEC");
	close(a);
	fl = sys_fcntl(fd, F_GETFL, 0);
	expect_eq(fl & O_ACCMODE, O_RDWR, "F_GETFL of an O_RDWR descriptor gives O_RDWR");
	ok(!(fl & O_APPEND), "without O_APPEND");
	a = sys_open(P("dup"), O_WRONLY | O_APPEND, 0);
	fl = sys_fcntl(a, F_GETFL, 0);
	ok((fl & O_ACCMODE) == O_WRONLY && (fl & O_APPEND),
	   "F_GETFL of an O_WRONLY|O_APPEND descriptor shows both (%#x)", fl);
	close(a);
	for (lo = 10; sys_fcntl(lo, F_GETFD, 0) >= 0 || sys_fcntl(lo + 1, F_GETFD, 0) >= 0; lo++)
		;	/* lo and lo + 1 are free (a shell may have passed some) */
	a = sys_fcntl(fd, F_DUPFD, lo);
	expect_eq(a, lo, "F_DUPFD %d gives the lowest free descriptor from %d", lo, lo);
	b = sys_fcntl(fd, F_DUPFD, lo);
	expect_eq(b, lo + 1, "another F_DUPFD %d gives %d", lo, lo + 1);
	expect_eq(sys_lseek(b, 0, SEEK_CUR), 2, "F_DUPFD shares the offset");
	close(a);
	close(b);
	expect_errno(sys_fcntl(99, F_GETFD, 0), EBADF, "fcntl on fd 99 gives EBADF");
	expect_errno(sys_fcntl(fd, 9999, 0), EINVAL, "fcntl with an unknown command gives EINVAL");
	close(fd);
	sys_unlink(P("dup"));
}

static void umasks(void)
{
	struct stat st;
	int fd;

	expect_eq(sys_umask(077), 022, "umask returns the previous mask (022)");
	fd = sys_creat(P("u"), 0666);
	sys_fstat64(fd, &st);
	expect_eq(st.st_mode & 0777, 0600, "creat(0666) under umask 077 makes mode 0600");
	close(fd);
	sys_mkdir(P("ud"), 0777);
	sys_stat64(P("ud"), &st);
	expect_eq(st.st_mode & 0777, 0700, "mkdir(0777) under umask 077 makes mode 0700");
	expect_eq(sys_umask(022), 077, "umask(022) returns 077");
	sys_unlink(P("u"));
	sys_rmdir(P("ud"));
}

static void truncates(void)
{
	char buf[16];
	int fd, i, zeros;

	put_file(P("t"), "hello world");
	expect_eq(sys_truncate(P("t"), 3), 0, "truncate to 3 bytes");
	expect_eq(read_file(P("t"), buf, sizeof(buf)), 3, "the file is 3 bytes");
	ok(!strcmp(buf, "hel"), "holding the first 3");
	expect_eq(sys_truncate(P("t"), 10), 0, "truncate to 10 bytes (longer)");
	memset(buf, 'q', sizeof(buf));
	expect_eq(read_file(P("t"), buf, sizeof(buf)), 10, "the file is 10 bytes");
	for (i = 3, zeros = 1; i < 10; i++)
		zeros &= buf[i] == 0;
	ok(!memcmp(buf, "hel", 3) && zeros, "the new bytes are zeros");
	fd = sys_open(P("t"), O_RDWR, 0);
	expect_eq(sys_ftruncate(fd, 0), 0, "ftruncate to 0");
	expect_eq(size_of(P("t")), 0, "empties the file");
	close(fd);
	fd = sys_open(P("t"), O_RDONLY, 0);
	expect_errno(sys_ftruncate(fd, 0), EINVAL, "ftruncate of a read-only descriptor: EINVAL");
	close(fd);
	expect_errno(sys_ftruncate(fd, 0), EBADF, "ftruncate of a closed descriptor: EBADF");
	expect_errno(sys_truncate(P("t"), -1), EINVAL, "truncate to a negative length: EINVAL");
	expect_errno(sys_truncate(base, 0), EISDIR, "truncate of a directory: EISDIR");
	expect_errno(sys_truncate(P("missing"), 0), ENOENT, "truncate of a missing file: ENOENT");
	sys_unlink(P("t"));
}

static void devices(void)
{
	struct stat st;
	char buf[300];
	int fd, i, zeros;

	fd = sys_open("/dev/null", O_RDWR, 0);
	ok(fd >= 0, "open /dev/null");
	expect_eq(read(fd, buf, sizeof(buf)), 0, "/dev/null reads EOF");
	expect_eq(write(fd, buf, sizeof(buf)), sizeof(buf), "/dev/null swallows a 300-byte write");
	sys_fstat64(fd, &st);
	ok((st.st_mode & S_IFMT) == S_IFCHR && st.st_rdev == 0x103,
	   "/dev/null is character device 1:3 (rdev %#llx)", st.st_rdev);
	close(fd);
	fd = sys_open("/dev/zero", O_RDONLY, 0);
	ok(fd >= 0, "open /dev/zero");
	memset(buf, 0xa5, sizeof(buf));
	expect_eq(read(fd, buf, sizeof(buf)), sizeof(buf), "/dev/zero fills a 300-byte read");
	for (i = 0, zeros = 1; i < (int)sizeof(buf); i++)
		zeros &= buf[i] == 0;
	ok(zeros, "with zeros");
	sys_fstat64(fd, &st);
	ok((st.st_mode & S_IFMT) == S_IFCHR && st.st_rdev == 0x105,
	   "/dev/zero is character device 1:5 (rdev %#llx)", st.st_rdev);
	close(fd);
}

/* an unlinked file lives on while a descriptor holds it (run last: this
 * once crashed yomi at the final close) */
static void unlink_open(void)
{
	char buf[16];
	int fd;

	fd = sys_open(P("uo"), O_RDWR | O_CREAT | O_TRUNC, 0644);
	expect_eq(write(fd, "still here", 10), 10, "write 10 bytes to a new file");
	expect_eq(sys_unlink(P("uo")), 0, "unlink it while it is open");
	expect_errno(sys_access(P("uo"), F_OK), ENOENT, "the name is gone");
	sys_lseek(fd, 0, SEEK_SET);
	memset(buf, 0, sizeof(buf));
	expect_eq(read(fd, buf, sizeof(buf)), 10, "the open descriptor still reads the data");
	ok(!strcmp(buf, "still here"), "all of it");
	expect_eq(close(fd), 0, "the last close frees it");
}

/* --- EFAULT -------------------------------------------------------------------- */

/*
 * Bad pointers from tap's bad_pointers(). For a path (a string) the range
 * that runs into the kernel's half is left out: the kernel reads a string
 * only up to its NUL, which may lie below TASK_SIZE. The range past the
 * end of the heap is filled with letters, so that the string runs into the
 * unmapped page. For a buffer the kernel writes only partly (read, getcwd,
 * readlink, getdents64) both straddling ranges are left out, since Linux
 * copies what fits.
 */
enum { STRING, STRUCT, BUFFER };

static int usable(const struct bad_ptr *bp, int kind)
{
	int straddles_heap = !!strstr(bp->name, "heap"), straddles_top = !!strstr(bp->name, "ending");

	if (kind == STRING && straddles_heap)
		memset(bp->addr, 'a', heap_end() - (unsigned long)bp->addr);
	if (kind == STRING)
		return !straddles_top;
	if (kind == BUFFER)
		return !straddles_heap && !straddles_top;
	return 1;
}

static void efaults(void)
{
	struct bad_ptr bp[NR_BAD];
	struct stat st;
	char buf[64];
	const char *bad;
	int i, n, fd, dfd;

	put_file(P("e"), "some data");
	sys_mkdir(P("ed"), 0755);
	fd = sys_open(P("e"), O_RDWR, 0);
	dfd = sys_open(P("ed"), O_RDONLY | O_DIRECTORY, 0);

	n = bad_pointers(bp, 32);
	for (i = 0; i < n; i++) {
		if (!usable(&bp[i], STRING))
			continue;
		bad = bp[i].addr;
		expect_errno(sys_open(bad, O_RDONLY, 0), EFAULT, "open(%s) gives EFAULT", bp[i].name);
		expect_errno(sys_open(bad, O_WRONLY | O_CREAT, 0644), EFAULT,
			     "open(%s, O_CREAT) gives EFAULT", bp[i].name);
		expect_errno(sys_creat(bad, 0644), EFAULT, "creat(%s) gives EFAULT", bp[i].name);
		expect_errno(sys_stat64(bad, &st), EFAULT, "stat64(%s) gives EFAULT", bp[i].name);
		expect_errno(sys_lstat64(bad, &st), EFAULT, "lstat64(%s) gives EFAULT", bp[i].name);
		expect_errno(sys_mkdir(bad, 0755), EFAULT, "mkdir(%s) gives EFAULT", bp[i].name);
		expect_errno(sys_rmdir(bad), EFAULT, "rmdir(%s) gives EFAULT", bp[i].name);
		expect_errno(sys_unlink(bad), EFAULT, "unlink(%s) gives EFAULT", bp[i].name);
		expect_errno(sys_rename(bad, P("e2")), EFAULT, "rename(%s, ok) gives EFAULT",
			     bp[i].name);
		expect_errno(sys_rename(P("e"), bad), EFAULT, "rename(ok, %s) gives EFAULT",
			     bp[i].name);
		expect_errno(sys_chdir(bad), EFAULT, "chdir(%s) gives EFAULT", bp[i].name);
		expect_errno(sys_access(bad, F_OK), EFAULT, "access(%s) gives EFAULT", bp[i].name);
		expect_errno(sys_readlink(bad, buf, sizeof(buf)), EFAULT,
			     "readlink(%s, ok) gives EFAULT", bp[i].name);
		expect_errno(sys_symlink(bad, P("e3")), EFAULT, "symlink(%s, ok) gives EFAULT",
			     bp[i].name);
		expect_errno(sys_symlink("t", bad), EFAULT, "symlink(ok, %s) gives EFAULT",
			     bp[i].name);
		expect_errno(sys_truncate(bad, 0), EFAULT, "truncate(%s) gives EFAULT", bp[i].name);
	}
	ok(sys_access(P("e"), F_OK) == 0 && size_of(P("e")) == 9 &&
	   sys_access(P("e2"), F_OK) < 0 && sys_access(P("e3"), F_OK) < 0,
	   "the failed calls changed nothing");

	n = bad_pointers(bp, sizeof(struct stat));
	for (i = 0; i < n; i++) {
		expect_errno(sys_stat64(P("e"), bp[i].addr), EFAULT,
			     "stat64 into %s gives EFAULT", bp[i].name);
		expect_errno(sys_lstat64(P("e"), bp[i].addr), EFAULT,
			     "lstat64 into %s gives EFAULT", bp[i].name);
		expect_errno(sys_fstat64(fd, bp[i].addr), EFAULT,
			     "fstat64 into %s gives EFAULT", bp[i].name);
	}
	n = bad_pointers(bp, 8);
	for (i = 0; i < n; i++)
		expect_errno(sys_llseek(fd, 0, bp[i].addr, SEEK_SET), EFAULT,
			     "_llseek's result into %s gives EFAULT", bp[i].name);

	n = bad_pointers(bp, 64);
	for (i = 0; i < n; i++) {
		if (!usable(&bp[i], BUFFER))
			continue;
		sys_lseek(fd, 0, SEEK_SET);
		expect_errno(read(fd, bp[i].addr, bp[i].len), EFAULT,
			     "read from a file into %s gives EFAULT", bp[i].name);
		expect_errno(write(fd, bp[i].addr, bp[i].len), EFAULT,
			     "write to a file from %s gives EFAULT", bp[i].name);
		expect_errno(sys_getcwd(bp[i].addr, bp[i].len), EFAULT,
			     "getcwd into %s gives EFAULT", bp[i].name);
		expect_errno(sys_readlink(P("e"), bp[i].addr, bp[i].len), EINVAL,
			     "readlink of a non-link into %s gives EINVAL first", bp[i].name);
		sys_lseek(dfd, 0, SEEK_SET);
		expect_errno(sys_getdents64(dfd, bp[i].addr, bp[i].len), EFAULT,
			     "getdents64 into %s gives EFAULT", bp[i].name);
	}
	sys_symlink("target", P("el"));
	n = bad_pointers(bp, 64);
	for (i = 0; i < n; i++)
		if (usable(&bp[i], BUFFER))
			expect_errno(sys_readlink(P("el"), bp[i].addr, bp[i].len), EFAULT,
				     "readlink into %s gives EFAULT", bp[i].name);
	memset(buf, 0, sizeof(buf));
	sys_lseek(fd, 0, SEEK_SET);
	ok(read(fd, buf, sizeof(buf)) == 9 && !strcmp(buf, "some data"),
	   "the file is unchanged after the failed writes");
	close(fd);
	close(dfd);
	sys_unlink(P("el"));
	sys_unlink(P("e"));
	sys_rmdir(P("ed"));
}

int main(void)
{
	char buf[256];
	int fd, n;

	sys_umask(022);
	sys_mkdir("/tmp", 01777);
	snprintf(base, sizeof(base), "/tmp/test_files.%d", getpid());
	if (sys_mkdir(base, 0755) < 0) {
		printf("# mkdir %s: %s\n", base, strerror(errno));
		return 99;
	}

	open_read_write();
	stats();
	list_dir();
	many_entries();
	mkdir_rmdir_unlink();
	renames();
	cwd();
	paths();
	access_and_links();
	descriptors();
	umasks();
	truncates();
	devices();
	efaults();
	unlink_open();

	sys_unlink(P("f"));
	fd = sys_open(base, O_RDONLY | O_DIRECTORY, 0);
	n = sys_getdents64(fd, buf, sizeof(buf));
	close(fd);
	expect_eq(n, 48, "the scratch directory is left with only . and .. (48 bytes)");
	expect_eq(sys_rmdir(base), 0, "and can be removed");
	return tap_done();
}
