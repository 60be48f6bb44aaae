"""The differential Debian suite: Debian 12's own i386 programs - the
static busybox, the dynamically linked glibc programs of coreutils,
bash, dash, sed, grep, gawk and procps' ps (tools/debian-userland.sh
fetches them into a cache folder outside the tree), and a static program
linked here against Debian's musl (tests/system/debian/muslprobe.c) - run
on yomi and on Linux 6.1 i386 in the same QEMU, from the same initramfs;
each command's output and exit status on yomi must be Linux's.

    debian_<name>   one command (COMMANDS below), compared with Linux

Both machines boot yomi's initramfs followed by a second archive: the
Debian files (their bin folders under /deb, so that yomi's own /bin stays;
/lib and /usr/lib where ld.so looks), the oracle's busybox and an /init
script that runs every command in turn between the oracle's marker lines
(tests/oracle.py), so one boot of each kernel serves all the tests."""
import os
import re
import subprocess

import cpio
import oracle
from harness import REGISTRY, ROOT, Test, build_dir, check, once
from qemu import Qemu, QemuError
from system.userland import initramfs_path

# (name, command): run by busybox sh -c, stderr with stdout. Only output
# that is the same on two correct kernels: no addresses, times, pids or
# kernel names. ps shows Linux's kernel threads (left out: their command
# is in brackets) and its pid, time and size columns differ (cut out);
# pid 1's STAT is "Ss" on yomi, "S" on Linux (Linux's init has session 0,
# yomi's its own session), so it is cut out too.
COMMANDS = [
    ("busybox_echo", "busybox echo hello from busybox"),
    ("busybox_sh_arith", "busybox sh -c 'x=6; echo $((x * 7))'"),
    ("busybox_seq", "busybox seq 3 -1 1"),
    ("busybox_sort_tr", "busybox printf 'b\\nc\\na\\n' | busybox sort | busybox tr a-z A-Z"),
    ("busybox_sha256", "busybox sha256sum /deb/bin/true"),
    ("busybox_false", "busybox false"),
    ("busybox_trap", "busybox sh -c 'trap \"echo caught USR1\" USR1; trap \"echo bye\" EXIT; "
                     "kill -USR1 $$; echo after; exit 3'"),
    ("busybox_trap_alarm", "busybox sh -c 'trap \"echo alarm\" ALRM; (busybox sleep 1; "
                           "kill -ALRM $$) & wait; echo done'"),
    ("echo", "/deb/bin/echo hello from coreutils"),
    ("true", "/deb/bin/true"),
    ("false", "/deb/bin/false"),
    ("ls_lib", "/deb/bin/ls /lib/i386-linux-gnu"),
    ("ls_l", "/deb/bin/ls -l /deb/bin/bash /lib/i386-linux-gnu/libc.so.6"),
    ("ls_missing", "/deb/bin/ls /nonexistent"),
    ("cat", "/deb/bin/cat /init | /deb/usr/bin/head -n 2"),
    ("wc", "/deb/usr/bin/wc -c /deb/bin/dash"),
    ("sha256sum", "/deb/usr/bin/sha256sum /deb/bin/sed"),
    ("seq_sort", "/deb/usr/bin/seq 10 | /deb/usr/bin/sort -n -r | /deb/usr/bin/head -n 3"),
    ("expr", "/deb/usr/bin/expr 6 '*' 7"),
    ("stat", "/deb/usr/bin/stat -c '%s %F %a %h' /deb/bin/bash /lib/ld-linux.so.2"),
    ("readlink_exe", "/deb/bin/readlink /proc/self/exe"),
    ("uname_m", "/deb/bin/uname -m"),
    ("dash", "/deb/bin/dash -c 'echo dash $((3 + 4)); exit 5'"),
    ("bash", "/deb/bin/bash -c 'a=(x y z); echo ${a[1]} $((2 ** 10)); echo ${#a[@]}'"),
    ("bash_pipeline", "/deb/bin/bash -c 'echo one two three | /deb/usr/bin/wc -w; "
                      "/deb/bin/false | /deb/bin/true; echo ${PIPESTATUS[@]}'"),
    ("bash_trap", "/deb/bin/bash -c 'trap \"echo got TERM\" TERM; kill -TERM $$; echo after'"),
    ("bash_wait", "/deb/bin/bash -c '(exit 4) & wait $!; echo waited $?'"),
    ("dash_trap", "/deb/bin/dash -c 'trap \"echo got INT\" INT; kill -INT $$; echo after'"),
    ("bash_loop", "/deb/bin/bash -c 'for i in 1 2 3; do echo -n $i; done; echo'"),
    ("sed", "/deb/bin/echo foo bar | /deb/bin/sed -e 's/o/0/g' -e 's/bar/baz/'"),
    ("grep", "/deb/bin/grep -c busybox /init"),
    ("grep_miss", "/deb/bin/grep -q nothing-like-this /init"),
    ("maps_libs", "/deb/bin/cat /proc/self/maps | /deb/bin/grep -o -e libc.so.6 -e ld-linux.so.2 "
                  "| /deb/usr/bin/uniq"),
    ("maps_lines", "/deb/bin/cat /proc/self/maps | /deb/bin/grep -e libc.so.6 -e ld-linux.so.2 "
                   "| /deb/usr/bin/cut -c 19-26"),
    ("gawk", "/deb/usr/bin/gawk 'BEGIN { for (i = 1; i <= 5; i++) s += i * i; "
             "printf \"%d %s %.4f\\n\", s, toupper(\"abc\"), atan2(0, -1) }'"),
    ("gawk_input", "/deb/usr/bin/seq 10 | /deb/usr/bin/gawk '$1 % 3 == 0 { n++; s = s \" \" $1 } "
                   "END { print NR, n, s; exit 4 }'"),
    ("gawk_mpfr", "/deb/usr/bin/gawk -M 'BEGIN { print 2 ^ 100, length(sprintf(\"%d\", 3 ^ 200)) }'"),
    ("ps_ef", "/deb/bin/ps -ef > /tmp/ps; /deb/bin/grep -v ' \\[' /tmp/ps "
              "| /deb/usr/bin/cut -c 1-9,31-39,49-"),
    ("ps_aux", "/deb/bin/ps aux > /tmp/ps; /deb/bin/grep -v ' \\[' /tmp/ps "
               "| /deb/usr/bin/cut -c 1-9,39-47,66-"),
    ("dir_size", "busybox mkdir -p /tmp/d/sub; busybox touch /tmp/d/a /tmp/d/b; "
                 "busybox ln -s a /tmp/d/l; busybox ln /tmp/d/a /tmp/d/h; "
                 "/deb/usr/bin/stat -c '%s %n' /tmp/d /tmp/d/sub /deb; busybox rm /tmp/d/b; "
                 "busybox mv /tmp/d/h /tmp/d/sub/; busybox mv /tmp/d/l /tmp/d/a; "
                 "/deb/usr/bin/stat -c '%s %n' /tmp/d /tmp/d/sub; "
                 "/deb/bin/ls -l --time-style=+ /tmp/d; busybox rmdir /tmp/d/sub 2>/dev/null; "
                 "busybox rm /tmp/d/sub/h; busybox rmdir /tmp/d/sub; /deb/bin/ls -ld --time-style=+ /tmp/d"),
    ("musl", "MUSL_VAR=from-the-environment /deb/bin/muslprobe one 'two words'"),
]
BEGIN, END = oracle.BEGIN, oracle.END


