/*
 * test_uname: uname(2) fills Linux's struct new_utsname, six fields of 65
 * bytes, each NUL-terminated; every bad buffer gives EFAULT. The sysname is
 * "Linux" on Linux and "yomi" on yomi, so it is only required to be
 * non-empty.
 */
#include <sys/utsname.h>
#include "tap.h"

int main(void)
{
	static const char *const names[6] = {
		"sysname", "nodename", "release", "version", "machine", "domainname",
	};
	struct utsname u;
	struct bad_ptr bp[NR_BAD];
	const char *field;
	int i, n;

	expect_eq(sizeof(struct utsname), 6 * 65, "struct utsname is 6 x 65 bytes");
	memset(&u, 0xff, sizeof(u));
	expect_eq(uname(&u), 0, "uname returns 0");
	for (i = 0; i < 6; i++) {
		field = (const char *)&u + i * 65;
		ok(memchr(field, '\0', 65) != NULL, "%s is NUL-terminated", names[i]);
	}
	ok(u.sysname[0] != '\0', "sysname is not empty (\"%s\")", u.sysname);
	ok(u.release[0] != '\0', "release is not empty (\"%s\")", u.release);
	ok(u.machine[0] != '\0', "machine is not empty (\"%s\")", u.machine);

	n = bad_pointers(bp, sizeof(struct utsname));
	for (i = 0; i < n; i++)
		expect_errno(uname(bp[i].addr), EFAULT, "uname into %s gives EFAULT", bp[i].name);
	printf("# still running after all of the above\n");
	return tap_done();
}
