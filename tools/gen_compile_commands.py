#!/usr/bin/env python3
"""Write compile_commands.json, the compilation database from which clangd
(VS Code, Vim, Emacs), CLion and clang-tidy learn how each file is
compiled: its flags, defines and include paths.

Linux: scripts/clang-tools/gen_compile_commands.py, which reads the .cmd
files a build leaves beside each object. yomi's Makefile keeps no such
files, so this reads the commands that `make -n -B` prints for a full
build instead (`make compile_commands.json` runs it that way): every
compiler command there that names a .c or .S file becomes that file's
entry (and every gcc command: user/glibc/'s programs are built with gcc
whatever the compiler). The host unit tests (tests/unit/) are compiled by
tests/unittests.py, not by make; their entries use its flags.

    make -nB O=build CC=clang all | gen_compile_commands.py --cc clang --build build -o FILE
"""
import argparse
import glob
import json
import os
import shlex
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE_SUFFIXES = (".c", ".S")
LINK_ONLY = {"-shared", "-nostdlib", "-static"}


SHELL_OPERATORS = ("|", ">", ">>", "&&", "||", ";")


def is_source(word):
    return not word.startswith("-") and word.endswith(SOURCE_SUFFIXES)


def make_entries(lines, cc):
    """{file: entry} for the compiler commands among make's lines. A file
    compiled twice (the vDSO, once per entry method; kernel/sys.c, also
    preprocessed for the docs) keeps its first object-making (-c) command."""
    entries = {}
    for line in lines:
        try:
            words = shlex.split(line)
        except ValueError:          # not a command this parser needs
            continue
        if not words or words[0] not in (cc, "gcc"):   # user/glibc/: always gcc
            continue
        for i, w in enumerate(words):      # the compiler's part of a pipeline
            if w in SHELL_OPERATORS:
                words = words[:i]
                break
        for src in filter(is_source, words):
            old = entries.get(src)
            if old and ("-c" in old["arguments"] or "-c" not in words):
                continue
            args = [w for w in words if w == src or not is_source(w)]
            entries[src] = entry(src, args if "-c" in args else compile_only(args, src))
    return entries


def compile_only(args, src):
    """A compile-and-link command (the vDSO's) as the compile of its one
    source: without the linker's flags and the output, with -c."""
    out, words = [], iter(args)
    for w in words:
        if w == "-o":
            next(words)
        elif not w.startswith("-Wl,") and w not in LINK_ONLY and w != src:
            out.append(w)
    return out + ["-c", src]


def entry(src, arguments):
    e = {"directory": ROOT, "file": os.path.join(ROOT, src), "arguments": arguments}
    if "-o" in arguments[:-1]:
        e["output"] = os.path.join(ROOT, arguments[arguments.index("-o") + 1])
    return e


def unit_test_entries(build):
    """The host unit tests' files, with tests/unittests.py's flags."""
    sys.path.insert(0, os.path.join(ROOT, "tests"))
    sys.dont_write_bytecode = True
    import unittests
    flags = ["gcc", *unittests.CFLAGS, *unittests.include_flags(build)]
    files = sorted(glob.glob(os.path.join(ROOT, "tests", "unit", "**", "*.c"), recursive=True))
    return {src: entry(src, flags + ["-c", src])
            for src in (os.path.relpath(f, ROOT) for f in files)}


def musl_entries():
    """The Debian suite's musl program (tests/system/test_debian.py builds
    it at test time, outside make): the host compiler alone, no header."""
    flags = ["gcc", "-m32", "-march=i686", "-O2", "-nostdinc", "-fno-pie", "-Wall", "-Wextra",
             "-Werror"]
    files = sorted(glob.glob(os.path.join(ROOT, "tests", "system", "debian", "*.c")))
    return {src: entry(src, flags + ["-c", src])
            for src in (os.path.relpath(f, ROOT) for f in files)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cc", required=True, help="the compiler make was given")
    ap.add_argument("--build", required=True, help="the build folder (make's O=)")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()
    entries = make_entries(sys.stdin, args.cc)
    entries.update(unit_test_entries(args.build))
    entries.update(musl_entries())
    with open(args.output, "w") as f:
        json.dump(sorted(entries.values(), key=lambda e: e["file"]), f, indent=1)
        f.write("\n")
    print("  GEN     %s (%d files)" % (args.output, len(entries)))


if __name__ == "__main__":
    main()
