/*
 * yomi-efi, yomi's own UEFI boot loader: what its files share. It is a
 * gnu-efi application built twice, BOOTX64.EFI for x86-64 firmware and
 * BOOTIA32.EFI for ia32 firmware. It reads the kernel, the initramfs and
 * the command line from the EFI system partition it was started from,
 * places the kernel's segments at their physical addresses, describes the
 * machine in Multiboot2 information and enters startup_32 in 32-bit
 * protected mode, as GRUB does.
 *
 * Linux's counterpart is the EFI stub (drivers/firmware/efi/libstub/): a
 * loader linked into the kernel image itself, which hands over struct
 * boot_params. yomi-efi is a separate program that hands over Multiboot2
 * tags, so start_kernel cannot tell it from GRUB.
 */
#ifndef YOMI_EFI_LOADER_H
#define YOMI_EFI_LOADER_H

#include <efi.h>
#include <efilib.h>

/*
 * The kernel maps only the first 896 MiB of RAM at PAGE_OFFSET (head_32:
 * LOWMEM_PDES), so everything it reads through __va() - the Multiboot2
 * information and the initramfs - must lie below this address.
 */
#define LOWMEM_LIMIT 0x38000000ULL

#define KERNEL_PATH L"\\boot\\yomi.elf"
#define INITRAMFS_PATH L"\\boot\\initramfs.cpio"
#define CMDLINE_PATH L"\\boot\\cmdline"
#define CMDLINE_MAX 511			/* the kernel keeps 512 bytes of it */

/* A file read into whole pages below LOWMEM_LIMIT. */
struct blob {
	EFI_PHYSICAL_ADDRESS addr;
	UINTN size;			/* bytes of data */
	UINTN pages;			/* pages allocated */
};

/* The kernel once placed: the pages it occupies and where it starts. */
struct kernel {
	EFI_PHYSICAL_ADDRESS base;
	UINTN pages;
	UINT32 entry;			/* physical address of startup_32 */
};

/* The GOP framebuffer, in the terms of a Multiboot2 framebuffer tag. */
struct framebuffer {
	UINT64 addr;
	UINT32 pitch, width, height;
	UINT8 bpp;
	UINT8 red_pos, red_size, green_pos, green_size, blue_pos, blue_size;
};

/* Multiboot2 information being written into a page-aligned buffer. */
struct mb2_info {
	UINT8 *start, *pos, *end;
};

/* console.c */
void say(const CHAR16 *fmt, ...);
EFI_STATUS fail(EFI_STATUS status, const CHAR16 *fmt, ...);

/* file.c */
EFI_STATUS open_boot_volume(const EFI_LOADED_IMAGE *li, EFI_FILE_HANDLE *root);
EFI_STATUS read_file(EFI_FILE_HANDLE root, const CHAR16 *path, struct blob *out);
void free_blob(struct blob *b);

/* elf.c */
EFI_STATUS load_kernel(const struct blob *file, struct kernel *k);

/* video.c */
EFI_STATUS get_framebuffer(struct framebuffer *fb);

/* multiboot2.c */
EFI_STATUS mb2_begin(struct mb2_info *mb, UINTN pages);
const CHAR8 *mb2_add_string(struct mb2_info *mb, UINT32 type, const CHAR8 *s, UINTN len);
void mb2_add_module(struct mb2_info *mb, const struct blob *b, const CHAR8 *name);
void mb2_add_framebuffer(struct mb2_info *mb, const struct framebuffer *fb);
BOOLEAN mb2_add_memory_map(struct mb2_info *mb, const UINT8 *map, UINTN size, UINTN desc_size);
UINT32 mb2_address(const struct mb2_info *mb);

#define MB2_TAG_CMDLINE 1
#define MB2_TAG_LOADER_NAME 2

/* boot.c */
EFI_STATUS boot_kernel(EFI_HANDLE image, const struct kernel *k, struct mb2_info *mb);

#endif
