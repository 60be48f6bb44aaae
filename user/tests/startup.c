/*
 * test_startup: what the kernel puts on a new program's stack, as crt0 and
 * main see it: argc, argv[] ending with NULL, envp[] right after it (and
 * environ pointing there), and an auxiliary vector with Linux's entries
 * for the program itself: AT_PAGESZ 4096, AT_PHDR/AT_PHENT/AT_PHNUM
 * describing the program headers of the loaded image, AT_ENTRY its entry
 * point. getauxval of a type that is not there gives 0 and ENOENT.
 */
#include <stdint.h>
#include <sys/auxv.h>
#include <unistd.h>
#include "tap.h"

extern const unsigned char __ehdr_start[];	/* the ELF header, from the linker */
void _start(void);

static unsigned long read32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (unsigned long)p[3] << 24;
}

static unsigned int read16(const unsigned char *p)
{
	return p[0] | p[1] << 8;
}

int main(int argc, char **argv, char **envp)
{
	int i, strings = 1;

	ok(argc >= 1, "argc is at least 1 (%d)", argc);
	ok(argv[argc] == NULL, "argv[argc] is NULL");
	for (i = 0; i < argc; i++)
		if (!argv[i])
			strings = 0;
	ok(strings && argv[0][0], "argv[0..argc-1] are strings, argv[0] \"%s\"",
	   strings ? argv[0] : "?");
	ok(envp == argv + argc + 1, "envp follows argv's NULL");
	ok(environ == envp, "environ is envp");
	for (i = 0; envp[i]; i++)
		;
	printf("# %d environment strings\n", i);

	expect_eq(getauxval(AT_PAGESZ), 4096, "AT_PAGESZ is 4096");
	expect_eq(getauxval(AT_ENTRY), (long)(uintptr_t)_start, "AT_ENTRY is _start");
	expect_eq(getauxval(AT_PHDR), (long)(uintptr_t)(__ehdr_start + read32(__ehdr_start + 28)),
		  "AT_PHDR points at the loaded program headers");
	expect_eq(getauxval(AT_PHENT), read16(__ehdr_start + 42), "AT_PHENT is e_phentsize (32)");
	expect_eq(getauxval(AT_PHNUM), read16(__ehdr_start + 44), "AT_PHNUM is e_phnum");
	ok(!memcmp(__ehdr_start, "\177ELF\1\1\1", 7), "the ELF header is mapped at %p",
	   (const void *)__ehdr_start);
	errno = 0;
	expect_eq(getauxval(12345), 0, "getauxval of an absent type returns 0");
	expect_eq(errno, ENOENT, "and sets errno to ENOENT");
	return tap_done();
}
