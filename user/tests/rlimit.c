/*
 * test_rlimit: getrlimit (the old 76), ugetrlimit (191) and setrlimit (75).
 *   - ugetrlimit reports every resource with soft <= hard (RLIM_INFINITY,
 *     ~0UL, counting as the largest);
 *   - the old getrlimit reports the same values clamped to 0x7fffffff, as
 *     Linux's sys_old_getrlimit does for i386;
 *   - a resource number of RLIM_NLIMITS or more gives EINVAL;
 *   - setrlimit round-trips a lowered soft limit, refuses a soft limit above
 *     the hard one with EINVAL, and the old value can be put back; at the
 *     end the hard limit is lowered (to 20000 if it was infinite) and a
 *     soft limit one above it must give EINVAL;
 *   - every bad struct rlimit pointer gives EFAULT.
 * RLIMIT_CORE is the one changed: nothing here depends on it.
 */
#include <procfs.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "tap.h"

static int old_getrlimit(int resource, struct rlimit *r)
{
	return syscall(__NR_getrlimit, resource, r);
}

static void get_tests(void)
{
	struct rlimit r, old;
	int res, good = 1, clamped = 1;

	for (res = 0; res < RLIM_NLIMITS; res++) {
		if (getrlimit(res, &r) || r.rlim_cur > r.rlim_max) {
			printf("#   resource %d: %s, %#lx > %#lx\n", res, strerror(errno),
			       r.rlim_cur, r.rlim_max);
			good = 0;
			continue;
		}
		if (old_getrlimit(res, &old) ||
		    old.rlim_cur != (r.rlim_cur > 0x7fffffff ? 0x7fffffff : r.rlim_cur) ||
		    old.rlim_max != (r.rlim_max > 0x7fffffff ? 0x7fffffff : r.rlim_max)) {
			printf("#   resource %d: old getrlimit gives %#lx/%#lx for %#lx/%#lx\n",
			       res, old.rlim_cur, old.rlim_max, r.rlim_cur, r.rlim_max);
			clamped = 0;
		}
	}
	ok(good, "getrlimit (ugetrlimit) of every resource: soft <= hard");
	ok(clamped, "old getrlimit gives the same values clamped to 0x7fffffff");
	getrlimit(RLIMIT_STACK, &r);
	printf("# RLIMIT_STACK: soft %#lx, hard %#lx\n", r.rlim_cur, r.rlim_max);
	expect_errno(getrlimit(RLIM_NLIMITS, &r), EINVAL, "getrlimit(RLIM_NLIMITS) gives EINVAL");
	expect_errno(getrlimit(-1, &r), EINVAL, "getrlimit(-1) gives EINVAL");
	expect_errno(old_getrlimit(RLIM_NLIMITS, &r), EINVAL,
		     "old getrlimit(RLIM_NLIMITS) gives EINVAL");
}

/* the limits every process starts with: Linux 6.1's (init/init_task.c's
 * INIT_RLIMITS; RLIMIT_NPROC and RLIMIT_SIGPENDING are half of
 * kernel.threads-max, which is sized from memory) */
static void default_tests(void)
{
	static const struct { int res; const char *name; rlim_t cur, max; } defaults[] = {
		{ RLIMIT_CPU, "RLIMIT_CPU", RLIM_INFINITY, RLIM_INFINITY },
		{ RLIMIT_FSIZE, "RLIMIT_FSIZE", RLIM_INFINITY, RLIM_INFINITY },
		{ RLIMIT_DATA, "RLIMIT_DATA", RLIM_INFINITY, RLIM_INFINITY },
		{ RLIMIT_STACK, "RLIMIT_STACK", 8 << 20, RLIM_INFINITY },
		{ RLIMIT_CORE, "RLIMIT_CORE", 0, RLIM_INFINITY },
		{ RLIMIT_RSS, "RLIMIT_RSS", RLIM_INFINITY, RLIM_INFINITY },
		{ RLIMIT_NOFILE, "RLIMIT_NOFILE", 1024, 4096 },
		{ RLIMIT_MEMLOCK, "RLIMIT_MEMLOCK", 8 << 20, 8 << 20 },
		{ RLIMIT_AS, "RLIMIT_AS", RLIM_INFINITY, RLIM_INFINITY },
		{ RLIMIT_MSGQUEUE, "RLIMIT_MSGQUEUE", 819200, 819200 },
	};
	char buf[32];
	struct rlimit r, nproc, sigpending;
	unsigned int i;
	long threads;

	for (i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++) {
		getrlimit(defaults[i].res, &r);
		ok(r.rlim_cur == defaults[i].cur && r.rlim_max == defaults[i].max,
		   "%s starts at %#lx, hard %#lx (%#lx, %#lx)", defaults[i].name, defaults[i].cur,
		   defaults[i].max, r.rlim_cur, r.rlim_max);
	}
	threads = read_file("/proc/sys/kernel/threads-max", buf, sizeof(buf)) > 0 ? atol(buf) : -1;
	getrlimit(RLIMIT_NPROC, &nproc);
	getrlimit(RLIMIT_SIGPENDING, &sigpending);
	ok(threads > 0 && nproc.rlim_cur == (rlim_t)threads / 2 && nproc.rlim_max == nproc.rlim_cur,
	   "RLIMIT_NPROC is half of kernel.threads-max (%lu of %ld)", nproc.rlim_cur, threads);
	ok(sigpending.rlim_cur == nproc.rlim_cur && sigpending.rlim_max == nproc.rlim_max,
	   "RLIMIT_SIGPENDING is RLIMIT_NPROC (%lu)", sigpending.rlim_cur);
}

