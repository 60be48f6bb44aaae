/*
 * test_fpu: the x87 and SSE registers. SSE2 instructions run at all (the
 * kernel set CR4.OSFXSR); every process keeps its own x87, SSE and MXCSR
 * state across context switches; fork's child starts with its parent's
 * registers and execve with fninit's (control word 0x37f, MXCSR 0x1f80);
 * AT_HWCAP says what CPUID says; an unmasked SIMD or x87 exception kills
 * with SIGFPE (CR4.OSXMMEXCPT, CR0.NE).
 */
#include <sys/auxv.h>
#include "sys.h"

/* The program is built without SSE, so the compiler neither uses the xmm
 * registers nor lets an asm statement name them as clobbered. */
typedef struct { unsigned int w[4]; } __attribute__((aligned(16))) xmm_t;

static void cpuid1(unsigned int *edx)
{
	unsigned int a, b, c;

	__asm__ __volatile__("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(*edx) : "a"(1), "c"(0));
}

static unsigned int get_mxcsr(void)
{
	unsigned int v;

	__asm__ __volatile__("stmxcsr %0" : "=m"(v));
	return v;
}

static void set_mxcsr(unsigned int v)
{
	__asm__ __volatile__("ldmxcsr %0" : : "m"(v));
}

/* load_xmm/store_xmm: xmm0 and xmm7, the first and the last register */
static void load_xmm(const xmm_t *a, const xmm_t *b)
{
	__asm__ __volatile__("movdqa %0, %%xmm0\n\tmovdqa %1, %%xmm7" : : "m"(*a), "m"(*b));
}

static void store_xmm(xmm_t *a, xmm_t *b)
{
	__asm__ __volatile__("movdqa %%xmm0, %0\n\tmovdqa %%xmm7, %1" : "=m"(*a), "=m"(*b));
}

static int sse2_runs(void *arg)
{
	xmm_t x = { { 1, 2, 3, 4 } }, y = { { 10, 20, 30, 40 } };

	(void)arg;
	__asm__ __volatile__("movdqa %1, %%xmm1\n\tpaddd %2, %%xmm1\n\tmovdqa %%xmm1, %0"
			     : "=m"(x) : "m"(x), "m"(y));
	return x.w[0] == 11 && x.w[3] == 44 ? 0 : 1;
}

/*
 * hold_registers: load xmm0, xmm7, st0 and MXCSR with values made from
 * seed, then yield the CPU many times (another process does the same),
 * checking after each that the values are still there; 0 if they always
 * were. The C library is built without SSE, so only the switches can
 * change them.
 */
static int hold_registers(unsigned int seed)
{
	xmm_t a = { { seed, seed + 1, seed + 2, seed + 3 } }, b = { { ~seed, 0, seed, ~0u } };
	xmm_t ra, rb;
	unsigned int mxcsr = 0x1f80 | ((seed & 3) << 13);	/* the rounding mode */
	double st = seed * 1.5, got;
	int i;

	load_xmm(&a, &b);
	set_mxcsr(mxcsr);
	__asm__ __volatile__("fldl %0" : : "m"(st));
	for (i = 0; i < 100; i++) {
		syscall(__NR_sched_yield);
		store_xmm(&ra, &rb);
		if (memcmp(&ra, &a, 16) || memcmp(&rb, &b, 16) || get_mxcsr() != mxcsr)
			return 1;
	}
	__asm__ __volatile__("fstpl %0" : "=m"(got));
	return got == st ? 0 : 2;
}

static void test_switches(void)
{
	pid_t pid = sys_fork();
	int mine;

	if (pid == 0)
		_exit(hold_registers(0x5000));
	mine = hold_registers(0x7001);
	expect_eq(mine, 0, "xmm0, xmm7, st0 and MXCSR survive 100 switches");
	expect_exit(wait_for(pid), 0, "in the other process too");
}

static int child_sees_parent(void *arg)
{
	xmm_t ra, rb, *want = arg;

	store_xmm(&ra, &rb);
	if (memcmp(&ra, want, 16))
		return 1;
	return get_mxcsr() == 0x3f80 && get_fcw() == 0x27f ? 0 : 2;
}

static void test_fork_and_exec(const char *self)
{
	xmm_t a = { { 0xdead, 0xbeef, 7, 8 } }, b = { { 0 } };
	const char *args[] = { "exec", NULL };
	char out[128];

	load_xmm(&a, &b);
	set_mxcsr(0x3f80);
	set_fcw(0x27f);
	expect_exit(in_child(child_sees_parent, &a), 0,
		    "fork: the child has the parent's xmm0, MXCSR and x87 control word");
	expect_exit(run_self(self, args, NULL, NULL, out, sizeof(out)), 0, "execve");
	ok(!strcmp(out, "fcw=0x37f mxcsr=0x1f80 xmm0=0\n"),
	   "execve starts with fninit's state and zero SSE registers");
	if (strcmp(out, "fcw=0x37f mxcsr=0x1f80 xmm0=0\n"))
		printf("#   the new program saw: %s", out);
	set_mxcsr(0x1f80);
	set_fcw(0x37f);
}

static int simd_divide_by_zero(void *arg)
{
	static const float one = 1.0f, zero = 0.0f;

	(void)arg;
	set_mxcsr(0x1f80 & ~(1 << 9));	/* unmask divide-by-zero */
	__asm__ __volatile__("movss %0, %%xmm0\n\tdivss %1, %%xmm0" : : "m"(one), "m"(zero));
	return 0;
}

static int x87_divide_by_zero(void *arg)
{
	static const double one = 1.0, zero = 0.0;
	double r;

	(void)arg;
	set_fcw(0x37f & ~(1 << 2));	/* unmask divide-by-zero */
	__asm__ __volatile__("fldl %1\n\tfdivl %2\n\tfstpl %0\n\tfwait"
			     : "=m"(r) : "m"(one), "m"(zero));
	return 0;
}

int main(int argc, char **argv)
{
	unsigned int edx;
	unsigned long hwcap;
	int status;

	if (argc > 1 && !strcmp(argv[1], "exec")) {
		xmm_t a, b;

		store_xmm(&a, &b);
		printf("fcw=%#x mxcsr=%#x xmm0=%x\n", get_fcw(), get_mxcsr(),
		       a.w[0] | a.w[1] | a.w[2] | a.w[3]);
		return 0;
	}
	no_core_dumps();
	cpuid1(&edx);
	hwcap = getauxval(AT_HWCAP);
	expect_eq(hwcap & (7u << 24), edx & (7u << 24),
		  "AT_HWCAP's fxsr, sse and sse2 bits are CPUID's");
	if (!(edx & (1u << 26))) {
		skip("no SSE2 on this CPU", "the SSE tests");
		return tap_done();
	}
	expect_exit(in_child(sse2_runs, NULL), 0, "an SSE2 instruction (paddd) runs");
	test_switches();
	test_fork_and_exec(argv[0]);
	status = in_child(simd_divide_by_zero, NULL);
	if (status == 0)	/* QEMU's TCG never raises exception 19 */
		skip("this CPU raises no SIMD exceptions", "an unmasked SSE divide by zero");
	else
		expect_killed(status, SIGFPE, "an unmasked SSE divide by zero");
	expect_killed(in_child(x87_divide_by_zero, NULL), SIGFPE,
		      "an unmasked x87 divide by zero");
	return tap_done();
}
