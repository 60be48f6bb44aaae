/*
 * test_mmap: the address space.
 *   - where anonymous mappings go: the program re-executes itself with
 *     "addrs" (three 1-page mmaps, addresses printed) under each layout:
 *     top-down from just below mmap_base by default, bottom-up from
 *     TASK_UNMAPPED_BASE after RLIMIT_STACK = unlimited (yomi follows Linux
 *     2.6 here; Linux 6.1 stays top-down, so that case is yomi-only),
 *     after personality(ADDR_COMPAT_LAYOUT), and with vm.legacy_va_layout
 *     = 1. Randomization is off through personality(ADDR_NO_RANDOMIZE),
 *     which the new image inherits; with it on, the first address varies
 *     between runs within Linux's range;
 *   - MAP_FIXED replacing a mapping, hint addresses, MAP_POPULATE,
 *     RLIMIT_AS, a munmap hole, munmap and mprotect across several VMAs,
 *     mprotect, copy-on-write after fork (two and three processes), lazy
 *     allocation (sysinfo and mincore), stack growth and its limit, brk's
 *     refusals, mremap, madvise(MADV_DONTNEED), file mappings, and mmap's
 *     errors;
 *   - a leak check: the same work twice, free memory equal (yomi-only).
 *
 * Addresses: TASK_SIZE is 0xc0000000, so mmap_base is 0xb8000000 (128 MiB
 * below) and TASK_UNMAPPED_BASE 0x40000000, on yomi as on Linux i386. On
 * Linux, and on yomi with vdso_enabled = 1, the vDSO (and on Linux its
 * [vvar]) is mapped in the mmap area before the program's own mappings, so
 * the exact first address is only checked with yomi's compat vDSO.
 *
 * Two free-memory cases and the leak check are yomi-only: Linux's free
 * count leaves out the pages on its per-CPU lists and moves with its
 * caches.
 */
#include <stdlib.h>
#include "sys.h"

#define MiB (1024UL * 1024)
#define TASK_SIZE 0xc0000000UL

static const char *self;
static int yomi;
static const char *free_mem_why = "yomi-only: Linux's free memory moves with its caches";
static const char *pcp_why = "yomi-only: Linux's free count leaves out its per-CPU page lists";

/* --- the exec'd mode -------------------------------------------------------- */

static int mode_addrs(void)
{
	void *a[3];
	int i;

	for (i = 0; i < 3; i++)
		a[i] = sys_mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	printf("%lx %lx %lx\n", (unsigned long)a[0], (unsigned long)a[1], (unsigned long)a[2]);
	return 0;
}

/* parse_hex3: three hexadecimal numbers from s; how many were found */
static int parse_hex3(const char *s, unsigned long a[3])
{
	char *end;
	int i;

	for (i = 0; i < 3; i++, s = end) {
		a[i] = strtoul(s, &end, 16);
		if (end == s)
			break;
	}
	return i;
}

/* --- layouts ------------------------------------------------------------------ */

struct layout {
	unsigned long persona;		/* personality for the new image */
	unsigned long stack;		/* RLIMIT_STACK for it */
};

static void setup_layout(void *arg)
{
	const struct layout *l = arg;
	struct rlimit r;

	sys_personality(l->persona);
	getrlimit(RLIMIT_STACK, &r);
	r.rlim_cur = l->stack;
	if (l->stack == RLIM_INFINITY)
		r.rlim_max = RLIM_INFINITY;
	setrlimit(RLIMIT_STACK, &r);
}

/* addrs_under: the three addresses of "addrs" run under l; 0 if it failed */
static int addrs_under(unsigned long persona, unsigned long stack, unsigned long a[3])
{
	static const char *args[] = { "addrs", NULL };
	struct layout l = { persona, stack };
	char out[128];
	int status;

	status = run_self(self, args, setup_layout, &l, out, sizeof(out));
	if (status != 0 || parse_hex3(out, a) != 3) {
		printf("#   the re-executed program said \"%s\"", out);
		describe_status(status);
		return 0;
	}
	return 1;
}

/* exact_why: why the first address cannot be exact here (the vDSO is in
 * the mmap area), or NULL with yomi's compat vDSO (the gate page) */
static const char *exact_why(void)
{
	if (read_int_file("/proc/sys/vm/vdso_enabled") == 2)
		return NULL;
	return "yomi-only: without the compat vDSO the vDSO is mapped there first";
}

/* show: a layout's three addresses, after the case that failed (make
 * grade shows a case's diagnostics with it: the lines that follow) */
static void show(int good, const char *what, const unsigned long a[3])
{
	if (!good)
		printf("# %s: %#lx %#lx %#lx\n", what, a[0], a[1], a[2]);
}

