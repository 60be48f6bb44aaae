/*
 * vdso.c: using the vDSO the kernel maps into every process.
 *
 * __vsyscall_init (called by __libc_start before main) points the
 * library's system call entry (__vsyscall_entry, syscall.S) at
 * __kernel_vsyscall when the auxiliary vector has AT_SYSINFO, and records
 * AT_SYSINFO_EHDR, the vDSO's ELF header.
 *
 * __vdso_sym finds a function in the vDSO by reading its ELF dynamic symbol
 * table (the kernel's <linux/elf.h>; no dynamic linker involved): program
 * headers -> the load bias and
 * PT_DYNAMIC -> DT_SYMTAB, DT_STRTAB, the symbol count (DT_HASH's nchain,
 * or walked out of DT_GNU_HASH), DT_VERSYM and DT_VERDEF -> a defined
 * function of that name whose version is the one asked for. The vDSO is
 * trusted to be well formed (the kernel made it); anything unexpected
 * makes the lookup fail, and the caller falls back to the system call.
 */
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>
#include <linux/elf.h>

extern long (*__vsyscall_entry)(void);	/* syscall.S */

static unsigned long vdso_ehdr;		/* AT_SYSINFO_EHDR, 0 without a vDSO */

void __vsyscall_init(const unsigned long *auxv)
{
	for (; auxv && auxv[0] != AT_NULL; auxv += 2) {
		if (auxv[0] == AT_SYSINFO && auxv[1])
			__vsyscall_entry = (long (*)(void))auxv[1];
		else if (auxv[0] == AT_SYSINFO_EHDR)
			vdso_ehdr = auxv[1];
	}
}

struct vdso_info {
	uintptr_t bias;			/* add to a link-time address */
	const Elf32_Sym *symtab;
	const char *strtab;
	const uint16_t *versym;		/* may be NULL */
	const Elf32_Verdef *verdef;	/* may be NULL */
	uint32_t nsyms;
};

/* gnu_hash_nsyms: the number of symbols, from a DT_GNU_HASH table: one past
 * the end of the chain of the highest bucket (its last entry has bit 0). */
static uint32_t gnu_hash_nsyms(const uint32_t *h)
{
	uint32_t nbuckets = h[0], symoffset = h[1], bloom_size = h[2];
	const uint32_t *buckets = h + 4 + bloom_size;	/* 32-bit bloom words */
	const uint32_t *chain = buckets + nbuckets;
	uint32_t i, last = 0;

	for (i = 0; i < nbuckets; i++)
		if (buckets[i] > last)
			last = buckets[i];
	if (last < symoffset)
		return symoffset;
	while (!(chain[last - symoffset] & 1))
		last++;
	return last + 1;
}

/* vdso_parse: fill *vi from the image at ehdr; 0 on success, -1 if the
 * image is not what we expect. */
static int vdso_parse(uintptr_t ehdr, struct vdso_info *vi)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)ehdr;
	const Elf32_Phdr *ph;
	const Elf32_Dyn *dyn = NULL, *d;
	const uint32_t *hash = NULL, *gnu_hash = NULL;
	int i, have_load = 0;

	vi->bias = 0;

	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS32)
		return -1;
	ph = (const Elf32_Phdr *)(ehdr + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD && !have_load) {
			vi->bias = ehdr + ph[i].p_offset - ph[i].p_vaddr;
			have_load = 1;
		} else if (ph[i].p_type == PT_DYNAMIC) {
			dyn = (const Elf32_Dyn *)(uintptr_t)ph[i].p_vaddr;
		}
	}
	if (!have_load || !dyn)
		return -1;
	dyn = (const Elf32_Dyn *)((uintptr_t)dyn + vi->bias);
	vi->symtab = NULL;
	vi->strtab = NULL;
	vi->versym = NULL;
	vi->verdef = NULL;
	for (d = dyn; d->d_tag != DT_NULL; d++) {
		uintptr_t p = d->d_un.d_ptr + vi->bias;

		switch (d->d_tag) {
		case DT_SYMTAB: vi->symtab = (const Elf32_Sym *)p; break;
		case DT_STRTAB: vi->strtab = (const char *)p; break;
		case DT_HASH: hash = (const uint32_t *)p; break;
		case DT_GNU_HASH: gnu_hash = (const uint32_t *)p; break;
		case DT_VERSYM: vi->versym = (const uint16_t *)p; break;
		case DT_VERDEF: vi->verdef = (const Elf32_Verdef *)p; break;
		}
	}
	if (!vi->symtab || !vi->strtab || (!hash && !gnu_hash))
		return -1;
	vi->nsyms = hash ? hash[1] : gnu_hash_nsyms(gnu_hash);
	if (!vi->versym)
		vi->verdef = NULL;
	return 0;
}

/* version_matches: is symbol i's version (by DT_VERSYM) named version? A
 * vDSO without version information matches any version. */
static int version_matches(const struct vdso_info *vi, uint32_t i, const char *version)
{
	const Elf32_Verdef *vd = vi->verdef;
	uint16_t ndx;

	if (!vi->versym || !vd)
		return 1;
	ndx = vi->versym[i] & VERSYM_VERSION;
	for (;;) {
		if (!(vd->vd_flags & VER_FLG_BASE) && vd->vd_ndx == ndx) {
			const Elf32_Verdaux *aux = (const Elf32_Verdaux *)((uintptr_t)vd + vd->vd_aux);

			return !strcmp(vi->strtab + aux->vda_name, version);
		}
		if (!vd->vd_next)
			return 0;
		vd = (const Elf32_Verdef *)((uintptr_t)vd + vd->vd_next);
	}
}

/* __vdso_sym: the address of the vDSO function name@version, or NULL. */
void *__vdso_sym(const char *version, const char *name)
{
	struct vdso_info vi;
	uint32_t i;

	if (!vdso_ehdr || vdso_parse(vdso_ehdr, &vi))
		return NULL;
	for (i = 1; i < vi.nsyms; i++) {
		const Elf32_Sym *s = &vi.symtab[i];
		int bind = ELF32_ST_BIND(s->st_info), type = ELF32_ST_TYPE(s->st_info);

		if (type != STT_FUNC || (bind != STB_GLOBAL && bind != STB_WEAK) ||
		    s->st_shndx == SHN_UNDEF || strcmp(vi.strtab + s->st_name, name))
			continue;
		if (version_matches(&vi, i, version))
			return (void *)(s->st_value + vi.bias);
	}
	return NULL;
}
