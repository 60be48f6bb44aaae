/* Descriptor tables: the GDT, the IDT and the TSS. */
#ifndef _ASM_X86_DESC_H
#define _ASM_X86_DESC_H

#include <linux/types.h>
#include <asm/segment.h>

struct desc_struct {
	u16 limit0;
	u16 base0;
	u8 base1;
	u8 type_attr;		/* type, S, DPL, P */
	u8 limit1_flags;	/* limit 19:16, AVL, 0, D/B, G */
	u8 base2;
} __attribute__((packed));

struct gate_struct {
	u16 offset_low;
	u16 segment;
	u8 zero;
	u8 type_attr;
	u16 offset_high;
} __attribute__((packed));

/* The 32-bit hardware TSS; yomi uses only esp0/ss0 (the kernel stack). */
struct x86_hw_tss {
	u32 prev, sp0, ss0, sp1, ss1, sp2, ss2, cr3, ip, flags;
	u32 ax, cx, dx, bx, sp, bp, si, di;
	u32 es, cs, ss, ds, fs, gs, ldt;
	u16 trace, io_bitmap_base;
} __attribute__((packed));

extern struct desc_struct gdt_table[GDT_ENTRIES];
extern struct x86_hw_tss init_tss;

void cpu_init(void);
void trap_init(void);
void set_intr_gate(unsigned int n, void *handler, int dpl);

#endif
