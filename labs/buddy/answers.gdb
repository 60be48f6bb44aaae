# The buddy lab's GDB exercise (docs/labs/buddy.md#the-gdb-exercise).
# The grader boots /bin/test_buddy, stops at the first instruction of
# __free_one_page (the first block freed at boot), and sources this file.
# Print the block's pfn, its order, and its buddy's pfn.
#
# The kernel is built with -mregparm=3: at the first instruction the
# arguments are still in registers, page in eax and order in edx.
set $page = (struct page *)$eax
set $pfn = $page - mem_map
printf "freeing pfn %lu, order %lu (%lu pages)\n", $pfn, $edx, 1UL << $edx
printf "its buddy: pfn %lu\n", $pfn ^ (1UL << $edx)
print mem_map[$pfn ^ (1UL << $edx)]
