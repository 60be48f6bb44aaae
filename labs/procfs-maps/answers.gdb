# The procfs-maps lab's GDB exercise (docs/labs/procfs-maps.md#the-gdb-exercise).
# The grader boots /bin/cat /proc/self/maps (vdso=2, the compat page),
# stops in show_map when it is about to print the gate page's line
# (v == priv->tail_vma), and sources this file. Show the gate VMA and
# where the walk stands.
set $priv = (struct proc_maps_private *)m->private
set $gate = $priv->tail_vma
# the gate VMA: in no list (vm_next NULL), taken from get_gate_vma
print *$gate
printf "tail_vma %#lx-%#lx, vm_next=%#lx\n", $gate->vm_start, $gate->vm_end, (unsigned long)$gate->vm_next
# m->version: the end of the last area shown, where m_start would resume;
# m->index: the record being generated; m->count: the bytes before it
printf "m->version=%#llx m->index=%lld m->count=%lu\n", m->version, m->index, m->count
