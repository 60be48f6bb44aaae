/* <sys/auxv.h>: getauxval() and the auxiliary vector's entry types, the
 * kernel's own (<linux/auxvec.h>; the kernel puts the vector above envp
 * on the stack). */
#ifndef _SYS_AUXV_H
#define _SYS_AUXV_H

#include <linux/auxvec.h>

unsigned long getauxval(unsigned long type);

#endif
