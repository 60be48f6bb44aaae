/* rm: removes files; -r removes directories and what they hold (reading
 * each directory's names before removing any), -f says
 * nothing about files that do not exist (and makes that no error). No -i,
 * no protection of "/" (coreutils has --preserve-root). */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int recursive, force;

static int remove_path(const char *path)
{
	struct stat st;
	struct dirent *e;
	char sub[PATH_MAX];
	char **names = NULL;
	DIR *d;
	int i, n = 0, status = 0;

	if (lstat(path, &st) < 0) {
		if (force && errno == ENOENT)
			return 0;
		fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno));
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		if (unlink(path) == 0)
			return 0;
		fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno));
		return 1;
	}
	if (!recursive) {
		fprintf(stderr, "rm: cannot remove '%s': Is a directory\n", path);
		return 1;
	}
	d = opendir(path);
	if (!d) {
		fprintf(stderr, "rm: cannot open '%s': %s\n", path, strerror(errno));
		return 1;
	}
	/* the names first, then the removals: a directory read while it
	 * changes may skip or repeat entries */
	while ((e = readdir(d)) != NULL) {
		char **grown;

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		grown = realloc(names, (n + 1) * sizeof(char *));
		if (!grown || !(grown[n] = strdup(e->d_name))) {
			fprintf(stderr, "rm: out of memory\n");
			names = grown ? grown : names;
			status = 1;
			break;
		}
		names = grown;
		n++;
	}
	closedir(d);
	for (i = 0; i < n; i++) {
		snprintf(sub, sizeof(sub), "%s/%s", path, names[i]);
		status |= remove_path(sub);
		free(names[i]);
	}
	free(names);
	if (rmdir(path) < 0) {
		fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno));
		return 1;
	}
	return status;
}

int main(int argc, char **argv)
{
	int i, status = 0;
	const char *p;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (p = argv[i] + 1; *p; p++) {
			if (*p == 'r' || *p == 'R')
				recursive = 1;
			else if (*p == 'f')
				force = 1;
			else {
				fprintf(stderr, "usage: rm [-rf] file...\n");
				return 1;
			}
		}
	}
	if (i == argc && !force) {
		fprintf(stderr, "usage: rm [-rf] file...\n");
		return 1;
	}
	for (; i < argc; i++)
		status |= remove_path(argv[i]);
	return status;
}
