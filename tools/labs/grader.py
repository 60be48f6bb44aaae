#!/usr/bin/env python3
"""Grade one lab on a built tree: the part of `make grade` that runs inside
the grading tree (the pristine commit with the student's files laid over
it, tools/labs/lab.py), so that its tests, harness and checks are the
pristine ones.

    O=<build> python3 tools/labs/grader.py LAB [--tests PATTERN] [--json F] [--ktap F]

Each machine a test names (program and command line) boots once under
deterministic QEMU (tests/qemu.py); each test then reads its TAP cases or
runs its check function (labs/<lab>/checks.py) on what the machine printed.
The GDB exercise runs the student's script at a breakpoint of the same
machine. A test with `unit` runs a host unit test instead, compiled from
this tree's sources (the student's). Prints a table, a hint per failing test, the kernel's oops if it
died, the reproduce command, "Score: N/M"; exits 0 only at full score.
LAB_PRIVATE=<dir>: <dir>/<lab>.ini's [test NAME] sections are hidden tests
(checks in <dir>/checks.py), graded the same way.
"""
import argparse
import configparser
import fnmatch
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path[:0] = [HERE, os.path.join(ROOT, "tests")]
import harness  # noqa: E402
import labdef  # noqa: E402
import unittests  # noqa: E402
from qemu import QemuError, kernel_death  # noqa: E402
from system.test_gdb import PREAMBLE, boot_halted  # noqa: E402
from system.userland import Tap, kernel_complaints, run_as_init  # noqa: E402


class Result:
    def __init__(self, name, points, hint, hidden=False):
        self.name, self.max, self.hint, self.hidden = name, points, hint, hidden
        self.ok, self.output, self.repro = False, "", ""

    @property
    def score(self):
        return self.max if self.ok else 0


