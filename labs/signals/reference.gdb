# What the grader reads itself at the signals lab's breakpoint (hbreak at
# the first instruction of with_info in /bin/test_sighandler,
# tools/labs/grader.py): the rt_sigframe's pretcode (the return address on
# top of the stack) and the interrupted eip saved in its ucontext (the
# third argument: uc_flags, uc_link, uc_stack are 20 bytes, then the
# sigcontext, whose eip is its 15th word).
set $ref_frame = (unsigned long *)$sp
set $ref_uc = (unsigned long *)$ref_frame[3]
printf "@ref pretcode=%lu eip=%lu\n", $ref_frame[0], $ref_uc[5 + 14]
