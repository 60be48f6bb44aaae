/*
 * clock.c: clock_gettime, gettimeofday and time through the vDSO.
 *
 * The first call looks up __vdso_clock_gettime, __vdso_gettimeofday and
 * __vdso_time (version LINUX_2.6) with __vdso_sym (vdso.c); a function that
 * is found is called directly, without entering the kernel, and one that is
 * not (no vDSO: vm.vdso_enabled=0) is replaced by the system call. The vDSO
 * functions return the system call's convention (0 or -errno; they make the
 * call themselves for clocks they do not serve), so the result goes
 * through __syscall_ret either way.
 *
 * As with glibc and musl, the vDSO writes the result in user mode: a bad
 * pointer is a SIGSEGV there, where the system call returns EFAULT.
 */
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>

void *__vdso_sym(const char *version, const char *name);

static int resolved;
static long (*vdso_clock_gettime)(clockid_t, struct timespec *);
static long (*vdso_gettimeofday)(struct timeval *, struct timezone *);
static long (*vdso_time)(time_t *);

static void resolve(void)
{
	if (resolved)
		return;
	vdso_clock_gettime = __vdso_sym("LINUX_2.6", "__vdso_clock_gettime");
	vdso_gettimeofday = __vdso_sym("LINUX_2.6", "__vdso_gettimeofday");
	vdso_time = __vdso_sym("LINUX_2.6", "__vdso_time");
	resolved = 1;
}

int clock_gettime(clockid_t clk, struct timespec *tp)
{
	resolve();
	if (vdso_clock_gettime)
		return __syscall_ret(vdso_clock_gettime(clk, tp));
	return __syscall_ret(__syscall(__NR_clock_gettime, clk, (long)tp, 0, 0, 0, 0));
}

int gettimeofday(struct timeval *tv, struct timezone *tz)
{
	resolve();
	if (vdso_gettimeofday)
		return __syscall_ret(vdso_gettimeofday(tv, tz));
	return __syscall_ret(__syscall(__NR_gettimeofday, (long)tv, (long)tz, 0, 0, 0, 0));
}

/* time: the vDSO's and the system call's results are the time itself */
time_t time(time_t *tloc)
{
	resolve();
	if (vdso_time)
		return vdso_time(tloc);
	return __syscall_ret(__syscall(__NR_time, (long)tloc, 0, 0, 0, 0, 0));
}
