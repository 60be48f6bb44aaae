"""Kernel builds that system tests share. `make` runs in a temporary build
folder (O=<tmp>), never in the tree's own, with CMDLINE baked into the
ISO; one make at a time. The first build there is a full one, done once:
the ISO it makes (CMDLINE=selftest=mm, LOADER=grub) is kept as
selftest.iso, whose boot ends by itself with the self-checks' status
whatever init does, and which boots UEFI through GRUB (the tree's own
ISO boots UEFI through yomi-efi)."""
import os
import shutil
import subprocess
import tempfile
import threading

from harness import ROOT, Failure, at_end, once

_lock = threading.Lock()
SELFTEST_CMDLINE = "selftest=mm panic=-1"


def make(t, *targets, cmdline, timeout=600):
    """Run make in the shared folder, standard input /dev/null; return
    (exit status, output). The output is kept for the failure report."""
    out = once("make-dir", _make_dir)
    env = {k: v for k, v in os.environ.items()
           if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "O", "CMDLINE", "LOADER")}
    with _lock, open(os.devnull) as devnull:
        r = subprocess.run(["make", "O=" + out, *targets, "CMDLINE=" + cmdline], cwd=ROOT,
                           env=env, stdin=devnull, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=timeout)
    t.log = r.stdout.decode("utf-8", "replace").replace("\r", "")
    return r.returncode, t.log


def _make_dir():
    d = tempfile.mkdtemp(prefix="yomi-tests-build-")
    at_end(lambda: shutil.rmtree(d, ignore_errors=True))
    return d


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
        iso = os.path.join(once("make-dir", _make_dir), "selftest.iso")
        shutil.copyfile(os.path.join(once("make-dir", _make_dir), "yomi.iso"), iso)
        return iso
    return once("selftest-iso", build)
