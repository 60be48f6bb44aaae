/*
 * getrandom (Linux: drivers/char/random.c). Linux's bytes come from a
 * cryptographic generator fed by interrupt timings; yomi's from
 * get_random_int, a xorshift generator seeded from the time stamp counter
 * (arch/x86/mm/mmap.c): unpredictable enough for a C library's hash seeds
 * and stack canaries in a teaching kernel, not for keys. It never blocks,
 * so GRND_NONBLOCK changes nothing.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/syscalls.h>
#include <asm/uaccess.h>

#define GRND_NONBLOCK 0x0001
#define GRND_RANDOM 0x0002
#define GRND_INSECURE 0x0004
#define MAX_RW_COUNT 0x7ffff000	/* Linux caps one read there too */

/* getrandom: count random bytes to buf; how many were written */
SYSCALL_DEFINE3(getrandom, char __user *, buf, size_t, count, unsigned int, flags)
{
	u32 chunk[16];
	size_t done = 0, n, i;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & (GRND_INSECURE | GRND_RANDOM)) == (GRND_INSECURE | GRND_RANDOM))
		return -EINVAL;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	while (done < count) {
		n = min(count - done, sizeof(chunk));
		for (i = 0; i < ARRAY_SIZE(chunk); i++)
			chunk[i] = get_random_int();
		if (copy_to_user(buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
	}
	return done;
}
