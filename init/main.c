/*
 * start_kernel: everything the kernel does from the boot stack until it has
 * nothing left to run (Linux: init/main.c). The order matters: the serial
 * console first so every later step can report; then the boot information,
 * the command line, descriptor tables, memory, interrupts and the clock;
 * then the remaining consoles and input; then the self-checks asked for.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <asm/bootinfo.h>
#include <asm/desc.h>
#include <asm/irq.h>
#include <asm/pgtable.h>
#include <asm/processor.h>
#include <asm/reboot.h>
#include <asm/setup.h>

#define YOMI_BANNER "yomi version " YOMI_VERSION " (" YOMI_COMPILER ")"

const char linux_banner[] = YOMI_BANNER "\n";

asmlinkage __noreturn void start_kernel(void);

asmlinkage void start_kernel(void)
{
	serial8250_init();
	printk(KERN_NOTICE "%s", linux_banner);
	setup_arch();
	pr_notice("Kernel command line: %s\n", boot_info.cmdline);
	parse_command_line(boot_info.cmdline);
	trap_init();
	mem_init();
	kmem_cache_init();
	paging_init();
	mem_report();
	init_IRQ();
	time_init();
	tsc_init();
	serial8250_irq_init();
	console_init();
	local_irq_enable();
	run_selftests();
	rest_init();
}

/*
 * rest_init: what the kernel runs once it is up. Until there is a user
 * space it has nothing to run, so it says so and powers the machine off.
 */
void rest_init(void)
{
	pr_notice("yomi: no init to run yet, powering off\n");
	machine_power_off(0);
}
