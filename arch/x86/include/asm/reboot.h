#ifndef _ASM_X86_REBOOT_H
#define _ASM_X86_REBOOT_H

#include <linux/compiler.h>

/* machine_power_off: stop the machine; QEMU's exit code carries status. */
__noreturn void machine_power_off(int status);

#endif
