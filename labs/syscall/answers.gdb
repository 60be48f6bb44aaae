# The syscall lab's GDB exercise (docs/labs/syscall.md#the-gdb-exercise).
# The grader boots /bin/test_times, stops at the first SYSC_times, and
# sources this file. Print the struct pt_regs that the entry code built
# for this system call.
#
# entry_INT80_32 and entry_SYSENTER_32 push the user's registers at the
# top of the task's kernel stack (THREAD_SIZE = 8 KiB, aligned), as
# task_pt_regs() finds them: the stack's end minus one struct pt_regs.
set $stack = (unsigned long)$sp & ~8191UL
set $regs = (struct pt_regs *)($stack + 8192) - 1
print *$regs
# orig_ax is the system call's number (43), bx its first argument (tbuf),
# ip and cs where user mode continues after the call (cs 0x73: ring 3)
printf "orig_ax=%ld bx=%#lx ip=%#lx cs=%#lx\n", $regs->orig_ax, $regs->bx, $regs->ip, $regs->cs
