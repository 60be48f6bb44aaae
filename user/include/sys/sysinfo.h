/* <sys/sysinfo.h>: sysinfo (116) with Linux i386's struct sysinfo (64
 * bytes; memory sizes are counted in units of mem_unit bytes), the
 * kernel's own definition (<linux/sysinfo.h>), as glibc uses it. */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

#include <linux/sysinfo.h>

int sysinfo(struct sysinfo *info);

#endif
