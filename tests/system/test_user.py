"""The user-space test programs (user/tests/*.c, /bin/test_* in the
initramfs), each run on yomi and on Linux:

    user_<name>        on yomi, as init (init=/bin/test_<name>): the kernel
                       prints "init exited with status N", N must be 0;
    user_<name>_linux  on Linux 6.1 i386 in the same QEMU (tests/oracle.py),
                       the same static binary: Linux is the reference, so it
                       must pass there too (cases a program marks as
                       yomi-only are skipped by the program itself); and its
                       results must be yomi's, line by line, once numbers
                       that legitimately differ (addresses, pids, times)
                       are masked.

All programs run in one Linux boot, shared by the user_*_linux tests. The
list comes from the initramfs when this module is loaded, so a new test
program is picked up by the next `make test` without any change here."""
import re

import oracle
from harness import REGISTRY, Context, Test, check, once
from system.userland import Tap, check_tap, kernel_complaints, programs, run_as_init


def yomi_run(prog):
    """The program's run on yomi (once, shared by user_<name> and
    user_<name>_linux): status, user output, serial log, kernel
    complaints, and the command that reproduces it."""
    def run():
        t = Context()
        try:
            status, output, vm = run_as_init(t, prog, panic_ok=True)
            return dict(status=status, output=output, serial=vm.output,
                        complaints=kernel_complaints(vm.output), repro=t.reproduce())
        finally:
            t.close()
    return once("yomi-run:" + prog, run)


def on_yomi(t, prog):
    r = yomi_run(prog)
    t.log, t.repro = r["serial"], r["repro"]
    check_tap(t, prog + " on yomi", r["status"], r["output"], r["complaints"])


def linux_results():
    """{program: (status, output)} for every test program, and the serial
    log, from one boot of the Linux oracle (shared)."""
    return once("linux-test-programs",
                lambda: oracle.run_programs(programs("test_"), timeout=600))


def test_linux_oracle(t):
    """The oracle boots and runs every test program to its end (the
    user_*_linux tests then read their program's results)."""
    results, serial = linux_results()
    t.log = serial
    missing = [p for p in programs("test_") if p not in results]
    check(not missing, "Linux (%s) did not finish: %s" % (oracle.version(), " ".join(missing)))
    t.note = "%s, %d programs" % (oracle.version(), len(results))


# A case's line with the parts that may differ between two correct kernels
# masked: numbers (pids, addresses, times, counts of free pages) and quoted
# strings (uname's fields, the environment). What is left is the case's
# number, its verdict and its description.
VARIABLE = re.compile(r'"[^"]*"|0x[0-9a-fA-F]+|\b[0-9a-fA-F]{8}\b|\d+')


def masked(line):
    return VARIABLE.sub("#", line)


def differences(yomi, linux):
    """The cases whose masked lines differ, skips aside (a case that one
    side skips is not compared): a list of (yomi line, linux line)."""
    ours = {r[1]: r[2] for r in Tap(yomi).results}
    theirs = {r[1]: r[2] for r in Tap(linux).results}
    found = []
    for n in sorted(set(ours) | set(theirs)):
        a, b = ours.get(n, "(none)"), theirs.get(n, "(none)")
        if "# SKIP" in a or "# SKIP" in b:
            continue
        if masked(a) != masked(b):
            found.append((a, b))
    return found


def on_linux(t, prog):
    results, serial = linux_results()
    t.log = serial
    check(prog in results, "%s did not finish on Linux (%s)" % (prog, oracle.version()))
    status, output = results[prog]
    t.log = output
    check_tap(t, prog + " on Linux", status, output)
    diff = differences(yomi_run(prog)["output"], output)
    check(not diff, "%s: %d case(s) differ between yomi and Linux:\n%s" % (
        prog, len(diff), "\n".join("  yomi:  %s\n  Linux: %s" % d for d in diff[:8])))


def register():
    progs = programs("test_")
    if not progs:
        def test_user_programs(t):
            check(False, "no /bin/test_* programs in the initramfs (build first)")
        REGISTRY.append(Test("user_programs", test_user_programs, 0.1))
        return
    REGISTRY.append(Test("linux_oracle", test_linux_oracle, 12))
    for prog in progs:
        name = prog[len("/bin/test_"):]
        REGISTRY.append(Test("user_" + name, lambda t, p=prog: on_yomi(t, p), 1.0))
        REGISTRY.append(Test("user_%s_linux" % name, lambda t, p=prog: on_linux(t, p), 0.1))


register()
