"""The classroom labs (labs/, tools/labs/, docs/labs/README.md).

    lab_check         make lab-check's mistakes for every lab: its skeleton
                      builds and fails every graded test while the lab's
                      smoke tests pass, each bugs/*.patch is caught
                      (tools/labs/check.py --part mistakes; in $O/labcheck/)
    lab_solutions     make lab-check's solution part: the tree scores full
                      marks three times with identical serial logs
    lab_skeleton      the skeleton format (tools/labs/skeleton.py) on
                      small examples: functions with their comments,
                      SYSCALL_DEFINEs, lines, whole files
    lab_export        make lab-export: a template repository with the
                      skeleton, no history, no bug patches
    lab_gdb_helpers   tools/gdb/yomi.py's commands in a gdb session on a
                      halted machine: yomi-ps, yomi-maps, yomi-pte,
                      yomi-syscall, yomi-dmesg, the pt_regs printer
"""
import os
import re
import shutil
import sys
import tempfile

from harness import ROOT, check, test

sys.path.insert(0, os.path.join(ROOT, "tools", "labs"))
import check as labcheck  # noqa: E402
import labdef  # noqa: E402
import skeleton  # noqa: E402
from system.test_gdb import PREAMBLE, boot_halted, run_gdb  # noqa: E402


def lab_check(t, part):
    """tools/labs/check.py's part for every lab in turn."""
    lines = []
    problems = labcheck.check_all(labdef.names(ROOT), lines.append, parts=[part])
    t.log = "\n".join(lines)
    check(not problems, "%d problem(s): %s" % (len(problems), "; ".join(problems)[:2000]))
    t.note = "%d labs, %d checks" % (len(labdef.names(ROOT)),
                                     sum(1 for l in lines if l.startswith("  ok")))


@test(cost=300)
def test_lab_check(t):
    """Every lab's bug patches and skeleton (they share $O/labcheck/)."""
    lab_check(t, "mistakes")


@test(cost=200)
def test_lab_solutions(t):
    """The main tree, as built in $O, scores full marks three times with
    identical serial logs, for every lab."""
    lab_check(t, "solution")


SOURCE = """/* add: a sum */
static int add(int a, int b)
{
	return a + b;	/* } in a comment */
}

int twice(int a);

/*
 * SyS: a system call
 */
SYSCALL_DEFINE1(twice, int, a)
{
	if (a) {
		return add(a, a);
	}
	return 0;
}
row 43 times
"""

SKELETON = """@@ function add
/* TODO(x): add them */
static int add(int a, int b)
{
	(void)a; (void)b;
	return 0;
}
@@ syscall twice
/* TODO(x): twice */
SYSCALL_DEFINE1(twice, int, a)
{
	return add(a, 0);
}
@@ line ^row 43
row 43 (TODO(x))
"""


@test(cost=0.1)
def test_lab_skeleton(t):
    got = skeleton.apply_text(SOURCE, SKELETON, "example.c")
    check(got.startswith("/* TODO(x): add them */\nstatic int add"), "the function with its "
          "comment is not replaced:\n" + got)
    check("int twice(int a);\n" in got, "a declaration was replaced:\n" + got)
    check("SyS: a system call" not in got and "return add(a, 0);\n}\nrow 43 (TODO(x))\n" in got,
          "the SYSCALL_DEFINE or the line is not replaced:\n" + got)
    check(skeleton.apply_text(SOURCE, "@@ file\nnew\n", "f") == "new\n", "@@ file")
    try:
        skeleton.apply_text(SOURCE, "@@ function nosuch\nx\n", "f")
        check(False, "a missing function was not reported")
    except labdef.LabError:
        pass


GDB_HELPERS = PREAMBLE + r"""source {helpers}
target remote {sock}
break SYSC_write
continue
printf "@ps\n"
yomi-ps
printf "@maps\n"
yomi-maps 1
printf "@pte\n"
yomi-pte 0x08049000
printf "@syscall\n"
yomi-syscall 43
yomi-syscall 9999
printf "@regs\n"
print *((struct pt_regs *)(((unsigned long)$sp & ~8191UL) + 8192) - 1)
print *((struct thread_info *)((unsigned long)$sp & ~8191UL))->task
printf "@dmesg\n"
yomi-dmesg
printf "@end\n"
kill
"""


