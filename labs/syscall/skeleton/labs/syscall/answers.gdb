@@ file
# The syscall lab's GDB exercise (docs/labs/syscall.md#the-gdb-exercise).
# The grader boots /bin/test_times, stops at the first SYSC_times, and
# sources this file. Print the struct pt_regs that the entry code built
# for this system call.
#
# TODO(syscall): your commands here
