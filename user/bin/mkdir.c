/* mkdir: creates each directory (mode 0777 less the umask). -p creates the
 * missing parents too and accepts directories that exist. No -m. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* make_parents: mkdir -p path, component by component */
static int make_parents(char *path)
{
	char *p = path;
	struct stat st;

	for (;;) {
		while (*p == '/')
			p++;
		p = strchr(p, '/');
		if (p)
			*p = '\0';
		if (mkdir(path, 0777) < 0 && !(errno == EEXIST && stat(path, &st) == 0 &&
						S_ISDIR(st.st_mode)))
			return -1;
		if (!p)
			return 0;
		*p = '/';
	}
}

int main(int argc, char **argv)
{
	int i = 1, parents = 0, status = 0;

	if (i < argc && !strcmp(argv[i], "-p")) {
		parents = 1;
		i++;
	}
	if (i == argc) {
		fprintf(stderr, "usage: mkdir [-p] directory...\n");
		return 1;
	}
	for (; i < argc; i++) {
		if ((parents ? make_parents(argv[i]) : mkdir(argv[i], 0777)) < 0) {
			fprintf(stderr, "mkdir: cannot create directory '%s': %s\n", argv[i],
				strerror(errno));
			status = 1;
		}
	}
	return status;
}
