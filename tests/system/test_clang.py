"""yomi built with clang as well as GCC. `make CC=clang kernel initramfs`
runs in a temporary build folder of its own (builds.py): the kernel, the
vDSO and every user program must compile under -Werror and link without a
single warning line (clang_build). The kernel so built must say so in its
banner, and boot a few user test programs, built by clang too, to init's
exit with every case passed (clang_<name>). The rest of `make test` uses
the compiler `make test` was given (GCC by default), so one `make test`
checks both compilers."""
import os
import re

from harness import REGISTRY, Test, check, once, test
from system.builds import first_error, folder_of, make
from system.userland import INIT_EXIT, check_tap, kernel_complaints, user_output

# the user tests that walk most of the kernel: the system call table and
# its wrappers, both mmap layouts and page faults, fork/exec/wait, the vDSO
PROGRAMS = ["syscalls", "mmap", "proc", "vdso"]


def clang_build():
    """make CC=clang in its own folder, once: (status, output, folder)."""
    rc, log = make(None, "kernel", "initramfs", cmdline="", folder="clang", cc="clang",
                   timeout=900)
    return rc, log, folder_of("clang")[0]


@test(cost=80)
def test_clang_build(t):
    rc, t.log, _ = once("clang-build", clang_build)
    check(rc == 0, "make CC=clang kernel initramfs failed (exit %d): %s"
          % (rc, first_error(t.log)))
    warnings = [line for line in t.log.splitlines() if re.search(r"\bwarning\b", line)]
    check(not warnings, "the clang build warns: %s" % warnings[:1])


def run_program(t, name):
    rc, _, out = once("clang-build", clang_build)
    check(rc == 0, "make CC=clang failed (see clang_build)")
    prog = "/bin/test_" + name
    vm = t.boot(cmdline="init=" + prog, kernel=os.path.join(out, "yomi.elf"),
                initrd=os.path.join(out, "initramfs.cpio"))
    vm.wait_for(r"yomi version \S+ \(clang version ", timeout=30)
    status = int(vm.wait_for(INIT_EXIT, timeout=60).group(1))
    vm.wait_exit(timeout=30)
    check_tap(t, prog + " built by clang", status, user_output(vm.output),
              kernel_complaints(vm.output))


# They wait for the clang build: they start after everything else.
for _name in PROGRAMS:
    REGISTRY.append(Test("clang_" + _name, lambda t, n=_name: run_program(t, n), cost=0.01))
