# The vdso lab's GDB exercise (docs/labs/vdso.md#the-gdb-exercise).
# The grader boots /bin/uname with vdso=2, loads the vDSO's symbols
# (add-symbol-file .../vdso32-sysenter.so.dbg -o 0xffffe000), stops at
# the first instruction of __kernel_vsyscall, and sources this file.
# Step into the kernel through sysenter and show what the vDSO saved.
printf "__kernel_vsyscall: pc=%#lx eax=%ld (the system call) esp=%#lx\n", $pc, $eax, $esp
x/6i $pc
# push ecx, push edx, push ebp, mov ebp,esp, sysenter: five steps at most
set $n = 0
while $pc != (unsigned long)&entry_SYSENTER_32 && $n < 10
  stepi
  set $n = $n + 1
end
# sysenter loaded cs, eip and esp from the MSRs: the kernel's. The user's
# stack is in ebp, which __kernel_vsyscall pointed at what it pushed.
printf "entry_SYSENTER_32: pc=%#lx cs=%#lx esp=%#lx\n", $pc, $cs, $esp
printf "system call eax=%ld, user stack ebp=%#lx\n", $eax, $ebp
set $u = (unsigned long *)$ebp
printf "pushed: ebp=%#lx edx=%#lx ecx=%#lx; the caller's return address %#lx\n", $u[0], $u[1], $u[2], $u[3]
