/*
 * test_usercopy: the kernel's user copies (copy_to_user, copy_from_user,
 * clear_user) at every alignment, and stopped by a fault in the middle.
 * A buffer ends k bytes before an inaccessible page; a read or write of more
 * than k bytes there must move exactly the k good bytes and return k (0
 * good bytes: EFAULT). The copies move whole words, so k runs across word
 * and 32-byte boundaries, with the file offset first as aligned as the
 * buffer (as Linux i386 needs for an exact count) and then off by one.
 * Then data through a pipe at every source and destination alignment and
 * every short length, which walks the copies' tails.
 */
#include "sys.h"

#define FILE_NAME "/tmp/test_usercopy"
#define LEN 300

static const int ks[] = { 1, 2, 3, 4, 5, 7, 8, 9, 31, 32, 33, 63, 64, 65, 100, 255 };
static const int zks[] = { 4, 8, 28, 32, 36, 64, 100, 252 };	/* words */
static unsigned char pattern[4096];
static unsigned char *edge;	/* the first byte of an unmapped page */

static unsigned char *edge_page(void)
{
	unsigned char *p = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	/* PROT_NONE, not munmap: a later mapping could fill an unmapped hole */
	if (p == MAP_FAILED || mprotect(p + PAGE_SIZE, PAGE_SIZE, PROT_NONE))
		return NULL;
	return p + PAGE_SIZE;
}

/* pread/pwrite as lseek and read/write (yomi has no pread64 yet) */
static ssize_t read_at(int fd, void *buf, size_t n, off_t pos)
{
	return lseek(fd, pos, SEEK_SET) == pos ? read(fd, buf, n) : -1;
}

static ssize_t write_at(int fd, const void *buf, size_t n, off_t pos)
{
	return lseek(fd, pos, SEEK_SET) == pos ? write(fd, buf, n) : -1;
}

static int make_file(void)
{
	int fd;

	mkdir("/tmp", 01777);
	fd = open(FILE_NAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, pattern, sizeof(pattern)) != sizeof(pattern))
		return -1;
	return fd;
}

/*
 * Linux i386 is exact only when source and destination are aligned alike:
 * otherwise it counts whole words or 64-byte blocks (__copy_user_intel),
 * and a write from a partly readable buffer did not return at all there.
 */
#define MISALIGNED "yomi-only: Linux i386 counts a misaligned copy's fault in words or blocks"
#define HANGS "yomi-only: on Linux 6.1 i386 this write did not return"

/* a read of LEN bytes at file offset pos into a buffer k bytes from the edge */
static void read_to_edge(int fd, int k, int pos, const char *yomi_only)
{
	unsigned char *dst = edge - k;
	ssize_t n;

	if (yomi_only && !on_yomi()) {
		skip(yomi_only, "read of %d bytes at offset %d, %d bytes before a hole, returns %d",
		     LEN, pos, k, k);
		skip(yomi_only, "and those %d bytes are the file's", k);
		return;
	}
	memset(dst, 0xee, k);
	n = read_at(fd, dst, LEN, pos);
	expect_eq(n, k, "read of %d bytes at offset %d, %d bytes before a hole, returns %d",
		  LEN, pos, k, k);
	ok(n == k && !memcmp(dst, pattern + pos, k), "and those %d bytes are the file's", k);
}

/* a write of LEN bytes from a buffer k bytes from the edge, at offset pos */
static void write_from_edge(int k, int pos)
{
	unsigned char back[LEN];
	int fd;
	ssize_t n;

	if (!on_yomi()) {
		skip(HANGS, "write of %d bytes at offset %d, %d bytes before a hole, returns %d",
		     LEN, pos, k, k);
		skip(HANGS, "and the file holds those %d bytes", k);
		return;
	}
	fd = open(FILE_NAME, O_RDWR | O_TRUNC);
	memcpy(edge - k, pattern + 1000, k);
	n = write_at(fd, edge - k, LEN, pos);
	expect_eq(n, k, "write of %d bytes at offset %d, %d bytes before a hole, returns %d",
		  LEN, pos, k, k);
	ok(read_at(fd, back, LEN, pos) == k && !memcmp(back, pattern + 1000, k),
	   "and the file holds those %d bytes", k);
	close(fd);
}

