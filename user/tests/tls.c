/*
 * test_tls: the thread-local storage segments. set_thread_area(243) puts a
 * 32-bit data segment in one of the task's three GDT slots (6..8, the
 * first free one for entry_number -1), get_thread_area(244) reads it back;
 * %gs loaded with its selector then reads the segment. The slots survive
 * context switches, are inherited by fork, set for the child by
 * clone(CLONE_SETTLS), and cleared by execve. Bad input gives Linux's
 * errors, and a selector whose slot is cleared while it is loaded costs
 * the process that register (or, for %ss, its life), never the kernel.
 */
#include <asm/ldt.h>
#include <linux/sched.h>
#include "sys.h"

#define TLS_MIN 6
#define SELECTOR(entry) ((entry) * 8 + 3)

static unsigned int tls_block[4] = { 0x11111111, 0x22222222, 0x33333333, 0x44444444 };
static unsigned int other_block[4] = { 0xaaaaaaaa };

static int set_thread_area(struct user_desc *u)
{
	return syscall(__NR_set_thread_area, u);
}

static int get_thread_area(struct user_desc *u)
{
	return syscall(__NR_get_thread_area, u);
}

/* a flat 32-bit data segment at base, as a C library makes for its TLS */
static struct user_desc data_desc(int entry, void *base)
{
	struct user_desc u;

	memset(&u, 0, sizeof(u));
	u.entry_number = entry;
	u.base_addr = (unsigned int)base;
	u.limit = 0xfffff;
	u.seg_32bit = 1;
	u.limit_in_pages = 1;
	u.useable = 1;
	return u;
}

/* the empty descriptor (Linux's LDT_empty) that clears a slot */
static struct user_desc empty_desc(int entry)
{
	struct user_desc u;

	memset(&u, 0, sizeof(u));
	u.entry_number = entry;
	u.read_exec_only = 1;
	u.seg_not_present = 1;
	return u;
}

static void set_gs(unsigned int sel)
{
	__asm__ __volatile__("movl %0, %%gs" : : "r"(sel));
}

static unsigned int get_gs(void)
{
	unsigned int sel;

	__asm__ __volatile__("movl %%gs, %0" : "=r"(sel));
	return sel & 0xffff;
}

static unsigned int get_fs(void)
{
	unsigned int sel;

	__asm__ __volatile__("movl %%fs, %0" : "=r"(sel));
	return sel & 0xffff;
}

/* gs_word: the word at %gs:off */
static unsigned int gs_word(unsigned int off)
{
	unsigned int v;

	__asm__ __volatile__("movl %%gs:(%1), %0" : "=r"(v) : "r"(off));
	return v;
}

/* the child of fork: its %gs and slot are the parent's */
static int child_reads_tls(void *arg)
{
	(void)arg;
	return gs_word(4) == 0x22222222 ? 0 : 1;
}

/* sleeps with a TLS selector loaded so the CPU idles and takes timer
 * interrupts in the kernel between, then reads through it again */
static int sleep_with_gs(void *arg)
{
	int i;

	(void)arg;
	for (i = 0; i < 5; i++) {
		sleep_ms(20);
		if (gs_word(0) != 0x11111111)
			return 1;
	}
	return 0;
}

/* two processes with different TLS in the same slot, both switching */
static int spin_with_own_tls(void *arg)
{
	struct user_desc u = data_desc(TLS_MIN, other_block);
	int i;

	(void)arg;
	if (set_thread_area(&u) != 0)
		return 2;
	set_gs(SELECTOR(TLS_MIN));
	for (i = 0; i < 200; i++) {
		syscall(__NR_sched_yield);
		if (gs_word(0) != 0xaaaaaaaa)
			return 1;
	}
	return 0;
}

/* ss on a TLS slot that is then cleared: the return to user mode cannot
 * load it; Linux kills the process (SIGILL), the kernel survives */
static int clear_slot_under_ss(void *arg)
{
	struct user_desc u = empty_desc(TLS_MIN + 2);
	struct user_desc d = data_desc(TLS_MIN + 2, 0);
	long r;

	(void)arg;
	if (set_thread_area(&d) != 0)
		return 2;
	__asm__ __volatile__("movl %%ss, %%esi\n\t"
			     "movl %2, %%ss\n\t"
			     "int $0x80\n\t"
			     "movl %%esi, %%ss"
			     : "=a"(r) : "0"(__NR_set_thread_area), "r"(SELECTOR(TLS_MIN + 2)),
			       "b"(&u) : "esi", "memory");
	return 3;
}

static void check_exec_cleared(void)
{
	struct user_desc u = { .entry_number = TLS_MIN };

	printf("gs=%#x ", get_gs());
	if (get_thread_area(&u) == 0)
		printf("base=%#x present=%d\n", u.base_addr, !u.seg_not_present);
	else
		printf("get_thread_area: %s\n", strerror(errno));
}

static void test_set_get(void)
{
	struct user_desc u = data_desc(-1, tls_block), back;

	expect_eq(set_thread_area(&u), 0, "set_thread_area(entry -1) succeeds");
	expect_eq(u.entry_number, TLS_MIN, "entry -1 takes the first free slot, %d", TLS_MIN);
	set_gs(SELECTOR(TLS_MIN));
	expect_eq(gs_word(0), 0x11111111, "%%gs:0 reads the segment's first word");
	expect_eq(gs_word(12), 0x44444444, "%%gs:12 reads its fourth");
	memset(&back, 0, sizeof(back));
	back.entry_number = TLS_MIN;
	expect_eq(get_thread_area(&back), 0, "get_thread_area succeeds");
	ok(back.base_addr == (unsigned int)tls_block && back.limit == 0xfffff &&
	   back.seg_32bit && back.limit_in_pages && back.useable && !back.contents &&
	   !back.read_exec_only && !back.seg_not_present,
	   "get_thread_area gives back the descriptor set");
	u = data_desc(-1, other_block);
	expect_eq(set_thread_area(&u), 0, "a second entry -1 succeeds");
	expect_eq(u.entry_number, TLS_MIN + 1, "and takes slot %d", TLS_MIN + 1);
	expect_eq(gs_word(0), 0x11111111, "%%gs still reads the first segment");
}

