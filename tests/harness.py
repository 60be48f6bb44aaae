"""What every test shares: how a test is declared, what it is given, how it
fails, and work that several tests share (done once).

    from harness import test, check

    @test(cost=1)
    def test_banner(t):                 # the test is called "banner"
        vm = t.boot(cmdline="selftest=mm")
        vm.wait_for(r"yomi version")
        check(vm.wait_exit() == 0, "non-zero status")

`t` is a Context: the build folder, the kernel and ISO paths, the version,
and `t.boot()`, which starts QEMU and remembers the machine so that a
failure report can show the end of its serial output. `cost` is a rough
duration in seconds; the runner starts the longest tests first.
"""
import os
import re
import shlex
import threading

from qemu import DETERMINISTIC_ARGS, Qemu

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Failure(Exception):
    """A test found something wrong; the message says what."""


def check(cond, message):
    if not cond:
        raise Failure(message)


class Test:
    def __init__(self, name, func, cost=1.0):
        self.name, self.func, self.cost = name, func, cost


REGISTRY = []


def test(cost=1.0):
    """Decorator: register test_<name>(t) as the test <name>."""
    def register(func):
        name = func.__name__[len("test_"):] if func.__name__.startswith("test_") else func.__name__
        REGISTRY.append(Test(name, func, cost))
        return func
    return register


def build_dir():
    """The build folder: $O (as make's O=), relative to the tree; default build."""
    return os.path.join(ROOT, os.environ.get("O") or "build")


def version():
    with open(os.path.join(ROOT, "Makefile")) as f:
        m = re.search(r"^VERSION\s*:?=\s*(\S+)", f.read(), re.M)
    return m.group(1) if m else None


def with_test_options(cmdline):
    """cmdline with the options every test boot has (Context.boot), before
    any "--" (the words after it are init's)."""
    words = cmdline.split()
    cut = words.index("--") if "--" in words else len(words)
    kernel, init = words[:cut], words[cut:]
    for option in ("panic=-1", "slub_debug=P"):
        if not any(w.startswith(option.split("=")[0] + "=") for w in kernel):
            kernel.append(option)
    return " ".join(kernel + init)


class Context:
    """What a test function receives."""

    def __init__(self):
        self.root = ROOT
        self.build = build_dir()
        self.elf = os.path.join(self.build, "yomi.elf")
        self.iso = os.path.join(self.build, "yomi.iso")
        self.esp = os.path.join(self.build, "esp.img")     # yomi-efi's partition
        self.version = version()
        self.vms = []
        self.log = None         # text for a failure report when there is no VM
        self.note = ""          # shown after PASS, e.g. "312 checks"
        self.repro = ""         # the reproduce command, when no VM of its own shows it

    def boot(self, cmdline="", **kwargs):
        """Start QEMU (by default the ELF through -kernel) and return it.
        A kernel booted directly gets panic=-1 and slub_debug=P (unless the
        test chose them itself): a kernel that dies powers off at once, and
        the test fails with its oops instead of waiting for a time limit;
        a freed kmalloc object is poisoned, so a use after free faults."""
        if not any(k in kwargs for k in ("kernel", "iso", "disk")):
            kwargs["kernel"] = self.elf
        if "kernel" in kwargs:
            cmdline = with_test_options(cmdline)
        vm = Qemu(cmdline=cmdline, **kwargs)
        self.vms.append(vm)
        return vm.start()

    def reproduce(self):
        """The command that boots the last machine again, halted under GDB,
        as deterministic as the test's; "" when no machine was booted."""
        if not self.vms:
            return self.repro
        vm = self.vms[-1]
        extra = (" ".join(DETERMINISTIC_ARGS) + " " if vm.deterministic else "") + \
            " ".join(vm.extra_args)
        args = []
        if os.environ.get("O"):
            args.append("O=" + os.environ["O"])
        if os.environ.get("CC", "gcc") != "gcc":
            args.append("CC=" + os.environ["CC"])
        if vm.kernel == self.elf:
            words = vm.cmdline.split()
            init = [w[len("init="):] for w in words if w.startswith("init=")]
            if init:
                args.append("INIT=" + init[-1])
            args.append("CMDLINE=%s" % shlex.quote(" ".join(w for w in words
                                                           if not w.startswith("init="))))
            if vm.initrd and os.path.basename(vm.initrd) != "initramfs.cpio":
                return "qemu-system-i386 -s -S %s" % " ".join(shlex.quote(a) for a in vm.args)
            if vm.mem != "128M":
                args.append("MEM=" + vm.mem)
            args.append("QEMU_ARGS=%s" % shlex.quote(extra.strip()))
            return "make debug " + " ".join(args)
        return "%s -s -S   (then: gdb %s -ex 'target remote :1234')" % (
            " ".join(shlex.quote(a) for a in vm.args), self.elf)

    def tail(self, lines=20):
        """The end of the last serial log (or of self.log), for reports."""
        if self.log is not None:
            text = self.log.rstrip("\n").split("\n")
            return "\n".join(text[-lines:])
        if self.vms:
            vm = self.vms[-1]
            text = vm.tail(lines)
            err = vm.stderr.strip()
            return text + ("\n[qemu stderr] " + err[-300:] if err else "")
        return ""

    def close(self):
        for vm in self.vms:
            vm.close()


_once_lock = threading.Lock()
_once = {}


def once(key, make):
    """The value of make() computed once for everyone who asks for `key`;
    other callers wait for it. An exception is kept and raised again."""
    with _once_lock:
        entry = _once.setdefault(key, {"lock": threading.Lock()})
    with entry["lock"]:
        if "value" not in entry and "error" not in entry:
            try:
                entry["value"] = make()
            except Exception as e:
                entry["error"] = e
    if "error" in entry:
        raise entry["error"]
    return entry["value"]


_cleanups = []


def at_end(func):
    """Run func() when the runner finishes (temporary folders, ...)."""
    _cleanups.append(func)


def run_cleanups():
    while _cleanups:
        try:
            _cleanups.pop()()
        except Exception:
            pass


PRINTK_LINE = re.compile(r"^\[\s*(\d+\.\d{6})\] (.*)$", re.M)


def printk_lines(output):
    """The kernel's log lines in serial output, as (seconds, text) pairs;
    anything else on the line (boot loader, firmware) is left out."""
    return [(float(m.group(1)), m.group(2)) for m in PRINTK_LINE.finditer(output)]