static void check_top_down(const char *what, const unsigned long a[3])
{
	unsigned long base = TASK_SIZE - 128 * MiB;

	show(ok(a[1] == a[0] - PAGE_SIZE && a[2] == a[1] - PAGE_SIZE,
		"%s: three mmaps descend a page at a time", what), what, a);
	show(ok(a[0] < base && a[0] >= base - MiB,
		"%s: the first is just below mmap_base %#lx", what, base), what, a);
	show(ok_unless(exact_why(), a[0] == base - PAGE_SIZE,
		       "%s: (yomi, compat vDSO) exactly one page below it", what), what, a);
}

/* check_bottom_up: the three addresses of a layout that must be bottom-up;
 * every case skipped for why when why is not NULL */
static void check_bottom_up(const char *what, const unsigned long a[3], const char *why)
{
	unsigned long base = TASK_SIZE / 3;

	show(ok_unless(why, a[1] == a[0] + PAGE_SIZE && a[2] == a[1] + PAGE_SIZE,
		       "%s: three mmaps ascend a page at a time", what), what, a);
	show(ok_unless(why, a[0] >= base && a[0] < base + MiB, "%s: from TASK_UNMAPPED_BASE %#lx",
		       what, base), what, a);
	show(ok_unless(why ? why : exact_why(), a[0] == base,
		       "%s: (yomi, compat vDSO) exactly at it", what), what, a);
}

static void layouts(void)
{
	const char *legacy = "/proc/sys/vm/legacy_va_layout";
	unsigned long a[3];
	long old;

	if (addrs_under(ADDR_NO_RANDOMIZE, 8 * MiB, a))
		check_top_down("default layout", a);
	else
		ok(0, "default layout: the re-executed program reports its addresses");

	/* Linux 2.6's rule, which yomi keeps; Linux 6.1 only widens the gap
	 * (mmap_base about 0x20000000), shown in the log */
	if (addrs_under(ADDR_NO_RANDOMIZE, RLIM_INFINITY, a))
		check_bottom_up("RLIMIT_STACK unlimited", a, yomi ? NULL :
				"yomi-only: Linux after 2.6 stays top-down with an unlimited stack");
	else
		ok(0, "RLIMIT_STACK unlimited: the re-executed program reports its addresses");

	if (addrs_under(ADDR_NO_RANDOMIZE | ADDR_COMPAT_LAYOUT, 8 * MiB, a))
		check_bottom_up("ADDR_COMPAT_LAYOUT", a, NULL);
	else
		ok(0, "ADDR_COMPAT_LAYOUT: the re-executed program reports its addresses");

	old = read_int_file(legacy);
	expect_eq(write_file(legacy, "1\n"), 2, "writing 1 to %s", legacy);
	if (addrs_under(ADDR_NO_RANDOMIZE, 8 * MiB, a))
		check_bottom_up("vm.legacy_va_layout = 1", a, NULL);
	else
		ok(0, "legacy_va_layout: the re-executed program reports its addresses");
	write_file(legacy, old == 1 ? "1\n" : "0\n");
	expect_eq(read_int_file(legacy), old, "%s restored to %ld", legacy, old);
}

static void randomized(void)
{
	unsigned long a[3], first[4], lo = TASK_SIZE - 138 * MiB, hi = TASK_SIZE - 128 * MiB;
	int i, j, distinct = 0, in_range = 1, got = 0;

	if (read_int_file("/proc/sys/kernel/randomize_va_space") == 0) {
		skip("randomize_va_space is 0 here", "randomized mmap base");
		return;
	}
	for (i = 0; i < 4; i++) {
		if (!addrs_under(0, 8 * MiB, a))
			break;
		got++;
		first[i] = a[0];
		printf("# randomized run %d: first mmap at %#lx\n", i, a[0]);
		if (a[0] < lo || a[0] >= hi)
			in_range = 0;
		for (j = 0; j < i && first[j] != a[0]; j++)
			;
		distinct += j == i;
	}
	expect_eq(got, 4, "four randomized runs report their addresses");
	ok(distinct >= 2, "randomized: the first address differs between runs (%d distinct of 4)",
	   distinct);
	ok(in_range, "randomized: within %#lx..%#lx (mmap_base less up to 10 MiB)", lo, hi);
}

/* first_byte: the file's first byte, through read() */
static char first_byte(int fd)
{
	char c = 0;

	sys_lseek(fd, 0, SEEK_SET);
	read(fd, &c, 1);
	return c;
}

/* --- mappings ---------------------------------------------------------------- */

