/*
 * exec.c: running what parse.c built.
 *
 * A pipeline forks one child per command, joined by pipes. With job control
 * (an interactive shell) the children form a new process group led by the
 * first, which the terminal is handed to with tcsetpgrp while it runs in
 * the foreground, so that Ctrl-C reaches them and not the shell; the shell
 * takes the terminal back when the last one has ended. Each child sets
 * its group itself as well as the parent setting it, so neither order of
 * running after fork can leave a child outside. A single builtin, or a
 * command of assignments or redirections only, runs in the shell itself,
 * with its redirections undone afterwards. A pipeline ended by & is a job:
 * its status is collected later (jobs_reap before each prompt, or `wait`).
 * An and-or list ended by & that is more than one plain pipeline runs in a
 * forked copy of the shell. The status of a command killed by a signal is
 * 128 + the signal, as in other shells; nothing is printed for it.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

static const int job_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };

/* child_signals: a child of an interactive shell gets the default actions
 * back (exec would keep SIG_IGN) */
void child_signals(void)
{
	size_t i;

	if (interactive)
		for (i = 0; i < sizeof(job_signals) / sizeof(job_signals[0]); i++)
			signal(job_signals[i], SIG_DFL);
}

int status_of(int ws)
{
	if (WIFEXITED(ws))
		return WEXITSTATUS(ws);
	if (WIFSIGNALED(ws))
		return 128 + WTERMSIG(ws);
	return 128 + WSTOPSIG(ws);
}

/* --- redirections --- */
static struct { int fd, copy; } saved[16];
static int nr_saved;

/* save_fd: keep a copy of fd (above 10, closed on exec) to restore later */
static void save_fd(int fd)
{
	int i;

	for (i = 0; i < nr_saved; i++)
		if (saved[i].fd == fd)
			return;
	if (nr_saved == (int)(sizeof(saved) / sizeof(saved[0])))
		return;
	saved[nr_saved].fd = fd;
	saved[nr_saved].copy = fcntl(fd, F_DUPFD, 10);
	if (saved[nr_saved].copy >= 0)
		fcntl(saved[nr_saved].copy, F_SETFD, FD_CLOEXEC);
	nr_saved++;
}

void restore_redirs(void)
{
	fflush(stdout);
	while (nr_saved > 0) {
		nr_saved--;
		if (saved[nr_saved].copy >= 0) {
			dup2(saved[nr_saved].copy, saved[nr_saved].fd);
			close(saved[nr_saved].copy);
		} else {
			close(saved[nr_saved].fd);
		}
	}
}

/* apply_redirs: perform r's redirections in order; with save, remember how
 * to undo them (restore_redirs). 0, or -1 after reporting an error. */
int apply_redirs(struct redir *r, int save)
{
	static const int flags[] = {
		[T_LESS] = O_RDONLY,
		[T_GREAT] = O_WRONLY | O_CREAT | O_TRUNC,
		[T_DGREAT] = O_WRONLY | O_CREAT | O_APPEND,
	};

	for (; r; r = r->next) {
		char *name = expand_string(r->word), *end;
		int fd;

		if (save)
			save_fd(r->fd);
		if (r->type == T_LESSAND || r->type == T_GREATAND) {
			if (!strcmp(name, "-")) {
				close(r->fd);
				continue;
			}
			fd = strtol(name, &end, 10);
			if (!*name || *end) {
				sh_error("%s: ambiguous redirect", name);
				return -1;
			}
			if (fd != r->fd && dup2(fd, r->fd) < 0) {
				sh_error("%s: %s", name, strerror(errno));
				return -1;
			}
			continue;
		}
		fd = open(name, flags[r->type], 0666);
		if (fd < 0) {
			sh_error("%s: %s", name, strerror(errno));
			return -1;
		}
		if (fd != r->fd) {
			dup2(fd, r->fd);
			close(fd);
		}
	}
	return 0;
}

/* --- simple commands --- */
static void expand_cmd(struct cmd *c, struct strv *assigns, struct strv *argv)
{
	char **w = c->words;

	memset(assigns, 0, sizeof(*assigns));
	memset(argv, 0, sizeof(*argv));
	for (; *w && is_assignment(*w); w++)
		strv_add(assigns, expand_string(*w));
	for (; *w; w++)
		expand_fields(*w, argv);
}

/* exec_program: the end of a child: run argv with the exported variables */
static __attribute__((noreturn)) void exec_program(struct strv *argv)
{
	environ = var_environ();
	execvp(argv->v[0], argv->v);
	if (errno == ENOENT) {
		sh_error("%s: not found", argv->v[0]);
		_exit(127);
	}
	sh_error("%s: %s", argv->v[0], strerror(errno));
	_exit(126);
}

/* run_in_shell: a builtin, or assignments and redirections alone */
static int run_in_shell(struct cmd *c, struct strv *assigns, struct strv *argv)
{
	builtin_fn fn = argv->n ? find_builtin(argv->v[0]) : NULL;
	int i, status;

	if (fn && !strcmp(argv->v[0], "exec")) {	/* exec: for good */
		if (apply_redirs(c->redirs, 0))
			return 1;
		if (argv->n == 1)
			return 0;
		for (i = 0; i < assigns->n; i++)
			var_set_assignment(assigns->v[i], 1);
		fflush(stdout);
		child_signals();
		argv->v++;
		argv->n--;
		exec_program(argv);
	}
	for (i = 0; i < assigns->n; i++)
		var_set_assignment(assigns->v[i], 0);
	if (apply_redirs(c->redirs, 1)) {
		restore_redirs();
		return 1;
	}
	status = fn ? fn(argv->n, argv->v) : 0;
	restore_redirs();
	return status;
}

