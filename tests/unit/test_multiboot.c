/*
 * parse_multiboot() (arch/x86/kernel/multiboot.c) on hand-built boot
 * information: a Multiboot1 block as QEMU's -kernel makes it (flags, the
 * kernel path before the command line, modules, a memory map with
 * entries of different sizes, the framebuffer) and a Multiboot2 tag list
 * as GRUB makes it (unknown and odd-sized tags skipped, the end tag and
 * total_size honoured), the limits of struct boot_info, and a bad magic.
 * The block lives in a buffer that stands for physical memory at 1 MiB.
 */
// sources: arch/x86/kernel/multiboot.c
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/kernel.h>
#include <asm/bootinfo.h>
#include <asm/page.h>
#include "check.h"

#define PHYS_BASE 0x100000UL
#define MEM_SIZE 0x10000UL

static unsigned char *mem;
static unsigned long brk;		/* next free physical address */
static struct boot_info bi;

static void *va(unsigned long phys) { return mem + (phys - PHYS_BASE); }

static void reset(void)
{
	memset(mem, 0xee, MEM_SIZE);	/* garbage wherever nothing was put */
	brk = PHYS_BASE;
	memset(&bi, 0x5a, sizeof(bi));	/* parse_multiboot must clear it */
}

/* alloc: physical room for n bytes */
static unsigned long alloc(unsigned long n, unsigned long align)
{
	unsigned long p = ALIGN(brk, align);

	brk = p + n;
	if (brk > PHYS_BASE + MEM_SIZE)
		abort();
	return p;
}

static unsigned long put_str(const char *s)
{
	unsigned long p = alloc(strlen(s) + 1, 1);

	strcpy(va(p), s);
	return p;
}

static void w8(void *p, unsigned int v) { *(unsigned char *)p = v; }
static void w32(void *p, unsigned int v) { memcpy(p, &v, 4); }
static void w64(void *p, unsigned long long v) { memcpy(p, &v, 8); }

static void check_range(int i, unsigned long long addr, unsigned long long size, unsigned int type)
{
	CHECK(i < bi.nr_ranges, "range %d missing", i);
	if (i >= bi.nr_ranges)
		return;
	CHECK(bi.ranges[i].addr == addr && bi.ranges[i].size == size && bi.ranges[i].type == type,
	      "range %d is %#llx+%#llx type %u, want %#llx+%#llx type %u", i, bi.ranges[i].addr,
	      bi.ranges[i].size, bi.ranges[i].type, addr, size, type);
}

/* --- Multiboot 1 ---------------------------------------------------------- */

/* mb1_mmap_entry: "size" counts the bytes after itself; 20 is the usual */
static void mb1_mmap_entry(unsigned int size, unsigned long long addr,
			   unsigned long long len, unsigned int type)
{
	unsigned char *e = va(alloc(size + 4, 1));

	w32(e, size);
	w64(e + 4, addr);
	w64(e + 12, len);
	w32(e + 20, type);
}

