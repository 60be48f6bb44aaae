/*
 * The periodic tick (Linux: arch/x86/kernel/time.c and i8253.c): PIT
 * channel 0 interrupts HZ times a second on IRQ 0, and each interrupt
 * advances jiffies. Linux can run tickless; yomi always ticks.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/vvar.h>

#define PIT_TICK_RATE 1193182UL
#define LATCH ((PIT_TICK_RATE + HZ / 2) / HZ)

volatile unsigned long jiffies;
u64 tick_ns;	/* sched_clock() at the last tick: the "coarse" clocks */

void do_timer(void)
{
	jiffies++;
	tick_ns = sched_clock();
}

static void timer_interrupt(int irq, struct pt_regs *regs)
{
	(void)irq;
	(void)regs;
	do_timer();
	update_vsyscall();
	run_timers();
	scheduler_tick();
}

void time_init(void)
{
	outb(0x34, 0x43);		/* channel 0, lobyte/hibyte, rate generator */
	outb(LATCH & 0xff, 0x40);
	outb(LATCH >> 8, 0x40);
	request_irq(TIMER_IRQ, timer_interrupt, "timer");
}
