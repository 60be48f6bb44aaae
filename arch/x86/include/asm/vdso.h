/* The vDSO: modes, fixed addresses, and where the kernel keeps track of it. */
#ifndef _ASM_X86_VDSO_H
#define _ASM_X86_VDSO_H

#include <asm/pgtable.h>

#define VDSO_DISABLED 0
#define VDSO_ENABLED 1
#define VDSO_COMPAT 2

/* fixmap slots, counted down from FIXADDR_TOP (0xfffff000) */
#define FIX_VDSO 1
#define FIX_VVAR 2
#define VDSO_HIGH_BASE __fix_to_virt(FIX_VDSO)	/* 0xffffe000 */
#define VVAR_HIGH_BASE __fix_to_virt(FIX_VVAR)	/* 0xffffd000 */
#define FIXADDR_USER_START VDSO_HIGH_BASE
#define FIXADDR_USER_END (FIXADDR_USER_START + PAGE_SIZE)

struct mm_struct;
struct vm_area_struct;
struct linux_binprm;

extern int vdso_enabled;
/* the two builds of the image (vdso-image.asm embeds them) */
extern const char vdso32_sysenter_start[], vdso32_sysenter_end[];
extern const char vdso32_int80_start[], vdso32_int80_end[];
void sysenter_setup(void);
int arch_setup_additional_pages(struct linux_binprm *bprm);
unsigned long vdso_sym_kernel_vsyscall(void);
unsigned long vdso_sym_sigreturn(bool rt);

#endif
