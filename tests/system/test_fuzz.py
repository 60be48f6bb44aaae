"""The bounded fuzz that make test runs: /bin/fuzz (user/fuzz/) as init,
250,000 random system calls for each of two fixed seeds, after a warm-up
of 2,000. It must end with status 0: no oops (every test boot has
panic=-1, so a kernel death ends the run at once), no hang, and the
kernel holding exactly what it held after the warm-up (no page and no
kmalloc object leaked). A failure names the command that investigates
it: `make fuzz SEED=n CALLS=m` replays the child that was running and
writes a reproducer (tests/fuzz.py)."""
from harness import check, test
from system.userland import kernel_complaints, run_as_init

CALLS = 250000


def fuzz(t, seed):
    status, output, vm = run_as_init(t, "/bin/fuzz", "-- -s %d -n %d -w 2000" % (seed, CALLS),
                                     timeout=600, panic_ok=True)
    t.log = vm.output
    summary = [l for l in output.split("\n") if l.startswith("fuzz: done") or "holds" in l]
    t.note = summary[0][len("fuzz: done: "):] if summary else ""
    complaints = kernel_complaints(vm.output)
    check(status == 0 and not complaints,
          "make fuzz SEED=%d CALLS=%d: %s" % (seed, CALLS, "; ".join(
              complaints or [l for l in output.split("\n") if "LEAK" in l or "holds" in l]
              or ["status %s" % status])))


@test(cost=15)
def test_fuzz_seed1(t):
    fuzz(t, 1)


@test(cost=15)
def test_fuzz_seed2(t):
    fuzz(t, 2)
