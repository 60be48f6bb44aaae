/*
 * Reading whole files from the EFI system partition the loader itself was
 * loaded from, through the Simple File System protocol. GRUB reads the
 * same files with its own FAT and ISO 9660 drivers; Linux's EFI stub reads
 * initrd= files the same way as here (efi_open_volume, file->read).
 */
#include "loader.h"

/* open_boot_volume: the root directory of the volume the loader came from. */
EFI_STATUS open_boot_volume(const EFI_LOADED_IMAGE *li, EFI_FILE_HANDLE *root)
{
	*root = LibOpenRoot(li->DeviceHandle);
	if (!*root)
		return fail(EFI_NOT_FOUND, L"cannot open the boot volume's file system");
	return EFI_SUCCESS;
}

static EFI_STATUS file_size(EFI_FILE_HANDLE f, UINTN *size)
{
	EFI_FILE_INFO *info = LibFileInfo(f);

	if (!info)
		return EFI_DEVICE_ERROR;
	*size = info->FileSize;
	FreePool(info);
	return EFI_SUCCESS;
}

/*
 * Whole pages, as high as they can be below LOWMEM_LIMIT: so they sit above
 * the kernel, which wants the bottom of RAM, and within the kernel's reach.
 */
static EFI_STATUS alloc_high(UINTN size, struct blob *b)
{
	b->addr = LOWMEM_LIMIT - 1;
	b->pages = EFI_SIZE_TO_PAGES(size ? size : 1);
	b->size = size;
	return BS->AllocatePages(AllocateMaxAddress, EfiLoaderData, b->pages, &b->addr);
}

/* read_file: the whole file at `path` into fresh pages (free_blob frees them). */
EFI_STATUS read_file(EFI_FILE_HANDLE root, const CHAR16 *path, struct blob *out)
{
	EFI_FILE_HANDLE f;
	EFI_STATUS status;
	UINTN size, got;

	status = root->Open(root, &f, (CHAR16 *)path, EFI_FILE_MODE_READ, 0);
	if (EFI_ERROR(status))
		return fail(status, L"cannot open %s: %r", path, status);
	status = file_size(f, &size);
	if (EFI_ERROR(status)) {
		fail(status, L"cannot read the size of %s: %r", path, status);
		goto close;
	}
	status = alloc_high(size, out);
	if (EFI_ERROR(status)) {
		fail(status, L"no memory for %s (%ld bytes): %r", path, (UINT64)size, status);
		goto close;
	}
	got = size;
	status = f->Read(f, &got, (void *)(UINTN)out->addr);
	if (!EFI_ERROR(status) && got != size)
		status = EFI_END_OF_FILE;
	if (EFI_ERROR(status)) {
		fail(status, L"cannot read %s: %r", path, status);
		free_blob(out);
	}
close:
	f->Close(f);
	return status;
}

void free_blob(struct blob *b)
{
	if (b->pages)
		BS->FreePages(b->addr, b->pages);
	b->pages = 0;
}
