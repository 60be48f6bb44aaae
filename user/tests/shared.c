/*
 * test_shared: anonymous memory shared with MAP_SHARED stays shared after
 * fork (pages first touched in the child are seen by the parent), mremap
 * with MREMAP_MAYMOVE moves a range from the middle of an area, and
 * mincore of length 0 succeeds.
 */
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "tap.h"
#include "sys.h"

static char *shared;

static int child_writes(void *arg)
{
	(void)arg;
	shared[0] = 'c';
	shared[PAGE_SIZE] = 'd';	/* a page the parent never touched */
	return 0;
}

int main(void)
{
	unsigned char vec[1];
	char *area, *moved;

	shared = sys_mmap(NULL, 2 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	ok(shared != MAP_FAILED, "MAP_SHARED|MAP_ANONYMOUS mapping");
	shared[0] = 'p';
	expect_eq(in_child(child_writes, NULL), 0, "the child writes both pages");
	expect_eq(shared[0], 'c', "the parent sees the child's write to a touched page");
	expect_eq(shared[PAGE_SIZE], 'd', "and to a page first touched in the child");
	expect_eq(sys_munmap(shared, 2 * PAGE_SIZE), 0, "unmap it");

	area = sys_mmap(NULL, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(area != MAP_FAILED, "a 4-page private area");
	/* keep the page after the area busy so the middle cannot grow in place */
	memset(area, 'a', 4 * PAGE_SIZE);
	area[PAGE_SIZE] = 'm';
	moved = sys_mremap(area + PAGE_SIZE, PAGE_SIZE, 3 * PAGE_SIZE, MREMAP_MAYMOVE);
	ok(moved != MAP_FAILED && moved != area + PAGE_SIZE,
	   "mremap(MAYMOVE) grows a page from the middle of an area by moving it");
	if (moved != MAP_FAILED)
		expect_eq(moved[0], 'm', "the moved page keeps its content");
	ok(sys_mremap(area + 2 * PAGE_SIZE, PAGE_SIZE, 3 * PAGE_SIZE, 0) == MAP_FAILED &&
	   errno == ENOMEM, "without MAYMOVE the same request gives ENOMEM");

	expect_eq(sys_mincore(area, 0, vec), 0, "mincore of length 0 succeeds");
	expect_errno(sys_mincore(area + 1, PAGE_SIZE, vec), EINVAL,
		     "mincore of an unaligned address gives EINVAL");
	return tap_done();
}
