"""yomi-efi, yomi's own UEFI loader (boot/efi/). The ISO `make` builds
boots UEFI through it: under x86-64 OVMF (BOOTX64.EFI, which leaves long
mode) and under ia32 OVMF (BOOTIA32.EFI). On each firmware one boot, which
several tests read, must show the loader's lines, then the kernel's memory
map as the loader converted it and its framebuffer console, and reach the
shell, which ends at end of input with `init exited with status 0`.

A gdb session (efi_gdb_handover, the one docs/gdb.md shows) debugs the
x86-64 loader with its symbols at the image base the loader printed in
that boot (the same machine, run deterministically, gets the same base):
a breakpoint on load_kernel is hit with the backtrace efi_main,
place_kernel, load_kernel and returns EFI_SUCCESS; a breakpoint on the
kernel's physical entry finds the state Multiboot2 promises: 32-bit
protected mode with paging and long mode off, eax the magic, ebx the
boot information the loader announced.

Each error path boots a copy of the EFI system partition ($O/esp.img) with
one thing wrong: the loader must say what in one `yomi-efi: error:` line
and give the machine back to the firmware, which then reports the status
and goes on to its next boot option (`BdsDxe: failed to start ...`)."""
import os
import re
import shutil
import struct
import subprocess
import tempfile

from harness import Failure, at_end, check, once, test
from system.test_gdb import boot_halted, marker, run_gdb

FIRMWARE = {"x64": True, "ia32": "ia32"}          # Qemu's efi= for each
FIRMWARE_NAME = {"x64": "x86-64", "ia32": "ia32"}
HEX = r"0x([0-9A-Fa-f]+)"
BANNER = r"yomi version \S+"
MEM_LINE = re.compile(r"multiboot: \[mem 0x([0-9a-f]+)-0x([0-9a-f]+)\] (.+)$", re.M)


# --- the ISO through yomi-efi: one boot per firmware, read by several tests ---

def iso_boot(t, firmware):
    """Boot $O/yomi.iso under `firmware` once; (serial log, error or None)."""
    def boot():
        with open(os.path.join(t.build, "loader")) as f:
            loader = f.read().strip()
        if loader != "yomi":
            return "", Failure("%s was built with LOADER=%s, not yomi" % (t.iso, loader))
        vm = t.boot(iso=t.iso, efi=FIRMWARE[firmware])
        try:
            vm.wait_for(BANNER, timeout=120)
            vm.wait_for(r"^# ", partial=True)     # the shell's prompt
            vm.send("\x04")                       # end of input: the shell exits
            vm.wait_for(r"init exited with status 0$")
            status = vm.wait_exit()
            return vm.output, None if status == 0 else Failure("power-off status %d" % status)
        except Exception as e:
            return vm.output, e
    return once("yomi-efi-iso-" + firmware, boot)


def boot_log(t, firmware):
    """The shared boot's log; the test's failure report shows it."""
    output, error = iso_boot(t, firmware)
    t.log = output
    return output, error


def kernel_span(elf_path):
    """(first, last, entry) physical addresses of yomi.elf's PT_LOAD segments."""
    with open(elf_path, "rb") as f:
        data = f.read()
    entry, phoff = struct.unpack_from("<II", data, 24)
    phnum = struct.unpack_from("<H", data, 44)[0]
    spans = []
    for i in range(phnum):
        p_type, _, vaddr, paddr, _, memsz = struct.unpack_from("<6I", data, phoff + 32 * i)
        if p_type == 1:
            spans.append((paddr, paddr + memsz))
            if vaddr <= entry < vaddr + memsz:
                entry_phys = paddr + entry - vaddr
    return min(s[0] for s in spans), max(s[1] for s in spans) - 1, entry_phys


def check_init(t, firmware):
    output, error = boot_log(t, firmware)
    if error:
        raise error
    check(re.search(r"Booted by yomi-efi \S+ \(Multiboot2\)", output),
          "the kernel does not name yomi-efi as its loader")


