"""Check functions of the buddy lab's tests (labs/buddy/lab.ini)."""
import re


def selftest_ok(serial, output, status):
    """selftest=mm: mm_selftest's own line, 0 failed checks, and the kernel's verdict."""
    problems = [l.strip() for l in serial.splitlines() if "mm selftest: " in l
                and "failed checks" not in l][:6]
    if not re.search(r"mm selftest: \d+ pages free before and after, 0 failed checks", serial):
        problems.append("mm_selftest did not report 0 failed checks")
    if "selftest mm: ok" not in serial:
        problems.append("the kernel did not print 'selftest mm: ok' (power-off status %s)" % status)
    return problems