def load_checks(path):
    if not os.path.exists(path):
        return None
    spec = importlib.util.spec_from_file_location("checks_" + str(abs(hash(path))), path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def private_tests(lab):
    """LAB_PRIVATE's hidden tests for this lab, and their checks module."""
    folder = os.environ.get("LAB_PRIVATE")
    if not folder:
        return [], None
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(os.path.join(folder, lab.name + ".ini"))
    tests = [labdef.Test(m.group(1), ini[s]) for s in ini.sections()
             for m in [re.match(r"^test\s+(\w+)$", s)] if m]
    return tests, load_checks(os.path.join(folder, "checks.py"))


def boot(program, cmdline):
    """Run program as init (no program: the kernel alone, until it powers
    off); return a dict of what the machine said."""
    t = harness.Context()
    try:
        if program:
            status, output, vm = run_as_init(t, program, cmdline, panic_ok=True)
        else:
            vm = t.boot(cmdline=cmdline)
            status, output = vm.wait_exit(timeout=60), ""
        serial = vm.output
        return dict(status=status, output=output, serial=serial, error="",
                    death=kernel_death(serial), complaints=kernel_complaints(serial),
                    repro=t.reproduce())
    except (harness.Failure, QemuError) as e:
        serial = t.vms[-1].output if t.vms else ""
        return dict(status=None, output="", serial=serial, error=str(e),
                    death=kernel_death(serial), complaints=kernel_complaints(serial),
                    repro=t.reproduce())
    finally:
        t.close()


def unit_test(test):
    """Run the host unit test tests/unit/test_<unit>.c; [] or its failures."""
    t = harness.Context()
    try:
        unittests.run_unit(t, os.path.join(unittests.UNIT_DIR, "test_%s.c" % test.unit))
        return []
    except (harness.Failure, subprocess.TimeoutExpired) as e:
        failed = [l for l in (t.log or "").splitlines() if "FAILED" in l or "ERROR" in l]
        return [str(e)] + failed[:8] + (["... and %d more" % (len(failed) - 8)]
                                         if len(failed) > 8 else [])


def judge(test, run, checks):
    """[] when the test passed on the machine's run, else the problems."""
    problems = []
    if run["error"]:
        problems.append(run["error"])
    if run["complaints"]:
        problems.append("the kernel complained: " + "; ".join(run["complaints"][:3]))
    if test.cases:
        tap = Tap(run["output"])
        if tap.plan is None and not run["error"]:
            # the kernel's last lines say why (a "segfault at" line, a signal)
            tail = [l for l in run["serial"].splitlines() if re.match(r"^\[\s*\d+\.\d+\] ", l)]
            problems.append("%s stopped early (exit status %s): no plan line; the kernel's "
                            "last lines:\n  %s" % (test.program, run["status"],
                                                   "\n  ".join(tail[-3:])))
        cases = [r for r in tap.results if re.match(test.cases, r[2].split(" - ", 1)[-1])]
        if not cases:
            problems.append("no case '%s...' ran (did the program stop early?)" % test.cases)
        failed = [(line, comments) for ok, _, line, comments in cases if not ok]
        for line, comments in failed[:6]:
            problems.append("\n  ".join([line] + comments[:3]))
        if len(failed) > 6:
            problems.append("... and %d more of its cases failed" % (len(failed) - 6))
    if test.check:
        func = getattr(checks, test.check, None) if checks else None
        if func is None:
            problems.append("no check function %s" % test.check)
        else:
            problems += func(run["serial"], run["output"], run["status"])
    return problems


# The reference runs first, at the breakpoint, so that a script that
# steps or changes registers cannot change what the grader reads.
GDB_SCRIPT = PREAMBLE + r"""source {helpers}
{symbols}target remote {sock}
{brk}
continue
source {reference}
printf "@student-begin\n"
source {student}
printf "@student-end\n"
kill
"""

# What the grader reads itself when [gdb] names no reference= file: the
# pt_regs the entry code built, at the top of the kernel stack. A
# reference prints one line "@ref name=number ...", or "@ref-missing why"
# when the machine is not in a state the exercise can be answered in.
PT_REGS_REFERENCE = r"""set $stack = (unsigned long)$sp & ~8191UL
set $regs = (struct pt_regs *)($stack + 8192) - 1
printf "@ref orig_ax=%ld bx=%lu ip=%lu cs=%lu\n", $regs->orig_ax, $regs->bx, $regs->ip, $regs->cs
"""


def numbers(text):
    """Every integer written in text, decimal or hex (a decimal with leading
    zeros, such as the start of a maps line, too)."""
    return {int(x, 16) if x.startswith("0x") else int(x)
            for x in re.findall(r"\b(?:0x[0-9a-fA-F]+|\d+)\b", text)}


def symbol_files(gdb, build):
    """add-symbol-file lines for [gdb] symbols: paths in the build folder,
    each with @OFFSET when it is loaded there (the vDSO at 0xffffe000): a
    user program's symbols, for a breakpoint in user space."""
    lines = ""
    for item in gdb.get("symbols", "").split():
        path, _, offset = item.partition("@")
        lines += "add-symbol-file %s%s\n" % (os.path.join(build, path),
                                             " -o " + offset if offset else "")
    return lines


def break_command(gdb):
    """The breakpoint command: [gdb] hbreak (a user address, in a page that
    does not exist yet when the machine starts) or break."""
    return "hbreak " + gdb["hbreak"] if gdb.get("hbreak") else "break " + gdb["break"]


def gdb_exercise(lab):
    """Run the student's gdb script at the exercise's breakpoint; [] or problems.
    The values the grader reads itself there (the pt_regs, or what the
    lab's reference= gdb file prints) must all be in the script's output."""
    script = os.path.join(ROOT, lab.gdb["script"])
    if not os.path.exists(script):
        return ["no %s" % lab.gdb["script"]], ""
    t = harness.Context()
    tmp = tempfile.mkdtemp(prefix="yomi-lab-gdb-")
    try:
        cmdline = ("init=%s %s" % (lab.gdb["program"], lab.gdb.get("cmdline", ""))).strip()
        vm, sock = boot_halted(t, tmp, cmdline=cmdline,
                               initrd=os.path.join(t.build, "initramfs.cpio"))
        reference = os.path.join(ROOT, lab.gdb["reference"]) if lab.gdb.get("reference") \
            else os.path.join(tmp, "reference.gdb")
        if not lab.gdb.get("reference"):
            with open(reference, "w") as f:
                f.write(PT_REGS_REFERENCE)
        path = os.path.join(tmp, "grade.gdb")
        with open(path, "w") as f:
            f.write(GDB_SCRIPT.format(elf=t.elf, helpers=os.path.join(ROOT, "tools/gdb/yomi.py"),
                                      sock=sock, brk=break_command(lab.gdb), student=script,
                                      symbols=symbol_files(lab.gdb, t.build),
                                      reference=reference))
        r = subprocess.run(["gdb", "-nx", "-batch", "-x", path], cwd=tmp, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=180)
        out = r.stdout.decode("utf-8", "replace")
    except (QemuError, harness.Failure, subprocess.TimeoutExpired) as e:
        return ["the GDB session failed: %s" % e], ""
    finally:
        t.close()
        shutil.rmtree(tmp, ignore_errors=True)
    missing = re.search(r"^@ref-missing (.*)$", out, re.M)
    if missing:
        return [missing.group(1)], "the GDB session printed:\n" + out
    ref = re.search(r"^@ref (.*)$", out, re.M)
    student = out.split("@student-begin", 1)[-1].split("@student-end", 1)[0]
    if not ref or "@student-end" not in out:
        return ["the machine never stopped at `%s` (the code there never ran: see the hint), or your "
                "script ended the session" % break_command(lab.gdb)], "the GDB session printed:\n" + out
    want = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", ref.group(1))}
    seen = numbers(student)
    missing = ["%s (%d = %#x)" % (k, v, v) for k, v in want.items() if v not in seen]
    if missing:
        return (["your script's output lacks " + ", ".join(missing)],
                "your script printed:\n" + student)
    return [], "your script printed:\n" + student


def lab_debug(lab, test):
    """The make lab-debug command for a test, with the student's O= if given."""
    o = os.environ.get("LAB_O")
    return "make lab-debug LAB=%s TEST=%s%s" % (lab.name, test, " O=" + o if o else "")


def matches(name, pattern):
    """Does a test's name match one of the comma-separated shell patterns?"""
    return any(fnmatch.fnmatch(name, p) for p in pattern.split(","))


def grade(lab, pattern=None):
    """Run the lab's tests; return [Result] and {machine: its serial log}."""
    hidden, private_checks = private_tests(lab)
    checks = load_checks(os.path.join(lab.dir, "checks.py"))
    tests = [(t, False) for t in lab.tests.values()] + [(t, True) for t in hidden]
    if pattern:
        tests = [(t, h) for t, h in tests if matches(t.name, pattern)]
    runs, logs, results = {}, {}, []
    for test, is_hidden in tests:
        if test.unit:
            r = Result(test.name, test.points, test.hint, is_hidden)
            problems = unit_test(test)
            r.ok, r.output = not problems, "\n".join(problems)
            r.repro = "O=%s python3 tests/run.py unit_%s" % (harness.build_dir(), test.unit)
            results.append(r)
            continue
        if test.machine not in runs:
            runs[test.machine] = boot(*test.machine)
            logs["%s %s" % test.machine] = runs[test.machine]["serial"]
        run = runs[test.machine]
        r = Result(test.name, test.points, test.hint, is_hidden)
        problems = judge(test, run, private_checks if is_hidden else checks)
        r.ok = not problems
        r.output = "\n".join(problems)
        if run["death"]:
            r.output += "\nthe kernel died:\n" + run["death"]
        r.repro = "%s   (or: %s)" % (lab_debug(lab, test.name), run["repro"])
        results.append(r)
    if lab.gdb and (not pattern or matches("gdb", pattern)):
        r = Result("gdb", lab.gdb["points"], lab.gdb["hint"])
        problems, out = gdb_exercise(lab)
        r.ok = not problems
        r.output = "\n".join(problems + ([out.strip()] if out.strip() else []))
        r.repro = lab_debug(lab, "gdb")
        results.append(r)
    return results, logs


def report(lab, results):
    """The table, the hints and reproduce commands of the failures, the score."""
    names = [r.name + (" (hidden)" if r.hidden else "") for r in results]
    width = max([len(n) for n in names] + [4])
    print("%s lab: %s" % (lab.name, lab.title))
    for name, r in zip(names, results):
        print("  %-*s  %-4s  %3d/%-3d" % (width, name, "ok" if r.ok else "FAIL", r.score, r.max))
    for r in results:
        if r.ok:
            continue
        print("\n--- %s: failed" % r.name)
        if not r.hidden:
            print("    " + r.output.replace("\n", "\n    ")[:3000])
        if r.hint:
            print("  hint: " + r.hint)
        print("  reproduce: " + r.repro)
    score, total = sum(r.score for r in results), sum(r.max for r in results)
    print("\nScore: %d/%d" % (score, total))
    return score, total


def write_json(path, results, score):
    """Gradescope's results.json."""
    data = {"score": score, "tests": [
        {"name": r.name, "score": r.score, "max_score": r.max,
         "status": "passed" if r.ok else "failed",
         "output": r.output + ("\nhint: " + r.hint if not r.ok and r.hint else ""),
         "visibility": "after_published" if r.hidden else "visible"} for r in results]}
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        json.dump(data, f, indent=1)


def write_ktap(path, lab, results):
    lines = ["KTAP version 1", "1..%d" % len(results)]
    for i, r in enumerate(results, 1):
        lines += ["# " + l for l in r.output.splitlines()] if not r.ok else []
        lines.append("%s %d %s" % ("ok" if r.ok else "not ok", i, r.name))
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lab")
    ap.add_argument("--tests", help="only the tests matching these shell patterns (a,b*)")
    ap.add_argument("--json", help="write Gradescope's results.json here")
    ap.add_argument("--ktap", help="write KTAP here")
    ap.add_argument("--logs", help="write {machine: its serial log} here")
    args = ap.parse_args()
    lab = labdef.load(ROOT, args.lab)
    results, logs = grade(lab, args.tests)
    score, total = report(lab, results)
    if args.json:
        write_json(args.json, results, score)
    if args.ktap:
        write_ktap(args.ktap, lab, results)
    if args.logs:
        with open(args.logs, "w") as f:
            json.dump(logs, f, indent=1)
    return 0 if results and score == total else 1


if __name__ == "__main__":
    sys.exit(main())