static void check_mb1_full(void)
{
	unsigned char *mbi, *mods;
	unsigned long mbi_phys, mods_phys, mmap_phys;

	reset();
	mbi_phys = alloc(120, 4);
	mbi = va(mbi_phys);
	memset(mbi, 0, 120);
	w32(mbi + 0, 1 << 0 | 1 << 2 | 1 << 3 | 1 << 6 | 1 << 9 | 1 << 12);
	w32(mbi + 4, 639);			/* mem_lower/upper: the map wins */
	w32(mbi + 8, 130048);
	w32(mbi + 16, put_str("/boot/yomi.elf selftest=mm foo=bar"));
	mods_phys = alloc(32, 4);
	mods = va(mods_phys);
	w32(mods + 0, 0x200000);
	w32(mods + 4, 0x280000);
	w32(mods + 8, put_str("initrd.cpio"));
	w32(mods + 16, 0x300000);
	w32(mods + 20, 0x300100);
	w32(mods + 24, 0);			/* no name */
	w32(mbi + 20, 2);
	w32(mbi + 24, mods_phys);
	mmap_phys = alloc(0, 4);
	mb1_mmap_entry(20, 0, 0x9fc00, 1);
	mb1_mmap_entry(20, 0x9fc00, 0x400, 2);
	mb1_mmap_entry(20, 0x100000, 0x7ee0000, 1);
	mb1_mmap_entry(28, 0x100000000ULL, 0x40000000, 1);	/* a longer entry */
	mb1_mmap_entry(20, 0x7fe0000, 0x20000, 3);
	mb1_mmap_entry(20, 0xfffc0000, 0x40000, 9);		/* unknown type */
	w32(mbi + 44, brk - mmap_phys);
	w32(mbi + 48, mmap_phys);
	w32(mbi + 64, put_str("qemu"));
	w64(mbi + 88, 0xfd000000);
	w32(mbi + 96, 3200);
	w32(mbi + 100, 800);
	w32(mbi + 104, 600);
	w8(mbi + 108, 32);
	w8(mbi + 109, FB_TYPE_RGB);
	memcpy(mbi + 110, "\x10\x08\x08\x08\x00\x08", 6);

	CHECK_EQ(parse_multiboot(MULTIBOOT_BOOTLOADER_MAGIC, mbi, &bi), 0);
	CHECK_EQ(bi.multiboot_version, 1);
	CHECK_STR(bi.cmdline, "selftest=mm foo=bar");	/* the kernel's path is skipped */
	CHECK_STR(bi.loader, "qemu");
	CHECK_EQ(bi.nr_modules, 2);
	CHECK(bi.modules[0].start == 0x200000 && bi.modules[0].end == 0x280000);
	CHECK_STR(bi.modules[0].name, "initrd.cpio");
	CHECK(bi.modules[1].start == 0x300000 && bi.modules[1].end == 0x300100);
	CHECK_STR(bi.modules[1].name, "");
	CHECK_EQ(bi.nr_ranges, 6);
	check_range(0, 0, 0x9fc00, BOOT_MEM_USABLE);
	check_range(1, 0x9fc00, 0x400, BOOT_MEM_RESERVED);
	check_range(2, 0x100000, 0x7ee0000, BOOT_MEM_USABLE);
	check_range(3, 0x100000000ULL, 0x40000000, BOOT_MEM_USABLE);
	check_range(4, 0x7fe0000, 0x20000, BOOT_MEM_ACPI);
	check_range(5, 0xfffc0000, 0x40000, BOOT_MEM_RESERVED);
	CHECK(bi.has_fb);
	CHECK_EQ(bi.fb.addr, 0xfd000000);
	CHECK(bi.fb.pitch == 3200 && bi.fb.width == 800 && bi.fb.height == 600 && bi.fb.bpp == 32);
	CHECK_EQ(bi.fb.type, FB_TYPE_RGB);
	CHECK(bi.fb.red_pos == 16 && bi.fb.red_size == 8 && bi.fb.green_pos == 8 &&
	      bi.fb.green_size == 8 && bi.fb.blue_pos == 0 && bi.fb.blue_size == 8,
	      "colour layout %u/%u %u/%u %u/%u", bi.fb.red_pos, bi.fb.red_size,
	      bi.fb.green_pos, bi.fb.green_size, bi.fb.blue_pos, bi.fb.blue_size);
}

