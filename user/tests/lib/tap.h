/*
 * tap.h: the helpers every test program uses (tap.c).
 *
 * Output is TAP-like: "ok 3 - write to NULL gives EFAULT", "not ok 4 - ..."
 * followed by "# ..." lines saying what went wrong, "ok 5 - ... # SKIP why"
 * for a case that cannot run here, and at the end the plan "1..N" and
 * "# test_NAME: N passed, M failed" (plus "(K skipped)" when some were).
 * main returns tap_done(), the number of failures, as the exit status.
 * TEST_NAME ("test_NAME") comes from user/user.mk.
 */
#ifndef _TAP_H
#define _TAP_H

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#define PAGE_SIZE 4096UL

/* ok: one result; returns cond. */
int ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* expect_errno: passes when a libc call returned -1 with errno == err. */
int expect_errno(long ret, int err, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* expect_eq: passes when got == want; prints both when it fails. */
int expect_eq(long got, long want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* skip: a case that cannot be checked here, and why. */
void skip(const char *why, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* ok_unless: ok(cond, ...), or skip(why, ...) with the same description when
 * why is not NULL (a case only one kernel can check keeps its number on the
 * other, since yomi's and Linux's results are compared case by case). */
int ok_unless(const char *why, int cond, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int __tap_done(const char *name);
/* tap_init: make the counts a child can share (tap_fork does it too) */
void tap_init(void);
/* tap_fork: fork(), after which the child's cases count as the parent's */
pid_t tap_fork(void);
#define tap_done() __tap_done(TEST_NAME)

/* on_yomi: uname's sysname is "yomi" (otherwise: Linux, the reference). */
int on_yomi(void);

/*
 * Bad user pointers, as the kernel must reject them with EFAULT. Each has a
 * name for the test line, an address and a length to use for calls that
 * take one (for fixed-size structures the kernel's own size applies).
 * bad_pointers(bp, size) fills bp (at least NR_BAD entries) for an object
 * of size bytes (at least 2) and returns how many it filled:
 *   NULL;
 *   0xc0000000 (PAGE_OFFSET: the kernel's half, on yomi as on Linux i386);
 *   0xc0100000 (yomi's kernel image);
 *   0xfffff000 with a length of 0x2000 that wraps past 4 GiB;
 *   TASK_SIZE - size/2: starts in user space, ends in the kernel's;
 *   0x10000000: unmapped (far above the heap, below any mmap area);
 *   heap end - size/2: starts in the last mapped heap page, ends in the
 *   unmapped page after it.
 */
#define NR_BAD 8
struct bad_ptr {
	const char *name;
	void *addr;
	size_t len;
	int kernel;	/* reaches TASK_SIZE: access_ok fails before any work */
};
int bad_pointers(struct bad_ptr *bp, size_t size);

/* heap_end: the end of the heap's last page, the first unmapped address
 * after it (the first call grows the heap by a page so there is one). */
unsigned long heap_end(void);

/* use_stack: depth nested calls with 4 KiB of stack each, so the stack
 * grows by depth * 4 KiB (stack.c); returns depth */
int use_stack(int depth);

#endif