def check_loader_lines(t, firmware):
    """The loader's lines, in order, before the kernel's banner; the kernel
    line names the ELF's own physical range and entry point."""
    output, _ = boot_log(t, firmware)
    first, last, entry = kernel_span(t.elf)
    expected = [
        r"yomi-efi: version \S+ on %s UEFI firmware \(.+\), image base %s" % (
            FIRMWARE_NAME[firmware], HEX),
        r"yomi-efi: kernel \\boot\\yomi\.elf at 0x%X-0x%X, entry 0x%X" % (first, last, entry),
        r"yomi-efi: initramfs \\boot\\initramfs\.cpio at %s-%s" % (HEX, HEX),
        r"yomi-efi: framebuffer \d+x\d+x32 \((RGB|BGR)\) at %s, pitch \d+, GOP mode \d+" % HEX,
        r"yomi-efi: command line \".*\" from \\boot\\cmdline",
        r"yomi-efi: exiting boot services; entering the kernel at 0x%X, "
        r"boot information at %s" % (entry, HEX),
        BANNER,
    ]
    pos = 0
    for pattern in expected:
        m = re.compile(pattern, re.M).search(output, pos)
        check(m, "no line /%s/ after the previous one" % pattern)
        pos = m.end()


def memory_map(output):
    """The kernel's memory map lines as (first, last, type)."""
    return [(int(a, 16), int(b, 16), kind) for a, b, kind in MEM_LINE.findall(output)]


def check_memory_map(t, firmware):
    """What the loader made of the UEFI memory map, as the kernel prints
    it: ordered, no overlaps, touching ranges of one type merged, few
    enough for the kernel's 64; the kernel's pages and the initramfs in
    usable RAM; and most of the machine's 128 MiB usable."""
    output, _ = boot_log(t, firmware)
    ranges = memory_map(output)
    check(2 <= len(ranges) < 64, "%d ranges in the memory map" % len(ranges))
    for (a0, a1, at), (b0, _, bt) in zip(ranges, ranges[1:]):
        check(a1 < b0, "ranges out of order or overlapping: %#x-%#x, %#x" % (a0, a1, b0))
        check(not (a1 + 1 == b0 and at == bt), "touching %s ranges not merged at %#x" % (at, b0))
    usable = [(a, b) for a, b, kind in ranges if kind == "usable"]
    first, last, _ = kernel_span(t.elf)
    m = re.search(r"module: \[mem 0x([0-9a-f]+)-0x([0-9a-f]+)\] initramfs", output)
    check(m, "no initramfs module line")
    for lo, hi, what in ((first, last, "the kernel"),
                         (int(m.group(1), 16), int(m.group(2), 16), "the initramfs")):
        check(any(a <= lo and hi <= b for a, b in usable),
              "%s (%#x-%#x) is not in usable RAM" % (what, lo, hi))
    total = sum(b - a + 1 for a, b in usable)
    check(total > 80 << 20, "only %d KiB usable of 128 MiB" % (total >> 10))


def check_fbcon(t, firmware):
    """The kernel's framebuffer console uses the mode the loader handed over."""
    output, _ = boot_log(t, firmware)
    m = re.search(r"yomi-efi: framebuffer (\d+)x(\d+)x(\d+) .* at 0x([0-9A-F]+)", output)
    check(m, "no framebuffer line from the loader")
    fb = re.search(r"fbcon: %sx%sx%s framebuffer at 0x0*%s\b" % (
        m.group(1), m.group(2), m.group(3), m.group(4).lower()), output)
    check(fb, "no 'fbcon: %sx%sx%s framebuffer at 0x%s' line" % m.groups())


# The ISO boots wait for `make`'s ISO only: they may start early.
for _fw in FIRMWARE:
    for _name, _check, _cost in (("init", check_init, 6), ("loader_lines", check_loader_lines, 0.1),
                                 ("memory_map", check_memory_map, 0.1),
                                 ("fbcon", check_fbcon, 0.1)):
        def _run(t, fw=_fw, c=_check):
            c(t, fw)
        _run.__name__ = "test_efi_%s_%s" % (_fw, _name)
        _run.__doc__ = _check.__doc__
        test(cost=_cost)(_run)


