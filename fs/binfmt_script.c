/*
 * Scripts (Linux: fs/binfmt_script.c): a file that starts with
 * "#!interpreter [arg]" is run by that interpreter. The arguments become:
 * interpreter, [arg], the script's path, then the original argv[1..]; the
 * interpreter is opened as bprm->interpreter, and exec_binprm loads it in
 * the script's place (a script may name another script: Linux allows 4
 * levels of nesting, and so does yomi).
 */
#include <linux/kernel.h>
#include <linux/binfmts.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/init.h>
#include <linux/slab.h>
#include <linux/string.h>

/* load_script: a "#!" file; its interpreter is opened, to load next */
static int load_script(struct linux_binprm *bprm, struct pt_regs *regs)
{
	char *nl, *interp, *arg = NULL, *prefix;
	size_t old0 = bprm->argc ? strlen(bprm->strings) + 1 : 0, plen;
	int err = 0;

	(void)regs;
	if (bprm->buf[0] != '#' || bprm->buf[1] != '!')
		return -ENOEXEC;
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
	bprm->interpreter = open_exec(prefix, &err);
	kfree(prefix);
	return bprm->interpreter ? 0 : err;
}

static struct linux_binfmt script_format = {
	.name = "script",
	.load_binary = load_script,
};

static int __init init_script_binfmt(void)
{
	register_binfmt(&script_format);
	return 0;
}
device_initcall(init_script_binfmt);
