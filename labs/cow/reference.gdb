# What the grader reads itself at the cow lab's breakpoint (the first
# instruction of do_wp_page for an anonymous area, tools/labs/grader.py):
# the PTE of the faulting address and the reference count of its page.
# The kernel is built with -mregparm=3: vma in eax, addr in edx, pte in ecx.
set $pte = *(unsigned long *)$ecx
printf "@ref pte=%lu count=%d\n", $pte, mem_map[$pte >> 12]._refcount
