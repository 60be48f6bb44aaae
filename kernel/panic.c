/*
 * panic: the kernel cannot go on (Linux: kernel/panic.c). It prints the
 * reason and stops. As in Linux, panic=N on the command line restarts
 * after N seconds (negative: at once) instead of halting; yomi "restarts"
 * by powering off with status 255, so scripted runs end.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <asm/processor.h>
#include <asm/reboot.h>

static long panic_timeout;

static int __init panic_setup(char *str)
{
	panic_timeout = simple_strtol(str, NULL, 10);
	return 1;
}
__setup("panic=", panic_setup);

void panic(const char *fmt, ...)
{
	char buf[256];
	va_list args;

	local_irq_disable();
	va_start(args, fmt);
	vsnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	if (panic_timeout) {
		u64 until = sched_clock() +
			    (panic_timeout > 0 ? panic_timeout : 0) * NSEC_PER_SEC;

		while (sched_clock() < until)
			cpu_relax();
		machine_power_off(255);
	}
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	for (;;)
		__asm__ __volatile__("hlt");
}
