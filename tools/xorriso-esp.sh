#!/usr/bin/env bash
# xorriso for grub-mkrescue (--xorriso=tools/xorriso-esp.sh) when the ISO
# boots UEFI through yomi-efi: grub-mkrescue builds its own EFI system
# partition image, efi.img (GRUB for x86-64 and ia32 firmware), in the
# folder it passes after -r, and names it as the El Torito UEFI boot
# image. This puts $YOMI_ESP (tools/mkesp.sh: yomi-efi and the kernel's
# files) in its place, then runs the real xorriso with the same arguments;
# xorriso sizes the boot entry after the file. Other calls (grub-mkrescue
# first asks xorriso what it supports) pass straight through.
set -eu
root=
prev=
for a in "$@"; do
	[ "$prev" = -r ] && root=$a
	prev=$a
done
if [ -n "$root" ]; then
	if [ ! -f "$root/efi.img" ] || [ ! -f "${YOMI_ESP:-}" ]; then
		echo "xorriso-esp.sh: no efi.img in $root, or no YOMI_ESP file" >&2
		exit 1
	fi
	cp "$YOMI_ESP" "$root/efi.img"
fi
exec xorriso "$@"
