/*
 * test_time: time, gettimeofday, clock_gettime and nanosleep.
 *   - the clocks agree with one another and their fields are in range;
 *   - they advance: CLOCK_MONOTONIC never goes back, a 10 ms nanosleep
 *     takes at least 10 ms by both clocks, time() moves after 1.1 s;
 *   - the CPU clocks (CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID)
 *     count the time this process runs: a 20 ms busy loop adds about as
 *     much, and a 10 ms sleep adds almost nothing;
 *   - bad arguments: an unknown clock or a tv_nsec outside 0..999999999
 *     gives EINVAL, every bad pointer EFAULT. NULL is allowed where Linux
 *     allows it (time's tloc, both of gettimeofday's), and nanosleep's rem
 *     is only written when the sleep is interrupted, so a bad rem with an
 *     uninterrupted sleep succeeds, as on Linux.
 * The C library may read the clocks in the vDSO, in user mode, where a bad
 * pointer is a SIGSEGV rather than EFAULT (as with glibc), so the system
 * calls themselves are also called through syscall(): their results must
 * agree with the library's, and the bad pointers go only to them.
 */
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "tap.h"

static long long ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

static long long us(const struct timeval *t)
{
	return t->tv_sec * 1000000LL + t->tv_usec;
}

static void agree_tests(void)
{
	struct timespec rt, mono, mono2;
	struct timeval tv;
	struct timezone tz;
	time_t t = 0, t2;

	t2 = time(&t);
	ok(t2 > 0 && t2 == t, "time returns the time and stores it (%ld)", (long)t);
	expect_eq(gettimeofday(&tv, NULL), 0, "gettimeofday(&tv, NULL) returns 0");
	ok(tv.tv_usec >= 0 && tv.tv_usec < 1000000, "tv_usec is in 0..999999 (%ld)",
	   (long)tv.tv_usec);
	ok(tv.tv_sec - t >= 0 && tv.tv_sec - t <= 1,
	   "gettimeofday agrees with time (%ld, %ld)", (long)tv.tv_sec, (long)t);
	expect_eq(gettimeofday(&tv, &tz), 0, "gettimeofday(&tv, &tz) returns 0");
	expect_eq(gettimeofday(NULL, NULL), 0, "gettimeofday(NULL, NULL) returns 0");
	expect_eq(time(NULL) >= t, 1, "time(NULL) works too");
	expect_eq(clock_gettime(CLOCK_REALTIME, &rt), 0, "clock_gettime(CLOCK_REALTIME)");
	ok(rt.tv_nsec >= 0 && rt.tv_nsec < 1000000000, "tv_nsec is in range (%ld)", rt.tv_nsec);
	ok(rt.tv_sec - tv.tv_sec >= 0 && rt.tv_sec - tv.tv_sec <= 1,
	   "CLOCK_REALTIME agrees with gettimeofday");
	expect_eq(clock_gettime(CLOCK_MONOTONIC, &mono), 0, "clock_gettime(CLOCK_MONOTONIC)");
	ok(mono.tv_nsec >= 0 && mono.tv_nsec < 1000000000, "its tv_nsec is in range");
	expect_eq(clock_gettime(CLOCK_MONOTONIC, &mono2), 0, "clock_gettime again");
	ok(ns(&mono2) >= ns(&mono), "CLOCK_MONOTONIC does not go back");
	expect_errno(clock_gettime(1000, &rt), EINVAL, "clock_gettime(1000) gives EINVAL");
}

/* the system calls directly, whatever path the C library takes */
static void syscall_tests(void)
{
	struct timespec lib, sys;
	struct timeval tv;
	long t;

	clock_gettime(CLOCK_REALTIME, &lib);
	expect_eq(syscall(__NR_clock_gettime, CLOCK_REALTIME, &sys), 0,
		  "the clock_gettime system call (CLOCK_REALTIME)");
	ok(sys.tv_sec - lib.tv_sec >= 0 && sys.tv_sec - lib.tv_sec <= 1 &&
	   sys.tv_nsec >= 0 && sys.tv_nsec < 1000000000, "agrees with clock_gettime()");
	clock_gettime(CLOCK_MONOTONIC, &lib);
	expect_eq(syscall(__NR_clock_gettime, CLOCK_MONOTONIC, &sys), 0,
		  "the clock_gettime system call (CLOCK_MONOTONIC)");
	ok(ns(&sys) >= ns(&lib), "is not behind clock_gettime()");
	expect_eq(syscall(__NR_gettimeofday, &tv, NULL), 0, "the gettimeofday system call");
	ok(tv.tv_sec - lib.tv_sec >= -1 && tv.tv_usec >= 0 && tv.tv_usec < 1000000,
	   "its result is in range");
	/* time() is the coarse clock (the last tick's second): on Linux it
	 * can be a second behind gettimeofday just after a second begins */
	t = syscall(__NR_time, NULL);
	ok(t >= tv.tv_sec - 1 && t <= tv.tv_sec + 1, "the time system call agrees (%ld)", t);
}

