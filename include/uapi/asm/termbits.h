/*
 * The i386 kernel's struct termios (36 bytes: TCGETS/TCSETS copy exactly
 * this) and its flags and c_cc indexes (Linux: include/uapi/asm-generic/
 * termbits.h): shared by the kernel's terminal and yomi's C library.
 */
#ifndef _UAPI_ASM_X86_TERMBITS_H
#define _UAPI_ASM_X86_TERMBITS_H

typedef unsigned char cc_t;
typedef unsigned int speed_t;
typedef unsigned int tcflag_t;

#define NCCS 19

struct termios {
	tcflag_t c_iflag;	/* input modes */
	tcflag_t c_oflag;	/* output modes */
	tcflag_t c_cflag;	/* control modes */
	tcflag_t c_lflag;	/* local modes */
	cc_t c_line;
	cc_t c_cc[NCCS];	/* special characters */
};

/* c_cc indexes */
#define VINTR	0
#define VQUIT	1
#define VERASE	2
#define VKILL	3
#define VEOF	4
#define VTIME	5
#define VMIN	6
#define VSTART	8
#define VSTOP	9
#define VSUSP	10
#define VEOL	11

/* c_iflag */
#define IGNBRK	0000001
#define BRKINT	0000002
#define INLCR	0000100
#define IGNCR	0000200
#define ICRNL	0000400
#define IXON	0002000
/* c_oflag */
#define OPOST	0000001
#define ONLCR	0000004
/* c_cflag */
#define CSIZE	0000060
#define CS8	0000060
#define CREAD	0000200
/* c_lflag */
#define ISIG	0000001
#define ICANON	0000002
#define ECHO	0000010
#define ECHOE	0000020
#define ECHOK	0000040
#define ECHONL	0000100
#define NOFLSH	0000200
#define TOSTOP	0000400
#define IEXTEN	0100000

#endif
