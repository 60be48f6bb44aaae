/*
 * vm's page-fault experiments (docs/mmap.md, docs/vdso-and-proc.md):
 * demand paging, copy-on-write, stack growth, and accesses that fault.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include "vm.h"

/* vm lazy: 256 MiB of address space, then the cost of touching some of it */
int vm_lazy(void)
{
	unsigned char vec[16];
	char *p;
	int i;

	printf("free: %ld kB\n", free_kb());
	p = map(NULL, 256 * MIB, PROT_READ | PROT_WRITE, 0);
	printf("free after mmap: %ld kB\n", free_kb());
	for (i = 0; i < 16; i += 2)
		p[i * PAGE] = 1;
	mincore(p, 16 * PAGE, vec);
	printf("touched 8 of the first 16 pages; mincore: ");
	for (i = 0; i < 16; i++)
		printf("%d", vec[i] & 1);
	printf("\nfree after touching: %ld kB\n", free_kb());
	printf("read of an untouched page: %d\n", *(volatile char *)(p + 256 * MIB - PAGE));
	printf("free after reading one: %ld kB\n", free_kb());
	munmap(p, 256 * MIB);
	printf("free after munmap: %ld kB\n", free_kb());
	return 0;
}

/* vm cow: the child's write copies the page; the parent's later write does not */
int vm_cow(void)
{
	char *p = map(NULL, PAGE, PROT_READ | PROT_WRITE, 0);
	long before;
	pid_t pid;

	strcpy(p, "parent's");
	fflush(stdout);
	before = free_kb();
	pid = fork();
	if (pid == 0) {
		long free = free_kb();

		strcpy(p, "child's");
		printf("child: page says \"%s\"; the write cost %ld kB\n", p, free - free_kb());
		fflush(stdout);
		_exit(0);
	}
	waitpid(pid, NULL, 0);
	printf("parent: page says \"%s\"\n", p);
	strcpy(p, "parent's again");
	printf("parent: wrote again; free now %ld kB from before the fork\n", before - free_kb());
	return 0;
}

/* recurse: n calls deep with 1 KiB of stack each; says how deep it got */
static void recurse(unsigned long n)
{
	volatile char buf[KIB];

	buf[0] = (char)n;
	if (n > 1)
		recurse(n - 1);
	else
		printf("grew the stack to %p\n", (void *)buf);
	buf[1] = buf[0];
}

/* vm stack: 1,000 calls deep, then 9,000 in a child */
int vm_stack(void)
{
	struct rlimit rl;

	getrlimit(RLIMIT_STACK, &rl);
	if (rl.rlim_cur == RLIM_INFINITY)
		printf("RLIMIT_STACK unlimited\n");
	else
		printf("RLIMIT_STACK %lu kB\n", (unsigned long)rl.rlim_cur / KIB);
	show_maps(0xbf000000, 0xc0000000);
	recurse(1000);
	show_maps(0xbf000000, 0xc0000000);
	in_child("grow by 9000 kB", recurse, 9000);
	return 0;
}

/* vm fault WHAT: one access that faults; the process dies of it */
int vm_fault(const char *what)
{
	unsigned long vdso = getauxval(AT_SYSINFO_EHDR);

	if (!strcmp(what, "text")) {
		*(volatile char *)((unsigned long)vm_fault & ~(PAGE - 1)) = 0;
	} else if (!strcmp(what, "kernel")) {
		(void)*(volatile char *)0xc0100000;
	} else if (!strcmp(what, "vdso")) {
		*(volatile char *)(vdso ? vdso : 0xffffe000) = 0;
	} else if (!strcmp(what, "read")) {
		printf("0xffffe000: %#x\n", *(volatile unsigned int *)0xffffe000);
		fflush(stdout);
		printf("0xffffd000: %#x\n", *(volatile unsigned int *)0xffffd000);
	} else if (!strcmp(what, "bus")) {
		int fd = open("/bin/vm", O_RDONLY);
		char *p = mmap(NULL, MIB, PROT_READ, MAP_PRIVATE, fd, 0);

		printf("mapped /bin/vm at %p, 1 MiB; reading at +512 KiB\n", p);
		fflush(stdout);
		(void)*(volatile char *)(p + 512 * KIB);
	} else {
		printf("vm fault: text, kernel, vdso, bus or read\n");
		return 2;
	}
	return 0;
}
