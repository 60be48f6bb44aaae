"""The vdso lab's check functions (lab.ini's check = NAME): each gets a
machine's serial log, its user output and init's exit status, and returns
the problems ([] when the test passed)."""
import re

TRACE = re.compile(r"^\[\s*\d+\.\d{6}\] \[\d+\] ([\w-]+)\((.*)\) = (.*)$", re.M)
GATE = "ffffe000-fffff000 r-xp 00000000 00:00 0"


def gate_line(serial, output, status):
    """cat /proc/self/maps in mode 2: the gate page last, as [vdso]."""
    lines = [l for l in output.splitlines() if re.match(r"^[0-9a-f]{8}-[0-9a-f]{8} ", l)]
    if status != 0 or not lines:
        return ["cat /proc/self/maps failed (status %s)" % status]
    last = lines[-1]
    if not (last.startswith(GATE) and last.endswith(" [vdso]")):
        return ["the last line of maps is %r, not the gate page %s ... [vdso]" % (last, GATE)]
    if sum(1 for l in lines if l.endswith("[vdso]")) != 1:
        return ["more than one [vdso] line"]
    return []


def clock_untraced(serial, output, status):
    """/bin/vdsoclock with the tracer on, in mode 2 and then (it sets
    vm.vdso_enabled to 0 and execs itself) in mode 0: with the vDSO its
    clock_gettime calls never reach the kernel; without one they all do,
    which also shows that the tracer would have seen them."""
    calls = TRACE.findall(serial)
    found = re.findall(r"^vdso: (\w+)$", output, re.M)
    problems = []
    if status != 0 or found != ["yes", "no"]:
        problems.append("vdsoclock found a vDSO %s in modes 2 and 0, want yes then no "
                        "(status %s): %s" % (found, status, output.strip()[:200]))
    if not any(c[0] == "write" for c in calls):
        problems.append("the tracer saw no write: it is not on")
    execs = [i for i, c in enumerate(calls) if c[0] == "execve"]
    if not execs:
        return problems + ["vdsoclock never exec'd itself in mode 0"]
    clock = [c for c in calls[:execs[0]] if c[0] == "clock_gettime"]
    if clock:
        problems.append("mode 2: %d clock_gettime system calls were traced, e.g. "
                        "clock_gettime(%s) = %s" % (len(clock), clock[0][1], clock[0][2]))
    clock = [c for c in calls[execs[0]:] if c[0] == "clock_gettime"]
    if len(clock) != 3:
        problems.append("mode 0 (vdso=0): %d clock_gettime system calls were traced, want 3: "
                        "with no vDSO mapped every call enters the kernel" % len(clock))
    return problems
