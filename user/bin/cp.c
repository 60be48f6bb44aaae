/* cp: copies a file (cp src dst) or files into a directory (cp src... dir),
 * the new file getting the source's permission bits. -r copies directories
 * and what they hold. Symbolic links are followed; times and owners are not
 * kept (no -p), and there is no -i. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int recursive;
static char buf[4096];

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s && s[1] ? s + 1 : path;
}

static int copy_file(const char *src, const char *dst, mode_t mode)
{
	int in, out, status = 0;
	ssize_t n, w, off;

	in = open(src, O_RDONLY);
	if (in < 0) {
		fprintf(stderr, "cp: cannot open '%s': %s\n", src, strerror(errno));
		return 1;
	}
	out = open(dst, O_WRONLY | O_CREAT | O_TRUNC, mode & 07777);
	if (out < 0) {
		fprintf(stderr, "cp: cannot create '%s': %s\n", dst, strerror(errno));
		close(in);
		return 1;
	}
	while (!status && (n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			fprintf(stderr, "cp: error reading '%s': %s\n", src, strerror(errno));
			status = 1;
		}
		for (off = 0; !status && off < n; off += w) {
			w = write(out, buf + off, n - off);
			if (w < 0) {
				fprintf(stderr, "cp: error writing '%s': %s\n", dst, strerror(errno));
				status = 1;
			}
		}
	}
	close(in);
	close(out);
	return status;
}

static int copy(const char *src, const char *dst)
{
	char s[PATH_MAX], d[PATH_MAX];
	struct dirent *e;
	struct stat st;
	DIR *dir;
	int status = 0;

	if (stat(src, &st) < 0) {
		fprintf(stderr, "cp: cannot stat '%s': %s\n", src, strerror(errno));
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return copy_file(src, dst, st.st_mode);
	if (!recursive) {
		fprintf(stderr, "cp: -r not specified; omitting directory '%s'\n", src);
		return 1;
	}
	if (mkdir(dst, st.st_mode & 07777) < 0 && errno != EEXIST) {
		fprintf(stderr, "cp: cannot create directory '%s': %s\n", dst, strerror(errno));
		return 1;
	}
	dir = opendir(src);
	if (!dir) {
		fprintf(stderr, "cp: cannot open '%s': %s\n", src, strerror(errno));
		return 1;
	}
	while ((e = readdir(dir)) != NULL) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(s, sizeof(s), "%s/%s", src, e->d_name);
		snprintf(d, sizeof(d), "%s/%s", dst, e->d_name);
		status |= copy(s, d);
	}
	closedir(dir);
	return status;
}

int main(int argc, char **argv)
{
	char dest[PATH_MAX];
	struct stat st;
	int i = 1, status = 0, into_dir;

	if (i < argc && (!strcmp(argv[i], "-r") || !strcmp(argv[i], "-R"))) {
		recursive = 1;
		i++;
	}
	if (argc - i < 2) {
		fprintf(stderr, "usage: cp [-r] source dest | cp [-r] source... directory\n");
		return 1;
	}
	into_dir = stat(argv[argc - 1], &st) == 0 && S_ISDIR(st.st_mode);
	if (argc - i > 2 && !into_dir) {
		fprintf(stderr, "cp: target '%s' is not a directory\n", argv[argc - 1]);
		return 1;
	}
	for (; i < argc - 1; i++) {
		if (into_dir)
			snprintf(dest, sizeof(dest), "%s/%s", argv[argc - 1], base_name(argv[i]));
		else
			snprintf(dest, sizeof(dest), "%s", argv[argc - 1]);
		status |= copy(argv[i], dest);
	}
	return status;
}