static void check_mb1_small(void)
{
	unsigned char *mbi;

	/* only mem_lower/mem_upper, and a command line that is just the path */
	reset();
	mbi = va(alloc(120, 4));
	memset(mbi, 0, 120);
	w32(mbi + 0, 1 << 0 | 1 << 2);
	w32(mbi + 4, 639);
	w32(mbi + 8, 64512);
	w32(mbi + 16, put_str("/boot/yomi.elf"));
	CHECK_EQ(parse_multiboot(MULTIBOOT_BOOTLOADER_MAGIC, mbi, &bi), 0);
	CHECK_STR(bi.cmdline, "");
	CHECK_STR(bi.loader, "");
	CHECK_EQ(bi.nr_modules, 0);
	CHECK(!bi.has_fb);
	CHECK_EQ(bi.nr_ranges, 2);
	check_range(0, 0, 639 << 10, BOOT_MEM_USABLE);
	check_range(1, 1 << 20, 64512ULL << 10, BOOT_MEM_USABLE);

	/* no flags: every pointer field is garbage and must not be followed */
	reset();
	mbi = va(alloc(120, 4));
	w32(mbi + 0, 0);
	CHECK_EQ(parse_multiboot(MULTIBOOT_BOOTLOADER_MAGIC, mbi, &bi), 0);
	CHECK_EQ(bi.multiboot_version, 1);
	CHECK_STR(bi.cmdline, "");
	CHECK(bi.nr_ranges == 0 && bi.nr_modules == 0 && !bi.has_fb);
}

/* --- Multiboot 2 ---------------------------------------------------------- */

struct mb2 {
	unsigned char *start, *p;
};

static void mb2_begin(struct mb2 *b)
{
	b->start = va(alloc(0x2000, 8));
	w32(b->start + 4, 0);
	b->p = b->start + 8;
}

/* mb2_tag: a tag of `size` bytes (header included); the next one is 8-aligned */
static unsigned char *mb2_tag(struct mb2 *b, unsigned int type, unsigned int size)
{
	unsigned char *t = b->p;

	memset(t, 0, ALIGN(size, 8));
	w32(t, type);
	w32(t + 4, size);
	b->p += ALIGN(size, 8);
	return t;
}

static void mb2_string(struct mb2 *b, unsigned int type, const char *s)
{
	strcpy((char *)mb2_tag(b, type, 8 + strlen(s) + 1) + 8, s);
}

static void mb2_module(struct mb2 *b, unsigned int start, unsigned int end, const char *name)
{
	unsigned char *t = mb2_tag(b, 3, 16 + strlen(name) + 1);

	w32(t + 8, start);
	w32(t + 12, end);
	strcpy((char *)t + 16, name);
}

static void mb2_end(struct mb2 *b)
{
	mb2_tag(b, 0, 8);
	w32(b->start, b->p - b->start);
}

