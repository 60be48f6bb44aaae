/*
 * repro.h: what the reproducers that tools/fuzz2c.py writes share
 * (user/tests/fuzz_*.c, made from the calls of a fuzzer's child that
 * took the kernel down). Each has a calls() function: the child's set-up,
 * then its system calls, as the fuzzer made them. run_reproducer runs it
 * in a child of its own, off the console and in its own process group,
 * kills what is left after a few seconds, and reports one case: the
 * kernel survived (it is still here to report it). On a kernel with the
 * bug, the test never gets that far.
 */
#ifndef _REPRO_H
#define _REPRO_H

/* the raw system call, as the fuzzer makes it (user/lib/syscall.S) */
long __syscall(long nr, long a1, long a2, long a3, long a4, long a5, long a6);

/* the variables the fuzzer's set-up statements use (user/fuzz/world.c) */
#define ARENA_SIZE (64 * 1024)
extern char *arena, *page;
extern unsigned long edge;
extern int p[2], fd;
extern unsigned int i;
extern char long_name[300], long_path[4200];

int run_reproducer(void (*calls)(void), const char *what);

#endif
