/*
 * How system calls are defined (Linux 4.2: include/linux/syscalls.h).
 *
 * SYSCALL_DEFINE1(setgid, gid_t, gid) { ... } expands into three functions:
 *   sys_setgid  - the name the table uses; an alias of SyS_setgid
 *   SyS_setgid  - takes every argument as a long (exactly what the entry
 *                 code left on the stack), casts each to its real type and
 *                 calls the typed body
 *   SYSC_setgid - the typed body written after the macro
 * and a SYSCALL_METADATA record (name, argument types and names) used by
 * yomi's syscall tracer. The long-taking wrapper exists because on some
 * 64-bit machines an int argument arrives in a register whose upper half
 * is garbage; sign- or zero-extending it in one place is safer than
 * trusting every typed body. On i386 it costs nothing.
 *
 * One difference from Linux: SYSC_<name> is not inlined, so GDB can stop in
 * it and every backtrace shows all three levels.
 */
#ifndef _LINUX_SYSCALLS_H
#define _LINUX_SYSCALLS_H

#include <linux/kernel.h>

/*
 * __MAP(n, m, t1, a1, ..., tn, an) applies the macro m to each
 * (type, name) pair and joins the results with commas.
 */
#define __MAP0(m, ...)
#define __MAP1(m, t, a) m(t, a)
#define __MAP2(m, t, a, ...) m(t, a), __MAP1(m, __VA_ARGS__)
#define __MAP3(m, t, a, ...) m(t, a), __MAP2(m, __VA_ARGS__)
#define __MAP4(m, t, a, ...) m(t, a), __MAP3(m, __VA_ARGS__)
#define __MAP5(m, t, a, ...) m(t, a), __MAP4(m, __VA_ARGS__)
#define __MAP6(m, t, a, ...) m(t, a), __MAP5(m, __VA_ARGS__)
#define __MAP(n, ...) __MAP##n(__VA_ARGS__)

#define __same_type(a, b) __builtin_types_compatible_p(__typeof__(a), __typeof__(b))
/* is t one of the two 64-bit integer types allowed as arguments? */
#define __TYPE_IS_LL(t) (__same_type((t)0, 0LL) || __same_type((t)0, 0ULL))
/* a compile-time error (negative bit-field width) when e is true */
#define BUILD_BUG_ON_ZERO(e) ((int)sizeof(struct { int : -!!(e); }))

#define __SC_DECL(t, a) t a
#define __SC_LONG(t, a) __typeof__(__builtin_choose_expr(__TYPE_IS_LL(t), 0LL, 0L)) a
#define __SC_CAST(t, a) (t) a
#define __SC_TEST(t, a) (void)BUILD_BUG_ON_ZERO(!__TYPE_IS_LL(t) && sizeof(t) > sizeof(long))
#define __SC_STR_TDECL(t, a) #t
#define __SC_STR_ADECL(t, a) #a

#define __stringify_1(x) #x
#define __stringify(x) __stringify_1(x)

/*
 * __PROTECT (Linux: asmlinkage_protect): the arguments of an asmlinkage
 * function live in the caller's frame - here, in the saved struct pt_regs.
 * An empty asm that claims to read them stops GCC from reusing that memory
 * (for instance for a tail call), which would corrupt the user's registers.
 */
#define __SC_PROTECT(t, a) "m"(a)
#define __PROTECT(x, ret, ...) \
	__asm__ __volatile__("" : "+r"(ret) : __MAP(x, __SC_PROTECT, __VA_ARGS__))

/* what the tracer knows about one system call */
struct syscall_metadata {
	const char *name;		/* "sys_write" */
	int nb_args;
	const char *const *types;	/* "unsigned int", "const char *", ... */
	const char *const *args;	/* "fd", "buf", ... */
	void *entry;			/* sys_<name>, to find its table slot */
};