static char *map(size_t len, int prot)
{
	char *p = sys_mmap(NULL, len, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED) {
		printf("#   mmap of %zu bytes: %s\n", len, strerror(errno));
		exit(99);
	}
	return p;
}

static int all_bytes(const char *p, size_t len, char c)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (p[i] != c)
			return 0;
	return 1;
}

static void fixed_replace(void)
{
	char *p = map(3 * PAGE_SIZE, PROT_READ | PROT_WRITE), *q;

	memset(p, 'A', 3 * PAGE_SIZE);
	q = sys_mmap(p + PAGE_SIZE, PAGE_SIZE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ok(q == p + PAGE_SIZE, "MAP_FIXED over the middle page of a mapping returns that address");
	ok(all_bytes(q, PAGE_SIZE, 0), "the new page reads as zeros (the old content is gone)");
	ok(all_bytes(p, PAGE_SIZE, 'A') && all_bytes(p + 2 * PAGE_SIZE, PAGE_SIZE, 'A'),
	   "the pages around it keep their content");
	sys_munmap(p, 3 * PAGE_SIZE);
}

/* hints, MAP_POPULATE and RLIMIT_AS */
static int over_as_limit(void *arg)
{
	struct rlimit r;

	(void)arg;
	getrlimit(RLIMIT_AS, &r);
	r.rlim_cur = 64 * MiB;
	if (setrlimit(RLIMIT_AS, &r) < 0)
		return 100;
	if (sys_mmap(NULL, MiB, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) == MAP_FAILED)
		return 101;	/* 1 MiB must still fit */
	if (sys_mmap(NULL, 128 * MiB, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1,
		     0) != MAP_FAILED)
		return 0;
	return errno;
}

static void hints(void)
{
	char *want = (char *)0x30000000UL, *p, *q;
	unsigned char vec[4];
	int i, all = 1;

	p = sys_mmap(want, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(p == want, "a free hint address is honoured (%p)", p);
	p[0] = 'h';
	q = sys_mmap(want, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ok(q != MAP_FAILED && q != want && p[0] == 'h',
	   "a taken hint gives another address (%p) and leaves the mapping there", q);
	sys_munmap(p, PAGE_SIZE);
	sys_munmap(q, PAGE_SIZE);

	p = sys_mmap(NULL, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	sys_mincore(p, 4 * PAGE_SIZE, vec);
	for (i = 0; i < 4; i++)
		all &= vec[i] & 1;
	ok(p != MAP_FAILED && all, "MAP_POPULATE makes every page resident at once");
	sys_munmap(p, 4 * PAGE_SIZE);

	expect_exit(in_child(over_as_limit, NULL), ENOMEM,
		    "with RLIMIT_AS 64 MiB, a 128 MiB mmap fails with ENOMEM");
}

static void munmap_hole(void)
{
	char *p = map(3 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	unsigned char vec[3];

	memset(p, 'B', 3 * PAGE_SIZE);
	expect_eq(sys_munmap(p + PAGE_SIZE, PAGE_SIZE), 0, "munmap of the middle page");
	expect_killed(in_child(peek, p + PAGE_SIZE), SIGSEGV, "a read in the hole");
	expect_killed(in_child(poke, p + PAGE_SIZE), SIGSEGV, "a write in the hole");
	ok(all_bytes(p, PAGE_SIZE, 'B') && all_bytes(p + 2 * PAGE_SIZE, PAGE_SIZE, 'B'),
	   "the pages on both sides are still there");
	expect_errno(sys_mincore(p, 3 * PAGE_SIZE, vec), ENOMEM,
		     "mincore over the hole gives ENOMEM");
	expect_eq(sys_munmap(p + PAGE_SIZE, PAGE_SIZE), 0, "munmap of the hole again is fine");
	expect_errno(sys_munmap(p + 1, PAGE_SIZE), EINVAL, "munmap of an unaligned address: EINVAL");
	expect_errno(sys_munmap(p, 0), EINVAL, "munmap of 0 bytes: EINVAL");
	expect_eq(sys_munmap(p, 3 * PAGE_SIZE), 0, "munmap of the rest");
	expect_killed(in_child(peek, p), SIGSEGV, "a read of the unmapped first page");
}

/* across: munmap and mprotect of a range that spans several VMAs */
static void across(void)
{
	char *p = map(10 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	unsigned char vec[10];
	int i, gone = 1;

	memset(p, 'V', 10 * PAGE_SIZE);
	for (i = 1; i < 10; i += 2)
		sys_mprotect(p + i * PAGE_SIZE, PAGE_SIZE, PROT_READ);
	expect_eq(sys_mprotect(p, 4 * PAGE_SIZE, PROT_READ | PROT_WRITE), 0,
		  "mprotect over four VMAs of different protections");
	expect_exit(in_child(poke, p + 3 * PAGE_SIZE), 0, "makes all of them writable");
	expect_eq(sys_munmap(p + 2 * PAGE_SIZE, 6 * PAGE_SIZE), 0, "munmap over six VMAs");
	for (i = 2; i < 8; i++)
		gone &= sys_mincore(p + i * PAGE_SIZE, PAGE_SIZE, vec) == -1 && errno == ENOMEM;
	ok(gone, "removes all six");
	ok(all_bytes(p, 2 * PAGE_SIZE, 'V') && all_bytes(p + 8 * PAGE_SIZE, 2 * PAGE_SIZE, 'V'),
	   "and leaves the pages on both sides with their content");
	expect_killed(in_child(poke, p + 9 * PAGE_SIZE), SIGSEGV,
		      "the last page kept its read-only protection");
	sys_munmap(p, 10 * PAGE_SIZE);
}

static void protections(void)
{
	char *p = map(3 * PAGE_SIZE, PROT_READ | PROT_WRITE);

	memset(p, 'C', 3 * PAGE_SIZE);
	expect_eq(sys_mprotect(p + PAGE_SIZE, PAGE_SIZE, PROT_READ), 0,
		  "mprotect(PROT_READ) of the middle page");
	expect_killed(in_child(poke, p + PAGE_SIZE), SIGSEGV, "a write to the read-only page");
	expect_exit(in_child(peek, p + PAGE_SIZE), 'C', "a read of the read-only page");
	expect_exit(in_child(poke, p), 0, "a write to the writable page before it");
	expect_eq(sys_mprotect(p + PAGE_SIZE, PAGE_SIZE, PROT_READ | PROT_WRITE), 0,
		  "mprotect back to PROT_READ|PROT_WRITE");
	expect_exit(in_child(poke, p + PAGE_SIZE), 0, "the write works again");
	p[PAGE_SIZE] = 'D';
	ok(p[PAGE_SIZE] == 'D' && p[PAGE_SIZE + 1] == 'C', "and in this process too, content kept");
	expect_eq(sys_mprotect(p, PAGE_SIZE, PROT_NONE), 0, "mprotect(PROT_NONE)");
	expect_killed(in_child(peek, p), SIGSEGV, "a read of a PROT_NONE page");
	expect_errno(sys_mprotect(p + 1, PAGE_SIZE, PROT_READ), EINVAL,
		     "mprotect of an unaligned address: EINVAL");
	sys_munmap(p, 3 * PAGE_SIZE);
	expect_errno(sys_mprotect(p, PAGE_SIZE, PROT_READ), ENOMEM,
		     "mprotect of an unmapped range: ENOMEM");
	expect_killed(in_child(poke, (void *)mode_addrs), SIGSEGV, "a write to the program's text");
}

static char cow_data[3 * 4096] = { 'O' };	/* .data, the heap and a mapping */

static void cow(void)
{
	char *heap = malloc(64), *anon = map(PAGE_SIZE, PROT_READ | PROT_WRITE);
	char *where[3] = { cow_data, heap, anon };
	int to_child[2], to_parent[2], i, good, status;
	pid_t pid;
	char c;

	for (i = 0; i < 3; i++)
		where[i][0] = 'O';
	pipe(to_child);
	pipe(to_parent);
	pid = sys_fork();
	if (pid == 0) {
		for (i = 0; i < 3; i++)
			where[i][0] = 'C';
		write(to_parent[1], "w", 1);
		read(to_child[0], &c, 1);	/* the parent has written too */
		for (i = 0, good = 1; i < 3; i++)
			good &= where[i][0] == 'C';
		_exit(good ? 0 : 1);
	}
	read(to_parent[0], &c, 1);
	for (i = 0, good = 1; i < 3; i++)
		good &= where[i][0] == 'O';
	ok(good, "copy-on-write: the child's writes are not seen by the parent");
	for (i = 0; i < 3; i++)
		where[i][0] = 'P';
	write(to_child[1], "w", 1);
	status = wait_for(pid);
	expect_exit(status, 0, "copy-on-write: the parent's later writes are not seen by the child");
	for (i = 0, good = 1; i < 3; i++)
		good &= where[i][0] == 'P';
	ok(good, "each keeps its own copy (data, heap, anonymous mapping)");
	close(to_child[0]);
	close(to_child[1]);
	close(to_parent[0]);
	close(to_parent[1]);
	free(heap);
	sys_munmap(anon, PAGE_SIZE);
}

/* cow3: a page shared by three processes; each writes and sees its own */
static void cow3(void)
{
	char *p = map(PAGE_SIZE, PROT_READ | PROT_WRITE);
	int go[2], status;
	pid_t pid;
	char c;

	p[0] = 'O';
	pipe(go);
	pid = sys_fork();
	if (pid == 0) {
		pid_t gc = sys_fork();
		int st;

		if (gc == 0) {
			read(go[0], &c, 1);
			p[0] = 'G';
			_exit(p[0] == 'G' ? 0 : 1);
		}
		read(go[0], &c, 1);
		p[0] = 'C';
		st = wait_for(gc);
		_exit(p[0] == 'C' && st == 0 ? 0 : 1);
	}
	write(go[1], "xx", 2);
	p[0] = 'P';
	status = wait_for(pid);
	expect_exit(status, 0, "a page shared by parent, child and grandchild: each write stays its own");
	ok(p[0] == 'P', "the parent keeps its own copy");
	close(go[0]);
	close(go[1]);
	sys_munmap(p, PAGE_SIZE);
}

static void lazy(void)
{
	const size_t len = 256 * MiB;
	unsigned long long before, mapped, touched, unmapped;
	unsigned char vec[32];
	int i, none = 1, right = 1;
	char *p;

	before = free_bytes();
	p = sys_mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
		     -1, 0);
	mapped = free_bytes();
	ok(p != MAP_FAILED, "a 256 MiB MAP_NORESERVE mapping succeeds");
	if (p == MAP_FAILED)
		return;
	ok(before - mapped < MiB, "it costs less than 1 MiB (%llu KiB) until touched",
	   (before - mapped) / 1024);
	expect_eq(sys_mincore(p, 32 * PAGE_SIZE, vec), 0, "mincore of its first 32 pages");
	for (i = 0; i < 32; i++)
		none &= !(vec[i] & 1);
	ok(none, "no page is resident before it is touched");
	for (i = 0; i < 16; i++)
		p[i * PAGE_SIZE] = 1;
	p[len - 1] = 1;
	touched = free_bytes();
	sys_mincore(p, 32 * PAGE_SIZE, vec);
	for (i = 0; i < 32; i++)
		right &= (vec[i] & 1) == (i < 16);
	ok(right, "after writing to 16 pages exactly those are resident");
	sys_mincore(p + len - PAGE_SIZE, PAGE_SIZE, vec);
	ok(vec[0] & 1, "and the last page, written, is resident");
	ok_unless(yomi ? NULL : pcp_why, mapped - touched >= 17 * PAGE_SIZE,
		  "the touched pages come out of free memory (%llu KiB)", (mapped - touched) / 1024);
	sys_munmap(p, len);
	unmapped = free_bytes();
	ok_unless(yomi ? NULL : pcp_why, unmapped + 64 * 1024 >= before,
		  "munmap gives them back (free %llu KiB before, %llu KiB after)", before / 1024,
		  unmapped / 1024);
}

static int deep(void *arg)
{
	int depth = (int)(long)arg;

	return use_stack(depth) == depth ? 0 : 1;
}

static int deep_limited(void *arg)
{
	struct rlimit r;

	getrlimit(RLIMIT_STACK, &r);
	r.rlim_cur = 256 * 1024;
	if (setrlimit(RLIMIT_STACK, &r) < 0)
		return 2;
	return deep(arg);
}

static void stack(void)
{
	expect_exit(in_child(deep, (void *)256L), 0, "the stack grows for 1 MiB of recursion");
	expect_killed(in_child(deep_limited, (void *)256L), SIGSEGV,
		      "with RLIMIT_STACK 256 KiB, 1 MiB of recursion");
	expect_exit(in_child(deep_limited, (void *)32L), 0,
		    "with RLIMIT_STACK 256 KiB, 128 KiB of recursion");
}

static unsigned long raw_brk(unsigned long addr)
{
	return __syscall(__NR_brk, addr, 0, 0, 0, 0, 0);
}

static int brk_over_data_limit(void *arg)
{
	unsigned long cur = raw_brk(0);
	struct rlimit r;

	(void)arg;
	getrlimit(RLIMIT_DATA, &r);
	r.rlim_cur = 1 * MiB;
	setrlimit(RLIMIT_DATA, &r);
	return raw_brk(cur + 4 * MiB) == cur ? 0 : 1;
}

static void brks(void)
{
	static int in_data = 1;
	unsigned long cur = raw_brk(0), top, blocker_at;
	char *blocker;

	ok(cur > (unsigned long)&in_data, "brk(0) reports the break (%#lx), above the data", cur);
	expect_eq(raw_brk(0x08048000), cur, "brk into the text (below the start) returns the old break");
	expect_eq(raw_brk((unsigned long)&in_data), cur, "brk into the data returns the old break");
	expect_eq(raw_brk(0xfffff000), cur, "brk beyond TASK_SIZE returns the old break");
	expect_eq(raw_brk(cur), cur, "brk to the break itself returns it");

	top = cur + 3 * PAGE_SIZE;
	expect_eq(raw_brk(top), top, "brk up by 3 pages returns the new break");
	memset((char *)cur, 'H', 3 * PAGE_SIZE);
	ok(((char *)cur)[3 * PAGE_SIZE - 1] == 'H', "the new heap is writable");
	expect_eq(raw_brk(cur), cur, "brk back down returns the old break");
	expect_killed(in_child(peek, (char *)((cur + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)) + PAGE_SIZE),
		      SIGSEGV, "a read of the released heap");

	blocker_at = ((cur + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1)) + 16 * PAGE_SIZE;
	blocker = sys_mmap((void *)blocker_at, PAGE_SIZE, PROT_READ,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	ok(blocker == (char *)blocker_at, "a mapping 16 pages above the break");
	expect_eq(raw_brk(cur + 32 * PAGE_SIZE), cur, "brk across that mapping returns the old break");
	sys_munmap(blocker, PAGE_SIZE);
	expect_exit(in_child(brk_over_data_limit, NULL), 0,
		    "brk past RLIMIT_DATA returns the old break");
	expect_eq(raw_brk(0), cur, "the break is where it was");
}

static void remaps(void)
{
	char *p = map(4 * PAGE_SIZE, PROT_READ | PROT_WRITE), *q, *r;
	unsigned char vec[1];

	sys_munmap(p + 2 * PAGE_SIZE, 2 * PAGE_SIZE);
	memset(p, 'R', 2 * PAGE_SIZE);
	q = sys_mremap(p, 2 * PAGE_SIZE, 4 * PAGE_SIZE, 0);
	ok(q == p, "mremap grows a mapping in place when the space after it is free");
	ok(all_bytes(p, 2 * PAGE_SIZE, 'R') && all_bytes(p + 2 * PAGE_SIZE, 2 * PAGE_SIZE, 0),
	   "the old content is kept and the new pages are zeros");
	p[4 * PAGE_SIZE - 1] = 'x';
	ok(p[4 * PAGE_SIZE - 1] == 'x', "the new pages are writable");
	sys_munmap(p, 4 * PAGE_SIZE);

	/* a mapping with a different one right after it must move to grow */
	p = map(2 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	sys_mprotect(p + PAGE_SIZE, PAGE_SIZE, PROT_READ);
	memset(p, 'M', PAGE_SIZE);
	expect_errno((long)sys_mremap(p, PAGE_SIZE, 3 * PAGE_SIZE, 0), ENOMEM,
		     "mremap cannot grow in place into the next mapping: ENOMEM");
	q = sys_mremap(p, PAGE_SIZE, 3 * PAGE_SIZE, MREMAP_MAYMOVE);
	ok(q != MAP_FAILED && q != p, "with MREMAP_MAYMOVE it moves (%p -> %p)", p, q);
	if (q == MAP_FAILED)
		return;
	ok(all_bytes(q, PAGE_SIZE, 'M') && all_bytes(q + PAGE_SIZE, 2 * PAGE_SIZE, 0),
	   "the content moves with it");
	expect_errno(sys_mincore(p, PAGE_SIZE, vec), ENOMEM, "the old address is unmapped");
	expect_eq(sys_mincore(p + PAGE_SIZE, PAGE_SIZE, vec), 0, "the next mapping is still there");
	r = sys_mremap(q, 3 * PAGE_SIZE, PAGE_SIZE, 0);
	ok(r == q, "mremap shrinks in place");
	expect_errno(sys_mincore(q + PAGE_SIZE, PAGE_SIZE, vec), ENOMEM, "the tail is unmapped");
	expect_errno((long)sys_mremap(q + 1, PAGE_SIZE, 2 * PAGE_SIZE, 0), EINVAL,
		     "mremap of an unaligned address: EINVAL");
	expect_errno((long)sys_mremap(q, PAGE_SIZE, 0, 0), EINVAL, "mremap to 0 bytes: EINVAL");
	expect_errno((long)sys_mremap(q, PAGE_SIZE, 2 * PAGE_SIZE, 0x100), EINVAL,
		     "mremap with an unknown flag: EINVAL");
	expect_errno((long)sys_mremap(q + PAGE_SIZE, PAGE_SIZE, 2 * PAGE_SIZE, MREMAP_MAYMOVE),
		     EFAULT, "mremap of an unmapped address: EFAULT");
	sys_munmap(q, PAGE_SIZE);
	sys_munmap(p + PAGE_SIZE, PAGE_SIZE);
}

static void dontneed(void)
{
	char *p = map(2 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	unsigned char vec[2] = { 1, 1 };

	memset(p, 0x5a, 2 * PAGE_SIZE);
	expect_eq(sys_madvise(p, 2 * PAGE_SIZE, MADV_DONTNEED), 0, "madvise(MADV_DONTNEED)");
	sys_mincore(p, 2 * PAGE_SIZE, vec);
	ok(!(vec[0] & 1) && !(vec[1] & 1), "drops the pages (mincore: not resident)");
	ok(all_bytes(p, 2 * PAGE_SIZE, 0), "anonymous memory then reads as zeros");
	p[1] = 7;
	ok(p[1] == 7, "and is writable");
	expect_errno(sys_madvise(p + 1, PAGE_SIZE, MADV_DONTNEED), EINVAL,
		     "madvise of an unaligned address: EINVAL");
	sys_munmap(p, 2 * PAGE_SIZE);
}

static void file_maps(void)
{
	char *buf = malloc(2 * PAGE_SIZE), *p, *s, path[64];
	int fd, ro, wo;

	sys_mkdir("/tmp", 01777);
	snprintf(path, sizeof(path), "/tmp/test_mmap.%d", getpid());
	memset(buf, 'F', PAGE_SIZE);
	memset(buf + PAGE_SIZE, 'G', PAGE_SIZE);
	fd = sys_open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	write(fd, buf, 2 * PAGE_SIZE);

	p = sys_mmap(NULL, 2 * PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd, 0);
	ok(p != MAP_FAILED && !memcmp(p, buf, 2 * PAGE_SIZE), "a private file mapping reads the file");
	sys_munmap(p, 2 * PAGE_SIZE);
	p = sys_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd, PAGE_SIZE);
	ok(p != MAP_FAILED && all_bytes(p, PAGE_SIZE, 'G'), "with offset 4096 it maps the second page");
	sys_munmap(p, PAGE_SIZE);
	p = sys_old_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd, PAGE_SIZE);
	ok(p != MAP_FAILED && all_bytes(p, PAGE_SIZE, 'G'), "old mmap (90) with offset 4096 too");
	sys_munmap(p, PAGE_SIZE);

	p = sys_mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	p[0] = 'p';
	ok(first_byte(fd) == 'F', "a write to a private file mapping does not reach the file");
	sys_munmap(p, PAGE_SIZE);
	s = sys_mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ok(s != MAP_FAILED, "a shared writable file mapping");
	if (s != MAP_FAILED) {
		s[0] = 's';
		ok(first_byte(fd) == 's', "a write to it is seen by read()");
		sys_munmap(s, PAGE_SIZE);
	}

	ro = sys_open(path, O_RDONLY, 0);
	wo = sys_open(path, O_WRONLY, 0);
	expect_errno((long)sys_mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0),
		     EACCES, "a shared writable mapping of a read-only descriptor: EACCES");
	expect_errno((long)sys_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, wo, 0), EACCES,
		     "a mapping of a write-only descriptor: EACCES");
	s = sys_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_SHARED, ro, 0);
	expect_errno(sys_mprotect(s, PAGE_SIZE, PROT_READ | PROT_WRITE), EACCES,
		     "mprotect(PROT_WRITE) of a shared read-only-file mapping: EACCES");
	sys_munmap(s, PAGE_SIZE);
	expect_errno((long)sys_old_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, ro, 100), EINVAL,
		     "old mmap (90) with an unaligned offset: EINVAL");
	close(ro);
	close(wo);
	close(fd);
	sys_unlink(path);
	free(buf);
}

/* map_page0: on Linux a root process may map page 0 when it has
 * CAP_SYS_RAWIO, so it drops that (capset) first for Linux's EPERM to
 * show; yomi has no capabilities (capget is ENOSYS) */
static int map_page0(void *arg)
{
	struct { unsigned int version; int pid; } hdr = { 0x20080522, 0 };
	struct { unsigned int effective, permitted, inheritable; } data[2];

	(void)arg;
	if (syscall(__NR_capget, &hdr, data) == 0) {
		data[0].effective &= ~(1U << 17);	/* CAP_SYS_RAWIO */
		if (syscall(__NR_capset, &hdr, data) < 0)
			return 101;
	} else if (errno != ENOSYS) {
		return 100;
	}
	if (sys_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) !=
	    MAP_FAILED)
		return 0;
	return errno;
}

static void errors(void)
{
	const int anon = MAP_PRIVATE | MAP_ANONYMOUS;
	char *p = map(PAGE_SIZE, PROT_READ);

	expect_errno((long)sys_mmap(NULL, 0, PROT_READ, anon, -1, 0), EINVAL, "mmap of 0 bytes: EINVAL");
	expect_errno((long)sys_mmap(p + 1, PAGE_SIZE, PROT_READ, anon | MAP_FIXED, -1, 0), EINVAL,
		     "MAP_FIXED at an unaligned address: EINVAL");
	expect_errno((long)sys_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_PRIVATE, 99, 0), EBADF,
		     "a file mapping of fd 99: EBADF");
	expect_errno((long)sys_mmap(NULL, PAGE_SIZE, PROT_READ, MAP_ANONYMOUS, -1, 0), EINVAL,
		     "neither MAP_PRIVATE nor MAP_SHARED: EINVAL");
	expect_errno((long)sys_mmap(NULL, 0xfffff000UL, PROT_READ, anon, -1, 0), ENOMEM,
		     "mmap of 4 GiB - 4 KiB: ENOMEM");
	expect_errno((long)sys_mmap((void *)TASK_SIZE, PAGE_SIZE, PROT_READ, anon | MAP_FIXED, -1, 0),
		     ENOMEM, "MAP_FIXED at TASK_SIZE (%#lx): ENOMEM", TASK_SIZE);
	expect_errno((long)sys_old_mmap(NULL, PAGE_SIZE, PROT_READ, anon, -1, 100), EINVAL,
		     "old mmap (90), anonymous, with an unaligned offset: EINVAL");
	expect_exit(in_child(map_page0, NULL), EPERM, "MAP_FIXED at address 0 fails with EPERM");
	p = sys_old_mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, anon, -1, 0);
	ok(p != MAP_FAILED, "old mmap (90) of an anonymous page works");
	if (p != MAP_FAILED) {
		p[0] = 1;
		sys_munmap(p, PAGE_SIZE);
	}
}

