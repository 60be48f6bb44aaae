/*
 * vc_write: text onto a screen (Linux: drivers/tty/vt/vt.c, do_con_write,
 * much reduced: no escape sequences, colours or virtual consoles). The
 * screen driver (vgacon, fbcon) only draws; the cursor logic is here.
 */
#include <linux/kernel.h>
#include <linux/vt.h>

static void vc_putc(struct vc_data *vc, char c)
{
	switch (c) {
	case '\n':
		vc->x = 0;
		vc->y++;
		break;
	case '\r':
		vc->x = 0;
		break;
	case '\b':
		if (vc->x)
			vc->x--;
		break;
	case '\t':
		vc->x = (vc->x + 8) & ~7U;
		break;
	default:
		vc->putc(vc, c);
		vc->x++;
	}
	if (vc->x >= vc->cols) {
		vc->x = 0;
		vc->y++;
	}
	if (vc->y >= vc->rows) {
		vc->scroll(vc);
		vc->y = vc->rows - 1;
	}
}

/* vc_write: the write method of every screen console. */
void vc_write(struct console *con, const char *s, unsigned int n)
{
	struct vc_data *vc = container_of(con, struct vc_data, con);

	vc->cursor(vc, false);
	while (n--)
		vc_putc(vc, *s++);
	vc->cursor(vc, true);
}
