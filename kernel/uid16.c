/*
 * The 16-bit user and group id calls (Linux: kernel/uid16.c): the old i386
 * numbers (setuid 23, getuid 24, ... getresgid 171), from before ids grew
 * to 32 bits. Each converts and calls its 32-bit twin in kernel/sys.c: an
 * id above 65535 reads as 65534 (Linux's overflowuid), and 0xffff, the
 * 16-bit -1, means "leave it".
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/sched.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

/* the 32-bit id calls (kernel/sys.c), which their 16-bit twins call */
asmlinkage long sys_setuid(unsigned int uid);
asmlinkage long sys_setgid(unsigned int gid);
asmlinkage long sys_setreuid(unsigned int ruid, unsigned int euid);
asmlinkage long sys_setregid(unsigned int rgid, unsigned int egid);
asmlinkage long sys_setresuid(unsigned int ruid, unsigned int euid, unsigned int suid);
asmlinkage long sys_setresgid(unsigned int rgid, unsigned int egid, unsigned int sgid);
asmlinkage long sys_setfsuid(unsigned int uid);
asmlinkage long sys_setfsgid(unsigned int gid);

typedef unsigned short old_uid_t;
typedef unsigned short old_gid_t;

#define OVERFLOW_ID 65534

static unsigned int high2lowid(unsigned int id)
{
	return id > 0xffff ? OVERFLOW_ID : id;
}

static unsigned int low2highid(old_uid_t id)
{
	return id == (old_uid_t)-1 ? (unsigned int)-1 : id;
}

SYSCALL_DEFINE0(getuid16)
{
	return high2lowid(current->cred.uid);
}

SYSCALL_DEFINE0(getgid16)
{
	return high2lowid(current->cred.gid);
}

SYSCALL_DEFINE0(geteuid16)
{
	return high2lowid(current->cred.euid);
}

SYSCALL_DEFINE0(getegid16)
{
	return high2lowid(current->cred.egid);
}

SYSCALL_DEFINE1(setuid16, old_uid_t, uid)
{
	return sys_setuid(low2highid(uid));
}

SYSCALL_DEFINE1(setgid16, old_gid_t, gid)
{
	return sys_setgid(low2highid(gid));
}

SYSCALL_DEFINE2(setreuid16, old_uid_t, ruid, old_uid_t, euid)
{
	return sys_setreuid(low2highid(ruid), low2highid(euid));
}

SYSCALL_DEFINE2(setregid16, old_gid_t, rgid, old_gid_t, egid)
{
	return sys_setregid(low2highid(rgid), low2highid(egid));
}

SYSCALL_DEFINE3(setresuid16, old_uid_t, ruid, old_uid_t, euid, old_uid_t, suid)
{
	return sys_setresuid(low2highid(ruid), low2highid(euid), low2highid(suid));
}

SYSCALL_DEFINE3(setresgid16, old_gid_t, rgid, old_gid_t, egid, old_gid_t, sgid)
{
	return sys_setresgid(low2highid(rgid), low2highid(egid), low2highid(sgid));
}

/* put_ids16: three ids as 16-bit values (getresuid16, getresgid16) */
static long put_ids16(const unsigned int *ids, old_uid_t __user *r, old_uid_t __user *e,
		      old_uid_t __user *s)
{
	if (put_user((old_uid_t)high2lowid(ids[0]), r) ||
	    put_user((old_uid_t)high2lowid(ids[1]), e) ||
	    put_user((old_uid_t)high2lowid(ids[2]), s))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE3(getresuid16, old_uid_t __user *, ruid, old_uid_t __user *, euid,
		old_uid_t __user *, suid)
{
	return put_ids16(&current->cred.uid, ruid, euid, suid);
}

SYSCALL_DEFINE3(getresgid16, old_gid_t __user *, rgid, old_gid_t __user *, egid,
		old_gid_t __user *, sgid)
{
	return put_ids16(&current->cred.gid, rgid, egid, sgid);
}

SYSCALL_DEFINE1(setfsuid16, old_uid_t, uid)
{
	return high2lowid(sys_setfsuid(low2highid(uid)));
}

SYSCALL_DEFINE1(setfsgid16, old_gid_t, gid)
{
	return high2lowid(sys_setfsgid(low2highid(gid)));
}
