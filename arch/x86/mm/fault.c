/*
 * The page-fault handler (Linux: arch/x86/mm/fault.c). CR2 holds the
 * faulting address; the error code says present/write/user. A fault on a
 * user address inside an area of the current address space (or just below
 * a stack area, which then grows) whose rights allow the access is
 * resolved by handle_mm_fault. Any other user fault kills the process
 * with SIGSEGV (SIGBUS past the end of a mapped file) and Linux's
 * one-line report. A kernel-mode fault that is not resolved is fixed up
 * through the exception table (a bad pointer passed to a system call) or
 * is an oops.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/traps.h>

#define PF_PROT 0x1	/* the page was present: a protection fault */
#define PF_WRITE 0x2
#define PF_USER 0x4

/* access_error: the area's rights forbid this access (as Linux's x86 check). */
static bool access_error(long error_code, const struct vm_area_struct *vma)
{
	if (error_code & PF_WRITE)
		return !(vma->vm_flags & VM_WRITE);
	return !(vma->vm_flags & (VM_READ | VM_EXEC | VM_WRITE));
}

/*
 * __do_user_fault: try to map the page; 0 when the access may be retried.
 * *code says why not, as Linux's si_code: SEGV_MAPERR when no area holds
 * the address, SEGV_ACCERR when the area forbids the access.
 */
static int __do_user_fault(unsigned long address, long error_code, int *code)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;

	*code = SEGV_MAPERR;
	if (!mm || address >= TASK_SIZE)
		return VM_FAULT_SIGSEGV;
	vma = find_vma(mm, address);
	if (!vma)
		return VM_FAULT_SIGSEGV;
	if (vma->vm_start > address && expand_stack(vma, address))
		return VM_FAULT_SIGSEGV;
	*code = SEGV_ACCERR;
	if (access_error(error_code, vma))
		return VM_FAULT_SIGSEGV;
	return handle_mm_fault(vma, address, error_code & PF_WRITE ? FAULT_FLAG_WRITE : 0);
}

void do_page_fault(struct pt_regs *regs, long error_code)
{
	unsigned long address = read_cr2();
	int fault, code;

	/* interrupts were off on entry so that CR2 could not change */
	if (regs->flags & X86_EFLAGS_IF)
		local_irq_enable();
	fault = __do_user_fault(address, error_code, &code);
	if (!fault)
		return;
	if ((fault & VM_FAULT_OOM) && out_of_memory())
		return;		/* the OOM killer made room: fault again */
	if (user_mode(regs)) {
		if (fault & VM_FAULT_OOM) {
			force_sig(SIGKILL);	/* the OOM killer chose us */
			return;
		}
		if (fault & VM_FAULT_SIGBUS) {
			force_sig_fault(SIGBUS, BUS_ADRERR, address);	/* Linux reports only segfaults */
			return;
		}
		if (unhandled_signal(current, SIGSEGV))	/* as Linux's show_signal_msg */
			printk(KERN_INFO "%s[%d]: segfault at %lx ip %08lx sp %08lx error %lx\n",
			       current->comm, current->pid, address, regs->ip, regs->sp,
			       error_code);
		force_sig_fault(SIGSEGV, code, address);
		return;
	}
	if (fixup_exception(regs))
		return;
	printk(KERN_ALERT "BUG: unable to handle kernel %s at %08lx\n",
	       address < PAGE_SIZE ? "NULL pointer dereference" : "paging request",
	       address);
	print_ip_sym(regs->ip);
	die("page fault", regs, error_code);
}