static void set_tests(void)
{
	struct rlimit saved, r, got;

	if (!ok(getrlimit(RLIMIT_CORE, &saved) == 0, "getrlimit(RLIMIT_CORE)"))
		return;
	r.rlim_max = saved.rlim_max;
	r.rlim_cur = saved.rlim_max == RLIM_INFINITY || saved.rlim_max > 12345 ?
		12345 : saved.rlim_max;
	expect_eq(setrlimit(RLIMIT_CORE, &r), 0, "setrlimit(RLIMIT_CORE, soft %lu)", r.rlim_cur);
	memset(&got, 0, sizeof(got));
	getrlimit(RLIMIT_CORE, &got);
	ok(got.rlim_cur == r.rlim_cur && got.rlim_max == r.rlim_max,
	   "getrlimit gives back what setrlimit set (%lu/%#lx)", got.rlim_cur, got.rlim_max);

	r.rlim_cur = 2000;
	r.rlim_max = 1000;
	expect_errno(setrlimit(RLIMIT_CORE, &r), EINVAL,
		     "soft 2000 with hard 1000 in one call gives EINVAL");
	got.rlim_cur = 0;
	getrlimit(RLIMIT_CORE, &got);
	expect_eq(got.rlim_cur, 12345 < saved.rlim_max ? 12345 : saved.rlim_max,
		  "the refused call changed nothing");
	expect_errno(setrlimit(RLIM_NLIMITS, &saved), EINVAL, "setrlimit(RLIM_NLIMITS) gives EINVAL");
	expect_eq(setrlimit(RLIMIT_CORE, &saved), 0, "the old limit can be restored");

	/* Last, as lowering a hard limit cannot be undone without privilege:
	 * with a finite hard limit, a soft limit above it is refused. */
	r.rlim_max = saved.rlim_max;
	if (r.rlim_max == RLIM_INFINITY) {
		r.rlim_max = r.rlim_cur = 20000;
		expect_eq(setrlimit(RLIMIT_CORE, &r), 0, "the hard limit can be lowered to 20000");
	}
	r.rlim_cur = r.rlim_max + 1;
	expect_errno(setrlimit(RLIMIT_CORE, &r), EINVAL,
		     "raising the soft limit above the hard one (%lu) gives EINVAL", r.rlim_max);
}

static void pointer_tests(void)
{
	struct bad_ptr bp[NR_BAD];
	int i, n;

	n = bad_pointers(bp, sizeof(struct rlimit));
	for (i = 0; i < n; i++) {
		expect_errno(getrlimit(RLIMIT_NOFILE, bp[i].addr), EFAULT,
			     "getrlimit into %s gives EFAULT", bp[i].name);
		expect_errno(old_getrlimit(RLIMIT_NOFILE, bp[i].addr), EFAULT,
			     "old getrlimit into %s gives EFAULT", bp[i].name);
		expect_errno(setrlimit(RLIMIT_CORE, bp[i].addr), EFAULT,
			     "setrlimit from %s gives EFAULT", bp[i].name);
	}
}

int main(void)
{
	get_tests();
	default_tests();
	set_tests();
	pointer_tests();
	printf("# still running after all of the above\n");
	return tap_done();
}