/* --- leaks (yomi-only) --------------------------------------------------------- */

static int workload(void *arg)
{
	char *p, *q;
	pid_t pid;

	(void)arg;
	p = map(64 * PAGE_SIZE, PROT_READ | PROT_WRITE);
	memset(p, 1, 64 * PAGE_SIZE);
	sys_mprotect(p + 8 * PAGE_SIZE, 8 * PAGE_SIZE, PROT_READ);
	sys_munmap(p + 20 * PAGE_SIZE, 4 * PAGE_SIZE);
	q = sys_mremap(p, 8 * PAGE_SIZE, 16 * PAGE_SIZE, MREMAP_MAYMOVE);
	if (q != MAP_FAILED)
		memset(q, 2, 16 * PAGE_SIZE);
	sys_madvise(p + 30 * PAGE_SIZE, 4 * PAGE_SIZE, MADV_DONTNEED);
	pid = sys_fork();
	if (pid == 0) {
		memset(p + 40 * PAGE_SIZE, 3, 8 * PAGE_SIZE);
		use_stack(64);
		_exit(0);
	}
	wait_for(pid);
	use_stack(64);
	raw_brk(raw_brk(0) + 8 * PAGE_SIZE);
	memset(sbrk(0) - 8 * PAGE_SIZE, 4, 8 * PAGE_SIZE);
	in_child(poke, NULL);
	return 0;
}

