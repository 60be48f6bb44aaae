# What the grader reads itself at the vdso lab's breakpoint (the first
# instruction of __kernel_vsyscall, before the student's script runs,
# tools/labs/grader.py): the system call's number, the stack pointer
# that entry_SYSENTER_32 finds in ebp (below the three words that
# __kernel_vsyscall pushes), the caller's return address on the user
# stack, and where sysenter lands.
printf "@ref nr=%lu ebp=%lu ret=%lu entry=%lu\n", $eax, $esp - 12, *(unsigned long *)$esp, (unsigned long)&entry_SYSENTER_32
