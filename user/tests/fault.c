/*
 * test_fault: the page-fault handler, as the page-faults lab grades it
 * (docs/labs/page-faults.md). Each case's description starts with its
 * group:
 *   demand-zero  a 64 MiB anonymous mapping costs nothing until touched,
 *                then exactly the touched page (mincore, free memory);
 *   segv         PROT_NONE, a write to PROT_READ memory and an unmapped
 *                address kill with SIGSEGV, with si_code and si_addr (the
 *                kernel's report lines are checked in the serial log);
 *   stack        the stack grows on faults below it, up to RLIMIT_STACK;
 *   lazy-elf     the program's own 4 MiB .bss is resident only where
 *                touched.
 */
#include <asm/siginfo.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include "sys.h"

#define MiB (1024UL * 1024)

static char bss[4 * MiB] __attribute__((aligned(4096)));
static void *want_addr;		/* where the child's access must fault */

static int resident(const char *p, unsigned long pages, unsigned char *vec)
{
	unsigned long i;
	int n = 0;

	if (sys_mincore((void *)p, pages * PAGE_SIZE, vec))
		return -1;
	for (i = 0; i < pages; i++)
		n += vec[i] & 1;
	return n;
}

static void demand_zero(void)
{
	static unsigned char vec[64 * MiB / PAGE_SIZE];
	const unsigned long pages = 64 * MiB / PAGE_SIZE;
	unsigned long long before, after;
	char *p;

	p = sys_mmap(NULL, 64 * MiB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (!ok(p != MAP_FAILED, "demand-zero: a 64 MiB anonymous mapping"))
		return;
	expect_eq(resident(p, pages, vec), 0, "demand-zero: no page is resident before a touch");
	before = free_bytes();
	p[40 * PAGE_SIZE + 5] = 'z';
	after = free_bytes();
	expect_eq(resident(p, pages, vec), 1, "demand-zero: one write makes one page resident");
	ok(vec[40] & 1, "demand-zero: the page written is the one resident");
	ok_unless(on_yomi() ? NULL : "yomi-only: Linux's free count moves with its caches",
		  before - after <= 2 * PAGE_SIZE,
		  "demand-zero: the touch costs at most a page and a page table (%llu bytes)",
		  before - after);
	ok(p[40 * PAGE_SIZE] == 0 && p[40 * PAGE_SIZE + 5] == 'z' && p[64 * MiB - 1] == 0,
	   "demand-zero: new pages read as zeros");
	expect_eq(resident(p, pages, vec), 2, "demand-zero: a read of another page maps only it");
	sys_munmap(p, 64 * MiB);
}

/* on_segv: exits with 10 + si_code, plus 100 when si_addr is wrong */
static void on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	_exit(10 + si->si_code + (si->si_addr == want_addr ? 0 : 100));
}

static int segv_handled(void *arg)
{
	struct k_sigaction sa = { (__sighandler_t)(void *)on_segv, SA_SIGINFO, NULL, { 0, 0 } };

	syscall(__NR_rt_sigaction, SIGSEGV, &sa, 0, 8);
	if (arg)
		poke(want_addr);
	else
		peek(want_addr);
	return 0;
}

/* segv_case: the access kills a child with SIGSEGV, and a handler sees code and addr */
static void segv_case(const char *what, void *addr, int write, int code)
{
	char name[96];

	want_addr = addr;
	snprintf(name, sizeof(name), "segv: %s", what);
	expect_killed(in_child(write ? poke : peek, addr), SIGSEGV, name);
	snprintf(name, sizeof(name), "segv: %s: si_code %s, si_addr the address", what,
		 code == SEGV_MAPERR ? "SEGV_MAPERR" : "SEGV_ACCERR");
	expect_exit(in_child(segv_handled, (void *)(long)write), 10 + code, name);
}

static void segv(void)
{
	char *p = sys_mmap(NULL, 5 * PAGE_SIZE, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (!ok(p != MAP_FAILED, "segv: five pages to protect and unmap"))
		return;
	/* PROT_NONE, PROT_READ (written first, so present), two unmapped
	 * pages, and a writable page that is no stack: it must not grow
	 * down over the hole below it */
	p[PAGE_SIZE] = 'r';
	sys_mprotect(p, PAGE_SIZE, PROT_NONE);
	sys_mprotect(p + PAGE_SIZE, PAGE_SIZE, PROT_READ);
	sys_munmap(p + 2 * PAGE_SIZE, 2 * PAGE_SIZE);
	printf("# segv: PROT_NONE %p, PROT_READ %p, unmapped %p\n", (void *)(p + 8),
	       (void *)(p + PAGE_SIZE + 8), (void *)(p + 3 * PAGE_SIZE + 8));
	segv_case("a read of PROT_NONE memory", p + 8, 0, SEGV_ACCERR);
	segv_case("a write to PROT_READ memory", p + PAGE_SIZE + 8, 1, SEGV_ACCERR);
	segv_case("a read of an unmapped page just below an area", p + 3 * PAGE_SIZE + 8, 0,
		  SEGV_MAPERR);
}

/* deep: arg is the depth (in 4 KiB frames), negative for RLIMIT_STACK 256 KiB */
static int deep(void *arg)
{
	int depth = (int)(long)arg;
	struct rlimit r;

	if (depth < 0) {
		getrlimit(RLIMIT_STACK, &r);
		r.rlim_cur = 256 * 1024;
		if (setrlimit(RLIMIT_STACK, &r) < 0)
			return 2;
		depth = -depth;
	}
	return use_stack(depth) == depth ? 0 : 1;
}

static void stack(void)
{
	expect_exit(in_child(deep, (void *)256L), 0, "stack: it grows for 1 MiB of recursion");
	expect_exit(in_child(deep, (void *)-40L), 0,
		    "stack: with RLIMIT_STACK 256 KiB, 160 KiB of recursion");
	expect_killed(in_child(deep, (void *)-256L), SIGSEGV,
		      "stack: with RLIMIT_STACK 256 KiB, 1 MiB of recursion");
}

static void lazy_elf(void)
{
	static unsigned char vec[4 * MiB / PAGE_SIZE];
	const unsigned long pages = 4 * MiB / PAGE_SIZE;

	expect_eq(resident(bss, pages, vec), 0, "lazy-elf: no page of the 4 MiB .bss is resident");
	bss[100 * PAGE_SIZE] = 1;
	expect_eq(resident(bss, pages, vec), 1, "lazy-elf: a write to .bss maps one page");
	ok(bss[0] == 0 && bss[4 * MiB - 1] == 0, "lazy-elf: .bss reads as zeros");
	expect_eq(resident(bss, pages, vec), 3, "lazy-elf: and each read maps its page");
}

int main(void)
{
	no_core_dumps();
	default_signals();
	lazy_elf();
	demand_zero();
	segv();
	stack();
	return tap_done();
}
