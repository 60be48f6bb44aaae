/*
 * A task's user and group ids (Linux: include/linux/cred.h). Linux keeps
 * them in a shared, reference-counted struct cred that is replaced, never
 * changed; yomi's is a plain part of the task, copied by fork and kept by
 * exec. The ids are recorded and reported, and root (euid 0) may change
 * them freely while others may only swap among their own, as on Linux; no
 * file access is checked against them yet.
 */
#ifndef _LINUX_CRED_H
#define _LINUX_CRED_H

#include <linux/types.h>

#define NGROUPS_SMALL 32	/* supplementary groups kept (Linux: up to 65536) */

struct cred {
	uid_t uid, euid, suid, fsuid;	/* real, effective, saved, file system */
	gid_t gid, egid, sgid, fsgid;
	int ngroups;
	gid_t groups[NGROUPS_SMALL];
};

#endif
