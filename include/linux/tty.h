/*
 * The console terminal's two halves (Linux: include/linux/tty.h):
 * drivers/tty/tty_buffer.c keeps the characters that came in,
 * drivers/tty/n_tty.c (the line discipline) makes lines and signals of them.
 */
#ifndef _LINUX_TTY_H
#define _LINUX_TTY_H

#include <linux/types.h>

bool n_tty_receive_signal_char(char c);	/* ^C, ^\: a signal, not input */
void tty_flush_input(void);
unsigned int tty_chars_available(void);
struct file;
struct poll_table_struct;
void tty_poll_wait(struct file *f, struct poll_table_struct *pt);

#endif
