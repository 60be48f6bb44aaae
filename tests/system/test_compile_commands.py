"""`make compile_commands.json` (tools/gen_compile_commands.py), in the
shared temporary build folder (builds.py; the target builds the kernel,
from which the fuzzer's header is made): every C and assembler source of the tree (git
ls-files '*.c' '*.S') has an entry, and each different C command (the
kernel's, the vDSO's, the C library's, each user test's, the unit
tests') parses a file it names without an error (-fsyntax-only; not
tests/unit/compile_fail/, whose files must not compile), so the flags and
include paths are the ones that work. clangd
itself, the editors' server, then opens a kernel file and a user test
without an error."""
import json
import os
import shutil
import subprocess

from harness import ROOT, check, once, test
from system.builds import SELFTEST_CMDLINE, first_error, folder_of, make, selftest_iso

CLANGD_FILES = ["mm/mmap.c", "user/tests/mmap.c"]
# what a syntax check must not be given: the object, and dependency files
# that would land in the tree
NOT_FOR_SYNTAX = {"-c", "-MMD", "-MP"}


def database(t):
    """The entries of the database (made once for both tests)."""
    def generate():
        selftest_iso(t)
        rc, log = make(None, "compile_commands.json", cmdline=SELFTEST_CMDLINE)
        if rc:
            return rc, log, None
        with open(os.path.join(folder_of("shared")[0], "compile_commands.json")) as f:
            return rc, log, json.load(f)
    rc, t.log, entries = once("compile-commands", generate)
    check(rc == 0, "make compile_commands.json failed (exit %d): %s" % (rc, first_error(t.log)))
    return entries


def syntax_command(entry):
    """The entry's command for a syntax check, without its file."""
    args, out = [], iter(entry["arguments"])
    for a in out:
        if a == "-o":
            next(out)
        elif a not in NOT_FOR_SYNTAX and os.path.join(entry["directory"], a) != entry["file"]:
            args.append(a)
    return tuple(args + ["-fsyntax-only"])


@test(cost=0.25)      # late: it waits for the shared build
def test_compile_commands(t):
    entries = database(t)
    files = {os.path.relpath(e["file"], ROOT) for e in entries}
    tracked = subprocess.run(["git", "ls-files", "*.c", "*.S"], cwd=ROOT, text=True,
                             stdout=subprocess.PIPE, check=True).stdout.split()
    missing = sorted(set(tracked) - files)
    check(not missing, "no entry for %d files: %s" % (len(missing), " ".join(missing[:8])))
    groups = {}
    for e in entries:
        # generated sources exist after a build only; compile_fail/ must
        # fail; -fsyntax-only checks nothing in assembler (.S)
        if os.path.exists(e["file"]) and e["file"].endswith(".c") and \
                "/compile_fail/" not in e["file"]:
            groups.setdefault(syntax_command(e), []).append(e["file"])
    for command, sources in groups.items():      # the files of a group share every flag
        r = subprocess.run(list(command) + sources[:1], cwd=ROOT, text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        t.log = r.stdout
        check(r.returncode == 0, "%s -fsyntax-only fails on its files: %s"
              % (command[0], first_error(r.stdout)))
    t.note = "%d files" % len(entries)


@test(cost=0.25)
def test_clangd_check(t):
    check(shutil.which("clangd"), "clangd is not installed")
    database(t)
    for f in CLANGD_FILES:
        r = subprocess.run(["clangd", "--compile-commands-dir=" + folder_of("shared")[0],
                            "--check=" + os.path.join(ROOT, f)], cwd=ROOT, text=True,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
        t.log = r.stdout
        check("All checks completed, 0 errors" in r.stdout,
              "clangd --check=%s: %s" % (f, first_error(r.stdout)))
