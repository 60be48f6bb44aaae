/*
 * Placing the kernel: yomi.elf's PT_LOAD segments copied to their physical
 * addresses (p_paddr; linker.ld links them at PAGE_OFFSET higher), what
 * GRUB's multiboot2 command and QEMU's -kernel do for an ELF kernel.
 * Linux's EFI stub instead moves a relocatable bzImage wherever memory
 * is free; yomi's kernel is not relocatable, so the range it needs must
 * be free, and the firmware says whether it is: AllocatePages at a fixed
 * address fails when any page of it is in use or not RAM.
 */
#include <elf.h>
#include "loader.h"

/* the reason a file is not a kernel we can load, or NULL */
static const CHAR16 *check_header(const Elf32_Ehdr *eh, UINTN size)
{
	if (size < sizeof(*eh) || CompareMem(eh->e_ident, ELFMAG, SELFMAG))
		return L"not an ELF file";
	if (eh->e_ident[EI_CLASS] != ELFCLASS32 || eh->e_ident[EI_DATA] != ELFDATA2LSB ||
	    eh->e_machine != EM_386)
		return L"not an i386 (32-bit, little-endian) ELF file";
	if (eh->e_type != ET_EXEC)
		return L"not an ELF executable";
	if (eh->e_phentsize != sizeof(Elf32_Phdr) || !eh->e_phnum ||
	    eh->e_phoff > size || (size - eh->e_phoff) / sizeof(Elf32_Phdr) < eh->e_phnum)
		return L"program headers missing or cut short";
	return NULL;
}

static const CHAR16 *check_segment(const Elf32_Phdr *ph, UINTN size)
{
	if (ph->p_offset > size || size - ph->p_offset < ph->p_filesz)
		return L"a segment lies beyond the end of the file";
	if (ph->p_filesz > ph->p_memsz || ph->p_paddr + (UINT64)ph->p_memsz > 0x100000000ULL)
		return L"a segment's sizes or address are impossible";
	return NULL;
}

/* The physical range [*lo, *hi) that the PT_LOAD segments span, checked. */
static const CHAR16 *segment_span(const UINT8 *file, UINTN size, UINT64 *lo, UINT64 *hi)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)file;
	const Elf32_Phdr *ph = (const Elf32_Phdr *)(file + eh->e_phoff);
	const CHAR16 *why;
	int i;

	*lo = ~0ULL;
	*hi = 0;
	for (i = 0; i < eh->e_phnum; i++, ph++) {
		if (ph->p_type != PT_LOAD)
			continue;
		why = check_segment(ph, size);
		if (why)
			return why;
		*lo = *lo < ph->p_paddr ? *lo : ph->p_paddr;
		*hi = *hi > ph->p_paddr + (UINT64)ph->p_memsz ? *hi : ph->p_paddr + (UINT64)ph->p_memsz;
	}
	return *hi ? NULL : L"no loadable segment";
}

/* e_entry is a virtual address: the segment holding it gives the physical one. */
static BOOLEAN entry_point(const UINT8 *file, UINT32 *entry)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)file;
	const Elf32_Phdr *ph = (const Elf32_Phdr *)(file + eh->e_phoff);
	int i;

	for (i = 0; i < eh->e_phnum; i++, ph++) {
		if (ph->p_type == PT_LOAD && eh->e_entry - ph->p_vaddr < ph->p_memsz) {
			*entry = ph->p_paddr + (eh->e_entry - ph->p_vaddr);
			return TRUE;
		}
	}
	return FALSE;
}

/* Copy each segment in; the pages were zeroed, which clears .bss. */
static void copy_segments(const UINT8 *file)
{
	const Elf32_Ehdr *eh = (const Elf32_Ehdr *)file;
	const Elf32_Phdr *ph = (const Elf32_Phdr *)(file + eh->e_phoff);
	int i;

	for (i = 0; i < eh->e_phnum; i++, ph++)
		if (ph->p_type == PT_LOAD)
			CopyMem((void *)(UINTN)ph->p_paddr, file + ph->p_offset, ph->p_filesz);
}

/* load_kernel: check the ELF file and place its segments; fill *k. */
EFI_STATUS load_kernel(const struct blob *file, struct kernel *k)
{
	const UINT8 *data = (const UINT8 *)(UINTN)file->addr;
	const CHAR16 *why = check_header((const Elf32_Ehdr *)data, file->size);
	UINT64 lo, hi;
	EFI_STATUS status;

	if (!why)
		why = segment_span(data, file->size, &lo, &hi);
	if (!why && !entry_point(data, &k->entry))
		why = L"the entry point is in no segment";
	if (why)
		return fail(EFI_LOAD_ERROR, L"%s is not a kernel yomi-efi can load: %s", KERNEL_PATH, why);
	k->base = lo & ~(UINT64)EFI_PAGE_MASK;
	k->pages = EFI_SIZE_TO_PAGES(hi - k->base);
	status = BS->AllocatePages(AllocateAddress, EfiLoaderData, k->pages, &k->base);
	if (EFI_ERROR(status))
		return fail(status, L"the kernel needs 0x%lx-0x%lx, which is not free memory: %r",
			    lo, hi - 1, status);
	ZeroMem((void *)(UINTN)k->base, k->pages * EFI_PAGE_SIZE);
	copy_segments(data);
	say(L"kernel %s at 0x%lx-0x%lx, entry 0x%x", KERNEL_PATH, lo, hi - 1, k->entry);
	return EFI_SUCCESS;
}
