/*
 * lex.c: cutting a command line into tokens.
 *
 * A word runs until unquoted white space or an operator character (| & ;
 * < >); inside it, '...' and "..." quote and a backslash escapes one
 * character. The word is kept raw, quotes and all: expand.c removes them
 * when the command runs. A word of digits just before < or > is the
 * descriptor of that redirection (2>file). Operators: | || & && ; < > >>
 * <& >&. A # at the start of a word begins a comment. An unclosed quote or
 * a backslash at the very end asks for another line (LEX_MORE); a newline
 * in the text (from such a continuation) separates commands as ; does,
 * except after | && || where the command goes on.
 * Unlike POSIX sh there are no reserved words (if, while, ...), no ( )
 * subshells or { } groups, and no here-documents.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

static int is_op_char(int c)
{
	return c == '|' || c == '&' || c == ';' || c == '<' || c == '>' || c == '\n';
}

/* scan_word: the end of the word that starts at s, or NULL if it needs
 * more input (an open quote, or a backslash before the end) */
static const char *scan_word(const char *s)
{
	while (*s && !is_op_char(*s) && *s != ' ' && *s != '\t') {
		if (*s == '\\') {
			if (!s[1])
				return NULL;
			s += 2;
		} else if (*s == '\'') {
			s = strchr(s + 1, '\'');
			if (!s)
				return NULL;
			s++;
		} else if (*s == '"') {
			for (s++; *s != '"'; s++) {
				if (!*s)
					return NULL;
				if (*s == '\\' && s[1])
					s++;
			}
			s++;
		} else {
			s++;
		}
	}
	return s;
}

/* scan_op: the operator at s; sets *type and returns its length */
static int scan_op(const char *s, int *type)
{
	static const struct { const char *text; int type; } ops[] = {
		{ "||", T_OR }, { "&&", T_AND }, { ">>", T_DGREAT }, { ">&", T_GREATAND },
		{ "<&", T_LESSAND }, { "|", T_PIPE }, { "&", T_AMP }, { ";", T_SEMI },
		{ "\n", T_SEMI }, { "<", T_LESS }, { ">", T_GREAT },
	};
	size_t i, n;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		n = strlen(ops[i].text);
		if (!strncmp(s, ops[i].text, n)) {
			*type = ops[i].type;
			return n;
		}
	}
	return 0;
}

/* lex: the tokens of s, ending with T_END, in *toks (arena memory); their
 * number, or LEX_MORE */
int lex(const char *s, struct token **toks)
{
	struct token *t = NULL;
	int n = 0, cap = 0;

	for (;;) {
		struct token tok = { T_END, -1, NULL };
		const char *end;
		int len;

		while (*s == ' ' || *s == '\t' || (*s == '\\' && s[1] == '\n'))
			s += *s == '\\' ? 2 : 1;
		if (*s == '#')
			while (*s && *s != '\n')
				s++;
		if (*s == '\\' && !s[1])
			return LEX_MORE;
		if (*s && !is_op_char(*s)) {
			end = scan_word(s);
			if (!end)
				return LEX_MORE;
			tok.type = T_WORD;
			tok.text = sstrndup(s, end - s);
			if ((*end == '<' || *end == '>') && strspn(s, "0123456789") == (size_t)(end - s)) {
				len = scan_op(end, &tok.type);
				tok.fd = atoi(tok.text);
				tok.text = NULL;
				end += len;
			}
			s = end;
		} else if (*s) {
			len = scan_op(s, &tok.type);
			s += len;
			if (*(s - 1) == '\n' && n &&
			    (t[n - 1].type == T_PIPE || t[n - 1].type == T_AND || t[n - 1].type == T_OR))
				continue;	/* "a |" newline "b": the line goes on */
		}
		if (n == cap) {
			struct token *nt = salloc((cap = cap ? cap * 2 : 16) * sizeof(*nt));

			if (n)
				memcpy(nt, t, n * sizeof(*nt));
			t = nt;
		}
		t[n++] = tok;
		if (tok.type == T_END)
			break;
	}
	*toks = t;
	return n;
}
