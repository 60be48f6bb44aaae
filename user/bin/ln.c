/* ln: makes symbolic links: ln -s target linkname, or ln -s target... dir.
 * yomi's kernel has no link(2) yet, so hard links (ln without -s) are
 * refused with a message; no -f. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s && s[1] ? s + 1 : path;
}

int main(int argc, char **argv)
{
	char name[PATH_MAX];
	struct stat st;
	const char *last;
	int i, end, status = 0, into_dir;

	if (argc < 3 || strcmp(argv[1], "-s")) {
		fprintf(stderr, "usage: ln -s target linkname | ln -s target... directory\n"
			"(hard links are not supported)\n");
		return 1;
	}
	/* ln -s target: a link of the same name here */
	last = argc == 3 ? "." : argv[argc - 1];
	end = argc == 3 ? argc : argc - 1;
	into_dir = stat(last, &st) == 0 && S_ISDIR(st.st_mode);
	if (end - 2 > 1 && !into_dir) {
		fprintf(stderr, "ln: target '%s' is not a directory\n", last);
		return 1;
	}
	for (i = 2; i < end; i++) {
		if (into_dir)
			snprintf(name, sizeof(name), "%s/%s", last, base_name(argv[i]));
		else
			snprintf(name, sizeof(name), "%s", last);
		if (symlink(argv[i], name) < 0) {
			fprintf(stderr, "ln: failed to create symbolic link '%s': %s\n", name,
				strerror(errno));
			status = 1;
		}
	}
	return status;
}
