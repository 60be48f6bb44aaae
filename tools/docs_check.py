#!/usr/bin/env python3
"""Docs that cannot drift: check README.md, docs/*.md and docs/labs/*.md
against the tree.

    python3 tools/docs_check.py [--build DIR] [--tests NAME...]

Prints one line per problem ("FILE:LINE: what") and exits 1 if there is
any. `make test` runs it (the test docs_check). What it checks:

- paths: a backquoted tree path (`mm/mmap.c`, `user/sh/`) and a relative
  Markdown link exist. A path counts when its first folder is one of the
  tree's and it has an extension or a trailing slash (`kernel/threads-max`
  is a sysctl, not a file); paths under build/ and with a placeholder in
  capitals (`tests/unit/test_NAME.c`) are not checked. A link's
  `#anchor` into a page of the docs names one of its headings (as
  GitHub makes anchors: lower case, punctuation dropped, spaces to -).
- identifiers: a backquoted C identifier (`dup_mmap`, `copy_thread()`)
  occurs in a tracked file other than the docs themselves, in a file the
  build generates, is the name of a test, or is listed in
  docs/outside-names.txt (names from Linux, the CPU, GDB and other tools
  that the docs mention for comparison).
- GDB transcripts: in a fenced block, a location ("... at mm/mmap.c:42")
  names a file of the tree with that many lines and a function the file
  mentions, and each source line GDB printed ("42<TAB>text") is the
  file's line 42 today.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = ["README.md"] + sorted(os.path.relpath(p, ROOT)
                              for p in glob.glob(os.path.join(ROOT, "docs", "*.md")) +
                              glob.glob(os.path.join(ROOT, "docs", "labs", "*.md")))
OUTSIDE = "docs/outside-names.txt"

INLINE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")
ANCHOR = re.compile(r"\]\(([^)#\s]*\.md)?#([^)\s]+)\)")
HEADING = re.compile(r"^#+ (.*)$")
IDENT = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(\(\))?$")
WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
PATHLIKE = re.compile(r"^[\w.+-]+(/[\w.+-]*)+$")
PLACEHOLDER = re.compile(r"(^|[^A-Za-z])(NAME|NNN|N|X|DIR|FILE|PATH|LAB)([^A-Za-z]|$)")
LOCATION = re.compile(r"(?:^|[\s(])(?:(\w+) \(.*?\) )?at ([\w/.+-]+\.(?:c|h|asm|S|inc|lds)):(\d+)")
SOURCE_LINE = re.compile(r"^(\d+)\t(.*)$")
HEX = re.compile(r"^(0x)?[0-9a-f]+$")
SYSCALL_DEFINE = re.compile(r"\bSYSCALL_DEFINE\d\((\w+)")
ESCAPE = re.compile(r"\\[ntr]")    # "\nTgid:" in a format string is "Tgid"


def tracked():
    out = subprocess.run(["git", "ls-files"], cwd=ROOT, text=True,
                         stdout=subprocess.PIPE, check=True).stdout.split("\n")
    return [f for f in out if f]


def read_lines(path):
    with open(path, errors="replace") as f:
        return f.read().split("\n")


def vocabulary(files, build, test_names):
    """Every identifier-like word in the tree outside the docs, in the
    build's generated text, the test names and the outside names."""
    words = set(test_names)
    sources = [os.path.join(ROOT, f) for f in files
               if not (f.endswith(".md") and (f.startswith("docs/") or "/" not in f))
               and os.path.splitext(f)[1] not in (".png", ".svg", ".gz", ".jpg", ".psf")]
    for sub in ("include/generated", "docs", "user/include"):
        for dirpath, _, names in os.walk(os.path.join(build, sub)):
            sources += [os.path.join(dirpath, n) for n in names
                        if n.endswith((".c", ".h", ".inc", ".txt"))]
    for path in sources:
        if os.path.isfile(path):
            with open(path, errors="replace") as f:
                text = ESCAPE.sub(" ", f.read())
            words.update(WORD.findall(text))
            for name in SYSCALL_DEFINE.findall(text):
                words.update(p + "_" + name for p in ("sys", "SyS", "SYSC"))
    outside = os.path.join(ROOT, OUTSIDE)
    if os.path.exists(outside):
        for line in read_lines(outside):
            words.update(line.split("#")[0].split())
    return words


def tree_path(files, dirs, path):
    """(checked, exists) for a path relative to the tree's top."""
    path = path.rstrip(":.,")
    top = path.split("/")[0]
    if top not in dirs or top == "build" or PLACEHOLDER.search(path):
        return False, True
    if path.endswith("/"):
        return True, path.rstrip("/") in dirs
    if "." not in os.path.basename(path):
        return path in files or path in dirs, True
    return True, path in files


