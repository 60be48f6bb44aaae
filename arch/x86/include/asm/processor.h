/* Control registers, flags and the few CPU instructions C needs. */
#ifndef _ASM_X86_PROCESSOR_H
#define _ASM_X86_PROCESSOR_H

#include <linux/types.h>
#include <asm/desc.h>
#include <asm/fpu/types.h>

struct task_struct;
struct pt_regs;
struct user_desc;

/* thread_struct: the x86 part of a task, what __switch_to needs */
struct thread_struct {
	unsigned long sp0;	/* top of the kernel stack, loaded into the TSS */
	unsigned long sp;	/* kernel stack pointer while switched out */
	struct desc_struct tls_array[GDT_ENTRY_TLS_ENTRIES];	/* set_thread_area's */
	struct fpu fpu;		/* the x87/SSE registers while switched out */
};

void load_sp0(struct task_struct *t);
void start_thread(struct pt_regs *regs, unsigned long ip, unsigned long sp);
void __switch_to(struct task_struct *prev, struct task_struct *next);
void flush_thread(void);
void load_TLS(struct task_struct *t);
int do_set_thread_area(struct task_struct *p, struct user_desc *u_info, bool can_allocate);

#define X86_EFLAGS_FIXED 0x00000002	/* bit 1 always reads as 1 */
#define X86_EFLAGS_TF 0x00000100
#define X86_EFLAGS_IF 0x00000200
#define X86_CR0_PG 0x80000000
#define X86_CR0_WP 0x00010000
#define X86_CR4_PSE 0x00000010
#define X86_CR4_PGE 0x00000080

#define DEFINE_CR(n)                                                      \
	static inline unsigned long read_cr##n(void)                      \
	{                                                                 \
		unsigned long v;                                          \
		__asm__ __volatile__("mov %%cr" #n ", %0" : "=r"(v));     \
		return v;                                                 \
	}                                                                 \
	static inline void write_cr##n(unsigned long v)                   \
	{                                                                 \
		__asm__ __volatile__("mov %0, %%cr" #n : : "r"(v) : "memory"); \
	}
DEFINE_CR(0)
DEFINE_CR(2)
DEFINE_CR(3)
DEFINE_CR(4)
#undef DEFINE_CR

static inline u64 rdtsc(void)
{
	u32 lo, hi;
	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void cpuid(u32 op, u32 *a, u32 *b, u32 *c, u32 *d)
{
	__asm__ __volatile__("cpuid" : "=a"(*a), "=b"(*b), "=c"(*c), "=d"(*d)
			     : "a"(op), "c"(0));
}

static inline void wrmsr(u32 msr, u64 v)
{
	__asm__ __volatile__("wrmsr" : : "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)));
}

#ifdef YOMI_HOST_TEST
/* Host unit tests run kernel code in a user process: no cli/sti there. */
static inline void local_irq_enable(void) { }
static inline void local_irq_disable(void) { }
static inline unsigned long local_irq_save(void) { return 0; }
static inline void local_irq_restore(unsigned long flags) { (void)flags; }
#else
static inline void local_irq_enable(void) { __asm__ __volatile__("sti" ::: "memory"); }
static inline void local_irq_disable(void) { __asm__ __volatile__("cli" ::: "memory"); }

static inline unsigned long local_irq_save(void)
{
	unsigned long flags;
	__asm__ __volatile__("pushfl; popl %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void local_irq_restore(unsigned long flags)
{
	__asm__ __volatile__("pushl %0; popfl" : : "r"(flags) : "memory", "cc");
}
#endif

/* Wait for the next interrupt with interrupts enabled (the idle loop's halt). */
static inline void safe_halt(void) { __asm__ __volatile__("sti; hlt" ::: "memory"); }

static inline void cpu_relax(void) { __asm__ __volatile__("pause" ::: "memory"); }

static inline void __flush_tlb_one(unsigned long addr)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(addr) : "memory");
}

#endif
