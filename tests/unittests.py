"""Host unit tests: each tests/unit/test_*.c is compiled with the host
compiler in 32-bit mode together with the kernel sources it names, then
run; it prints "N checks, M failed" last (tests/unit/check.h).

A test file says what it needs in comment lines near its top:

    // sources: mm/page_alloc.c mm/memblock.c
    // kernel-cflags: -Dsnprintf=yomi_snprintf     (for those sources only)
    // prepare: nm -n $O/yomi.tmp > $T/nm.txt       (a shell command, run first)

$O is the build folder and $T the test's own folder under $O/tests/unit/;
both are also in the test program's environment. Every test is linked with
tests/unit/host.c (printk, panic and the rest on the host's C library).
lib/string.c is never compiled in: the host's libc provides those.
The test is built with AddressSanitizer and UBSan, so an overflow in the
kernel code under test fails it even when no check notices.

The programs are i386 executables. A host whose kernel can run them (an
x86-64 Linux with IA32 emulation) runs them directly; one that cannot
(`exec` fails with "Exec format error": containers, WSL, kernels booted
with ia32_emulation=0) runs them under qemu-i386, QEMU's user-mode
emulator (Debian's qemu-user). Both give the same results; the
environment variable YOMI_UNIT_RUNNER=native or =qemu forces one.

tests/unit/compile_fail/*.c are the other kind: code the kernel headers
must refuse to compile (a static assertion, say). Each must fail to
compile as it is, and compile with -DCONTROL, which shows that the error
comes from the construct under test and not from something else.
"""
import os
import re
import shutil
import subprocess

from harness import Failure, Test, ROOT, build_dir, check, once

UNIT_DIR = os.path.join(ROOT, "tests", "unit")
COMPILE_FAIL_DIR = os.path.join(UNIT_DIR, "compile_fail")
CFLAGS = ["-m32", "-O1", "-g", "-std=gnu11", "-DYOMI_HOST_TEST",
          "-Wall", "-Wextra", "-fno-omit-frame-pointer",
          "-fsanitize=address,undefined", "-fno-sanitize=alignment",
          "-fno-sanitize-recover=all"]
RUN_ENV = {"ASAN_OPTIONS": "detect_leaks=0", "UBSAN_OPTIONS": "print_stacktrace=1"}
# Under qemu-i386, ASan's default 256 MiB quarantine of freed blocks runs
# the emulated 32-bit address space out of room (a CHECK failure in
# asan_poisoning.cpp); a smaller one still catches use-after-free. (Leak
# detection is off everywhere: it needs a clone() that qemu-user refuses.)
QEMU_USER_ASAN = "detect_leaks=0:quarantine_size_mb=16"
DIRECTIVE = re.compile(r"^//\s*(sources|kernel-cflags|prepare):\s*(.*)$")


def directives(path):
    found = {"sources": "", "kernel-cflags": "", "prepare": ""}
    with open(path) as f:
        for line in f:
            m = DIRECTIVE.match(line.strip())
            if m:
                found[m.group(1)] = (found[m.group(1)] + " " + m.group(2)).strip()
    return found


def expand(text, env):
    return text.replace("$O", env["O"]).replace("$T", env["T"])


