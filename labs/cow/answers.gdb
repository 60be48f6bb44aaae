# The cow lab's GDB exercise (docs/labs/cow.md#the-gdb-exercise).
# The grader boots /bin/test_cow, stops at the first instruction of
# do_wp_page for the first write to a shared anonymous page after a fork,
# and sources this file. Print the PTE of the faulting address and the
# reference count of the page it maps.
#
# The kernel is built with -mregparm=3: at the first instruction the
# arguments are still in registers, vma in eax, addr in edx, pte in ecx.
set $pte = *(unsigned long *)$ecx
printf "write fault at %#x\n", (unsigned int)$edx
printf "pte %#lx: frame %lu, writable %d\n", $pte, $pte >> 12, ($pte & 2) != 0
printf "the page's _refcount: %d\n", mem_map[$pte >> 12]._refcount
yomi-pte $edx
# the other process still maps the same frame: yomi-ps, then yomi-pte ADDR PID
yomi-ps
