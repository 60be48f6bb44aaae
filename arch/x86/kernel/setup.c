/*
 * setup_arch: the machine-specific part of start_kernel (Linux:
 * arch/x86/kernel/setup.c). It reads the boot loader's information, prints
 * the physical memory map as Linux prints the e820 map, and tells memblock
 * which RAM is usable and which is taken: the first megabyte (BIOS data,
 * video memory, option ROMs), the kernel image and the boot modules.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <asm/bootinfo.h>
#include <asm/desc.h>
#include <asm/fpu/internal.h>
#include <asm/page.h>
#include <asm/setup.h>

static const char *const range_type_names[] = {
	[BOOT_MEM_USABLE] = "usable",
	[BOOT_MEM_RESERVED] = "reserved",
	[BOOT_MEM_ACPI] = "ACPI data",
	[BOOT_MEM_NVS] = "ACPI NVS",
	[BOOT_MEM_UNUSABLE] = "unusable",
};

void setup_arch(void)
{
	struct boot_info *bi = &boot_info;
	int i;

	cpu_init();
	fpu__init_system();
	if (parse_multiboot(multiboot_magic, __va(multiboot_info_phys), bi))
		panic("not started by a Multiboot loader (magic %08x)", multiboot_magic);
	pr_info("Booted by %s (Multiboot%s)\n", bi->loader[0] ? bi->loader : "unknown loader",
		bi->multiboot_version == 2 ? "2" : "");
	pr_info("Physical RAM map:\n");
	for (i = 0; i < bi->nr_ranges; i++) {
		const struct boot_mem_range *r = &bi->ranges[i];

		pr_info("multiboot: [mem %#018llx-%#018llx] %s\n", r->addr,
			r->addr + r->size - 1, range_type_names[r->type]);
		if (r->type == BOOT_MEM_USABLE)
			memblock_add(r->addr, r->size);
	}
	memblock_reserve(0, 1 << 20);
	memblock_reserve(__pa(_text), _end - _text);
	for (i = 0; i < bi->nr_modules; i++) {
		const struct boot_module *m = &bi->modules[i];

		pr_info("module: [mem %#010x-%#010x] %s\n", m->start, m->end - 1, m->name);
		memblock_reserve(m->start, m->end - m->start);
	}
}

/* mem_report: Linux's "Memory: avail/total available (...)" line. */
void mem_report(void)
{
	unsigned long total = 0;
	int i;

	for (i = 0; i < boot_info.nr_ranges; i++)
		if (boot_info.ranges[i].type == BOOT_MEM_USABLE)
			total += boot_info.ranges[i].size >> 10;
	pr_info("Memory: %luK/%luK available (%uK kernel code, %uK rwdata, %uK rodata, %uK bss, %luK reserved)\n",
		nr_free_pages() << (PAGE_SHIFT - 10), total,
		(unsigned)(_etext - _text) >> 10, (unsigned)(_edata - _sdata) >> 10,
		(unsigned)(__end_rodata - __start_rodata) >> 10,
		(unsigned)(__bss_stop - __bss_start) >> 10,
		total - (totalram_pages << (PAGE_SHIFT - 10)));
}
