#!/usr/bin/env python3
"""asm-offsets for nasm: turn the .ascii "->NAME VALUE" lines that the compiler
leaves in arch/x86/kernel/asm-offsets.c's assembly output into
"NAME equ VALUE" lines (Linux's Kbuild does this with sed into a C
header; yomi's assembler is nasm).

    gcc -S -o - arch/x86/kernel/asm-offsets.c | asmoffsets.py > asm-offsets.inc

A negative value is a 32-bit constant the compiler printed as signed
(0xC0000000 comes out as -1073741824); it is written back in hexadecimal.
"""
import re
import sys

LINE = re.compile(r"^\.ascii\s+\"->(\w+) \$?(-?\d+)\"")


def main():
    out = ["; generated from arch/x86/kernel/asm-offsets.c by tools/asmoffsets.py: do not edit"]
    for line in sys.stdin:
        m = LINE.match(line.strip())
        if m:
            value = int(m.group(2))
            out.append("%-24s equ %s" % (m.group(1), "%#x" % (value & 0xffffffff)
                                         if value < 0 or value > 0xffff else value))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
