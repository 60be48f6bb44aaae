#!/usr/bin/env python3
"""Turn arch/x86/entry/syscall_32.tbl into C headers (Linux: syscalltbl.sh
and syscallhdr.sh).

Usage: syscalltbl.py TABLE OUTDIR
Writes OUTDIR/asm/syscalls_32.h: one __SYSCALL_I386(nr, entry) line per row
that has an entry point (syscall_32.c includes it inside sys_call_table's
initializer), and OUTDIR/asm/unistd_32.h: __NR_<name> for every row, plus
__NR_syscall_max and NR_syscalls (the highest number + 1).
"""
import os
import sys


def read_table(path):
    rows = []
    with open(path) as f:
        for lineno, line in enumerate(f, 1):
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = line.split()
            if len(fields) < 3 or not fields[0].isdigit() or fields[1] != "i386":
                sys.exit("%s:%d: bad row" % (path, lineno))
            rows.append((int(fields[0]), fields[2], fields[3] if len(fields) > 3 else None))
    numbers = [r[0] for r in rows]
    if len(set(numbers)) != len(numbers):
        sys.exit("%s: a number appears twice" % path)
    return sorted(rows)


def write_if_changed(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    try:
        with open(path) as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(path, "w") as f:
        f.write(text)


def main():
    table, outdir = sys.argv[1], sys.argv[2]
    rows = read_table(table)
    head = "/* generated from %s by tools/syscalltbl.py: do not edit */\n" % table
    calls = head + "".join("__SYSCALL_I386(%d, %s)\n" % (nr, entry)
                           for nr, _, entry in rows if entry)
    nr_max = rows[-1][0]
    unistd = (head + "#ifndef _ASM_X86_UNISTD_32_H\n#define _ASM_X86_UNISTD_32_H\n\n" +
              "".join("#define __NR_%s %d\n" % (name, nr) for nr, name, _ in rows) +
              "\n#define __NR_syscall_max %d\n#define NR_syscalls %d\n\n#endif\n" % (nr_max, nr_max + 1))
    write_if_changed(os.path.join(outdir, "asm", "syscalls_32.h"), calls)
    write_if_changed(os.path.join(outdir, "asm", "unistd_32.h"), unistd)


if __name__ == "__main__":
    main()
