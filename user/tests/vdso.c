/*
 * test_vdso: the vDSO as a program finds it.
 *   - the auxiliary vector has AT_SYSINFO and AT_SYSINFO_EHDR, first (yomi
 *     in modes 1 and 2, Linux i386 in mode 1);
 *   - __kernel_vsyscall (AT_SYSINFO) takes a system call like int $0x80:
 *     getpid, a write, six arguments (mmap2's page offset in ebp), an
 *     unknown number, registers preserved;
 *   - the vDSO's ELF image, parsed here (PT_DYNAMIC, DT_SYMTAB, DT_STRTAB,
 *     DT_HASH and/or DT_GNU_HASH), exports __kernel_vsyscall at AT_SYSINFO
 *     and __vdso_clock_gettime, __vdso_gettimeofday and __vdso_time;
 *   - their results agree with the system calls, and CLOCK_MONOTONIC
 *     through the vDSO never goes backwards over 10000 rounds interleaved
 *     with clock_gettime(2). The system calls are made with __syscall(),
 *     never through the C library's clock functions, which may use the
 *     vDSO themselves.
 */
#include <stdlib.h>
#include <sys/auxv.h>
#include <linux/elf.h>
#include <sys/time.h>
#include "sys.h"

static unsigned long sysinfo_fn;	/* AT_SYSINFO */

/* vsyscall: a system call through __kernel_vsyscall with up to 6 arguments
 * (ebx, ebp and the function come from static storage, which the asm can
 * address absolutely while it has moved the stack pointer) */
static long vs_ebx, vs_ebp, vs_fn;

static long vsyscall6(long nr, long a1, long a2, long a3, long a4, long a5, long a6)
{
	long ret = nr;

	vs_ebx = a1;
	vs_ebp = a6;
	vs_fn = (long)sysinfo_fn;
	__asm__ volatile(
		"pushl %%ebp\n\t"
		"pushl %%ebx\n\t"
		"movl %[b], %%ebx\n\t"
		"movl %[bp], %%ebp\n\t"
		"call *%[fn]\n\t"
		"popl %%ebx\n\t"
		"popl %%ebp"
		: "+a"(ret), "+c"(a2), "+d"(a3), "+S"(a4), "+D"(a5)
		: [b] "m"(vs_ebx), [bp] "m"(vs_ebp), [fn] "m"(vs_fn)
		: "memory", "cc");
	return ret;
}

static long vsyscall(long nr, long a1, long a2, long a3)
{
	return vsyscall6(nr, a1, a2, a3, 0, 0, 0);
}

/* --- the auxiliary vector ---------------------------------------------------- */

static void auxv(char **envp)
{
	unsigned long *a;
	int i, pos_sysinfo = -1, pos_ehdr = -1;

	while (*envp)
		envp++;
	a = (unsigned long *)(envp + 1);
	for (i = 0; a[2 * i] != AT_NULL; i++) {
		if (a[2 * i] == AT_SYSINFO)
			pos_sysinfo = i;
		if (a[2 * i] == AT_SYSINFO_EHDR)
			pos_ehdr = i;
	}
	ok(pos_sysinfo == 0 && pos_ehdr == 1,
	   "AT_SYSINFO and AT_SYSINFO_EHDR are the first two auxv entries (at %d and %d)",
	   pos_sysinfo, pos_ehdr);
}

/* --- __kernel_vsyscall ------------------------------------------------------- */

