#!/usr/bin/env python3
"""make fuzz: /bin/fuzz (user/fuzz/) as yomi's init, watched from outside.

    O=build python3 tests/fuzz.py [--seed N] [--calls M] [--warmup W]
                                  [--per-child C] [--minimize NAME]

The machine is deterministic (tests/qemu.py), so a seed gives the same run
every time. The runner prints the fuzzer's summary and ends with status 0
when the kernel survived, leaked nothing and the fuzzer finished. When the
kernel dies (an oops: panic=-1 powers off at once) or stops making
progress, the runner boots the same run again with -v for the child that
was running, which prints that child's calls before it makes each one;
it shows the last calls and the oops, keeps the log in $O/fuzz/, and
turns it into a C reproducer with tools/fuzz2c.py. --minimize NAME then
removes every call the bug does not need (delta debugging: each candidate
is built as $O/user/repro/NAME and booted as init) and writes
user/tests/fuzz_NAME.c, the regression test to commit with the fix.
"""
import argparse
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True      # no __pycache__ folders in the tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
import fuzz2c  # noqa: E402
import harness  # noqa: E402
import cpio  # noqa: E402
from qemu import Qemu, QemuError, kernel_death  # noqa: E402

CHILD = re.compile(r"^fuzz: run child (\d+) seed", re.M)
DONE = r"init exited with status (\d+)"
STALL = 120        # guest seconds without a new child: the kernel hangs


def boot(build, args, initrd=None, init="/bin/fuzz"):
    return Qemu(kernel=os.path.join(build, "yomi.elf"),
                initrd=initrd or os.path.join(build, "initramfs.cpio"),
                cmdline=harness.with_test_options("init=%s -- %s" % (init, args))).start()


def watch(vm):
    """Follow a fuzzer run to its end; return (status or None, why not)."""
    while True:
        try:
            m = vm.wait_for(r"fuzz: run child \d+|%s" % DONE, timeout=STALL)
        except QemuError as e:
            death = kernel_death(vm.output)
            return None, ("the kernel died:\n" + death) if death else str(e)
        if m.group(1) is not None:
            vm.wait_exit(timeout=60)
            return int(m.group(1)), ""


def fuzz_args(a, verbose=None):
    args = "-s %d -n %d -w %d -c %d" % (a.seed, a.calls, a.warmup, a.per_child)
    return args + (" -v %d" % verbose if verbose is not None else "")


def replay(build, a, child):
    """The same run up to `child`, whose calls are printed; its log."""
    calls = (child + 1) * a.per_child
    vm = boot(build, fuzz_args(argparse.Namespace(**dict(vars(a), calls=calls)), child))
    try:
        watch(vm)
    finally:
        vm.close()
    return vm.output


def signature(death):
    """What tells one bug from another: where the kernel died."""
    m = re.search(r"EIP is at (\w+)", death)
    return m.group(1) if m else None


def dies(build, world, calls, name, where):
    """Does the kernel die in the function `where` when a reproducer with
    these calls runs as init? (Dying elsewhere is another bug.)"""
    src = os.path.join(build, "user", "repro", name + ".c")
    os.makedirs(os.path.dirname(src), exist_ok=True)
    with open(src, "w") as f:
        f.write(fuzz2c.to_c(world, calls, name, ["a candidate."]))
    exe = src[:-2]
    r = subprocess.run(["make", "-s", "O=" + build, exe], cwd=harness.ROOT,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode:
        sys.exit("building %s failed:\n%s" % (exe, r.stdout))
    with open(exe, "rb") as f:
        program = f.read()
    initrd = exe + ".cpio"
    cpio.append(os.path.join(build, "initramfs.cpio"),
                [cpio.entry("bin/repro", 0o100755, program, ino=2)], initrd)
    vm = boot(build, "", initrd=initrd, init="/bin/repro")
    try:
        vm.wait_for(DONE, timeout=60)
        return False
    except QemuError:
        return signature(kernel_death(vm.output)) == where
    finally:
        vm.close()


def minimize(build, world, calls, name, where):
    """ddmin (Zeller): the smallest list of calls found that still kills the
    kernel in `where`, trying to drop ever smaller pieces of the list."""
    n = 2
    while len(calls) >= 2:
        size = len(calls) // n
        pieces = [calls[i:i + size] for i in range(0, len(calls), size)]
        for piece in pieces:
            rest = [c for c in calls if c not in piece]
            if rest and dies(build, world, rest, name, where):
                print("  %d calls still kill it" % len(rest), flush=True)
                calls, n = rest, max(n - 1, 2)
                break
        else:
            if n >= len(calls):
                break
            n = min(n * 2, len(calls))
    return calls


def report(build, a, output):
    """After a death or a hang: replay the last child, show and keep its calls."""
    children = CHILD.findall(output)
    if not children:
        print("fuzz: the kernel died before the first child ran")
        return
    child = int(children[-1])
    print("fuzz: seed %d, child %d was running; replaying it with -v %d ..." % (a.seed, child, child))
    log = replay(build, a, child)
    os.makedirs(os.path.join(build, "fuzz"), exist_ok=True)
    path = os.path.join(build, "fuzz", "seed%d-child%d.log" % (a.seed, child))
    with open(path, "w") as f:
        f.write(log)
    world, calls = fuzz2c.parse(log)
    print("fuzz: its last calls (all %d are in %s):" % (len(calls), path))
    for c in calls[-12:]:
        print("  [%d] %s(%s)" % (c["index"], c["name"], ", ".join(h for _, h, _ in c["args"])))
    print(kernel_death(log) or "(the replay did not die: the bug depends on timing)")
    name = a.minimize or "seed%d_child%d" % (a.seed, child)
    where = signature(kernel_death(log))
    if a.minimize and where and not dies(build, world, calls, name, where):
        print("fuzz: the reproducer with all %d calls does not take yomi down "
              "(the bug needs what other processes did): not minimized" % len(calls))
        where = None
    if a.minimize and where:
        print("fuzz: minimizing %d calls (the bug: a death in %s) ..." % (len(calls), where),
              flush=True)
        calls = minimize(build, world, calls, name, where)
        dest = os.path.join(harness.ROOT, "user", "tests", "fuzz_%s.c" % name)
    else:
        dest = os.path.join(build, "fuzz", "fuzz_%s.c" % name)
    comment = ["the %d calls of make fuzz SEED=%d's child %d that took yomi down"
               % (len(calls), a.seed, child), "with:", *kernel_death(log).split("\n")[:4]]
    with open(dest, "w") as f:
        f.write(fuzz2c.to_c(world, calls, name, comment))
    print("fuzz: reproducer: %s" % dest)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--calls", type=int, default=100000)
    ap.add_argument("--warmup", type=int, default=2000)
    ap.add_argument("--per-child", type=int, default=1000)
    ap.add_argument("--minimize", metavar="NAME", help="write user/tests/fuzz_NAME.c")
    a = ap.parse_args()
    build = harness.build_dir()
    print("fuzz: %s on yomi, deterministic QEMU" % fuzz_args(a), flush=True)
    vm = boot(build, fuzz_args(a))
    try:
        status, why = watch(vm)
    finally:
        vm.close()
    for line in vm.output.split("\n"):
        if line.startswith("fuzz: done") or "kernel holds" in line or "LEAK" in line:
            print(line)
    if status is None:
        print("fuzz: FAILED: " + why)
        report(build, a, vm.output)
        return 1
    print("fuzz: %s" % ("passed" if status == 0 else "FAILED: the fuzzer's status is %d" % status))
    return 1 if status else 0


if __name__ == "__main__":
    sys.exit(main())
