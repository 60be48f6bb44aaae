#!/usr/bin/env python3
"""Generate the C library's system call wrappers from user/lib/syscalls.list.

Usage: syscallstubs.py LIST OUTPUT.c

Each row "<syscall> <C prototype>" becomes

    <prototype>
    {
            return __syscall_ret(__syscall(__NR_<syscall>, (long)a, ..., 0));
    }

The number is the __NR_<syscall> macro of the header generated from
arch/x86/entry/syscall_32.tbl, so the table stays the only place that
knows the numbers. "#include" rows are copied so that the compiler checks
every prototype against its header. The output is written only when it
changes.
"""
import os
import re
import sys


def arg_name(decl):
    """The parameter name of a C declaration like "const void *buf" or
    "int fds[2]"."""
    m = re.search(r"([A-Za-z_]\w*)\s*(\[[^\]]*\])?\s*$", decl)
    if not m:
        raise ValueError("no parameter name in %r" % decl)
    return m.group(1)


def stub(nr_name, proto):
    m = re.match(r"^(.*?)\b([A-Za-z_]\w*)\s*\((.*)\)$", proto)
    if not m:
        raise ValueError("not a prototype: %r" % proto)
    params = m.group(3).strip()
    args = [] if params in ("", "void") else [arg_name(p.strip()) for p in params.split(",")]
    if len(args) > 6:
        raise ValueError("more than six arguments: %r" % proto)
    call = ["__NR_" + nr_name] + ["(long)" + a for a in args] + ["0"] * (6 - len(args))
    return "%s\n{\n\treturn __syscall_ret(__syscall(%s));\n}\n" % (proto, ", ".join(call))


def main():
    src, out = sys.argv[1], sys.argv[2]
    includes, stubs = [], []
    with open(src) as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if line.startswith("#include"):
                includes.append(line)
                continue
            if not line or line.startswith("#"):
                continue
            fields = line.split(None, 1)
            try:
                if len(fields) != 2:
                    raise ValueError("expected <syscall> <prototype>")
                stubs.append(stub(fields[0], fields[1]))
            except ValueError as e:
                sys.exit("%s:%d: %s" % (src, lineno, e))
    text = ("/* generated from %s by tools/syscallstubs.py: do not edit */\n" % src +
            "#include <sys/syscall.h>\n" + "".join(i + "\n" for i in includes) +
            "".join("\n" + s for s in stubs))
    try:
        with open(out) as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
