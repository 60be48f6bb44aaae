"""Booting the kernel ELF through QEMU's -kernel (Multiboot1): the banner,
the memory report and the RAM size, a boot module kept out of the
allocator, the allocator self-check, and the command line (unknown
options, loglevel=). Boots that must end use selftest=mm, after which the
kernel powers off with the number of failed checks, whatever init does."""
import os
import re
import tempfile
import time

from harness import check, printk_lines, test
from qemu import POLL
from system.userland import initramfs_path

MEMORY = r"Memory: (\d+)K/(\d+)K available"
USABLE = r"multiboot: \[mem (0x[0-9a-f]+)-(0x[0-9a-f]+)\] usable"


@test(cost=0.5)
def test_banner(t):
    """The banner names yomi and its version."""
    vm = t.boot(cmdline="selftest=mm")
    m = vm.wait_for(r"^\[[ \d.]+\] (yomi version (\S+).*)$")
    check(m.group(2) == t.version,
          "banner says version %s, the Makefile %s" % (m.group(2), t.version))
    vm.wait_for(r"selftests done: 0 failed")
    status = vm.wait_exit()
    check(status == 0, "power-off status %d, expected 0" % status)


@test(cost=0.5)
def test_banner_first(t):
    """The issue asks that the first line printed be the banner."""
    vm = t.boot(cmdline="selftest=mm")
    vm.wait_exit()
    lines = printk_lines(vm.output)
    check(lines, "no kernel log lines at all")
    first = lines[0][1]
    check("yomi" in first and t.version in first,
          'the first line printed is "%s", not the banner' % first)


def memory(vm):
    """(available KiB, total KiB) from the Memory: line; and the total of the map."""
    m = vm.wait_for(MEMORY)
    usable = sum(int(e, 16) + 1 - int(s, 16) for s, e in re.findall(USABLE, vm.output))
    return int(m.group(1)), int(m.group(2)), usable >> 10


@test(cost=0.5)
def test_memory_report(t):
    """With -m 128M: a memory map is printed and the Memory: line adds up."""
    vm = t.boot(mem="128M")
    vm.wait_for(r"Physical RAM map:")
    avail, total, usable = memory(vm)
    check(total == usable, "Memory: says %dK in all, the map's usable ranges %dK" % (total, usable))
    check(120 << 10 <= total <= 128 << 10, "%dK of RAM detected with -m 128M" % total)
    check(total - (8 << 10) <= avail <= total, "%dK of %dK available" % (avail, total))


@test(cost=0.5)
def test_memory_size(t):
    """With -m 256M the kernel finds twice as much."""
    vm = t.boot(mem="256M")
    avail, total, usable = memory(vm)
    check(248 << 10 <= total <= 256 << 10, "%dK of RAM detected with -m 256M" % total)
    check(total - (8 << 10) <= avail <= total, "%dK of %dK available" % (avail, total))


def newc_archive(files):
    """A cpio archive in the newc format (an initramfs), from {name: bytes}."""
    out = bytearray()
    for ino, (name, data) in enumerate(list(files.items()) + [("TRAILER!!!", b"")], 1):
        mode = 0o100644 if data or name != "TRAILER!!!" else 0
        fields = [ino, mode, 0, 0, 1, 0, len(data), 0, 0, 0, 0, len(name) + 1, 0]
        out += b"070701" + b"".join(b"%08x" % f for f in fields) + name.encode() + b"\0"
        out += b"\0" * (-len(out) % 4) + data
        out += b"\0" * (-len(out) % 4)
    return bytes(out)


@test(cost=1)
def test_boot_module(t):
    """A Multiboot module (-initrd) is listed and its memory is not free."""
    vm = t.boot()
    plain_avail, _, _ = memory(vm)
    with tempfile.NamedTemporaryFile(prefix="yomi-initrd-", suffix=".cpio") as f:
        f.write(newc_archive({"hello.txt": b"yomi " * 100000}))
        f.flush()
        size = os.path.getsize(f.name)
        vm = t.boot(initrd=f.name)
        m = vm.wait_for(r"module: \[mem (0x[0-9a-f]+)-(0x[0-9a-f]+)\] (.*)\n")
        start, last = int(m.group(1), 16), int(m.group(2), 16)
        check(last + 1 - start == size, "module of %d bytes, the file has %d" % (last + 1 - start, size))
        check(f.name in m.group(3), "module named %r, not after the file" % m.group(3))
        avail, _, _ = memory(vm)
    check(avail <= plain_avail - (size >> 10),
          "%dK available with a %dK module, %dK without" % (avail, size >> 10, plain_avail))


@test(cost=1)
def test_selftest_mm(t):
    """selftest=mm: the page allocator and kmalloc checks pass; status 0."""
    vm = t.boot(cmdline="selftest=mm")
    vm.wait_for(r"mm selftest: \d+ pages free before and after, 0 failed checks")
    vm.wait_for(r"selftest mm: ok")
    vm.wait_for(r"selftests done: 0 failed")
    status = vm.wait_exit()
    check(status == 0, "power-off status %d after selftest=mm" % status)


@test(cost=1)
def test_unknown_option(t):
    """Unknown options are reported, and the boot goes on."""
    vm = t.boot(cmdline="foo=bar selftest=mm nosuchflag")
    vm.wait_for(r'Unknown kernel command line parameter "foo=bar", ignored')
    vm.wait_for(r'Unknown kernel command line parameter "nosuchflag", ignored')
    vm.wait_for(r"selftest mm: ok")
    check(vm.wait_exit() == 0, "non-zero power-off status")


@test(cost=0.5)
def test_loglevel(t):
    """loglevel=N: only messages with a level below N reach the console."""
    vm = t.boot(cmdline="loglevel=1 foo=bar selftest=mm")
    vm.wait_for(r"Kernel command line: loglevel=1")    # printed before it takes effect
    check(vm.wait_exit() == 0, "non-zero power-off status with loglevel=1")
    for text in ("Memory:", "Unknown kernel command line", "selftest mm: ok"):
        check(text not in vm.output, "loglevel=1 still shows %r" % text)

    # warnings (4) yes; notices (5) and info (6) no
    vm = t.boot(cmdline="loglevel=5 foo=bar selftest=mm")
    vm.wait_for(r'Unknown kernel command line parameter "foo=bar"')
    check(vm.wait_exit() == 0, "non-zero power-off status with loglevel=5")
    for text in ("Memory:", "selftest mm: ok"):
        check(text not in vm.output, "loglevel=5 still shows %r" % text)


@test(cost=1)
def test_tick_stops_when_idle(t):
    """With nothing to run and no sleeper, the idle loop stops the tick
    (tick_nohz_idle_enter). Under -icount sleep=off an idle guest's clock
    only moves to its next timer: a ticking guest runs 100 ticks a guest
    second (about 100 guest seconds per wall second here), a tickless one
    with no timer left (tests/qemu.py: the RTC's flags) stands still."""
    vm = t.boot(initrd=initramfs_path())
    vm.wait_for(r"^# ", partial=True)
    start, end = vm.guest_time(), time.monotonic() + 2
    while time.monotonic() < end:
        check(vm.guest_time() - start <= 2,
              "the idle shell's clock moved %ds in 2s of wall time: the tick still runs"
              % (vm.guest_time() - start))
        time.sleep(POLL)
    vm.send("sleep 1; echo slept\r")        # a sleeper starts the tick again
    vm.wait_for(r"^slept$", timeout=10)
