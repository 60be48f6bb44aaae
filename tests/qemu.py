"""Boot yomi in QEMU and talk to it: the library the system tests and the
benchmark share.

    with Qemu(kernel="build/yomi.elf", cmdline="selftest=mm") as vm:
        vm.wait_for(r"selftest mm: ok")
        status = vm.wait_exit()

A machine boots either the ELF through QEMU's Multiboot loader (`kernel=`,
`cmdline=`, `initrd=`), an ISO (`iso=`), or a disk image (`disk=`: an EFI
system partition such as $O/esp.img): under BIOS; with `efi=True` under
x86_64 UEFI firmware (OVMF on q35, as `make run-efi`); with `efi="ia32"` under
32-bit UEFI firmware (OVMF32, which needs q35 and SMM, as `make run-efi32`).
The machine is the one tools/run-qemu.sh starts.

Tests run deterministically (deterministic=True, the default): QEMU counts
instructions (-icount shift=3,sleep=off: each instruction takes 8 ns of
guest time, and an idle guest jumps to its next timer) and the guest's
clock starts at a fixed date (-rtc base=...,clock=vm), so a serial log is
byte-identical from run to run however loaded the host is. The date is
one second before midnight: after the first guest second the RTC's
update and alarm flags (UF, AF; nobody reads register C to clear them)
are both set, QEMU's RTC has no timer left, and a guest that idles with
its tick stopped really waits, instead of leaping to the next midnight.
Time limits are guest seconds, read from the emulated RTC through QMP;
a leap is not counted all the same (under UEFI firmware the RTC's flags
are cleared, and an idle guest there still leaps to the next alarm); a
wall-clock backstop (WALL_FACTOR times as long, scaled by the environment
variable YOMI_TIMEOUT_SCALE for slow machines) catches a QEMU that stops
running the guest at all. Without it (benchmarks), limits are wall time,
scaled the same way.

The serial line is QEMU's
stdio on pipes: a reader thread collects everything the kernel prints, and
`wait_for` waits for a pattern as the text arrives (never a fixed sleep).
`send` writes to the serial line; `sendkey` presses keys on the PS/2
keyboard through QMP, QEMU's machine protocol, on a unix socket. The kernel
powers off through isa-debug-exit, so QEMU exits with (status << 1) | 1;
`wait_exit` returns the kernel's status. Leaving the `with` block always
kills QEMU and removes its temporary files.
"""
import calendar
import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import threading
import time

OVMF = "/usr/share/ovmf/OVMF.fd"
OVMF32_CODE = "/usr/share/OVMF/OVMF32_CODE_4M.secboot.fd"
OVMF32_VARS = "/usr/share/OVMF/OVMF32_VARS_4M.fd"
BASE_ARGS = ["-no-reboot", "-display", "none",
             "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04"]
RTC_BASE = "2019-12-31T23:59:59"
DETERMINISTIC_ARGS = ["-icount", "shift=3,sleep=off", "-rtc", "base=%s,clock=vm" % RTC_BASE]
WALL_FACTOR = 10        # wall-clock backstop: this many times the guest-time limit
POLL = 0.25             # seconds between two readings of the guest's clock
IDLE_JUMP = 3600        # guest seconds no running guest covers in one POLL


def timeout_scale():
    """YOMI_TIMEOUT_SCALE (default 1): how much longer a slow machine may take."""
    try:
        return max(float(os.environ.get("YOMI_TIMEOUT_SCALE", "1")), 0.1)
    except ValueError:
        return 1.0


_live = set()          # running machines, for close_all()
_live_lock = threading.Lock()


def close_all():
    """Kill every QEMU this process started and has not closed, and remove
    their temporary files (on ^C)."""
    with _live_lock:
        machines = list(_live)
    for vm in machines:
        vm.close()


class QemuError(Exception):
    """QEMU did not do what the test waited for (timeout, early exit, ...)."""


OOPS_LINES = re.compile(r"^(?:\[[ \d.]+\] )?((?:BUG:|Oops|EIP is at|Call Trace:|"
                        r"Kernel panic - not syncing:|WARNING:).*)$", re.M)


