/* <sys/personality.h>: personality (136) and its flags, the kernel's own
 * (<linux/personality.h>): yomi's kernel acts on ADDR_NO_RANDOMIZE (as
 * `setarch -R`) and ADDR_COMPAT_LAYOUT (the legacy mmap layout).
 * personality(0xffffffff) only reads the current value. */
#ifndef _SYS_PERSONALITY_H
#define _SYS_PERSONALITY_H

#include <linux/personality.h>

int personality(unsigned long persona);

#endif
