/*
 * The hand-over: the memory map, ExitBootServices and the jump into the
 * kernel. GRUB does this in its relocator; Linux's EFI stub in
 * efi_exit_boot_services (the same retry when the map key is stale) and,
 * for a 64-bit kernel, without leaving long mode. yomi is a 32-bit kernel,
 * so handover.asm leaves long mode first on x86-64 firmware.
 */
#include "loader.h"

/* handover.asm, copied to a page below 4 GiB and called there */
extern const UINT8 handover_start[], handover_end[];
typedef void handover_fn(UINT32 entry, UINT32 info);

/* Room for this many more descriptors than GetMemoryMap asked for: the
 * allocation of the map buffer itself can split a free range. */
#define MAP_SLACK 16

/* handover.asm in a page of its own below 4 GiB: there paging can be
 * turned off under it (UEFI maps all memory at its own address). */
static handover_fn *place_handover(void)
{
	EFI_PHYSICAL_ADDRESS page = 0xffffffff;
	EFI_STATUS status;

	status = BS->AllocatePages(AllocateMaxAddress, EfiLoaderCode, 1, &page);
	if (EFI_ERROR(status)) {
		fail(status, L"no memory below 4 GiB for the hand-over code: %r", status);
		return NULL;
	}
	CopyMem((void *)(UINTN)page, handover_start, handover_end - handover_start);
	return (handover_fn *)(UINTN)page;
}

/* A buffer for the memory map, with the size GetMemoryMap says it needs. */
static EFI_STATUS map_buffer(UINT8 **map, UINTN *size)
{
	UINTN key, desc_size;
	UINT32 version;
	EFI_STATUS status;

	*size = 0;
	status = BS->GetMemoryMap(size, NULL, &key, &desc_size, &version);
	if (status != EFI_BUFFER_TOO_SMALL)
		return fail(status, L"GetMemoryMap: %r", status);
	*size += MAP_SLACK * desc_size;
	status = BS->AllocatePool(EfiLoaderData, *size, (void **)map);
	if (EFI_ERROR(status))
		return fail(status, L"no memory for the memory map: %r", status);
	return EFI_SUCCESS;
}

/*
 * Read the map, write it into the boot information and end boot services
 * with its key. Anything the firmware does in between (a timer event that
 * allocates) makes the key stale: ExitBootServices then says
 * EFI_INVALID_PARAMETER, and the only calls still allowed are these two,
 * so try again. Nothing may be printed from here on: printing can
 * allocate, and after the first attempt the console may be gone.
 */
static EFI_STATUS exit_boot_services(EFI_HANDLE image, struct mb2_info *mb, UINT8 *map, UINTN room)
{
	UINT8 *rewind = mb->pos;
	UINTN size, key, desc_size;
	UINT32 version;
	EFI_STATUS status = EFI_INVALID_PARAMETER;
	int tries;

	for (tries = 0; tries < 8 && status == EFI_INVALID_PARAMETER; tries++) {
		size = room;
		status = BS->GetMemoryMap(&size, (EFI_MEMORY_DESCRIPTOR *)map, &key,
					  &desc_size, &version);
		if (EFI_ERROR(status))
			break;
		mb->pos = rewind;
		if (!mb2_add_memory_map(mb, map, size, desc_size))
			return EFI_BUFFER_TOO_SMALL;
		status = BS->ExitBootServices(image, key);
	}
	return status;
}

/* boot_kernel: end boot services and enter the kernel; returns only when
 * the firmware refuses to let go (a line says why when it still can). */
EFI_STATUS boot_kernel(EFI_HANDLE image, const struct kernel *k, struct mb2_info *mb)
{
	handover_fn *handover;
	UINT8 *map;
	UINTN room;
	EFI_STATUS status;

	handover = place_handover();
	if (!handover)
		return EFI_OUT_OF_RESOURCES;
	status = map_buffer(&map, &room);
	if (EFI_ERROR(status))
		goto free_handover;
	say(L"exiting boot services; entering the kernel at 0x%x, boot information at 0x%lx",
	    k->entry, (UINT64)(UINTN)mb->start);
	status = exit_boot_services(image, mb, map, room);
	if (status == EFI_BUFFER_TOO_SMALL)
		fail(status, L"the memory map does not fit in the boot information");
	if (EFI_ERROR(status))
		goto free_map;
	handover(k->entry, mb2_address(mb));	/* does not return */
free_map:
	FreePool(map);
free_handover:
	BS->FreePages((EFI_PHYSICAL_ADDRESS)(UINTN)handover, 1);
	return status;
}
