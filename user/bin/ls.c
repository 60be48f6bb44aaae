/*
 * ls: lists directories and files, sorted by name (byte order, as with
 * LC_ALL=C). Options: -a (also names starting with '.'), -l (long form:
 * type and permission bits, link count, size, name, and "-> target" for a
 * symbolic link), -1 (one name a line), -d (a directory itself, not its
 * contents). On a terminal the short form uses columns for 80 characters,
 * elsewhere one name a line, as coreutils does. Unlike coreutils, -l shows
 * no owner, group or time (on yomi they are always root and 1970), and
 * there is no -R, -t, -S or colour.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int all, longform, one, dirself, columns;

struct entry {
	char *name;
	struct stat st;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static void mode_string(unsigned int mode, char *s)
{
	static const char types[] = "?pc?d?b?-?l?s???";
	static const char rwx[] = "rwxrwxrwx";
	int i;

	s[0] = types[(mode >> 12) & 15];
	for (i = 0; i < 9; i++)
		s[i + 1] = mode & (0400 >> i) ? rwx[i] : '-';
	if (mode & S_ISUID)
		s[3] = s[3] == 'x' ? 's' : 'S';
	if (mode & S_ISGID)
		s[6] = s[6] == 'x' ? 's' : 'S';
	if (mode & S_ISVTX)
		s[9] = s[9] == 'x' ? 't' : 'T';
	s[10] = '\0';
}

/* show: print entries e[0..n) (their names relative to dir, for -l links) */
static void show(struct entry *e, int n, const char *dir)
{
	char mode[11], path[PATH_MAX], target[PATH_MAX];
	int i, j, width = 0, nlink_w = 1, size_w = 1, cols, rows;
	ssize_t len;

	qsort(e, n, sizeof(*e), by_name);
	if (longform) {
		for (i = 0; i < n; i++) {
			len = snprintf(path, sizeof(path), "%u", e[i].st.st_nlink);
			nlink_w = len > nlink_w ? len : nlink_w;
			len = snprintf(path, sizeof(path), "%lld", e[i].st.st_size);
			size_w = len > size_w ? len : size_w;
		}
		for (i = 0; i < n; i++) {
			mode_string(e[i].st.st_mode, mode);
			printf("%s %*u %*lld %s", mode, nlink_w, e[i].st.st_nlink, size_w,
			       e[i].st.st_size, e[i].name);
			if (S_ISLNK(e[i].st.st_mode)) {
				if (dir)
					snprintf(path, sizeof(path), "%s/%s", dir, e[i].name);
				else
					snprintf(path, sizeof(path), "%s", e[i].name);
				len = readlink(path, target, sizeof(target) - 1);
				if (len >= 0) {
					target[len] = '\0';
					printf(" -> %s", target);
				}
			}
			putchar('\n');
		}
		return;
	}
	if (one || !columns) {
		for (i = 0; i < n; i++)
			printf("%s\n", e[i].name);
		return;
	}
	for (i = 0; i < n; i++)
		if ((int)strlen(e[i].name) > width)
			width = strlen(e[i].name);
	width += 2;
	cols = 80 / width ? 80 / width : 1;
	rows = (n + cols - 1) / cols;
	for (i = 0; i < rows; i++) {
		for (j = i; j < n; j += rows)
			printf("%-*s", j + rows < n ? width : 0, e[j].name);
		putchar('\n');
	}
}

static void free_entries(struct entry *e, int n)
{
	while (n-- > 0)
		free(e[n].name);
	free(e);
}

static int list_dir(const char *dir)
{
	struct entry *e = NULL, *grown;
	struct dirent *d;
	char path[PATH_MAX];
	int n = 0;
	DIR *dp = opendir(dir);

	if (!dp) {
		fprintf(stderr, "ls: cannot open directory '%s': %s\n", dir, strerror(errno));
		return 2;
	}
	while ((d = readdir(dp)) != NULL) {
		if (d->d_name[0] == '.' && !all)
			continue;
		grown = realloc(e, (n + 1) * sizeof(*e));
		if (!grown)
			break;
		e = grown;
		e[n].name = strdup(d->d_name);
		snprintf(path, sizeof(path), "%s/%s", dir, d->d_name);
		if (!e[n].name)
			break;
		if (lstat(path, &e[n].st) < 0)
			memset(&e[n].st, 0, sizeof(e[n].st));
		n++;
	}
	closedir(dp);
	show(e, n, dir);
	free_entries(e, n);
	return 0;
}

int main(int argc, char **argv)
{
	struct entry *files;
	char **dirs;
	int i = 1, nfiles = 0, ndirs = 0, status = 0;
	struct stat st;
	const char *p;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (p = argv[i] + 1; *p; p++) {
			switch (*p) {
			case 'a': all = 1; break;
			case 'l': longform = 1; break;
			case '1': one = 1; break;
			case 'd': dirself = 1; break;
			default:
				fprintf(stderr, "usage: ls [-adl1] [file...]\n");
				return 2;
			}
		}
	}
	columns = isatty(1);
	if (i == argc)
		return list_dir(".");
	files = malloc((argc - i) * sizeof(*files));
	dirs = malloc((argc - i) * sizeof(*dirs));
	if (!files || !dirs) {
		perror("ls");
		return 2;
	}
	for (; i < argc; i++) {
		if (lstat(argv[i], &st) < 0) {
			fprintf(stderr, "ls: cannot access '%s': %s\n", argv[i], strerror(errno));
			status = 2;
			continue;
		}
		if (S_ISLNK(st.st_mode) && !longform && !dirself) {
			struct stat target;

			if (stat(argv[i], &target) == 0 && S_ISDIR(target.st_mode))
				st = target;
		}
		if (S_ISDIR(st.st_mode) && !dirself) {
			dirs[ndirs++] = argv[i];
		} else {
			files[nfiles].name = strdup(argv[i]);
			files[nfiles++].st = st;
		}
	}
	if (nfiles)
		show(files, nfiles, NULL);
	for (i = 0; i < ndirs; i++) {
		if (nfiles || ndirs > 1)
			printf("%s%s:\n", nfiles || i ? "\n" : "", dirs[i]);
		if (list_dir(dirs[i]))
			status = 2;
	}
	return status;
}
