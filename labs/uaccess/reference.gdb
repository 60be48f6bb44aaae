# What the grader reads itself at the uaccess lab's breakpoint (the first
# instruction of fixup_exception, tools/labs/grader.py): the faulting
# instruction's address and the fixup its __ex_table entry names, found
# by the grader's own walk of the table (the kernel is built with
# -mregparm=3, so the regs argument is in eax).
set $fault_ip = ((struct pt_regs *)$eax)->ip
set $entry = (unsigned long *)&__start___ex_table
while $entry < (unsigned long *)&__stop___ex_table && $entry[0] != $fault_ip
  set $entry = $entry + 2
end
if $entry < (unsigned long *)&__stop___ex_table
  printf "@ref ip=%lu fixup=%lu\n", $fault_ip, $entry[1]
else
  printf "@ref-missing the faulting instruction %#lx has no __ex_table entry: write the copy routines first\n", $fault_ip
end