static void check_mb2_full(void)
{
	static const struct { unsigned long long addr, len; unsigned int type; } map[] = {
		{ 0, 0x9fc00, 1 }, { 0x100000, 0x700000, 1 }, { 0x800000, 0x8000, 4 },
		{ 0x808000, 0x7000000, 1 }, { 0xffc00000, 0x400000, 2 }, { 0x7fff000, 0x1000, 5 },
	};
	struct mb2 b;
	unsigned char *t;
	unsigned int i;

	reset();
	mb2_begin(&b);
	mb2_string(&b, 1, "selftest=mm console=ttyS0");	/* no kernel path in Multiboot2 */
	mb2_string(&b, 2, "GRUB 2.06-13+deb12u2");
	t = mb2_tag(&b, 4, 16);				/* basic meminfo: not needed */
	w32(t + 8, 639);
	w32(t + 12, 130048);
	mb2_module(&b, 0x400000, 0x4a0000, "/boot/initrd.cpio");
	t = mb2_tag(&b, 14, 8 + 20);			/* ACPI RSDP: not used */
	memset(t + 8, 0xff, 20);
	mb2_module(&b, 0x500000, 0x500001, "");
	t = mb2_tag(&b, 6, 16 + ARRAY_SIZE(map) * 24);
	w32(t + 8, 24);
	w32(t + 12, 0);
	for (i = 0; i < ARRAY_SIZE(map); i++) {
		w64(t + 16 + i * 24, map[i].addr);
		w64(t + 16 + i * 24 + 8, map[i].len);
		w32(t + 16 + i * 24 + 16, map[i].type);
	}
	t = mb2_tag(&b, 77, 13);			/* unknown, odd size */
	memset(t + 8, 1, 5);
	t = mb2_tag(&b, 8, 38);				/* framebuffer, RGB */
	w64(t + 8, 0x80000000);
	w32(t + 16, 4096);
	w32(t + 20, 1024);
	w32(t + 24, 768);
	w8(t + 28, 32);
	w8(t + 29, FB_TYPE_RGB);
	memcpy(t + 32, "\x10\x08\x08\x08\x00\x08", 6);
	mb2_end(&b);
	mb2_string(&b, 1, "after the end tag");	/* past the end: ignored */

	CHECK_EQ(parse_multiboot(MULTIBOOT2_BOOTLOADER_MAGIC, b.start, &bi), 0);
	CHECK_EQ(bi.multiboot_version, 2);
	CHECK_STR(bi.cmdline, "selftest=mm console=ttyS0");
	CHECK_STR(bi.loader, "GRUB 2.06-13+deb12u2");
	CHECK_EQ(bi.nr_modules, 2);
	CHECK(bi.modules[0].start == 0x400000 && bi.modules[0].end == 0x4a0000);
	CHECK_STR(bi.modules[0].name, "/boot/initrd.cpio");
	CHECK(bi.modules[1].start == 0x500000 && bi.modules[1].end == 0x500001);
	CHECK_STR(bi.modules[1].name, "");
	CHECK_EQ(bi.nr_ranges, ARRAY_SIZE(map));
	for (i = 0; i < ARRAY_SIZE(map); i++)
		check_range(i, map[i].addr, map[i].len, map[i].type);
	CHECK(bi.has_fb);
	CHECK_EQ(bi.fb.addr, 0x80000000);
	CHECK(bi.fb.pitch == 4096 && bi.fb.width == 1024 && bi.fb.height == 768 && bi.fb.bpp == 32);
	CHECK(bi.fb.type == FB_TYPE_RGB && bi.fb.red_pos == 16 && bi.fb.red_size == 8 &&
	      bi.fb.green_pos == 8 && bi.fb.blue_pos == 0 && bi.fb.blue_size == 8);
}

static void check_mb2_variants(void)
{
	struct mb2 b;
	unsigned char *t;
	unsigned int i;

	/* memory map entries longer than 24 bytes: the entry size is honoured */
	reset();
	mb2_begin(&b);
	t = mb2_tag(&b, 6, 16 + 3 * 32);
	w32(t + 8, 32);
	for (i = 0; i < 3; i++) {
		w64(t + 16 + i * 32, 0x100000ULL * (i + 1));
		w64(t + 16 + i * 32 + 8, 0x1000 * (i + 1));
		w32(t + 16 + i * 32 + 16, 1 + i);
		memset(t + 16 + i * 32 + 20, 0xcc, 12);
	}
	t = mb2_tag(&b, 8, 38);			/* EGA text: no colour layout */
	memset(t + 32, 0x11, 6);		/* ... so these bytes mean nothing */
	w64(t + 8, 0xb8000);
	w32(t + 16, 160);
	w32(t + 20, 80);
	w32(t + 24, 25);
	w8(t + 28, 16);
	w8(t + 29, FB_TYPE_EGA_TEXT);
	mb2_end(&b);
	CHECK_EQ(parse_multiboot(MULTIBOOT2_BOOTLOADER_MAGIC, b.start, &bi), 0);
	CHECK_EQ(bi.nr_ranges, 3);
	for (i = 0; i < 3; i++)
		check_range(i, 0x100000ULL * (i + 1), 0x1000 * (i + 1), 1 + i);
	CHECK(bi.has_fb && bi.fb.type == FB_TYPE_EGA_TEXT && bi.fb.width == 80 && bi.fb.height == 25);
	CHECK(bi.fb.red_size == 0 && bi.fb.green_size == 0 && bi.fb.blue_size == 0);
	CHECK_STR(bi.cmdline, "");

	/* total_size ends the list even without an end tag */
	reset();
	mb2_begin(&b);
	mb2_string(&b, 1, "inside");
	w32(b.start, b.p - b.start);
	mb2_string(&b, 2, "outside");
	mb2_tag(&b, 0, 8);
	CHECK_EQ(parse_multiboot(MULTIBOOT2_BOOTLOADER_MAGIC, b.start, &bi), 0);
	CHECK_STR(bi.cmdline, "inside");
	CHECK_STR(bi.loader, "");

	/* a tag claiming less than its own header stops the walk (no endless loop) */
	reset();
	mb2_begin(&b);
	mb2_string(&b, 2, "loader");
	t = mb2_tag(&b, 1, 8);
	w32(t + 4, 0);
	mb2_string(&b, 1, "never reached");
	mb2_end(&b);
	CHECK_EQ(parse_multiboot(MULTIBOOT2_BOOTLOADER_MAGIC, b.start, &bi), 0);
	CHECK_STR(bi.loader, "loader");
	CHECK_STR(bi.cmdline, "");
}

