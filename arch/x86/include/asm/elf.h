/*
 * What an ELF program is told about this machine (Linux:
 * arch/x86/include/asm/elf.h, the i386 parts): where its stack and a
 * position-independent executable go, the platform name and hardware
 * capabilities in the auxiliary vector, and the vDSO entries that come
 * first there (ARCH_DLINFO). fs/binfmt_elf.c is generic; it asks here.
 */
#ifndef _ASM_X86_ELF_H
#define _ASM_X86_ELF_H

#include <asm/page.h>
#include <asm/processor.h>
#include <asm/vdso.h>

#define STACK_TOP TASK_SIZE
#define ELF_ET_DYN_BASE (TASK_SIZE / 3 * 2)	/* Linux 4.2's value for i386 */
#define ELF_PLATFORM "i686"

/* ELF_HWCAP: the CPU's feature bits, as CPUID leaf 1 gives them in edx */
static inline u32 elf_hwcap(void)
{
	u32 a, b, c, d;

	cpuid(1, &a, &b, &c, &d);
	return d;
}
#define ELF_HWCAP elf_hwcap()

/* ARCH_DLINFO: the vDSO's entry point (AT_SYSINFO) and image, if mapped */
#define ARCH_DLINFO(mm)								\
	do {									\
		if ((mm)->context.vdso) {					\
			NEW_AUX_ENT(AT_SYSINFO, vdso_sym_kernel_vsyscall());	\
			NEW_AUX_ENT(AT_SYSINFO_EHDR, (mm)->context.vdso);	\
		}								\
	} while (0)

#endif
