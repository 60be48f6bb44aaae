/* vm's looks at what exec and /proc show (docs/vdso-and-proc.md). */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include "vm.h"

static const char *const at_names[] = {
	[AT_SYSINFO] = "AT_SYSINFO", [AT_SYSINFO_EHDR] = "AT_SYSINFO_EHDR",
	[AT_HWCAP] = "AT_HWCAP", [AT_PAGESZ] = "AT_PAGESZ", [AT_CLKTCK] = "AT_CLKTCK",
	[AT_PHDR] = "AT_PHDR", [AT_PHENT] = "AT_PHENT", [AT_PHNUM] = "AT_PHNUM",
	[AT_BASE] = "AT_BASE", [AT_FLAGS] = "AT_FLAGS", [AT_ENTRY] = "AT_ENTRY",
	[AT_UID] = "AT_UID", [AT_EUID] = "AT_EUID", [AT_GID] = "AT_GID",
	[AT_EGID] = "AT_EGID", [AT_SECURE] = "AT_SECURE", [AT_RANDOM] = "AT_RANDOM",
	[AT_EXECFN] = "AT_EXECFN", [AT_PLATFORM] = "AT_PLATFORM",
};

/* vm auxv: the vector exec put above the environment pointers */
int vm_auxv(void)
{
	char **env = environ;
	unsigned long *av;

	while (*env)
		env++;
	for (av = (unsigned long *)(env + 1); av[0] != AT_NULL; av += 2) {
		const char *name = av[0] < sizeof(at_names) / sizeof(at_names[0]) ?
				   at_names[av[0]] : NULL;

		if (name)
			printf("%-16s %s%lx\n", name, av[1] ? "0x" : "", av[1]);
		else
			printf("%-16lu %#lx\n", av[0], av[1]);
	}
	return 0;
}

static char whole[16 * KIB], bytewise[16 * KIB];

/* vm read1: maps read in one call, then one byte per call: the same bytes */
int vm_read1(void)
{
	int fd = open("/proc/self/maps", O_RDONLY);
	long n = read(fd, whole, sizeof(whole)), m = 0, calls = 0;

	close(fd);
	printf("one read of 16 KiB: %ld bytes in 1 call(s)\n", n);
	fd = open("/proc/self/maps", O_RDONLY);
	while (m < (long)sizeof(bytewise) && read(fd, bytewise + m, 1) == 1) {
		m++;
		calls++;
	}
	close(fd);
	printf("1-byte reads: %ld bytes in %ld calls; %s\n", m, calls,
	       m == n && !memcmp(whole, bytewise, n) ? "the same bytes" : "DIFFERENT bytes");
	return 0;
}