/* more than struct boot_info holds: truncated, never overflowing */
static void check_limits(void)
{
	char long_cmd[700], long_name[100];
	struct mb2 b;
	unsigned char *t;
	unsigned int i;

	memset(long_cmd, 'c', sizeof(long_cmd) - 1);
	long_cmd[sizeof(long_cmd) - 1] = '\0';
	memset(long_name, 'n', sizeof(long_name) - 1);
	long_name[sizeof(long_name) - 1] = '\0';
	reset();
	mb2_begin(&b);
	mb2_string(&b, 1, long_cmd);
	mb2_string(&b, 2, long_cmd);
	for (i = 0; i < BOOT_MAX_MODULES + 3; i++)
		mb2_module(&b, 0x1000000 + i * 0x1000, 0x1000000 + i * 0x1000 + 10, long_name);
	t = mb2_tag(&b, 6, 16 + (BOOT_MAX_RANGES + 6) * 24);
	w32(t + 8, 24);
	for (i = 0; i < BOOT_MAX_RANGES + 6; i++) {
		w64(t + 16 + i * 24, i * 0x10000ULL);
		w64(t + 16 + i * 24 + 8, 0x10000);
		w32(t + 16 + i * 24 + 16, 1);
	}
	mb2_end(&b);
	CHECK_EQ(parse_multiboot(MULTIBOOT2_BOOTLOADER_MAGIC, b.start, &bi), 0);
	CHECK_EQ(strlen(bi.cmdline), sizeof(bi.cmdline) - 1);
	CHECK_EQ(strlen(bi.loader), sizeof(bi.loader) - 1);
	CHECK_EQ(bi.nr_modules, BOOT_MAX_MODULES);
	CHECK_EQ(strlen(bi.modules[0].name), sizeof(bi.modules[0].name) - 1);
	CHECK_EQ(bi.modules[BOOT_MAX_MODULES - 1].start, 0x1000000 + (BOOT_MAX_MODULES - 1) * 0x1000);
	CHECK_EQ(bi.nr_ranges, BOOT_MAX_RANGES);
	check_range(BOOT_MAX_RANGES - 1, (BOOT_MAX_RANGES - 1) * 0x10000ULL, 0x10000, 1);
}

static void check_bad_magic(void)
{
	struct mb2 b;

	reset();
	mb2_begin(&b);
	mb2_string(&b, 1, "should not be read");
	mb2_end(&b);
	CHECK_EQ(parse_multiboot(0x12345678, b.start, &bi), -1);
	CHECK_EQ(parse_multiboot(0, b.start, &bi), -1);
	CHECK(bi.multiboot_version == 0 && bi.cmdline[0] == '\0' && bi.nr_ranges == 0,
	      "a rejected block must leave boot_info empty");
}

int main(void)
{
	mem = malloc(MEM_SIZE);
	__page_offset = (unsigned long)mem - PHYS_BASE;
	check_mb1_full();
	check_mb1_small();
	check_mb2_full();
	check_mb2_variants();
	check_limits();
	check_bad_magic();
	return check_done();
}
