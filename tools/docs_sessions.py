#!/usr/bin/env python3
"""The sessions shown in README.md and docs/, made again from real runs
(`make docs`). A fenced block that shows a session carries a marker on
the line before it:

    <!-- session: yomi [cmdline=...] [init=...] [keep=REGEX] [head=N] -->
        yomi's shell: each `# CMD` line is typed at a fresh boot of
        $(O)/yomi.elf with the initramfs, under the tests' deterministic
        QEMU (instruction counting, a fixed clock), and everything the
        serial line shows up to the next prompt becomes the output.
    <!-- session: gdb name=NAME [cmdline=...] [init=/bin/PROG] -->
        GDB against the same machine started halted, as `make debug`
        does: tools/gdbinit, the kernel's (and PROG's) symbols, `hbreak
        start_kernel`; then the `(gdb) CMD` lines. The blocks with the
        same NAME are one session, in the order of the page.
    <!-- session: host [keep=REGEX] -->
        `$ CMD` lines run by bash at the top of the tree, with O set and
        QEMU_ARGS holding the deterministic machine's options, so that
        `make run` there boots the same machine as the tests. make's
        build lines ("  CC      file") are left out.
    <!-- session: manual reason=... -->
        not made by this tool (the reason says why, and what checks it).

Lines before the first command (`$ make run ...`, `...`) stay as they
are. keep= shortens an output: lines that do not match become one `...`
per run; head=N keeps only a shell session's first N lines. With
--check nothing is written; the exit status is 1 when a session block
has no marker.

    O=build python3 tools/docs_sessions.py [--check] [FILE...]
"""
import argparse
import os
import re
import shlex
import socket
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests"))
sys.dont_write_bytecode = True
from qemu import DETERMINISTIC_ARGS, Qemu  # noqa: E402

MARKER = re.compile(r"^<!-- session: (\w+)(.*)-->\s*$")
PROMPT = r"^# "
GDB_PROMPT = "(gdb) "
FENCE = "```"


def docs():
    files = ["README.md"] + sorted(os.path.join("docs", f)
                                   for f in os.listdir(os.path.join(ROOT, "docs"))
                                   if f.endswith(".md"))
    return [f for f in files if os.path.exists(os.path.join(ROOT, f))]


class Block:
    """A fenced block: its lines (without the fences) and where they are."""

    def __init__(self, path, first, lines, marker):
        self.path, self.first, self.lines = path, first, lines
        self.kind, self.opts = None, {}
        if marker:
            self.kind = marker.group(1)
            self.opts = dict(w.split("=", 1) for w in shlex.split(marker.group(2)))

    def is_session(self):
        """Does it show commands with their output (so it needs a marker)?"""
        cmds = [l for l in self.lines if l.lstrip().startswith(("(gdb) ", "# ", "$ "))]
        outs = [l for l in self.lines if l.strip() and
                not l.lstrip().startswith(("(gdb)", "# ", "$ ", "..."))]
        return bool(cmds and outs)

    def header(self, command_start):
        """The lines before the first command, kept as they are."""
        for i, l in enumerate(self.lines):
            if l.startswith(command_start):
                return self.lines[:i]
        return list(self.lines)


def blocks(path):
    """The untagged fenced blocks of a page (tagged ones are code)."""
    lines = open(os.path.join(ROOT, path)).read().split("\n")
    found, i = [], 0
    while i < len(lines):
        s = lines[i].strip()
        if s.startswith(FENCE):
            indent = lines[i][:len(lines[i]) - len(lines[i].lstrip())]
            j = i + 1
            while j < len(lines) and lines[j].strip() != FENCE:
                j += 1
            if s == FENCE:
                marker = MARKER.match(lines[i - 1].strip()) if i else None
                body = [l[len(indent):] if l.startswith(indent) else l for l in lines[i + 1:j]]
                found.append(Block(path, i + 1, body, marker))
            i = j + 1
        else:
            i += 1
    return found


def elide(lines, keep, commands=()):
    """Keep the commands and the lines matching keep; each dropped run is '...'."""
    if not keep:
        return lines
    rx, out = re.compile(keep), []
    for l in lines:
        if l.startswith(("# ", "$ ")) or l in commands or rx.search(l):
            out.append(l)
        elif not out or out[-1] != "...":
            out.append("...")
    return out


