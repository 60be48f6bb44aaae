"""A lab's definition: labs/<name>/lab.ini read into a Lab (docs/labs/README.md).

    lab = load(root, "syscall")
    lab.student_files, lab.tests["times"].points, lab.gdb["script"]

[lab] says what the student sees and may change; each [test NAME] is a
graded test: the program booted as init (with `cmdline`; no program: the
kernel alone, as for selftest=), and either the TAP cases whose description
matches `cases` (a regex, from the start), or a check function `check` of
labs/<name>/checks.py; or `unit`, a host unit test (tests/unit/test_<unit>.c)
built from the graded tree's sources; [gdb] is the GDB exercise.
"""
import configparser
import os
import re


class LabError(Exception):
    """A lab definition or a command's use is wrong; the message says how."""


class Test:
    def __init__(self, name, section):
        self.name = name
        self.points = int(section.get("points", "0"))
        self.program = section.get("program", "")
        self.cmdline = section.get("cmdline", "")
        self.cases = section.get("cases", "")
        self.check = section.get("check", "")
        self.unit = section.get("unit", "")
        self.hint = " ".join(section.get("hint", "").split())
        if not self.unit and not ((self.program or self.cmdline) and (self.cases or self.check)):
            raise LabError("[test %s] needs unit=, or program= (or cmdline=) and cases= or check="
                           % name)

    @property
    def machine(self):
        """What tells two tests' machines apart: they share one boot."""
        return (self.program, self.cmdline)


class Lab:
    def __init__(self, root, name):
        self.root, self.name = root, name
        self.dir = os.path.join(root, "labs", name)
        path = os.path.join(self.dir, "lab.ini")
        if not os.path.exists(path):
            raise LabError("no lab %r (labs/%s/lab.ini): make lab-list" % (name, name))
        ini = configparser.ConfigParser(interpolation=None)
        ini.read(path)
        main = ini["lab"]
        self.title = main.get("title", name)
        self.handout = main.get("handout", "docs/labs/%s.md" % name)
        # and the written part's answers (rubric.md's questions), handed in too
        self.student_files = main.get("student_files", "").split() + \
            ["labs/%s/answers.md" % name]
        self.functions = [f.strip() for f in " ".join(main.get("functions", "").split()).split(",")
                          if f.strip()]
        self.affected = main.get("affected", "").split()
        self.smoke = main.get("smoke", "").split()
        self.tests = {}
        for sec in ini.sections():
            m = re.match(r"^test\s+(\w+)$", sec)
            if m:
                self.tests[m.group(1)] = Test(m.group(1), ini[sec])
        self.gdb = dict(ini["gdb"]) if ini.has_section("gdb") else None
        if self.gdb:
            self.gdb["hint"] = " ".join(self.gdb.get("hint", "").split())
            self.gdb["points"] = int(self.gdb.get("points", "0"))

    @property
    def max_score(self):
        return sum(t.points for t in self.tests.values()) + (self.gdb["points"] if self.gdb else 0)

    def skeleton_files(self):
        """The tree paths the skeleton changes (labs/<name>/skeleton/<path>.skel:
        not .c files, which tools would take for sources of the tree)."""
        top = os.path.join(self.dir, "skeleton")
        found = []
        for d, _, files in os.walk(top):
            found += [os.path.relpath(os.path.join(d, f), top)[:-len(".skel")] for f in files
                      if f.endswith(".skel")]
        return sorted(found)

    def bugs(self):
        """[(path, names of the tests it must fail)] for labs/<name>/bugs/*.patch;
        the header names them in a line "Fails: test test ..."."""
        top = os.path.join(self.dir, "bugs")
        out = []
        for f in sorted(os.listdir(top)) if os.path.isdir(top) else []:
            if f.endswith(".patch"):
                path = os.path.join(top, f)
                with open(path) as fh:
                    m = re.search(r"^Fails:\s*(.+)$", fh.read(), re.M)
                if not m:
                    raise LabError("%s has no 'Fails:' line" % path)
                out.append((path, m.group(1).split()))
        return out

    def hints(self):
        """The staged hints of labs/<name>/hints.md: its '## ' sections."""
        path = os.path.join(self.dir, "hints.md")
        if not os.path.exists(path):
            return []
        with open(path) as f:
            parts = re.split(r"^## ", f.read(), flags=re.M)[1:]
        return ["## " + p.strip() for p in parts]


def names(root):
    """Every lab in the tree, in the order of labs/ORDER (then by name)."""
    top = os.path.join(root, "labs")
    found = sorted(d for d in os.listdir(top) if os.path.exists(os.path.join(top, d, "lab.ini"))) \
        if os.path.isdir(top) else []
    order_file = os.path.join(top, "ORDER")
    order = open(order_file).read().split() if os.path.exists(order_file) else []
    return [n for n in order if n in found] + [n for n in found if n not in order]


def load(root, name):
    return Lab(root, name)
