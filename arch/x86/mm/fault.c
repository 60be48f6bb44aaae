/*
 * The page-fault handler (Linux: arch/x86/mm/fault.c). CR2 holds the
 * faulting address; the error code says present/write/user. A kernel-mode
 * fault at an instruction with an exception-table entry is fixed up (a bad
 * user pointer in copy_from_user); any other kernel fault is an oops with
 * Linux's "unable to handle kernel paging request" report.
 */
#include <linux/kernel.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/traps.h>

#define PF_PROT 0x1	/* the page was present: a protection fault */
#define PF_WRITE 0x2
#define PF_USER 0x4

void do_page_fault(struct pt_regs *regs, long error_code)
{
	unsigned long address = read_cr2();

	if (!user_mode(regs) && fixup_exception(regs))
		return;
	printk(KERN_ALERT "BUG: unable to handle kernel %s at %08lx\n",
	       address < PAGE_SIZE ? "NULL pointer dereference" : "paging request",
	       address);
	print_ip_sym(regs->ip);
	die("page fault", regs, error_code);
}
