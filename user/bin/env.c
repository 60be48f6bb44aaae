/* env: without a command, prints the environment, one NAME=value a line;
 * with one, runs it (found through PATH) with NAME=value arguments added to
 * the environment, or in only those with -i. No -u or -0. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* put: set or replace NAME=value in env (n entries, room for one more) */
static int put(char **env, int n, char *nameval)
{
	size_t len = strchr(nameval, '=') - nameval + 1;
	int i;

	for (i = 0; i < n; i++)
		if (!strncmp(env[i], nameval, len)) {
			env[i] = nameval;
			return n;
		}
	env[n] = nameval;
	return n + 1;
}

int main(int argc, char **argv)
{
	char **env, **e;
	int i = 1, n = 0, clear = 0;

	if (i < argc && !strcmp(argv[i], "-i")) {
		clear = 1;
		i++;
	}
	for (e = environ; e && *e; e++)
		n++;
	env = malloc((n + argc + 1) * sizeof(char *));
	if (!env) {
		perror("env");
		return 125;
	}
	n = 0;
	for (e = environ; !clear && e && *e; e++)
		env[n++] = *e;
	for (; i < argc && strchr(argv[i], '='); i++)
		n = put(env, n, argv[i]);
	env[n] = NULL;
	environ = env;
	if (i == argc) {
		for (e = env; *e; e++)
			printf("%s\n", *e);
		return 0;
	}
	execvp(argv[i], argv + i);
	fprintf(stderr, "env: '%s': %s\n", argv[i], strerror(errno));
	return errno == ENOENT ? 127 : 126;
}
