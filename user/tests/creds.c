/*
 * test_creds: the user and group ids (kernel/sys.c, kernel/uid16.c).
 * Root sets any id, and setuid as root sets all four; a task that is no
 * longer root may only swap among its real, effective and saved ids;
 * setfsuid answers with the old id; the supplementary groups round-trip
 * through setgroups32/getgroups32; the old 16-bit calls show an id above
 * 65535 as 65534. Each case runs in a child: giving root away is final.
 */
#include "sys.h"

static long sc(long nr, long a, long b, long c)
{
	return syscall(nr, a, b, c);
}

static int root_sets_everything(void *arg)
{
	unsigned int r, e, s;

	(void)arg;
	if (sc(__NR_setgid32, 100, 0, 0) || sc(__NR_getgid32, 0, 0, 0) != 100 ||
	    sc(__NR_getegid32, 0, 0, 0) != 100)
		return 1;
	if (sc(__NR_setresuid32, 1000, 1001, 0))
		return 2;
	sc(__NR_getresuid32, (long)&r, (long)&e, (long)&s);
	if (r != 1000 || e != 1001 || s != 0 || sc(__NR_geteuid32, 0, 0, 0) != 1001)
		return 3;
	if (sc(__NR_setuid32, 5, 0, 0) != -1 || errno != EPERM)
		return 4;	/* no longer root: 5 is none of its ids */
	if (sc(__NR_setuid32, 0, 0, 0))
		return 5;	/* but 0 is its saved id */
	return sc(__NR_geteuid32, 0, 0, 0) == 0 && sc(__NR_getuid32, 0, 0, 0) == 1000 ? 0 : 6;
}

static int setuid_as_root_is_final(void *arg)
{
	gid_t g = 1;

	(void)arg;
	if (sc(__NR_setuid32, 1000, 0, 0))
		return 1;
	if (sc(__NR_setuid32, 0, 0, 0) != -1 || errno != EPERM)
		return 2;
	if (sc(__NR_setgroups32, 1, (long)&g, 0) != -1 || errno != EPERM)
		return 3;
	if (sc(__NR_setfsuid32, 5, 0, 0) != 1000 || sc(__NR_setfsuid32, -1, 0, 0) != 1000)
		return 4;	/* not allowed: stays 1000 */
	return sc(__NR_setreuid32, -1, -1, 0) == 0 ? 0 : 5;
}

static int old_calls_overflow(void *arg)
{
	(void)arg;
	if (sc(__NR_setgid, 42, 0, 0) || sc(__NR_getgid32, 0, 0, 0) != 42)
		return 1;
	if (sc(__NR_setuid32, 70000, 0, 0))
		return 2;
	return sc(__NR_getuid, 0, 0, 0) == 65534 && sc(__NR_getuid32, 0, 0, 0) == 70000 ? 0 : 3;
}

static int groups_round_trip(void *arg)
{
	gid_t set[3] = { 5, 6, 70000 }, got[3] = { 0 };

	(void)arg;
	if (sc(__NR_setgroups32, 3, (long)set, 0))
		return 1;
	if (sc(__NR_getgroups32, 0, 0, 0) != 3)
		return 2;
	if (sc(__NR_getgroups32, 2, (long)got, 0) != -1 || errno != EINVAL)
		return 3;
	if (sc(__NR_getgroups32, 3, (long)got, 0) != 3 || memcmp(got, set, sizeof(set)))
		return 4;
	return sc(__NR_setgroups32, 0, 0, 0) == 0 && sc(__NR_getgroups32, 0, 0, 0) == 0 ? 0 : 5;
}

int main(void)
{
	expect_eq(sc(__NR_getuid32, 0, 0, 0), 0, "init's uid is 0");
	expect_eq(sc(__NR_geteuid, 0, 0, 0), 0, "and its 16-bit euid too");
	expect_eq(sc(__NR_getgroups32, 0, 0, 0), 0, "it has no supplementary groups");
	expect_errno(sc(__NR_getgroups32, -1, 0, 0), EINVAL, "getgroups32(-1): EINVAL");
	expect_errno(sc(__NR_setuid32, -1, 0, 0), EINVAL, "setuid32(-1): EINVAL");
	expect_errno(sc(__NR_getresuid32, 0, 0, 0), EFAULT, "getresuid32(NULL, ...): EFAULT");
	expect_exit(in_child(root_sets_everything, NULL), 0,
		    "root sets any id; then only its own real, effective or saved");
	expect_exit(in_child(setuid_as_root_is_final, NULL), 0,
		    "setuid as root sets all ids, after which root is gone");
	expect_exit(in_child(old_calls_overflow, NULL), 0,
		    "the 16-bit setgid works, and getuid shows uid 70000 as 65534");
	expect_exit(in_child(groups_round_trip, NULL), 0,
		    "setgroups32 and getgroups32 round-trip");
	return tap_done();
}
