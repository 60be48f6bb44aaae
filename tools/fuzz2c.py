#!/usr/bin/env python3
"""Turn the calls of a fuzzer's child (the lines /bin/fuzz -v CHILD prints,
user/fuzz/) into a C program that makes them again: a reproducer, and
once the bug is fixed, a regression test (user/tests/fuzz_NAME.c, linked
with user/tests/lib/repro.c).

    fuzz2c.py LOG NAME [--keep 0,3,17] > user/tests/fuzz_NAME.c

LOG holds lines like

    fuzz: world: fd = open(FUZZ_DIR "/f0", O_RDWR | O_CREAT, 0644);
    fuzz: [17] read/3(fd=fd 3 <0x3>, buf=buf 512 <0xb774a000>, count=512 <0x200>)
    fuzz: [17] = 512

The set-up statements are copied as they are; each call becomes a raw
system call whose arguments are rebuilt from how the fuzzer made them
("fd 3", "buf 512" - the last 512 bytes of the arena -, "edge 3", a path,
"bad 0xc0000000"), not from their addresses, which differ in another
program. A call printed by several processes (after a fork) is kept once:
every process runs the same list. --keep takes only the calls with those
numbers (tests/fuzz.py uses it to minimize).
"""
import re
import sys

WORLD = re.compile(r"^fuzz: world: (.*)$")
CALL = re.compile(r"^fuzz: \[(\d+)\] (\w+)/(\d+)\((.*)\)\s*$")
RESULT = re.compile(r"^fuzz: \[(\d+)\] = (-?\d+)\s*$")
ARG = re.compile(r'(\w+)=(.*?) <(0x[0-9a-f]+|0)>(?:, |$)')


def parse(text):
    """(set-up statements, calls) from a log; each call is a dict with
    index, name, nr, args [(name, how, raw)] and result (None if the
    kernel died in it)."""
    world, calls, seen = [], [], {}
    for line in text.replace("\r", "").split("\n"):
        m = WORLD.match(line)
        if m and m.group(1) not in world:
            world.append(m.group(1))
            continue
        m = CALL.match(line)
        if m and int(m.group(1)) not in seen:
            call = dict(index=int(m.group(1)), name=m.group(2), nr=int(m.group(3)),
                        args=[(a, h, int(r, 16)) for a, h, r in ARG.findall(m.group(4))],
                        result=None)
            seen[call["index"]] = call
            calls.append(call)
            continue
        m = RESULT.match(line)
        if m and int(m.group(1)) in seen and seen[int(m.group(1))]["result"] is None:
            seen[int(m.group(1))]["result"] = int(m.group(2))
    return world, calls


def c_string(s):
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


def c_path(quoted):
    """A path the fuzzer logged, with its /tmp/fuzz as FUZZ_DIR: each
    reproducer works in a folder of its own."""
    if quoted == '"/tmp/fuzz"':
        return "FUZZ_DIR"
    if quoted.startswith('"/tmp/fuzz/'):
        return 'FUZZ_DIR "' + quoted[len('"/tmp/fuzz'):]
    return quoted


def c_arg(how, raw, arrays):
    """The C expression for an argument the fuzzer described as how."""
    word, _, rest = how.partition(" ")
    if word == "fd":
        return rest
    if word == "buf":
        return "(long)(arena + ARENA_SIZE - %s)" % rest
    if word == "bufpage":
        return "(long)((unsigned long)(arena + ARENA_SIZE - %s) & ~4095UL)" % rest
    if word == "edge":
        return "(long)(edge - %s)" % rest
    if word == "bad":
        return "(long)%sUL" % rest
    if how in ("long_name", "long_path"):
        return "(long)" + how
    if how.startswith('"'):
        return "(long)" + c_path(how)
    if word == "argv":
        name = "argv%d" % len(arrays)
        items = [c_path(x) for x in re.findall(r'"[^"]*"|long_name|long_path', rest)]
        arrays.append("\tstatic const char *%s[] = { %s, NULL };" % (name, ", ".join(items)))
        return "(long)" + name
    return "(long)%#xUL" % raw


def c_call(call, arrays):
    args = [c_arg(how, raw, arrays) for _, how, raw in call["args"]]
    args += ["0"] * (6 - len(args))
    shown = ", ".join("%s=%s" % (a, h) for a, h, _ in call["args"])
    result = "the kernel died here" if call["result"] is None else "= %d" % call["result"]
    return ["\t/* [%d] %s(%s) %s */" % (call["index"], call["name"], shown.replace("*/", "* /"),
                                         result),
            "\t__syscall(%d, %s);" % (call["nr"], ", ".join(args))]


def to_c(world, calls, name, comment):
    """The reproducer's source: set-up and calls in calls(), run by
    run_reproducer (user/tests/lib/repro.c)."""
    arrays, body = [], []
    for call in calls:
        body += c_call(call, arrays)
    out = ["/*", " * test_fuzz_%s: %s" % (name, comment[0])]
    out += [" * " + line if line else " *" for line in comment[1:]]
    out += [" * Written by tools/fuzz2c.py; see user/tests/lib/repro.h.", " */",
            "#include <fcntl.h>", "#include <string.h>", "#include <sys/mman.h>",
            "#include <sys/stat.h>", "#include <unistd.h>", '#include "repro.h"', "",
            '#define FUZZ_DIR "/tmp/fuzz-%s"' % name.replace("_", "-"), "",
            "static void calls(void)", "{"]
    out += arrays
    out += ["\t" + stmt + ";" if not stmt.endswith(";") else "\t" + stmt for stmt in world]
    out += body
    out += ["}", "", "int main(void)", "{",
            "\treturn run_reproducer(calls, %s);" % c_string(name.replace("_", " ")), "}"]
    return "\n".join(out) + "\n"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.split("\n\n")[1])
    with open(sys.argv[1], errors="replace") as f:
        world, calls = parse(f.read())
    if "--keep" in sys.argv:
        keep = {int(x) for x in sys.argv[sys.argv.index("--keep") + 1].split(",") if x}
        calls = [c for c in calls if c["index"] in keep]
    sys.stdout.write(to_c(world, calls, sys.argv[2], ["a reproducer of a fuzzer's find."]))


if __name__ == "__main__":
    main()