def kernel_death(output):
    """The lines that say how a kernel died (the oops's first line, where
    it was, the call trace, the panic), "" when it did not."""
    if "Kernel panic - not syncing" not in output:
        return ""
    return "\n".join(m.group(1) for m in OOPS_LINES.finditer(output))


class Qemu:
    def __init__(self, kernel=None, cmdline="", initrd=None, iso=None, disk=None, efi=False,
                 mem="128M", qemu_args=(), monitor=True, deterministic=True):
        if [bool(kernel), bool(iso), bool(disk)].count(True) != 1:
            raise ValueError("give exactly one of kernel=, iso= and disk=")
        self.tmp = tempfile.mkdtemp(prefix="yomi-qemu-")
        # UEFI machines are q35 (the CD-ROM on AHCI, which firmware reads by
        # DMA, not by the IDE controller's port I/O) and have no NIC: yomi
        # has no network driver, and without one OVMF loads no iPXE driver
        # (whose shutdown in ExitBootServices costs 150 ms under TCG) and
        # tries no network boot after a loader fails
        if efi == "ia32":
            # the variable store must be writable: each machine has a copy
            vars_copy = os.path.join(self.tmp, "OVMF32_VARS.fd")
            shutil.copyfile(OVMF32_VARS, vars_copy)
            args = ["qemu-system-i386", "-M", "q35,smm=on",
                    "-global", "driver=cfi.pflash01,property=secure,value=on",
                    "-drive", "if=pflash,format=raw,unit=0,readonly=on,file=" + OVMF32_CODE,
                    "-drive", "if=pflash,format=raw,unit=1,file=" + vars_copy, "-nic", "none"]
        elif efi:
            args = ["qemu-system-x86_64", "-M", "q35", "-bios", OVMF, "-nic", "none"]
        else:
            args = ["qemu-system-i386", "-M", "pc"]
        args += [*BASE_ARGS, "-m", mem, "-serial", "stdio"]
        self.deterministic = deterministic
        if deterministic:
            args += DETERMINISTIC_ARGS
            monitor = True              # the guest's clock is read through QMP
        self.kernel, self.cmdline, self.initrd, self.iso, self.mem = kernel, cmdline, initrd, iso, mem
        self.extra_args = list(qemu_args)
        self.cleanup_files = []         # removed by close()
        if iso:
            args += ["-cdrom", iso]
        elif disk:
            args += ["-drive", "if=ide,format=raw,file=" + disk]
        else:
            args += ["-kernel", kernel, "-append", cmdline]
            if initrd:
                args += ["-initrd", initrd]
        self.qmp = None
        self._listener = None
        if monitor:
            # We listen, QEMU connects at start-up: no polling for a socket file.
            path = os.path.join(self.tmp, "qmp.sock")
            self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self._listener.bind(path)
            self._listener.listen(1)
            args += ["-qmp", "unix:" + path]
        self.args = args + list(qemu_args)
        self._out = bytearray()
        self._err = bytearray()
        self._pos = 0                 # wait_for continues after the last match
        self._cond = threading.Condition()
        self._eof = False               # the serial line (stdout) is closed
        self._err_eof = False
        self.proc = None
        self.started = None           # time.monotonic() when QEMU was started
        self.returncode = None

    # --- life cycle ---------------------------------------------------------
    def start(self):
        self.started = time.monotonic()
        self.proc = subprocess.Popen(self.args, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        with _live_lock:
            _live.add(self)
        self._threads = [
            threading.Thread(target=self._reader, args=(self.proc.stdout, self._out, True),
                             daemon=True),
            threading.Thread(target=self._reader, args=(self.proc.stderr, self._err, False),
                             daemon=True),
        ]
        for t in self._threads:
            t.start()
        return self

    def _reader(self, stream, buf, is_serial):
        while True:
            data = os.read(stream.fileno(), 65536)
            with self._cond:
                if not data:
                    if is_serial:
                        self._eof = True
                    else:
                        self._err_eof = True
                    self._cond.notify_all()
                    return
                buf += data
                self._cond.notify_all()

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
        if self.proc:
            self.returncode = self.proc.wait()

    def close(self):
        self.kill()
        with _live_lock:
            _live.discard(self)
        if self.proc:
            for t in self._threads:
                t.join(timeout=5)
            for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
                try:
                    f.close()
                except OSError:
                    pass
        for s in (getattr(self, "_qmp_file", None), self.qmp, self._listener):
            if s:
                try:
                    s.close()
                except OSError:         # a command's bytes QEMU never read
                    pass
        shutil.rmtree(self.tmp, ignore_errors=True)
        for f in self.cleanup_files:
            try:
                os.unlink(f)
            except OSError:
                pass

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()

    # --- serial output ------------------------------------------------------
    @property
    def output(self):
        """Everything the serial line carried so far (\\r removed)."""
        with self._cond:
            return self._out.decode("utf-8", "replace").replace("\r", "")

    @property
    def stderr(self):
        with self._cond:
            return self._err.decode("utf-8", "replace")

    def tail(self, lines=25):
        text = self.output.rstrip("\n").split("\n")
        return "\n".join(text[-lines:])

    def guest_time(self):
        """Seconds on the guest's clock since it started (deterministic
        machines only: their RTC follows the virtual clock)."""
        tm = self.command("qom-get", path="/machine", property="rtc-time")
        base = calendar.timegm(time.strptime(RTC_BASE, "%Y-%m-%dT%H:%M:%S"))
        return calendar.timegm((tm["tm_year"] + 1900, tm["tm_mon"] + 1, tm["tm_mday"],
                                tm["tm_hour"], tm["tm_min"], tm["tm_sec"])) - base

    def _wait(self, done, timeout, what):
        """Wait until done() (called with self._cond held) is true; raise
        QemuError naming `what` when `timeout` guest seconds pass (wall
        seconds on a machine that is not deterministic), or the wall-clock
        backstop."""
        scale = timeout_scale()
        wall_limit = timeout * scale * (WALL_FACTOR if self.deterministic else 1)
        wall_deadline = time.monotonic() + wall_limit
        guest_deadline = last = None
        while True:
            with self._cond:
                result = done()
                if result is not None:
                    return result
                self._cond.wait(min(POLL, max(wall_deadline - time.monotonic(), 0)))
                result = done()
                if result is not None:
                    return result
            if time.monotonic() >= wall_deadline:
                raise QemuError("timed out after %.0fs of wall time waiting for %s"
                                % (wall_limit, what))
            if self.deterministic and self.proc.poll() is None:
                try:
                    now = self.guest_time()
                except (QemuError, OSError, KeyError):
                    continue                    # QEMU is leaving: done() will see it
                if guest_deadline is None:
                    guest_deadline = now + timeout
                elif now - last > IDLE_JUMP:
                    guest_deadline += now - last    # an idle guest's leap, not work
                elif now >= guest_deadline:
                    raise QemuError("timed out after %ss of guest time waiting for %s"
                                    % (timeout, what))
                last = now

    def wait_for(self, pattern, timeout=30, partial=False):
        """Wait until `pattern` (a regex, multiline) appears after the last
        match; return the match. Only whole lines are searched, so `$` and
        `.*` never stop at a line still arriving; partial=True searches the
        unfinished last line too (for prompts). Raise QemuError on timeout
        or when QEMU exits first (with the oops, if the kernel died)."""
        rx = re.compile(pattern, re.M)

        def found():
            text = self._out.decode("utf-8", "replace").replace("\r", "")
            if not partial and not self._eof:
                text = text[:text.rfind("\n") + 1]
            m = rx.search(text, self._pos)
            if m:
                self._pos = m.end()
                return m
            if self._eof:
                death = kernel_death(text)
                raise QemuError("QEMU exited (code %s) before /%s/ appeared%s"
                                % (self.proc.poll(), pattern,
                                   ": the kernel died:\n" + death if death else ""))
            return None
        return self._wait(found, timeout, "/%s/" % pattern)

    def send(self, text):
        """Type `text` on the serial line."""
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    # --- leaving ------------------------------------------------------------
    def wait_exit(self, timeout=30):
        """Wait for QEMU to end; return the kernel's power-off status (the
        isa-debug-exit value; 0 for an ACPI power-off). On timeout QEMU is
        killed and QemuError raised."""
        try:
            self._wait(lambda: True if self.proc.poll() is not None else None, timeout,
                       "QEMU to exit")
        except QemuError:
            self.kill()
            raise
        rc = self.returncode = self.proc.wait()
        with self._cond:                  # let the readers take the last bytes
            self._cond.wait_for(lambda: self._eof and self._err_eof, 5)
        errors = [l for l in self.stderr.splitlines() if l and "warning" not in l]
        if rc == 1 and errors:
            # QEMU's own failure exits with 1 too, which would read as status 0
            raise QemuError("QEMU failed: " + "\n".join(errors)[-500:])
        if rc & 1:
            return rc >> 1
        if rc == 0:
            return 0
        raise QemuError("QEMU failed with exit code %d: %s" % (rc, self.stderr.strip()[-500:]))

    # --- the monitor (QMP) --------------------------------------------------
    def _qmp_connect(self, timeout=30):
        if self.qmp:
            return
        if not self._listener:
            raise QemuError("started without monitor")
        timeout *= timeout_scale()
        self._listener.settimeout(timeout)
        try:
            self.qmp, _ = self._listener.accept()
        except socket.timeout:
            raise QemuError("QEMU did not connect to the QMP socket")
        self.qmp.settimeout(timeout)
        self._qmp_file = self.qmp.makefile("rwb")
        self._qmp_read()                        # the greeting
        self.command("qmp_capabilities")

    def _qmp_read(self):
        while True:
            try:
                line = self._qmp_file.readline()
            except OSError as e:            # a timeout, or QEMU went away
                raise QemuError("QMP: no reply from QEMU (%s)" % (e or type(e).__name__))
            if not line:
                raise QemuError("QMP connection closed")
            msg = json.loads(line)
            if "event" not in msg:
                return msg

    def command(self, name, **arguments):
        """Run a QMP command; return its result or raise QemuError."""
        self._qmp_connect()
        msg = {"execute": name}
        if arguments:
            msg["arguments"] = arguments
        self._qmp_file.write(json.dumps(msg).encode() + b"\n")
        self._qmp_file.flush()
        reply = self._qmp_read()
        if "error" in reply:
            raise QemuError("QMP %s: %s" % (name, reply["error"].get("desc")))
        return reply.get("return")

    def sendkey(self, key):
        """Press and release a key on the PS/2 keyboard. `key` uses HMP's
        sendkey names: "h", "ret", "shift-a", "ctrl-c". The presses and
        releases go in one input-send-event, which QEMU delivers at once:
        its send-key puts a 100 ms hold, timed on the virtual clock, after
        the first key, and an idle guest with no timer (-icount sleep=off)
        never reaches it, so the c of ctrl-c would never come."""
        keys = key.split("-")
        events = [{"type": "key", "data": {"down": down, "key": {"type": "qcode", "data": k}}}
                  for down, order in ((True, keys), (False, keys[::-1])) for k in order]
        try:
            self.command("input-send-event", events=events)
        except QemuError:
            # the key may be the guest's last: it reacted (and powered
            # off) before QEMU answered; what it printed is checked later
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                pass
            if self.proc.poll() is None:
                raise

    def type_keys(self, text):
        """Type `text` on the PS/2 keyboard (letters, digits, space, newline)."""
        for c in text:
            self.sendkey(KEY_NAMES.get(c) or ("shift-" + c.lower() if c.isupper() else c))


KEY_NAMES = {" ": "spc", "\n": "ret", "\r": "ret", "-": "minus", "=": "equal",
             ".": "dot", ",": "comma", "/": "slash", "\t": "tab"}
