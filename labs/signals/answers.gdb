# The signals lab's GDB exercise (docs/labs/signals.md#the-gdb-exercise).
# The grader boots /bin/test_sighandler with its symbols and the vDSO's
# (at 0xffffe000) loaded, stops at the first instruction of the
# SA_SIGINFO handler with_info, and sources this file. Show the
# backtrace through the signal frame, the frame's return address, and
# the interrupted eip saved in the ucontext.
#
# gdb recognizes __kernel_rt_sigreturn's two instructions as a signal
# trampoline (for the GNU/Linux ABI) and unwinds through the ucontext.
set osabi GNU/Linux
bt
# at the first instruction: esp -> pretcode, sig, &info, &uc
printf "pretcode=%#lx\n", *(unsigned long *)$sp
info symbol *(unsigned long *)$sp
set $uc = *(struct ucontext **)($sp + 12)
printf "saved eip=%#lx\n", $uc->uc_mcontext.ip
