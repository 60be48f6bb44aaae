/* The framebuffer console's font (Linux: include/linux/font.h): 8x16
 * glyphs, generated at build time from a Debian console font
 * (tools/psf2c.py writes $(O)/font_8x16.c). */
#ifndef _LINUX_FONT_H
#define _LINUX_FONT_H

#define FONT_W 8
#define FONT_H 16

extern const unsigned char font_8x16[256 * FONT_H];

#endif
