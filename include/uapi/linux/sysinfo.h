/*
 * What sysinfo (116) fills in, Linux i386's 64-byte struct sysinfo (Linux:
 * include/uapi/linux/sysinfo.h): shared by the kernel (kernel/sys.c) and
 * yomi's C library (<sys/sysinfo.h>).
 */
#ifndef _UAPI_LINUX_SYSINFO_H
#define _UAPI_LINUX_SYSINFO_H

#define SI_LOAD_SHIFT	16

struct sysinfo {
	long uptime;			/* seconds since boot */
	unsigned long loads[3];		/* 1, 5, 15 minute load averages << SI_LOAD_SHIFT */
	unsigned long totalram;		/* memory sizes are in units of mem_unit bytes */
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
	char _f[8];			/* pads the structure to 64 bytes */
};
_Static_assert(sizeof(struct sysinfo) == 64, "Linux i386's struct sysinfo is 64 bytes");

#endif
