/*
 * Boot-time registries, as in Linux: __setup("name=", fn) registers a
 * handler for one kernel command-line option (parse_command_line calls
 * it); device_initcall(fn) registers a function that do_initcalls calls
 * once, early in pid 1's life - where drivers and binary formats
 * register themselves. Linux has seven initcall levels; yomi has one.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>

#define __init

struct obs_kernel_param {
	const char *str;	/* "name=" or "name" */
	int (*setup_func)(char *value);	/* returns 1 when the value is good */
};

#define __setup(str, fn)                                                    \
	static const struct obs_kernel_param __setup_##fn __used            \
		__section(".init.setup") __aligned(4) = { str, fn }

typedef int (*initcall_t)(void);

#define device_initcall(fn)                                                 \
	static const initcall_t __initcall_##fn __used                      \
		__section(".initcall") __aligned(4) = fn

/* The sections the linker script collects the two registries into. */
extern const struct obs_kernel_param __setup_start[], __setup_end[];
extern const initcall_t __initcall_start[], __initcall_end[];

void do_initcalls(void);

extern char saved_command_line[];
#define MAX_INIT_ARGS 32	/* as Linux's CONFIG_INIT_ENV_ARG_LIMIT */
extern const char *argv_init[];	/* init's arguments: the command line after "--" */
void parse_command_line(const char *cmdline);

#endif
