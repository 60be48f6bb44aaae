/*
 * builtin.c: the commands the shell runs itself, because they change the
 * shell (cd, exit, export, unset, exec, wait, ulimit) or are about it
 * (pwd; jobs, fg and bg are in jobs.c). Everything else, echo included, is a program in /bin.
 * Options are fewer than bash's: cd has no -L/-P (paths are physical), pwd
 * prints the kernel's getcwd, export has no -n, and there is no `set`.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

static int builtin_cd(int argc, char **argv)
{
	char old[PATH_MAX], cwd[PATH_MAX];
	const char *dir = argc > 1 ? argv[1] : var_get("HOME");
	int print = 0;

	if (argc > 2) {
		sh_error("cd: too many arguments");
		return 1;
	}
	if (!dir)
		dir = "/";
	if (!strcmp(dir, "-")) {
		dir = var_get("OLDPWD");
		if (!dir) {
			sh_error("cd: OLDPWD not set");
			return 1;
		}
		print = 1;
	}
	if (!getcwd(old, sizeof(old)))
		old[0] = '\0';
	if (chdir(dir) < 0) {
		sh_error("cd: %s: %s", dir, strerror(errno));
		return 1;
	}
	if (old[0])
		var_set("OLDPWD", old, 0);
	if (getcwd(cwd, sizeof(cwd))) {
		var_set("PWD", cwd, 0);
		if (print)
			printf("%s\n", cwd);
	}
	return 0;
}

static int builtin_pwd(int argc, char **argv)
{
	char cwd[PATH_MAX];

	(void)argc;
	(void)argv;
	if (!getcwd(cwd, sizeof(cwd))) {
		sh_error("pwd: %s", strerror(errno));
		return 1;
	}
	printf("%s\n", cwd);
	return 0;
}

static int builtin_exit(int argc, char **argv)
{
	char *end;
	long n = last_status;

	if (argc > 1) {
		n = strtol(argv[1], &end, 10);
		if (!*argv[1] || *end) {
			sh_error("exit: %s: numeric argument required", argv[1]);
			n = 2;
		}
	}
	sh_exit(n & 0xff);
}

static int builtin_export(int argc, char **argv)
{
	int i, status = 0;

	if (argc == 1) {
		var_print_exported();
		return 0;
	}
	for (i = 1; i < argc; i++) {
		if (is_assignment(argv[i]))
			var_set_assignment(argv[i], 1);
		else if (var_export(argv[i]) < 0) {
			sh_error("export: `%s': not a valid identifier", argv[i]);
			status = 1;
		}
	}
	return status;
}

static int builtin_unset(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++)
		var_unset(argv[i]);
	return 0;
}

static int builtin_wait(int argc, char **argv)
{
	int i, status = 0;

	if (argc == 1)
		return jobs_wait(0);
	for (i = 1; i < argc; i++)
		status = jobs_wait(atoi(argv[i]));
	return status;
}

/* `:` and exec's placeholder (exec.c runs exec itself) */
static int builtin_colon(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

builtin_fn find_builtin(const char *name)
{
	static const struct {
		const char *name;
		builtin_fn fn;
	} table[] = {
		{ ":", builtin_colon }, { "bg", builtin_bg }, { "cd", builtin_cd },
		{ "exec", builtin_colon }, { "exit", builtin_exit }, { "export", builtin_export },
		{ "fg", builtin_fg }, { "jobs", builtin_jobs },
		{ "pwd", builtin_pwd }, { "ulimit", builtin_ulimit }, { "unset", builtin_unset },
		{ "wait", builtin_wait },
	};
	size_t i;

	for (i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (!strcmp(table[i].name, name))
			return table[i].fn;
	return NULL;
}
