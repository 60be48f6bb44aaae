/*
 * The VGA text console (Linux: drivers/video/console/vgacon.c): 80x25
 * cells of character + attribute at physical 0xb8000, scrolled by copying
 * rows up, with the hardware cursor moved through the CRT controller.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/string.h>
#include <asm/io.h>
#include <asm/page.h>

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_ATTR 0x0700		/* light grey on black */
#define VGA_CRTC_INDEX 0x3d4
#define VGA_CRTC_DATA 0x3d5

static u16 *vga_mem;
static unsigned int col, row;

static void vgacon_scroll(void)
{
	unsigned int i;

	memmove(vga_mem, vga_mem + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * 2);
	for (i = 0; i < VGA_COLS; i++)
		vga_mem[(VGA_ROWS - 1) * VGA_COLS + i] = VGA_ATTR | ' ';
}

static void vgacon_set_cursor(void)
{
	unsigned int pos = row * VGA_COLS + col;

	outb(0x0e, VGA_CRTC_INDEX);
	outb(pos >> 8, VGA_CRTC_DATA);
	outb(0x0f, VGA_CRTC_INDEX);
	outb(pos & 0xff, VGA_CRTC_DATA);
}

static void vgacon_putc(char c)
{
	switch (c) {
	case '\n':
		col = 0;
		row++;
		break;
	case '\r':
		col = 0;
		break;
	case '\b':
		if (col)
			col--;
		break;
	case '\t':
		col = (col + 8) & ~7U;
		break;
	default:
		vga_mem[row * VGA_COLS + col++] = VGA_ATTR | (u8)c;
	}
	if (col >= VGA_COLS) {
		col = 0;
		row++;
	}
	if (row >= VGA_ROWS) {
		vgacon_scroll();
		row = VGA_ROWS - 1;
	}
}

static void vgacon_write(struct console *con, const char *s, unsigned int n)
{
	(void)con;
	while (n--)
		vgacon_putc(*s++);
	vgacon_set_cursor();
}

static struct console vga_console = {
	.name = "tty0",
	.write = vgacon_write,
};

/* vgacon_init: clear the screen and become a console (unless console= says no). */
void vgacon_init(void)
{
	unsigned int i;

	vga_mem = __va(0xb8000);
	for (i = 0; i < VGA_COLS * VGA_ROWS; i++)
		vga_mem[i] = VGA_ATTR | ' ';
	vga_console.enabled = console_wanted(vga_console.name);
	register_console(&vga_console);
}
