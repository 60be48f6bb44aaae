"""Console input: selftest=input reads one line and echoes it back, typed
on the serial line or on the PS/2 keyboard (QEMU's sendkey, through QMP)."""
from harness import check, test


def input_selftest(t, type_line):
    vm = t.boot(cmdline="selftest=input")
    vm.wait_for(r"selftest input: type a line")
    type_line(vm)
    m = vm.wait_for(r'selftest input: got "(.*)"', timeout=15)
    check(m.group(1) == "hello", 'read "%s", typed "hello"' % m.group(1))
    vm.wait_for(r"selftests done: 0 failed")
    check(vm.wait_exit() == 0, "non-zero power-off status")


@test(cost=1)
def test_serial_input(t):
    input_selftest(t, lambda vm: vm.send("hello\r"))


@test(cost=15)
def test_keyboard_input(t):
    """Needs the PS/2 keyboard driver."""
    input_selftest(t, lambda vm: vm.type_keys("hello\n"))
