@@ function do_sys_times
/* TODO(syscall): fill *tms with the current task's CPU times and its reaped
 * children's, in clock ticks (nsec_to_clock_t). docs/labs/syscall.md */
static void do_sys_times(struct tms *tms)
{
	memset(tms, 0, sizeof(*tms));
}
@@ syscall times
/*
 * TODO(syscall): copy the times out to tbuf (NULL is allowed: then copy
 * nothing) and return the clock ticks since boot; -EFAULT for a bad
 * pointer. docs/labs/syscall.md
 */
SYSCALL_DEFINE1(times, struct tms __user *, tbuf)
{
	struct tms tmp;

	(void)tbuf;
	do_sys_times(&tmp);
	return -ENOSYS;
}
@@ function getrusage
/*
 * TODO(syscall): fill *r with p's CPU times for who (RUSAGE_SELF,
 * RUSAGE_THREAD, RUSAGE_CHILDREN, or RUSAGE_BOTH for wait4), as struct
 * timevals (ns_to_timeval); the other fields stay 0. docs/labs/syscall.md
 */
void getrusage(struct task_struct *p, int who, struct rusage *r)
{
	(void)p;
	(void)who;
	memset(r, 0, sizeof(*r));
	r->ru_utime = ns_to_timeval(0);
}
@@ syscall getrusage
/*
 * TODO(syscall): check who (-EINVAL for an unknown one), fill a struct
 * rusage with getrusage() and copy it out (-EFAULT for a bad pointer).
 * docs/labs/syscall.md
 */
SYSCALL_DEFINE2(getrusage, int, who, struct rusage __user *, ru)
{
	(void)who;
	(void)ru;
	return -ENOSYS;
}
