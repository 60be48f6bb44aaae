/*
 * expand.c: turning a raw word into the strings a command gets.
 *
 * In order: a leading ~ (alone or before /) becomes $HOME; $NAME, ${NAME}
 * and the special parameters $? $$ $! $# $0..$9 $* $@ are replaced by their
 * values; quotes are removed ('...' keeps everything, "..." keeps all but
 * $ and the backslash before $ ` " \ and newline; outside quotes a
 * backslash keeps the next character). expand_fields also splits the
 * values of unquoted expansions at spaces, tabs and newlines (IFS is not
 * consulted) and drops a word that expands to nothing unquoted;
 * expand_string (for redirection targets and assignments) does neither.
 * Unlike POSIX sh there is no ${NAME:-...} family, no $(...) or `...`, no
 * arithmetic and no file name globbing.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

struct buf {
	char *s;
	size_t len, cap;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		b->cap = (b->len + n + 1) * 2;
		b->s = realloc(b->s, b->cap);
		if (!b->s) {
			write(2, "sh: out of memory\n", 18);
			_exit(2);
		}
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void strv_add(struct strv *sv, char *s)
{
	if (sv->n + 2 > sv->cap) {
		char **v = salloc((sv->cap = sv->cap ? sv->cap * 2 : 16) * sizeof(char *));

		if (sv->n)
			memcpy(v, sv->v, sv->n * sizeof(char *));
		sv->v = v;
	}
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
}

int is_name(const char *s, size_t len)
{
	size_t i;

	if (!len || !(isalpha((unsigned char)s[0]) || s[0] == '_'))
		return 0;
	for (i = 1; i < len; i++)
		if (!(isalnum((unsigned char)s[i]) || s[i] == '_'))
			return 0;
	return 1;
}

/* is_assignment: does the word begin with NAME= (unquoted)? */
int is_assignment(const char *word)
{
	const char *eq = strchr(word, '=');

	return eq && is_name(word, eq - word);
}

/* dollar: the value of the parameter after the $ at *pp (advancing *pp past
 * it; an unset one is ""), or NULL when the $ is a plain character */
static const char *dollar(const char **pp, char *num)
{
	const char *p = *pp + 1, *end, *v;
	static char *joined;
	char name[128];
	size_t n;
	int i;

	if (*p == '{') {
		end = strchr(p, '}');
		if (!end || !is_name(p + 1, end - p - 1) || end - p - 1 >= (long)sizeof(name))
			return NULL;
		memcpy(name, p + 1, end - p - 1);
		name[end - p - 1] = '\0';
		*pp = end + 1;
		return (v = var_get(name)) ? v : "";
	}
	*pp = p + 1;
	switch (*p) {
	case '?': sprintf(num, "%d", last_status); return num;
	case '$': sprintf(num, "%d", (int)shell_pid); return num;
	case '!': sprintf(num, "%d", (int)last_bg_pid); return last_bg_pid ? num : "";
	case '#': sprintf(num, "%d", pos_count); return num;
	case '0': return arg0;
	case '*':
	case '@':
		free(joined);
		for (n = 1, i = 0; i < pos_count; i++)
			n += strlen(pos_args[i]) + 1;
		joined = malloc(n);
		if (!joined)
			return "";
		*joined = '\0';
		for (i = 0; i < pos_count; i++)
			strcat(strcat(joined, i ? " " : ""), pos_args[i]);
		return joined;
	}
	if (isdigit((unsigned char)*p))
		return *p - '0' <= pos_count ? pos_args[*p - '1'] : "";
	for (end = p; isalnum((unsigned char)*end) || *end == '_'; end++)
		;
	if (end == p || end - p >= (long)sizeof(name)) {
		*pp = p - 1;
		return NULL;
	}
	memcpy(name, p, end - p);
	name[end - p] = '\0';
	*pp = end;
	return (v = var_get(name)) ? v : "";
}

/* expand: the common walk; with out, fields are split and added to it,
 * without, the whole result is returned */
static char *expand(const char *w, struct strv *out)
{
	struct buf b = { NULL, 0, 0 };
	const char *p = w, *v;
	char num[16];
	int have = 0;		/* a field has begun (even an empty quoted one) */

	buf_add(&b, "", 0);
	if (*p == '~' && (p[1] == '/' || !p[1])) {
		v = var_get("HOME");
		buf_add(&b, v ? v : "/", strlen(v ? v : "/"));
		have = 1;
		p++;
	}
	while (*p) {
		if (*p == '\\') {
			if (p[1] && p[1] != '\n')
				buf_add(&b, p + 1, 1);
			p += p[1] ? 2 : 1;
			have = 1;
		} else if (*p == '\'') {
			const char *end = strchr(p + 1, '\'');

			buf_add(&b, p + 1, end - p - 1);
			p = end + 1;
			have = 1;
		} else if (*p == '"') {
			for (p++; *p && *p != '"'; ) {
				if (*p == '\\' && p[1] && strchr("$`\"\\\n", p[1])) {
					if (p[1] != '\n')
						buf_add(&b, p + 1, 1);
					p += 2;
				} else if (*p == '$' && (v = dollar(&p, num)) != NULL) {
					buf_add(&b, v, strlen(v));
				} else {
					buf_add(&b, p++, 1);
				}
			}
			p += *p == '"';
			have = 1;
		} else if (*p == '$') {
			v = dollar(&p, num);
			if (!v) {	/* a plain $ */
				buf_add(&b, p++, 1);
				have = 1;
				continue;
			}
			for (; v && *v; v++) {
				if (out && (*v == ' ' || *v == '\t' || *v == '\n')) {
					if (have)
						strv_add(out, sstrndup(b.s, b.len));
					b.len = 0;
					have = 0;
				} else {
					buf_add(&b, v, 1);
					have = 1;
				}
			}
		} else {
			buf_add(&b, p++, 1);
			have = 1;
		}
	}
	if (out && have)
		strv_add(out, sstrndup(b.s, b.len));
	v = out ? NULL : sstrndup(b.s, b.len);
	free(b.s);
	return (char *)v;
}

void expand_fields(const char *word, struct strv *out)
{
	expand(word, out);
}

char *expand_string(const char *word)
{
	return expand(word, NULL);
}
