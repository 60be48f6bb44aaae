"""A deliberate kernel fault (selftest=oops writes through NULL): the oops
names the exception, its error code and CR2, shows every register and a
call trace symbolized from the kernel's own table (checked against `nm`),
then panics; with panic=-1 the machine powers off with a non-zero status."""
import re
import subprocess

from harness import check, test

HEX8 = r"[0-9a-f]{8}"


def symbols(elf):
    """name -> address of the text symbols in the ELF."""
    out = subprocess.run(["nm", elf], stdout=subprocess.PIPE, text=True, check=True).stdout
    syms = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in "tTwW":
            syms.setdefault(parts[2], int(parts[0], 16))
    return syms


@test(cost=1)
def test_oops(t):
    vm = t.boot(cmdline="selftest=oops panic=-1")
    vm.wait_for(r"selftest oops: writing to NULL")
    vm.wait_for(r"BUG: unable to handle kernel NULL pointer dereference at 00000000")
    m = vm.wait_for(r"^\[[ \d.]+\] page fault: ([0-9a-f]{4}) \[#1\]")
    code = int(m.group(1), 16)
    check(code & 2, "error code %04x: the fault was a write" % code)
    check(not code & 4, "error code %04x: the fault was in kernel mode" % code)
    m = vm.wait_for(r"EIP: 0060:\[<(%s)>\] EFLAGS: %s" % (HEX8, HEX8))
    eip = int(m.group(1), 16)
    m = vm.wait_for(r"EIP is at (\w+)\+0x([0-9a-f]+)/0x([0-9a-f]+)")
    check(m.group(1) == "selftest_oops", "EIP is at %s, not selftest_oops" % m.group(1))
    vm.wait_for(r"CR0: %s CR2: 00000000 CR3: %s" % (HEX8, HEX8))
    for reg in ("EAX", "EBX", "ECX", "EDX", "ESI", "EDI", "EBP", "ESP", "DS", "SS"):
        check(re.search(r"\b%s: [0-9a-f]{4,8}\b" % reg, vm.output), "register %s not shown" % reg)
    vm.wait_for(r"Call Trace:")
    vm.wait_for(r"Kernel panic - not syncing: Fatal exception")
    status = vm.wait_exit()
    check(status != 0, "the machine powered off with status 0 after a panic")

    # the trace: innermost first, each entry's address = its symbol + offset
    trace_text = vm.output.split("Call Trace:", 1)[1].split("Kernel panic", 1)[0]
    trace = re.findall(r"\[<(%s)>\] ([\w.]+)\+0x([0-9a-f]+)/0x([0-9a-f]+)" % HEX8, trace_text)
    names = [name for _, name, _, _ in trace]
    want = ["selftest_oops", "run_selftests", "start_kernel"]
    check([n for n in names if n in want] == want,
          "call trace %s should show %s in that order" % (names, want))
    syms = symbols(t.elf)
    check(int(trace[0][0], 16) == eip, "the first trace entry is not the faulting EIP")
    for addr, name, off, size in trace:
        check(name in syms and syms[name] + int(off, 16) == int(addr, 16),
              "trace entry %s is not %s+0x%s by nm" % (addr, name, off))
        check(int(off, 16) < int(size, 16), "offset beyond the symbol in %s+0x%s/0x%s"
              % (name, off, size))