static void vsyscalls(void)
{
	static const unsigned long want[6] = {
		0x11111111, 0x22222222, 0x33333333, 0x44444444, 0x55555555, 0x66666666,
	};
	unsigned long got[6];
	const unsigned long *in = want;
	unsigned long *out = got;
	long ret = __NR_getpid, fn = sysinfo_fn;
	int fds[2], fd, i, same = 1;
	char buf[32], *p;

	expect_eq(vsyscall(__NR_getpid, 0, 0, 0), getpid(),
		  "__kernel_vsyscall(getpid) returns what int $0x80 does");
	expect_eq(vsyscall(__NR_getppid, 0, 0, 0), getppid(), "and getppid too");
	expect_eq(vsyscall(999, 0, 0, 0), -ENOSYS, "an unknown number returns -ENOSYS");
	expect_eq(vsyscall(__NR_close, 999, 0, 0), -EBADF, "close(999) returns -EBADF");

	pipe(fds);
	expect_eq(vsyscall(__NR_write, fds[1], (long)"via vsyscall", 12), 12,
		  "a write through it returns 12");
	memset(buf, 0, sizeof(buf));
	read(fds[0], buf, sizeof(buf));
	ok(!strcmp(buf, "via vsyscall"), "and the bytes arrive");
	close(fds[0]);
	close(fds[1]);

	/* six arguments: mmap2 of a file's second page (page offset 1 in ebp) */
	sys_mkdir("/tmp", 01777);
	snprintf(buf, sizeof(buf), "/tmp/test_vdso.%d", getpid());
	fd = sys_open(buf, O_RDWR | O_CREAT | O_TRUNC, 0644);
	p = malloc(2 * PAGE_SIZE);
	memset(p, 'a', PAGE_SIZE);
	memset(p + PAGE_SIZE, 'b', PAGE_SIZE);
	write(fd, p, 2 * PAGE_SIZE);
	free(p);
	p = (char *)vsyscall6(__NR_mmap2, 0, PAGE_SIZE, PROT_READ, MAP_PRIVATE, fd, 1);
	ok((unsigned long)p < 0xfffff000UL && p[0] == 'b' && p[PAGE_SIZE - 1] == 'b',
	   "mmap2 through it gets its sixth argument (ebp: page offset 1)");
	if ((unsigned long)p < 0xfffff000UL)
		sys_munmap(p, PAGE_SIZE);
	close(fd);
	sys_unlink(buf);

	/* every register but eax comes back unchanged */
	__asm__ volatile(
		"pushl %%ebp\n\t"
		"pushl %%ebx\n\t"
		"pushl %%edi\n\t"		/* &got */
		"pushl %%edx\n\t"		/* the function */
		"movl (%%esi), %%ebx\n\t"
		"movl 4(%%esi), %%ecx\n\t"
		"movl 8(%%esi), %%edx\n\t"
		"movl 20(%%esi), %%ebp\n\t"
		"movl 16(%%esi), %%edi\n\t"
		"movl 12(%%esi), %%esi\n\t"
		"call *(%%esp)\n\t"
		"addl $4, %%esp\n\t"
		"xchgl (%%esp), %%eax\n\t"	/* eax = &got, result on the stack */
		"movl %%ebx, (%%eax)\n\t"
		"movl %%ecx, 4(%%eax)\n\t"
		"movl %%edx, 8(%%eax)\n\t"
		"movl %%esi, 12(%%eax)\n\t"
		"movl %%edi, 16(%%eax)\n\t"
		"movl %%ebp, 20(%%eax)\n\t"
		"popl %%eax\n\t"
		"popl %%ebx\n\t"
		"popl %%ebp"
		: "+a"(ret), "+S"(in), "+D"(out), "+d"(fn)
		:
		: "ecx", "memory", "cc");
	for (i = 0; i < 6; i++)
		if (got[i] != want[i]) {
			printf("#   register %d: %#lx, expected %#lx\n", i, got[i], want[i]);
			same = 0;
		}
	ok(same, "__kernel_vsyscall preserves ebx ecx edx esi edi ebp");
	expect_eq(ret, getpid(), "and returns the result in eax");
}

/* --- the ELF image -------------------------------------------------------------- */

struct image {
	unsigned long base, bias, size;
	const Elf32_Sym *symtab;
	const char *strtab;
	const uint32_t *hash, *gnu_hash;
	unsigned int nsyms;
};

