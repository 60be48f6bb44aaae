/*
 * getrandom (Linux: drivers/char/random.c). Linux's bytes come from a
 * cryptographic generator fed by interrupt timings; yomi's from
 * get_random_int, a xorshift generator seeded from the time stamp counter
 * at boot (rand_initialize): unpredictable enough for a C library's hash seeds
 * and stack canaries in a teaching kernel, not for keys. It never blocks,
 * so GRND_NONBLOCK changes nothing.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/syscalls.h>
#include <asm/processor.h>
#include <asm/uaccess.h>

#define GRND_NONBLOCK 0x0001
#define GRND_RANDOM 0x0002
#define GRND_INSECURE 0x0004
#define MAX_RW_COUNT 0x7ffff000	/* Linux caps one read there too */

static u32 state;	/* the xorshift generator's state, never 0 */

/*
 * rand_initialize: seed the generator from the time stamp counter, once,
 * early in start_kernel, as Linux seeds its generator at boot. Seeding at
 * the first use (at init's exec) made the tests' deterministic machines
 * differ now and then: under a loaded host, about one boot in 50 read a
 * different counter there, and init's stack moved. At this point of the
 * boot the counter was the same in 150 boots out of 150.
 */
void __init rand_initialize(void)
{
	state = (u32)rdtsc() | 1;
}

/* get_random_int: the next number of a xorshift generator. */
unsigned long get_random_int(void)
{
	state ^= state << 13;
	state ^= state >> 17;
	state ^= state << 5;
	return state;
}

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
