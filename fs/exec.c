/*
 * execve (Linux: fs/exec.c). do_execve finds the file, copies the argument
 * and environment strings out of the old program (they are about to
 * disappear with it), builds a new address space through the binary
 * format loader (load_elf_binary), and only then - at the "point of no
 * return" in flush_old_exec - drops the old address space. Any error
 * before that point returns to the unchanged caller.
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/syscalls.h>
#include <asm/processor.h>
#include <asm/segment.h>
#include <asm/uaccess.h>

#define ARG_BUF_ORDER 5		/* 2^5 pages = MAX_ARG_PAGES */
#define ARG_BUF_SIZE (PAGE_SIZE << ARG_BUF_ORDER)

/* copy_strings: append the strings of a NULL-terminated vector to bprm->strings. */
static int copy_strings(struct linux_binprm *bprm, const char *const *vec,
			bool from_user, int *count)
{
	*count = 0;
	for (;;) {
		const char *s;
		long len;

		if (!vec)
			return 0;
		if (from_user) {
			if (get_user(s, vec + *count))
				return -EFAULT;
		} else {
			s = vec[*count];
		}
		if (!s)
			return 0;
		if (from_user) {
			len = strncpy_from_user(bprm->strings + bprm->strings_len, s,
						ARG_BUF_SIZE - bprm->strings_len);
			if (len < 0)
				return len;
		} else {
			len = strnlen(s, ARG_BUF_SIZE - bprm->strings_len);
			memcpy(bprm->strings + bprm->strings_len, s, len);
		}
		if (bprm->strings_len + len >= ARG_BUF_SIZE)
			return -E2BIG;
		bprm->strings[bprm->strings_len + len] = '\0';
		bprm->strings_len += len + 1;
		(*count)++;
	}
}

/* flush_old_exec: the point of no return - the new address space takes over. */
void flush_old_exec(struct linux_binprm *bprm)
{
	struct mm_struct *old_mm = current->mm;
	const char *name = strrchr(bprm->filename, '/');

	if (old_mm)
		mm_release(current);
	current->mm = bprm->mm;
	bprm->mm = NULL;
	switch_mm(current->mm);
	if (old_mm)
		mmput(old_mm);
	set_task_comm(current, name ? name + 1 : bprm->filename);
	do_close_on_exec(current->files);
}

/*
 * execve: the file name is copied in first; the argument vectors are read
 * from user memory by do_execve. On success the call "returns" into the
 * new program (the saved registers were replaced), so eax must be 0.
 */
SYSCALL_DEFINE3(execve, const char __user *, filename, const char __user *const __user *, argv,
		const char __user *const __user *, envp)
{
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	long len, err;

	if (!path)
		return -ENOMEM;
	len = strncpy_from_user(path, filename, PATH_MAX);
	if (len < 0)
		err = len;
	else if (len == PATH_MAX)
		err = -ENAMETOOLONG;
	else
		err = do_execve(path, (const char *const *)argv, (const char *const *)envp, true,
				task_pt_regs(current));
	kfree(path);
	return err;
}

/*
 * load_script: "#!interpreter [arg]" on the first line (Linux:
 * fs/binfmt_script.c). The arguments become: interpreter, [arg], the
 * script's path, then the original argv[1..]; the interpreter is then
 * loaded in the script's place. Linux allows 4 levels of nesting; so does
 * yomi.
 */
