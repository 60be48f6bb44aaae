"""A scripted `gdb -batch` session against QEMU's gdb stub, the walk
docs describe for `make debug INIT=/bin/hello`: QEMU starts halted; gdb
loads the kernel's symbols and /bin/hello's, puts a hardware breakpoint
(the program is not loaded yet) on the C library's system call routine
(__syscall, user/lib/syscall.S) and continues; there the CPU is in ring 3
(cs 0x73). stepi up to the instruction that enters the kernel and once
more lands on the entry code in ring 0 (cs 0x60). A breakpoint on
SYSC_write (hello's first call is write) is hit with hello's arguments;
the backtrace shows SYSC_write, SyS_write and the entry code's call
through sys_call_table; `finish` returns write's result; a breakpoint where
the kernel returns to user mode is reached in ring 3 with the result in
eax; and hello runs on to its exit. Two ways in:

    gdb_int80      vdso=0: the C library has no vDSO and executes
                   `int $0x80` itself -> entry_INT80_32, syscall_call;
    gdb_sysenter   the default compat vDSO: __kernel_vsyscall's sysenter
                   -> entry_SYSENTER_32, sysenter_do_call; the way back is
                   sysexit to __kernel_vsyscall's return point.

QEMU is killed at the end whatever happens (the runner closes every
machine)."""
import os
import re
import shutil
import subprocess
import tempfile

from harness import build_dir, check, test
from system.userland import INIT_EXIT, initramfs_path

USER_CS, KERNEL_CS = 0x73, 0x60

# how every scripted gdb session begins (the lab grader's and test_labs' too)
PREAMBLE = r"""
set pagination off
set confirm off
set width 0
set architecture i386
file {elf}
"""

SCRIPT = PREAMBLE + r"""add-symbol-file {user}
target remote {sock}
hbreak __syscall
continue
printf "@syscall pc=%#x cs=%#x\n", $pc, $cs
set $n = 0
while *(unsigned short *)$pc != {insn} && $n < 100
  stepi
  set $n = $n + 1
end
set $int_pc = $pc
printf "@int pc=%#x cs=%#x\n", $pc, $cs
stepi
printf "@entry pc=%#x cs=%#x\n", $pc, $cs
delete
break SYSC_write
continue
printf "@body pc=%#x cs=%#x\n", $pc, $cs
printf "@bt-begin\n"
bt 8
printf "@bt-end\n"
finish
delete
hbreak *({back})
continue
printf "@back pc=%#x cs=%#x eax=%d want=%#x\n", $pc, $cs, $eax, {back}
delete
continue
"""


def symbols(elf):
    out = subprocess.run(["nm", elf], stdout=subprocess.PIPE, text=True, check=True).stdout
    return {p[2]: int(p[0], 16) for p in (l.split() for l in out.splitlines()) if len(p) == 3}


def within(elf, name, pc):
    """Is pc inside the function `name` (nm -S: its address and size)? A
    breakpoint on a function stops after its prologue, which GCC often
    leaves empty and clang does not."""
    out = subprocess.run(["nm", "-S", elf], stdout=subprocess.PIPE, text=True, check=True).stdout
    for start, size, _, sym in (l.split() for l in out.splitlines() if l.endswith(" " + name)):
        if sym == name and int(start, 16) <= pc < int(start, 16) + int(size, 16):
            return True
    return False


def marker(out, name):
    """The fields of gdb's "@name k=v ..." line, as ints."""
    m = re.search(r"^@%s (.*)$" % name, out, re.M)
    check(m, "gdb never got to @%s (see the log)" % name)
    return {k: int(v, 0) for k, v in re.findall(r"(\w+)=(\S+)", m.group(1))}


def offsets(build):
    """The #defines of vdso-offsets.h."""
    with open(os.path.join(build, "include", "generated", "asm", "vdso-offsets.h")) as f:
        return {m.group(1): int(m.group(2), 0)
                for m in re.finditer(r"#define (\w+) (\S+)", f.read())}


def boot_halted(t, tmp, **machine):
    """Boot a machine halted before its first instruction, with its gdb
    stub on a socket in tmp; return (machine, socket path)."""
    sock = os.path.join(tmp, "gdb.sock")
    qemu_args = list(machine.pop("qemu_args", [])) + [
        "-S", "-chardev", "socket,path=%s,server=on,wait=off,id=gdb0" % sock,
        "-gdb", "chardev:gdb0"]
    vm = t.boot(qemu_args=qemu_args, **machine)
    # QEMU answers on its monitor once its sockets exist: then gdb may connect
    status = vm.command("query-status")
    check(status.get("status") in ("prelaunch", "paused"), "QEMU is %s, not halted" % status)
    return vm, sock


