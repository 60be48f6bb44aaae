/*
 * test_prlimit: prlimit64 (340), which bash's ulimit uses: it reads a
 * limit as 64-bit values (infinity is all ones), sets one that getrlimit
 * then reports, and refuses what setrlimit refuses (EINVAL), an unknown
 * pid (ESRCH) and bad pointers (EFAULT).
 */
#include "sys.h"

struct rlimit64 {
	unsigned long long cur, max;
};

static long prlimit64(int pid, int res, const struct rlimit64 *n, struct rlimit64 *o)
{
	return syscall(__NR_prlimit64, pid, res, n, o);
}

int main(void)
{
	struct rlimit64 old, n;
	struct rlimit r;

	getrlimit(RLIMIT_STACK, &r);
	expect_eq(prlimit64(0, RLIMIT_STACK, NULL, &old), 0, "prlimit64 reads RLIMIT_STACK");
	ok(old.cur == r.rlim_cur && (r.rlim_max == RLIM_INFINITY ? old.max == ~0ULL :
					  old.max == r.rlim_max), "as getrlimit has it");
	n.cur = ~0ULL;
	n.max = ~0ULL;
	expect_eq(prlimit64(getpid(), RLIMIT_STACK, &n, &old), 0, "sets it to infinity");
	getrlimit(RLIMIT_STACK, &r);
	ok(r.rlim_cur == RLIM_INFINITY, "which getrlimit shows as RLIM_INFINITY");
	n.cur = 8 << 20;
	expect_eq(prlimit64(0, RLIMIT_STACK, &n, &old), 0, "sets 8 MiB");
	ok(old.cur == ~0ULL, "and says the old limit was infinity");
	getrlimit(RLIMIT_STACK, &r);
	expect_eq(r.rlim_cur, 8 << 20, "getrlimit shows 8 MiB");
	n.cur = 2;
	n.max = 1;
	expect_errno(prlimit64(0, RLIMIT_STACK, &n, NULL), EINVAL, "soft above hard: EINVAL");
	expect_errno(prlimit64(0, 99, NULL, &old), EINVAL, "resource 99: EINVAL");
	expect_errno(prlimit64(99999, RLIMIT_STACK, NULL, &old), ESRCH, "pid 99999: ESRCH");
	expect_errno(prlimit64(0, RLIMIT_STACK, NULL, (void *)0xc0000000), EFAULT,
		     "into the kernel: EFAULT");
	return tap_done();
}
