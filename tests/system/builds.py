"""Kernel builds that system tests share. `make` runs in a temporary build
folder (O=<tmp>), never in the tree's own, with CMDLINE baked into the
ISO; one make at a time in each folder. The first build in the shared
folder is a full one, done once: the ISO it makes (CMDLINE=selftest=mm,
LOADER=grub) is kept as selftest.iso, whose boot ends by itself with the
self-checks' status whatever init does, and which boots UEFI through GRUB
(the tree's own ISO boots UEFI through yomi-efi). The compiler is the one
`make test` was given (CC=clang reaches these builds too), unless a test
asks for another in a folder of its own."""
import os
import shutil
import subprocess
import tempfile
import threading

from harness import ROOT, Failure, at_end, once

SELFTEST_CMDLINE = "selftest=mm panic=-1"


def make(t, *targets, cmdline, timeout=600, folder="shared", cc=None):
    """Run make in a temporary folder (by default the shared one),
    standard input /dev/null; return (exit status, output). The output is
    kept for t's failure report (t may be None). cc: the compiler
    (default: make test's)."""
    out, lock = folder_of(folder)
    cc = cc or os.environ.get("CC")
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "O", "CMDLINE", "CC", "LOADER")}
    args = ["make", "O=" + out, *targets, "CMDLINE=" + cmdline] + (["CC=" + cc] if cc else [])
    with lock, open(os.devnull) as devnull:
        r = subprocess.run(args, cwd=ROOT, env=env, stdin=devnull, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout)
    log = r.stdout.decode("utf-8", "replace").replace("\r", "")
    if t:
        t.log = log
    return r.returncode, log


def folder_of(name):
    """A temporary build folder for the name (made once, removed at the
    end), and the lock that lets one make at a time run in it."""
    def make_dir():
        d = tempfile.mkdtemp(prefix="yomi-tests-build-")
        at_end(lambda: shutil.rmtree(d, ignore_errors=True))
        return d, threading.Lock()
    return once("make-dir:" + name, make_dir)


def first_error(log):
    """The line of a build log that best says what went wrong."""
    lines = log.strip().splitlines() or [""]
    for mark in ("error:", "undefined reference", "Error"):
        for line in lines:
            if mark in line:
                return line.strip()
    return lines[-1].strip()


def selftest_iso(t):
    """An ISO like `make`'s with CMDLINE=selftest=mm, GRUB for UEFI too
    (built once)."""
    def build():
        rc, log = make(t, "all", "LOADER=grub", cmdline=SELFTEST_CMDLINE)
        if rc:
            raise Failure("make CMDLINE=%s failed (exit %d): %s" % (
                SELFTEST_CMDLINE, rc, first_error(log)))
        out = folder_of("shared")[0]
        iso = os.path.join(out, "selftest.iso")
        shutil.copyfile(os.path.join(out, "yomi.iso"), iso)
        return iso
    return once("selftest-iso", build)
