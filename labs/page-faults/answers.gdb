# The page-faults lab's GDB exercise (docs/labs/page-faults.md#the-gdb-exercise).
# The grader boots /bin/test_fault, stops at the first instruction of
# do_page_fault (the first page fault of pid 1), and sources this file.
# Log the first three page faults - the address and the error code's
# bits - and stay stopped at the third.
#
# At the first instruction CR2 still holds the faulting address
# (interrupts are off, so no other fault came in between), and with
# -mregparm=3 the arguments are in registers: regs in eax, error_code in
# edx. current is the task_struct that thread_info at the bottom of the
# 8 KiB kernel stack names.
set $n = 1
while $n <= 3
  set $err = $edx
  set $task = ((struct thread_info *)((unsigned long)$sp & ~8191UL))->task
  printf "fault %d: pid %d cr2=%#lx ip=%#lx error=%ld:", $n, $task->pid, $cr2, ((struct pt_regs *)$eax)->ip, $err
  # bit 0: the page was present (a protection fault), bit 1: a write,
  # bit 2: from user mode
  if $err & 1
    printf " protection,"
  else
    printf " not present,"
  end
  if $err & 2
    printf " write,"
  else
    printf " read,"
  end
  if $err & 4
    printf " user\n"
  else
    printf " kernel\n"
  end
  if $n < 3
    continue
  end
  set $n = $n + 1
end
