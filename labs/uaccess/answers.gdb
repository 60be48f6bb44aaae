# The uaccess lab's GDB exercise (docs/labs/uaccess.md#the-gdb-exercise).
# The grader boots /bin/test_uaccess, stops at the first instruction of
# fixup_exception (the first bad pointer: write from NULL), and sources
# this file. Show the faulting instruction and its __ex_table entry.
#
# The kernel is built with -mregparm=3: at the first instruction the
# argument regs is still in eax. regs->ip is the faulting instruction.
set $r = (struct pt_regs *)$eax
printf "faulting ip=%#lx\n", $r->ip
x/i $r->ip
# __ex_table is pairs of (instruction, fixup); find the pair for ip
set $e = (unsigned long *)&__start___ex_table
while $e < (unsigned long *)&__stop___ex_table && $e[0] != $r->ip
  set $e = $e + 2
end
printf "__ex_table entry at %#lx: insn=%#lx fixup=%#lx\n", (unsigned long)$e, $e[0], $e[1]
x/i $e[1]
