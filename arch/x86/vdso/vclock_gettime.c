/*
 * Time without a system call (Linux: arch/x86/entry/vdso/vclock_gettime.c).
 * These functions run in user mode inside the vDSO and read the vvar
 * page, which the linker script places one page below the vDSO: the TSC
 * conversion there is the kernel's own (cycles_to_ns), so the vDSO and
 * clock_gettime(2) give the same times. The sequence counter makes each
 * read consistent with one kernel update.
 */
#include <linux/math64.h>
#include <linux/time.h>
#include <asm/vvar.h>

/* the vvar page, addressed relative to the vDSO's own code */
extern const struct vdso_data vvar_page __attribute__((visibility("hidden")));

static inline u64 rdtsc_ordered(void)
{
	u32 lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((u64)hi << 32) | lo;
}

/* read_clock: monotonic and wall-clock nanoseconds, consistently */
static void read_clock(u64 *mono, u64 *real, u64 *coarse)
{
	const struct vdso_data *vd = &vvar_page;
	u32 seq;

	do {
		seq = vd->seq;
		__asm__ __volatile__("" ::: "memory");
		*mono = cycles_to_ns(rdtsc_ordered() - vd->tsc_at_boot, vd->cyc2ns_mul);
		*real = vd->boot_time_ns;
		*coarse = vd->coarse_mono_ns;
		__asm__ __volatile__("" ::: "memory");
	} while ((seq & 1) || seq != vd->seq);
	*real += *mono;
}

/* vdso_syscall: the fallback for clocks the vDSO does not serve */
static long vdso_syscall2(long nr, long a, long b)
{
	long ret;

	__asm__ __volatile__("pushl %%ebx\n\tmovl %2, %%ebx\n\tint $0x80\n\tpopl %%ebx"
			     : "=a"(ret) : "0"(nr), "r"(a), "c"(b) : "memory");
	return ret;
}

int __vdso_clock_gettime(int clock, struct timespec *ts)
{
	u64 mono, real, coarse, ns;

	read_clock(&mono, &real, &coarse);
	switch (clock) {
	case CLOCK_REALTIME:
		ns = real;
		break;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_BOOTTIME:
		ns = mono;
		break;
	case CLOCK_MONOTONIC_COARSE:
		ns = coarse;
		break;
	case CLOCK_REALTIME_COARSE:
		ns = real - mono + coarse;
		break;
	default:
		return vdso_syscall2(265 /* __NR_clock_gettime */, clock, (long)ts);
	}
	ts->tv_sec = (long)div_u64_rem(ns, 1000000000, (u32 *)&ts->tv_nsec);
	return 0;
}

int __vdso_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	u64 mono, real, coarse;

	if (tv) {
		u32 ns;

		read_clock(&mono, &real, &coarse);
		tv->tv_sec = (long)div_u64_rem(real, 1000000000, &ns);
		tv->tv_usec = ns / 1000;
	}
	if (tz) {
		tz->tz_minuteswest = 0;
		tz->tz_dsttime = 0;
	}
	return 0;
}

long __vdso_time(long *t)
{
	u64 mono, real, coarse;
	u32 ns;
	long sec;

	read_clock(&mono, &real, &coarse);
	sec = (long)div_u64_rem(real, 1000000000, &ns);
	if (t)
		*t = sec;
	return sec;
}
