/* Legacy (8259 PIC) interrupt lines and their handlers. */
#ifndef _ASM_X86_IRQ_H
#define _ASM_X86_IRQ_H

#include <asm/ptrace.h>

#define NR_IRQS 16
#define FIRST_EXTERNAL_VECTOR 0x20
#define TIMER_IRQ 0
#define KEYBOARD_IRQ 1
#define COM1_IRQ 4

typedef void (*irq_handler_t)(int irq, struct pt_regs *regs);

void init_IRQ(void);
int request_irq(unsigned int irq, irq_handler_t handler, const char *name);
void do_IRQ(struct pt_regs *regs);
void enable_8259A_irq(unsigned int irq);
void ack_8259A_irq(unsigned int irq);
void init_8259A(void);

#endif
