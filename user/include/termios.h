/* <termios.h>: terminal attributes with the i386 kernel's struct termios
 * (TCGETS/TCSETS copy exactly these 36 bytes; glibc's user structure adds
 * speed fields and has NCCS 32, here it is the kernel's 19). Only the flags
 * yomi's terminal looks at, and the common ones, are named. */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <sys/types.h>

#include <asm/termbits.h>

/* tcsetattr's when */
#define TCSANOW		0
#define TCSADRAIN	1
#define TCSAFLUSH	2

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
void cfmakeraw(struct termios *t);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
int isatty(int fd);

#endif
