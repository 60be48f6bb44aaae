"""The user-space test programs (user/tests/*.c, /bin/test_* in the
initramfs), each run two ways:

    user_<name>        on yomi, as init (init=/bin/test_<name>): the kernel
                       prints "init exited with status N", N must be 0;
    user_<name>_host   on the host's Linux, the same static i386 binary
                       ($O/user/bin/test_<name>): Linux is the reference, so
                       it must pass there too (cases a program marks as
                       yomi-only are skipped by the program itself).

Both parse the program's TAP-like output and name the failing cases. The
list comes from the initramfs when this module is loaded, so a new test
program is picked up by the next `make test` without any change here."""
import os
import subprocess
import tempfile

from harness import REGISTRY, Test, build_dir, check
from system.userland import check_tap, kernel_complaints, programs, run_as_init


def on_yomi(t, prog):
    status, output, vm = run_as_init(t, prog, panic_ok=True)
    check_tap(t, prog + " on yomi", status, output, kernel_complaints(vm.output))


def on_host(t, prog):
    exe = os.path.join(build_dir(), "user", prog.lstrip("/"))
    check(os.path.exists(exe), "no %s: build first" % exe)
    with tempfile.TemporaryDirectory(prefix="yomi-host-test-") as cwd:
        try:
            r = subprocess.run([exe], cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, timeout=60,
                               env={"PATH": "/usr/bin:/bin", "LANG": "C"})
        except OSError as e:
            check(False, "the host cannot run the i386 program %s: %s (a 64-bit Linux needs "
                  "IA32 emulation)" % (exe, e))
        except subprocess.TimeoutExpired as e:
            t.log = (e.stdout or b"").decode("utf-8", "replace")
            check(False, "%s on the host: still running after 60s" % prog)
    t.log = r.stdout.decode("utf-8", "replace")
    status = r.returncode
    extra = ["killed by signal %d" % -status] if status < 0 else []
    check_tap(t, prog + " on the host", status if status >= 0 else 128 - status, t.log, extra)


def register():
    progs = programs("test_")
    if not progs:
        def test_user_programs(t):
            check(False, "no /bin/test_* programs in %s (build first)"
                  % os.path.join(build_dir(), "initramfs.cpio"))
        REGISTRY.append(Test("user_programs", test_user_programs, 0.1))
        return
    for prog in progs:
        name = prog[len("/bin/test_"):]
        REGISTRY.append(Test("user_" + name, lambda t, p=prog: on_yomi(t, p), 1.0))
        REGISTRY.append(Test("user_%s_host" % name, lambda t, p=prog: on_host(t, p), 0.3))


register()
