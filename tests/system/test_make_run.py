"""`make run` used without a terminal (standard input /dev/null), as
scripts use it: it builds the ISO with CMDLINE baked in, boots it under
BIOS, and returns 0 when the kernel powers off with status 0, non-zero
after a panic. It runs in the shared temporary build folder (builds.py),
so the tree's own build folder is left alone."""
from system.builds import first_error, make, selftest_iso
from harness import check, test


def make_run(t, cmdline):
    rc, out = make(t, "run", cmdline=cmdline)
    check("yomi version" in out, "make run did not boot the kernel (exit %d): %s"
          % (rc, first_error(out)))
    return rc, out


@test(cost=30)      # the first to start: it makes the shared build
def test_make_run_ok(t):
    selftest_iso(t)
    rc, out = make_run(t, "selftest=mm")
    check("selftest mm: ok" in out, "no 'selftest mm: ok' in make run's output")
    check(rc == 0, "make run returned %d" % rc)


@test(cost=0.2)     # late: it waits for the shared build
def test_make_run_oops(t):
    rc, out = make_run(t, "selftest=oops panic=-1")
    check("Kernel panic - not syncing" in out, "no panic in make run's output")
    check(rc != 0, "make run returned 0 after a kernel panic")
