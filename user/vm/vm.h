/*
 * vm: the experiments docs/mmap.md and docs/vdso-and-proc.md show, one
 * subcommand each (`vm split`, `vm cow`, ...). Each prints the calls it
 * makes with their results, and the lines of /proc/self/maps that matter,
 * indented by two spaces; `make docs` runs them and puts the output into
 * the pages.
 */
#ifndef VM_H
#define VM_H

#include <stddef.h>

#define PAGE 0x1000UL
#define KIB 1024UL
#define MIB (1024UL * 1024)

/* util.c */
void show_maps(unsigned long lo, unsigned long hi);
void *map(void *addr, size_t len, int prot, int flags);
const char *result(long ret);
void in_child(const char *what, void (*fn)(unsigned long), unsigned long arg);
long free_kb(void);

/* the subcommands: mm.c, fault.c, proc.c */
int vm_split(void);
int vm_mprotect(void);
int vm_place(void);
int vm_heap(void);
int vm_mremap(void);
int vm_lazy(void);
int vm_cow(void);
int vm_stack(void);
int vm_fault(const char *what);
int vm_auxv(void);
int vm_read1(void);

#endif
