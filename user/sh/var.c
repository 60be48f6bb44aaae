/*
 * var.c: the shell's variables, a list kept sorted by name. Each has a
 * value and an export flag; the environment the shell was started with
 * comes in exported, and var_environ builds the environment of a program
 * from the exported ones. Unlike POSIX sh there are no read-only
 * variables and IFS, PS2 and the like mean nothing special (PS1 is the
 * prompt).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

struct var {
	char *name;
	char *value;
	int exported;
	struct var *next;
};

static struct var *vars;
static int nr_vars;

static void *xmalloc(size_t n)
{
	void *p = malloc(n);

	if (!p) {
		write(2, "sh: out of memory\n", 18);
		_exit(2);
	}
	return p;
}

static char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* lookup: the variable called name (len bytes), or the link where it would
 * be inserted in *linkp */
static struct var *lookup(const char *name, size_t len, struct var ***linkp)
{
	struct var **link = &vars;
	int c = 1;

	for (; *link; link = &(*link)->next) {
		c = strncmp((*link)->name, name, len);
		if (c == 0 && (*link)->name[len])
			c = 1;
		if (c >= 0)
			break;
	}
	if (linkp)
		*linkp = link;
	return *link && c == 0 ? *link : NULL;
}

/* set: export is 1 to export, 0 to leave the flag as it is */
static void set(const char *name, size_t len, const char *value, int export)
{
	struct var **link, *v = lookup(name, len, &link);

	if (!v) {
		v = xmalloc(sizeof(*v));
		v->name = xstrndup(name, len);
		v->value = NULL;
		v->exported = 0;
		v->next = *link;
		*link = v;
		nr_vars++;
	}
	if (value) {
		free(v->value);
		v->value = xstrndup(value, strlen(value));
	}
	if (export)
		v->exported = 1;
}

void var_init(char **envp)
{
	char *eq;

	for (; envp && *envp; envp++)
		if ((eq = strchr(*envp, '=')) != NULL && is_name(*envp, eq - *envp))
			set(*envp, eq - *envp, eq + 1, 1);
}

const char *var_get(const char *name)
{
	struct var *v = lookup(name, strlen(name), NULL);

	return v ? v->value : NULL;
}

void var_set(const char *name, const char *value, int export)
{
	set(name, strlen(name), value, export);
}

/* var_set_assignment: NAME=value (already expanded) */
void var_set_assignment(const char *nameval, int export)
{
	const char *eq = strchr(nameval, '=');

	set(nameval, eq - nameval, eq + 1, export);
}

void var_unset(const char *name)
{
	struct var **link, *v = lookup(name, strlen(name), &link);

	if (v) {
		*link = v->next;
		free(v->name);
		free(v->value);
		free(v);
		nr_vars--;
	}
}

/* var_export: mark name exported (creating it without a value if needed) */
int var_export(const char *name)
{
	if (!is_name(name, strlen(name)))
		return -1;
	set(name, strlen(name), NULL, 1);
	return 0;
}

/* var_print_exported: `export` without arguments, in a form the shell reads back */
void var_print_exported(void)
{
	struct var *v;
	const char *c;

	for (v = vars; v; v = v->next) {
		if (!v->exported)
			continue;
		if (!v->value) {
			printf("export %s\n", v->name);
			continue;
		}
		printf("export %s='", v->name);
		for (c = v->value; *c; c++)
			if (*c == '\'')
				fputs("'\\''", stdout);
			else
				putchar(*c);
		printf("'\n");
	}
}

/* var_environ: "NAME=value" for each exported variable with a value, in
 * malloc'd memory (used just before exec, so never freed) */
char **var_environ(void)
{
	char **env = xmalloc((nr_vars + 1) * sizeof(char *));
	struct var *v;
	int n = 0;

	for (v = vars; v; v = v->next) {
		size_t ln, lv;

		if (!v->exported || !v->value)
			continue;
		ln = strlen(v->name);
		lv = strlen(v->value);
		env[n] = xmalloc(ln + lv + 2);
		memcpy(env[n], v->name, ln);
		env[n][ln] = '=';
		memcpy(env[n] + ln + 1, v->value, lv + 1);
		n++;
	}
	env[n] = NULL;
	return env;
}