def defines(func, text):
    """Does text define func, itself or through SYSCALL_DEFINEn?"""
    m = re.match(r"(?:sys|SyS|SYSC)_(\w+)$", func)
    return func in text or bool(m and re.search(r"SYSCALL_DEFINE\d\(%s\b" % m.group(1), text))


def check_fence(doc, first, block, dirs, problems):
    """A fenced block: its GDB locations and printed source lines."""
    current, lines = None, None
    for i, line in enumerate(block):
        where = "%s:%d" % (doc, first + i)
        m = LOCATION.search(line)
        if m:
            func, path, n = m.group(1), m.group(2), int(m.group(3))
            if path.split("/")[0] not in dirs:
                current = None      # not a file of the tree (gnu-efi's, say)
                continue
            full = os.path.join(ROOT, path)
            if not os.path.isfile(full):
                problems.append("%s: GDB location %s:%d: no such file" % (where, path, n))
                current = None
                continue
            current, lines = path, read_lines(full)
            if n > len(lines):
                problems.append("%s: GDB location %s:%d: the file has %d lines"
                                % (where, path, n, len(lines)))
            # (a header's line belongs to a function inlined into func)
            if func and not path.endswith(".h") and not defines(func, "\n".join(lines)):
                problems.append("%s: GDB location: %s is not in %s" % (where, func, path))
            continue
        m = SOURCE_LINE.match(line)
        if m and current:
            n, shown = int(m.group(1)), m.group(2)
            actual = lines[n - 1] if 0 < n <= len(lines) else None
            if actual is None or " ".join(actual.split()) != " ".join(shown.split()):
                problems.append("%s: GDB shows %s:%d as %r; the file has %r"
                                % (where, current, n, shown.strip()[:60],
                                   (actual or "").strip()[:60]))


def anchors(doc, cache={}):
    """The anchors of a page's headings (outside fenced blocks)."""
    if doc not in cache:
        found, fenced = set(), False
        for line in read_lines(os.path.join(ROOT, doc)):
            if line.lstrip().startswith("```"):
                fenced = not fenced
            m = HEADING.match(line)
            if m and not fenced:
                found.add(re.sub(r"[^\w\- ]", "", m.group(1).strip().lower()).replace(" ", "-"))
        cache[doc] = found
    return cache[doc]


def check_doc(doc, files, dirs, words, problems):
    text = read_lines(os.path.join(ROOT, doc))
    fence = None
    for i, line in enumerate(text, 1):
        if line.lstrip().startswith("```"):
            if fence is None:
                fence = (i + 1, [])
            else:
                check_fence(doc, fence[0], fence[1], dirs, problems)
                fence = None
            continue
        if fence is not None:
            fence[1].append(line)
            continue
        for m in LINK.finditer(line):
            target = m.group(1)
            if "://" in target or target.startswith("mailto:"):
                continue
            rel = os.path.normpath(os.path.join(os.path.dirname(doc), target))
            checked, ok = tree_path(files, dirs, rel)
            if checked and not ok:
                problems.append("%s:%d: link to %s: no such file" % (doc, i, target))
        for m in ANCHOR.finditer(line):
            page = os.path.normpath(os.path.join(os.path.dirname(doc), m.group(1))) \
                if m.group(1) else doc
            if os.path.exists(os.path.join(ROOT, page)) and m.group(2) not in anchors(page):
                problems.append("%s:%d: link to %s#%s: no such heading"
                                % (doc, i, m.group(1) or "", m.group(2)))
        for m in INLINE.finditer(line):
            token = m.group(1).strip()
            if PATHLIKE.match(token):
                checked, ok = tree_path(files, dirs, token)
                if checked and not ok:
                    problems.append("%s:%d: `%s`: no such path in the tree" % (doc, i, token))
                continue
            m2 = IDENT.match(token)
            if not m2 or HEX.match(token) or PLACEHOLDER.search(token):
                continue
            if m2.group(1) not in words:
                problems.append("%s:%d: `%s`: not found in the tree" % (doc, i, token))


def check(build, test_names):
    files = tracked()
    dirs = {os.path.dirname(f) for f in files}
    for d in list(dirs):
        while d:
            d = os.path.dirname(d)
            dirs.add(d)
    dirs.discard("")
    dirs.add("build")
    file_set = set(files)
    words = vocabulary(files, build, test_names)
    problems = []
    for doc in DOCS:
        check_doc(doc, file_set, dirs, words, problems)
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--build", default=os.path.join(ROOT, os.environ.get("O") or "build"))
    ap.add_argument("--tests", nargs="*", default=[], help="the test names (tests/run.py --list)")
    args = ap.parse_args()
    problems = check(args.build, args.tests)
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
