/*
 * forkdemo: narrates fork, exec and wait for a lesson. The parent forks;
 * both processes say what fork returned to them; the child then execs
 * /bin/echo (or the command given as arguments) and the parent waits and
 * decodes the status with the W* macros. Output is flushed before fork so
 * that no buffered line is printed twice.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	char *echo_argv[] = { "echo", "hello from the program the child exec'd", NULL };
	char **cmd = argc > 1 ? argv + 1 : echo_argv;
	int status;
	pid_t pid, w;

	printf("parent: pid %d, about to fork()\n", getpid());
	fflush(stdout);
	pid = fork();
	if (pid < 0) {
		printf("parent: fork failed: %s\n", strerror(errno));
		return 1;
	}
	if (pid == 0) {
		printf("child:  fork() returned 0; my pid is %d, my parent is %d\n",
		       getpid(), getppid());
		printf("child:  execvp(\"%s\", ...) - this process becomes that program\n", cmd[0]);
		fflush(stdout);
		execvp(cmd[0], cmd);
		printf("child:  exec failed: %s\n", strerror(errno));
		return 127;
	}
	printf("parent: fork() returned %d, the child's pid; waiting for it\n", pid);
	fflush(stdout);
	w = waitpid(pid, &status, 0);
	if (w < 0) {
		printf("parent: waitpid failed: %s\n", strerror(errno));
		return 1;
	}
	if (WIFEXITED(status))
		printf("parent: waitpid(%d) -> status 0x%04x: exited with %d\n", w, status,
		       WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		printf("parent: waitpid(%d) -> status 0x%04x: killed by signal %d (%s)\n", w,
		       status, WTERMSIG(status), strsignal(WTERMSIG(status)));
	return 0;
}
