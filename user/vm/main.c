/* vm: one subcommand per experiment (see vm.h); `vm` alone lists them. */
#include <stdio.h>
#include <string.h>
#include "vm.h"

static const struct {
	const char *name;
	int (*run)(void);
	const char *what;
} commands[] = {
	{ "split", vm_split, "munmap cuts an area in two" },
	{ "mprotect", vm_mprotect, "mprotect splits, changes and merges areas" },
	{ "place", vm_place, "where mmap puts hints, MAP_FIXED and big requests" },
	{ "heap", vm_heap, "sbrk grows and shrinks the heap" },
	{ "mremap", vm_mremap, "mremap grows in place or moves" },
	{ "lazy", vm_lazy, "demand paging, seen with mincore and sysinfo" },
	{ "cow", vm_cow, "copy-on-write after fork" },
	{ "stack", vm_stack, "the stack grows down to RLIMIT_STACK" },
	{ "auxv", vm_auxv, "the auxiliary vector exec left above envp" },
	{ "read1", vm_read1, "/proc/self/maps read whole and 1 byte at a time" },
};

int main(int argc, char **argv)
{
	size_t i;

	if (argc == 3 && !strcmp(argv[1], "fault"))
		return vm_fault(argv[2]);
	for (i = 0; argc == 2 && i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].run();
	printf("usage: vm COMMAND\n");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		printf("  vm %-10s %s\n", commands[i].name, commands[i].what);
	printf("  vm fault text|kernel|vdso|bus|read: one bad access\n");
	return 2;
}
