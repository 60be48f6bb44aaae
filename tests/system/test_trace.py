"""The built-in system call tracer (kernel/trace_syscalls.c):
`syscall_trace=all` prints one line per system call of every process,
`[pid] name(arg=value, ...) = result`, errors as `= -14 EFAULT`;
`syscall_trace=PID` only that process's. /bin/hello's calls must match the
transcript in expected/hello.trace exactly; the test programs' unknown
numbers and bad pointers show as -38 ENOSYS and -14 EFAULT."""
import os
import re
import subprocess

from harness import build_dir, check, printk_lines, test
from system.userland import run_as_init

HERE = os.path.dirname(os.path.abspath(__file__))
TRACE = re.compile(r"^\[(\d+)\] ([\w-]+)\((.*)\) = (.*)$")	# syscall_-1() too


def trace_lines(serial):
    """The tracer's lines in the kernel log, without timestamps."""
    return [text for _, text in printk_lines(serial) if TRACE.match(text)]


def symbols(exe):
    out = subprocess.run(["nm", exe], stdout=subprocess.PIPE, text=True, check=True).stdout
    return {p[2]: int(p[0], 16) for p in (l.split() for l in out.splitlines()) if len(p) == 3}


def expected(name, exe):
    """expected/<name>, comments dropped, {symbol} replaced by its address."""
    syms = symbols(exe)
    lines = []
    with open(os.path.join(HERE, "expected", name)) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            for sym in re.findall(r"\{(\w+)\}", line):
                check(sym in syms, "expected/%s names %s, which %s does not have"
                      % (name, sym, exe))
                line = line.replace("{%s}" % sym, "0x%08x" % syms[sym])
            lines.append(line)
    return lines


def diff(got, want):
    """The first difference between two transcripts, for a message."""
    for i, (g, w) in enumerate(zip(got, want)):
        if g != w:
            return "line %d is\n  %s\nwant\n  %s" % (i + 1, g, w)
    if len(got) > len(want):
        return "%d more lines than expected, from\n  %s" % (len(got) - len(want), got[len(want)])
    return "%d lines missing, from\n  %s" % (len(want) - len(got), want[len(got)])


@test(cost=0.5)
def test_trace_hello(t):
    """syscall_trace=all: /bin/hello's transcript, exactly."""
    want = expected("hello.trace", os.path.join(build_dir(), "user", "bin", "hello"))
    status, output, vm = run_as_init(t, "/bin/hello", "syscall_trace=all norandmaps")
    check(status == 0, "hello exited with status %d" % status)
    check("hello from yomi" in output, "hello's own output is missing")
    got = trace_lines(vm.output)
    if got != want:
        check(False, "the transcript differs from expected/hello.trace: " + diff(got, want))
    t.note = "%d calls" % len(got)


@test(cost=0.5)
def test_trace_pid(t):
    """syscall_trace=1 traces pid 1 (the same transcript); =2 traces nothing
    here (only pid 1 runs), and neither does no option at all."""
    want = expected("hello.trace", os.path.join(build_dir(), "user", "bin", "hello"))
    status, output, vm = run_as_init(t, "/bin/hello", "syscall_trace=1 norandmaps")
    got = trace_lines(vm.output)
    check(status == 0, "syscall_trace=1: hello exited with status %d" % status)
    if got != want:
        check(False, "syscall_trace=1: the transcript differs: " + diff(got, want))
    for cmdline in ("syscall_trace=2", ""):
        status, output, vm = run_as_init(t, "/bin/hello", cmdline)
        got = trace_lines(vm.output)
        check(status == 0, "%r: hello exited with status %d" % (cmdline, status))
        check("hello from yomi" in output, "%r: hello's output is missing" % cmdline)
        check(not got, "%r traced pid 1: %s" % (cmdline or "no syscall_trace", got[:3]))


@test(cost=0.8)
def test_trace_errors(t):
    """Unknown system call numbers show as `= -38 ENOSYS`, bad pointers as
    `= -14 EFAULT`, from the programs that make such calls on purpose."""
    status, output, vm = run_as_init(t, "/bin/test_syscalls", "syscall_trace=1")
    got = trace_lines(vm.output)
    check(status == 0, "test_syscalls exited with status %d" % status)
    for nr in ("999", "2147483647", "-1"):
        line = "[1] syscall_%s() = -38 ENOSYS" % nr
        check(line in got, "no line %r in the trace of test_syscalls" % line)
    check("[1] getpid() = 1" in got, "no '[1] getpid() = 1' in the trace of test_syscalls")
    check(not any(l.startswith("[1] getpid(") and l != "[1] getpid() = 1" for l in got),
          "getpid traced differently: %s" % [l for l in got if "getpid" in l][:2])

    status, output, vm = run_as_init(t, "/bin/test_rw", "syscall_trace=1")
    got = trace_lines(vm.output)
    check(status == 0, "test_rw exited with status %d" % status)
    for buf in ("0x00000000", "0xc0000000"):
        rx = re.compile(r"^\[1\] write\(fd=\d+, buf=%s, count=[1-9]\d*\) = -14 EFAULT$" % buf)
        check(any(rx.match(l) for l in got),
              "no write(..., buf=%s, ...) = -14 EFAULT in the trace of test_rw" % buf)
    check(any(re.match(r"^\[1\] write\(fd=\d+, buf=0x[0-9a-f]{8}, count=\d+\) = -9 EBADF$", l)
              for l in got), "no write(...) = -9 EBADF in the trace of test_rw")
    bad = [l for l in got
           if not re.match(r"^\[1\] [\w-]+\(.*\) = (-?\d+( E[A-Z]+)?|0x[0-9a-f]+|\?)$", l)]
    check(not bad, "trace lines not of the form [pid] name(args) = result: %s" % bad[:3])
    t.note = "%d calls traced" % len(got)
