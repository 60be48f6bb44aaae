/*
 * The GDT and the TSS (Linux: arch/x86/kernel/cpu/common.c, cpu_init).
 * Flat 4 GiB segments for the kernel (ring 0) and user (ring 3), in Linux's
 * slots, and one TSS whose sp0 is the kernel stack used on entry from user
 * mode. Linux keeps one GDT per CPU; yomi has one CPU.
 */
#include <linux/kernel.h>
#include <asm/desc.h>

#define SEG_CODE 0x9a	/* present, ring 0, code, readable */
#define SEG_DATA 0x92	/* present, ring 0, data, writable */
#define SEG_DPL3 0x60
#define SEG_TSS 0x89	/* present, 32-bit available TSS */
#define SEG_4K_32 0xc0	/* 4 KiB granularity, 32-bit */

struct desc_struct gdt_table[GDT_ENTRIES] __aligned(8);
struct x86_hw_tss init_tss __aligned(128);

static void set_desc(int n, u32 base, u32 limit, u8 type, u8 flags)
{
	struct desc_struct *d = &gdt_table[n];

	d->limit0 = limit & 0xffff;
	d->base0 = base & 0xffff;
	d->base1 = (base >> 16) & 0xff;
	d->type_attr = type;
	d->limit1_flags = ((limit >> 16) & 0x0f) | flags;
	d->base2 = base >> 24;
}

/* cpu_init: load the GDT, reload every segment register, load the TSS. */
void cpu_init(void)
{
	struct { u16 limit; u32 base; } __attribute__((packed)) gdtr;

	set_desc(GDT_ENTRY_KERNEL_CS, 0, 0xfffff, SEG_CODE, SEG_4K_32);
	set_desc(GDT_ENTRY_KERNEL_DS, 0, 0xfffff, SEG_DATA, SEG_4K_32);
	set_desc(GDT_ENTRY_DEFAULT_USER_CS, 0, 0xfffff, SEG_CODE | SEG_DPL3, SEG_4K_32);
	set_desc(GDT_ENTRY_DEFAULT_USER_DS, 0, 0xfffff, SEG_DATA | SEG_DPL3, SEG_4K_32);
	init_tss.ss0 = __KERNEL_DS;
	init_tss.io_bitmap_base = sizeof(init_tss);	/* no I/O bitmap */
	set_desc(GDT_ENTRY_TSS, (u32)&init_tss, sizeof(init_tss) - 1, SEG_TSS, 0);

	gdtr.limit = sizeof(gdt_table) - 1;
	gdtr.base = (u32)gdt_table;
	__asm__ __volatile__(
		"lgdt %0\n\t"
		"ljmp %1, $1f\n"
		"1:\n\t"
		"movl %2, %%eax\n\t"
		"movl %%eax, %%ds\n\t"
		"movl %%eax, %%es\n\t"
		"movl %%eax, %%ss\n\t"
		"xorl %%eax, %%eax\n\t"
		"movl %%eax, %%fs\n\t"
		"movl %%eax, %%gs\n\t"
		"ltr %w3"
		: : "m"(gdtr), "i"(__KERNEL_CS), "i"(__KERNEL_DS), "r"(GDT_ENTRY_TSS_SEL)
		: "eax", "memory");
}
