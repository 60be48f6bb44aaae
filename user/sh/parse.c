/*
 * parse.c: tokens to a list of commands, by recursive descent over
 *
 *   list     := andor ((';' | '&') andor)* [';' | '&']
 *   andor    := pipeline (('&&' | '||') pipeline)*
 *   pipeline := command ('|' command)*
 *   command  := (word | redirection)+
 *   redirection := ('<' | '>' | '>>' | '<&' | '>&') word, after an
 *                  optional descriptor number (lex.c)
 *
 * A line that ends just after |, && or || is PARSE_MORE (the caller reads
 * another line onto it, as other shells do); any other misplaced token is
 * a syntax error, reported here.
 */
#include <stdio.h>
#include <string.h>
#include "sh.h"

static struct token *tok;	/* the next token */

/* what the parsing functions return */
#define P_OK	0
#define P_ERROR	(-1)	/* a syntax error, reported */
#define P_END	(-2)	/* nothing: the input ended where a command should start */
#define P_MORE	(-3)	/* the input ended just after | && or || */

static const char *tok_name(const struct token *t)
{
	static const char *const names[] = {
		[T_PIPE] = "|", [T_OR] = "||", [T_AND] = "&&", [T_AMP] = "&", [T_SEMI] = ";",
		[T_LESS] = "<", [T_GREAT] = ">", [T_DGREAT] = ">>", [T_LESSAND] = "<&",
		[T_GREATAND] = ">&", [T_END] = "newline",
	};

	return t->type == T_WORD ? t->text : names[t->type];
}

static int is_redir(int type)
{
	return type >= T_LESS && type <= T_GREATAND;
}

/* command: fills *c; P_OK, P_ERROR or P_END */
static int command(struct cmd *c)
{
	struct redir **tail = &c->redirs;
	struct token *start = tok;
	int i;

	c->nwords = 0;
	c->redirs = NULL;
	for (; tok->type == T_WORD || is_redir(tok->type); tok++) {
		struct redir *r;

		if (tok->type == T_WORD) {
			c->nwords++;
			continue;
		}
		if (tok[1].type != T_WORD) {
			sh_error("syntax error near unexpected token `%s'", tok_name(tok + 1));
			return P_ERROR;
		}
		r = salloc(sizeof(*r));
		r->type = tok->type;
		r->fd = tok->fd >= 0 ? tok->fd : (tok->type == T_LESS || tok->type == T_LESSAND) ? 0 : 1;
		r->word = tok[1].text;
		r->next = NULL;
		*tail = r;
		tail = &r->next;
		tok++;
	}
	if (tok == start) {
		if (tok->type == T_END)
			return P_END;
		sh_error("syntax error near unexpected token `%s'", tok_name(tok));
		return P_ERROR;
	}
	c->words = salloc((c->nwords + 1) * sizeof(char *));
	for (i = 0; start < tok; start++) {
		if (start->type == T_WORD)
			c->words[i++] = start->text;
		else
			start++;	/* a redirection and its word */
	}
	c->words[i] = NULL;
	return P_OK;
}

/* array_grow: make room for element n of an array of size-sz elements
 * whose capacity is 4, 8, 16, ... (the first power of two >= n, at least 4) */
static void *array_grow(void *arr, int n, size_t sz)
{
	void *p;

	if (n && (n < 4 || (n & (n - 1))))
		return arr;
	p = salloc((n ? 2 * n : 4) * sz);
	if (n)
		memcpy(p, arr, n * sz);
	return p;
}

static int pipeline(struct pipeline *p)
{
	int r;

	p->ncmds = 0;
	p->cmds = NULL;
	for (;;) {
		p->cmds = array_grow(p->cmds, p->ncmds, sizeof(struct cmd));
		r = command(&p->cmds[p->ncmds]);
		if (r == P_END && p->ncmds)
			return P_MORE;		/* "a |" then the end */
		if (r != P_OK)
			return r;
		p->ncmds++;
		if (tok->type != T_PIPE)
			return P_OK;
		tok++;
	}
}

/* text_of: the source of tokens [from, to), rebuilt with single spaces */
static char *text_of(struct token *from, struct token *to)
{
	size_t len = 1;
	struct token *t;
	char *s;

	for (t = from; t < to; t++)
		len += strlen(tok_name(t)) + 12;
	s = salloc(len);
	*s = '\0';
	for (t = from; t < to; t++) {
		char *e = s + strlen(s);

		if (t != from)
			*e++ = ' ';
		if (t->type != T_WORD && t->fd >= 0)
			e += sprintf(e, "%d", t->fd);
		strcpy(e, tok_name(t));
	}
	return s;
}

static int andor(struct andor *a)
{
	struct token *start = tok;
	int r;

	memset(a, 0, sizeof(*a));
	for (;;) {
		a->pipes = array_grow(a->pipes, a->npipes, sizeof(struct pipeline));
		r = pipeline(&a->pipes[a->npipes]);
		if (r == P_END && a->npipes)
			return P_MORE;		/* "a &&" then the end */
		if (r != P_OK)
			return r;
		a->npipes++;
		if (tok->type != T_AND && tok->type != T_OR)
			break;
		a->ops = array_grow(a->ops, a->npipes - 1, sizeof(int));
		a->ops[a->npipes - 1] = tok->type;
		tok++;
	}
	a->text = text_of(start, tok);
	return P_OK;
}

struct andor *parse(struct token *toks)
{
	struct andor *list = NULL, **tail = &list;
	int r;

	tok = toks;
	while (tok->type != T_END) {
		struct andor *a = salloc(sizeof(*a));

		r = andor(a);
		if (r == P_MORE)
			return PARSE_MORE;
		if (r != P_OK)		/* P_END cannot happen: tok is not T_END */
			return PARSE_ERROR;
		if (tok->type == T_AMP)
			a->background = 1;
		if (tok->type == T_AMP || tok->type == T_SEMI)
			tok++;
		else if (tok->type != T_END) {
			sh_error("syntax error near unexpected token `%s'", tok_name(tok));
			return PARSE_ERROR;
		}
		*tail = a;
		tail = &a->next;
	}
	return list;
}