/* a write stopped part-way over old data leaves the old data after it */
static void overwrite_from_edge(void)
{
	unsigned char back[LEN];
	int fd = make_file();

	if (!on_yomi()) {
		skip(HANGS, "a write over old data, 5 bytes before a hole, returns 5");
		skip(HANGS, "and the old data after those 5 bytes is intact");
		close(fd);
		return;
	}
	memcpy(edge - 5, "abcde", 5);
	expect_eq(write_at(fd, edge - 5, LEN, 0), 5,
		  "a write over old data, 5 bytes before a hole, returns 5");
	ok(read_at(fd, back, LEN, 0) == LEN && !memcmp(back, "abcde", 5) &&
	   !memcmp(back + 5, pattern + 5, LEN - 5),
	   "and the old data after those 5 bytes is intact");
	close(fd);
}

static void faults(void)
{
	unsigned int i;
	int fd = make_file();

	if (!ok(fd >= 0 && edge, "a file of 4 KiB and a page before a hole"))
		return;
	expect_errno(read_at(fd, edge, LEN, 0), EFAULT, "read into the hole itself gives EFAULT");
	for (i = 0; i < sizeof(ks) / sizeof(ks[0]); i++)
		read_to_edge(fd, ks[i], (8 - ks[i] % 8) % 8, NULL);
	for (i = 0; i < sizeof(ks) / sizeof(ks[0]); i++)
		read_to_edge(fd, ks[i], 1, MISALIGNED);
	close(fd);
	for (i = 0; i < sizeof(ks) / sizeof(ks[0]); i++)
		write_from_edge(ks[i], 0);
	for (i = 0; i < sizeof(ks) / sizeof(ks[0]); i++)
		write_from_edge(ks[i], 3);
	overwrite_from_edge();
	unlink(FILE_NAME);
}

/* /dev/zero clears with clear_user: up to the hole, a word-aligned count */
static void zero_faults(void)
{
	unsigned int i;
	int fd = open("/dev/zero", O_RDONLY), k, j, clean;

	if (!ok(fd >= 0 && edge, "/dev/zero opens"))
		return;
	expect_errno(read(fd, edge, LEN), EFAULT, "read of /dev/zero into the hole gives EFAULT");
	for (i = 0; i < sizeof(zks) / sizeof(zks[0]); i++) {
		k = zks[i];
		memset(edge - PAGE_SIZE, 0xee, PAGE_SIZE);
		expect_eq(read(fd, edge - k, LEN), k, "read of /dev/zero, %d bytes before a hole", k);
		for (clean = 1, j = 0; j < k; j++)
			clean &= edge[j - k] == 0;
		ok(clean && edge[-k - 1] == 0xee, "zeroes exactly those %d bytes", k);
	}
	close(fd);
}

/* every alignment of source and destination, every length up to 70 */
static void alignments(void)
{
	static unsigned char got[128];
	int fds[2], a, b, n, bad = 0;

	if (!ok(pipe(fds) == 0, "a pipe"))
		return;
	for (a = 0; a < 8; a++)
		for (b = 0; b < 8; b++)
			for (n = 0; n <= 70; n++) {
				memset(got, 0xee, sizeof(got));
				if (write(fds[1], pattern + a, n) != n ||
				    (n && read(fds[0], got + b, n) != n) ||
				    memcmp(got + b, pattern + a, n) || got[b + n] != 0xee ||
				    (b && got[b - 1] != 0xee))
					bad++;
			}
	expect_eq(bad, 0, "8 x 8 alignments x 71 lengths through a pipe, all intact");
	close(fds[0]);
	close(fds[1]);
}

int main(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(pattern); i++)
		pattern[i] = (unsigned char)(i * 13 + i / 256 + 7);
	edge = edge_page();
	zero_faults();
	alignments();
	faults();
	return tap_done();
}
