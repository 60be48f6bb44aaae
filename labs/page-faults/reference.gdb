# What the grader reads itself at the page-faults lab's breakpoint, after
# the student's script (tools/labs/grader.py): that script stays at the
# third stop at the first instruction of do_page_fault, so the breakpoint
# was hit three times; CR2 is the faulting address, edx the error code
# (the kernel is built with -mregparm=3) and eax the struct pt_regs.
python
hits = [b.hit_count for b in gdb.breakpoints() if b.location == "*do_page_fault"]
gdb.execute('printf "@ref stops=%%d cr2=%%lu error=%%lu ip=%%lu\\n", %d, $cr2, $edx, ((struct pt_regs *)$eax)->ip' % (hits[0] if hits else 0))
end
