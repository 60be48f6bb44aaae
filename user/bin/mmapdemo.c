/*
 * mmapdemo: shows where the kernel puts new mappings, i.e. which mmap
 * layout this process got at exec (arch_pick_mmap_layout). It prints what
 * decides the layout (the personality's ADDR_COMPAT_LAYOUT, RLIMIT_STACK,
 * vm.legacy_va_layout), where the program's text, brk, stack and vDSO are,
 * then maps three anonymous pages, 1 MiB, and its own file, printing each
 * address, and names the layout it sees: "top-down" when each mapping lands
 * below the previous one (from mmap_base, a stack gap under the stack), or
 * "legacy (bottom-up)" when they climb from TASK_UNMAPPED_BASE (0x40000000
 * on i386). Try it, then `ulimit -s unlimited` and again (Linux 2.6's
 * rule, which yomi follows; today's Linux stays top-down). -m also prints
 * /proc/self/maps while the mappings exist; -u then sets RLIMIT_STACK to
 * unlimited and execs itself (without -u), so that one run shows both
 * layouts (the mmap-layout lab's tracer exercise, labs/mmap-layout).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/resource.h>
#include <unistd.h>

#define MIB (1024UL * 1024)

static void cat(const char *path)
{
	char buf[1024];
	int fd = open(path, O_RDONLY), n;

	if (fd < 0) {
		printf("(cannot open %s)\n", path);
		return;
	}
	fflush(stdout);
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		write(1, buf, n);
	close(fd);
}

/* sysctl: the number in a /proc/sys file, or -1 */
static long sysctl(const char *path)
{
	char buf[32];
	int fd = open(path, O_RDONLY), n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	return strtol(buf, NULL, 10);
}

static void *map(const char *what, size_t len, int fd)
{
	void *p = mmap(NULL, len, PROT_READ | (fd < 0 ? PROT_WRITE : 0),
		       fd < 0 ? MAP_PRIVATE | MAP_ANONYMOUS : MAP_PRIVATE, fd, 0);

	if (p == MAP_FAILED)
		printf("  %-26s failed: %s\n", what, strerror(errno));
	else
		printf("  %-26s %p-%p\n", what, p, (char *)p + ((len + 4095) & ~4095UL));
	return p;
}

/* again_unlimited: exec argv again, without -u, with an unlimited
 * RLIMIT_STACK; returns only when that fails */
static int again_unlimited(char **argv)
{
	struct rlimit unlimited = { RLIM_INFINITY, RLIM_INFINITY };
	char *args[3];
	int n = 0, i;

	for (i = 0; argv[i] && n < 2; i++)
		if (strcmp(argv[i], "-u"))
			args[n++] = argv[i];
	args[n] = NULL;
	fflush(stdout);
	if (setrlimit(RLIMIT_STACK, &unlimited))
		perror("mmapdemo: setrlimit");
	else
		execv(args[0], args);
	perror("mmapdemo: -u");
	return 1;
}

int main(int argc, char **argv)
{
	const char *self = (const char *)getauxval(AT_EXECFN);
	int persona = personality(0xffffffff), local, fd, show_maps = 0, again = 0, i;
	unsigned long vdso = getauxval(AT_SYSINFO_EHDR);
	long legacy = sysctl("/proc/sys/vm/legacy_va_layout");
	char *page[3], *big, *file;
	struct rlimit stack;

	for (i = 1; i < argc; i++) {
		show_maps |= !strcmp(argv[i], "-m");
		again |= !strcmp(argv[i], "-u");
	}
	if (!self)
		self = argv[0];
	getrlimit(RLIMIT_STACK, &stack);
	printf("mmapdemo (pid %d): what chooses the layout\n", getpid());
	printf("  personality                0x%08x (ADDR_COMPAT_LAYOUT %s)\n", persona,
	       persona & ADDR_COMPAT_LAYOUT ? "set" : "clear");
	if (stack.rlim_cur == RLIM_INFINITY)
		printf("  RLIMIT_STACK               unlimited\n");
	else
		printf("  RLIMIT_STACK               %lu KiB\n", stack.rlim_cur / 1024);
	if (legacy < 0)
		printf("  vm.legacy_va_layout        (no /proc/sys/vm/legacy_va_layout)\n");
	else
		printf("  vm.legacy_va_layout        %ld\n", legacy);
	printf("where things are\n");
	printf("  text (main)                %p\n", (void *)main);
	printf("  brk (sbrk(0))              %p\n", sbrk(0));
	printf("  stack (a local variable)   %p\n", (void *)&local);
	if (vdso)
		printf("  vDSO (AT_SYSINFO_EHDR)     0x%08lx\n", vdso);
	else
		printf("  vDSO                       none (vm.vdso_enabled=0)\n");
	printf("new mappings, in the order made\n");
	for (i = 0; i < 3; i++)
		page[i] = map("anonymous, 1 page", 4096, -1);
	big = map("anonymous, 1 MiB", MIB, -1);
	fd = open(self, O_RDONLY);
	if (fd < 0) {
		printf("  file %s: cannot open: %s\n", self, strerror(errno));
		file = MAP_FAILED;
	} else {
		char what[64];

		snprintf(what, sizeof(what), "file %s", self);
		file = map(what, 8192, fd);
		close(fd);
	}
	if (page[0] == MAP_FAILED || page[1] == MAP_FAILED) {
		printf("layout: unknown (mmap failed)\n");
		return 1;
	}
	if (page[1] < page[0])
		printf("layout: top-down - each mapping below the last, from mmap_base "
		       "(TASK_SIZE - stack gap) downward\n");
	else
		printf("layout: legacy (bottom-up) - each mapping above the last, from "
		       "TASK_UNMAPPED_BASE upward\n");
	if (show_maps) {
		printf("/proc/self/maps:\n");
		cat("/proc/self/maps");
	}
	(void)big;
	(void)file;
	return again ? again_unlimited(argv) : 0;
}
