/* struct linux_binprm: an exec in progress (Linux: include/linux/binfmts.h). */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>
#include <linux/list.h>

#define BINPRM_BUF_SIZE 128
#define MAX_ARG_PAGES 32	/* arguments + environment: at most 128 KiB */
#define ARG_BUF_ORDER 5		/* 2^5 pages = MAX_ARG_PAGES */
#define ARG_BUF_SIZE (PAGE_SIZE << ARG_BUF_ORDER)
#define MAX_ARG_STRINGS 0x7FFFFFFF

struct mm_struct;
struct pt_regs;

struct linux_binprm {
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
	struct file *file;		/* the file being loaded (opened for reading) */
	struct file *interpreter;	/* a script's interpreter, to load next */
	struct mm_struct *mm;		/* the new address space */
	const char *filename;
	char *strings;			/* argv then envp strings, in kernel memory */
	unsigned long strings_len;
	int argc, envc;
	unsigned long p;		/* the new stack pointer while building it */
	unsigned long entry;
};

/*
 * struct linux_binfmt: a format of executable file (ELF, "#!" scripts).
 * Each registers itself; search_binary_handler offers the file to each in
 * turn, and a format that does not recognize it answers -ENOEXEC.
 */
struct linux_binfmt {
	struct list_head lh;
	const char *name;
	int (*load_binary)(struct linux_binprm *bprm, struct pt_regs *regs);
};

void register_binfmt(struct linux_binfmt *fmt);
int search_binary_handler(struct linux_binprm *bprm, struct pt_regs *regs);
int do_execve(const char *filename, const char *const *argv, const char *const *envp,
	      bool from_user, struct pt_regs *regs);
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top);
void flush_old_exec(struct linux_binprm *bprm);
struct file;
struct file *open_exec(const char *name, int *err);

#endif
