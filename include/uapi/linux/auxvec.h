/*
 * The auxiliary vector: the (type, value) pairs the kernel puts above envp
 * on a new program's stack (Linux: include/uapi/linux/auxvec.h, with
 * AT_SYSINFO and AT_SYSINFO_EHDR from arch/x86/include/uapi/asm/auxvec.h):
 * shared by the kernel's ELF loader (create_elf_tables) and yomi's C
 * library (<sys/auxv.h>, getauxval).
 */
#ifndef _UAPI_LINUX_AUXVEC_H
#define _UAPI_LINUX_AUXVEC_H

#define AT_NULL		0	/* end of the vector */
#define AT_IGNORE	1
#define AT_EXECFD	2
#define AT_PHDR		3	/* the program headers */
#define AT_PHENT	4	/* size of one program header */
#define AT_PHNUM	5	/* number of program headers */
#define AT_PAGESZ	6
#define AT_BASE		7	/* interpreter base (0 for static programs) */
#define AT_FLAGS	8
#define AT_ENTRY	9	/* the program's entry point */
#define AT_NOTELF	10
#define AT_UID		11
#define AT_EUID		12
#define AT_GID		13
#define AT_EGID		14
#define AT_PLATFORM	15	/* a string: "i686" */
#define AT_HWCAP	16	/* CPUID 1's edx */
#define AT_CLKTCK	17	/* the times() clock: 100 */
#define AT_SECURE	23
#define AT_BASE_PLATFORM 24
#define AT_RANDOM	25	/* 16 random bytes */
#define AT_HWCAP2	26
#define AT_EXECFN	31	/* the file name given to execve */
#define AT_SYSINFO	32	/* __kernel_vsyscall in the vDSO */
#define AT_SYSINFO_EHDR	33	/* the vDSO's ELF header */

#endif
