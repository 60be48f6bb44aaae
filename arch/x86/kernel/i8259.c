/*
 * The two cascaded 8259A interrupt controllers (Linux: arch/x86/kernel/i8259.c).
 * init_8259A moves IRQ 0-15 to vectors 0x20-0x2f, away from the CPU's
 * exceptions, and masks every line until a driver asks for it.
 */
#include <linux/kernel.h>
#include <asm/io.h>
#include <asm/irq.h>

#define PIC_MASTER_CMD 0x20
#define PIC_MASTER_IMR 0x21
#define PIC_SLAVE_CMD 0xa0
#define PIC_SLAVE_IMR 0xa1
#define PIC_CASCADE_IR 2
#define PIC_EOI 0x20

static unsigned int cached_irq_mask = 0xffff;

static void write_mask(void)
{
	outb(cached_irq_mask & 0xff, PIC_MASTER_IMR);
	outb(cached_irq_mask >> 8, PIC_SLAVE_IMR);
}

void enable_8259A_irq(unsigned int irq)
{
	cached_irq_mask &= ~(1U << irq);
	if (irq >= 8)
		cached_irq_mask &= ~(1U << PIC_CASCADE_IR);
	write_mask();
}

/* ack_8259A_irq: end of interrupt, to the slave too for IRQ 8-15. */
void ack_8259A_irq(unsigned int irq)
{
	if (irq >= 8)
		outb(PIC_EOI, PIC_SLAVE_CMD);
	outb(PIC_EOI, PIC_MASTER_CMD);
}

void init_8259A(void)
{
	outb(0x11, PIC_MASTER_CMD);		/* ICW1: edge, cascade, ICW4 */
	outb(FIRST_EXTERNAL_VECTOR, PIC_MASTER_IMR);	/* ICW2: vector base */
	outb(1U << PIC_CASCADE_IR, PIC_MASTER_IMR);	/* ICW3: slave on IR2 */
	outb(0x01, PIC_MASTER_IMR);		/* ICW4: 8086 mode */
	outb(0x11, PIC_SLAVE_CMD);
	outb(FIRST_EXTERNAL_VECTOR + 8, PIC_SLAVE_IMR);
	outb(PIC_CASCADE_IR, PIC_SLAVE_IMR);
	outb(0x01, PIC_SLAVE_IMR);
	write_mask();
}
