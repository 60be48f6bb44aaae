/*
 * The vDSO images ($O/arch/x86/vdso/vdso32-sysenter.so and vdso32-int80.so,
 * the stripped files the kernel embeds) read the way a dynamic loader reads
 * the page it finds through AT_SYSINFO_EHDR (glibc's dl-vdso, Linux's
 * tools/testing/selftests/vDSO/parse_vdso.c): the ELF header, the program
 * headers (one PT_LOAD, PT_DYNAMIC), then from the dynamic section
 * DT_SYMTAB, DT_STRTAB, DT_HASH and DT_GNU_HASH, DT_VERSYM and DT_VERDEF.
 * Each symbol the libc looks up must be found, by either hash table, with
 * the version it asks for - __kernel_vsyscall@LINUX_2.5, and
 * __vdso_clock_gettime, __vdso_gettimeofday, __vdso_time@LINUX_2.6 - as a
 * defined global function inside the one loaded, executable page; the
 * image must need no relocations and fit in 4096 bytes; the offsets the
 * kernel was built with ($O/include/generated/asm/vdso-offsets.h) must be
 * where the symbols are; and __kernel_vsyscall must be the code Linux has
 * there (sysenter, with the int $0x80 restart point right before the
 * return point, or a plain int $0x80; ret).
 *
 * The parser below works on a byte buffer holding the image as it sits in
 * memory (for a vDSO, file offset = address - base) and reads it with the
 * kernel's own ELF definitions (<uapi/linux/elf.h>, not the host's
 * <elf.h>), as user/lib/vdso.c does.
 */
// sources:
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "check.h"
#include <uapi/linux/elf.h>

/* --- the parser ------------------------------------------------------------ */

struct vdso {
	const unsigned char *base;	/* the image: address 0 of the vDSO */
	size_t size;			/* bytes the image has */
	const Elf32_Phdr *load;	/* the PT_LOAD */
	uint32_t load_end;		/* p_vaddr + p_memsz */
	const Elf32_Sym *symtab;
	const char *strtab;
	uint32_t strsz;
	const uint32_t *hash;		/* DT_HASH: nbucket, nchain, buckets, chains */
	const uint32_t *gnu_hash;	/* DT_GNU_HASH: nbuckets, symoffset, bloom_size, shift, ... */
	const uint16_t *versym;
	const Elf32_Verdef *verdef;
	uint32_t nsyms;			/* from DT_HASH's nchain (or the GNU chains) */
	int has_relocs, has_textrel, has_interp;
};

/* in_image: [off, off + len) lies inside the image */
static int in_image(const struct vdso *v, uint32_t off, uint32_t len)
{
	return off <= v->size && len <= v->size - off;
}

