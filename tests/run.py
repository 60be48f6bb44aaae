#!/usr/bin/env python3
"""The one test runner (`make test`): the host unit tests (tests/unit/,
driven by tests/unittests.py) and the system tests that boot yomi in QEMU
(tests/system/). Independent tests run in parallel, longest first.

    O=build python3 tests/run.py [-j N] [--list] [NAME ...]

NAMEs (shell patterns allowed: 'unit_*') pick the tests to run; none means
all. The build folder is $O (default build), as make's O=; build it first.
One line per test, PASS or FAIL with the reason and the end of its serial
log, then a final line "N passed, M failed"; the exit status is 1 when
anything failed.
"""
import argparse
import concurrent.futures
import fnmatch
import importlib
import os
import sys
import threading
import time
import traceback

sys.dont_write_bytecode = True      # no __pycache__ folders in the tree
import harness  # noqa: E402
import unittests  # noqa: E402
from oracle import OracleMissing  # noqa: E402
from qemu import QemuError, close_all  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def all_tests():
    for f in sorted(os.listdir(os.path.join(HERE, "system"))):
        if f.startswith("test_") and f.endswith(".py"):
            importlib.import_module("system." + f[:-3])
    return unittests.collect() + harness.REGISTRY


def run_one(test):
    """Run a test; return (ok, message, log tail, seconds, note). A failure's
    message ends with the command that reproduces it under GDB."""
    t = harness.Context()
    start = time.monotonic()
    ok, message = False, ""
    try:
        test.func(t)
        ok = True
    except (harness.Failure, QemuError, OracleMissing) as e:
        message = str(e)
    except Exception:
        message = traceback.format_exc().rstrip()
    finally:
        tail = "" if ok else t.tail()
        if not ok and t.reproduce():
            message += "\n    reproduce: " + t.reproduce()
        t.close()
    return ok, message, tail, time.monotonic() - start, t.note


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="tests to run (shell patterns)")
    ap.add_argument("-j", "--jobs", type=int, default=max(2, os.cpu_count() or 1))
    ap.add_argument("--list", action="store_true", help="list the tests and stop")
    args = ap.parse_args()

    tests = all_tests()
    if args.names:
        unknown = [n for n in args.names if not any(fnmatch.fnmatch(t.name, n) for t in tests)]
        if unknown:
            sys.exit("no such test: %s (try --list)" % " ".join(unknown))
        tests = [t for t in tests if any(fnmatch.fnmatch(t.name, n) for n in args.names)]
    if args.list:
        print("\n".join(t.name for t in tests))
        return 0
    build = harness.build_dir()
    if not os.path.exists(os.path.join(build, "yomi.elf")):
        print("no %s/yomi.elf: build first (make O=%s)" % (build, os.environ.get("O", "build")))
        print("0 passed, 1 failed")
        return 1

    lock = threading.Lock()
    passed = failed = 0
    started = time.monotonic()
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs)
    futures = {pool.submit(run_one, t): t for t in sorted(tests, key=lambda t: -t.cost)}
    try:
        for fut in concurrent.futures.as_completed(futures):
            name = futures[fut].name
            ok, message, tail, secs, note = fut.result()
            with lock:
                extra = ", ".join(x for x in (note, "%.1fs" % secs) if x)
                if ok:
                    passed += 1
                    print("PASS %s (%s)" % (name, extra), flush=True)
                else:
                    failed += 1
                    print("FAIL %s: %s (%s)" % (name, message, extra))
                    for line in tail.split("\n") if tail else []:
                        print("    | " + line)
                    sys.stdout.flush()
    except KeyboardInterrupt:
        pool.shutdown(wait=False, cancel_futures=True)
        close_all()
        harness.run_cleanups()
        os._exit(130)
    pool.shutdown()
    harness.run_cleanups()
    print("(%.1fs)" % (time.monotonic() - started))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
