/*
 * test_time64: the 64-bit time calls glibc uses first on i386:
 * clock_gettime64 (403) agrees with clock_gettime, clock_getres_time64
 * (406) and clock_getres give a positive resolution, clock_nanosleep_time64
 * (407) sleeps for a time and until one (TIMER_ABSTIME); bad clocks and
 * times are EINVAL, bad pointers EFAULT; the old clock_nanosleep (267,
 * 32-bit seconds) sleeps too. set_robust_list takes only its
 * 12-byte head, and get_robust_list gives it back.
 */
#include "sys.h"

struct kts64 {
	long long tv_sec, tv_nsec;
};

static long gettime64(int clk, struct kts64 *ts)
{
	return syscall(__NR_clock_gettime64, clk, ts);
}

static long nanosleep64(int clk, int flags, const struct kts64 *req, struct kts64 *rem)
{
	return syscall(__NR_clock_nanosleep_time64, clk, flags, req, rem);
}

static long long ns64(const struct kts64 *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static void test_clocks(void)
{
	struct kts64 a, r;
	struct timespec t;

	expect_eq(gettime64(CLOCK_REALTIME, &a), 0, "clock_gettime64(CLOCK_REALTIME)");
	clock_gettime(CLOCK_REALTIME, &t);
	ok(a.tv_sec > 1500000000 && t.tv_sec - a.tv_sec <= 1, "agrees with clock_gettime");
	expect_eq(gettime64(CLOCK_MONOTONIC, &a), 0, "clock_gettime64(CLOCK_MONOTONIC)");
	ok(a.tv_nsec >= 0 && a.tv_nsec < 1000000000, "tv_nsec is in range");
	expect_errno(gettime64(100, &a), EINVAL, "clock 100: EINVAL");
	expect_errno(gettime64(CLOCK_REALTIME, (void *)0xc0000000), EFAULT,
		     "a kernel buffer: EFAULT");
	expect_eq(syscall(__NR_clock_getres_time64, CLOCK_MONOTONIC, &r), 0,
		  "clock_getres_time64(CLOCK_MONOTONIC)");
	ok(r.tv_sec == 0 && r.tv_nsec > 0, "a positive resolution under a second");
	expect_eq(syscall(__NR_clock_getres, CLOCK_MONOTONIC_COARSE, &t), 0,
		  "clock_getres(CLOCK_MONOTONIC_COARSE)");
	ok(t.tv_sec == 0 && t.tv_nsec >= 1000000, "the coarse clock's is a tick");
	expect_eq(syscall(__NR_clock_getres, CLOCK_REALTIME, NULL), 0, "clock_getres(NULL)");
	expect_errno(syscall(__NR_clock_getres_time64, 100, &r), EINVAL, "clock 100: EINVAL");
}

static void test_sleep(void)
{
	struct kts64 a, b, req = { 0, 20000000 };

	gettime64(CLOCK_MONOTONIC, &a);
	expect_eq(nanosleep64(CLOCK_MONOTONIC, 0, &req, NULL), 0, "sleep 20 ms");
	gettime64(CLOCK_MONOTONIC, &b);
	ok(ns64(&b) - ns64(&a) >= 20000000, "at least 20 ms passed");
	req.tv_sec = b.tv_sec;
	req.tv_nsec = b.tv_nsec + 20000000;
	if (req.tv_nsec >= 1000000000) {
		req.tv_sec++;
		req.tv_nsec -= 1000000000;
	}
	expect_eq(nanosleep64(CLOCK_MONOTONIC, TIMER_ABSTIME, &req, NULL), 0,
		  "sleep until 20 ms from now (TIMER_ABSTIME)");
	gettime64(CLOCK_MONOTONIC, &a);
	ok(ns64(&a) >= ns64(&req), "and wake after it");
	req.tv_sec = 0;
	expect_eq(nanosleep64(CLOCK_MONOTONIC, TIMER_ABSTIME, &req, NULL), 0,
		  "a time in the past returns at once");
	req.tv_nsec = 1000000000;
	expect_errno(nanosleep64(CLOCK_MONOTONIC, 0, &req, NULL), EINVAL,
		     "tv_nsec of a second: EINVAL");
	expect_errno(nanosleep64(CLOCK_MONOTONIC, 0, (void *)0xc0000000, NULL), EFAULT,
		     "a kernel pointer: EFAULT");
	expect_errno(nanosleep64(100, 0, &req, NULL), EINVAL, "clock 100: EINVAL");
}

/* clock_nanosleep (267): busybox's static glibc sleeps with it */
static void test_sleep32(void)
{
	struct kts64 a, b;
	struct timespec req = { 0, 20000000 };

	gettime64(CLOCK_MONOTONIC, &a);
	expect_eq(syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC, 0, &req, NULL), 0,
		  "clock_nanosleep (267): sleep 20 ms");
	gettime64(CLOCK_MONOTONIC, &b);
	ok(ns64(&b) - ns64(&a) >= 20000000, "at least 20 ms passed");
	expect_errno(syscall(__NR_clock_nanosleep, CLOCK_MONOTONIC, 0, (void *)0xc0000000, NULL),
		     EFAULT, "clock_nanosleep (267): a kernel pointer: EFAULT");
}

static void test_robust_list(void)
{
	static long head[3];
	void *got = NULL;
	size_t len = 0;

	expect_eq(syscall(__NR_set_robust_list, head, 12), 0, "set_robust_list(head, 12)");
	expect_errno(syscall(__NR_set_robust_list, head, 16), EINVAL, "a size of 16: EINVAL");
	expect_eq(syscall(__NR_get_robust_list, 0, &got, &len), 0, "get_robust_list(0)");
	ok(got == head && len == 12, "gives the head back");
	expect_errno(syscall(__NR_get_robust_list, 0, (void *)0xc0000000, &len), EFAULT,
		     "into the kernel: EFAULT");
}

int main(void)
{
	test_clocks();
	test_sleep();
	test_sleep32();
	test_robust_list();
	return tap_done();
}