@test(cost=5)
def test_lab_export(t):
    """make lab-export: a template repository with the skeleton as its one
    commit on lab/<name>, the student commands working there, and neither
    history nor the bug patches (diffs against the solution) inside."""
    import subprocess
    tmp = tempfile.mkdtemp(prefix="yomi-export-")
    try:
        dest = os.path.join(tmp, "repo")
        r = subprocess.run([sys.executable, os.path.join(ROOT, "tools/labs/teacher.py"), "export",
                            "uaccess", dest], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           text=True)
        check(r.returncode == 0, "lab-export failed:\n" + r.stdout)
        git = lambda *a: subprocess.run(["git", "-C", dest] + list(a), stdout=subprocess.PIPE,
                                        text=True).stdout
        check(git("rev-parse", "--abbrev-ref", "HEAD").strip() == "lab/uaccess", "not on lab/uaccess")
        check(len(git("log", "--format=%H").split()) == 1, "history was exported")
        check("Lab-Start: uaccess" in git("log", "-1", "--format=%B"), "no Lab-Start trailer")
        leaked = [f for f in git("ls-files").split() if "/bugs/" in f]
        check(not leaked, "teacher files exported: %s" % leaked[:5])
        with open(os.path.join(dest, "arch/x86/lib/usercopy_32.c")) as f:
            check("TODO(uaccess)" in f.read(), "the skeleton is not applied")
        out = subprocess.run([sys.executable, "tools/labs/lab.py", "list"], cwd=dest, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT).stdout
        check(re.search(r"^uaccess .* started", out, re.M), "lab-list there:\n" + out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@test(cost=3)
def test_lab_gdb_helpers(t):
    from system.userland import initramfs_path
    tmp = tempfile.mkdtemp(prefix="yomi-gdbhelpers-")
    try:
        vm, sock = boot_halted(t, tmp, cmdline="init=/bin/hello vdso=2", initrd=initramfs_path())
        out = run_gdb(t, tmp, GDB_HELPERS.format(elf=t.elf, sock=sock, helpers=os.path.join(
            ROOT, "tools", "gdb", "yomi.py")))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    check("@end" in out, "the gdb session did not finish (see the log)")
    part = {}
    for name in ("ps", "maps", "pte", "syscall", "regs", "dmesg"):
        part[name] = out.split("@%s\n" % name, 1)[1].split("\n@", 1)[0]
    check(re.search(r"^\s+1\s+0\s+0 hello$", part["ps"], re.M), "yomi-ps: no pid 1 'hello':\n"
          + part["ps"])
    check(re.search(r"^08049000-[0-9a-f]{8} r-xp 00001000 hello$", part["maps"], re.M) and
          re.search(r"^b[0-9a-f]{7}-[0-9a-f]{8} rw-p 00000000 \[stack\]$", part["maps"], re.M) and
          "ffffe000-fffff000 r-xp 00000000 [vdso]  (gate_vma)" in part["maps"],
          "yomi-maps 1: no text area or no gate page:\n" + part["maps"])
    check(re.search(r"pde\[32\] .* P RW U", part["pte"]) and "physical 0x" in part["pte"],
          "yomi-pte 0x08049000: no present user PDE and PTE:\n" + part["pte"])
    check("sys_call_table[43] = sys_times" in part["syscall"] and "outside the table"
          in part["syscall"], "yomi-syscall:\n" + part["syscall"])
    check("orig_ax=4 (sys_write)" in part["regs"] and "from ring 3" in part["regs"] and
          'comm="hello"' in part["regs"], "the pretty-printers:\n" + part["regs"])
    check("yomi version" in part["dmesg"], "yomi-dmesg lacks the banner:\n" + part["dmesg"][:500])