/* the SysV hash of ELF (DT_HASH, and vd_hash) */
static uint32_t elf_hash(const char *name)
{
	uint32_t h = 0, g;

	for (; *name; name++) {
		h = (h << 4) + (unsigned char)*name;
		g = h & 0xf0000000;
		if (g)
			h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

/* the GNU hash (DT_GNU_HASH): djb2 */
static uint32_t gnu_hash(const char *name)
{
	uint32_t h = 5381;

	for (; *name; name++)
		h = h * 33 + (unsigned char)*name;
	return h;
}

/* vdso_parse: fill v from the image; 0, or a message saying what is wrong */
static const char *vdso_parse(struct vdso *v, const unsigned char *image, size_t size)
{
	const Elf32_Ehdr *eh = (const void *)image;
	const Elf32_Phdr *ph;
	const Elf32_Dyn *dyn = NULL;
	uint32_t i, dyn_size = 0, nload = 0;

	memset(v, 0, sizeof(*v));
	v->base = image;
	v->size = size;
	if (size < sizeof(*eh) || memcmp(eh->e_ident, ELFMAG, SELFMAG))
		return "no ELF magic";
	if (eh->e_ident[EI_CLASS] != ELFCLASS32 || eh->e_ident[EI_DATA] != ELFDATA2LSB)
		return "not ELFCLASS32 / ELFDATA2LSB";
	if (eh->e_type != ET_DYN || eh->e_machine != EM_386)
		return "not an i386 shared object (ET_DYN, EM_386)";
	if (eh->e_phentsize != sizeof(*ph) || !in_image(v, eh->e_phoff, eh->e_phnum * sizeof(*ph)))
		return "program headers outside the image";
	ph = (const void *)(image + eh->e_phoff);
	for (i = 0; i < eh->e_phnum; i++) {
		if (ph[i].p_type == PT_LOAD) {
			nload++;
			v->load = &ph[i];
		} else if (ph[i].p_type == PT_DYNAMIC) {
			dyn = (const void *)(image + ph[i].p_offset);
			dyn_size = ph[i].p_filesz;
			if (!in_image(v, ph[i].p_offset, dyn_size))
				return "PT_DYNAMIC outside the image";
		} else if (ph[i].p_type == PT_INTERP) {
			v->has_interp = 1;
		}
	}
	if (nload != 1)
		return "not exactly one PT_LOAD";
	/* the vDSO is mapped as it is: file offsets are addresses */
	if (v->load->p_offset != 0 || v->load->p_vaddr != 0)
		return "the PT_LOAD does not start at offset 0, address 0";
	v->load_end = v->load->p_vaddr + v->load->p_memsz;
	if (v->load->p_filesz != v->load->p_memsz)
		return "PT_LOAD has a bss (memsz != filesz)";
	if (!in_image(v, 0, v->load->p_filesz))
		return "PT_LOAD larger than the image";
	if (!dyn)
		return "no PT_DYNAMIC";
	for (i = 0; i < dyn_size / sizeof(*dyn) && dyn[i].d_tag != DT_NULL; i++) {
		uint32_t a = dyn[i].d_un.d_val;

		switch (dyn[i].d_tag) {
		case DT_SYMTAB: v->symtab = (const void *)(image + a); break;
		case DT_STRTAB: v->strtab = (const void *)(image + a); break;
		case DT_STRSZ: v->strsz = a; break;
		case DT_HASH: v->hash = (const void *)(image + a); break;
		case DT_GNU_HASH: v->gnu_hash = (const void *)(image + a); break;
		case DT_VERSYM: v->versym = (const void *)(image + a); break;
		case DT_VERDEF: v->verdef = (const void *)(image + a); break;
		case DT_SYMENT:
			if (a != sizeof(Elf32_Sym))
				return "DT_SYMENT is not 16";
			break;
		case DT_REL: case DT_RELA: case DT_JMPREL: v->has_relocs = 1; break;
		case DT_TEXTREL: v->has_textrel = 1; break;
		}
		/* every address the dynamic section gives lies in the loaded part */
		if ((dyn[i].d_tag == DT_SYMTAB || dyn[i].d_tag == DT_STRTAB ||
		     dyn[i].d_tag == DT_HASH || dyn[i].d_tag == DT_GNU_HASH ||
		     dyn[i].d_tag == DT_VERSYM || dyn[i].d_tag == DT_VERDEF) &&
		    (a >= v->load_end || a >= size))
			return "a dynamic entry points outside the loaded part";
	}
	if (!v->symtab || !v->strtab || !v->strsz)
		return "no DT_SYMTAB, DT_STRTAB or DT_STRSZ";
	if (!v->hash && !v->gnu_hash)
		return "neither DT_HASH nor DT_GNU_HASH";
	if (v->hash) {
		v->nsyms = v->hash[1];
	} else {
		/* with only a GNU table: the highest chain's end is the count */
		const uint32_t *g = v->gnu_hash, nb = g[0], off = g[1], bloom = g[2];
		const uint32_t *buckets = g + 4 + bloom, *chains = buckets + nb;
		uint32_t last = 0;

		for (i = 0; i < nb; i++)
			if (buckets[i] > last)
				last = buckets[i];
		if (last >= off)
			while (!(chains[last - off] & 1))
				last++;
		v->nsyms = last + 1;
	}
	if (!in_image(v, (const unsigned char *)v->symtab - image,
		      v->nsyms * sizeof(Elf32_Sym)))
		return "the symbol table runs past the image";
	return NULL;
}

static const char *sym_name(const struct vdso *v, const Elf32_Sym *s)
{
	return s->st_name < v->strsz ? v->strtab + s->st_name : "";
}

/* version_of: the name of the version definition with index ndx, or NULL */
static const char *version_of(const struct vdso *v, uint16_t ndx, uint32_t *hash)
{
	const Elf32_Verdef *d = v->verdef;

	while (d) {
		if (d->vd_version != 1)
			return NULL;
		if (!(d->vd_flags & VER_FLG_BASE) && (d->vd_ndx & VERSYM_VERSION) == ndx) {
			const Elf32_Verdaux *aux = (const void *)((const char *)d + d->vd_aux);

			*hash = d->vd_hash;
			return aux->vda_name < v->strsz ? v->strtab + aux->vda_name : NULL;
		}
		d = d->vd_next ? (const void *)((const char *)d + d->vd_next) : NULL;
	}
	return NULL;
}

/* matches: symbol i is name@version, a defined global or weak function */
static int matches(const struct vdso *v, uint32_t i, const char *name, const char *version)
{
	const Elf32_Sym *s = &v->symtab[i];
	uint32_t vhash = 0;
	const char *vname;

	if (i >= v->nsyms || strcmp(sym_name(v, s), name))
		return 0;
	if (ELF32_ST_TYPE(s->st_info) != STT_FUNC)
		return 0;
	if (ELF32_ST_BIND(s->st_info) != STB_GLOBAL && ELF32_ST_BIND(s->st_info) != STB_WEAK)
		return 0;
	if (s->st_shndx == SHN_UNDEF || s->st_shndx == SHN_ABS)
		return 0;
	if (!version)
		return 1;
	if (!v->versym || !v->verdef)
		return 0;
	vname = version_of(v, v->versym[i] & VERSYM_VERSION, &vhash);
	return vname && !strcmp(vname, version) && vhash == elf_hash(version);
}

/* lookup_sysv: the symbol's index through DT_HASH, or -1 */
static long lookup_sysv(const struct vdso *v, const char *name, const char *version)
{
	const uint32_t nbucket = v->hash[0], nchain = v->hash[1];
	const uint32_t *bucket = v->hash + 2, *chain = bucket + nbucket;
	uint32_t i, steps = 0;

	for (i = bucket[elf_hash(name) % nbucket]; i != 0 && steps <= nchain;
	     i = chain[i], steps++)
		if (matches(v, i, name, version))
			return i;
	return -1;
}

/* lookup_gnu: the symbol's index through DT_GNU_HASH (bloom filter first), or -1 */
static long lookup_gnu(const struct vdso *v, const char *name, const char *version)
{
	const uint32_t *g = v->gnu_hash;
	const uint32_t nbuckets = g[0], symoffset = g[1], bloom_size = g[2], shift = g[3];
	const uint32_t *bloom = g + 4, *buckets = bloom + bloom_size;
	const uint32_t *chains = buckets + nbuckets;
	uint32_t h = gnu_hash(name), word = bloom[(h / 32) % bloom_size], i;

	if (!((word >> (h % 32)) & (word >> ((h >> shift) % 32)) & 1))
		return -1;			/* the bloom filter says: not here */
	i = buckets[h % nbuckets];
	if (i < symoffset)
		return -1;
	for (;; i++) {
		uint32_t ch = chains[i - symoffset];

		if ((ch | 1) == (h | 1) && matches(v, i, name, version))
			return i;
		if (ch & 1)
			return -1;
	}
}

/* --- the checks ------------------------------------------------------------ */

static unsigned char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n + 4096);			/* zeroed room after: a loader maps a whole page */
	memset(buf, 0, n + 4096);
	if (fread(buf, 1, n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*size = n;
	return buf;
}

/* offset_from_header: the value of #define NAME in vdso-offsets.h, or -1 */
static long offset_from_header(const char *text, const char *name)
{
	char pattern[128];
	const char *p;

	snprintf(pattern, sizeof(pattern), "#define %s ", name);
	p = strstr(text, pattern);
	return p ? strtol(p + strlen(pattern), NULL, 0) : -1;
}

static const struct {
	const char *name, *version;
} wanted[] = {
	{ "__kernel_vsyscall", "LINUX_2.5" },
	{ "__vdso_clock_gettime", "LINUX_2.6" },
	{ "__vdso_gettimeofday", "LINUX_2.6" },
	{ "__vdso_time", "LINUX_2.6" },
};

static void check_image(const char *build, const char *flavour, const char *offsets)
{
	char path[4096], macro[80];
	struct vdso v;
	unsigned char *image;
	const char *err;
	size_t size;
	unsigned int k;
	long vsyscall = -1;

	snprintf(path, sizeof(path), "%s/arch/x86/vdso/vdso32-%s.so", build, flavour);
	image = read_file(path, &size);
	CHECK(image != NULL, "cannot read %s (is the kernel built in $O?)", path);
	if (!image)
		return;
	CHECK(size <= 4096, "%s: %zu bytes, more than the one page the kernel copies", path, size);
	err = vdso_parse(&v, image, size);
	CHECK(!err, "%s: %s", path, err ? err : "");
	if (err) {
		free(image);
		return;
	}
	CHECK(v.load_end <= 4096, "%s: the loadable part ends at %#x, past the page", path,
	      v.load_end);
	CHECK(v.load->p_flags & PF_X, "%s: the PT_LOAD is not executable", path);
	CHECK(!(v.load->p_flags & PF_W), "%s: the PT_LOAD is writable (the vDSO page never is)",
	      path);
	CHECK(!v.has_relocs && !v.has_textrel,
	      "%s: has relocations; a vDSO is mapped at any address unrelocated", path);
	CHECK(!v.has_interp, "%s: has PT_INTERP", path);
	CHECK(v.hash && v.gnu_hash, "%s: both DT_HASH (old loaders) and DT_GNU_HASH expected", path);
	CHECK(v.versym && v.verdef, "%s: no symbol versions (DT_VERSYM, DT_VERDEF)", path);

	for (k = 0; k < sizeof(wanted) / sizeof(wanted[0]); k++) {
		const char *name = wanted[k].name, *version = wanted[k].version;
		long i = -1, j = -1;

		if (v.hash) {
			i = lookup_sysv(&v, name, version);
			CHECK(i > 0, "%s: %s@%s not found through DT_HASH", path, name, version);
		}
		if (v.gnu_hash) {
			j = lookup_gnu(&v, name, version);
			CHECK(j > 0, "%s: %s@%s not found through DT_GNU_HASH", path, name, version);
		}
		CHECK(!(i > 0 && j > 0) || i == j, "%s: %s: the hash tables disagree (%ld, %ld)", path,
		      name, i, j);
		if (i <= 0)
			i = j;
		if (i > 0) {
			const Elf32_Sym *s = &v.symtab[i];

			CHECK(s->st_value >= v.load->p_vaddr && s->st_size > 0 &&
			      s->st_value + s->st_size <= v.load_end && s->st_value + s->st_size <= 4096,
			      "%s: %s at %#x, %u bytes: not inside the loaded page", path, name,
			      s->st_value, s->st_size);
			if (!strcmp(name, "__kernel_vsyscall"))
				vsyscall = s->st_value;
		}
		/* a wrong version is not accepted */
		if (v.hash)
			CHECK(lookup_sysv(&v, name, !strcmp(version, "LINUX_2.5") ? "LINUX_2.6" :
					  "LINUX_2.5") < 0,
			      "%s: %s found with the other version", path, name);
	}
	/* things that are not there are not found */
	if (v.hash)
		CHECK(lookup_sysv(&v, "__vdso_getcpu", "LINUX_2.6") < 0 &&
		      lookup_sysv(&v, "__kernel_vsyscal", "LINUX_2.5") < 0 &&
		      lookup_sysv(&v, "vvar_page", NULL) < 0, "%s: phantom symbols", path);
	if (v.gnu_hash)
		CHECK(lookup_gnu(&v, "__vdso_getcpu", "LINUX_2.6") < 0 &&
		      lookup_gnu(&v, "__kernel_vsyscal", "LINUX_2.5") < 0, "%s: phantom symbols", path);

	/* vdso-offsets.h, which the kernel uses for AT_SYSINFO and sysexit */
	if (vsyscall > 0 && offsets) {
		long want, ret;

		snprintf(macro, sizeof(macro), "VDSO32_%s_kernel_vsyscall",
			 !strcmp(flavour, "sysenter") ? "SYSENTER" : "INT80");
		want = offset_from_header(offsets, macro);
		CHECK(want == vsyscall, "%s: %s is %#lx, the image has __kernel_vsyscall at %#lx",
		      path, macro, want, vsyscall);
		if (!strcmp(flavour, "sysenter")) {
			const unsigned char *c = image + vsyscall;

			/* Linux's: push %ecx; push %edx; push %ebp; mov %esp,%ebp; sysenter */
			CHECK(!memcmp(c, "\x51\x52\x55\x89\xe5\x0f\x34", 7),
			      "%s: __kernel_vsyscall does not start as Linux's sysenter entry", path);
			ret = offset_from_header(offsets, "VDSO32_SYSENTER_kernel_vsyscall_return");
			CHECK(ret > vsyscall + 7 && ret < (long)v.load_end,
			      "%s: VDSO32_SYSENTER_kernel_vsyscall_return is %#lx", path, ret);
			if (ret > vsyscall + 7 && ret < (long)v.load_end) {
				/* the restart point: int $0x80 right before the return point,
				 * which pops what the entry pushed and returns */
				CHECK(!memcmp(image + ret - 2, "\xcd\x80", 2),
				      "%s: no int $0x80 right before the sysexit return point", path);
				CHECK(!memcmp(image + ret, "\x5d\x5a\x59\xc3", 4),
				      "%s: the return point is not pop %%ebp; pop %%edx; pop %%ecx; ret",
				      path);
			}
		} else {
			CHECK(!memcmp(image + vsyscall, "\xcd\x80\xc3", 3),
			      "%s: __kernel_vsyscall is not int $0x80; ret", path);
		}
	}
	free(image);
}

/* the parser itself on broken images: it must refuse them, not crash */
static void check_parser_refuses(const char *build)
{
	char path[4096];
	unsigned char *image, *copy;
	struct vdso v;
	size_t size;

	snprintf(path, sizeof(path), "%s/arch/x86/vdso/vdso32-int80.so", build);
	image = read_file(path, &size);
	if (!image)
		return;
	copy = malloc(size + 4096);
#define BROKEN(what, edit)                                                    \
	do {                                                                  \
		memcpy(copy, image, size + 4096);                             \
		edit;                                                         \
		CHECK(vdso_parse(&v, copy, size) != NULL, "accepted: %s", what); \
	} while (0)
	BROKEN("bad magic", copy[1] = 'X');
	BROKEN("64-bit class", copy[4] = 2);
	BROKEN("x86-64 machine", copy[18] = 62);
	BROKEN("an executable", copy[16] = 2);
	BROKEN("program headers past the end", ((Elf32_Ehdr *)copy)->e_phoff = size);
	BROKEN("truncated", size = 20);
	free(copy);
	free(image);
#undef BROKEN
}

int main(void)
{
	const char *build = getenv("O");
	char path[4096];
	size_t n;
	char *offsets;

	if (!build)
		build = "build";
	snprintf(path, sizeof(path), "%s/include/generated/asm/vdso-offsets.h", build);
	offsets = (char *)read_file(path, &n);
	CHECK(offsets != NULL, "cannot read %s", path);
	check_image(build, "sysenter", offsets);
	check_image(build, "int80", offsets);
	check_parser_refuses(build);
	free(offsets);
	return check_done();
}
