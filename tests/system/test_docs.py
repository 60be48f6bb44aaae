"""The docs against the tree. docs_names: every row of docs/names.md (the
Linux names the lessons use) is where the table says, and each function
has its own symbol in yomi.elf (or the vDSO), so `break NAME` works.
docs_check: tools/docs_check.py finds no backquoted path or identifier
that the tree no longer has, and no GDB transcript whose source lines
differ from the files."""
import os
import re
import subprocess
import sys

import harness
import unittests
from harness import ROOT, check, test

ROW = re.compile(r"^\| `([^`]+)` \| `([^`]+)` \|")


def symbols(path):
    out = subprocess.run(["nm", path], text=True, stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL).stdout
    return {line.split()[-1] for line in out.splitlines() if len(line.split()) == 3}


def defines(text, name):
    """Does the file's text define name (a macro, a struct, a function or data)?"""
    if name.startswith("struct "):
        return name + " {" in text
    m = re.match(r"(sys|SyS|SYSC)_(\w+)$", name)
    if m and re.search(r"SYSCALL_DEFINE\d\(%s\b" % m.group(2), text):
        return True     # made by the macro (docs/syscalls.md)
    return re.search(r"(#define\s+%s\b|\b%s\s*(\(|\[|=|;|:|$))" % (re.escape(name), re.escape(name)),
                     text, re.M) is not None


@test(cost=0.5)
def test_docs_names(t):
    with open(os.path.join(ROOT, "docs", "names.md")) as f:
        rows = [m.groups() for m in map(ROW.match, f) if m]
    check(len(rows) > 50, "docs/names.md has %d rows" % len(rows))
    kernel = symbols(t.elf)
    vdso = symbols(os.path.join(t.build, "arch/x86/vdso/vdso32-sysenter.so.dbg"))
    problems = []
    for name, path in rows:
        full = os.path.join(t.build, path[len("build/"):]) if path.startswith("build/") \
            else os.path.join(ROOT, path)
        bare = name[:-2] if name.endswith("()") else name
        if not os.path.exists(full):
            problems.append("%s: %s does not exist" % (name, path))
            continue
        with open(full, errors="replace") as f:
            if not defines(f.read(), bare):
                problems.append("%s is not defined in %s" % (name, path))
        if name.endswith("()"):
            table = vdso if path == "arch/x86/vdso/vdso32.S" else kernel
            if bare not in table:
                problems.append("%s has no symbol of its own" % name)
    t.log = "\n".join(problems)
    check(not problems, "%d names: %s" % (len(problems), "; ".join(problems[:5])))
    t.note = "%d names" % len(rows)


@test(cost=1)
def test_docs_check(t):
    names = [x.name for x in unittests.collect() + harness.REGISTRY]
    r = subprocess.run(["python3", os.path.join(ROOT, "tools", "docs_check.py"),
                        "--build", t.build, "--tests"] + names,
                       cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    t.log = r.stdout
    problems = r.stdout.strip().split("\n") if r.stdout.strip() else []
    check(r.returncode == 0, "%d problems, first: %s" % (len(problems), "; ".join(problems[:3])))


@test(cost=0.2)
def test_docs_sessions(t):
    """Every session shown in README.md and docs/ carries a marker saying
    how `make docs` makes it again (tools/docs_sessions.py --check)."""
    r = subprocess.run([sys.executable, os.path.join(ROOT, "tools", "docs_sessions.py"), "--check"],
                       cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    t.log = r.stdout
    check(r.returncode == 0, r.stdout.strip().split("\n")[0])
    t.note = r.stdout.strip().split("\n")[-1]