def userland():
    """The unpacked Debian root (fetched on first use), or None."""
    r = subprocess.run(["bash", os.path.join(ROOT, "tools", "debian-userland.sh")],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return r.stdout.strip() if r.returncode == 0 else None


def init_script():
    lines = ["#!/bin/busybox sh",
             "export PATH=/deb/bin:/deb/usr/bin:/bin",
             "busybox mount -t proc proc /proc 2>/dev/null",
             "busybox mkdir -p /tmp"]
    for name, cmd in COMMANDS:
        quoted = cmd.replace("'", "'\\''")
        lines += ['echo "%s%s"' % (BEGIN, name),
                  "busybox sh -c '%s' 2>&1" % quoted,
                  'echo "%s%s $?"' % (END, name)]
    lines += ["busybox poweroff -f"]
    return ("\n".join(lines) + "\n").encode()


def debian_records(root):
    """cpio records for the files under root: bin folders moved under
    /deb, directories, files and symbolic links with their modes and
    modification times (ls -l shows the package's dates on both kernels)."""
    records, ino = [], 1000
    for base, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(dirs) + sorted(files):
            path = os.path.join(base, name)
            rel = os.path.relpath(path, root)
            if re.match(r"^(usr/)?s?bin(/|$)", rel):
                rel = "deb/" + rel
            st = os.lstat(path)
            ino += 1
            mtime = int(st.st_mtime)
            if os.path.islink(path):
                records.append(cpio.entry(rel, 0o120777, os.readlink(path).encode(), ino=ino,
                                          mtime=mtime))
            elif os.path.isdir(path):
                records.append(cpio.entry(rel, 0o040000 | (st.st_mode & 0o7777), ino=ino,
                                          mtime=mtime))
            else:
                with open(path, "rb") as f:
                    records.append(cpio.entry(rel, 0o100000 | (st.st_mode & 0o7777), f.read(),
                                              ino=ino, mtime=mtime))
    return records


def musl_program(root):
    """tests/system/debian/muslprobe.c linked statically against Debian's
    musl (musl-dev, unpacked beside root by tools/debian-userland.sh): the
    host's gcc -m32 with musl's crt1.o and libc.a instead of its own (the
    host has no musl-gcc; only libgcc is gcc's; the program includes no
    header). Built once."""
    def build():
        lib = os.path.join(os.path.dirname(root), "musl", "usr", "lib", "i386-linux-musl")
        out = os.path.join(build_dir(), "muslprobe")
        libgcc = subprocess.run(["gcc", "-m32", "-print-libgcc-file-name"], check=True,
                                stdout=subprocess.PIPE, text=True).stdout.strip()
        subprocess.run(["gcc", "-m32", "-march=i686", "-O2", "-static", "-nostdlib", "-nostdinc",
                        "-fno-pie", "-no-pie", "-fno-stack-protector", "-Wall", "-Wextra", "-Werror",
                        "-o", out,
                        os.path.join(lib, "crt1.o"), os.path.join(lib, "crti.o"),
                        os.path.join(ROOT, "tests", "system", "debian", "muslprobe.c"),
                        os.path.join(lib, "libc.a"), libgcc, os.path.join(lib, "crtn.o")],
                       check=True)
        with open(out, "rb") as f:
            return f.read()
    return once("muslprobe", build)


def make_initramfs(root, path):
    with open(os.path.join(oracle.oracle_dir(), "busybox"), "rb") as f:
        busybox = f.read()
    records = [cpio.entry("deb", 0o040755, ino=900), cpio.entry("deb/usr", 0o040755, ino=901)]
    records += debian_records(root)
    records += [cpio.entry("init", 0o100755, init_script(), ino=2),
                cpio.entry("bin/busybox", 0o100755, busybox, ino=3),
                cpio.entry("deb/bin/muslprobe", 0o100755, musl_program(root), ino=5),
                cpio.entry("dev/console", 0o020600, rdev=(5, 1), ino=4)]
    cpio.append(initramfs_path(), records, path)


def run(kernel, cmdline):
    """Boot kernel with the Debian initramfs; {name: (status, output)}."""
    root = userland()
    check(root, "no Debian user space: tools/debian-userland.sh failed")
    initrd = os.path.join(build_dir(), "debian-%s-%d.cpio" % (kernel, os.getpid()))
    make_initramfs(root, initrd)
    elf = os.path.join(build_dir(), "yomi.elf")
    path = elf if kernel == "yomi" else os.path.join(oracle.oracle_dir(), "vmlinuz")
    vm = Qemu(kernel=path, initrd=initrd, cmdline=cmdline, mem="256M")
    vm.cleanup_files.append(initrd)
    vm.start()
    try:
        vm.wait_exit(timeout=600)
    except QemuError:
        pass
    finally:
        vm.close()
    return oracle.parse(vm.output), vm.output


def results(kernel):
    if kernel == "yomi":
        return once("debian-yomi", lambda: run("yomi", "init=/init panic=-1"))
    return once("debian-linux", lambda: run("linux", oracle.CMDLINE))


def compare(t, name):
    ours, serial = results("yomi")
    t.log = serial
    check(name in ours, "%s did not finish on yomi" % name)
    theirs, serial = results("linux")
    check(name in theirs, "%s did not finish on Linux" % name)
    t.log = "yomi (status %d):\n%s\nLinux (status %d):\n%s" % (
        ours[name][0], ours[name][1], theirs[name][0], theirs[name][1])
    check(ours[name] == theirs[name], "%s: yomi's output or status differs from Linux's" % name)
    t.note = "status %d, %d lines" % (ours[name][0], len(ours[name][1].splitlines()))


for _name, _cmd in COMMANDS:
    REGISTRY.append(Test("debian_" + _name, lambda t, n=_name: compare(t, n), 0.5))
