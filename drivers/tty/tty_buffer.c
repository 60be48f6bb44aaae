/*
 * Console input (a much smaller relative of Linux's drivers/tty/tty_buffer.c):
 * the serial and keyboard interrupt handlers put characters in a ring;
 * readers take them out, halting the CPU until one arrives. The line
 * discipline (echo, editing, signals) is built on top of this.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <asm/processor.h>

#define TTY_BUF_SIZE 256

static char ring[TTY_BUF_SIZE];
static volatile unsigned int head, tail;

/* tty_insert_char: called from interrupt handlers; drops input when full. */
void tty_insert_char(char c)
{
	if (head - tail < TTY_BUF_SIZE)
		ring[head++ % TTY_BUF_SIZE] = c;
}

int tty_read_char(void)
{
	int c;

	local_irq_disable();
	while (head == tail) {
		safe_halt();
		local_irq_disable();
	}
	c = (unsigned char)ring[tail++ % TTY_BUF_SIZE];
	local_irq_enable();
	return c;
}
