#!/usr/bin/env python3
"""Figures (`make bench`). First the boot table: wall time from starting
QEMU (TCG) to the kernel's banner on the serial line and to QEMU's exit at
power-off, for the ways yomi boots: the ELF through -kernel, the ISO under
BIOS, and the ISO under UEFI (x86_64 OVMF, and 32-bit OVMF). Also the
kernel's own start-up time: the timestamp of its last line before powering
off (after init's shell has started and read end of file, typed once the
banner is out). Each figure is the median of several runs, one machine at a time.
Then the user benchmarks: every /bin/bench_* program in the initramfs
(user/bench or wherever user/user.mk takes them from) is run as init, one
at a time, and the lines it prints that start with "bench:" are shown as
they are - a new benchmark program appears here without any change to
this file. Nothing passes or fails; the issues give the aims (boot: issue
2; system calls, mmap, vDSO, /proc: issues 3, 5, 6).

    O=build python3 tests/bench.py [--runs N] [--no-boot] [NAME ...]

NAMEs (shell patterns: 'bench_get*') choose the user benchmarks to run.
"""
import argparse
import fnmatch
import os
import statistics
import subprocess
import sys
import time

sys.dont_write_bytecode = True      # no __pycache__ folders in the tree
import harness  # noqa: E402
from qemu import Qemu, QemuError  # noqa: E402
from system.userland import INIT_EXIT, PANIC, programs, user_output  # noqa: E402

BANNER = r"yomi version \S+"


def one_boot(**machine):
    """(seconds to banner, seconds to exit, kernel's last timestamp)"""
    with Qemu(monitor=False, **machine) as vm:
        vm.wait_for(BANNER, timeout=120)
        banner = time.monotonic() - vm.started
        vm.send("\x04")     # end of input: init's shell exits and the machine powers off
        status = vm.wait_exit(timeout=120)
        done = time.monotonic() - vm.started
        if status != 0:
            raise QemuError("power-off status %d" % status)
        lines = harness.printk_lines(vm.output)
        return banner, done, lines[-1][0] if lines else float("nan")


def baked_cmdline(build):
    try:
        with open(os.path.join(build, "cmdline")) as f:
            return f.read().strip()
    except OSError:
        return ""


def user_benchmarks(build, names):
    """Run each /bin/bench_* as init; print its "bench:" lines."""
    initrd = os.path.join(build, "initramfs.cpio")
    progs = [p for p in programs("bench_")
             if not names or any(fnmatch.fnmatch(os.path.basename(p), n) for n in names)]
    if not progs:
        print("no /bin/bench_* programs in %s%s" % (initrd, " match" if names else ""))
        return
    print("user benchmarks: each /bin/bench_* run as init (-m 128M, TCG), its bench: lines")
    for prog in progs:
        print()
        print(prog)
        with Qemu(kernel=os.path.join(build, "yomi.elf"), cmdline="init=" + prog,
                  initrd=initrd, monitor=False) as vm:
            try:
                m = vm.wait_for("%s|%s" % (INIT_EXIT, PANIC), timeout=900)
                status = int(m.group(1)) if m.group(1) else None
            except QemuError as e:
                status, m = None, None
                print("  failed: %s" % e)
            for line in user_output(vm.output).split("\n"):
                if line.startswith("bench:"):
                    print("  " + line, flush=True)
            if m and status is None:
                print("  failed: " + m.group(0))
            elif status:
                print("  (exit status %d: the figures above may be incomplete)" % status)


def host_benchmarks(build):
    """The host-side benchmarks in tests/unit/bench_*.c, built like unit tests."""
    here = os.path.dirname(os.path.abspath(__file__))
    for src in sorted(os.listdir(os.path.join(here, "unit"))):
        if not (src.startswith("bench_") and src.endswith(".c")):
            continue
        path = os.path.join(here, "unit", src)
        sources = [l.split(":", 1)[1].split() for l in open(path) if l.startswith("// sources:")]
        exe = os.path.join(build, "host-" + src[:-2])
        root = os.path.dirname(here)
        cmd = ["gcc", "-m32", "-O2", "-DYOMI_HOST_TEST", "-I" + os.path.join(root, "include"),
               "-I" + os.path.join(root, "arch/x86/include"),
               "-I" + os.path.join(build, "include/generated"), "-I" + os.path.join(here, "unit"),
               "-o", exe, path, os.path.join(here, "unit", "host.c")]
        cmd += [os.path.join(root, s) for s in (sources[0] if sources else [])]
        subprocess.run(cmd, check=True)
        print("host: %s" % src)
        out = subprocess.run([exe], stdout=subprocess.PIPE, text=True).stdout
        for line in out.splitlines():
            if line.startswith("bench:"):
                print("  " + line)
    print()


def main():
    ap = argparse.ArgumentParser(description="yomi figures: boot times, user benchmarks")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-boot", action="store_true", help="skip the boot table")
    ap.add_argument("names", nargs="*", help="user benchmarks to run (shell patterns)")
    args = ap.parse_args()
    build = harness.build_dir()
    if args.no_boot:
        host_benchmarks(build)
        user_benchmarks(build, args.names)
        return 0
    elf, iso = os.path.join(build, "yomi.elf"), os.path.join(build, "yomi.iso")
    if not os.path.exists(iso):
        sys.exit("no %s: build first (make O=%s)" % (iso, os.environ.get("O", "build")))
    kernel = dict(kernel=elf, cmdline=baked_cmdline(build))
    if os.path.exists(os.path.join(build, "initramfs.cpio")):
        kernel["initrd"] = os.path.join(build, "initramfs.cpio")
    paths = [
        ("-kernel (Multiboot1)", kernel, args.runs),
        ("BIOS ISO (GRUB)", dict(iso=iso), args.runs),
        ("UEFI ISO (OVMF+GRUB)", dict(iso=iso, efi=True), max(1, min(args.runs, 3))),
        ("UEFI32 ISO (OVMF32)", dict(iso=iso, efi="ia32"), max(1, min(args.runs, 3))),
    ]
    qemu = subprocess.run(["qemu-system-i386", "--version"], stdout=subprocess.PIPE,
                          text=True).stdout.split("\n")[0]
    print("yomi %s boot figures: %s, TCG, -m 128M; median of the runs"
          % (harness.version(), qemu))
    print()
    print("%-22s %4s  %10s  %12s  %16s" % ("path", "runs", "to banner", "to power-off",
                                           "kernel start-up"))
    for name, machine, runs in paths:
        try:
            results = [one_boot(**machine) for _ in range(runs)]
        except QemuError as e:
            print("%-22s  failed: %s" % (name, e))
            continue
        banner, done, kernel = (statistics.median(r[i] for r in results) for i in range(3))
        print("%-22s %4d  %8.3f s  %10.3f s  %13.1f ms"
              % (name, runs, banner, done, kernel * 1000), flush=True)
    print()
    print("to banner / to power-off: wall time since QEMU started (firmware and GRUB included);")
    print("kernel start-up: the kernel's own timestamp on its last line before powering off.")
    print()
    host_benchmarks(build)
    user_benchmarks(build, args.names)
    return 0


if __name__ == "__main__":
    sys.exit(main())
