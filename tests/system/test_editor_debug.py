"""The checked-in editor debug configuration, .vscode/launch.json and its
preLaunchTask in .vscode/tasks.json, run the way VS Code's C/C++ debugger
(cppdbg) runs them, VS Code itself not being here:

  1. the task's command (make run-debug INIT=<the input's default>), until
     its output matches the task's background endsPattern, the line that
     tells VS Code the stub is listening;
  2. gdb in MI mode, as cppdbg drives it: the configuration's setupCommands
     and customLaunchSetupCommands, then one breakpoint per file and line,
     as a click in the editor's margin sets it (`-break-insert -f
     /path/file:line`), then its launchCompleteCommand.

The clicks: the first instruction of entry_SYSENTER_32 in entry_32.asm,
the first line of SYSCALL_DEFINE1(brk)'s body in mm/mmap.c and of
SYSCALL_DEFINE0(getpid)'s in kernel/sys.c. Each must be hit, in
entry_SYSENTER_32, SYSC_brk and sys_getpid (a SYSCALL_DEFINE0 has no
SYSC_ body: sys_getpid is the body, as in Linux). Paths under build/ are
read as the test's own build folder (builds.py), with O= given to make."""
import json
import os
import queue
import re
import signal
import subprocess
import threading
import time

from harness import ROOT, check, test
from system.builds import folder_of, selftest_iso

VSCODE = os.path.join(ROOT, ".vscode")
# (file, the line a click follows, the function the breakpoint stops in)
CLICKS = [("arch/x86/entry/entry_32.asm", r"^entry_SYSENTER_32:", "entry_SYSENTER_32"),
          ("mm/mmap.c", r"^SYSCALL_DEFINE1\(brk,", "SYSC_brk"),
          ("kernel/sys.c", r"^SYSCALL_DEFINE0\(getpid\)", "sys_getpid")]


def load(name):
    with open(os.path.join(VSCODE, name)) as f:
        return json.load(f)


def expand(text, build, inputs):
    """VS Code's variables, with build/ as the test's build folder."""
    text = text.replace("${workspaceFolder}/build", build).replace("${workspaceFolder}", ROOT)
    return re.sub(r"\$\{input:(\w+)\}", lambda m: inputs[m.group(1)], text)


def click_line(path, after):
    """The first line of code after the line matching `after` (not a
    brace): where a student clicks to stop in that function."""
    with open(os.path.join(ROOT, path)) as f:
        lines = f.read().split("\n")
    start = next(i for i, l in enumerate(lines) if re.match(after, l))
    return next(i + 1 for i in range(start + 1, len(lines))
                if lines[i].strip() not in ("", "{") and not lines[i].lstrip().startswith(";"))


class Mi:
    """gdb --interpreter=mi2: commands with tokens, records read by a thread."""

    def __init__(self, cwd):
        self.proc = subprocess.Popen(["gdb", "-nx", "--interpreter=mi2"], cwd=cwd,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True)
        self.lines, self.log, self.token = queue.Queue(), [], 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.proc.stdout:
            self.log.append(line.rstrip("\n"))
            self.lines.put(line.rstrip("\n"))

    def wait(self, pattern, timeout):
        end = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(end - time.monotonic(), 0.01))
            except queue.Empty:
                check(False, "gdb: no %r within %ds" % (pattern, timeout))
            if re.match(pattern, line):
                return line

    def run(self, command, timeout=60):
        """Send a command; return its result record (^done...), failing on ^error."""
        self.token += 1
        self.proc.stdin.write("%d%s\n" % (self.token, command))
        self.proc.stdin.flush()
        line = self.wait(r"^%d\^" % self.token, timeout)
        check(not line.startswith("%d^error" % self.token), "gdb: %s: %s" % (command, line))
        return line

    def close(self):
        self.proc.kill()
        self.proc.wait()


def start_task(task, build, inputs):
    """The preLaunchTask's command, in a session of its own; returns the
    process once its output matches the endsPattern."""
    argv = [expand(w, build, inputs) for w in [task["command"], *task.get("args", [])]]
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    proc = subprocess.Popen(argv + ["O=" + build], cwd=ROOT, env=env, text=True,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    ends = task["problemMatcher"]["background"]["endsPattern"]
    out = []
    for line in proc.stdout:
        out.append(line)
        if re.search(ends, line):
            return proc, out
    check(False, "the task ended without its endsPattern %r:\n%s" % (ends, "".join(out[-10:])))


def stops(mi, wanted, limit=12):
    """Continue until every function in `wanted` has been stopped in; each
    breakpoint is deleted once hit. Returns the functions, in order."""
    seen = []
    for _ in range(limit):
        line = mi.wait(r"^\*stopped", 120)
        check('reason="breakpoint-hit"' in line, "gdb stopped, not at a breakpoint: " + line)
        seen.append(re.search(r'func="([^"]*)"', line).group(1))
        mi.run("-break-delete " + re.search(r'bkptno="(\d+)"', line).group(1))
        if set(wanted) <= set(seen):
            return seen
        mi.run("-exec-continue")
    check(False, "stopped in %s, never in all of %s" % (seen, wanted))


@test(cost=0.2)         # late: it waits for the shared build
def test_editor_debug(t):
    selftest_iso(t)
    build, lock = folder_of("shared")
    config = load("launch.json")["configurations"][0]
    tasks = load("tasks.json")
    task = next(x for x in tasks["tasks"] if x["label"] == config["preLaunchTask"])
    inputs = {i["id"]: i.get("default", "") for i in tasks.get("inputs", [])}
    with lock:
        proc, out = start_task(task, build, inputs)
        try:
            t.note = " ".join(debug_session(t, config, build, inputs, out))
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait()


def debug_session(t, config, build, inputs, task_out):
    """gdb, driven as cppdbg drives it; returns the functions it stopped in."""
    mi = Mi(expand(config["cwd"], build, inputs))
    try:
        for c in config["setupCommands"] + config["customLaunchSetupCommands"]:
            mi.run(expand(c["text"], build, inputs))
        for path, after, _ in CLICKS:
            mi.run("-break-insert -f %s:%d" % (os.path.join(ROOT, path), click_line(path, after)))
        mi.run("-" + config["launchCompleteCommand"])
        return stops(mi, [func for _, _, func in CLICKS])
    finally:
        t.log = "".join(task_out) + "\n".join(mi.log[-40:])
        mi.close()