def sh(t, args, what, timeout=120, env=None, shell=False):
    """Run a build step; on failure the report shows its output."""
    r = subprocess.run(args, cwd=ROOT, env=env, shell=shell, timeout=timeout,
                       stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if r.returncode:
        t.log = r.stdout
        raise Failure("%s failed (exit %d)" % (what, r.returncode))
    return r.stdout


def up_to_date(obj, args):
    """Was obj compiled by exactly args (kept beside it in obj.cmd), and is
    it newer than every file gcc's -MMD list (obj.d) names? Then it is not
    compiled again: the graders of the labs run a unit test on one tree
    several times, changing one source between runs."""
    try:
        with open(obj + ".cmd") as f:
            if f.read() != "\0".join(args):
                return False
        with open(obj + ".d") as f:
            deps = f.read().replace("\\\n", " ").split(":", 1)[1].split()
        built = os.path.getmtime(obj)
        return all(os.path.getmtime(os.path.join(ROOT, d)) < built for d in deps)
    except (OSError, IndexError):
        return False


def compile_unit(t, src, obj, args):
    """Compile src into obj with gcc args, unless obj is up to date."""
    args = ["gcc", *args, "-MMD", "-MF", obj + ".d", "-c", src, "-o", obj]
    if up_to_date(obj, args):
        return
    sh(t, args, "compiling " + src)
    with open(obj + ".cmd", "w") as f:
        f.write("\0".join(args))


def include_flags(build):
    return ["-Iinclude", "-Iarch/x86/include",
            "-I" + os.path.join(build, "include", "generated"), "-I" + UNIT_DIR]


def i386_runner():
    """How this host runs i386 programs: [] (directly) or ["qemu-i386"].
    Found once, by running a tiny i386 program; Failure with one sentence
    when neither way works."""
    def probe():
        forced = os.environ.get("YOMI_UNIT_RUNNER", "")
        qemu = shutil.which("qemu-i386")
        if forced == "qemu" or (forced != "native" and not runs_natively()):
            if not qemu:
                raise Failure("this host cannot run i386 programs (no IA32 emulation) and "
                              "qemu-i386 is missing: install Debian's qemu-user")
            return [qemu]
        return []
    return once("i386-runner", probe)


def runs_natively():
    d = os.path.join(build_dir(), "tests", "unit")
    os.makedirs(d, exist_ok=True)
    exe = os.path.join(d, "probe-i386")
    src = os.path.join(d, "probe-i386.c")
    with open(src, "w") as f:
        f.write("int main(void) { return 0; }\n")
    subprocess.run(["gcc", "-m32", src, "-o", exe], check=True)
    try:
        return subprocess.run([exe]).returncode == 0
    except OSError:         # ENOEXEC: the host kernel has no IA32 emulation
        return False


def run_i386(args, env, timeout):
    """Run an i386 program of the host tests (see i386_runner)."""
    runner = i386_runner()
    if runner:
        env = dict(env, ASAN_OPTIONS=QEMU_USER_ASAN)
    return subprocess.run(runner + args, cwd=ROOT, env=env, timeout=timeout, text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def run_unit(t, path):
    name = os.path.basename(path)[:-2]
    build = build_dir()
    outdir = os.path.join(build, "tests", "unit", name)
    os.makedirs(outdir, exist_ok=True)
    env = dict(os.environ, O=build, T=outdir, **RUN_ENV)
    d = directives(path)
    if d["prepare"]:
        sh(t, ["bash", "-c", "set -eo pipefail; " + d["prepare"]], "prepare", env=env)

    includes = include_flags(build)
    kernel_flags = d["kernel-cflags"].split()
    objects = []
    units = [(src, kernel_flags) for src in expand(d["sources"], env).split()]
    units += [(path, []), (os.path.join(UNIT_DIR, "host.c"), [])]
    for src, extra in units:
        obj = os.path.join(outdir, re.sub(r"[^\w.]", "_", os.path.relpath(src, ROOT)) + ".o")
        compile_unit(t, src, obj, [*CFLAGS, *includes, *extra])
        objects.append(obj)
    exe = os.path.join(outdir, name)
    sh(t, ["gcc", *CFLAGS, *objects, "-o", exe], "linking " + name)

    try:
        r = run_i386([exe], env, 120)
    except subprocess.TimeoutExpired as e:
        out = e.stdout or ""
        t.log = out.decode("utf-8", "replace") if isinstance(out, bytes) else out
        raise Failure("still running after 120s")
    t.log = r.stdout
    counts = re.findall(r"^(\d+) checks, (\d+) failed$", r.stdout, re.M)
    check(counts, "no summary line (exit %d: crashed?)" % r.returncode)
    run, failed = map(int, counts[-1])
    t.note = "%d checks" % run
    check(failed == 0 and r.returncode == 0,
          "%d of %d checks failed (exit %d)" % (failed, run, r.returncode))
    check(run > 0, "no checks ran")


def run_compile_fail(t, path):
    args = ["gcc", *CFLAGS, *include_flags(build_dir()), "-fsyntax-only", path]
    bad = subprocess.run(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True, timeout=60)
    t.log = bad.stdout
    check(bad.returncode != 0, "compiles, but must be refused")
    good = subprocess.run(args + ["-DCONTROL"], cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=60)
    t.log = good.stdout
    check(good.returncode == 0, "the -DCONTROL variant must compile, and does not")
    errors = [l for l in bad.stdout.splitlines() if "error:" in l]
    t.note = "refused: " + errors[0].split("error:", 1)[1].strip()[:60] if errors else ""


def collect():
    tests = []
    if os.path.isdir(COMPILE_FAIL_DIR):
        for f in sorted(os.listdir(COMPILE_FAIL_DIR)):
            if f.endswith(".c"):
                path = os.path.join(COMPILE_FAIL_DIR, f)
                tests.append(Test("compile_fail_" + f[:-2],
                                  lambda t, path=path: run_compile_fail(t, path), cost=0.5))
    for f in sorted(os.listdir(UNIT_DIR)):
        if f.startswith("test_") and f.endswith(".c"):
            path = os.path.join(UNIT_DIR, f)
            tests.append(Test("unit_" + f[len("test_"):-2],
                              lambda t, path=path: run_unit(t, path), cost=2))
    return tests