/* SYSCALL_METADATA: the tracer's record of sys<sname>, declared before */
#define SYSCALL_METADATA(sname, nb, ...)                                      \
	static const char *const types_##sname[] = {                         \
		__MAP(nb, __SC_STR_TDECL, __VA_ARGS__)                         \
	};                                                                    \
	static const char *const args_##sname[] = {                          \
		__MAP(nb, __SC_STR_ADECL, __VA_ARGS__)                         \
	};                                                                    \
	static const struct syscall_metadata __used                          \
		__section("__syscalls_metadata") __aligned(4)                 \
		__syscall_meta_##sname = {                                    \
		.name = "sys" #sname,                                         \
		.nb_args = nb,                                                \
		.types = types_##sname,                                       \
		.args = args_##sname,                                         \
		.entry = (void *)sys##sname,                                  \
	}

#define SYSCALL_DEFINE0(sname)                                               \
	asmlinkage long sys_##sname(void);                                    \
	SYSCALL_METADATA(_##sname, 0);                                        \
	asmlinkage long sys_##sname(void)

#define SYSCALL_DEFINE1(name, ...) SYSCALL_DEFINEx(1, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE2(name, ...) SYSCALL_DEFINEx(2, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE3(name, ...) SYSCALL_DEFINEx(3, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE4(name, ...) SYSCALL_DEFINEx(4, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE5(name, ...) SYSCALL_DEFINEx(5, _##name, __VA_ARGS__)
#define SYSCALL_DEFINE6(name, ...) SYSCALL_DEFINEx(6, _##name, __VA_ARGS__)

#define SYSCALL_DEFINEx(x, sname, ...)                                       \
	asmlinkage long sys##sname(__MAP(x, __SC_DECL, __VA_ARGS__));          \
	SYSCALL_METADATA(sname, x, __VA_ARGS__);                              \
	__SYSCALL_DEFINEx(x, sname, __VA_ARGS__)

/*
 * The alias joins two functions with different argument types on purpose;
 * GCC 8 and later warn about that (-Wattribute-alias), so the warning is
 * silenced around the definition, as Linux does with __diag_ignore. Clang
 * has no such warning and would reject its unknown name under -Werror
 * (-Wunknown-warning-option), so only GCC is told (Linux: __diag_GCC).
 */
#ifdef __clang__
#define __SC_IGNORE_ATTRIBUTE_ALIAS
#else
#define __SC_IGNORE_ATTRIBUTE_ALIAS                                          \
	_Pragma("GCC diagnostic push")                                        \
	_Pragma("GCC diagnostic ignored \"-Wattribute-alias\"")
#endif

#define __SYSCALL_DEFINEx(x, name, ...)                                      \
	__SC_IGNORE_ATTRIBUTE_ALIAS                                           \
	asmlinkage long sys##name(__MAP(x, __SC_DECL, __VA_ARGS__))            \
		__attribute__((alias(__stringify(SyS##name))));               \
	static noinline long                                                 \
		SYSC##name(__MAP(x, __SC_DECL, __VA_ARGS__));                  \
	asmlinkage long SyS##name(__MAP(x, __SC_LONG, __VA_ARGS__));           \
	asmlinkage long SyS##name(__MAP(x, __SC_LONG, __VA_ARGS__))            \
	{                                                                     \
		long ret = SYSC##name(__MAP(x, __SC_CAST, __VA_ARGS__));       \
		__MAP(x, __SC_TEST, __VA_ARGS__);                              \
		__PROTECT(x, ret, __VA_ARGS__);                                \
		return ret;                                                   \
	}                                                                     \
	static noinline long                                                 \
		SYSC##name(__MAP(x, __SC_DECL, __VA_ARGS__))

asmlinkage long sys_ni_syscall(void);
struct pt_regs;


/* the system call tracer (kernel/trace_syscalls.c) */
extern int sysctl_syscall_trace;	/* kernel.syscall_trace: 0, -1 (all) or a pid */
void syscall_trace_changed(void);
void syscall_trace(struct pt_regs *regs);	/* from entry_32.asm */

extern const struct syscall_metadata __start_syscalls_metadata[],
	__stop_syscalls_metadata[];

#endif
