; Multiboot headers: Multiboot2 for GRUB (BIOS and UEFI from one ISO) and
; Multiboot1 so that QEMU's -kernel can boot the same ELF file directly.
; Both must lie near the start of the file; linker.ld puts .multiboot first.

section .multiboot align=8

MB1_MAGIC     equ 0x1BADB002
MB1_FLAGS     equ 0x00000003        ; page-align modules, give memory info

MB2_MAGIC     equ 0xE85250D6
MB2_ARCH_I386 equ 0
; header tags (the Multiboot2 specification's names and numbers)
MULTIBOOT_HEADER_TAG_END          equ 0
MULTIBOOT_HEADER_TAG_FRAMEBUFFER  equ 5
MULTIBOOT_HEADER_TAG_MODULE_ALIGN equ 6
MULTIBOOT_HEADER_TAG_OPTIONAL     equ 1

align 8
mb2_header:
	dd MB2_MAGIC
	dd MB2_ARCH_I386
	dd mb2_header_end - mb2_header
	dd -(MB2_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
align 8
	; framebuffer tag (optional): any mode; grub.cfg asks for text on BIOS
	dw MULTIBOOT_HEADER_TAG_FRAMEBUFFER, MULTIBOOT_HEADER_TAG_OPTIONAL
	dd 20
	dd 0, 0, 0
align 8
	; module alignment tag: page-aligned modules
	dw MULTIBOOT_HEADER_TAG_MODULE_ALIGN, 0
	dd 8
align 8
	; end tag
	dw MULTIBOOT_HEADER_TAG_END, 0
	dd 8
mb2_header_end:

align 4
mb1_header:
	dd MB1_MAGIC
	dd MB1_FLAGS
	dd -(MB1_MAGIC + MB1_FLAGS)
