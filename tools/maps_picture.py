#!/usr/bin/env python3
"""make maps-picture: pictures drawn from a real run of yomi, for
docs/mmap.md and docs/vdso-and-proc.md (tools/mapsvg.py draws them). No
Linux counterpart.

One deterministic boot of $O/yomi.elf in QEMU (tests/qemu.py), with
norandmaps so that the addresses do not move, halted under QEMU's gdb
stub. At the shell, /bin/mmapdemo -m prints its /proc/self/maps three
times: in the default top-down layout, again with vm.vdso_enabled = 1 (the
vDSO as an ordinary area), and after `ulimit -s unlimited` (the legacy
layout, Linux 2.6's rule). GDB stops each run as it exits (sys_exit_group)
and reads what maps does not show: the mm's mmap_base, and, on the first
run, the two page-table entries the MMU uses for the page of mmapdemo's
stdout_buf (CR3, then the entries read through the kernel's direct map of
physical memory). Written to $O/docs/:

    maps-session.txt   the serial output, the maps listings in it
    maps-layouts.svg   top-down and legacy side by side
    vdso-modes.svg     vm.vdso_enabled 2 and 1 side by side
    page-walk.svg      the walk for stdout_buf's page
"""
import os
import re
import subprocess
import sys
import tempfile
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.dont_write_bytecode = True
from qemu import Qemu  # noqa: E402
import mapsvg  # noqa: E402

PROGRAM = "/bin/mmapdemo"
PAGE_SYMBOL = "stdout_buf"      # written by printf: present, writable, dirty
# (command typed at the shell, title of the listing it prints, the layout mmapdemo must report)
SESSION = [("mmapdemo -m", "top-down (RLIMIT_STACK 8 MiB)", "top-down"),
           ("echo 1 > /proc/sys/vm/vdso_enabled", None, None),
           ("mmapdemo -m", "top-down, vm.vdso_enabled = 1", "top-down"),
           ("echo 2 > /proc/sys/vm/vdso_enabled", None, None),
           ("ulimit -s unlimited", None, None),
           ("mmapdemo -m", "legacy (ulimit -s unlimited)", "legacy"),
           ("exit", None, None)]
PROMPT = r"(^|\n)# $"

# Each exit of mmapdemo: its mm's mmap_base, and the walk for one address.
GDB_SCRIPT = r"""
set pagination off
set confirm off
set width 0
set architecture i386
file {elf}
target remote {sock}
set $PAGE_OFFSET = 0xc0000000
break sys_exit_group if $_streq(((struct thread_info *)((unsigned long)$esp & ~8191))->task->comm, "mmapdemo")
commands
  silent
  set $mm = ((struct thread_info *)((unsigned long)$esp & ~8191))->task->mm
  set $a = {addr}
  set $pde = *(unsigned long *)($PAGE_OFFSET + ($cr3 & ~0xfff) + 4 * ($a >> 22))
  set $pte = ($pde & 1) ? *(unsigned long *)($PAGE_OFFSET + ($pde & ~0xfff) + 4 * (($a >> 12) & 0x3ff)) : 0
  printf "@exit mmap_base=%#lx cr3=%#lx addr=%#lx pde=%#lx pte=%#lx\n", $mm->mmap_base, $cr3, $a, $pde, $pte
  continue
end
continue
"""


def symbol(path, name):
    out = subprocess.run(["nm", path], stdout=subprocess.PIPE, text=True, check=True).stdout
    return next(int(p[0], 16) for p in (l.split() for l in out.splitlines()) if p[-1] == name)


def run_gdb(script, result):
    r = subprocess.run(["gdb", "-nx", "-batch", "-x", script], stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300)
    result.append(r.stdout)


def session(build, tmp):
    """Boot, type the session, return (serial output, gdb output)."""
    sock = os.path.join(tmp, "gdb.sock")
    vm = Qemu(kernel=os.path.join(build, "yomi.elf"), cmdline="norandmaps panic=-1",
              initrd=os.path.join(build, "initramfs.cpio"),
              qemu_args=["-S", "-chardev", "socket,path=%s,server=on,wait=off,id=gdb0" % sock,
                         "-gdb", "chardev:gdb0"])
    with vm:
        vm.command("query-status")          # QEMU answers once its sockets exist
        script = os.path.join(tmp, "exit.gdb")
        with open(script, "w") as f:
            f.write(GDB_SCRIPT.format(elf=os.path.join(build, "yomi.elf"), sock=sock,
                                      addr=symbol(os.path.join(build, "user") + PROGRAM,
                                                  PAGE_SYMBOL)))
        gdb_out = []
        gdb = threading.Thread(target=run_gdb, args=(script, gdb_out))
        gdb.start()
        for command, _, _ in SESSION:
            vm.wait_for(PROMPT, timeout=60, partial=True)
            vm.send(command + "\r")
        vm.wait_for(r"init exited with status 0", timeout=60)
        vm.wait_exit(timeout=60)
        gdb.join()
        return vm.output, gdb_out[0] if gdb_out else ""


def exits(gdb_out):
    """The @exit lines of gdb's output, as dicts of ints."""
    return [{k: int(v, 0) for k, v in re.findall(r"(\w+)=(\S+)", m)}
            for m in re.findall(r"^@exit (.*)$", gdb_out, re.M)]


def check_runs(serial, gdb_out, listings, stops):
    runs = [s for s in SESSION if s[1]]
    layouts = re.findall(r"^layout: (top-down|legacy)", serial, re.M)
    if len(listings) != len(runs) or len(stops) != len(runs) or \
            layouts != [layout for _, _, layout in runs]:
        sys.exit("maps_picture: expected %d runs of %s (%s), got %d listings, %d GDB stops, "
                 "layouts %s; gdb said:\n%s" % (len(runs), PROGRAM, ", ".join(r[2] for r in runs),
                                                 len(listings), len(stops), layouts, gdb_out))
    return [title for _, title, _ in runs]


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    print("  GEN     %s" % (os.path.relpath(path, ROOT) if path.startswith(ROOT + "/") else path))


def main():
    build = os.path.join(ROOT, os.environ.get("O") or "build")
    out = os.path.join(build, "docs")
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="yomi-maps-") as tmp:
        serial, gdb_out = session(build, tmp)
    serial = serial.replace("\r", "")
    write(os.path.join(out, "maps-session.txt"), serial)
    listings = [mapsvg.classify(m) for m in mapsvg.listings(serial)]
    stops = exits(gdb_out)
    titles = check_runs(serial, gdb_out, listings, stops)
    columns = [(m, t, s["mmap_base"]) for m, t, s in zip(listings, titles, stops)]
    write(os.path.join(out, "maps-layouts.svg"), mapsvg.address_spaces([columns[0], columns[2]]))
    write(os.path.join(out, "vdso-modes.svg"), mapsvg.address_spaces(columns[:2]))
    s = stops[0]
    write(os.path.join(out, "page-walk.svg"), mapsvg.page_walk(
        s["addr"], s["cr3"], s["pde"], s["pte"],
        "%s, the C library's stdout buffer in %s's data (%s), at its exit_group"
        % (PAGE_SYMBOL, PROGRAM, titles[0])))


if __name__ == "__main__":
    main()
