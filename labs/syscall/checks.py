"""The syscall lab's check functions (lab.ini's check = NAME): each gets a
machine's serial log, its user output and init's exit status, and returns
the problems ([] when the test passed). They read what the kernel under
test cannot fake: the tracer's lines come from the pristine tracer
(kernel/trace_syscalls.c), not from the student's code."""
import re

TRACE = re.compile(r"^\[\s*\d+\.\d{6}\] \[\d+\] ([\w-]+)\((.*)\) = (.*)$", re.M)


def trace_named(serial, output, status):
    """times and getrusage appear in the tracer under their names, with
    their typed arguments, and succeed at least once."""
    calls = TRACE.findall(serial)
    problems = []
    for nr, name, args in ((43, "times", r"tbuf=0x[0-9a-f]{8}"),
                           (77, "getrusage", r"who=-?\d+, ru=0x[0-9a-f]{8}")):
        if any(c[0] == "syscall_%d" % nr for c in calls):
            problems.append("the tracer shows syscall_%d(): slot %d of sys_call_table has no "
                            "function with SYSCALL_DEFINE metadata" % (nr, nr))
        mine = [c for c in calls if c[0] == name]
        if not mine:
            problems.append("no %s(...) line in the trace" % name)
        elif not all(re.fullmatch(args, c[1]) for c in mine):
            problems.append("%s's arguments are traced as (%s), want (%s)"
                            % (name, mine[0][1], args.replace("\\", "")))
        elif not any(re.fullmatch(r"\d+", c[2]) for c in mine):
            problems.append("%s never succeeded: %s" % (name, mine[0][2]))
    return problems
