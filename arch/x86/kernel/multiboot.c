/*
 * Reading the boot loader's information (Multiboot 1 from QEMU -kernel,
 * Multiboot 2 from GRUB) into struct boot_info. Addresses inside the block
 * are physical and reach us through __va(). Everything is copied, because
 * the page allocator will later reuse the memory the block lives in.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <asm/bootinfo.h>
#include <asm/page.h>

struct boot_info boot_info;

static void add_range(struct boot_info *bi, u64 addr, u64 size, u32 type)
{
	if (bi->nr_ranges < BOOT_MAX_RANGES) {
		struct boot_mem_range *r = &bi->ranges[bi->nr_ranges++];

		r->addr = addr;
		r->size = size;
		r->type = type >= BOOT_MEM_USABLE && type <= BOOT_MEM_UNUSABLE ?
			  type : BOOT_MEM_RESERVED;
	}
}

static void add_module(struct boot_info *bi, u32 start, u32 end, const char *name)
{
	if (bi->nr_modules < BOOT_MAX_MODULES && end >= start) {
		struct boot_module *m = &bi->modules[bi->nr_modules++];

		m->start = start;
		m->end = end;
		strlcpy(m->name, name ? name : "", sizeof(m->name));
	}
}

static u32 rd32(const u8 *p) { return *(const u32 *)p; }
static u64 rd64(const u8 *p) { return *(const u64 *)p; }

/* Multiboot 1: a fixed structure whose flags say which fields are valid. */
static int parse_mb1(const u8 *mbi, struct boot_info *bi)
{
	u32 flags = rd32(mbi);

	bi->multiboot_version = 1;
	if (flags & (1 << 2)) {
		/* Multiboot 1 loaders put the kernel's own path first: skip it */
		const char *cmd = __va(rd32(mbi + 16)), *space = strchr(cmd, ' ');

		strlcpy(bi->cmdline, space ? space + 1 : "", sizeof(bi->cmdline));
	}
	if (flags & (1 << 9))
		strlcpy(bi->loader, __va(rd32(mbi + 64)), sizeof(bi->loader));
	if (flags & (1 << 3)) {
		const u8 *mod = __va(rd32(mbi + 24));
		u32 i, n = rd32(mbi + 20);

		for (i = 0; i < n; i++, mod += 16)
			add_module(bi, rd32(mod), rd32(mod + 4),
				   rd32(mod + 8) ? __va(rd32(mod + 8)) : NULL);
	}
	if (flags & (1 << 6)) {
		const u8 *p = __va(rd32(mbi + 48));
		const u8 *end = p + rd32(mbi + 44);

		/* each entry: size (not counting itself), addr, len, type */
		while (p < end) {
			add_range(bi, rd64(p + 4), rd64(p + 12), rd32(p + 20));
			p += rd32(p) + 4;
		}
	} else if (flags & (1 << 0)) {
		add_range(bi, 0, (u64)rd32(mbi + 4) << 10, BOOT_MEM_USABLE);
		add_range(bi, 1 << 20, (u64)rd32(mbi + 8) << 10, BOOT_MEM_USABLE);
	}
	if (flags & (1 << 12)) {
		struct boot_framebuffer *fb = &bi->fb;

		bi->has_fb = true;
		fb->addr = rd64(mbi + 88);
		fb->pitch = rd32(mbi + 96);
		fb->width = rd32(mbi + 100);
		fb->height = rd32(mbi + 104);
		fb->bpp = mbi[108];
		fb->type = mbi[109];
		memcpy(&fb->red_pos, mbi + 110, 6);
	}
	return 0;
}

/* Multiboot 2: a list of tags, each 8-byte aligned, ended by type 0. */
static int parse_mb2(const u8 *mbi, struct boot_info *bi)
{
	const u8 *tag = mbi + 8, *end = mbi + rd32(mbi);

	bi->multiboot_version = 2;
	while (tag + 8 <= end) {
		u32 type = rd32(tag), size = rd32(tag + 4);

		if (type == 0 || size < 8)
			break;
		switch (type) {
		case 1:	/* command line */
			strlcpy(bi->cmdline, (const char *)tag + 8, sizeof(bi->cmdline));
			break;
		case 2:	/* boot loader name */
			strlcpy(bi->loader, (const char *)tag + 8, sizeof(bi->loader));
			break;
		case 3:	/* module */
			add_module(bi, rd32(tag + 8), rd32(tag + 12), (const char *)tag + 16);
			break;
		case 6: {	/* memory map */
			u32 esize = rd32(tag + 8);
			const u8 *e;

			for (e = tag + 16; esize && e + esize <= tag + size; e += esize)
				add_range(bi, rd64(e), rd64(e + 8), rd32(e + 16));
			break;
		}
		case 8: {	/* framebuffer */
			struct boot_framebuffer *fb = &bi->fb;

			bi->has_fb = true;
			fb->addr = rd64(tag + 8);
			fb->pitch = rd32(tag + 16);
			fb->width = rd32(tag + 20);
			fb->height = rd32(tag + 24);
			fb->bpp = tag[28];
			fb->type = tag[29];
			if (fb->type == FB_TYPE_RGB)
				memcpy(&fb->red_pos, tag + 32, 6);
			break;
		}
		}
		tag += (size + 7) & ~7U;
	}
	return 0;
}

/* parse_multiboot: fill *bi; -1 when no Multiboot loader started us. */
int parse_multiboot(u32 magic, const void *mbi, struct boot_info *bi)
{
	memset(bi, 0, sizeof(*bi));
	if (magic == MULTIBOOT_BOOTLOADER_MAGIC)
		return parse_mb1(mbi, bi);
	if (magic == MULTIBOOT2_BOOTLOADER_MAGIC)
		return parse_mb2(mbi, bi);
	return -1;
}
