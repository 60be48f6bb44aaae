/*
 * test_vmatree: the VMA tree at scale, as the vma-tree lab grades it
 * (docs/labs/vma-tree.md; tests/unit/test_vma.c checks it against a model
 * on the host). Each case's description starts with its group:
 *   topdown   20,000 one-page mmap(NULL) calls, alternately read-only and
 *             writable so none merge, pack down from the top of the mmap
 *             area (unmapped_area_topdown) within a guest-time budget;
 *   find      each of them is found again (madvise: find_vma), a hole is
 *             not, within the budget;
 *   bottomup  the same 20,000 calls in a copy of the program re-executed
 *             with ADDR_COMPAT_LAYOUT pack up from the bottom of the mmap
 *             area (unmapped_area) within the budget.
 * Guest time is deterministic (-icount): a search that walks every area
 * (O(n) per call, O(n^2) in all) runs out of budget; a walk of the tree
 * that skips subtrees without a big enough gap (O(log n)) does not. A
 * phase that overruns its budget stops at once, so a slow kernel fails
 * quickly. Linux runs every phase to its end, untimed.
 */
#include <sys/mman.h>
#include <sys/personality.h>
#include "sys.h"

#define AREAS 20000
#define BUDGET_MS 1500		/* guest time per phase, on yomi */

static char *areas[AREAS];
static long long budget = BUDGET_MS;	/* Linux's mmap costs more: no limit there */
static const char *linux_why = "yomi-only: Linux 6.1's mmap takes more guest time";

/* pack: AREAS one-page mappings; how many were made within the budget,
 * and whether each lies just beside the one before (below when down) */
static int pack(int down, int *packed, long long *ms)
{
	long long t0 = now_ms();
	int i;

	*packed = 1;
	for (i = 0; i < AREAS; i++) {
		areas[i] = sys_mmap(NULL, PAGE_SIZE, i & 1 ? PROT_READ : PROT_READ | PROT_WRITE,
				    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (areas[i] == MAP_FAILED)
			break;
		if (i && areas[i] != areas[i - 1] + (down ? -(long)PAGE_SIZE : (long)PAGE_SIZE))
			*packed = 0;
		if (!(i & 255) && now_ms() - t0 > budget)
			break;
	}
	*ms = now_ms() - t0;
	return i;
}

static void unpack(int n)
{
	int i;

	for (i = 0; i < n; i++)
		sys_munmap(areas[i], PAGE_SIZE);
}

static void topdown_and_find(void)
{
	int n, i, packed, found = 0;
	long long ms, t0;

	n = pack(1, &packed, &ms);
	ok_unless(on_yomi() ? NULL : linux_why, n == AREAS && ms <= BUDGET_MS,
		  "topdown: %d one-page mmaps within %d ms of guest time (%d made in %lld ms)",
		  AREAS, BUDGET_MS, n, ms);
	ok(n == AREAS && packed, "topdown: each lands just below the one before");
	t0 = now_ms();
	for (i = 0; i < n; i++) {
		found += sys_madvise(areas[i], PAGE_SIZE, MADV_NORMAL) == 0;
		if (!(i & 255) && now_ms() - t0 > budget)
			break;
	}
	ms = now_ms() - t0;
	ok_unless(on_yomi() ? NULL : linux_why, n == AREAS && found == AREAS && ms <= BUDGET_MS,
		  "find: madvise finds each of %d areas within %d ms of guest time (%d in %lld ms)",
		  AREAS, BUDGET_MS, found, ms);
	if (n > 2) {
		sys_munmap(areas[n / 2], PAGE_SIZE);
		expect_errno(sys_madvise(areas[n / 2], PAGE_SIZE, MADV_NORMAL), ENOMEM,
			     "find: a hole among them is not found (ENOMEM)");
		ok(sys_madvise(areas[n / 2 + 1], PAGE_SIZE, MADV_NORMAL) == 0 &&
		   sys_madvise(areas[n / 2 - 1], PAGE_SIZE, MADV_NORMAL) == 0,
		   "find: its neighbours are");
		areas[n / 2] = sys_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		ok(areas[n / 2] == areas[n / 2 - 1] - PAGE_SIZE,
		   "topdown: the next mmap fills the hole (the highest gap that fits)");
	}
	unpack(n);
}

/* gdb_stop: a few areas and holes; the vma-tree lab's GDB exercise stops
 * at the first of these munmap calls, while the tree is still small */
static void gdb_stop(void)
{
	char *p = sys_mmap(NULL, 3 * PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	ok(p != MAP_FAILED && !sys_munmap(p + PAGE_SIZE, PAGE_SIZE) && !sys_munmap(p, PAGE_SIZE) &&
	   !sys_munmap(p + 2 * PAGE_SIZE, PAGE_SIZE), "gdb: a small area mapped and unmapped");
}

static void set_legacy(void *arg)
{
	(void)arg;
	sys_personality(ADDR_COMPAT_LAYOUT);
}

/* mode_bottomup: the re-executed program's phase; exit status 0, 1 (too
 * slow) or 2 (not packed) */
static int mode_bottomup(void)
{
	int packed, n = 0;
	long long ms;

	n = pack(0, &packed, &ms);
	printf("%d in %lld ms\n", n, ms);
	return n < AREAS || ms > budget ? 1 : !packed ? 2 : 0;
}

int main(int argc, char **argv)
{
	char out[128] = "";
	int status;

	if (!on_yomi())
		budget = 1LL << 40;
	if (argc > 1 && !strcmp(argv[1], "bottomup"))
		return mode_bottomup();
	gdb_stop();
	topdown_and_find();
	status = run_self(argv[0], (const char *[]){ "bottomup", NULL }, set_legacy, NULL, out,
			  sizeof(out));
	out[strcspn(out, "\n")] = 0;
	ok_unless(on_yomi() ? NULL : linux_why,
		  status != -1 && WIFEXITED(status) && WEXITSTATUS(status) != 1,
		  "bottomup: %d one-page mmaps within %d ms of guest time (%s)", AREAS, BUDGET_MS, out);
	ok(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	   "bottomup: each lands just above the one before");
	return tap_done();
}