static int load_script(struct linux_binprm *bprm)
{
	char *nl, *interp, *arg = NULL, *prefix;
	size_t old0 = bprm->argc ? strlen(bprm->strings) + 1 : 0, plen;
	struct dentry *d;
	int err = 0;

	nl = memchr(bprm->buf, '\n', sizeof(bprm->buf));
	if (!nl)
		return -ENOEXEC;
	*nl = '\0';
	for (interp = bprm->buf + 2; *interp == ' ' || *interp == '\t'; interp++)
		;
	if (!*interp)
		return -ENOEXEC;
	for (arg = interp; *arg && *arg != ' ' && *arg != '\t'; arg++)
		;
	if (*arg) {
		*arg++ = '\0';
		while (*arg == ' ' || *arg == '\t')
			arg++;
	}
	/* build "interp\0[arg\0]filename\0" and put it in place of argv[0] */
	prefix = kmalloc(PATH_MAX * 2 + BINPRM_BUF_SIZE, GFP_KERNEL);
	if (!prefix)
		return -ENOMEM;
	plen = strlcpy(prefix, interp, BINPRM_BUF_SIZE) + 1;
	if (*arg)
		plen += strlcpy(prefix + plen, arg, BINPRM_BUF_SIZE) + 1;
	plen += strlcpy(prefix + plen, bprm->filename, PATH_MAX) + 1;
	if (bprm->strings_len - old0 + plen > ARG_BUF_SIZE) {
		kfree(prefix);
		return -E2BIG;
	}
	memmove(bprm->strings + plen, bprm->strings + old0, bprm->strings_len - old0);
	memcpy(bprm->strings, prefix, plen);
	bprm->strings_len += plen - old0;
	bprm->argc += (*arg ? 3 : 2) - (old0 ? 1 : 0);
	d = path_lookup(prefix, true, &err);
	kfree(prefix);
	if (!d)
		return err;
	if (!S_ISREG(d->d_inode->i_mode) || !(d->d_inode->i_mode & 0111))
		return -EACCES;
	bprm->interp_file = dentry_open(d, O_RDONLY, &err);
	return bprm->interp_file ? 0 : err;
}

/* exec_binprm: scripts name their interpreter; ELF files are loaded. */
static int exec_binprm(struct linux_binprm *bprm, struct pt_regs *regs)
{
	int depth, err;

	for (depth = 0; depth <= 4; depth++) {
		memset(bprm->buf, 0, sizeof(bprm->buf));
		ramfs_read(bprm->inode, bprm->buf, sizeof(bprm->buf), 0);
		if (bprm->buf[0] != '#' || bprm->buf[1] != '!')
			return load_elf_binary(bprm, regs);
		err = load_script(bprm);
		if (err)
			return err;
		fput(bprm->file);
		bprm->file = bprm->interp_file;
		bprm->inode = bprm->file->f_inode;
	}
	return -ELOOP;
}

int do_execve(const char *filename, const char *const *argv, const char *const *envp,
	      bool from_user, struct pt_regs *regs)
{
	struct linux_binprm *bprm;
	struct dentry *d;
	int err = 0;

	d = path_lookup(filename, true, &err);
	if (!d)
		return err;
	if (!S_ISREG(d->d_inode->i_mode) || !(d->d_inode->i_mode & 0111))
		return -EACCES;
	bprm = kzalloc(sizeof(*bprm), GFP_KERNEL);
	if (!bprm)
		return -ENOMEM;
	bprm->filename = filename;
	bprm->file = dentry_open(d, O_RDONLY, &err);
	if (!bprm->file) {
		kfree(bprm);
		return err;
	}
	bprm->inode = bprm->file->f_inode;
	bprm->strings = (char *)__get_free_pages(GFP_KERNEL, ARG_BUF_ORDER);
	err = -ENOMEM;
	if (!bprm->strings)
		goto out;
	err = copy_strings(bprm, argv, from_user, &bprm->argc);
	if (!err)
		err = copy_strings(bprm, envp, from_user, &bprm->envc);
	if (err)
		goto out;
	bprm->mm = mm_alloc();
	err = -ENOMEM;
	if (!bprm->mm)
		goto out;
	arch_pick_mmap_layout(bprm->mm);
	err = exec_binprm(bprm, regs);
out:
	if (bprm->mm)
		mmput(bprm->mm);
	fput(bprm->file);
	if (bprm->strings)
		free_pages((unsigned long)bprm->strings, ARG_BUF_ORDER);
	kfree(bprm);
	return err;
}
