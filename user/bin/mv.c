/* mv: renames a file (mv old new), or moves files into a directory (mv
 * file... dir). Only rename(2): yomi has one file system, so there is no
 * copy-and-delete fallback across file systems as coreutils has (EXDEV is
 * reported). No options. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s && s[1] ? s + 1 : path;
}

int main(int argc, char **argv)
{
	char dest[PATH_MAX];
	struct stat st;
	int i, status = 0, into_dir;

	if (argc < 3) {
		fprintf(stderr, "usage: mv source dest | mv source... directory\n");
		return 1;
	}
	into_dir = stat(argv[argc - 1], &st) == 0 && S_ISDIR(st.st_mode);
	if (argc > 3 && !into_dir) {
		fprintf(stderr, "mv: target '%s' is not a directory\n", argv[argc - 1]);
		return 1;
	}
	for (i = 1; i < argc - 1; i++) {
		if (into_dir)
			snprintf(dest, sizeof(dest), "%s/%s", argv[argc - 1], base_name(argv[i]));
		else
			snprintf(dest, sizeof(dest), "%s", argv[argc - 1]);
		if (rename(argv[i], dest) < 0) {
			fprintf(stderr, "mv: cannot move '%s' to '%s': %s\n", argv[i], dest,
				strerror(errno));
			status = 1;
		}
	}
	return status;
}
