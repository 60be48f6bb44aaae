# What the grader reads itself at the buddy lab's breakpoint (the first
# instruction of __free_one_page, tools/labs/grader.py): the block's pfn
# and order and its buddy's pfn. The kernel is built with -mregparm=3,
# so page is in eax and order in edx.
set $pfn = (struct page *)$eax - mem_map
printf "@ref pfn=%lu order=%lu buddy=%lu\n", $pfn, $edx, $pfn ^ (1UL << $edx)
