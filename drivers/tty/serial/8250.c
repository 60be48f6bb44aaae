/*
 * The PC serial port COM1 (Linux: drivers/tty/serial/8250/). It is the
 * console that is always there: ttyS0 at 115200 baud, 8N1. Output polls
 * the transmitter; input arrives by interrupt (IRQ 4) and goes to the tty.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <asm/io.h>
#include <asm/irq.h>
#include <asm/processor.h>

#define COM1 0x3f8
#define UART_RX 0	/* receive buffer */
#define UART_TX 0	/* transmit holding */
#define UART_DLL 0	/* divisor latch, low byte (DLAB=1) */
#define UART_IER 1	/* interrupt enable */
#define UART_DLM 1	/* divisor latch, high byte (DLAB=1) */
#define UART_FCR 2	/* FIFO control */
#define UART_LCR 3	/* line control */
#define UART_MCR 4	/* modem control */
#define UART_LSR 5	/* line status */
#define UART_LSR_DR 0x01
#define UART_LSR_THRE 0x20

static void serial_putc(char c)
{
	while (!(inb(COM1 + UART_LSR) & UART_LSR_THRE))
		cpu_relax();
	outb(c, COM1 + UART_TX);
}

static void serial_console_write(struct console *con, const char *s, unsigned int n)
{
	(void)con;
	while (n--) {
		if (*s == '\n')
			serial_putc('\r');
		serial_putc(*s++);
	}
}

static struct console serial_console = {
	.name = "ttyS0",
	.write = serial_console_write,
	.enabled = true,
};

static void serial8250_interrupt(int irq, struct pt_regs *regs)
{
	(void)irq;
	(void)regs;
	while (inb(COM1 + UART_LSR) & UART_LSR_DR)
		tty_insert_char(inb(COM1 + UART_RX));
}

/* serial8250_init: program the UART and make it the first console. */
void serial8250_init(void)
{
	outb(0x00, COM1 + UART_IER);
	outb(0x80, COM1 + UART_LCR);	/* DLAB on */
	outb(1, COM1 + UART_DLL);	/* 115200 / 1 */
	outb(0, COM1 + UART_DLM);
	outb(0x03, COM1 + UART_LCR);	/* 8N1, DLAB off */
	/* a byte that came before us would be lost when the FIFO is switched on */
	while (inb(COM1 + UART_LSR) & UART_LSR_DR)
		tty_insert_char(inb(COM1 + UART_RX));
	outb(0xc7, COM1 + UART_FCR);	/* FIFO on, cleared, 14-byte trigger */
	outb(0x0b, COM1 + UART_MCR);	/* DTR, RTS, OUT2 (IRQ gate) */
	register_console(&serial_console);
}

/* serial8250_irq_init: receive interrupts, once the IDT and PIC are ready. */
void serial8250_irq_init(void)
{
	request_irq(COM1_IRQ, serial8250_interrupt, "serial");
	outb(0x01, COM1 + UART_IER);	/* interrupt on received data */
	serial8250_interrupt(COM1_IRQ, NULL);	/* and take what came before */
}
