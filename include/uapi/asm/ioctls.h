/*
 * The terminal ioctl requests yomi's console answers, Linux i386 numbers
 * (Linux: include/uapi/asm-generic/ioctls.h), and struct winsize: shared by
 * the kernel and yomi's C library.
 */
#ifndef _UAPI_ASM_X86_IOCTLS_H
#define _UAPI_ASM_X86_IOCTLS_H

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B

struct winsize {
	unsigned short ws_row;
	unsigned short ws_col;
	unsigned short ws_xpixel;
	unsigned short ws_ypixel;
};

#endif