def build():
    return os.path.join(ROOT, os.environ.get("O", "build"))


# --- yomi's shell --------------------------------------------------------------

def machine(opts, qemu_args=()):
    """The deterministic machine a session's marker asks for (cmdline=,
    init=), with this build's kernel and initramfs, started."""
    rel = os.path.relpath(build(), ROOT)
    cmdline = opts.get("cmdline", "")
    if "init" in opts:
        cmdline = ("init=%s %s" % (opts["init"], cmdline)).strip()
    return Qemu(kernel=os.path.join(rel, "yomi.elf"), cmdline=cmdline,
                initrd=os.path.join(rel, "initramfs.cpio"), qemu_args=qemu_args).start()


def run_yomi(block):
    commands = [l[2:] for l in block.lines if l.startswith("# ")]
    vm = machine(block.opts)
    try:
        vm.wait_for(PROMPT, partial=True)
        start = vm.output.rfind("\n# ") + 1
        for c in commands:
            vm.send(c + "\r")
            vm.wait_for(PROMPT, timeout=120, partial=True)
        text = vm.output[start:]
    finally:
        vm.close()
    text = text[:text.rfind("\n# ")]
    out = [l.rstrip("\r") for l in text.split("\n")]
    if "head" in block.opts:
        out = out[:int(block.opts["head"])]
    return block.header("# ") + elide(out, block.opts.get("keep"))


# --- GDB -----------------------------------------------------------------------

def free_port(wanted):
    """The port the page shows, if it is free (the transcript stays the same)."""
    for port in (wanted, 0):
        s = socket.socket()
        try:
            s.bind(("127.0.0.1", port))
            return s.getsockname()[1]
        except OSError:
            continue
        finally:
            s.close()
    raise OSError("no free port")


def gdb_start():
    """The gdb arguments `make debug` gives after connecting (GDB_START)."""
    with open(os.path.join(ROOT, "Makefile")) as f:
        m = re.search(r"^GDB_START := (.*)$", f.read(), re.M)
    return shlex.split(m.group(1).replace("\\n", "\\\\n"))


def run_gdb(session):
    """Run one GDB session; return each block's new lines."""
    first = session[0]
    rel = os.path.relpath(build(), ROOT)
    old = re.search(r"port (\d+)", "\n".join(first.lines))
    port = free_port(int(old.group(1)) if old else 0)
    init = first.opts.get("init")
    args = ["gdb", "-q", "-nx", "-x", "tools/gdbinit", "-ex", "set width 0",
            "-ex", "file %s/yomi.elf" % rel]
    if init:
        args += ["-ex", "add-symbol-file %s/user%s" % (rel, init)]
    args += ["-ex", "target remote 127.0.0.1:%d" % port] + gdb_start()
    commands = []
    for block in session:
        for line in block.lines:
            if line.startswith(GDB_PROMPT) and line[len(GDB_PROMPT):].strip():
                commands.append(line[len(GDB_PROMPT):])
    # commands on stdin, not -batch: GDB then prints what it prints at a
    # terminal ("Continuing.", "Run till exit from ..."), without prompts
    script = "".join("echo @@%d@@\\n\n%s\n" % (n, c) for n, c in enumerate(commands))
    script += "echo @@end@@\\n\nkill\nquit\n"
    vm = machine(first.opts, ["-S", "-gdb", "tcp:127.0.0.1:%d" % port])
    try:
        vm.command("query-status")          # QEMU's stub listens once QMP answers
        out = subprocess.run(args, cwd=ROOT, text=True, input=script, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=300).stdout
    finally:
        vm.close()
    out = re.sub(r"^(\(gdb\) )+", "", out, flags=re.M)     # the prompts
    parts = re.split(r"^@@(\d+|end)@@\n", out, flags=re.M)
    start, replies = parts[0], {}
    for k in range(1, len(parts) - 1, 2):
        if parts[k] != "end":
            replies[int(parts[k])] = parts[k + 1].rstrip("\n").split("\n") if parts[k + 1].strip() else []
    results, n = [], 0
    for block in session:
        lines = block.header(GDB_PROMPT)
        if lines and lines[0].startswith("$ "):
            lines = [lines[0], "..."]
            lines.append("yomi: QEMU halted, gdb stub on port %d; serial output goes to "
                         "%s/serial.log" % (port, rel))
            lines += start.rstrip("\n").split("\n")
        for line in block.lines[len(block.header(GDB_PROMPT)):]:
            if not line.startswith(GDB_PROMPT):
                continue
            if not line[len(GDB_PROMPT):].strip():
                lines.append("(gdb)")
                continue
            lines.append(line)
            lines += replies.get(n, [])
            n += 1
        results.append(lines)
    return results


