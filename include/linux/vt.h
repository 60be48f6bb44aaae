/*
 * The text screen shared by the VGA and framebuffer consoles (Linux:
 * drivers/tty/vt/vt.c over the consw drivers). vc_write does what every
 * screen does with text - newline, carriage return, backspace, tab,
 * wrapping and scrolling - and calls the driver only to draw a character,
 * scroll, and show or hide the cursor.
 */
#ifndef _LINUX_VT_H
#define _LINUX_VT_H

#include <linux/console.h>

struct vc_data {
	unsigned int cols, rows;	/* screen size in character cells */
	unsigned int x, y;		/* the cursor */
	void (*putc)(struct vc_data *vc, u8 c);		/* draw c at (x, y) */
	void (*scroll)(struct vc_data *vc);		/* up one row, last row blank */
	void (*cursor)(struct vc_data *vc, bool show);
	struct console con;
};

void vc_write(struct console *con, const char *s, unsigned int n);

#endif
