/* futex operations (Linux: include/uapi/linux/futex.h), shared by the
 * kernel (kernel/futex.c) and user programs that call futex. */
#ifndef _UAPI_LINUX_FUTEX_H
#define _UAPI_LINUX_FUTEX_H

#define FUTEX_WAIT		0	/* sleep while *uaddr == val */
#define FUTEX_WAKE		1	/* wake up to val sleepers */
#define FUTEX_WAIT_BITSET	9	/* FUTEX_WAIT with an absolute timeout and a bitset */
#define FUTEX_WAKE_BITSET	10	/* FUTEX_WAKE of the sleepers whose bitset meets val3 */
#define FUTEX_PRIVATE_FLAG	128	/* the word is not shared with another process */
#define FUTEX_CLOCK_REALTIME	256	/* FUTEX_WAIT_BITSET: the timeout is on CLOCK_REALTIME */
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_WAIT_PRIVATE	(FUTEX_WAIT | FUTEX_PRIVATE_FLAG)
#define FUTEX_WAKE_PRIVATE	(FUTEX_WAKE | FUTEX_PRIVATE_FLAG)
#define FUTEX_BITSET_MATCH_ANY	0xffffffff

/* a robust lock's word: the owner's tid, and two flags (set_robust_list) */
#define FUTEX_WAITERS		0x80000000	/* someone sleeps on the word */
#define FUTEX_OWNER_DIED	0x40000000	/* the owner died holding it */
#define FUTEX_TID_MASK		0x3fffffff
#define ROBUST_LIST_LIMIT	2048		/* at most this many entries are walked */

#endif
