# The exec lab's GDB exercise (docs/labs/exec.md#the-gdb-exercise).
# The grader boots /bin/test_startup, stops at its first instruction
# (hbreak _start, with the program's symbols loaded) and sources this
# file. Show argc, argv[0] and the auxiliary vector's AT_PHDR, AT_ENTRY
# and AT_RANDOM, read from the initial stack.
#
# At _start nothing has been pushed yet: esp points at argc, then come
# argv[0..argc-1], NULL, envp[], NULL, and the (type, value) pairs.
set $sp0 = (unsigned long *)$sp
printf "argc=%lu\n", $sp0[0]
printf "argv[0]=%#lx \"%s\"\n", $sp0[1], (char *)$sp0[1]
set $p = $sp0 + 1 + $sp0[0] + 1
while *$p
  set $p = $p + 1
end
set $p = $p + 1
while $p[0]
  if $p[0] == 3
    printf "AT_PHDR=%#lx\n", $p[1]
  end
  if $p[0] == 9
    printf "AT_ENTRY=%#lx\n", $p[1]
  end
  if $p[0] == 25
    printf "AT_RANDOM=%#lx:", $p[1]
    x/16xb $p[1]
  end
  set $p = $p + 2
end
