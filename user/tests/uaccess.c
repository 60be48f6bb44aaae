/*
 * test_uaccess: hostile pointers for each of the kernel's user copies, as
 * the uaccess lab grades them (docs/labs/uaccess.md). Every case names the
 * routine a system call reaches with the pointer:
 *   copy_from_user     write() to a pipe from the buffer;
 *   copy_to_user       read() from a pipe holding data, and uname();
 *   clear_user         read() of /dev/zero;
 *   strncpy_from_user  open() of the path.
 * The pointers are tap's bad_pointers() (NULL, the kernel's half, the top
 * page, ranges crossing TASK_SIZE, unmapped memory) plus the read-only vDSO
 * page and a read-only mapping (a write fault on a present page), and a
 * path that runs into an inaccessible page without its NUL. Each must give
 * EFAULT, never an oops: the program reaching its summary is the last case.
 */
#include <fcntl.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "tap.h"

static char *hole;		/* the first byte of an inaccessible page */

static char *hole_page(void)
{
	char *p = mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || mprotect(p + PAGE_SIZE, PAGE_SIZE, PROT_NONE))
		return NULL;
	return p + PAGE_SIZE;
}

/* the bad pointers that fail at their first byte (the heap-end range is
 * half good: a copy may stop in it with a short count instead) */
static int first_byte_bad(struct bad_ptr *bp)
{
	int i, n = bad_pointers(bp, 64);

	for (i = 0; i < n; i++)
		if (!strcmp(bp[i].name, "a range past the end of the heap"))
			bp[i--] = bp[--n];
	return n;
}

static void from_user(int wr)
{
	struct bad_ptr bp[NR_BAD];
	int i, n = first_byte_bad(bp);

	for (i = 0; i < n; i++)
		expect_errno(write(wr, bp[i].addr, bp[i].len), EFAULT,
			     "copy_from_user: write from %s gives EFAULT", bp[i].name);
	expect_errno(write(wr, hole, 16), EFAULT,
		     "copy_from_user: write from a PROT_NONE page gives EFAULT");
}

static void to_user(int rd, int wr)
{
	struct bad_ptr bp[NR_BAD];
	char *ro = mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	void *vdso = (void *)getauxval(AT_SYSINFO_EHDR);
	char buf[64];
	int i, n = first_byte_bad(bp);

	ok(write(wr, "0123456789abcdef", 16) == 16, "copy_to_user: 16 bytes wait in a pipe");
	for (i = 0; i < n; i++)
		expect_errno(read(rd, bp[i].addr, 16), EFAULT,
			     "copy_to_user: read into %s gives EFAULT", bp[i].name);
	for (i = 0; i < n; i++)
		expect_errno(uname(bp[i].addr), EFAULT,
			     "copy_to_user: uname into %s gives EFAULT", bp[i].name);
	expect_errno(read(rd, hole, 16), EFAULT,
		     "copy_to_user: read into a PROT_NONE page gives EFAULT");
	(void)ro[0];	/* present, read-only: a write to it is a protection fault */
	expect_errno(read(rd, ro, 16), EFAULT,
		     "copy_to_user: read into a present read-only page gives EFAULT");
	ok(ro[0] == 0, "copy_to_user: and the read-only page is unchanged");
	if (vdso)
		expect_errno(read(rd, vdso, 16), EFAULT,
			     "copy_to_user: read into the vDSO page gives EFAULT");
	else
		skip("no vDSO", "copy_to_user: read into the vDSO page gives EFAULT");
	ok(read(rd, buf, sizeof(buf)) == 16 && !memcmp(buf, "0123456789abcdef", 16),
	   "copy_to_user: then a good read still gets the 16 bytes");
}

static void clear(void)
{
	struct bad_ptr bp[NR_BAD];
	int i, n = first_byte_bad(bp), fd = open("/dev/zero", O_RDONLY);

	for (i = 0; i < n; i++)
		expect_errno(read(fd, bp[i].addr, bp[i].len), EFAULT,
			     "clear_user: read of /dev/zero into %s gives EFAULT", bp[i].name);
	memset(hole - 40, 0xee, 40);
	expect_eq(read(fd, hole - 36, 100), 36,
		  "clear_user: a read of 100 bytes 36 bytes before a hole clears 36");
	ok(hole[-37] == (char)0xee && hole[-36] == 0 && hole[-1] == 0,
	   "clear_user: exactly those 36 bytes");
	close(fd);
}

static void strings(void)
{
	struct bad_ptr bp[NR_BAD];
	int i, n = first_byte_bad(bp);

	/* a string ending above TASK_SIZE may have its NUL below it: left out */
	for (i = 0; i < n; i++)
		if (!strstr(bp[i].name, "ending"))
			expect_errno(open(bp[i].addr, O_RDONLY), EFAULT,
				     "strncpy_from_user: open of %s gives EFAULT", bp[i].name);
	memset(hole - 8, 'x', 8);
	expect_errno(open(hole - 8, O_RDONLY), EFAULT,
		     "strncpy_from_user: a path running into a hole gives EFAULT");
	hole[-1] = 0;
	expect_errno(open(hole - 8, O_RDONLY), ENOENT,
		     "strncpy_from_user: a path whose NUL is the last byte before it is read");
	memcpy(hole - 5, "/dev", 5);
	ok(open(hole - 5, O_RDONLY) >= 0, "strncpy_from_user: and /dev there opens");
}

int main(void)
{
	int fds[2];

	hole = hole_page();
	if (!ok(hole && pipe(fds) == 0, "a page before a hole, and a pipe"))
		return tap_done();
	from_user(fds[1]);
	to_user(fds[0], fds[1]);
	clear();
	strings();
	ok(1, "the kernel survived every hostile pointer");
	return tap_done();
}
