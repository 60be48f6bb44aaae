# What the grader reads itself at the exec lab's breakpoint (hbreak _start
# in /bin/test_startup, tools/labs/grader.py): argc, argv[0] and the
# values of AT_PHDR, AT_ENTRY and AT_RANDOM, from the initial stack.
set $ref_sp = (unsigned long *)$sp
set $ref_p = $ref_sp + 1 + $ref_sp[0] + 1
while *$ref_p
  set $ref_p = $ref_p + 1
end
set $ref_p = $ref_p + 1
set $ref_phdr = 0
set $ref_entry = 0
set $ref_random = 0
while $ref_p[0]
  if $ref_p[0] == 3
    set $ref_phdr = $ref_p[1]
  end
  if $ref_p[0] == 9
    set $ref_entry = $ref_p[1]
  end
  if $ref_p[0] == 25
    set $ref_random = $ref_p[1]
  end
  set $ref_p = $ref_p + 2
end
printf "@ref argc=%lu argv0=%lu phdr=%lu entry=%lu random=%lu\n", $ref_sp[0], $ref_sp[1], $ref_phdr, $ref_entry, $ref_random
