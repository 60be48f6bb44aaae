/* <sys/ioctl.h>: ioctl() and the terminal requests of Linux i386
 * (asm-generic/ioctls.h) that yomi's console answers. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <asm/ioctls.h>

int ioctl(int fd, unsigned long request, ...);

#endif
