#!/usr/bin/env python3
"""make lab-check: prove, for each lab, that its grader tells wrong code from
right (docs/labs/README.md):

  1. the skeleton is well formed: each replacement has TODO(<lab>), only
     student files change, every test has a hint;
  2. the tree (the complete solution) scores full marks three times, with
     byte-identical serial logs;
  3. each labs/<lab>/bugs/*.patch fails at least the tests its "Fails:"
     line names;
  4. the skeleton builds (with -Werror, as every build) and FAILS every
     graded test, while the lab's smoke tests (lab.ini) still pass; with
     --full, every test of `make test` but the lab's own (lab.ini's
     affected) and lab-check's.

    O=build python3 tools/labs/check.py [--full] [--part solution|mistakes] [LAB...]
    O=build CC=clang python3 tools/labs/check.py --compile-only [LAB...]

--compile-only (make lab-clang) only builds each lab's skeleton, with
$CC, in a build folder of that compiler's own ($O/labcheck/build-clang):
the skeletons must build with clang as well as with GCC.

Part "solution" (2) grades the main tree as built in $O (make all).
Part "mistakes" (3, 4) runs in $O/labcheck/, one tree and build for all
labs (so one lab at a time): the solution is built there once, then each
lab's bug patches and skeleton rebuild only the files they change. The
two parts are independent; make test runs them as the tests lab_solutions
and lab_check, side by side. Each lab's logs are in $O/labcheck/<lab>/.
"""
import argparse
import fnmatch
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import labdef  # noqa: E402
import skeleton  # noqa: E402
import tree  # noqa: E402


def first_difference(machine, a, b):
    """Where two serial logs of one machine part: its first differing line."""
    a, b = a.splitlines(), b.splitlines()
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return "%s: line %d is %r in run 1, %r now" % (
        machine, n + 1, a[n] if n < len(a) else "(end)", b[n] if n < len(b) else "(end)")


PARTS = ("solution", "mistakes")


