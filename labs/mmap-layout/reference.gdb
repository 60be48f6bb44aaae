# What the grader reads itself at the mmap-layout lab's breakpoint
# (search_binary_handler at the first exec, just after
# arch_pick_mmap_layout: tools/labs/grader.py): both bases and the
# search function the new mm got.
printf "@ref base=%lu legacy_base=%lu search=%lu\n", bprm->mm->mmap_base, bprm->mm->mmap_legacy_base, (unsigned long)bprm->mm->get_unmapped_area
