/*
 * Console input (a much smaller relative of Linux's drivers/tty/tty_buffer.c):
 * the serial and keyboard interrupt handlers hand each character to
 * tty_insert_char, which lets the line discipline act on signal keys at
 * once (Ctrl-C must stop a program that is not reading) and queues the
 * rest in a ring that readers take from, sleeping while it is empty.
 */
#include <linux/kernel.h>
#include <linux/tty.h>
#include <linux/console.h>
#include <linux/sched.h>
#include <linux/wait.h>
#include <linux/poll.h>
#include <asm/processor.h>

#define TTY_BUF_SIZE 1024

static char ring[TTY_BUF_SIZE];
static volatile unsigned int head, tail;
static DECLARE_WAIT_QUEUE_HEAD(tty_read_wait);


/* tty_insert_char: called from interrupt handlers; drops input when full. */
void tty_insert_char(char c)
{
	if (n_tty_receive_signal_char(c))
		return;
	if (head - tail < TTY_BUF_SIZE)
		ring[head++ % TTY_BUF_SIZE] = c;
	wake_up(&tty_read_wait);
}

/* tty_flush_input: drop queued input (after Ctrl-C, as Linux flushes). */
void tty_flush_input(void)
{
	tail = head;
}

/* tty_poll_wait: hang a poller on the input queue (n_tty's poll) */
void tty_poll_wait(struct file *f, struct poll_table_struct *pt)
{
	poll_wait(f, &tty_read_wait, pt);
}

unsigned int tty_chars_available(void)
{
	return head - tail;
}

/*
 * tty_read_char: the next input character, or -1 when a signal arrived
 * first. The boot-time self-test, which runs before there are processes,
 * halts the CPU between interrupts instead of sleeping.
 */
int tty_read_char(void)
{
	int c;

	if (current == &init_task) {
		local_irq_disable();
		while (head == tail) {
			safe_halt();
			local_irq_disable();
		}
		local_irq_enable();
	} else if (wait_event_interruptible(tty_read_wait, head != tail)) {
		return -1;
	}
	c = (unsigned char)ring[tail++ % TTY_BUF_SIZE];
	return c;
}
