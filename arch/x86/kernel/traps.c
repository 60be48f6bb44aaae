/*
 * Exceptions (Linux: arch/x86/kernel/traps.c). trap_init fills the IDT;
 * each exception vector has its own do_<name> handler, called by the stubs
 * in entry_32.asm with the saved registers and the error code. A fault in
 * kernel mode that no exception-table entry covers is a kernel bug: die()
 * prints an oops and stops the machine.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/signal.h>
#include <asm/desc.h>
#include <asm/processor.h>
#include <asm/traps.h>
#include <asm/irq.h>

#define GATE_INTERRUPT 0x8e	/* present, ring 0, 32-bit interrupt gate */

static struct gate_struct idt_table[256] __aligned(8);

void set_intr_gate(unsigned int n, void *handler, int dpl)
{
	struct gate_struct *g = &idt_table[n];
	u32 addr = (u32)handler;

	g->offset_low = addr & 0xffff;
	g->segment = __KERNEL_CS;
	g->zero = 0;
	g->type_attr = GATE_INTERRUPT | (dpl << 5);
	g->offset_high = addr >> 16;
}

/*
 * do_trap: a fault in user mode gets the signal Linux sends for it (its
 * handler runs, or it dies), after Linux's one-line "traps:" report; in
 * kernel mode it is fixed up through the exception table or is fatal.
 */
static void do_trap(const char *str, int signr, struct pt_regs *regs, long error_code)
{
	if (user_mode(regs)) {
		printk(KERN_INFO "traps: %s[%d] %s ip:%lx sp:%lx error:%lx\n",
		       current->comm, current->pid, str, regs->ip, regs->sp, error_code);
		force_sig_fault(signr, SI_KERNEL, regs->ip);
		return;
	}
	if (fixup_exception(regs))
		return;
	die(str, regs, error_code);
}

#define DO_ERROR(name, signr, str)                                 \
	void name(struct pt_regs *regs, long error_code);          \
	void name(struct pt_regs *regs, long error_code)           \
	{                                                          \
		do_trap(str, signr, regs, error_code);             \
	}

DO_ERROR(do_divide_error, SIGFPE, "divide error")
/* is_sysenter_singlestep: a trap in the sysenter entry before it clears
 * the flags, from a user who set TF and executed sysenter (Linux's test) */
static bool is_sysenter_singlestep(struct pt_regs *regs)
{
	return regs->ip - (unsigned long)__begin_SYSENTER_singlestep_region <=
	       (unsigned long)(__end_SYSENTER_singlestep_region - __begin_SYSENTER_singlestep_region);
}

/*
 * do_debug: a single-step trap. In kernel mode it can only come from a
 * user who set TF and executed sysenter (sysenter keeps TF). As in Linux,
 * the traps in the entry code are ignored until it clears the flags (the
 * user's saved flags keep TF, so the user is trapped after the call);
 * anywhere else in the kernel TF is cleared.
 */
void do_debug(struct pt_regs *regs, long error_code)
{
	if (!user_mode(regs)) {
		if (!is_sysenter_singlestep(regs))
			regs->flags &= ~X86_EFLAGS_TF;
		return;
	}
	do_trap("debug", SIGTRAP, regs, error_code);
}

DO_ERROR(do_nmi, SIGKILL, "NMI")
DO_ERROR(do_int3, SIGTRAP, "int3")
DO_ERROR(do_overflow, SIGSEGV, "overflow")
DO_ERROR(do_bounds, SIGSEGV, "bounds")
DO_ERROR(do_invalid_op, SIGILL, "invalid opcode")
DO_ERROR(do_device_not_available, SIGFPE, "device not available")
DO_ERROR(do_double_fault, SIGSEGV, "double fault")
DO_ERROR(do_coprocessor_segment_overrun, SIGFPE, "coprocessor segment overrun")
DO_ERROR(do_invalid_TSS, SIGSEGV, "invalid TSS")
DO_ERROR(do_segment_not_present, SIGBUS, "segment not present")
DO_ERROR(do_stack_segment, SIGBUS, "stack segment")
DO_ERROR(do_general_protection, SIGSEGV, "general protection fault")
DO_ERROR(do_spurious_interrupt_bug, SIGKILL, "spurious interrupt bug")
DO_ERROR(do_coprocessor_error, SIGFPE, "coprocessor error")
DO_ERROR(do_alignment_check, SIGBUS, "alignment check")
DO_ERROR(do_machine_check, SIGKILL, "machine check")
DO_ERROR(do_simd_coprocessor_error, SIGFPE, "SIMD coprocessor error")
DO_ERROR(do_virtualization_exception, SIGKILL, "virtualization exception")
DO_ERROR(do_reserved_exception, SIGKILL, "reserved exception")
DO_ERROR(do_iret_error, SIGILL, "iret exception")

#define ENTRY(name) extern char name##_entry[]
ENTRY(do_divide_error); ENTRY(do_debug); ENTRY(do_nmi); ENTRY(do_int3);
ENTRY(do_overflow); ENTRY(do_bounds); ENTRY(do_invalid_op);
ENTRY(do_device_not_available); ENTRY(do_double_fault);
ENTRY(do_coprocessor_segment_overrun); ENTRY(do_invalid_TSS);
ENTRY(do_segment_not_present); ENTRY(do_stack_segment);
ENTRY(do_general_protection); ENTRY(do_page_fault);
ENTRY(do_spurious_interrupt_bug); ENTRY(do_coprocessor_error);
ENTRY(do_alignment_check); ENTRY(do_machine_check);
ENTRY(do_simd_coprocessor_error); ENTRY(do_virtualization_exception);
ENTRY(do_reserved_exception);

static void *const exception_entries[] = {
	do_divide_error_entry, do_debug_entry, do_nmi_entry, do_int3_entry,
	do_overflow_entry, do_bounds_entry, do_invalid_op_entry,
	do_device_not_available_entry, do_double_fault_entry,
	do_coprocessor_segment_overrun_entry, do_invalid_TSS_entry,
	do_segment_not_present_entry, do_stack_segment_entry,
	do_general_protection_entry, do_page_fault_entry,
	do_spurious_interrupt_bug_entry, do_coprocessor_error_entry,
	do_alignment_check_entry, do_machine_check_entry,
	do_simd_coprocessor_error_entry, do_virtualization_exception_entry,
};


#define IA32_SYSCALL_VECTOR 0x80

/* trap_init: every exception vector, the 16 legacy IRQ lines, int $0x80, then lidt. */
void trap_init(void)
{
	struct { u16 limit; u32 base; } __attribute__((packed)) idtr;
	unsigned int i;

	for (i = 0; i < 32; i++)
		set_intr_gate(i, i < ARRAY_SIZE(exception_entries) ?
			      exception_entries[i] : do_reserved_exception_entry, 0);
	/* int3 and into may be used from user mode, as on Linux */
	set_intr_gate(X86_TRAP_BP, do_int3_entry, 3);
	set_intr_gate(X86_TRAP_OF, do_overflow_entry, 3);
	for (i = 0; i < NR_IRQS; i++)
		set_intr_gate(FIRST_EXTERNAL_VECTOR + i, irq_entries[i], 0);
	/* int $0x80: the system call gate, callable from ring 3 */
	set_intr_gate(IA32_SYSCALL_VECTOR, entry_INT80_32, 3);

	idtr.limit = sizeof(idt_table) - 1;
	idtr.base = (u32)idt_table;
	__asm__ __volatile__("lidt %0" : : "m"(idtr));
}
