# The vma-tree lab's GDB exercise (docs/labs/vma-tree.md#the-gdb-exercise).
# The grader boots /bin/test_vmatree, stops in its first munmap
# (SYSC_munmap), and sources this file. Walk current->mm->mm_rb in order
# and print each area with its rb_subtree_gap, and the number of areas.
#
# current is the task that thread_info at the bottom of the 8 KiB kernel
# stack names; an area is its rb_node's address less vm_rb's offset.
set $mm = ((struct thread_info *)((unsigned long)$sp & ~8191UL))->task->mm
set $off = (unsigned long)&((struct vm_area_struct *)0)->vm_rb
set $node = $mm->mm_rb.rb_node
while $node->rb_left
  set $node = $node->rb_left
end
set $n = 0
while $node
  set $vma = (struct vm_area_struct *)((unsigned long)$node - $off)
  printf "%#lx-%#lx subtree gap %#lx", $vma->vm_start, $vma->vm_end, $vma->rb_subtree_gap
  if $node == $mm->mm_rb.rb_node
    printf " (the root)"
  end
  printf "\n"
  set $n = $n + 1
  # the successor: the leftmost node of the right subtree, or else the
  # first ancestor that we reach coming up from its left child
  if $node->rb_right
    set $node = $node->rb_right
    while $node->rb_left
      set $node = $node->rb_left
    end
  else
    set $from = $node
    set $node = $node->rb_parent
    while $node && $from == $node->rb_right
      set $from = $node
      set $node = $node->rb_parent
    end
  end
end
printf "%d areas in the tree, map_count %d\n", $n, $mm->map_count
# the same areas as /proc/PID/maps names them (tools/gdb/yomi.py)
yomi-maps
