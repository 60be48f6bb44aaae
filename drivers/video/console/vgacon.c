/*
 * The VGA text console (Linux: drivers/video/console/vgacon.c): 80x25
 * cells of character + attribute at physical 0xb8000, scrolled by copying
 * rows up, with the hardware cursor moved through the CRT controller.
 * The text logic is vc_write's (drivers/tty/vt.c).
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/string.h>
#include <linux/vt.h>
#include <asm/io.h>
#include <asm/page.h>

#define VGA_COLS 80
#define VGA_ROWS 25
#define VGA_ATTR 0x0700		/* light grey on black */
#define VGA_CRTC_INDEX 0x3d4
#define VGA_CRTC_DATA 0x3d5

static u16 *vga_mem;

static void vgacon_putc(struct vc_data *vc, u8 c)
{
	vga_mem[vc->y * VGA_COLS + vc->x] = VGA_ATTR | c;
}

static void vgacon_scroll(struct vc_data *vc)
{
	unsigned int i;

	(void)vc;
	memmove(vga_mem, vga_mem + VGA_COLS, (VGA_ROWS - 1) * VGA_COLS * 2);
	for (i = 0; i < VGA_COLS; i++)
		vga_mem[(VGA_ROWS - 1) * VGA_COLS + i] = VGA_ATTR | ' ';
}

/* vgacon_cursor: the hardware cursor follows the text (nothing to hide). */
static void vgacon_cursor(struct vc_data *vc, bool show)
{
	unsigned int pos = vc->y * VGA_COLS + vc->x;

	if (!show)
		return;
	outb(0x0e, VGA_CRTC_INDEX);
	outb(pos >> 8, VGA_CRTC_DATA);
	outb(0x0f, VGA_CRTC_INDEX);
	outb(pos & 0xff, VGA_CRTC_DATA);
}

static struct vc_data vga_vc = {
	.cols = VGA_COLS,
	.rows = VGA_ROWS,
	.putc = vgacon_putc,
	.scroll = vgacon_scroll,
	.cursor = vgacon_cursor,
	.con = { .name = "tty0", .write = vc_write },
};

/* vgacon_init: clear the screen and become a console (unless console= says no). */
void vgacon_init(void)
{
	unsigned int i;

	vga_mem = __va(0xb8000);
	for (i = 0; i < VGA_COLS * VGA_ROWS; i++)
		vga_mem[i] = VGA_ATTR | ' ';
	vga_vc.con.enabled = console_wanted(vga_vc.con.name);
	register_console(&vga_vc.con);
}
