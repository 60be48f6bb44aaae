/*
 * sh.h: what the parts of yomi's /bin/sh share (user/bin/sh.c, user/sh/).
 *
 * A line is read, cut into tokens (lex.c), parsed into a list of and-or
 * lists of pipelines of simple commands (parse.c), and run (exec.c); each
 * word is expanded just before its command runs (expand.c), so that `$?`
 * and variables set earlier on the same line are seen. Everything parsed
 * from a line lives in an arena freed when the line is done (alloc.c);
 * variables (var.c) and jobs live on the heap.
 */
#ifndef _SH_H
#define _SH_H

#include <stddef.h>
#include <sys/types.h>

/* --- tokens (lex.c) --- */
enum {
	T_WORD, T_PIPE, T_OR, T_AND, T_AMP, T_SEMI,
	T_LESS, T_GREAT, T_DGREAT, T_LESSAND, T_GREATAND,	/* redirections */
	T_END,
};

struct token {
	int type;
	int fd;			/* a redirection's descriptor, -1 for the default */
	char *text;		/* a word, raw (quotes still in it) */
};

#define LEX_MORE	(-1)	/* an open quote or a final backslash: read on */

int lex(const char *s, struct token **toks);

/* --- the parse tree (parse.c) --- */
struct redir {
	int type;		/* T_LESS ... T_GREATAND */
	int fd;			/* the descriptor changed */
	char *word;		/* file name, or descriptor number or "-" for dups */
	struct redir *next;
};

struct cmd {			/* one simple command */
	char **words;		/* raw words, assignments first; NULL-terminated */
	int nwords;
	struct redir *redirs;
};

struct pipeline {
	struct cmd *cmds;
	int ncmds;
};

struct andor {			/* pipelines joined by && and || */
	struct pipeline *pipes;
	int *ops;		/* ops[i] joins pipes[i] and pipes[i + 1]: T_AND or T_OR */
	int npipes;
	int background;		/* ended by & */
	char *text;		/* its source text, for job messages */
	struct andor *next;
};

#define PARSE_ERROR	((struct andor *)-1)
#define PARSE_MORE	((struct andor *)-2)	/* ended after |, && or || */

struct andor *parse(struct token *toks);

/* --- expansion (expand.c) --- */
struct strv {
	char **v;
	int n, cap;
};

void strv_add(struct strv *sv, char *s);
void expand_fields(const char *word, struct strv *out);
char *expand_string(const char *word);
int is_assignment(const char *word);

/* --- variables (var.c) --- */
void var_init(char **envp);
const char *var_get(const char *name);
void var_set(const char *name, const char *value, int export);
void var_set_assignment(const char *nameval, int export);
void var_unset(const char *name);
int var_export(const char *name);
void var_print_exported(void);
char **var_environ(void);
int is_name(const char *s, size_t len);

/* --- running (exec.c) --- */
int run_list(struct andor *list);
int run_andor(struct andor *a);
int apply_redirs(struct redir *r, int save);
void restore_redirs(void);
void child_signals(void);
int status_of(int wstatus);

/* --- jobs (jobs.c) --- */
struct job;
struct job *job_add(pid_t pgid, const pid_t *pids, int npids, const char *text, int announce);
int job_wait_fg(pid_t pgid, const pid_t *pids, int npids, const char *text);
void jobs_reap(void);
int jobs_wait(pid_t pid);

/* --- builtins (builtin.c, ulimit.c, jobs.c) --- */
typedef int (*builtin_fn)(int argc, char **argv);
builtin_fn find_builtin(const char *name);
int builtin_ulimit(int argc, char **argv);
int builtin_fg(int argc, char **argv);
int builtin_bg(int argc, char **argv);
int builtin_jobs(int argc, char **argv);

/* --- the arena of one line (alloc.c) --- */
void *salloc(size_t n);
char *sstrdup(const char *s);
char *sstrndup(const char *s, size_t n);
void sfree_all(void);

/* --- the shell's state (user/bin/sh.c) --- */
extern int last_status;		/* $? */
extern pid_t last_bg_pid;	/* $! */
extern int interactive;		/* reading commands from a terminal */
extern int job_control;		/* pipelines get their own process groups */
extern int tty_fd;		/* the terminal, when job_control */
extern pid_t shell_pgid;
extern pid_t shell_pid;		/* $$: the shell's pid, also in its subshells */
extern char *arg0;		/* $0 */
extern char **pos_args;		/* $1 ... */
extern int pos_count;		/* $# */

void sh_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
__attribute__((noreturn)) void sh_exit(int status);

#endif