static struct image vdso;

static uint32_t sysv_hash(const char *s)
{
	uint32_t h = 0, g;

	while (*s) {
		h = (h << 4) + (unsigned char)*s++;
		g = h & 0xf0000000;
		if (g)
			h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

static uint32_t gnu_hash(const char *s)
{
	uint32_t h = 5381;

	while (*s)
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* the index of the defined symbol name: through DT_HASH, or DT_GNU_HASH */
static int lookup_hash(const struct image *im, const char *name, int gnu)
{
	uint32_t h, i;

	if (!gnu && im->hash) {
		uint32_t nbucket = im->hash[0], nchain = im->hash[1];
		const uint32_t *bucket = im->hash + 2, *chain = bucket + nbucket;

		for (i = bucket[sysv_hash(name) % nbucket]; i && i < nchain; i = chain[i])
			if (!strcmp(im->strtab + im->symtab[i].st_name, name) && im->symtab[i].st_shndx)
				return i;
		return -1;
	}
	if (gnu && im->gnu_hash) {
		uint32_t nbuckets = im->gnu_hash[0], symoffset = im->gnu_hash[1];
		uint32_t bloom_size = im->gnu_hash[2];
		const uint32_t *bloom = im->gnu_hash + 4;
		const uint32_t *buckets = bloom + bloom_size, *chain = buckets + nbuckets;

		h = gnu_hash(name);
		for (i = buckets[h % nbuckets]; i >= symoffset && i; i++) {
			if ((chain[i - symoffset] | 1) == (h | 1) &&
			    !strcmp(im->strtab + im->symtab[i].st_name, name) && im->symtab[i].st_shndx)
				return i;
			if (chain[i - symoffset] & 1)
				break;
		}
		return -1;
	}
	return -2;
}

/* the symbol count: nchain of DT_HASH, or the end of DT_GNU_HASH's last chain */
static unsigned int count_symbols(const struct image *im)
{
	uint32_t nbuckets, symoffset, bloom_size, i, last = 0;
	const uint32_t *buckets, *chain;

	if (im->hash)
		return im->hash[1];
	if (!im->gnu_hash)
		return 0;
	nbuckets = im->gnu_hash[0];
	symoffset = im->gnu_hash[1];
	bloom_size = im->gnu_hash[2];
	buckets = im->gnu_hash + 4 + bloom_size;
	chain = buckets + nbuckets;
	for (i = 0; i < nbuckets; i++)
		if (buckets[i] > last)
			last = buckets[i];
	if (last < symoffset)
		return symoffset;
	while (!(chain[last - symoffset] & 1))
		last++;
	return last + 1;
}

static int parse_vdso(unsigned long base)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)base;
	const Elf32_Phdr *ph;
	const Elf32_Dyn *dyn = NULL;
	int i, loads = 0;

	vdso.base = base;
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS32 ||
	    eh->e_type != ET_DYN || eh->e_machine != EM_386)
		return 0;
	ph = (const Elf32_Phdr *)(base + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !loads++) {
			vdso.bias = base - ph[i].p_vaddr + ph[i].p_offset;
			vdso.size = ph[i].p_memsz;
		}
		if (ph[i].p_type == PT_DYNAMIC)
			dyn = (const Elf32_Dyn *)(ph[i].p_vaddr);
	}
	if (!loads || !dyn)
		return 0;
	dyn = (const Elf32_Dyn *)((unsigned long)dyn + vdso.bias);
	for (; dyn->d_tag != DT_NULL; dyn++) {
		unsigned long p = dyn->d_un.d_ptr + vdso.bias;

		switch (dyn->d_tag) {
		case DT_SYMTAB: vdso.symtab = (const Elf32_Sym *)p; break;
		case DT_STRTAB: vdso.strtab = (const char *)p; break;
		case DT_HASH: vdso.hash = (const uint32_t *)p; break;
		case DT_GNU_HASH: vdso.gnu_hash = (const uint32_t *)p; break;
		}
	}
	vdso.nsyms = count_symbols(&vdso);
	return vdso.symtab && vdso.strtab && (vdso.hash || vdso.gnu_hash) && vdso.nsyms;
}

