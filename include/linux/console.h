/* Consoles: where printk's text goes (serial, VGA text, framebuffer). */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

#include <linux/types.h>

struct console {
	const char *name;	/* as in console=: "ttyS0", "tty0" */
	void (*write)(struct console *con, const char *s, unsigned int n);
	bool enabled;
	struct console *next;
};

void register_console(struct console *con);
void console_print(const char *s, unsigned int n);	/* raw text to every console */
bool console_wanted(const char *name);

/* Console input: drivers hand received characters to the tty layer. */
void tty_insert_char(char c);
int tty_read_char(void);	/* waits for a character */

void serial8250_init(void);
void serial8250_irq_init(void);
void vgacon_init(void);
void fbcon_init(void);
void kbd_init(void);

#endif
