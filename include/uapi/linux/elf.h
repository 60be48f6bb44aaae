/*
 * The ELF32 format as i386 uses it (Linux: include/uapi/linux/elf.h and
 * elf-em.h; the facts are the System V ABI's and its i386 supplement's):
 * the file header, the program headers, the dynamic section, symbols, and
 * the symbol versions (Elf32_Verdef, which Linux leaves to glibc's
 * <elf.h>). One definition for the kernel's ELF loader (fs/binfmt_elf.c),
 * yomi's C library (the vDSO lookup in user/lib/vdso.c), the vDSO test
 * program and the host unit test of the vDSO images.
 */
#ifndef _UAPI_LINUX_ELF_H
#define _UAPI_LINUX_ELF_H

typedef unsigned int Elf32_Addr;
typedef unsigned short Elf32_Half;
typedef unsigned int Elf32_Off;
typedef int Elf32_Sword;
typedef unsigned int Elf32_Word;

/* e_ident: the magic, then what kind of ELF file this is */
#define EI_NIDENT	16
#define ELFMAG		"\177ELF"
#define SELFMAG		4
#define EI_CLASS	4	/* ELFCLASS32 */
#define EI_DATA		5	/* ELFDATA2LSB */
#define EI_VERSION	6	/* EV_CURRENT */
#define ELFCLASS32	1
#define ELFDATA2LSB	1	/* little-endian */
#define EV_CURRENT	1

/* e_type */
#define ET_EXEC		2	/* an executable at fixed addresses */
#define ET_DYN		3	/* a shared object or position-independent executable */

/* e_machine */
#define EM_386		3

typedef struct {
	unsigned char e_ident[EI_NIDENT];
	Elf32_Half e_type;
	Elf32_Half e_machine;
	Elf32_Word e_version;
	Elf32_Addr e_entry;		/* the entry point */
	Elf32_Off e_phoff;		/* where the program headers are in the file */
	Elf32_Off e_shoff;
	Elf32_Word e_flags;
	Elf32_Half e_ehsize;
	Elf32_Half e_phentsize;		/* sizeof(Elf32_Phdr) */
	Elf32_Half e_phnum;
	Elf32_Half e_shentsize;
	Elf32_Half e_shnum;
	Elf32_Half e_shstrndx;
} Elf32_Ehdr;

/* p_type */
#define PT_NULL		0
#define PT_LOAD		1	/* a segment to map */
#define PT_DYNAMIC	2	/* the dynamic section */
#define PT_INTERP	3	/* the program interpreter's path */
#define PT_NOTE		4
#define PT_PHDR		6
#define PT_TLS		7
#define PT_GNU_STACK	0x6474e551	/* its flags say whether the stack is executable */

/* p_flags */
#define PF_X		0x1
#define PF_W		0x2
#define PF_R		0x4

typedef struct {
	Elf32_Word p_type;
	Elf32_Off p_offset;		/* the segment's bytes in the file */
	Elf32_Addr p_vaddr;		/* and in memory */
	Elf32_Addr p_paddr;
	Elf32_Word p_filesz;
	Elf32_Word p_memsz;		/* more than p_filesz: zero-filled (bss) */
	Elf32_Word p_flags;
	Elf32_Word p_align;
} Elf32_Phdr;

/* d_tag */
#define DT_NULL		0	/* the end of the dynamic section */
#define DT_NEEDED	1
#define DT_PLTRELSZ	2
#define DT_PLTGOT	3
#define DT_HASH		4	/* the SysV hash table */
#define DT_STRTAB	5
#define DT_SYMTAB	6
#define DT_RELA		7
#define DT_RELASZ	8
#define DT_RELAENT	9
#define DT_STRSZ	10
#define DT_SYMENT	11
#define DT_INIT		12
#define DT_FINI		13
#define DT_SONAME	14
#define DT_RPATH	15
#define DT_SYMBOLIC	16
#define DT_REL		17
#define DT_RELSZ	18
#define DT_RELENT	19
#define DT_PLTREL	20
#define DT_DEBUG	21
#define DT_TEXTREL	22
#define DT_JMPREL	23
#define DT_GNU_HASH	0x6ffffef5	/* the GNU hash table */
#define DT_VERSYM	0x6ffffff0	/* a version index per symbol */
#define DT_VERDEF	0x6ffffffc	/* the versions defined */
#define DT_VERDEFNUM	0x6ffffffd

typedef struct {
	Elf32_Sword d_tag;
	union {
		Elf32_Word d_val;
		Elf32_Addr d_ptr;
	} d_un;
} Elf32_Dyn;

/* st_info: the binding in the high 4 bits, the type in the low 4 */
#define ELF32_ST_BIND(info)	((info) >> 4)
#define ELF32_ST_TYPE(info)	((info) & 0xf)
#define STB_LOCAL	0
#define STB_GLOBAL	1
#define STB_WEAK	2
#define STT_NOTYPE	0
#define STT_OBJECT	1
#define STT_FUNC	2
#define STT_SECTION	3
#define STT_FILE	4

/* st_shndx */
#define SHN_UNDEF	0
#define SHN_ABS		0xfff1

typedef struct {
	Elf32_Word st_name;		/* offset in the string table */
	Elf32_Addr st_value;
	Elf32_Word st_size;
	unsigned char st_info;
	unsigned char st_other;
	Elf32_Half st_shndx;
} Elf32_Sym;

/* symbol versions (DT_VERSYM's entries are Elf32_Half version indexes) */
#define VER_FLG_BASE	0x1	/* vd_flags: the file's own version, not a symbol's */
#define VERSYM_HIDDEN	0x8000
#define VERSYM_VERSION	0x7fff

typedef struct {
	Elf32_Half vd_version;
	Elf32_Half vd_flags;
	Elf32_Half vd_ndx;		/* what DT_VERSYM's entries refer to */
	Elf32_Half vd_cnt;
	Elf32_Word vd_hash;		/* the SysV hash of the version's name */
	Elf32_Word vd_aux;		/* offset to the first Elf32_Verdaux */
	Elf32_Word vd_next;		/* offset to the next Elf32_Verdef, 0 at the end */
} Elf32_Verdef;

typedef struct {
	Elf32_Word vda_name;		/* the version's name, in the string table */
	Elf32_Word vda_next;
} Elf32_Verdaux;

#endif
