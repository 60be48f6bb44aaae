/* The timer tick count and the nanosecond clock. */
#ifndef _LINUX_JIFFIES_H
#define _LINUX_JIFFIES_H

#include <linux/types.h>

#define HZ 100
#define NSEC_PER_SEC 1000000000ULL
#define NSEC_PER_MSEC 1000000ULL
#define NSEC_PER_USEC 1000ULL
#define USER_HZ 100		/* the clock ticks of times() (clock_t) */
#define TICK_NSEC (NSEC_PER_SEC / HZ)	/* one tick's length */

extern volatile unsigned long jiffies;
extern unsigned long tsc_khz;
extern u64 tick_ns;

void time_init(void);
void tsc_init(void);
u64 sched_clock(void);		/* ns since boot, from the TSC */
void do_timer(void);
void run_timers(void);
bool timers_pending(void);
void it_real_fn(u64 now);	/* kernel/time/itimer.c */
bool itimers_pending(void);
void tick_nohz_idle_enter(void);
void tick_nohz_idle_exit(void);
u64 schedule_timeout_interruptible(u64 ns);
#define MAX_SCHEDULE_TIMEOUT ((u64)-1)	/* schedule_timeout: sleep until woken */
u64 schedule_timeout(u64 ns);
void update_process_times(int user_tick);

/* nsec_to_clock_t: ns as clock_t, the USER_HZ ticks of times() */
static inline unsigned long nsec_to_clock_t(u64 ns)
{
	return (unsigned long)(ns / (NSEC_PER_SEC / USER_HZ));
}

#endif
