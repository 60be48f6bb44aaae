"""The Linux oracle: Debian's Linux 6.1 i386 kernel booted in the same QEMU
(TCG) as yomi, running the same static i386 programs. It is the reference
for every user-space test (the user_*_linux tests) and the other column of
`make bench`.

    results, serial = run_programs(["/bin/test_brk", "/bin/test_rw"])
    status, output = results["/bin/test_brk"]

`make run-linux` (`python3 tests/oracle.py [PROGRAM...]`) boots it with the
serial line on the terminal: a busybox shell, or the programs named.

tools/linux-oracle.sh fetches the kernel and busybox-static once into a
cache folder outside the tree. The machine's initramfs is yomi's own
($O/initramfs.cpio: the same programs at the same paths) followed by a
second cpio archive - Linux unpacks concatenated archives in turn - with
/init, /bin/busybox and /dev/console. /init is a busybox shell script:
mount /proc and /dev, then run each program in turn, its output framed by
marker lines that carry its exit status, then power off.
"""
import os
import subprocess

import cpio
from harness import ROOT, build_dir
from qemu import Qemu, QemuError

BEGIN = "@@oracle begin "
END = "@@oracle end "
# console=ttyS0: the kernel's console on the serial line; quiet: fewer
# lines to print through an emulated UART; panic=-1: a panic powers off.
CMDLINE = "console=ttyS0 quiet panic=-1"


class OracleMissing(Exception):
    """The Linux oracle is not in the cache and cannot be fetched."""


def oracle_dir():
    """The folder with vmlinuz and busybox, fetched on first use."""
    script = os.path.join(ROOT, "tools", "linux-oracle.sh")
    r = subprocess.run(["bash", script], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       text=True)
    if r.returncode:
        raise OracleMissing(r.stdout.strip().splitlines()[-1] if r.stdout.strip()
                            else "tools/linux-oracle.sh failed")
    return subprocess.run(["bash", script, "--dir"], stdout=subprocess.PIPE,
                          text=True, check=True).stdout.strip()


def version():
    with open(os.path.join(oracle_dir(), "VERSION")) as f:
        return f.read().split()[0]


def init_script(programs):
    """/init: run each program between marker lines; with no programs, a
    busybox shell on the console (job control on), for `make run-linux`."""
    lines = ["#!/bin/busybox sh",
             "export PATH=/bin:/sbin",
             "busybox mount -t proc proc /proc",
             "busybox mount -t devtmpfs devtmpfs /dev",
             "busybox mkdir -p -m 1777 /tmp"]
    if programs:
        lines += ["for p in %s; do" % " ".join(programs),
                  '\techo "%s$p"' % BEGIN,
                  '\t"$p"',
                  '\techo "%s$p $?"' % END,
                  "done"]
    else:
        lines += ['echo "Linux $(busybox uname -r) with yomi\'s /bin: busybox applets as'
                  ' \'busybox NAME\'; exit powers off"',
                  "busybox setsid busybox cttyhack busybox sh"]
    lines += ["busybox poweroff -f"]
    return ("\n".join(lines) + "\n").encode()


def make_initramfs(programs, path):
    """yomi's initramfs followed by the oracle's own archive, at path."""
    with open(os.path.join(oracle_dir(), "busybox"), "rb") as f:
        busybox = f.read()
    cpio.append(os.path.join(build_dir(), "initramfs.cpio"), [
        cpio.entry("init", 0o100755, init_script(programs), ino=2),
        cpio.entry("bin/busybox", 0o100755, busybox, ino=3),
        cpio.entry("dev/console", 0o020600, rdev=(5, 1), ino=4),
    ], path)


def parse(output):
    """{program: (status, output)} from the framed serial output."""
    results, current, lines = {}, None, []
    for line in output.split("\n"):
        if line.startswith(BEGIN):
            current, lines = line[len(BEGIN):], []
        elif line.startswith(END) and current:
            prog, status = line[len(END):].rsplit(" ", 1)
            results[prog] = (int(status), "\n".join(lines))
            current = None
        elif current:
            lines.append(line)
    return results


def boot(programs, mem="128M", timeout=300, deterministic=True):
    """Start the oracle running programs; return the Qemu (started)."""
    d = oracle_dir()
    initrd = os.path.join(build_dir(), "oracle-%d.cpio" % os.getpid())
    make_initramfs(programs, initrd)
    vm = Qemu(kernel=os.path.join(d, "vmlinuz"), initrd=initrd, cmdline=CMDLINE, mem=mem,
              deterministic=deterministic)
    vm.cleanup_files.append(initrd)
    return vm.start()


def run_here(programs):
    """`make run-linux`: boot Linux with the serial line on this terminal
    (Ctrl-A X quits QEMU), running programs or, with none, a shell."""
    d = oracle_dir()
    initrd = os.path.join(build_dir(), "oracle-run.cpio")
    make_initramfs(programs, initrd)
    args = ["qemu-system-i386", "-M", "pc", "-m", "128M", "-no-reboot", "-display", "none",
            "-kernel", os.path.join(d, "vmlinuz"), "-initrd", initrd, "-append", CMDLINE,
            "-serial", "mon:stdio"]
    print("yomi: booting %s (Ctrl-A X quits QEMU)" % version(), flush=True)
    os.execvp(args[0], args)


def run_programs(programs, timeout=300, deterministic=True):
    """Run programs on Linux, one after the other in one boot; return
    {program: (exit status, output)}, and the machine's whole serial log."""
    vm = boot(programs, deterministic=deterministic)
    try:
        vm.wait_exit(timeout=timeout)
    except QemuError:
        pass
    finally:
        vm.close()
    return parse(vm.output), vm.output


if __name__ == "__main__":
    import sys
    try:
        run_here(sys.argv[1:])
    except OracleMissing as e:
        sys.exit(str(e))
