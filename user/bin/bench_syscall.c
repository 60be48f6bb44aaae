/*
 * bench_syscall: the cost of entering the kernel, in timestamp ticks.
 *   getpid through int $0x80 and through __kernel_vsyscall (AT_SYSINFO:
 *   sysenter where the CPU has it); clock_gettime(CLOCK_MONOTONIC) through
 *   the vDSO (its __vdso_clock_gettime, found in the vDSO's dynamic symbol
 *   table) and through the system call, and their ratio. The floors under
 *   them: rdtsc itself, and int $0x80 with a number no kernel knows, which
 *   does nothing but enter, find -ENOSYS and leave.
 * The system-call figures are the best of three runs. Each line starts
 * with "bench: ".
 * No figure is checked here.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/syscall.h>
#include <time.h>

#define N 100000

static inline uint64_t rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi) : : "memory");
	return ((uint64_t)hi << 32) | lo;
}

static uint64_t getpid_int80(void)
{
	uint64_t t0 = rdtsc();
	long r;
	int i;

	for (i = 0; i < N; i++) {
		r = __NR_getpid;
		__asm__ volatile("int $0x80" : "+a"(r) : : "memory");
	}
	return (rdtsc() - t0) / N;
}

/* enosys_int80: int $0x80 with an unknown number: entry and exit alone */
static uint64_t enosys_int80(void)
{
	uint64_t t0 = rdtsc();
	long r;
	int i;

	for (i = 0; i < N; i++) {
		r = 0x7fff;
		__asm__ volatile("int $0x80" : "+a"(r) : : "memory");
	}
	return (rdtsc() - t0) / N;
}

static uint64_t rdtsc_cost(void)
{
	uint64_t t0 = rdtsc();
	int i;

	for (i = 0; i < N; i++)
		rdtsc();
	return (rdtsc() - t0) / N;
}

static unsigned long vsyscall_fn;

static uint64_t getpid_vsyscall(void)
{
	uint64_t t0 = rdtsc();
	long r;
	int i;

	for (i = 0; i < N; i++) {
		r = __NR_getpid;
		/* __kernel_vsyscall preserves every register but eax */
		__asm__ volatile("call *%1" : "+a"(r) : "m"(vsyscall_fn) : "memory", "cc");
	}
	return (rdtsc() - t0) / N;
}

/* --- the vDSO's symbol table (just enough of ELF) ---------------------------- */

struct sym {
	uint32_t name, value, size;
	unsigned char info, other;
	uint16_t shndx;
};

/* vdso_sym: a symbol's address in the vDSO at base, or 0 */
static unsigned long vdso_sym(unsigned long base, const char *want)
{
	const unsigned char *eh = (const unsigned char *)base;
	uint32_t phoff = *(const uint32_t *)(eh + 28), i;
	uint16_t phnum = *(const uint16_t *)(eh + 44);
	const uint32_t *ph, *dyn = NULL, *hash = NULL;
	const struct sym *symtab = NULL;
	const char *strtab = NULL;
	unsigned long bias = 0;
	int first = 1;

	for (i = 0; i < phnum; i++) {
		ph = (const uint32_t *)(base + phoff + 32 * i);
		if (ph[0] == 1 && first) {	/* PT_LOAD: bias = base - p_vaddr + p_offset */
			bias = base - ph[2] + ph[1];
			first = 0;
		}
		if (ph[0] == 2)			/* PT_DYNAMIC */
			dyn = (const uint32_t *)ph[2];
	}
	if (!dyn)
		return 0;
	for (dyn = (const uint32_t *)((unsigned long)dyn + bias); dyn[0]; dyn += 2) {
		if (dyn[0] == 4)
			hash = (const uint32_t *)(dyn[1] + bias);
		if (dyn[0] == 5)
			strtab = (const char *)(dyn[1] + bias);
		if (dyn[0] == 6)
			symtab = (const struct sym *)(dyn[1] + bias);
	}
	if (!hash || !strtab || !symtab)
		return 0;
	for (i = 1; i < hash[1]; i++)	/* nchain symbols */
		if (symtab[i].shndx && !strcmp(strtab + symtab[i].name, want))
			return symtab[i].value + bias;
	return 0;
}

typedef long (*clock_gettime_fn)(long clk, struct timespec *ts);

static uint64_t clock_vdso(clock_gettime_fn fn)
{
	struct timespec ts;
	uint64_t t0 = rdtsc();
	int i;

	for (i = 0; i < N; i++)
		fn(CLOCK_MONOTONIC, &ts);
	return (rdtsc() - t0) / N;
}

static uint64_t clock_syscall(void)
{
	struct timespec ts;
	uint64_t t0 = rdtsc();
	long r;
	int i;

	for (i = 0; i < N; i++) {
		r = __NR_clock_gettime;
		__asm__ volatile("pushl %%ebx\n\tmovl %2, %%ebx\n\tint $0x80\n\tpopl %%ebx"
				 : "+a"(r) : "c"(&ts), "r"((long)CLOCK_MONOTONIC) : "memory");
	}
	return (rdtsc() - t0) / N;
}

/* best_of3: the lowest of three runs of f (the host's load only adds) */
static uint64_t best_of3(uint64_t (*f)(void))
{
	uint64_t best = f(), t;
	int i;

	for (i = 0; i < 2; i++) {
		t = f();
		best = t < best ? t : best;
	}
	return best;
}

int main(void)
{
	unsigned long ehdr = getauxval(AT_SYSINFO_EHDR), fn = 0;
	uint64_t int80, sys, vd;

	vsyscall_fn = getauxval(AT_SYSINFO);
	int80 = best_of3(getpid_int80);
	printf("bench: getpid via int $0x80: %llu ticks/call\n", (unsigned long long)int80);
	if (vsyscall_fn)
		printf("bench: getpid via __kernel_vsyscall: %llu ticks/call\n",
		       (unsigned long long)best_of3(getpid_vsyscall));
	else
		printf("bench: getpid via __kernel_vsyscall: no AT_SYSINFO\n");

	printf("bench: int $0x80 with an unknown number (-ENOSYS): %llu ticks/call\n",
	       (unsigned long long)best_of3(enosys_int80));
	printf("bench: rdtsc: %llu ticks/call\n", (unsigned long long)rdtsc_cost());
	sys = best_of3(clock_syscall);
	printf("bench: clock_gettime(CLOCK_MONOTONIC) via int $0x80: %llu ticks/call\n",
	       (unsigned long long)sys);
	if (ehdr)
		fn = vdso_sym(ehdr, "__vdso_clock_gettime");
	if (fn) {
		vd = clock_vdso((clock_gettime_fn)fn);
		printf("bench: clock_gettime(CLOCK_MONOTONIC) via the vDSO: %llu ticks/call\n",
		       (unsigned long long)vd);
		printf("bench: clock_gettime syscall/vDSO ratio: %llu.%01llu\n",
		       (unsigned long long)(sys / (vd ? vd : 1)),
		       (unsigned long long)(sys * 10 / (vd ? vd : 1) % 10));
	} else {
		printf("bench: clock_gettime via the vDSO: no __vdso_clock_gettime\n");
	}
	return 0;
}
