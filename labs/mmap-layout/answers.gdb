# The mmap-layout lab's GDB exercise (docs/labs/mmap-layout.md#the-gdb-exercise).
# The grader boots /bin/mmapdemo (with address randomization on), stops
# in search_binary_handler at the first exec - arch_pick_mmap_layout has
# just chosen the new address space's layout - and sources this file.
# Show what it chose.
set $mm = bprm->mm
printf "mmap_base=%#lx mmap_legacy_base=%#lx\n", $mm->mmap_base, $mm->mmap_legacy_base
# the search every mmap without MAP_FIXED will use
print $mm->get_unmapped_area
# the gap below the stack that mmap_base leaves: RLIMIT_STACK, clamped
printf "gap below TASK_SIZE: %#lx (RLIMIT_STACK %#lx)\n", 0xc0000000 - $mm->mmap_base, ((struct thread_info *)((unsigned long)$sp & ~8191UL))->task->rlim[3].rlim_cur