def run_gdb(t, tmp, script):
    """Run `script` with gdb -batch; return its output (also the test's log)."""
    check(shutil.which("gdb"), "gdb is not installed")
    path = os.path.join(tmp, "session.gdb")
    with open(path, "w") as f:
        f.write(script)
    try:
        r = subprocess.run(["gdb", "-nx", "-batch", "-x", path], cwd=tmp,
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=180)
        t.log = r.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        t.log = (e.stdout or b"").decode("utf-8", "replace")
        check(False, "gdb still running after 180s")
    return t.log


def session(t, cmdline, insn, back, entry, call_label):
    """Run the gdb session; check what it saw. insn: the first two bytes of
    the instruction that enters the kernel (little-endian); back: a gdb
    expression for the address where the kernel returns to user mode."""
    build = build_dir()
    elf = os.path.join(build, "yomi.elf")
    user = os.path.join(build, "user", "bin", "hello")
    check(os.path.exists(user) and os.path.exists(initramfs_path()), "build first")
    tmp = tempfile.mkdtemp(prefix="yomi-gdb-")
    try:
        vm, sock = boot_halted(t, tmp, cmdline="init=/bin/hello " + cmdline,
                               initrd=initramfs_path())
        out = run_gdb(t, tmp, SCRIPT.format(elf=elf, user=user, sock=sock, insn=insn,
                                            back=back))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    syms = symbols(elf)
    at = marker(out, "syscall")
    check(at["pc"] == symbols(user)["__syscall"], "stopped at %#x, not __syscall" % at["pc"])
    check(at["cs"] == USER_CS, "cs is %#x in __syscall, not the user's %#x (ring 3)"
          % (at["cs"], USER_CS))
    at = marker(out, "int")
    check(at["cs"] == USER_CS, "stepi left ring 3 before the instruction %#06x" % insn)
    at = marker(out, "entry")
    check(at["pc"] == syms[entry], "one stepi later the pc is %#x, not %s (%#x)"
          % (at["pc"], entry, syms[entry]))
    check(at["cs"] == KERNEL_CS, "cs is %#x in %s, not the kernel's %#x"
          % (at["cs"], entry, KERNEL_CS))
    at = marker(out, "body")
    check(within(elf, "SYSC_write", at["pc"]), "the breakpoint stopped at %#x, not in SYSC_write"
          % at["pc"])
    check(at["cs"] == KERNEL_CS, "cs %#x in SYSC_write" % at["cs"])
    check("@bt-end" in out, "gdb's backtrace did not finish (see the log)")
    bt = out.split("@bt-begin", 1)[1].split("@bt-end", 1)[0]
    frames = re.findall(r"^#\d+\s+(?:0x[0-9a-f]+ in )?(\S+) \(", bt, re.M)
    check(frames[:3] == ["SYSC_write", "SyS_write", call_label],
          "the backtrace starts %s, want SYSC_write, SyS_write, %s" % (frames[:4], call_label))
    check(re.search(r'SYSC_write \(fd=1, buf=0x[0-9a-f]+ <stdout_buf> "hello from yomi\\n", '
                    r'count=16\)', bt), "SYSC_write's arguments are not hello's first write")
    check(re.search(r"^Value returned is \$\d+ = 16$", out, re.M),
          "finish did not return write's 16")
    at = marker(out, "back")
    check(at["pc"] == at["want"], "stopped at %#x, not the return point %#x"
          % (at["pc"], at["want"]))
    check(at["cs"] == USER_CS and at["eax"] == 16,
          "back in user mode: cs %#x, eax %d; want %#x and 16" % (at["cs"], at["eax"], USER_CS))
    vm.wait_for(INIT_EXIT + "$", timeout=60)
    check(vm.wait_exit(timeout=60) == 0, "hello did not exit with 0 under the debugger")
    check("hello from yomi" in vm.output, "hello's output is missing")


@test(cost=3)
def test_gdb_int80(t):
    session(t, "vdso=0", 0x80cd, "$int_pc + 2", "entry_INT80_32", "syscall_call")


@test(cost=3)
def test_gdb_sysenter(t):
    ret = offsets(build_dir()).get("VDSO32_SYSENTER_kernel_vsyscall_return")
    check(ret is not None, "no VDSO32_SYSENTER_kernel_vsyscall_return in vdso-offsets.h")
    session(t, "vdso=2", 0x340f, "0xffffe000 + %#x" % ret, "entry_SYSENTER_32",
            "sysenter_do_call")
