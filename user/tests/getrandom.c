/*
 * test_getrandom: getrandom (355) fills the buffer and returns its size;
 * two calls differ; unknown flags and GRND_RANDOM with GRND_INSECURE are
 * EINVAL; a bad buffer EFAULT.
 */
#include "sys.h"

#define GRND_NONBLOCK 1
#define GRND_RANDOM 2
#define GRND_INSECURE 4

static long sys_getrandom(void *buf, size_t n, unsigned int flags)
{
	return syscall(__NR_getrandom, buf, n, flags);
}

int main(void)
{
	unsigned char a[100], b[100];
	int i, zeros = 0;

	memset(a, 0, sizeof(a));
	expect_eq(sys_getrandom(a, sizeof(a), 0), sizeof(a), "getrandom(100 bytes) returns 100");
	for (i = 0; i < 100; i++)
		zeros += !a[i];
	ok(zeros < 10, "the bytes are not mostly zero (%d zeros)", zeros);
	sys_getrandom(b, sizeof(b), GRND_NONBLOCK);
	ok(memcmp(a, b, sizeof(a)), "two calls give different bytes");
	expect_eq(sys_getrandom(a, 0, 0), 0, "0 bytes: 0");
	expect_eq(sys_getrandom(a, 3, GRND_RANDOM), 3, "GRND_RANDOM works");
	expect_errno(sys_getrandom(a, 8, 0x80), EINVAL, "an unknown flag: EINVAL");
	expect_errno(sys_getrandom(a, 8, GRND_RANDOM | GRND_INSECURE), EINVAL,
		     "GRND_RANDOM with GRND_INSECURE: EINVAL");
	expect_errno(sys_getrandom((void *)0xc0000000, 8, 0), EFAULT, "a kernel buffer: EFAULT");
	return tap_done();
}
