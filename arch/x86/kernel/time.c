/*
 * The periodic tick (Linux: arch/x86/kernel/time.c and i8253.c): PIT
 * channel 0 interrupts HZ times a second on IRQ 0, and each interrupt
 * brings jiffies up to date. While the CPU idles with no sleeper waiting
 * for a time, the tick is stopped (Linux: NO_HZ_IDLE, kernel/time/tick-sched.c).
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/vvar.h>

#define PIT_TICK_RATE 1193182UL
#define LATCH ((PIT_TICK_RATE + HZ / 2) / HZ)
#define PIT_RATE_GENERATOR 0x34		/* channel 0, lobyte/hibyte, mode 2 */
#define PIT_ONESHOT 0x30		/* channel 0, lobyte/hibyte, mode 0 */

volatile unsigned long jiffies;
u64 tick_ns;	/* sched_clock() at the last tick: the "coarse" clocks */
static bool tick_stopped;

/*
 * do_timer: jiffies counts ticks of the TSC clock rather than interrupts,
 * so a stopped tick (idle) leaves no gap when it restarts.
 */
void do_timer(void)
{
	tick_ns = sched_clock();
	jiffies = (unsigned long)(tick_ns / (NSEC_PER_SEC / HZ));
}

static void pit_program(unsigned int mode, unsigned int count)
{
	outb(mode, 0x43);
	outb(count & 0xff, 0x40);
	outb(count >> 8, 0x40);
}

static void timer_interrupt(int irq, struct pt_regs *regs)
{
	(void)irq;
	do_timer();
	update_vsyscall();
	update_process_times(user_mode(regs));
}

/*
 * tick_nohz_idle_enter: the idle loop, interrupts off, nothing to run. If no
 * sleeper waits for a time, the tick has no work: PIT channel 0 goes to
 * one-shot mode (count 0 = 65536, 55 ms), fires once more at most, and
 * the CPU sleeps until a device interrupts. Under QEMU's -icount
 * sleep=off an idle guest then really waits instead of racing through
 * ticks. Linux programs the next timer's expiry; yomi keeps ticking
 * while anyone sleeps.
 */
void tick_nohz_idle_enter(void)
{
	if (tick_stopped || timers_pending())
		return;
	pit_program(PIT_ONESHOT, 0);
	tick_stopped = true;
}

/* tick_nohz_idle_exit: the idle loop found a task to run: tick again. */
void tick_nohz_idle_exit(void)
{
	if (!tick_stopped)
		return;
	tick_stopped = false;
	pit_program(PIT_RATE_GENERATOR, LATCH);
	do_timer();
	update_vsyscall();
}

void time_init(void)
{
	pit_program(PIT_RATE_GENERATOR, LATCH);
	request_irq(TIMER_IRQ, timer_interrupt, "timer");
}
