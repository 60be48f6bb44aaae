#!/usr/bin/env python3
"""Teacher tools (docs/labs/README.md):

    teacher.py autograder LAB   make gradescope-autograder LAB=: $O/autograder-LAB.zip
    teacher.py workflow LAB     make classroom-workflow LAB=: .github/workflows/classroom-LAB.yml
    teacher.py export LAB DIR   make lab-export LAB= DIR=: a template repository for students

The autograder zip holds Gradescope's setup.sh (host packages:
tools/hostdeps.sh, no KVM), run_autograder, and source/: this tree with
the lab's skeleton applied (no solution inside). run_autograder grades
/autograder/submission - the student files at their paths, or a
`make handin` zip - offline, into /autograder/results/results.json.
"""
import os
import re
import subprocess
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True
sys.path.insert(0, HERE)
import labdef  # noqa: E402
import skeleton  # noqa: E402
import tree  # noqa: E402
from lab import TRAILER  # noqa: E402

# Gradescope unpacks the zip into /autograder/source and runs its
# setup.sh there, then copies run_autograder to /autograder: the tree is
# source/ beside the script in the zip, /autograder/source/source from
# /autograder.
FIND_TREE = """here=$(cd "$(dirname "$0")" && pwd)
src=$here/source
[ -f "$src/tools/labs/lab.py" ] || src=$here/source/source
"""

SETUP = """#!/usr/bin/env bash
# Gradescope runs this once, as root, when the image is built.
set -e
""" + FIND_TREE + """apt-get update
apt-get install -y make python3 git zip unzip patch
cd "$src"
bash tools/hostdeps.sh
"""

RUN = """#!/usr/bin/env bash
# Gradescope runs this for each submission: the student files come from
# /autograder/submission (at their tree paths, or inside a handin zip).
# SUBMISSION= and RESULTS= point elsewhere, to try it on any machine.
set -u
""" + FIND_TREE.replace("{", "{{").replace("}", "}}") + """sub=${{SUBMISSION:-/autograder/submission}}
results=${{RESULTS:-/autograder/results}}
zip=$(ls "$sub"/handin-*.zip 2>/dev/null | head -1)
if [ -n "$zip" ]; then
	tmp=$(mktemp -d) && unzip -o -q "$zip" -d "$tmp" && sub=$tmp
fi
mkdir -p "$results"
cd "$src"
O=${{O:-/tmp/yomi-grade}} python3 tools/labs/lab.py submission {lab} "$sub" \\
	--json "$results/results.json"
exit 0
"""


def skeleton_tree(lab):
    """{path: (bytes, exec)} of this tree with the lab's skeleton applied."""
    files = tree.folder_files(ROOT)
    tmp = os.path.join(ROOT, os.environ.get("O") or "build", "autograder-tree")
    tree.sync(tmp, files)
    skeleton.apply(lab, tmp)
    return tree.folder_files(tmp)


def autograder(lab):
    out = os.path.join(ROOT, os.environ.get("O") or "build", "autograder-%s.zip" % lab.name)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("setup.sh", SETUP), ("run_autograder", RUN.format(lab=lab.name))):
            info = zipfile.ZipInfo(name)
            info.external_attr = 0o755 << 16
            z.writestr(info, text)
        for rel, (data, mode) in sorted(skeleton_tree(lab).items()):
            info = zipfile.ZipInfo("source/" + rel)
            info.external_attr = (0o755 if mode else 0o644) << 16
            z.writestr(info, data)
    print("autograder: %s (upload it to Gradescope; grades offline)" % out)
    return out


WORKFLOW = """# GitHub Classroom autograding for the {lab} lab (make classroom-workflow LAB={lab}):
# one step per graded test, so each earns its points on its own.
name: classroom-{lab}
on: [push, workflow_dispatch]
permissions:
  checks: write
  actions: read
  contents: read
jobs:
  grade:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - name: host packages
        run: sudo bash tools/hostdeps.sh
{steps}      - name: report
        uses: classroom-resources/autograding-grading-reporter@v1
        env:
{env}        with:
          runners: {runners}
"""

STEP = """      - name: {test}
        id: {test}
        uses: classroom-resources/autograding-command-grader@v1
        with:
          test-name: {test}
          command: make grade LAB={lab} T={test}
          timeout: 30
          max-score: {points}
"""


def workflow(lab):
    tests = [(n, t.points) for n, t in lab.tests.items()]
    if lab.gdb:
        tests.append(("gdb", lab.gdb["points"]))
    steps = "".join(STEP.format(test=n, lab=lab.name, points=p) for n, p in tests)
    env = "".join("          %s_RESULTS: \"${{steps.%s.outputs.result}}\"\n" % (n.upper(), n)
                  for n, _ in tests)
    text = WORKFLOW.format(lab=lab.name, steps=steps, env=env,
                           runners=",".join(n for n, _ in tests))
    path = os.path.join(ROOT, ".github", "workflows", "classroom-%s.yml" % lab.name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    print("workflow: %s (commit it to the assignment's template repository)"
          % os.path.relpath(path, ROOT))
    return path


# what a template repository leaves out: every lab's typical mistakes,
# which are diffs against the solution (the rubrics stay: they are the
# written questions, with their points)
TEACHER_ONLY = re.compile(r"^labs/[^/]+/bugs/")


def export(lab, dest):
    """A template repository for the lab, to hand to students (GitHub
    Classroom's template, or a plain clone): this tree with the skeleton
    applied, as the one commit lab-start would make, on branch lab/<name>,
    without the history (the solution) or the bug patches. Other labs'
    functions stay complete there, as in xv6's lab branches."""
    if os.path.exists(dest) and os.listdir(dest):
        sys.exit("lab-export: %s is not empty" % dest)
    files = {rel: v for rel, v in skeleton_tree(lab).items() if not TEACHER_ONLY.match(rel)}
    tree.sync(dest, files)
    who = [] if tree.git(ROOT, "config", "user.email", check=False) else \
        ["-c", "user.name=yomi lab-export", "-c", "user.email=lab-export@yomi.invalid"]
    for args in (["init", "-q", "-b", "lab/" + lab.name], ["add", "-A"],
                 who + ["commit", "-q", "-m", "lab-start %s: the skeleton\n\n%s%s"
                        % (lab.name, TRAILER, lab.name)]):
        subprocess.run(["git", "-C", dest] + args, check=True)
    print("template repository: %s (branch lab/%s; make classroom-workflow LAB=%s there "
          "adds the autograding workflow)" % (dest, lab.name, lab.name))
    return dest


def main():
    commands = {"autograder": 3, "workflow": 3, "export": 4}
    if len(sys.argv) < 2 or commands.get(sys.argv[1]) != len(sys.argv):
        sys.exit(__doc__)
    lab = labdef.load(ROOT, sys.argv[2])
    if sys.argv[1] == "export":
        export(lab, os.path.abspath(sys.argv[3]))
    else:
        (autograder if sys.argv[1] == "autograder" else workflow)(lab)
    return 0


if __name__ == "__main__":
    sys.exit(main())
