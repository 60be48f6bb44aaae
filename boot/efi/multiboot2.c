/*
 * The Multiboot2 boot information the loader hands the kernel (the
 * Multiboot2 specification's tags, read by arch/x86/kernel/multiboot.c):
 * a header (total size, reserved), then 8-byte aligned tags, each starting
 * with its type and size, ended by a tag of type 0. GRUB writes the same
 * tags; Linux's EFI stub writes struct boot_params and an e820 table.
 * UEFI memory types become the e820-like types of the Multiboot2 memory
 * map, as GRUB converts them.
 */
#include "loader.h"

#define MB2_TAG_END 0
#define MB2_TAG_MODULE 3
#define MB2_TAG_MMAP 6
#define MB2_TAG_FRAMEBUFFER 8
#define MB2_FB_RGB 1

#define MB2_MEM_USABLE 1
#define MB2_MEM_RESERVED 2
#define MB2_MEM_ACPI 3
#define MB2_MEM_NVS 4
#define MB2_MEM_UNUSABLE 5

struct mb2_mmap_entry {
	UINT64 addr, len;
	UINT32 type, zero;
};

struct mb2_fb_tag {
	UINT32 type, size;
	UINT64 addr;
	UINT32 pitch, width, height;
	UINT8 bpp, fb_type;
	UINT16 reserved;
	UINT8 red_pos, red_size, green_pos, green_size, blue_pos, blue_size;
} __attribute__((packed));

/* mb2_begin: pages below LOWMEM_LIMIT for the information, and its header. */
EFI_STATUS mb2_begin(struct mb2_info *mb, UINTN pages)
{
	EFI_PHYSICAL_ADDRESS addr = LOWMEM_LIMIT - 1;
	EFI_STATUS status;

	status = BS->AllocatePages(AllocateMaxAddress, EfiLoaderData, pages, &addr);
	if (EFI_ERROR(status))
		return fail(status, L"no memory for the boot information: %r", status);
	mb->start = (UINT8 *)(UINTN)addr;
	mb->end = mb->start + pages * EFI_PAGE_SIZE;
	mb->pos = mb->start + 8;
	ZeroMem(mb->start, pages * EFI_PAGE_SIZE);
	return EFI_SUCCESS;
}

/* A new tag of `size` bytes at the end, or NULL when the pages are full
 * (room for the end tag is always kept). */
static void *mb2_tag(struct mb2_info *mb, UINT32 type, UINT32 size)
{
	UINT32 *tag = (UINT32 *)mb->pos;
	UINTN room = mb->end - mb->pos;

	if (room < 8 || ((size + 7) & ~7U) > room - 8)
		return NULL;
	tag[0] = type;
	tag[1] = size;
	mb->pos += (size + 7) & ~7U;
	return tag;
}

/* A tag holding a string (the command line, the loader's name); returns
 * the tag's copy, NUL-ended (the pages were zeroed), or NULL. */
const CHAR8 *mb2_add_string(struct mb2_info *mb, UINT32 type, const CHAR8 *s, UINTN len)
{
	UINT8 *tag = mb2_tag(mb, type, 8 + len + 1);

	if (!tag)
		return NULL;
	CopyMem(tag + 8, s, len);
	return tag + 8;
}

/* A module: its first and last-plus-one physical address, and its name. */
void mb2_add_module(struct mb2_info *mb, const struct blob *b, const CHAR8 *name)
{
	UINTN len = strlena(name);
	UINT32 *tag = mb2_tag(mb, MB2_TAG_MODULE, 16 + len + 1);

	if (tag) {
		tag[2] = (UINT32)b->addr;
		tag[3] = (UINT32)(b->addr + b->size);
		CopyMem(tag + 4, name, len);
	}
}

void mb2_add_framebuffer(struct mb2_info *mb, const struct framebuffer *fb)
{
	struct mb2_fb_tag *t = mb2_tag(mb, MB2_TAG_FRAMEBUFFER, sizeof(*t));

	if (!t)
		return;
	t->addr = fb->addr;
	t->pitch = fb->pitch;
	t->width = fb->width;
	t->height = fb->height;
	t->bpp = fb->bpp;
	t->fb_type = MB2_FB_RGB;
	t->red_pos = fb->red_pos;
	t->red_size = fb->red_size;
	t->green_pos = fb->green_pos;
	t->green_size = fb->green_size;
	t->blue_pos = fb->blue_pos;
	t->blue_size = fb->blue_size;
}

