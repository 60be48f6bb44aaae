/* Compiler helpers used across the kernel. */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define __noreturn __attribute__((noreturn))
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __section(s) __attribute__((section(s)))
#define __used __attribute__((used))
#define __unused __attribute__((unused))
/* kept out of line: functions a lesson names, so `break NAME` finds them */
#define noinline __attribute__((__noinline__))
#define __printf(a, b) __attribute__((format(printf, a, b)))
#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define barrier() __asm__ __volatile__("" ::: "memory")
#define READ_ONCE(x) (*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

/*
 * asmlinkage: the function takes every argument on the stack. The kernel
 * is built with -mregparm=3 (as Linux i386 is), so entry points called from
 * assembly must say so, exactly as in Linux.
 */
#define asmlinkage __attribute__((regparm(0)))

#endif
