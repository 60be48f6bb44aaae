# What the grader reads itself at the vma-tree lab's breakpoint (test_vmatree's
# first munmap, tools/labs/grader.py): the area at the root of the
# current task's tree, the root's rb_subtree_gap (the largest gap in the
# whole tree) and the number of areas.
set $ref_mm = ((struct thread_info *)((unsigned long)$sp & ~8191UL))->task->mm
set $ref_root = (struct vm_area_struct *)((unsigned long)$ref_mm->mm_rb.rb_node - (unsigned long)&((struct vm_area_struct *)0)->vm_rb)
printf "@ref root=%lu gap=%lu count=%d\n", $ref_root->vm_start, $ref_root->rb_subtree_gap, $ref_mm->map_count