class Checker:
    def __init__(self, lab, say=print, compiler=""):
        self.lab, self.say = lab, say
        # one tree and build for all labs (one full build), results per lab;
        # another compiler builds in a folder of its own
        top = os.path.join(ROOT, os.environ.get("O") or "build", "labcheck")
        self.tree = os.path.join(top, "tree")
        self.build_dir = os.path.join(top, "build" + ("-" + compiler if compiler else ""))
        self.base = os.path.join(top, lab.name)
        os.makedirs(self.base, exist_ok=True)
        self.problems = []

    def fail(self, msg):
        self.problems.append(msg)
        self.say("  FAIL " + msg)

    def build(self, what):
        log = os.path.join(self.base, "build-%s.log" % what.replace(" ", "-"))
        if tree.build(self.tree, self.build_dir, log):
            return True
        with open(log) as f:
            self.fail("%s does not build:\n    %s" % (what, "\n    ".join(f.read().splitlines()[-15:])))
        return False

    def grade(self, what, run=0, tests=None, main=False):
        """Run the grader of the lab-check tree on its build (of the main
        tree on $O with main=True), on some tests; return ({test: passed},
        score, logs)."""
        res = os.path.join(self.base, "%s-%d.json" % (what.replace(" ", "-"), run))
        logs = res[:-5] + ".logs"
        root, build = (ROOT, os.path.join(ROOT, os.environ.get("O") or "build")) if main \
            else (self.tree, self.build_dir)
        r = subprocess.run([sys.executable, os.path.join(root, "tools/labs/grader.py"),
                            self.lab.name, "--json", res, "--logs", logs]
                           + (["--tests", ",".join(tests)] if tests else []),
                           env=dict(os.environ, O=build), text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if not os.path.exists(res):
            self.fail("%s: the grader wrote no results:\n    %s" % (
                what, "\n    ".join(r.stdout.splitlines()[-12:])))
            return {}, 0, {}
        with open(res) as f:
            data = json.load(f)
        with open(logs) as f:
            machines = json.load(f)
        os.unlink(res)
        return {t["name"]: t["status"] == "passed" for t in data["tests"]}, data["score"], machines

    def static(self):
        lab = self.lab
        for p in skeleton.todo_problems(lab):
            self.fail(p)
        for rel in lab.skeleton_files():
            if rel not in lab.student_files:
                self.fail("the skeleton changes %s, which is not a student file" % rel)
        for name, t in lab.tests.items():
            if not t.hint:
                self.fail("test %s has no hint" % name)
        if not os.path.exists(os.path.join(ROOT, lab.handout)):
            self.fail("no handout %s" % lab.handout)

    def solution(self):
        """Grade the main tree, built in $O, three times."""
        first = None
        for run in range(3):
            passed, score, logs = self.grade("solution", run, main=True)
            if score != self.lab.max_score:
                self.fail("the solution scores %s/%d (run %d): failing %s" % (
                    score, self.lab.max_score, run + 1, [n for n, ok in passed.items() if not ok]))
                return
            if first is None:
                first = logs
            elif logs != first:
                self.fail("run %d's serial logs differ from run 1's: %s" % (
                    run + 1, "; ".join(first_difference(m, first.get(m, ""), logs[m])
                                       for m in logs if logs[m] != first.get(m))))
                return
        self.say("  ok   the solution scores %d/%d three times, identical logs"
                 % (self.lab.max_score, self.lab.max_score))

    def bugs(self, files):
        for path, must_fail in self.lab.bugs():
            name = os.path.basename(path)
            tree.sync(self.tree, files)
            r = subprocess.run(["patch", "-s", "-p1", "-d", self.tree, "-i", path],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if r.returncode:
                self.fail("%s does not apply: %s" % (name, r.stdout.strip()))
                continue
            if not self.build(name):
                continue
            passed, _, _ = self.grade(name, tests=must_fail)
            missed = [t for t in must_fail if passed.get(t, True)]
            if missed:
                self.fail("%s passes %s, which it must fail" % (name, " ".join(missed)))
            else:
                self.say("  ok   %s is caught by %s" % (name, " ".join(must_fail)))

    def skeleton(self, files, full):
        tree.sync(self.tree, files)
        skeleton.apply(self.lab, self.tree)
        if not self.build("the skeleton"):
            return
        passed, score, _ = self.grade("skeleton")
        wrong = [n for n, ok in passed.items() if ok]
        if wrong or score:
            self.fail("the skeleton passes %s (score %s)" % (" ".join(wrong), score))
        else:
            self.say("  ok   the skeleton fails all %d graded tests" % len(passed))
        names = self.lab.smoke
        if full:
            listed = subprocess.run([sys.executable, os.path.join(self.tree, "tests/run.py"),
                                     "--list"], env=dict(os.environ, O=self.build_dir),
                                    stdout=subprocess.PIPE, text=True).stdout.split()
            names = [n for n in listed if not n.startswith("lab_") and
                     not any(fnmatch.fnmatch(n, p) for p in self.lab.affected)]
        if names:
            r = subprocess.run([sys.executable, os.path.join(self.tree, "tests/run.py"), "-j2"]
                               + names, env=dict(os.environ, O=self.build_dir),
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            if r.returncode:
                self.fail("on the skeleton, other tests fail:\n    " + "\n    ".join(
                    l for l in r.stdout.splitlines() if l.startswith("FAIL")))
            else:
                self.say("  ok   on the skeleton: " + r.stdout.strip().splitlines()[-1])


def check_all(names, say, full=False, parts=PARTS):
    """lab-check for the labs in names; the problems. Part "solution"
    grades the main tree, built in $O, three times for each lab; part
    "mistakes" grades each lab's bug patches and skeleton in the lab-check
    tree, which is built once and then rebuilds only the files each of
    them changes. The two parts share nothing, so make test runs them as
    two tests side by side."""
    checkers = [Checker(labdef.load(ROOT, n), say) for n in names]
    if "solution" in parts:
        for c in checkers:
            say("%s:" % c.lab.name)
            c.static()
            c.solution()
    if "mistakes" in parts and checkers:
        files = tree.folder_files(ROOT)
        tree.sync(checkers[0].tree, files)
        if not checkers[0].build("the solution"):
            return checkers[0].problems
        for c in checkers:
            say("%s:" % c.lab.name)
            c.bugs(files)
            c.skeleton(files, full)
        tree.sync(checkers[0].tree, files)
    return [p for c in checkers for p in c.problems]


def compile_all(names, say):
    """--compile-only: build each lab's skeleton with $CC; the problems."""
    files = tree.folder_files(ROOT)
    compiler = os.path.basename(os.environ.get("CC") or "cc")
    problems, c = [], None
    for name in names:
        c = Checker(labdef.load(ROOT, name), say, compiler)
        tree.sync(c.tree, files)
        skeleton.apply(c.lab, c.tree)
        if c.build("the skeleton with " + compiler):
            say("  ok   %s: the skeleton builds with %s" % (name, compiler))
        problems += c.problems
    if c:
        tree.sync(c.tree, files)
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--full", action="store_true", help="run every other test on the skeleton")
    ap.add_argument("--part", choices=PARTS, help="only the solution's grades, or only the mistakes")
    ap.add_argument("--compile-only", action="store_true",
                    help="only build each skeleton, with $CC (make lab-clang)")
    ap.add_argument("labs", nargs="*")
    args = ap.parse_args()
    names, say = args.labs or labdef.names(ROOT), lambda m: print(m, flush=True)
    problems = compile_all(names, say) if args.compile_only else \
        check_all(names, say, args.full, [args.part] if args.part else PARTS)
    print("lab-check: %s" % ("%d problem(s)" % len(problems) if problems else "ok"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
