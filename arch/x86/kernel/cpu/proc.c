/*
 * /proc/cpuinfo (Linux: arch/x86/kernel/cpu/proc.c, show_cpuinfo): the
 * one CPU, as the CPUID instruction describes it - vendor, family, model,
 * the brand string - and its clock, measured at boot (tsc.c). Linux prints
 * many more fields (flags, bogomips, caches, bugs).
 */
#include <linux/kernel.h>
#include <linux/jiffies.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/string.h>
#include <asm/processor.h>

int cpuinfo_show(struct seq_file *m, void *v)
{
	u32 a, b, c, d, brand[12], i;
	char vendor[13];

	(void)v;
	cpuid(0, &a, &b, &c, &d);
	memcpy(vendor, &b, 4);
	memcpy(vendor + 4, &d, 4);
	memcpy(vendor + 8, &c, 4);
	vendor[12] = '\0';
	cpuid(1, &a, &b, &c, &d);
	seq_printf(m, "processor\t: 0\nvendor_id\t: %s\ncpu family\t: %u\nmodel\t\t: %u\n",
		   vendor, (a >> 8) & 0xf, (a >> 4) & 0xf);
	cpuid(0x80000000, &a, &b, &c, &d);
	if (a >= 0x80000004) {
		for (i = 0; i < 3; i++)
			cpuid(0x80000002 + i, &brand[i * 4], &brand[i * 4 + 1], &brand[i * 4 + 2],
			      &brand[i * 4 + 3]);
		((char *)brand)[47] = '\0';
		seq_printf(m, "model name\t: %s\n", (char *)brand);
	}
	seq_printf(m, "cpu MHz\t\t: %lu.%03lu\n\n", tsc_khz / 1000, tsc_khz % 1000);
	return 0;
}