static void leak_check(void)
{
	unsigned long long before, after;

	if (!yomi) {
		skip(free_mem_why, "mapping, faulting, COW and exit leak no memory");
		return;
	}
	in_child(workload, NULL);	/* warm up the kernel's caches */
	before = free_bytes();
	in_child(workload, NULL);
	in_child(workload, NULL);
	after = free_bytes();
	expect_eq(after, before, "mapping, faulting, COW and exit leak no memory (free before %llu)",
		  before);
}

int main(int argc, char **argv)
{
	long legacy;

	if (argc > 1 && !strcmp(argv[1], "addrs"))
		return mode_addrs();
	self = argv[0];
	yomi = on_yomi();
	no_core_dumps();
	default_signals();

	/* the default layout is top-down: a legacy_va_layout left at 1 (yomi's
	 * kernel option, or a sysctl) is set to 0 for the test and restored
	 * after it */
	legacy = read_int_file("/proc/sys/vm/legacy_va_layout");
	if (legacy > 0)
		write_file("/proc/sys/vm/legacy_va_layout", "0\n");
	layouts();
	randomized();
	if (legacy > 0)
		write_file("/proc/sys/vm/legacy_va_layout", "1\n");
	fixed_replace();
	hints();
	munmap_hole();
	across();
	protections();
	cow();
	cow3();
	lazy();
	stack();
	brks();
	remaps();
	dontneed();
	file_maps();
	errors();
	leak_check();
	return tap_done();
}
