"""Booting the ISO through GRUB (Multiboot2). The ISO `make` builds
($O/yomi.iso) under BIOS (SeaBIOS, qemu-system-i386) must reach the
banner and the memory report. An ISO with CMDLINE=selftest=mm and
LOADER=grub (builds.py) must also boot under UEFI through GRUB (OVMF on
qemu-system-x86_64, which starts x86_64 GRUB) and 32-bit UEFI (OVMF32 on
q35, i386-efi GRUB), pass the allocator self-check and power off with
status 0. Under UEFI the framebuffer console must announce itself.
UEFI through yomi's own loader is test_efi.py."""
import re

from system.builds import selftest_iso
from harness import check, once, test

FBCON = r"fbcon: (\d+)x(\d+)x(\d+) framebuffer at 0x[0-9a-f]+"


def check_grub_boot(vm):
    vm.wait_for(r"yomi version \S+", timeout=60)
    vm.wait_for(r"Booted by GRUB .*\(Multiboot2\)")
    vm.wait_for(r"Memory: \d+K/\d+K available")


def check_selftest_boot(vm):
    check_grub_boot(vm)
    vm.wait_for(r"selftest mm: ok", timeout=60)
    status = vm.wait_exit(timeout=60)
    check(status == 0, "power-off status %d" % status)


@test(cost=2)
def test_bios_iso(t):
    check_grub_boot(t.boot(iso=t.iso))


def uefi_boot(t):
    """Boot under OVMF once; both UEFI tests read the same log."""
    vm = t.boot(iso=selftest_iso(t), efi=True)
    try:
        check_selftest_boot(vm)
        return vm.output, None
    except Exception as e:
        return vm.output, e


# The UEFI tests wait for the shared build: they start after the quick ones.
@test(cost=0.3)
def test_uefi_iso(t):
    output, error = once("uefi-boot", lambda: uefi_boot(t))
    t.log = output
    if error:
        raise error


@test(cost=0.3)
def test_uefi32_iso(t):
    check_selftest_boot(t.boot(iso=selftest_iso(t), efi="ia32"))


@test(cost=0.1)
def test_uefi_fbcon(t):
    """Needs the framebuffer console (drivers/video/console/fbcon.c)."""
    output, _ = once("uefi-boot", lambda: uefi_boot(t))
    t.log = output
    m = re.search(FBCON, output)
    check(m, "no 'fbcon: WxHxBPP framebuffer at 0x...' line under UEFI")
    w, h, bpp = map(int, m.groups())
    check(w >= 640 and h >= 480 and bpp in (15, 16, 24, 32), "odd framebuffer %dx%dx%d" % (w, h, bpp))