# --- the host ------------------------------------------------------------------

def run_host(block):
    """The `$ CMD` lines (a trailing backslash continues one) run in one bash,
    so that `cd` and `echo $?` see what came before."""
    commands, shown = [], []
    for line in block.lines[len(block.header("$ ")):]:
        if line.startswith("$ "):
            commands.append(line[2:])
            shown.append([line])
        elif shown and shown[-1][-1].endswith("\\"):
            commands[-1] += "\n" + line
            shown[-1].append(line)
    script = "".join("%s\n__s=$?; echo @@%d@@; (exit $__s)\n" % (c, n)
                     for n, c in enumerate(commands))
    env = dict(os.environ, O=os.path.relpath(build(), ROOT),
               QEMU_ARGS=" ".join(DETERMINISTIC_ARGS))
    out = subprocess.run(["bash"], input=script, cwd=ROOT, env=env, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=900).stdout
    out = re.sub(r"^  [A-Z0-9]{2,7} +\S.*\n", "", out, flags=re.M)     # make's build lines
    parts = re.split(r"^@@\d+@@\n", out, flags=re.M)
    lines = []
    for cmd, text in zip(shown, parts):
        lines += cmd + (text.rstrip("\n").split("\n") if text.strip() else [])
    return block.header("$ ") + elide(lines, block.opts.get("keep"),
                                      {l for cmd in shown for l in cmd})


# --- the pages -----------------------------------------------------------------

def replace(path, changes):
    """Write a page with some blocks' lines replaced ({first line: lines})."""
    lines = open(os.path.join(ROOT, path)).read().split("\n")
    for first in sorted(changes, reverse=True):
        end = first
        while lines[end].strip() != FENCE:
            end += 1
        indent = lines[first - 1][:len(lines[first - 1]) - len(lines[first - 1].lstrip())]
        lines[first:end] = [indent + l if l else "" for l in changes[first]]
    with open(os.path.join(ROOT, path), "w") as f:
        f.write("\n".join(lines))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only list unmarked sessions")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    os.chdir(ROOT)                  # paths in transcripts are relative to the tree
    every = [b for f in (args.files or docs()) for b in blocks(f)]
    unmarked = [b for b in every if b.is_session() and not b.kind]
    bad = [b for b in every if b.kind and b.kind not in ("yomi", "gdb", "host", "manual")]
    for b in unmarked:
        print("%s:%d: a session without a <!-- session: ... --> marker" % (b.path, b.first))
    for b in bad:
        print("%s:%d: unknown session kind %s" % (b.path, b.first, b.kind))
    if args.check or unmarked or bad:
        manual = [b for b in every if b.kind == "manual"]
        print("%d sessions made by make docs, %d by hand"
              % (sum(1 for b in every if b.kind in ("yomi", "gdb", "host")), len(manual)))
        return 1 if unmarked or bad else 0
    changes, gdb_sessions = {}, {}
    for b in every:
        if b.kind == "gdb":
            gdb_sessions.setdefault((b.path, b.opts.get("name")), []).append(b)
    for b in every:
        if b.kind in ("yomi", "host"):
            print("  SESSION %s:%d" % (b.path, b.first), flush=True)
            changes.setdefault(b.path, {})[b.first] = (run_yomi if b.kind == "yomi" else run_host)(b)
    for (path, name), session in gdb_sessions.items():
        print("  GDB     %s (%s)" % (path, name), flush=True)
        for b, lines in zip(session, run_gdb(session)):
            changes.setdefault(path, {})[b.first] = lines
    for path, c in changes.items():
        replace(path, c)
    return 0


if __name__ == "__main__":
    sys.exit(main())
