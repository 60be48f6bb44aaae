#!/usr/bin/env python3
"""Figures (`make bench`). First the boot table: wall time from starting
QEMU (TCG) to the kernel's banner on the serial line and to QEMU's exit at
power-off, for the ways yomi boots: the ELF through -kernel, the ISO under
BIOS, and under UEFI (x86_64 OVMF, and 32-bit OVMF) through yomi's own
loader (yomi-efi, $O/yomi.iso) and through GRUB ($O/yomi-grub.iso). UEFI
boots are also split at the loader's first line on the serial port
(`yomi-efi: ...`, GRUB's `Welcome to GRUB!`): the firmware's time before
it, the loader's and the kernel's after it, up to init's first line. Also
the kernel's own start-up time: the timestamp of its last line before
powering off (after init's shell has started and read end of file, typed
at its prompt). Each figure is the median of several runs, one machine at a time, the
runs going round the ways to boot.
Then the host benchmarks (tests/unit/bench_*.c), and the user benchmarks:
every /bin/bench_* program in the initramfs (user/bin/bench_*.c) is run on
yomi, as init, one at a time, and on Linux, all in one boot of the Linux
oracle (tests/oracle.py) in the same QEMU. Each "bench: ROW: N ticks/UNIT"
line becomes a row with yomi's ticks, Linux's and their ratio - a new
benchmark program appears here without any change to this file. Then a
summary of the rows issue 16 names (SUMMARY), with the ratio's range over
--rounds runs, rows above its aim of 0.5 marked. Nothing passes or fails. These machines are not
deterministic (no -icount): the figures are the real cost under TCG.

    O=build python3 tests/bench.py [--runs N] [--rounds N] [--no-boot] [NAME ...]

NAMEs (shell patterns: 'bench_get*') choose the user benchmarks to run.
"""
import argparse
import fnmatch
import os
import re
import statistics
import subprocess
import sys
import time

sys.dont_write_bytecode = True      # no __pycache__ folders in the tree
import harness  # noqa: E402
import oracle  # noqa: E402
import unittests  # noqa: E402
from oracle import OracleMissing  # noqa: E402
from qemu import Qemu, QemuError  # noqa: E402
from system.userland import INIT_EXIT, PANIC, programs, user_output  # noqa: E402

BANNER = r"yomi version \S+"
INIT_LINE = r"^init: "              # /sbin/init's first line
YOMI_EFI_LINE = r"yomi-efi: "
GRUB_EFI_LINE = r"Welcome to GRUB!"
FIGURES = ("loader", "init", "banner", "done", "kernel")


def one_boot(loader_line=None, **machine):
    """Wall seconds since QEMU started to the loader's first line (when
    loader_line names it: else nan), to init's first line, to the banner
    and to QEMU's exit, and the kernel's last timestamp, as a dict."""
    with Qemu(monitor=False, deterministic=False, **machine) as vm:
        t = dict.fromkeys(FIGURES, float("nan"))

        def reach(name, pattern):
            vm.wait_for(pattern, timeout=120)
            t[name] = time.monotonic() - vm.started
        if loader_line:
            reach("loader", loader_line)
        reach("banner", BANNER)
        reach("init", INIT_LINE)
        vm.wait_for(r"^# ", timeout=120, partial=True)   # the shell's prompt
        vm.send("\x04")     # end of input: the shell exits and the machine powers off
        status = vm.wait_exit(timeout=120)
        t["done"] = time.monotonic() - vm.started
        if status != 0:
            raise QemuError("power-off status %d" % status)
        lines = harness.printk_lines(vm.output)
        if lines:
            t["kernel"] = lines[-1][0]
        return t


