#!/usr/bin/env bash
# Make the EFI system partition that yomi-efi boots from: a FAT image
# with the two loaders at the paths firmware starts by default
# (\EFI\BOOT\BOOTX64.EFI, \EFI\BOOT\BOOTIA32.EFI) and the files the
# loader reads (boot/efi/loader.h: \boot\yomi.elf, \boot\initramfs.cpio,
# \boot\cmdline). The kernel goes without its DWARF debugging sections
# (GDB reads them from the build folder): a quarter of the size, so the
# loader reads it faster. The Makefile puts the image into the ISO, and
# tests boot it directly as a disk.
#   tools/mkesp.sh OUT BOOTX64.EFI BOOTIA32.EFI yomi.elf initramfs.cpio cmdline
set -eu
out=$1 x64=$2 ia32=$3 kernel=$4 initramfs=$5 cmdline=$6
export MTOOLS_SKIP_CHECK=1

stripped=$out.yomi.elf
objcopy --strip-debug "$kernel" "$stripped"
kernel=$stripped
trap 'rm -f "$stripped"' EXIT

# the files, plus 1 MiB for the FAT, the folders and rounding
bytes=0
for f in "$x64" "$ia32" "$kernel" "$initramfs" "$cmdline"; do
	bytes=$((bytes + $(stat -c %s "$f")))
done
rm -f "$out"
mkfs.fat -C -n YOMI-ESP "$out" $((bytes / 1024 + 1024)) >/dev/null
mmd -i "$out" ::/EFI ::/EFI/BOOT ::/boot
mcopy -i "$out" "$x64" ::/EFI/BOOT/BOOTX64.EFI
mcopy -i "$out" "$ia32" ::/EFI/BOOT/BOOTIA32.EFI
mcopy -i "$out" "$kernel" ::/boot/yomi.elf
mcopy -i "$out" "$initramfs" ::/boot/initramfs.cpio
mcopy -i "$out" "$cmdline" ::/boot/cmdline
