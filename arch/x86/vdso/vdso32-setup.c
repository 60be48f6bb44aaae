/*
 * Setting up the 32-bit vDSO (Linux 2.6: arch/x86/vdso/vdso32-setup.c).
 *
 * At boot, sysenter_setup picks the image (sysenter when CPUID says the CPU
 * has it, else int $0x80), copies it into a page of its own, prepares the
 * vvar page, maps both through fixmap slots - the vDSO at VDSO_HIGH_BASE,
 * 0xffffe000, readable and executable by compat-mode processes (see
 * vdso_switch_mm), never writable - and
 * programs the SYSENTER MSRs. At each exec, arch_setup_additional_pages
 * applies vm.vdso_enabled:
 *   2 (VDSO_COMPAT)   the process uses the global page at 0xffffe000. It
 *                     is in no VMA list; /proc/<pid>/maps shows it through
 *                     gate_vma, which get_gate_vma returns for such an mm;
 *   1 (VDSO_ENABLED)  [vvar] and [vdso] become two ordinary areas at an
 *                     address from get_unmapped_area (they follow the
 *                     mmap layout);
 *   0 (VDSO_DISABLED) nothing; programs use int $0x80 directly.
 * In compat mode the vvar page is at 0xffffd000 (Linux 2.6's compat vDSO
 * had no vvar page at all; yomi's vDSO needs one for its clocks).
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/time.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <asm/tsc.h>
#include <asm/vdso.h>
#include <asm/vdso-offsets.h>
#include <asm/vvar.h>

#define MSR_IA32_SYSENTER_CS 0x174
#define MSR_IA32_SYSENTER_ESP 0x175
#define MSR_IA32_SYSENTER_EIP 0x176
#define X86_FEATURE_SEP (1 << 11)	/* CPUID 1, edx */

int vdso_enabled = VDSO_COMPAT;
struct vdso_data *vdso_data;
static struct page *vdso_page, *vvar_page;
static bool use_sysenter;


/* gate_vma: the compat vDSO page, shown in maps though in no VMA list */
static struct vm_area_struct gate_vma = {
	.vm_start = FIXADDR_USER_START,
	.vm_end = FIXADDR_USER_END,
	.vm_flags = VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC,
	.vm_name = "[vdso]",
};

static int __init vdso_setup(char *s)
{
	unsigned long v;

	if (kstrtoul(s, 10, &v) || v > VDSO_COMPAT)
		return 0;
	vdso_enabled = v;
	return 1;
}
__setup("vdso=", vdso_setup);

/*
 * vdso_switch_mm: the fixmap pages are the same in every address space,
 * but only a process in compat mode may touch them: the kernel opens them
 * to user mode when such a process runs, and closes them otherwise, so in
 * modes 1 and 0 nothing is mapped at 0xffffe000 for the process, as on
 * Linux. Called on every switch of address space.
 */
static void vdso_switch_mm(struct mm_struct *mm)
{
	static bool open;
	bool want = mm && mm->context.vdso == VDSO_HIGH_BASE;
	u32 flags = _PAGE_PRESENT | (want ? _PAGE_USER : 0);

	if (want == open || !vdso_page)
		return;
	set_fixmap(FIX_VDSO, page_to_pfn(vdso_page) << PAGE_SHIFT, flags);
	set_fixmap(FIX_VVAR, page_to_pfn(vvar_page) << PAGE_SHIFT, flags);
	open = want;
}

/* update_vsyscall: from the timer tick; publish the coarse clock. */
void update_vsyscall(void)
{
	if (!vdso_data)
		return;
	vdso_data->seq++;
	__asm__ __volatile__("" ::: "memory");
	vdso_data->coarse_mono_ns = tick_ns;
	__asm__ __volatile__("" ::: "memory");
	vdso_data->seq++;
}

