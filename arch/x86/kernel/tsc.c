/*
 * The time stamp counter as a nanosecond clock (Linux: arch/x86/kernel/tsc.c).
 * tsc_init measures the TSC against a known interval of PIT channel 2 (the
 * way Linux's pit_calibrate_tsc does), then sched_clock converts cycles to
 * nanoseconds with a multiply and a shift instead of a division
 * (cycles_to_ns in asm/vvar.h, shared with the vDSO).
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <asm/io.h>
#include <asm/processor.h>
#include <asm/tsc.h>
#include <asm/vvar.h>

#define PIT_TICK_RATE 1193182UL
#define CALIBRATE_MS 5

unsigned long tsc_khz;
u64 tsc_at_boot;
u32 cyc2ns_mul;

void tsc_init(void)
{
	unsigned long latch = PIT_TICK_RATE * CALIBRATE_MS / 1000;
	u64 t1, t2;

	tsc_at_boot = rdtsc();
	/* gate channel 2 on, speaker off; mode 0 counts down once */
	outb((inb(0x61) & ~0x02) | 0x01, 0x61);
	outb(0xb0, 0x43);
	outb(latch & 0xff, 0x42);
	outb(latch >> 8, 0x42);
	t1 = rdtsc();
	while (!(inb(0x61) & 0x20))
		;
	t2 = rdtsc();
	tsc_khz = (unsigned long)((t2 - t1) / CALIBRATE_MS);
	if (!tsc_khz)
		tsc_khz = 1;
	cyc2ns_mul = (u32)((1000000ULL << CYC2NS_SHIFT) / tsc_khz);
	pr_info("tsc: Detected %lu.%03lu MHz processor\n", tsc_khz / 1000, tsc_khz % 1000);
}

/* sched_clock: nanoseconds since tsc_init (0 before it). */
u64 sched_clock(void)
{
	return cycles_to_ns(rdtsc() - tsc_at_boot, cyc2ns_mul);
}
