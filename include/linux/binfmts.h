/* struct linux_binprm: an exec in progress (Linux: include/linux/binfmts.h). */
#ifndef _LINUX_BINFMTS_H
#define _LINUX_BINFMTS_H

#include <linux/types.h>

#define BINPRM_BUF_SIZE 128
#define MAX_ARG_PAGES 32	/* arguments + environment: at most 128 KiB */
#define MAX_ARG_STRINGS 0x7FFFFFFF

struct inode;
struct mm_struct;
struct pt_regs;

struct linux_binprm {
	char buf[BINPRM_BUF_SIZE];	/* the file's first bytes */
	struct file *file;		/* the file being loaded (opened for reading) */
	struct inode *inode;		/* its inode */
	struct file *interp_file;	/* a script's interpreter */
	struct mm_struct *mm;		/* the new address space */
	const char *filename;
	char *strings;			/* argv then envp strings, in kernel memory */
	unsigned long strings_len;
	int argc, envc;
	unsigned long p;		/* the new stack pointer while building it */
	unsigned long entry;
};

int do_execve(const char *filename, const char *const *argv, const char *const *envp,
	      bool from_user, struct pt_regs *regs);
int load_elf_binary(struct linux_binprm *bprm, struct pt_regs *regs);
int setup_arg_pages(struct linux_binprm *bprm, unsigned long stack_top);
void flush_old_exec(struct linux_binprm *bprm);

#endif
