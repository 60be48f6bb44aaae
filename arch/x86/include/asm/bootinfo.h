/*
 * What the boot loader told us, copied out of its Multiboot1 or Multiboot2
 * information block early (Linux keeps the same kind of facts in
 * struct boot_params).
 */
#ifndef _ASM_X86_BOOTINFO_H
#define _ASM_X86_BOOTINFO_H

#include <linux/types.h>

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002
#define MULTIBOOT2_BOOTLOADER_MAGIC 0x36d76289

#define BOOT_MEM_USABLE 1	/* memory map types, as in e820 */
#define BOOT_MEM_RESERVED 2
#define BOOT_MEM_ACPI 3
#define BOOT_MEM_NVS 4
#define BOOT_MEM_UNUSABLE 5

#define BOOT_MAX_RANGES 64
#define BOOT_MAX_MODULES 8

#define FB_TYPE_INDEXED 0
#define FB_TYPE_RGB 1
#define FB_TYPE_EGA_TEXT 2

struct boot_mem_range {
	u64 addr, size;
	u32 type;
};

struct boot_module {
	u32 start, end;		/* physical, end exclusive */
	char name[64];
};

struct boot_framebuffer {
	u64 addr;
	u32 pitch, width, height;
	u8 bpp, type;
	u8 red_pos, red_size, green_pos, green_size, blue_pos, blue_size;
};

struct boot_info {
	int multiboot_version;		/* 1 or 2 */
	char cmdline[512];
	char loader[64];
	int nr_ranges;
	struct boot_mem_range ranges[BOOT_MAX_RANGES];
	int nr_modules;
	struct boot_module modules[BOOT_MAX_MODULES];
	bool has_fb;
	struct boot_framebuffer fb;
};

extern struct boot_info boot_info;

int parse_multiboot(u32 magic, const void *mbi, struct boot_info *bi);

#endif
