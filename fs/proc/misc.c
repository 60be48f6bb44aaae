/*
 * /proc/meminfo, buddyinfo, uptime, version, cpuinfo and slabinfo (Linux:
 * fs/proc/meminfo.c, mm/vmstat.c, uptime.c, version.c, cpuinfo.c). What cpuinfo and
 * slabinfo print comes from the code that knows: arch/x86/kernel/cpu/proc.c
 * and mm/slab.c.
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>


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

PROC_SINGLE(meminfo);
PROC_SINGLE(buddyinfo);
PROC_SINGLE(uptime);
PROC_SINGLE(version);
PROC_SINGLE(cpuinfo);
PROC_SINGLE(slabinfo);

void proc_misc_init(struct dentry *proc)
{
	proc_create(proc, "buddyinfo", S_IFREG | 0444, &proc_buddyinfo_operations, 0);
	proc_create(proc, "cpuinfo", S_IFREG | 0444, &proc_cpuinfo_operations, 0);
	proc_create(proc, "meminfo", S_IFREG | 0444, &proc_meminfo_operations, 0);
	proc_create(proc, "slabinfo", S_IFREG | 0400, &proc_slabinfo_operations, 0);
	proc_create(proc, "uptime", S_IFREG | 0444, &proc_uptime_operations, 0);
	proc_create(proc, "version", S_IFREG | 0444, &proc_version_operations, 0);
}
