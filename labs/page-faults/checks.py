"""The page-faults lab's check functions (lab.ini's check = NAME): each gets
a machine's serial log, its user output and init's exit status, and
returns the problems ([] when the test passed)."""
import re

# test_fault's comment line naming the addresses its children fault at
ADDRS = re.compile(r"^# segv: PROT_NONE (0x[0-9a-f]+), PROT_READ (0x[0-9a-f]+), "
                   r"unmapped (0x[0-9a-f]+)$", re.M)
REPORT = re.compile(r"^\[\s*\d+\.\d{6}\] test_fault\[\d+\]: segfault at ([0-9a-f]+) "
                    r"ip [0-9a-f]{8} sp [0-9a-f]{8} error (\d+)$", re.M)


def segfault_reports(serial, output, status):
    """Each of test_fault's three refused accesses has Linux's report line
    in the kernel log, with the address and the CPU's error code: a read
    of a PROT_NONE page never touched (4: user, read, not present), a
    write to a read-only page present since the fork (7), a read of an
    unmapped page (4)."""
    m = ADDRS.search(output)
    if not m:
        return ["test_fault never printed the addresses it faults at (did it stop early?)"]
    seen = {(int(a, 16), int(e)) for a, e in REPORT.findall(serial)}
    problems = []
    for what, addr, err in (("the PROT_NONE read", m.group(1), 4),
                            ("the write to PROT_READ memory", m.group(2), 7),
                            ("the unmapped read", m.group(3), 4)):
        addr = int(addr, 16)
        if (addr, err) not in seen:
            got = [e for a, e in seen if a == addr]
            problems.append("no line \"test_fault[PID]: segfault at %x ip ... sp ... error %d\" "
                            "for %s%s" % (addr, err, what,
                                          " (error %s instead)" % got[0] if got else ""))
    return problems
