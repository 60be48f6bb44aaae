/*
 * The framebuffer text console (Linux: drivers/video/console/fbcon.c, now
 * drivers/video/fbdev/core/, over a firmware framebuffer driver such as
 * efifb, with fonts from lib/fonts/). Under UEFI there is no VGA text
 * mode: GRUB leaves a linear RGB framebuffer, and this console draws
 * characters into it with an 8x16 bitmap font (generated at build time
 * from a Debian console font by tools/psf2c.py, indexed by Latin-1).
 * Unlike Linux there is no fb_info layer, no colours, no virtual consoles
 * and no scrollback: light grey on black, cells drawn as they are written,
 * scrolling by moving the framebuffer rows up, and an underline cursor.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/font.h>
#include <linux/string.h>
#include <linux/vt.h>
#include <asm/bootinfo.h>
#include <asm/io.h>

#define CURSOR_H 2		/* underline cursor: the cell's last two pixel rows */
#define MAX_ROWS 256		/* text rows used at most (4096 pixels high) */


static u8 *fb;			/* the mapped framebuffer */
static unsigned int pitch;	/* bytes from one pixel row to the next */
static unsigned int cell_bytes;	/* bytes of one pixel row of a cell: 8 pixels */
static u16 used[MAX_ROWS];	/* per text row: cells from the left that may not be black */
static bool cursor_shown;

/*
 * The framebuffer bytes of each of the 256 possible 8-pixel glyph rows,
 * foreground where a bit is set and black (0 in every RGB layout) where
 * not: drawing a glyph is then 16 copies of a few words, whatever the
 * pixel format.
 */
static u32 glyph_rows[256][FONT_W];	/* up to 8 pixels of 4 bytes */

static inline u8 *cell_addr(unsigned int x, unsigned int y)
{
	return fb + y * FONT_H * pitch + x * cell_bytes;
}

/* fbcon_build_rows: fill glyph_rows for this pixel format and colour. */
static void fbcon_build_rows(const struct boot_framebuffer *f, u8 r, u8 g, u8 b)
{
	unsigned int bytes_pp = f->bpp / 8, bits, i, k;
	u32 fg = (u32)(r >> (8 - min(f->red_size, 8))) << f->red_pos |
		 (u32)(g >> (8 - min(f->green_size, 8))) << f->green_pos |
		 (u32)(b >> (8 - min(f->blue_size, 8))) << f->blue_pos;

	for (bits = 0; bits < 256; bits++) {
		u8 *out = (u8 *)glyph_rows[bits];

		for (i = 0; i < FONT_W; i++)
			for (k = 0; k < bytes_pp; k++)	/* pixels are little-endian */
				*out++ = bits & (0x80 >> i) ? fg >> (8 * k) : 0;
	}
}

/* fbcon_putc: draw one character into the cursor's cell. */
static void fbcon_putc(struct vc_data *vc, u8 c)
{
	const u8 *glyph = &font_8x16[c * FONT_H];
	u8 *line = cell_addr(vc->x, vc->y);
	unsigned int i;

	for (i = 0; i < FONT_H; i++, line += pitch)
		memcpy(line, glyph_rows[glyph[i]], cell_bytes);
	if (vc->x >= used[vc->y])
		used[vc->y] = vc->x + 1;
}

/* fbcon_cursor: XOR an underline into the cursor cell (twice undoes it). */
static void fbcon_cursor(struct vc_data *vc, bool show)
{
	u32 *line = (u32 *)(cell_addr(vc->x, vc->y) + (FONT_H - CURSOR_H) * pitch);
	unsigned int i, k;

	if (show == cursor_shown)
		return;
	for (i = 0; i < CURSOR_H; i++, line = (u32 *)((u8 *)line + pitch))
		for (k = 0; k < cell_bytes / 4; k++)
			line[k] ^= glyph_rows[0xff][k];
	cursor_shown = show;
}

/*
 * fbcon_scroll: move the text up one row and clear the last row. Each
 * pixel row is copied only as far as text has reached in it (used[]), the
 * rest being black already: one memmove of the whole screen would do the
 * same, but log lines are short and framebuffer memory is slow.
 */
static void fbcon_scroll(struct vc_data *vc)
{
	unsigned int r, i;

	for (r = 0; r < vc->rows; r++) {
		unsigned int below = r + 1 < vc->rows ? used[r + 1] : 0;
		unsigned int keep = below * cell_bytes, stale = used[r] * cell_bytes;
		u8 *dst = cell_addr(0, r);

		for (i = 0; i < FONT_H; i++, dst += pitch) {
			if (keep)
				memcpy(dst, dst + FONT_H * pitch, keep);
			if (stale > keep)
				memset(dst + keep, 0, stale - keep);
		}
		used[r] = below;
	}
}

static struct vc_data fb_vc = {
	.putc = fbcon_putc,
	.scroll = fbcon_scroll,
	.cursor = fbcon_cursor,
	.con = { .name = "tty0", .write = vc_write },
};

/* fbcon_init: map and clear the boot framebuffer, then become a console. */
void fbcon_init(void)
{
	const struct boot_framebuffer *f = &boot_info.fb;
	unsigned long size = f->pitch * f->height;

	if ((f->bpp != 16 && f->bpp != 24 && f->bpp != 32) ||
	    f->width < FONT_W || f->height < FONT_H) {
		pr_warn("fbcon: %ux%ux%u framebuffer not supported\n",
			f->width, f->height, f->bpp);
		return;
	}
	if (f->addr + size > 0x100000000ULL ||
	    !(fb = ioremap((phys_addr_t)f->addr, size))) {
		pr_warn("fbcon: cannot map the framebuffer at %#llx\n", f->addr);
		return;
	}
	pitch = f->pitch;
	cell_bytes = FONT_W * f->bpp / 8;
	fb_vc.cols = f->width / FONT_W;
	fb_vc.rows = min(f->height / FONT_H, MAX_ROWS);
	fbcon_build_rows(f, 0xaa, 0xaa, 0xaa);	/* VGA's light grey */
	memset(fb, 0, size);
	pr_info("fbcon: %ux%ux%u framebuffer at %#010llx\n",
		f->width, f->height, f->bpp, f->addr);
	fb_vc.con.enabled = console_wanted(fb_vc.con.name);
	register_console(&fb_vc.con);
}