static void test_errors(void)
{
	struct user_desc u = data_desc(TLS_MIN - 1, tls_block);
	struct user_desc full = data_desc(-1, tls_block);

	expect_errno(set_thread_area(&u), EINVAL, "slot %d (not TLS) gives EINVAL", TLS_MIN - 1);
	u.entry_number = TLS_MIN + 3;
	expect_errno(set_thread_area(&u), EINVAL, "slot %d gives EINVAL", TLS_MIN + 3);
	expect_errno(get_thread_area(&u), EINVAL, "get_thread_area of slot %d gives EINVAL",
		     TLS_MIN + 3);
	u = data_desc(TLS_MIN + 2, tls_block);
	u.contents = 2;
	expect_errno(set_thread_area(&u), EINVAL, "a code segment gives EINVAL");
	u = data_desc(TLS_MIN + 2, tls_block);
	u.seg_32bit = 0;
	expect_errno(set_thread_area(&u), EINVAL, "a 16-bit segment gives EINVAL");
	expect_errno(set_thread_area(NULL), EFAULT, "set_thread_area(NULL) gives EFAULT");
	expect_errno(get_thread_area((void *)0xc0000000), EFAULT,
		     "get_thread_area into the kernel gives EFAULT");
	u = data_desc(TLS_MIN + 2, tls_block);
	expect_eq(set_thread_area(&u), 0, "slot %d by number", TLS_MIN + 2);
	expect_errno(set_thread_area(&full), ESRCH, "entry -1 with every slot used gives ESRCH");
}

static void test_switches(const char *self)
{
	struct user_desc u = data_desc(TLS_MIN, tls_block);
	struct user_desc c = data_desc(TLS_MIN + 1, other_block);
	const char *args[] = { "exec", NULL };
	char out[128];
	int i, status;
	pid_t pid;

	expect_exit(in_child(child_reads_tls, NULL), 0, "fork: the child reads the parent's TLS");
	expect_exit(in_child(sleep_with_gs, NULL), 0,
		    "sleeping with %gs loaded while the CPU idles");
	pid = sys_fork();
	if (pid == 0)
		_exit(spin_with_own_tls(NULL));
	for (i = 0; i < 200 && gs_word(0) == 0x11111111; i++)
		syscall(__NR_sched_yield);
	expect_eq(gs_word(0), 0x11111111, "a process switching with another keeps its own TLS");
	expect_exit(wait_for(pid), 0, "and so does the other, in the same slot");

	fflush(stdout);
	pid = syscall(__NR_clone, SIGCHLD | CLONE_SETTLS, 0, 0, &c, 0);
	if (pid == 0) {
		set_gs(SELECTOR(TLS_MIN + 1));
		_exit(gs_word(0) == 0xaaaaaaaa ? 0 : 1);
	}
	expect_exit(wait_for(pid), 0, "clone(CLONE_SETTLS): the child gets the slot given");
	c = data_desc(-1, other_block);
	expect_errno(syscall(__NR_clone, SIGCHLD | CLONE_SETTLS, 0, 0, &c, 0), EINVAL,
		     "clone(CLONE_SETTLS) with entry -1 gives EINVAL");
	u.entry_number = TLS_MIN + 1;
	get_thread_area(&u);
	expect_eq(u.base_addr, (unsigned int)other_block, "the parent's slot %d is unchanged",
		  TLS_MIN + 1);

	status = run_self(self, args, NULL, NULL, out, sizeof(out));
	expect_exit(status, 0, "execve");
	ok(!strcmp(out, "gs=0 base=0 present=0\n"), "execve clears %%gs and the TLS slots");
	if (strcmp(out, "gs=0 base=0 present=0\n"))
		printf("#   the new program saw: %s", out);
}

static void test_cleared_under_selector(void)
{
	struct user_desc d = data_desc(TLS_MIN + 2, tls_block), e = empty_desc(TLS_MIN + 2);
	int status;

	set_thread_area(&d);
	__asm__ __volatile__("movl %0, %%fs" : : "r"(SELECTOR(TLS_MIN + 2)));
	expect_eq(set_thread_area(&e), 0, "clearing the slot %%fs uses succeeds");
	expect_eq(get_fs(), 0, "and %%fs is null on return");
	set_gs(SELECTOR(TLS_MIN));
	e = empty_desc(TLS_MIN);
	expect_eq(set_thread_area(&e), 0, "clearing the slot %%gs uses succeeds");
	syscall(__NR_sched_yield);
	ok(1, "the process lives on");
	set_gs(0);
	status = in_child(clear_slot_under_ss, NULL);
	ok(status != -1 && WIFSIGNALED(status),
	   "clearing the slot %%ss uses kills the process with a signal");
	describe_status(status);
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "exec")) {
		check_exec_cleared();
		return 0;
	}
	no_core_dumps();
	test_set_get();
	test_errors();
	test_switches(argv[0]);
	test_cleared_under_selector();
	return tap_done();
}