def boot_table(paths, runs):
    """One row per way to boot: the medians of its runs. The runs go round
    the ways (one boot of each, then again), so that a change in the
    host's load falls on every row alike."""
    results = {name: [] for name, _, _ in paths}
    failed = {}
    for _ in range(runs):
        for name, machine, loader_line in paths:
            if name in failed:
                continue
            try:
                results[name].append(one_boot(loader_line, **machine))
            except QemuError as e:
                failed[name] = e
    print("%-28s %4s  %9s  %13s  %9s  %12s  %15s" % (
        "path", "runs", "firmware", "loader+kernel", "to banner", "to power-off",
        "kernel start-up"))
    for name, _, loader_line in paths:
        if name in failed:
            print("%-28s  failed: %s" % (name, failed[name]))
            continue
        m = {k: statistics.median(r[k] for r in results[name]) for k in FIGURES}
        split = ("%7.3f s  %11.3f s" % (m["loader"], m["init"] - m["loader"])
                 if loader_line else "%9s  %13s" % ("-", "-"))
        print("%-28s %4d  %s  %7.3f s  %10.3f s  %12.1f ms"
              % (name, runs, split, m["banner"], m["done"], m["kernel"] * 1000), flush=True)
    print()
    print("firmware: wall time from QEMU's start to the loader's first line on the serial port;")
    print("loader+kernel: from that line to init's first line;")
    print("to banner / to power-off: wall time since QEMU started (firmware and loader included);")
    print("kernel start-up: the kernel's own timestamp on its last line before powering off.")


def recorded(build, name, default):
    """What make recorded in $O/name: the baked command line ("cmdline"),
    what the ISO starts under UEFI ("loader": yomi or grub)."""
    try:
        with open(os.path.join(build, name)) as f:
            return f.read().strip()
    except OSError:
        return default


BENCH_LINE = re.compile(r"^bench: (.*): (\d+) ticks/(.+?)\s*$")


def bench_lines(output):
    """The "bench:" lines of a program's output."""
    return [l for l in output.split("\n") if l.startswith("bench:")]


def figures(lines):
    """{key: (row, ticks, unit)} from "bench: ROW: N ticks/UNIT" lines; the
    key is the row without its parenthesized remarks ("(107 lines)"),
    which may differ between the kernels."""
    found = {}
    for line in lines:
        m = BENCH_LINE.match(line)
        if m:
            key = re.sub(r"\s*\([^)]*\)", "", m.group(1))
            found[key] = (m.group(1), int(m.group(2)), m.group(3))
    return found


def on_yomi(build, prog):
    """Run prog as yomi's init; return its bench: lines and a problem ("" if none)."""
    with Qemu(kernel=os.path.join(build, "yomi.elf"), cmdline="init=%s panic=-1" % prog,
              initrd=os.path.join(build, "initramfs.cpio"), monitor=False,
              deterministic=False) as vm:
        try:
            m = vm.wait_for("%s|%s" % (INIT_EXIT, PANIC), timeout=900)
        except QemuError as e:
            return bench_lines(user_output(vm.output)), str(e)
        lines = bench_lines(user_output(vm.output))
        if m.group(1) is None:
            return lines, m.group(0)
        if int(m.group(1)):
            return lines, "exit status %s: the figures may be incomplete" % m.group(1)
        return lines, ""


def on_linux(progs):
    """Run every prog on the Linux oracle in one boot: ({prog: lines}, problem)."""
    try:
        results, _ = oracle.run_programs(progs, timeout=1800, deterministic=False)
    except OracleMissing as e:
        return {}, str(e)
    return {p: bench_lines(out) for p, (_, out) in results.items()}, ""


