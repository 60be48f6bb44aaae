/*
 * Hardware interrupt dispatch (Linux: arch/x86/kernel/irq.c, kernel/irq/).
 * The IRQ stubs in entry_32.asm store ~irq in orig_ax and call do_IRQ,
 * which acknowledges the 8259 and runs the one handler registered for the
 * line. Linux has chained handlers and descriptors per line; yomi has one
 * handler per line.
 */
#include <linux/kernel.h>
#include <asm/irq.h>

static struct {
	irq_handler_t handler;
	const char *name;
	unsigned long count;
} irq_desc[NR_IRQS];

int request_irq(unsigned int irq, irq_handler_t handler, const char *name)
{
	if (irq >= NR_IRQS || irq_desc[irq].handler)
		return -1;
	irq_desc[irq].handler = handler;
	irq_desc[irq].name = name;
	enable_8259A_irq(irq);
	return 0;
}

void do_IRQ(struct pt_regs *regs)
{
	unsigned int irq = ~regs->orig_ax;

	ack_8259A_irq(irq);
	irq_desc[irq].count++;
	if (irq_desc[irq].handler)
		irq_desc[irq].handler(irq, regs);
}

void init_IRQ(void)
{
	init_8259A();
}