void sysenter_setup(void)
{
	u32 a, b, c, d;
	const char *start, *end;

	cpuid(1, &a, &b, &c, &d);
	use_sysenter = d & X86_FEATURE_SEP;
	start = use_sysenter ? vdso32_sysenter_start : vdso32_int80_start;
	end = use_sysenter ? vdso32_sysenter_end : vdso32_int80_end;
	vdso_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	vvar_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!vdso_page || !vvar_page || end - start > (long)PAGE_SIZE)
		panic("vDSO: no memory, or an image larger than a page");
	memcpy(page_address(vdso_page), start, end - start);
	vdso_data = page_address(vvar_page);
	vdso_data->tsc_at_boot = tsc_at_boot;
	vdso_data->cyc2ns_mul = cyc2ns_mul;
	vdso_data->boot_time_ns = boot_time_ns;	/* the kernel's own, to the nanosecond */
	update_vsyscall();
	set_fixmap(FIX_VDSO, page_to_pfn(vdso_page) << PAGE_SHIFT, _PAGE_PRESENT);
	set_fixmap(FIX_VVAR, page_to_pfn(vvar_page) << PAGE_SHIFT, _PAGE_PRESENT);
	register_switch_mm_hook(vdso_switch_mm);
	if (use_sysenter) {
		wrmsr(MSR_IA32_SYSENTER_CS, __KERNEL_CS);
		wrmsr(MSR_IA32_SYSENTER_ESP, (unsigned long)&init_tss.sp0);
		wrmsr(MSR_IA32_SYSENTER_EIP, (unsigned long)entry_SYSENTER_32);
	}
	pr_info("vDSO: %s entry, mode %d, image %ld bytes at %#lx\n",
		use_sysenter ? "sysenter" : "int $0x80", vdso_enabled, (long)(end - start),
		VDSO_HIGH_BASE);
}

/* arch_setup_additional_pages: the vDSO for the new program, per vdso_enabled. */
int arch_setup_additional_pages(struct linux_binprm *bprm)
{
	struct mm_struct *mm = current->mm;
	unsigned long addr;
	int err;

	(void)bprm;
	mm->context.vdso = 0;
	current_thread_info()->sysenter_return = 0;
	if (vdso_enabled == VDSO_COMPAT) {
		mm->context.vdso = VDSO_HIGH_BASE;
	} else if (vdso_enabled == VDSO_ENABLED) {
		addr = get_unmapped_area(NULL, 0, 2 * PAGE_SIZE, 0, 0);
		if (IS_ERR_VALUE(addr))
			return addr;
		err = install_special_mapping(mm, addr, PAGE_SIZE, VM_READ | VM_MAYREAD, vvar_page,
					      "[vvar]");
		if (!err)
			err = install_special_mapping(mm, addr + PAGE_SIZE, PAGE_SIZE,
						      VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYEXEC,
						      vdso_page, "[vdso]");
		if (err)
			return err;
		mm->context.vdso = addr + PAGE_SIZE;
	}
	if (mm->context.vdso && use_sysenter)
		current_thread_info()->sysenter_return = mm->context.vdso +
			VDSO32_SYSENTER_kernel_vsyscall_return;
	vdso_switch_mm(mm);
	return 0;
}

/* the address of __kernel_vsyscall in the current process, or 0 */
unsigned long vdso_sym_kernel_vsyscall(void)
{
	if (!current->mm->context.vdso)
		return 0;
	return current->mm->context.vdso + (use_sysenter ? VDSO32_SYSENTER_kernel_vsyscall :
					    VDSO32_INT80_kernel_vsyscall);
}

/* vdso_sym_sigreturn: __kernel_sigreturn (rt: __kernel_rt_sigreturn) in
 * the current process, or 0 when it has no vDSO */
unsigned long vdso_sym_sigreturn(bool rt)
{
	unsigned long off;

	if (!current->mm->context.vdso)
		return 0;
	if (use_sysenter)
		off = rt ? VDSO32_SYSENTER_kernel_rt_sigreturn : VDSO32_SYSENTER_kernel_sigreturn;
	else
		off = rt ? VDSO32_INT80_kernel_rt_sigreturn : VDSO32_INT80_kernel_sigreturn;
	return current->mm->context.vdso + off;
}

/* get_gate_vma: the gate area, for an mm that uses the compat page */
struct vm_area_struct *get_gate_vma(struct mm_struct *mm)
{
	return mm && mm->context.vdso == VDSO_HIGH_BASE ? &gate_vma : NULL;
}

int in_gate_area(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *gate = get_gate_vma(mm);

	return gate && addr >= gate->vm_start && addr < gate->vm_end;
}