/* child: what a forked pipeline member does before running its command;
 * x is its expansion when the parent has done it already, or NULL */
static __attribute__((noreturn)) void child(struct cmd *c, struct strv x[2], pid_t pgid,
					    int bg, int in, int out)
{
	struct strv assigns, argv;
	builtin_fn fn;
	int i;

	if (job_control) {
		setpgid(0, pgid);
		if (!bg)
			tcsetpgrp(tty_fd, pgid ? pgid : getpid());
	}
	child_signals();
	if (bg && !job_control) {
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		if (in < 0 && (i = open("/dev/null", O_RDONLY)) >= 0 && i != 0) {
			dup2(i, 0);
			close(i);
		}
	}
	if (in >= 0) {
		dup2(in, 0);
		close(in);
	}
	if (out >= 0) {
		dup2(out, 1);
		close(out);
	}
	if (x) {
		assigns = x[0];
		argv = x[1];
	} else {
		expand_cmd(c, &assigns, &argv);
	}
	if (apply_redirs(c->redirs, 0))
		_exit(1);
	for (i = 0; i < assigns.n; i++)
		var_set_assignment(assigns.v[i], 1);
	if (!argv.n)
		_exit(0);
	fn = find_builtin(argv.v[0]);
	if (fn) {
		i = fn(argv.n, argv.v);
		fflush(stdout);
		_exit(i);
	}
	exec_program(&argv);
}

/* run_pipeline: returns the status of a foreground pipeline, 0 for one
 * started in the background */
static int run_pipeline(struct pipeline *p, int bg, const char *text)
{
	struct strv x[2], *done = NULL;		/* assignments, words */
	pid_t pgid = 0, pids[64];
	int i, in = -1, fds[2], n = p->ncmds;

	if (n == 1 && !bg) {
		expand_cmd(&p->cmds[0], &x[0], &x[1]);
		if (!x[1].n || find_builtin(x[1].v[0]))
			return run_in_shell(&p->cmds[0], &x[0], &x[1]);
		done = x;
	}
	if (n > (int)(sizeof(pids) / sizeof(pids[0]))) {
		sh_error("pipeline too long");
		return 1;
	}
	fflush(stdout);
	for (i = 0; i < n; i++) {
		fds[0] = fds[1] = -1;
		if (i < n - 1 && pipe(fds) < 0) {
			sh_error("pipe: %s", strerror(errno));
			break;
		}
		pids[i] = fork();
		if (pids[i] == 0) {
			if (fds[0] >= 0)
				close(fds[0]);
			child(&p->cmds[i], done, pgid, bg, in, fds[1]);
		}
		if (pids[i] < 0) {
			sh_error("fork: %s", strerror(errno));
			close(fds[0]);
			close(fds[1]);
			break;
		}
		if (!pgid)
			pgid = pids[i];
		if (job_control)
			setpgid(pids[i], pgid);
		if (in >= 0)
			close(in);
		if (fds[1] >= 0)
			close(fds[1]);
		in = fds[0];
	}
	if (in >= 0)
		close(in);
	if (i == 0)
		return 1;
	if (bg) {
		job_add(pgid, pids, i, text, 1);
		last_bg_pid = pids[i - 1];
		return 0;
	}
	return job_wait_fg(pgid, pids, i, text);
}

int run_andor(struct andor *a)
{
	int i, status = run_pipeline(&a->pipes[0], 0, a->text);

	for (i = 1; i < a->npipes; i++)
		if ((a->ops[i - 1] == T_AND) == (status == 0))
			status = run_pipeline(&a->pipes[i], 0, a->text);
	return status;
}

/* run_background: an and-or list ended by & */
static void run_background(struct andor *a)
{
	struct strv assigns, argv;
	pid_t pid;

	if (a->npipes == 1) {
		struct cmd *c = &a->pipes[0].cmds[0];

		expand_cmd(c, &assigns, &argv);
		if (a->pipes[0].ncmds > 1 || (argv.n && !find_builtin(argv.v[0]))) {
			run_pipeline(&a->pipes[0], 1, a->text);
			return;
		}
	}
	fflush(stdout);
	pid = fork();
	if (pid == 0) {			/* a copy of the shell runs the list */
		if (job_control)
			setpgid(0, 0);
		child_signals();
		job_control = interactive = 0;
		fflush(stdout);
		_exit(run_andor(a));
	}
	if (pid < 0) {
		sh_error("fork: %s", strerror(errno));
		return;
	}
	if (job_control)
		setpgid(pid, pid);
	job_add(pid, &pid, 1, a->text, 1);
	last_bg_pid = pid;
}

int run_list(struct andor *list)
{
	for (; list; list = list->next) {
		if (list->background) {
			run_background(list);
			last_status = 0;
		} else {
			last_status = run_andor(list);
		}
	}
	return last_status;
}