/* What a UEFI memory type is once boot services have ended. The loader's
 * own pages (the kernel, the initramfs, this information) count as usable:
 * the kernel reserves its image and the modules itself, and copies this
 * block before it allocates anything. */
static UINT32 mb2_type(UINT32 efi_type)
{
	switch (efi_type) {
	case EfiLoaderCode:
	case EfiLoaderData:
	case EfiBootServicesCode:
	case EfiBootServicesData:
	case EfiConventionalMemory:
		return MB2_MEM_USABLE;
	case EfiACPIReclaimMemory:
		return MB2_MEM_ACPI;
	case EfiACPIMemoryNVS:
		return MB2_MEM_NVS;
	case EfiUnusableMemory:
		return MB2_MEM_UNUSABLE;
	default:			/* runtime services, MMIO, reserved, ... */
		return MB2_MEM_RESERVED;
	}
}

/* Insert e into the address-ordered entries e[-n..-1], merging it with a
 * neighbour of the same type that it touches (UEFI lists memory in many
 * small pieces; the kernel keeps at most 64 ranges). Returns the count. */
static UINTN insert_range(struct mb2_mmap_entry *first, UINTN n, const struct mb2_mmap_entry *e)
{
	UINTN i = n;

	while (i > 0 && first[i - 1].addr > e->addr) {
		first[i] = first[i - 1];
		i--;
	}
	first[i] = *e;
	if (i + 1 <= n && first[i + 1].type == e->type && e->addr + e->len == first[i + 1].addr) {
		first[i].len += first[i + 1].len;
		CopyMem(&first[i + 1], &first[i + 2], (n - i - 1) * sizeof(*first));
		n--;
	}
	if (i > 0 && first[i - 1].type == e->type && first[i - 1].addr + first[i - 1].len == e->addr) {
		first[i - 1].len += first[i].len;
		CopyMem(&first[i], &first[i + 1], (n - i) * sizeof(*first));
		n--;
	}
	return n + 1;
}

/* mb2_add_memory_map: the UEFI memory map (GetMemoryMap's descriptors,
 * desc_size apart) as a Multiboot2 memory map tag; FALSE when it does not
 * fit. Called again after a failed ExitBootServices: the caller rewinds
 * mb->pos first. */
BOOLEAN mb2_add_memory_map(struct mb2_info *mb, const UINT8 *map, UINTN size, UINTN desc_size)
{
	UINTN n = 0, max = size / desc_size;
	UINT32 *tag = mb2_tag(mb, MB2_TAG_MMAP, 16 + max * sizeof(struct mb2_mmap_entry));
	struct mb2_mmap_entry *first = (struct mb2_mmap_entry *)(tag + 4), e = { 0 };
	const EFI_MEMORY_DESCRIPTOR *d;

	if (!tag)
		return FALSE;
	tag[2] = sizeof(e);		/* entry size */
	tag[3] = 0;			/* entry version */
	for (; size >= desc_size; size -= desc_size, map += desc_size) {
		d = (const EFI_MEMORY_DESCRIPTOR *)map;
		e.addr = d->PhysicalStart;
		e.len = d->NumberOfPages * EFI_PAGE_SIZE;
		e.type = mb2_type(d->Type);
		n = insert_range(first, n, &e);
	}
	tag[1] = 16 + n * sizeof(e);	/* merged: shorter than reserved */
	mb->pos = (UINT8 *)tag + ((tag[1] + 7) & ~7U);
	return TRUE;
}

/* mb2_address: end the information (end tag, total size); its address. */
UINT32 mb2_address(const struct mb2_info *mb)
{
	UINT32 *end = (UINT32 *)mb->pos;

	end[0] = MB2_TAG_END;
	end[1] = 8;
	*(UINT32 *)mb->start = mb->pos + 8 - mb->start;
	return (UINT32)(UINTN)mb->start;
}