/* find: a symbol's address, checked three ways (linear scan, DT_HASH,
 * DT_GNU_HASH: each that exists must agree); 0 if missing */
static unsigned long find(const char *name)
{
	unsigned int i;
	int linear = -1, sysv, gnu;

	for (i = 1; i < vdso.nsyms; i++)
		if (!strcmp(vdso.strtab + vdso.symtab[i].st_name, name) && vdso.symtab[i].st_shndx) {
			linear = i;
			break;
		}
	sysv = lookup_hash(&vdso, name, 0);
	gnu = lookup_hash(&vdso, name, 1);
	ok(linear > 0 && (sysv == -2 || sysv == linear) && (gnu == -2 || gnu == linear),
	   "%s is in the dynamic symbols (index %d; DT_HASH %d, DT_GNU_HASH %d)", name, linear,
	   sysv, gnu);
	if (linear <= 0)
		return 0;
	return vdso.symtab[linear].st_value + vdso.bias;
}

/* --- the time functions ------------------------------------------------------ */

typedef long (*clock_gettime_fn)(long clk, struct timespec *ts);
typedef long (*gettimeofday_fn)(struct timeval *tv, void *tz);
typedef long (*time_fn)(long *t);

static long long ns_of(const struct timespec *ts)
{
	return ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static void times(unsigned long f_cg, unsigned long f_gtod, unsigned long f_time)
{
	clock_gettime_fn cg = (clock_gettime_fn)f_cg;
	gettimeofday_fn gtod = (gettimeofday_fn)f_gtod;
	time_fn vtime = (time_fn)f_time;
	static const long clocks[] = { 0, 1, 2, 5, 6, 7, 99, -1 };
	struct timespec a, b;
	struct timeval tv, tv2;
	long long prev, now, diff, worst = 0;
	long r1, r2, t, t2;
	int i, backwards = 0, bad_ns = 0;

	/* every clock: the same result code as the system call */
	for (i = 0; i < (int)(sizeof(clocks) / sizeof(clocks[0])); i++) {
		r1 = cg(clocks[i], &a);
		r2 = __syscall(__NR_clock_gettime, clocks[i], (long)&b, 0, 0, 0, 0);
		ok(r1 == r2, "clock %ld: __vdso_clock_gettime returns what the syscall does (%ld, %ld)",
		   clocks[i], r1, r2);
		if (r1 == 0 && r2 == 0 && clocks[i] != 2 && clocks[i] != 7) {
			diff = ns_of(&a) - ns_of(&b);
			ok(diff <= 0 && diff > -20000000LL,
			   "clock %ld: the vDSO's time agrees with the syscall's (%lld us apart)",
			   clocks[i], diff / 1000);
		}
	}

	/* the coarse clocks are the time of the last tick: back to back, the
	 * vDSO and the syscall read the same value (unless a tick falls between:
	 * five tries) */
	for (i = 5; i <= 6; i++) {
		int tries, same = 0;

		for (tries = 0; tries < 5 && !same; tries++) {
			cg(i, &a);
			__syscall(__NR_clock_gettime, i, (long)&b, 0, 0, 0, 0);
			same = ns_of(&a) == ns_of(&b);
		}
		ok(same, "clock %d (coarse): the vDSO and the syscall give the same tick time "
		   "(last: %lld and %lld ns)", i, ns_of(&a), ns_of(&b));
	}

	r1 = gtod(&tv, NULL);
	__syscall(__NR_gettimeofday, (long)&tv2, 0, 0, 0, 0, 0);
	diff = (tv2.tv_sec - tv.tv_sec) * 1000000LL + tv2.tv_usec - tv.tv_usec;
	ok(r1 == 0 && diff >= 0 && diff < 20000 && tv.tv_usec >= 0 && tv.tv_usec < 1000000,
	   "__vdso_gettimeofday agrees with gettimeofday(2) (%lld us apart)", diff);
	t = vtime(&t2);
	r1 = __syscall(__NR_time, 0, 0, 0, 0, 0, 0);
	ok(t == t2 && (r1 == t || r1 == t + 1), "__vdso_time agrees with time(2) (%ld, %ld)", t, r1);
	cg(CLOCK_REALTIME, &a);
	ok(a.tv_sec == r1 || a.tv_sec == r1 + 1 || a.tv_sec == r1 - 1,
	   "CLOCK_REALTIME's seconds are time()'s");

	/* monotonic, interleaved with the system call */
	cg(CLOCK_MONOTONIC, &a);
	prev = ns_of(&a);
	for (i = 0; i < 10000; i++) {
		if (i & 1)
			__syscall(__NR_clock_gettime, CLOCK_MONOTONIC, (long)&a, 0, 0, 0, 0);
		else
			cg(CLOCK_MONOTONIC, &a);
		cg(CLOCK_MONOTONIC, &b);
		if (a.tv_nsec < 0 || a.tv_nsec >= 1000000000L || b.tv_nsec < 0 ||
		    b.tv_nsec >= 1000000000L)
			bad_ns++;
		now = ns_of(&a);
		if (now < prev) {
			if (!backwards || prev - now > worst)
				worst = prev - now;
			backwards++;
		}
		prev = now;
		now = ns_of(&b);
		if (now < prev) {
			if (!backwards || prev - now > worst)
				worst = prev - now;
			backwards++;
		}
		prev = now;
	}
	ok(!backwards, "CLOCK_MONOTONIC never goes backwards over 10000 rounds of vDSO and syscall "
	   "(%d times, by up to %lld ns)", backwards, worst);
	ok(!bad_ns, "tv_nsec is always in [0, 1e9)");
}

int main(int argc, char **argv, char **envp)
{
	unsigned long ehdr, vs, f_cg, f_gtod, f_time;
	int parsed;

	(void)argc;
	(void)argv;
	sysinfo_fn = getauxval(AT_SYSINFO);
	ehdr = getauxval(AT_SYSINFO_EHDR);
	if (read_int_file("/proc/sys/vm/vdso_enabled") == 0) {
		ok(!sysinfo_fn && !ehdr, "vdso_enabled = 0: no AT_SYSINFO, no AT_SYSINFO_EHDR");
		skip("vdso_enabled is 0", "the vDSO's calls");
		return tap_done();
	}
	ok(sysinfo_fn != 0, "AT_SYSINFO is given (%#lx)", sysinfo_fn);
	ok(ehdr != 0 && !(ehdr & (PAGE_SIZE - 1)), "AT_SYSINFO_EHDR is given, page aligned (%#lx)",
	   ehdr);
	if (!sysinfo_fn || !ehdr)
		return tap_done();
	auxv(envp);
	vsyscalls();

	parsed = parse_vdso(ehdr);
	ok(parsed, "the vDSO is an i386 ELF shared object with a dynamic symbol table (%u symbols)",
	   vdso.nsyms);
	if (!parsed)
		return tap_done();
	vs = find("__kernel_vsyscall");
	expect_eq(vs, sysinfo_fn, "__kernel_vsyscall is at AT_SYSINFO");
	ok(sysinfo_fn >= ehdr && sysinfo_fn < ehdr + vdso.size, "inside the image");
	f_cg = find("__vdso_clock_gettime");
	f_gtod = find("__vdso_gettimeofday");
	f_time = find("__vdso_time");
	if (f_cg && f_gtod && f_time)
		times(f_cg, f_gtod, f_time);
	return tap_done();
}