# The summary table (issue 16): (row, the "bench:" row it takes), in order.
# A row named "(floor)" measures what TCG costs under the others, not work:
# it has no aim.
SUMMARY = (
    ("int $0x80 -ENOSYS (floor)", "int $0x80 with an unknown number"),
    ("getpid (int $0x80)", "getpid via int $0x80"),
    ("open+close", "open+close"),
    ("stat64", "stat64"),
    ("fork+exit+wait", "fork+exit+wait"),
    ("fork+execve+wait", "fork+execve+exit+wait"),
    ("fork, 1 MiB touched", "fork+exit+wait with 256 touched pages"),
    ("fork, 4 MiB touched", "fork+exit+wait with 1024 touched pages"),
    ("fork, 16 MiB touched", "fork+exit+wait with 4096 touched pages"),
    ("anonymous page fault", "anonymous page fault"),
    ("mmap2+touch+munmap", "mmap+touch+munmap with 10 VMAs"),
    ("pipe 1-byte round trip", "pipe ping-pong"),
    ("pipe bandwidth, 4 KiB writes", "pipe bandwidth, 4 KiB writes"),
    ("pipe bandwidth, 64 KiB writes", "pipe bandwidth, 64 KiB writes"),
    ("pipe bandwidth, 1 MiB writes", "pipe bandwidth, 1 MiB writes"),
    ("file read bandwidth", "file read, 64 KiB reads"),
    ("file write bandwidth", "file write, 64 KiB writes"),
    ("sendfile64, file to pipe", "sendfile64 from a file to a pipe"),
    ("/proc/self/maps per line, 2,000 areas", "maps with 2000 VMAs, 4 KiB reads"),
)
AIM = 0.5       # issue 16: every row at most half Linux's ticks


def one_round(build, progs, linux, collected):
    """Run each prog on yomi and print its rows beside linux's ({prog:
    lines}); add (yomi, Linux, unit) per row key to collected."""
    for prog in progs:
        ours, trouble = on_yomi(build, prog)
        theirs = linux.get(prog, [])
        print()
        print("%-64s %10s %10s %6s" % (prog, "yomi", "Linux", "ratio"))
        a, b = figures(ours), figures(theirs)
        for key in list(a) + [k for k in b if k not in a]:
            y, l = a.get(key), b.get(key)
            row, _, unit = y or l
            ratio = "%.2f" % (y[1] / l[1]) if y and l and l[1] else "-"
            print("  %-62s %10s %10s %6s" % ("%s, ticks/%s" % (row, unit),
                                             y[1] if y else "-", l[1] if l else "-", ratio),
                  flush=True)
            if y and l and l[1]:
                collected.setdefault(key, []).append((y[1], l[1], unit))
        for side, lines in (("yomi", ours), ("Linux", theirs)):
            for line in lines:
                if not BENCH_LINE.match(line):
                    print("  %s: %s" % (side, line))
        if trouble:
            print("  yomi: " + trouble)
        if linux and prog not in linux:
            print("  Linux: did not finish")


def summary(collected, rounds):
    """The issue's table: per row each kernel's lowest ticks over the
    rounds (the run the host's load disturbed least), their ratio, and the
    range of the rounds' own ratios; marked when the ratio is above AIM."""
    print()
    print("summary, %d round%s: each kernel's lowest ticks over the rounds, their ratio,"
          % (rounds, "" if rounds == 1 else "s"))
    print("and the lowest and highest of the rounds' own ratios")
    print("%-40s %10s %10s %6s %11s" % ("row", "yomi", "Linux", "ratio", "range"))
    for name, key in SUMMARY:
        runs = collected.get(key)
        if not runs:
            print("%-40s %10s %10s %6s %11s" % (name, "-", "-", "-", "-"))
            continue
        ratios = [y / l for y, l, _ in runs]
        y, l = min(r[0] for r in runs), min(r[1] for r in runs)
        above = y / l > AIM and "(floor)" not in name
        print("%-40s %10d %10d %6.2f %5.2f-%4.2f%s  ticks/%s" % (
            name, y, l, y / l, min(ratios), max(ratios), " *" if above else "", runs[0][2]))
    print("* above the aim of %.1f (issue 16); a (floor) row has no aim" % AIM)


