/*
 * test_cow: fork shares pages copy-on-write, measured in free memory (the
 * cow lab, docs/labs/cow.md).
 *   - isolation: after fork, a write by the child, then one by the parent,
 *     each costs exactly one page (its private copy) and the other side
 *     does not see it;
 *   - shared: a MAP_SHARED page stays one page: each side sees the other's
 *     writes, and writing costs nothing;
 *   - fork: a process with 32 MiB of touched memory forks for less than
 *     1 MiB; 100 fork/exit cycles whose children write to 1 MiB of the
 *     parent's memory leave free memory where it was.
 * The costs are yomi-only: Linux's free count moves with its per-CPU page
 * lists and caches.
 */
#include <stdlib.h>
#include "sys.h"

#define MiB (1024UL * 1024)
#define BIG (32 * MiB)

static const char *pcp_why = "yomi-only: Linux's free count leaves out its per-CPU page lists";
static const char *why;		/* NULL on yomi */
static int to_child[2], to_parent[2];

static char *anon_page(int flags)
{
	return sys_mmap(NULL, PAGE_SIZE, PROT_READ | PROT_WRITE, flags | MAP_ANONYMOUS, -1, 0);
}

/*
 * fork_linked: fork with a pipe each way between parent and child, the
 * unused ends closed: if one side dies (a broken copy-on-write can crash
 * it), the other's read ends with EOF instead of waiting for ever.
 */
static pid_t fork_linked(void)
{
	pid_t pid;

	pipe(to_child);
	pipe(to_parent);
	pid = sys_fork();
	close(pid == 0 ? to_child[1] : to_child[0]);
	close(pid == 0 ? to_parent[0] : to_parent[1]);
	return pid;
}

/* reap: close the parent's ends of fork_linked's pipes; the child's status */
static int reap(pid_t pid)
{
	close(to_child[1]);
	close(to_parent[0]);
	return wait_for(pid);
}

/* turn: tell the other side to go on, then wait for it to say the same */
static void turn(int to, int from)
{
	char c = 'x';

	write(to, &c, 1);
	read(from, &c, 1);
}

/* write_cost: write c to *p; the free memory that cost, in bytes */
static long long write_cost(volatile char *p, char c)
{
	unsigned long long before = free_bytes();

	*p = c;
	return (long long)(before - free_bytes());
}

/*
 * fork_writer: fork a child that writes c to *p, tells the parent what
 * that cost (in *cost), waits for the parent's go, and exits 0 if *p is
 * then want; the child's pid.
 */
static pid_t fork_writer(char *p, char c, char want, long long *cost)
{
	pid_t pid = fork_linked();

	if (pid == 0) {
		long long spent = write_cost(p, c);

		write(to_parent[1], &spent, sizeof(spent));
		read(to_child[0], &c, 1);	/* the parent has written */
		_exit(p[0] == want ? 0 : 1);
	}
	*cost = -1;
	read(to_parent[0], cost, sizeof(*cost));
	return pid;
}

/* isolation: the child writes first, then the parent, both still alive */
static void isolation(void)
{
	char *p = anon_page(MAP_PRIVATE), c;
	long long cost;
	pid_t pid;

	p[0] = 'O';
	pid = fork_writer(p, 'C', 'C', &cost);
	ok_unless(why, cost == PAGE_SIZE,
		  "isolation: the child's first write costs one page of free memory (it cost %lld bytes)",
		  cost);
	ok(p[0] == 'O', "isolation: the parent does not see the child's write");
	cost = write_cost(p, 'P');
	ok_unless(why, cost == 0,
		  "isolation: the parent's write then keeps its page, the last user (%lld bytes)", cost);
	write(to_child[1], "x", 1);
	expect_exit(reap(pid), 0, "isolation: the child does not see the parent's write");
	sys_munmap(p, PAGE_SIZE);

	p = anon_page(MAP_PRIVATE);
	p[0] = 'O';
	pid = fork_linked();
	if (pid == 0) {
		turn(to_parent[1], to_child[0]);	/* the parent writes */
		_exit(p[0] == 'O' ? 0 : 1);
	}
	read(to_parent[0], &c, 1);
	cost = write_cost(p, 'P');
	ok_unless(why, cost == PAGE_SIZE,
		  "isolation: the parent's first write costs one page of free memory (it cost %lld bytes)",
		  cost);
	write(to_child[1], "x", 1);
	expect_exit(reap(pid), 0, "isolation: the child does not see the parent's first write");
	sys_munmap(p, PAGE_SIZE);
}

/* shared: MAP_SHARED stays one page for both */
static void shared(void)
{
	char *p = anon_page(MAP_SHARED);
	long long cost;
	pid_t pid;

	p[0] = 'O';
	pid = fork_writer(p, 'C', 'P', &cost);
	ok(p[0] == 'C', "shared: the parent sees the child's write to a MAP_SHARED page");
	ok_unless(why, cost == 0, "shared: the write copies nothing (%lld bytes)", cost);
	p[0] = 'P';
	write(to_child[1], "x", 1);
	expect_exit(reap(pid), 0, "shared: the child sees the parent's write");
	sys_munmap(p, PAGE_SIZE);
}

/* cycle: the child of one fork/exit cycle writes to every 4th page */
static int cycle(void *arg)
{
	char *mem = arg;
	unsigned long off;

	for (off = 0; off < MiB; off += 4 * PAGE_SIZE)
		mem[off] = 'c';
	return 0;
}

/* big_fork: fork with 32 MiB touched, the child waiting */
static void big_fork(void)
{
	char *big = sys_mmap(NULL, BIG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	unsigned long long before, forked;
	pid_t pid;
	char c;

	memset(big, 'p', BIG);
	before = free_bytes();
	pid = fork_linked();
	if (pid == 0) {
		read(to_child[0], &c, 1);
		_exit(big[0] == 'p' ? 0 : 1);
	}
	forked = free_bytes();
	write(to_child[1], "x", 1);
	expect_exit(reap(pid), 0, "fork: the child of a 32 MiB process reads its memory");
	ok_unless(why, before - forked < MiB, "fork: a process with 32 MiB forks for under 1 MiB (%llu KiB)",
		  (before - forked) / 1024);
	sys_munmap(big, BIG);
}

/* run_cycles: map 1 MiB, touch it, and let n children write to it */
static int run_cycles(int n)
{
	char *mem = sys_mmap(NULL, MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int i, bad = 0;

	memset(mem, 'p', MiB);
	for (i = 0; i < n; i++)
		bad += in_child(cycle, mem) != 0;
	bad += mem[0] != 'p' || mem[MiB - PAGE_SIZE] != 'p';
	sys_munmap(mem, MiB);
	return bad;
}

/* cycles: 100 children write to 1 MiB of their parent's and exit; then
 * the parent unmaps it: every page must be free again */
static void cycles(void)
{
	unsigned long long before, after;
	int bad;

	run_cycles(1);		/* the kernel's caches and page tables warm, as they will be */
	before = free_bytes();
	bad = run_cycles(100);
	after = free_bytes();
	expect_eq(bad, 0, "fork: 100 fork/exit cycles, each child writing 64 pages, the parent's own");
	ok_unless(why, after == before, "fork: free memory is back at its baseline (%llu KiB, %llu KiB before)",
		  after / 1024, before / 1024);
}

int main(void)
{
	why = on_yomi() ? NULL : pcp_why;
	no_core_dumps();
	isolation();
	shared();
	big_fork();
	cycles();
	return tap_done();
}
