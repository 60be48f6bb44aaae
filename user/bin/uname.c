/* uname: prints system information like `uname -a`: kernel name, node
 * name, release, version, machine. Options -s -n -r -v -m select fields as
 * in coreutils (there is no -p, -i or -o). Unlike coreutils, which prints
 * only the kernel name, without options it prints all five, as -a does. */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

int main(int argc, char **argv)
{
	static const char letters[] = "snrvm";
	struct utsname u;
	const char *fields[5];
	int want = 0, i, first = 1;
	const char *p;

	for (i = 1; i < argc; i++) {
		if (argv[i][0] != '-' || !argv[i][1])
			goto usage;
		for (p = argv[i] + 1; *p; p++) {
			if (*p == 'a')
				want = 0x1f;
			else if (strchr(letters, *p))
				want |= 1 << (strchr(letters, *p) - letters);
			else
				goto usage;
		}
	}
	if (!want)
		want = 0x1f;
	if (uname(&u) < 0) {
		perror("uname");
		return 1;
	}
	fields[0] = u.sysname;
	fields[1] = u.nodename;
	fields[2] = u.release;
	fields[3] = u.version;
	fields[4] = u.machine;
	for (i = 0; i < 5; i++) {
		if (!(want & 1 << i))
			continue;
		printf("%s%s", first ? "" : " ", fields[i]);
		first = 0;
	}
	putchar('\n');
	return 0;
usage:
	fprintf(stderr, "usage: uname [-asnrvm]\n");
	return 1;
}
