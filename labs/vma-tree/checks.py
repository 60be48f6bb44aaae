"""The vma-tree lab's check functions (lab.ini's check = NAME): each gets a
machine's serial log, its user output and init's exit status, and returns
the problems ([] when the test passed). host_model reads none of them: it
runs the graded tree's mm/vma.c on the host, where the kernel under test
cannot answer for itself."""
import os
import subprocess

import unittests
from harness import ROOT, build_dir

STEPS = "4000"      # seeded random operations (test_vma's default is 30,000)


def host_model(serial, output, status):
    """tests/unit/test_vma.c over this tree's mm/vma.c and lib/rbtree.c:
    the tree's shape and every rb_subtree_gap, find_vma and both
    vm_unmapped_area searches against a sorted array of ranges."""
    out = os.path.join(build_dir(), "tests", "unit", "lab_vma_model")
    os.makedirs(out, exist_ok=True)
    flags = unittests.CFLAGS + unittests.include_flags(build_dir())
    objects = []
    for src in ("mm/vma.c", "lib/rbtree.c", "tests/unit/test_vma.c", "tests/unit/host.c"):
        obj = os.path.join(out, os.path.basename(src) + ".o")
        objects.append(obj)
        if os.path.exists(obj) and os.path.getmtime(obj) > os.path.getmtime(os.path.join(ROOT, src)):
            continue        # lab-check grades many trees: compile only what changed
        r = subprocess.run(["gcc", *flags, "-c", src, "-o", obj], cwd=ROOT, text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        if r.returncode:
            return ["%s does not compile on the host:\n  %s" % (src, r.stdout[-1500:])]
    exe = os.path.join(out, "test_vma")
    r = subprocess.run(["gcc", *unittests.CFLAGS, *objects, "-o", exe], cwd=ROOT, text=True,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if r.returncode:
        return ["linking the host model test failed:\n  " + r.stdout[-1500:]]
    try:
        r = unittests.run_i386([exe, STEPS], dict(os.environ, **unittests.RUN_ENV), 120)
    except subprocess.TimeoutExpired:
        return ["the host model test (tests/unit/test_vma.c) ran for 120 s: a loop in the tree?"]
    lines = r.stdout.splitlines()
    summary = [l for l in lines if l.endswith(" failed") and " checks, " in l]
    if r.returncode == 0 and summary and summary[-1].endswith(" 0 failed"):
        return []
    bad = [l.strip() for l in lines if l.strip() and l not in summary][:6]
    return ["the host model test (tests/unit/test_vma.c, %s steps) failed: %s" % (
        STEPS, summary[-1] if summary else "it crashed (exit %d)" % r.returncode)] + bad
