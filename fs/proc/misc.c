/*
 * /proc/meminfo, buddyinfo, uptime, version, stat, cpuinfo and slabinfo
 * (Linux: fs/proc/meminfo.c, mm/vmstat.c, uptime.c, version.c, stat.c,
 * cpuinfo.c). What cpuinfo and slabinfo print comes from the code that
 * knows: arch/x86/kernel/cpu/proc.c and mm/slab.c.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/kernel_stat.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/time.h>


static int meminfo_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_printf(m, "MemTotal:       %8lu kB\nMemFree:        %8lu kB\nMemAvailable:   %8lu kB\n",
		   totalram_pages << (PAGE_SHIFT - 10), nr_free_pages() << (PAGE_SHIFT - 10),
		   nr_free_pages() << (PAGE_SHIFT - 10));
	return 0;
}

/*
 * buddyinfo: the free blocks of each order, as Linux prints them per zone;
 * yomi has one zone, which it calls Normal.
 */
static int buddyinfo_show(struct seq_file *m, void *v)
{
	unsigned int order;

	(void)v;
	seq_printf(m, "Node 0, zone %8s ", "Normal");
	for (order = 0; order < MAX_ORDER; order++)
		seq_printf(m, "%6lu ", nr_free_blocks(order));
	seq_putc(m, '\n');
	return 0;
}

/* uptime: seconds since boot, and (Linux: summed over CPUs) idle seconds */
static int uptime_show(struct seq_file *m, void *v)
{
	u64 ns = sched_clock();

	(void)v;
	seq_printf(m, "%lu.%02lu 0.00\n", (unsigned long)(ns / NSEC_PER_SEC),
		   (unsigned long)(ns % NSEC_PER_SEC / 10000000));
	return 0;
}

static int version_show(struct seq_file *m, void *v)
{
	(void)v;
	seq_puts(m, linux_banner);
	return 0;
}

/*
 * stat: the CPU's user, nice, system and idle time in USER_HZ (100) ticks,
 * for the whole machine (cpu) and its one CPU (cpu0), and btime, the boot's
 * wall-clock second, which procps needs to date processes. Idle is the
 * time since boot the tasks were not charged with (the idle loop stops the
 * tick, so it cannot be counted tick by tick); the other columns of the
 * cpu lines are 0, and Linux's intr, ctxt, processes, procs_running,
 * procs_blocked and softirq lines are left out.
 */
static int stat_show(struct seq_file *m, void *v)
{
	u64 user = kcpustat.cpustat[CPUTIME_USER], sys = kcpustat.cpustat[CPUTIME_SYSTEM];
	u64 now = sched_clock(), idle = now > user + sys ? now - user - sys : 0;
	const u64 tick = NSEC_PER_SEC / 100;
	int cpu;

	(void)v;
	for (cpu = -1; cpu < 1; cpu++) {
		seq_printf(m, cpu < 0 ? "cpu  " : "cpu%d ", cpu);
		seq_printf(m, "%llu 0 %llu %llu 0 0 0 0 0 0\n", user / tick, sys / tick, idle / tick);
	}
	seq_printf(m, "btime %llu\n", boot_time_ns / NSEC_PER_SEC);
	return 0;
}

PROC_SINGLE(meminfo);
PROC_SINGLE(buddyinfo);
PROC_SINGLE(uptime);
PROC_SINGLE(version);
PROC_SINGLE(stat);
PROC_SINGLE(cpuinfo);
PROC_SINGLE(slabinfo);

void proc_misc_init(struct dentry *proc)
{
	proc_create(proc, "buddyinfo", S_IFREG | 0444, &proc_buddyinfo_operations, 0);
	proc_create(proc, "cpuinfo", S_IFREG | 0444, &proc_cpuinfo_operations, 0);
	proc_create(proc, "meminfo", S_IFREG | 0444, &proc_meminfo_operations, 0);
	proc_create(proc, "slabinfo", S_IFREG | 0400, &proc_slabinfo_operations, 0);
	proc_create(proc, "stat", S_IFREG | 0444, &proc_stat_operations, 0);
	proc_create(proc, "uptime", S_IFREG | 0444, &proc_uptime_operations, 0);
	proc_create(proc, "version", S_IFREG | 0444, &proc_version_operations, 0);
}
