/* <sys/sysinfo.h>: sysinfo (116) with Linux i386's struct sysinfo (64
 * bytes; memory sizes are counted in units of mem_unit bytes). */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5, 15 minute load averages << 16 */
	unsigned long totalram;
	unsigned long freeram;
	unsigned long sharedram;
	unsigned long bufferram;
	unsigned long totalswap;
	unsigned long freeswap;
	unsigned short procs;		/* number of processes */
	unsigned short pad;
	unsigned long totalhigh;
	unsigned long freehigh;
	unsigned int mem_unit;
	char _f[8];
};
_Static_assert(sizeof(struct sysinfo) == 64, "struct sysinfo is 64 bytes on i386");

int sysinfo(struct sysinfo *info);

#endif
