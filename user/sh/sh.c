/*
 * sh: yomi's shell. Reads commands from the terminal (prompt "# ", or $PS1),
 * from a script (`sh file args...`, or a `#!/bin/sh` file the kernel runs
 * this way) or from -c "commands" [name args...], and runs them: pipelines,
 * redirections, ; && || &, variables and $?, builtins (cd pwd exit export
 * unset ulimit wait jobs fg bg exec :). The parts are in user/sh/ (sh.h says how
 * they fit); this file reads the input and keeps the shell's state.
 *
 * A line is read with read(2): in the terminal's canonical mode the kernel
 * does the editing and echo, and a read returns one line; there is no
 * history or completion. An interactive shell has job control: it puts
 * itself in its own process group, takes the terminal, ignores SIGINT,
 * SIGQUIT and the stop signals, and gives each foreground pipeline the
 * terminal while it runs (exec.c); Ctrl-Z stops one, which fg and bg
 * continue (jobs.c). At end of input the shell exits with the
 * status of the last command. Unlike POSIX sh: no if/while/for/case,
 * functions, subshells, here-documents, globbing or command substitution.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

int last_status;
pid_t last_bg_pid;
int interactive;
int job_control;
int tty_fd = -1;
pid_t shell_pgid;
pid_t shell_pid;
char *arg0 = "sh";
char **pos_args;
int pos_count;

void sh_error(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s: %s\n", interactive ? "sh" : arg0, msg);
}

__attribute__((noreturn)) void sh_exit(int status)
{
	fflush(stdout);
	exit(status);
}

/*
 * binary_file: a "script" that is a program the kernel would not run (an
 * ELF file for another machine, or with a broken header) is refused, as
 * bash refuses it: a NUL byte in its first line (bash's test, on the
 * first 80 bytes). execvp hands every file the kernel calls ENOEXEC to
 * sh, and running such a file's bytes as commands did harm.
 */
static int binary_file(int fd)
{
	char buf[80];
	ssize_t n = read(fd, buf, sizeof(buf)), i;

	lseek(fd, 0, SEEK_SET);
	for (i = 0; i < n && buf[i] != '\n'; i++)
		if (!buf[i])
			return 1;
	return 0;
}

/* --- input: whole lines from a descriptor --- */
struct input {
	int fd;
	char buf[1024];
	int pos, len;
};

/* read_line: the next line without its newline, in a malloc'd string; NULL
 * at end of input. A final line without a newline still counts. */
static char *read_line(struct input *in)
{
	char *line = NULL;
	size_t len = 0;
	int n;

	for (;;) {
		if (in->pos == in->len) {
			do
				n = read(in->fd, in->buf, sizeof(in->buf));
			while (n < 0 && errno == EINTR);
			if (n <= 0)
				return line;	/* NULL if nothing was read */
			in->pos = 0;
			in->len = n;
		}
		char *nl = memchr(in->buf + in->pos, '\n', in->len - in->pos);
		size_t take = nl ? (size_t)(nl - in->buf - in->pos) : (size_t)(in->len - in->pos);
		char *grown = realloc(line, len + take + 1);

		if (!grown) {
			free(line);
			sh_error("out of memory");
			return NULL;
		}
		line = grown;
		memcpy(line + len, in->buf + in->pos, take);
		len += take;
		line[len] = '\0';
		in->pos += take + (nl != NULL);
		if (nl)
			return line;
	}
}

static void prompt(int more)
{
	const char *ps1 = var_get("PS1");

	if (!interactive)
		return;
	if (!more)
		jobs_reap();
	fputs(more ? "> " : ps1 ? ps1 : "# ", stderr);
}

/* run_input: read and run lines from in until its end or `exit` */
static void run_input(struct input *in)
{
	char *text = NULL, *line;

	for (;;) {
		struct token *toks;
		struct andor *list;

		prompt(text != NULL);
		line = read_line(in);
		if (!line) {
			if (text)
				sh_error("syntax error: unexpected end of file");
			break;
		}
		if (text) {		/* a continuation: join with a newline */
			char *joined = malloc(strlen(text) + strlen(line) + 2);

			if (joined)
				strcat(strcat(strcpy(joined, text), "\n"), line);
			free(text);
			free(line);
			text = joined;
		} else {
			text = line;
		}
		if (!text)
			continue;
		list = lex(text, &toks) == LEX_MORE ? PARSE_MORE : parse(toks);
		if (list == PARSE_MORE) {
			sfree_all();
			continue;
		}
		if (list == PARSE_ERROR)
			last_status = 2;
		else
			run_list(list);
		sfree_all();
		free(text);
		text = NULL;
	}
	free(text);
}

/* start_job_control: our own process group, with the terminal */
static void start_job_control(void)
{
	static const int ignored[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };
	size_t i;

	for (i = 0; i < sizeof(ignored) / sizeof(ignored[0]); i++)
		signal(ignored[i], SIG_IGN);
	tty_fd = fcntl(0, F_DUPFD, 10);
	if (tty_fd < 0)
		return;
	fcntl(tty_fd, F_SETFD, FD_CLOEXEC);
	shell_pgid = getpid();
	if (getpgrp() != shell_pgid && setpgid(0, shell_pgid) < 0)
		return;
	if (tcsetpgrp(tty_fd, shell_pgid) == 0)
		job_control = 1;
}

int main(int argc, char **argv)
{
	struct input *in = calloc(1, sizeof(*in));
	const char *command = NULL;
	int i = 1;

	shell_pid = getpid();
	var_init(environ);
	if (!var_get("PATH"))
		var_set("PATH", "/bin:/sbin:/usr/bin", 1);
	if (argc > 0)
		arg0 = argv[0];
	if (i < argc && !strcmp(argv[i], "-c")) {
		if (i + 1 >= argc) {
			fprintf(stderr, "sh: -c: option requires an argument\n");
			return 2;
		}
		command = argv[i + 1];
		i += 2;
		if (i < argc)
			arg0 = argv[i++];
	} else if (i < argc && !strcmp(argv[i], "--")) {
		i++;
	}
	if (!command && i < argc) {	/* sh file [args]: a script */
		arg0 = argv[i++];
		in->fd = open(arg0, O_RDONLY | O_CLOEXEC);
		if (in->fd < 0) {
			fprintf(stderr, "sh: %s: %s\n", arg0, strerror(errno));
			return errno == ENOENT ? 127 : 126;
		}
		if (binary_file(in->fd)) {
			fprintf(stderr, "sh: %s: cannot execute binary file\n", arg0);
			return 126;
		}
	}
	pos_args = argv + i;
	pos_count = argc - i;
	if (command) {
		struct token *toks;
		struct andor *list = lex(command, &toks) == LEX_MORE ? PARSE_MORE : parse(toks);

		if (list == PARSE_MORE)
			sh_error("syntax error: unexpected end of file");
		if (list == PARSE_MORE || list == PARSE_ERROR)
			sh_exit(2);
		sh_exit(run_list(list));
	}
	if (in->fd == 0 && isatty(0) && isatty(2)) {
		interactive = 1;
		start_job_control();
	}
	run_input(in);
	if (interactive)
		fputs("exit\n", stderr);
	sh_exit(last_status);
}
