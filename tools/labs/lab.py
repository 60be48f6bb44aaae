#!/usr/bin/env python3
"""The lab commands behind the Makefile's lab targets (docs/labs/README.md):

    lab.py list                         make lab-list
    lab.py start LAB                    make lab-start LAB=
    lab.py grade [LAB] [--tests PAT]    make grade [LAB=] [T=] [KTAP=1]
    lab.py debug LAB TEST [--trace]     make lab-debug / lab-trace LAB= TEST=
    lab.py hint [LAB] [--n N]           make hint LAB= [N=]
    lab.py handin LAB                   make handin LAB=
    lab.py submission LAB DIR --json F  grade the student files in DIR (autograder, batch-grade)

The build folder is $O (default build). Grading lays the student's files
(lab.ini's student_files) over the pristine commit - the one lab-start
made, or the tree as it is when there is none - in $O/grade/tree, builds it
into $O/grade/build and runs that tree's own grader (tools/labs/grader.py),
so a student's change to a test, the harness or the grader has no effect.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path[:0] = [HERE, os.path.join(ROOT, "tests")]
import labdef  # noqa: E402
import skeleton  # noqa: E402
import tree  # noqa: E402
from labdef import LabError  # noqa: E402
from harness import with_test_options  # noqa: E402
from grader import break_command, symbol_files  # noqa: E402
from qemu import DETERMINISTIC_ARGS  # noqa: E402

TRAILER = "Lab-Start: "


def out_dir():
    return os.path.join(ROOT, os.environ.get("O") or "build")


def branch():
    return tree.git(ROOT, "rev-parse", "--abbrev-ref", "HEAD", check=False)


def lab_name(name):
    """The lab asked for, else the one of the branch lab/<name>."""
    if name:
        return name
    b = branch()
    if b.startswith("lab/"):
        return b[len("lab/"):]
    raise LabError("which lab? give LAB=<name> (make lab-list)")


def pristine(name):
    """The commit lab-start made for this lab, on this branch; None if none."""
    sha = tree.git(ROOT, "log", "-1", "--format=%H", "--grep=^%s%s$" % (TRAILER, name),
                   check=False)
    return sha or None


def cmd_list(args):
    for name in labdef.names(ROOT):
        lab = labdef.load(ROOT, name)
        status = "not started"
        if tree.git(ROOT, "rev-parse", "--verify", "-q", "lab/" + name, check=False):
            status = "started (branch lab/%s)" % name
        res = os.path.join(out_dir(), "grade", name, "results.json")
        if os.path.exists(res):
            with open(res) as f:
                status += ", last grade %s/%d" % (json.load(f)["score"], lab.max_score)
        print("%-12s %-40s %s\n%12s handout: %s" % (name, lab.title, status, "", lab.handout))
    return 0


def cmd_start(args):
    lab = labdef.load(ROOT, args.lab)
    if branch() == "lab/" + lab.name and pristine(lab.name):
        print("Already on lab/%s: the skeleton is committed (make lab-export's repository "
              "starts here). Write: %s\nHandout: %s" % (lab.name, ", ".join(lab.functions),
                                                        lab.handout))
        return 0
    if tree.git(ROOT, "status", "--porcelain"):
        raise LabError("the work tree has changes: commit or stash them first (git status)")
    tree.git(ROOT, "checkout", "-b", "lab/" + lab.name)
    changed = skeleton.apply(lab, ROOT)
    tree.git(ROOT, "add", "--", *changed)
    tree.git(ROOT, "commit", "-q", "-m", "lab-start %s: the skeleton\n\n%s%s"
             % (lab.name, TRAILER, lab.name))
    print("On branch lab/%s: the skeleton of the %s lab is committed." % (lab.name, lab.name))
    print("Write:\n" + "".join("  - %s\n" % f for f in lab.functions))
    print("in: " + " ".join(lab.student_files))
    print("Handout: %s   Grade: make grade   Hints: make hint LAB=%s" % (lab.handout, lab.name))
    return 0


def prepare(lab, student_root, source=None):
    """Sync and build the grading tree; return (tree, build) or raise LabError."""
    base = os.path.join(out_dir(), "grade")
    gtree, gbuild = os.path.join(base, "tree"), os.path.join(base, "build")
    sha = pristine(lab.name) if source is None else None
    files = tree.commit_files(ROOT, sha) if sha else tree.folder_files(source or ROOT)
    tree.sync(gtree, tree.overlay(files, student_root, lab.student_files))
    log = os.path.join(base, "build.log")
    if not tree.build(gtree, gbuild, log):
        with open(log) as f:
            lines = f.read().splitlines()
        raise LabError("the kernel does not build:\n  " + "\n  ".join(lines[-25:]))
    return gtree, gbuild


def failed_build(lab, message, json_path):
    """A build failure scores 0: results.json says why."""
    print(message)
    print("\nScore: 0/%d" % lab.max_score)
    tests = [{"name": n, "score": 0, "max_score": t.points, "status": "failed",
              "output": message, "visibility": "visible"} for n, t in lab.tests.items()]
    os.makedirs(os.path.dirname(json_path), exist_ok=True)
    with open(json_path, "w") as f:
        json.dump({"score": 0, "tests": tests}, f, indent=1)
    return 1


def grade(lab, student_root, json_path, source=None, pattern=None, ktap=False):
    try:
        gtree, gbuild = prepare(lab, student_root, source)
    except LabError as e:
        return failed_build(lab, str(e), json_path)
    cmd = [sys.executable, os.path.join(gtree, "tools", "labs", "grader.py"), lab.name,
           "--json", json_path]
    if pattern:
        cmd += ["--tests", pattern]
    if ktap:
        cmd += ["--ktap", os.path.splitext(json_path)[0] + ".ktap"]
    # LAB_O: the student's own O=, for the lab-debug commands the grader prints
    return subprocess.run(cmd, env=dict(os.environ, O=gbuild,
                                        LAB_O=os.environ.get("O", ""))).returncode


def cmd_grade(args):
    lab = labdef.load(ROOT, lab_name(args.lab))
    res = os.path.join(out_dir(), "grade", lab.name, "results.json")
    rc = grade(lab, ROOT, res, pattern=args.tests, ktap=args.ktap)
    print("(%s%s)" % (res, " and results.ktap" if args.ktap else ""))
    return rc


def cmd_submission(args):
    """Grade DIR's student files on this tree (the autograder's source)."""
    lab = labdef.load(ROOT, args.lab)
    return grade(lab, os.path.abspath(args.dir), os.path.abspath(args.json), source=ROOT)


def cmd_debug(args):
    lab = labdef.load(ROOT, lab_name(args.lab))
    if args.test == "gdb" and lab.gdb:
        program, cmdline = lab.gdb["program"], lab.gdb.get("cmdline", "")
    elif args.test in lab.tests and lab.tests[args.test].unit:
        raise LabError("%s is a host unit test: make grade T=%s prints the checks that failed"
                       % (args.test, args.test))
    elif args.test in lab.tests:
        program, cmdline = lab.tests[args.test].machine
    else:
        raise LabError("no test %r in the %s lab: %s" % (args.test, lab.name,
                                                         " ".join(list(lab.tests) + ["gdb"])))
    gtree, gbuild = prepare(lab, ROOT)
    if args.trace:  # a kernel option: before the "--" of init's arguments
        words = cmdline.split()
        cut = words.index("--") if "--" in words else len(words)
        cmdline = " ".join(words[:cut] + ["syscall_trace=all"] + words[cut:])
    # what GDB runs after connecting, in a file (a condition may hold a
    # $register, which make and the shell would eat): the symbols loaded at
    # an offset ([gdb] symbols PATH@OFFSET: the vDSO; the INIT program's own
    # are make debug's), then the stops - the GDB exercise's own, as the
    # grader makes it, or the lab's gdbinit
    lines = [l for l in symbol_files(lab.gdb or {}, gbuild).splitlines() if " -o " in l]
    gdbinit = os.path.join(gtree, "labs", lab.name, "gdbinit")
    if args.test == "gdb" and lab.gdb:
        lines.append(break_command(lab.gdb))
    elif os.path.exists(gdbinit):
        lines.append("source " + gdbinit)
    start = os.path.join(gbuild, "lab-debug.gdb")
    with open(start, "w") as f:
        f.write("".join(l + "\n" for l in lines))
    make = ["make", "-C", gtree, "O=" + gbuild, "debug", "INIT=" + program,
            "CMDLINE=" + with_test_options(cmdline),
            "QEMU_ARGS=" + " ".join(DETERMINISTIC_ARGS), "GDB_EXTRA=-x " + start]
    # the lab's breakpoints replace make debug's stop at start_kernel; GDB
    # runs in the grading tree, so the student's script is named by the
    # path of the file being edited, not the grading tree's copy of it
    script = lab.gdb.get("script") if lab.gdb else None
    make.append('GDB_START=-ex "echo yomi lab-debug: type continue to run to the breakpoints'
                '%s\\n"' % ("; your script: source %s" % os.path.join(ROOT, script)
                            if script else ""))
    print(" ".join(shlex.quote(a) for a in make))
    return subprocess.run(make).returncode


def cmd_hint(args):
    lab = labdef.load(ROOT, lab_name(args.lab))
    hints = lab.hints()
    if not hints:
        raise LabError("the %s lab has no hints" % lab.name)
    if not 1 <= args.n <= len(hints):
        raise LabError("the %s lab has hints 1 to %d" % (lab.name, len(hints)))
    n = args.n
    print(hints[n - 1])
    if n < len(hints):
        print("\n(hint %d of %d: make hint LAB=%s N=%d for the next)" % (n, len(hints), lab.name,
                                                                       n + 1))
    return 0


def cmd_handin(args):
    lab = labdef.load(ROOT, lab_name(args.lab))
    sha = pristine(lab.name)
    if sha:
        changed = set(tree.git(ROOT, "diff", "--name-only", sha).split())
        changed |= set(tree.git(ROOT, "ls-files", "-o", "--exclude-standard").split())
        others = sorted(changed - set(lab.student_files))
        if others:
            print("warning: these changes are not handed in (only %s are graded):\n  %s"
                  % (" ".join(lab.student_files), "\n  ".join(others)))
    path = os.path.join(out_dir(), "handin-%s.zip" % lab.name)
    os.makedirs(out_dir(), exist_ok=True)  # a handin before any build
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for rel in lab.student_files:
            if os.path.exists(os.path.join(ROOT, rel)):
                z.write(os.path.join(ROOT, rel), rel)
    print("handed in: %s (%s)" % (path, " ".join(lab.student_files)))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list")
    p = sub.add_parser("start")
    p.add_argument("lab")
    p = sub.add_parser("grade")
    p.add_argument("lab", nargs="?")
    p.add_argument("--tests")
    p.add_argument("--ktap", action="store_true")
    p = sub.add_parser("submission")
    p.add_argument("lab")
    p.add_argument("dir")
    p.add_argument("--json", required=True)
    p = sub.add_parser("debug")
    p.add_argument("lab", nargs="?")
    p.add_argument("test")
    p.add_argument("--trace", action="store_true")
    p = sub.add_parser("hint")
    p.add_argument("lab", nargs="?")
    p.add_argument("--n", type=int, default=1)
    p = sub.add_parser("handin")
    p.add_argument("lab", nargs="?")
    args = ap.parse_args()
    try:
        return globals()["cmd_" + args.cmd](args)
    except LabError as e:
        print("lab: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