def user_benchmarks(build, names, rounds=1):
    """Run each /bin/bench_* on yomi (as init) and on Linux, rounds times;
    print each row's ticks on both and their ratio, the lines that are not
    figures, and then the summary table."""
    progs = [p for p in programs("bench_")
             if not names or any(fnmatch.fnmatch(os.path.basename(p), n) for n in names)]
    if not progs:
        print("no /bin/bench_* programs in %s/initramfs.cpio%s" % (build, " match" if names else ""))
        return
    collected = {}
    for r in range(rounds):
        linux, problem = on_linux(progs)
        version = oracle.version() if linux else "Linux"
        print("user benchmarks%s: each /bin/bench_* on yomi (as init) and on %s (one boot),"
              % (" (round %d of %d)" % (r + 1, rounds) if rounds > 1 else "", version))
        print("both in qemu-system-i386 (TCG, -m 128M); timestamp ticks (rdtsc) per operation")
        if problem:
            print("  Linux: " + problem)
        one_round(build, progs, linux, collected)
        print()
    print("ratio: yomi's ticks / Linux's; below 1, yomi is faster.")
    summary(collected, rounds)


def host_benchmarks(build):
    """The host-side benchmarks in tests/unit/bench_*.c, built like unit
    tests (i386 programs, run as tests/unittests.py runs those)."""
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
        try:
            runner = unittests.i386_runner()
        except harness.Failure as e:
            print("host: %s: %s" % (src, e))
            continue
        print("host: %s%s" % (src, " (under qemu-i386: figures are emulated time)" if runner
                               else ""))
        out = unittests.run_i386([exe], os.environ, 600).stdout
        for line in out.splitlines():
            if line.startswith("bench:"):
                print("  " + line)
    print()


def main():
    ap = argparse.ArgumentParser(description="yomi figures: boot times, user benchmarks")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--no-boot", action="store_true", help="skip the boot table")
    ap.add_argument("--rounds", type=int, default=1,
                    help="run the user benchmarks this many times (the summary gives ranges)")
    ap.add_argument("names", nargs="*", help="user benchmarks to run (shell patterns)")
    args = ap.parse_args()
    build = harness.build_dir()
    if args.no_boot:
        host_benchmarks(build)
        user_benchmarks(build, args.names, args.rounds)
        return 0
    elf, iso = os.path.join(build, "yomi.elf"), os.path.join(build, "yomi.iso")
    if not os.path.exists(iso):
        sys.exit("no %s: build first (make O=%s)" % (iso, os.environ.get("O", "build")))
    kernel = dict(kernel=elf, cmdline=recorded(build, "cmdline", ""))
    if os.path.exists(os.path.join(build, "initramfs.cpio")):
        kernel["initrd"] = os.path.join(build, "initramfs.cpio")
    paths = [
        ("-kernel (Multiboot1)", kernel, None),
        ("BIOS ISO (GRUB)", dict(iso=iso), None),
    ]
    for firmware, efi in (("x86-64", True), ("ia32", "ia32")):
        if recorded(build, "loader", "yomi") == "yomi":
            paths.append(("UEFI %s ISO (yomi-efi)" % firmware, dict(iso=iso, efi=efi),
                          YOMI_EFI_LINE))
        paths.append(("UEFI %s ISO (GRUB-EFI)" % firmware,
                      dict(iso=os.path.join(build, "yomi-grub.iso"), efi=efi), GRUB_EFI_LINE))
    qemu = subprocess.run(["qemu-system-i386", "--version"], stdout=subprocess.PIPE,
                          text=True).stdout.split("\n")[0]
    print("yomi %s boot figures: %s, TCG, -m 128M; median of the runs"
          % (harness.version(), qemu))
    if recorded(build, "loader", "yomi") != "yomi":
        print("(%s/yomi.iso was built with LOADER=%s: no yomi-efi rows)"
              % (build, recorded(build, "loader", "yomi")))
    print()
    boot_table(paths, args.runs)
    print()
    host_benchmarks(build)
    user_benchmarks(build, args.names, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