static void sleep_tests(void)
{
	struct timespec req = { 0, 10 * 1000000 }, m0, m1, rem;
	struct timeval tv0, tv1;
	time_t t0;

	clock_gettime(CLOCK_MONOTONIC, &m0);
	gettimeofday(&tv0, NULL);
	expect_eq(nanosleep(&req, NULL), 0, "nanosleep of 10 ms returns 0");
	clock_gettime(CLOCK_MONOTONIC, &m1);
	gettimeofday(&tv1, NULL);
	ok(ns(&m1) - ns(&m0) >= 10000000, "it took at least 10 ms on CLOCK_MONOTONIC (%lld us)",
	   (ns(&m1) - ns(&m0)) / 1000);
	ok(us(&tv1) - us(&tv0) >= 10000, "and at least 10 ms by gettimeofday (%lld us)",
	   us(&tv1) - us(&tv0));

	req.tv_nsec = 0;
	expect_eq(nanosleep(&req, &rem), 0, "nanosleep of 0 returns 0");
	req.tv_nsec = 1000000000;
	expect_errno(nanosleep(&req, NULL), EINVAL, "tv_nsec 1000000000 gives EINVAL");
	req.tv_nsec = -1;
	expect_errno(nanosleep(&req, NULL), EINVAL, "tv_nsec -1 gives EINVAL");
	req.tv_sec = -1;
	req.tv_nsec = 0;
	expect_errno(nanosleep(&req, NULL), EINVAL, "tv_sec -1 gives EINVAL");

	t0 = time(NULL);
	req.tv_sec = 1;
	req.tv_nsec = 100 * 1000000;
	nanosleep(&req, NULL);
	ok(time(NULL) > t0, "time advances over a 1.1 s sleep");
}

static long long clock_ns(int clock)
{
	struct timespec t;

	return syscall(__NR_clock_gettime, clock, &t) ? -1 : ns(&t);
}

/* the CPU clocks: busy time counts, sleeping time does not */
static void cputime_tests(void)
{
	static const struct { int id; const char *name; } clocks[] = {
		{ CLOCK_PROCESS_CPUTIME_ID, "CLOCK_PROCESS_CPUTIME_ID" },
		{ CLOCK_THREAD_CPUTIME_ID, "CLOCK_THREAD_CPUTIME_ID" },
	};
	struct timespec sleep = { 0, 10000000 };
	long long cpu0, cpu1, wall0, wall1;
	unsigned int i;

	for (i = 0; i < 2; i++) {
		cpu0 = clock_ns(clocks[i].id);
		wall0 = clock_ns(CLOCK_MONOTONIC);
		do
			wall1 = clock_ns(CLOCK_MONOTONIC);
		while (wall1 - wall0 < 20000000);
		cpu1 = clock_ns(clocks[i].id);
		ok(cpu0 >= 0 && cpu1 - cpu0 >= (wall1 - wall0) / 2 && cpu1 - cpu0 <= wall1 - wall0 + 1000000,
		   "%s: a 20 ms busy loop adds about 20 ms (%lld us)", clocks[i].name, (cpu1 - cpu0) / 1000);
		cpu0 = clock_ns(clocks[i].id);
		nanosleep(&sleep, NULL);
		cpu1 = clock_ns(clocks[i].id);
		ok(cpu1 >= cpu0 && cpu1 - cpu0 < 5000000,
		   "%s: a 10 ms sleep adds less than 5 ms", clocks[i].name);
	}
}

static void pointer_tests(void)
{
	struct timespec req = { 0, 1000 };
	struct timeval tv;
	struct bad_ptr bp[NR_BAD];
	int i, n;

	n = bad_pointers(bp, sizeof(time_t));
	for (i = 1; i < n; i++)		/* NULL is fine for time */
		expect_errno(syscall(__NR_time, bp[i].addr), EFAULT,
			     "time into %s gives EFAULT", bp[i].name);
	n = bad_pointers(bp, sizeof(struct timeval));
	for (i = 1; i < n; i++)
		expect_errno(syscall(__NR_gettimeofday, bp[i].addr, NULL), EFAULT,
			     "gettimeofday's tv at %s gives EFAULT", bp[i].name);
	n = bad_pointers(bp, sizeof(struct timezone));
	for (i = 1; i < n; i++)
		expect_errno(syscall(__NR_gettimeofday, &tv, bp[i].addr), EFAULT,
			     "gettimeofday's tz at %s gives EFAULT", bp[i].name);
	n = bad_pointers(bp, sizeof(struct timespec));
	for (i = 0; i < n; i++)
		expect_errno(syscall(__NR_clock_gettime, CLOCK_MONOTONIC, bp[i].addr), EFAULT,
			     "clock_gettime into %s gives EFAULT", bp[i].name);
	for (i = 0; i < n; i++)
		expect_errno(nanosleep(bp[i].addr, NULL), EFAULT,
			     "nanosleep's req at %s gives EFAULT", bp[i].name);
	for (i = 0; i < n; i++)
		expect_eq(nanosleep(&req, bp[i].addr), 0,
			  "nanosleep's rem at %s is not touched (returns 0)", bp[i].name);
}

int main(void)
{
	agree_tests();
	syscall_tests();
	sleep_tests();
	cputime_tests();
	pointer_tests();
	printf("# still running after all of the above\n");
	return tap_done();
}
