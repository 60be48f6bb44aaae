/*
 * console_init: pick the screen console the boot loader left us (Linux
 * decides the same between vgacon and fbcon), then start the keyboard.
 * A Multiboot2 framebuffer tag of type RGB (UEFI, or a graphics mode)
 * means the framebuffer console; EGA text, or no tag at all (QEMU -kernel,
 * Multiboot1), means VGA text.
 */
#include <linux/kernel.h>
#include <linux/console.h>
#include <asm/bootinfo.h>
#include <asm/setup.h>

void console_init(void)
{
	if (boot_info.has_fb && boot_info.fb.type == FB_TYPE_RGB)
		fbcon_init();
	else
		vgacon_init();
	kbd_init();
}
