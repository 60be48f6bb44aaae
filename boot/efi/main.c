/*
 * efi_main: yomi-efi from the firmware to the kernel, in the order of
 * docs/boot.md: say who we are and where the firmware put us (GDB needs
 * the image base), open the partition we came from, place the kernel,
 * read the initramfs and the command line, find the framebuffer, write
 * the Multiboot2 information, end boot services and enter startup_32.
 * Any error prints one "yomi-efi: error:" line, frees what was taken and
 * returns to the firmware, which goes on to its next boot option.
 * (GRUB's counterpart is its whole EFI platform; Linux's is efi_pe_entry
 * and efi_stub_entry in drivers/firmware/efi/libstub/.)
 */
#include "loader.h"

#ifdef __x86_64__
#define FIRMWARE L"x86-64"
#else
#define FIRMWARE L"ia32"
#endif

#define LOADER_NAME "yomi-efi " YOMI_VERSION
#define MB2_PAGES 4			/* 16 KiB: tags and a 600-range memory map */

static EFI_STATUS announce(EFI_HANDLE image, EFI_LOADED_IMAGE **li)
{
	EFI_STATUS status;

	status = BS->HandleProtocol(image, &LoadedImageProtocol, (void **)li);
	if (EFI_ERROR(status))
		return fail(status, L"no loaded image protocol: %r", status);
	say(L"version %a on %s UEFI firmware (%s), image base 0x%lx", YOMI_VERSION, FIRMWARE,
	    ST->FirmwareVendor, (UINT64)(UINTN)(*li)->ImageBase);
	return EFI_SUCCESS;
}

/* read yomi.elf and place its segments; the file itself is not kept */
static EFI_STATUS place_kernel(EFI_FILE_HANDLE root, struct kernel *k)
{
	struct blob elf;
	EFI_STATUS status;

	status = read_file(root, KERNEL_PATH, &elf);
	if (EFI_ERROR(status))
		return status;
	status = load_kernel(&elf, k);
	free_blob(&elf);
	return status;
}

/* the command line: the file's first line (the Makefile writes one) */
static EFI_STATUS add_cmdline(EFI_FILE_HANDLE root, struct mb2_info *mb)
{
	struct blob file;
	const CHAR8 *s, *line;
	UINTN n = 0;
	EFI_STATUS status;

	status = read_file(root, CMDLINE_PATH, &file);
	if (EFI_ERROR(status))
		return status;
	s = (const CHAR8 *)(UINTN)file.addr;
	while (n < file.size && n < CMDLINE_MAX && s[n] && s[n] != '\n' && s[n] != '\r')
		n++;
	line = mb2_add_string(mb, MB2_TAG_CMDLINE, s, n);
	say(L"command line \"%a\" from %s", line ? line : (const CHAR8 *)"", CMDLINE_PATH);
	free_blob(&file);
	return EFI_SUCCESS;
}

static void add_tags(struct mb2_info *mb, const struct blob *initramfs,
		     const struct framebuffer *fb)
{
	mb2_add_string(mb, MB2_TAG_LOADER_NAME, (const CHAR8 *)LOADER_NAME,
		       sizeof(LOADER_NAME) - 1);
	mb2_add_module(mb, initramfs, (const CHAR8 *)"initramfs");
	mb2_add_framebuffer(mb, fb);
}

EFI_STATUS efi_main(EFI_HANDLE image, EFI_SYSTEM_TABLE *systab)
{
	EFI_LOADED_IMAGE *li;
	EFI_FILE_HANDLE root;
	struct kernel k;
	struct blob initramfs;
	struct framebuffer fb;
	struct mb2_info mb;
	EFI_STATUS status;

	InitializeLib(image, systab);
	status = announce(image, &li);
	if (!EFI_ERROR(status))
		status = open_boot_volume(li, &root);
	if (EFI_ERROR(status))
		return status;
	status = place_kernel(root, &k);
	if (EFI_ERROR(status))
		goto close;
	status = read_file(root, INITRAMFS_PATH, &initramfs);
	if (EFI_ERROR(status))
		goto free_kernel;
	say(L"initramfs %s at 0x%lx-0x%lx", INITRAMFS_PATH, initramfs.addr,
	    initramfs.addr + initramfs.size - 1);
	status = get_framebuffer(&fb);
	if (!EFI_ERROR(status))
		status = mb2_begin(&mb, MB2_PAGES);
	if (EFI_ERROR(status))
		goto free_initramfs;
	status = add_cmdline(root, &mb);
	if (EFI_ERROR(status))
		goto free_info;
	add_tags(&mb, &initramfs, &fb);
	status = boot_kernel(image, &k, &mb);	/* returns only on failure */
free_info:
	BS->FreePages((EFI_PHYSICAL_ADDRESS)(UINTN)mb.start, MB2_PAGES);
free_initramfs:
	free_blob(&initramfs);
free_kernel:
	BS->FreePages(k.base, k.pages);
close:
	root->Close(root);
	return status;
}
