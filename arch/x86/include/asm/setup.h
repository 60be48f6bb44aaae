/* The steps of start_kernel that live in their own files. */
#ifndef _ASM_X86_SETUP_H
#define _ASM_X86_SETUP_H

#include <linux/compiler.h>

extern char _text[], _etext[], __start_rodata[], __end_rodata[], _sdata[], _edata[], __bss_start[], __bss_stop[], _end[];
extern unsigned int multiboot_magic, multiboot_info_phys;

void setup_arch(void);		/* boot info, memory map, GDT */
void mem_report(void);		/* the "Memory: ..." line */
void console_init(void);	/* VGA text or framebuffer console, keyboard */
void run_selftests(void);	/* the checks selftest= asks for */
__noreturn void rest_init(void);

#endif