# --- the loader under gdb --------------------------------------------------

GDB_SCRIPT = r"""
set pagination off
set confirm off
set width 0
set architecture i386:x86-64
add-symbol-file {so} -o {base}
target remote {sock}
hbreak load_kernel
continue
printf "@bt-begin\n"
bt 3
printf "@bt-end\n"
finish
delete
hbreak *{entry}
continue
printf "@entry pc=%#x cs=%#x eax=%#x ebx=%#x cr0=%#x cr4=%#x efer=%#x\n", $pc, $cs, $eax, $ebx, $cr0, $cr4, $efer
kill
"""
CR0_PE, CR0_PG, CR4_PAE, EFER_LME, EFER_LMA = 1, 1 << 31, 1 << 5, 1 << 8, 1 << 10


@test(cost=6)
def test_efi_gdb_handover(t):
    output, _ = iso_boot(t, "x64")
    base = re.search(r"yomi-efi: version .*, image base %s" % HEX, output)
    info = re.search(r"boot information at %s" % HEX, output)
    check(base and info, "the ISO boot printed no image base or boot information")
    _, _, entry = kernel_span(t.elf)
    tmp = tempfile.mkdtemp(prefix="yomi-gdb-")
    try:
        _, sock = boot_halted(t, tmp, iso=t.iso, efi=True)
        out = run_gdb(t, tmp, GDB_SCRIPT.format(
            so=os.path.join(t.build, "boot/efi/x86_64/yomi-efi.so"), base="0x" + base.group(1),
            sock=sock, entry=entry))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    check("@bt-end" in out, "gdb's backtrace did not finish (see the log)")
    bt = out.split("@bt-begin", 1)[1].split("@bt-end", 1)[0]
    frames = re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\S+) \(", bt, re.M)
    check(frames == ["load_kernel", "place_kernel", "efi_main"],
          "the backtrace is %s, want load_kernel, place_kernel, efi_main" % frames)
    check(re.search(r"^Value returned is \$\d+ = 0$", out, re.M),
          "load_kernel did not return EFI_SUCCESS")
    at = marker(out, "entry")
    check(at["pc"] == entry and at["cs"] == 0x08, "stopped at %#x (cs %#x)" % (at["pc"], at["cs"]))
    check(at["eax"] == 0x36d76289 and at["ebx"] == int(info.group(1), 16),
          "eax %#x, ebx %#x: not the Multiboot2 magic and the announced information"
          % (at["eax"], at["ebx"]))
    check(at["cr0"] & CR0_PE and not at["cr0"] & CR0_PG, "cr0 %#x: want PE, not PG" % at["cr0"])
    check(not at["efer"] & (EFER_LME | EFER_LMA), "efer %#x: long mode still on" % at["efer"])
    check(not at["cr4"] & CR4_PAE, "cr4 %#x: PAE still on" % at["cr4"])


# --- error paths: a copy of the ESP with one thing wrong ---------------------

def esp_copy(t, *mtools):
    """A copy of $O/esp.img changed by mtools commands (argument lists
    where "IMG" stands for the copy); removed when the run ends."""
    d = tempfile.mkdtemp(prefix="yomi-esp-")
    at_end(lambda: shutil.rmtree(d, ignore_errors=True))
    img = os.path.join(d, "esp.img")
    shutil.copyfile(t.esp, img)
    env = dict(os.environ, MTOOLS_SKIP_CHECK="1")
    for cmd in mtools:
        r = subprocess.run([img if a == "IMG" else a for a in cmd], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        check(r.returncode == 0, "%s: %s" % (" ".join(cmd), r.stdout.strip()))
    return img


def check_error(t, disk, error, status, firmware="x64", qemu_args=()):
    """The loader prints `error`, returns `status` to the firmware, and
    the kernel never starts."""
    vm = t.boot(disk=disk, efi=FIRMWARE[firmware], qemu_args=qemu_args)
    vm.wait_for(r"yomi-efi: version ", timeout=120)
    vm.wait_for(r"^yomi-efi: error: %s\s*$" % error)
    vm.wait_for(r"BdsDxe: failed to start Boot\d+ .*: %s\s*$" % status)
    check(not re.search(BANNER, vm.output), "the kernel started after the error")


def replaced_kernel(t, path):
    """The ESP with `path` in the kernel's place."""
    return esp_copy(t, ["mcopy", "-o", "-i", "IMG", path, "::/boot/yomi.elf"])


def check_missing(t, path, firmware="x64"):
    """The ESP without the file at `path` ("/boot/yomi.elf")."""
    disk = esp_copy(t, ["mdel", "-i", "IMG", "::" + path])
    check_error(t, disk, r"cannot open %s: Not Found" % re.escape(path.replace("/", "\\")),
                "Not Found", firmware)


@test(cost=4)
def test_efi_error_no_kernel(t):
    check_missing(t, "/boot/yomi.elf")


@test(cost=6)
def test_efi32_error_no_kernel(t):
    check_missing(t, "/boot/yomi.elf", "ia32")


@test(cost=4)
def test_efi_error_no_initramfs(t):
    check_missing(t, "/boot/initramfs.cpio")


@test(cost=4)
def test_efi_error_no_cmdline(t):
    check_missing(t, "/boot/cmdline")


@test(cost=4)
def test_efi_error_not_elf(t):
    """A kernel file that is no ELF file at all (a PE image: the loader)."""
    disk = replaced_kernel(t, os.path.join(t.build, "boot/efi/BOOTX64.EFI"))
    check_error(t, disk, r"\\boot\\yomi\.elf is not a kernel yomi-efi can load: "
                r"not an ELF file", "Load Error")


@test(cost=4)
def test_efi_error_elf_not_i386(t):
    """An ELF file for another machine: the x86-64 loader's own ELF."""
    disk = replaced_kernel(t, os.path.join(t.build, "boot/efi/x86_64/yomi-efi.so"))
    check_error(t, disk, r"\\boot\\yomi\.elf is not a kernel yomi-efi can load: "
                r"not an i386 \(32-bit, little-endian\) ELF file", "Load Error")


def moved_kernel(t, offset):
    """yomi.elf with every PT_LOAD segment's physical address moved up by
    `offset`, in a temporary file."""
    with open(t.elf, "rb") as f:
        data = bytearray(f.read())
    phoff = struct.unpack_from("<I", data, 28)[0]
    for i in range(struct.unpack_from("<H", data, 44)[0]):
        at = phoff + 32 * i
        if struct.unpack_from("<I", data, at)[0] == 1:
            struct.pack_into("<I", data, at + 12, struct.unpack_from("<I", data, at + 12)[0] + offset)
    d = tempfile.mkdtemp(prefix="yomi-elf-")
    at_end(lambda: shutil.rmtree(d, ignore_errors=True))
    path = os.path.join(d, "yomi.elf")
    with open(path, "wb") as f:
        f.write(data)
    return path


@test(cost=4)
def test_efi_error_kernel_memory_not_free(t):
    """Segments placed at 1 GiB and up, where the 128 MiB machine has no RAM."""
    first, last, _ = kernel_span(t.elf)
    disk = replaced_kernel(t, moved_kernel(t, 0x40000000))
    check_error(t, disk, r"the kernel needs 0x%X-0x%X, which is not free memory: Not Found"
                % (first + 0x40000000, last + 0x40000000), "Not Found")


@test(cost=4)
def test_efi_error_no_gop(t):
    """A machine without a display adapter has no Graphics Output Protocol."""
    disk = esp_copy(t)
    check_error(t, disk, r"no GOP framebuffer \(Graphics Output Protocol: Not Found\)",
                "Not Found", qemu_args=["-vga", "none"])
