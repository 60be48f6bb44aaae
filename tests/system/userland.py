"""What the tests that run user programs share: the programs in the
initramfs ($O/initramfs.cpio, read here, so a program added to user/ shows
up without any change to the tests), booting one as init, and reading the
TAP-like output of the test programs (user/tests/lib/tap.h):

    ok 3 - write to NULL gives EFAULT
    not ok 4 - ...
    #   expected ..., got ...
    ok 5 - ... # SKIP why
    1..5
    # test_rw: 3 passed, 1 failed (1 skipped)
"""
import os
import re

import cpio
from harness import build_dir, check, printk_lines

INIT_EXIT = r"init exited with status (\d+)"
PANIC = r"Kernel panic - not syncing: .*"


def initramfs_path():
    return os.path.join(build_dir(), "initramfs.cpio")


def programs(prefix):
    """/bin/<prefix>* in the initramfs, sorted: ["/bin/test_brk", ...]."""
    return sorted("/" + n for n in cpio.names(initramfs_path())
                  if n.startswith("bin/" + prefix) and "/" not in n[len("bin/"):])


def run_as_init(t, prog, cmdline="", timeout=60, mem="128M", panic_ok=False):
    """Boot with init=prog; wait for init's exit; return (status, user output,
    machine). The user output is the serial text without the kernel's lines.
    A kernel panic fails the test at once, unless panic_ok: then the status
    is None (and kernel_complaints() has the panic)."""
    check(os.path.exists(initramfs_path()), "no %s: build first" % initramfs_path())
    vm = t.boot(cmdline=("init=%s %s" % (prog, cmdline)).strip(), initrd=initramfs_path(),
                mem=mem)
    m = vm.wait_for("%s|%s" % (INIT_EXIT, PANIC), timeout=timeout)
    if m.group(1) is None:
        check(panic_ok, "%s: the kernel panicked: %s" % (prog, m.group(0)))
        vm.kill()
        return None, user_output(vm.output), vm
    vm.wait_exit(timeout=30)
    return int(m.group(1)), user_output(vm.output), vm


def user_output(serial):
    """The lines of the serial output that the kernel did not print."""
    lines = serial.split("\n")
    start = 0
    for i, line in enumerate(lines):           # user space starts after the initrd is unpacked
        if "Freeing initrd memory" in line or "Run /" in line:
            start = i + 1
    return "\n".join(l for l in lines[start:] if not re.match(r"^\[\s*\d+\.\d{6}\] ", l))


def kernel_complaints(serial):
    """The kernel's lines about a fault in the kernel itself. (A process
    killed by a signal is not one: test programs do that on purpose, and
    init's own death shows in its exit status.)"""
    bad = ("BUG:", "Oops", "Kernel panic", "WARNING:")
    return [text for _, text in printk_lines(serial) if any(b in text for b in bad)]


TAP_LINE = re.compile(r"^(not )?ok (\d+)\b(.*)$")


class Tap:
    """The results in a test program's output."""

    def __init__(self, text):
        self.results = []         # (ok, number, text, [comment lines])
        self.plan = None
        self.summary = None
        for line in text.split("\n"):
            m = TAP_LINE.match(line)
            if m:
                self.results.append((not m.group(1), int(m.group(2)), line, []))
            elif re.match(r"^1\.\.(\d+)$", line):
                self.plan = int(line[3:])
            elif line.startswith("#"):
                if re.match(r"^# test_\w+: \d+ passed", line):
                    self.summary = line
                elif self.results:
                    self.results[-1][3].append(line)

    @property
    def failures(self):
        return [r for r in self.results if not r[0]]

    @property
    def skipped(self):
        return [r for r in self.results if r[0] and "# SKIP" in r[2]]

    def problems(self):
        """What is wrong with the output as a whole, [] when nothing."""
        found = []
        if not self.results:
            found.append("no ok/not ok lines")
        if self.plan is None:
            found.append("no plan line (1..N): the program stopped early")
        elif self.plan != len(self.results):
            found.append("plan 1..%d, but %d results" % (self.plan, len(self.results)))
        numbers = [r[1] for r in self.results]
        if numbers != list(range(1, len(numbers) + 1)):
            found.append("results are not numbered 1..%d in order" % len(numbers))
        return found

    def report(self, limit=12):
        """The failing lines with their comments, for a failure message."""
        out = []
        for ok, _, line, comments in self.failures[:limit]:
            out.append(line)
            out.extend("  " + c for c in comments[:4])
        if len(self.failures) > limit:
            out.append("... and %d more" % (len(self.failures) - limit))
        return "\n".join(out)


def check_tap(t, what, status, output, extra_problems=()):
    """Fail unless the program passed: status 0, a complete plan, no 'not ok'."""
    tap = Tap(output)
    problems = tap.problems() + list(extra_problems)
    t.note = "%d ok" % (len(tap.results) - len(tap.failures) - len(tap.skipped))
    if tap.skipped:
        t.note += ", %d skipped" % len(tap.skipped)
    if tap.failures:
        problems.insert(0, "%d of %d cases failed:\n%s" % (len(tap.failures), len(tap.results),
                                                           tap.report()))
    if status is None:
        problems.insert(0, "no exit status (the kernel died first)")
    elif status != 0:
        problems.insert(0, "exit status %d" % status)
    check(not problems, "%s: %s" % (what, "; ".join(problems)))
    return tap
