"""A lab's skeleton: replacements of whole functions, lines or files.

labs/<lab>/skeleton/<path>.skel describes how the skeleton's <path> differs
from the tree's (the complete solution) as chunks, each a header line and
the text that replaces what it names:

    @@ function NAME      the C function NAME's definition, with the comment
                          just above it
    @@ syscall NAME       SYSCALL_DEFINEn(NAME, ...), with its comment
    @@ line REGEX         the one line that matches REGEX
    @@ file               the whole file (the only chunk)

Every replacement must carry a TODO(<lab>) comment (lab-check checks).
"""
import os
import re

from labdef import LabError

HEADER = re.compile(r"^@@ (function|syscall|line|file)(?: (.+))?$")


def chunks(text):
    """[(kind, arg, replacement text)] of a skeleton file."""
    out = []
    for line in text.splitlines(keepends=True):
        m = HEADER.match(line.rstrip("\n"))
        if m:
            out.append([m.group(1), m.group(2) or "", ""])
        elif out:
            out[-1][2] += line
        elif line.strip():
            raise LabError("skeleton text before the first @@ line: %r" % line)
    return [tuple(c) for c in out]


def _comment_start(lines, i):
    """The first line of the comment that ends just above line i (or i)."""
    j = i - 1
    if j >= 0 and lines[j].rstrip().endswith("*/"):
        while j >= 0 and not lines[j].lstrip().startswith("/*"):
            j -= 1
        return j if j >= 0 else i
    return i


def _body_end(lines, i):
    """The line with the closing brace of the body that starts at line i."""
    depth, seen = 0, False
    for j in range(i, len(lines)):
        code = re.sub(r'"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'|/\*.*?\*/|//.*', "", lines[j])
        for ch in code:
            if ch == "{":
                depth, seen = depth + 1, True
            elif ch == "}":
                depth -= 1
                if seen and depth == 0:
                    return j
        if not seen and code.rstrip().endswith(";"):
            return None                 # a declaration, not a definition
    return None


def find_function(lines, kind, name):
    """(first, last) line of the definition (comment included); None if absent."""
    if kind == "syscall":
        rx = re.compile(r"^SYSCALL_DEFINE\d\(%s\b" % re.escape(name))
    else:
        rx = re.compile(r"^[A-Za-z_][\w\s\*]*?\b%s\s*\(" % re.escape(name))
    for i, line in enumerate(lines):
        if rx.match(line) and not line.startswith(("#", "typedef")):
            end = _body_end(lines, i)
            if end is not None:
                return _comment_start(lines, i), end
    return None


def apply_text(text, skeleton_text, where):
    """The file text with the skeleton's chunks applied."""
    lines = text.splitlines(keepends=True)
    for kind, arg, repl in chunks(skeleton_text):
        if kind == "file":
            return repl
        if kind == "line":
            hits = [i for i, l in enumerate(lines) if re.search(arg, l)]
            if len(hits) != 1:
                raise LabError("%s: @@ line %s matches %d lines, not 1" % (where, arg, len(hits)))
            lines[hits[0]:hits[0] + 1] = [repl]
            continue
        span = find_function(lines, kind, arg)
        if not span:
            raise LabError("%s: no %s %s to replace (has the tree changed?)" % (where, kind, arg))
        lines[span[0]:span[1] + 1] = [repl]
    return "".join(lines)


def apply(lab, tree):
    """Apply lab's skeleton to the files under tree (in place); return the
    paths changed."""
    changed = []
    for rel in lab.skeleton_files():
        with open(os.path.join(lab.dir, "skeleton", rel + ".skel")) as f:
            skel = f.read()
        path = os.path.join(tree, rel)
        old = open(path).read() if os.path.exists(path) else ""
        new = apply_text(old, skel, rel)
        if new != old:
            with open(path, "w") as f:
                f.write(new)
            changed.append(rel)
    return changed


def todo_problems(lab):
    """Chunks without a TODO(<lab>) comment."""
    found = []
    for rel in lab.skeleton_files():
        with open(os.path.join(lab.dir, "skeleton", rel + ".skel")) as f:
            for kind, arg, repl in chunks(f.read()):
                if "TODO(%s)" % lab.name not in repl:
                    found.append("%s: @@ %s %s has no TODO(%s)" % (rel, kind, arg, lab.name))
    return found
