/* grep: prints the lines of each file (or standard input) that contain a
 * fixed string - no regular expressions (coreutils' grep -F). Options: -v
 * (lines that do not), -i (ignore ASCII case), -n (line numbers), -c
 * (count only), -q (no output). With several files each line starts with
 * its file name. Exit status 0 if a line was selected, 1 if none, 2 on an
 * error, as grep's. Lines longer than 4 KiB are cut into pieces. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int invert, icase, numbers, count_only, quiet;
static const char *pattern;
static size_t plen;

struct reader {
	int fd;
	char buf[4096];
	size_t pos, len;
};

/* next_line: the next line (without '\n') into line; its length, or -1 at
 * the end */
static long next_line(struct reader *r, char *line, size_t size)
{
	size_t n = 0;
	ssize_t got;

	for (;;) {
		if (r->pos == r->len) {
			got = read(r->fd, r->buf, sizeof(r->buf));
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0)
				return n ? (long)n : -1;
			r->pos = 0;
			r->len = got;
		}
		char c = r->buf[r->pos++];

		if (c == '\n')
			return n;
		line[n++] = c;
		if (n == size - 1)
			return n;
	}
}

static int matches(const char *line, size_t len)
{
	size_t i, j;

	if (plen > len)
		return 0;
	for (i = 0; i + plen <= len; i++) {
		for (j = 0; j < plen; j++) {
			char a = line[i + j], b = pattern[j];

			if (icase ? tolower((unsigned char)a) != tolower((unsigned char)b) : a != b)
				break;
		}
		if (j == plen)
			return 1;
	}
	return 0;
}

static int grep(int fd, const char *name)
{
	static struct reader r;
	static char line[4097];
	unsigned long lineno = 0, selected = 0;
	long len;

	r.fd = fd;
	r.pos = r.len = 0;
	while ((len = next_line(&r, line, sizeof(line))) >= 0) {
		lineno++;
		if (matches(line, len) == invert)
			continue;
		selected++;
		if (quiet)
			return 1;
		if (count_only)
			continue;
		if (name)
			printf("%s:", name);
		if (numbers)
			printf("%lu:", lineno);
		fwrite(line, 1, len, stdout);
		putchar('\n');
	}
	if (count_only) {
		if (name)
			printf("%s:", name);
		printf("%lu\n", selected);
	}
	return selected > 0;
}

int main(int argc, char **argv)
{
	int i = 1, fd, found = 0, error = 0, many;
	const char *p;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (p = argv[i] + 1; *p; p++) {
			switch (*p) {
			case 'v': invert = 1; break;
			case 'i': icase = 1; break;
			case 'n': numbers = 1; break;
			case 'c': count_only = 1; break;
			case 'q': quiet = 1; break;
			case 'F': break;
			default:
				fprintf(stderr, "usage: grep [-vincqF] string [file...]\n");
				return 2;
			}
		}
	}
	if (i == argc) {
		fprintf(stderr, "usage: grep [-vincqF] string [file...]\n");
		return 2;
	}
	pattern = argv[i++];
	plen = strlen(pattern);
	if (i == argc)
		return grep(0, NULL) ? 0 : 1;
	many = argc - i > 1;
	for (; i < argc; i++) {
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
			error = 1;
			continue;
		}
		found |= grep(fd, many ? argv[i] : NULL);
		close(fd);
		if (found && quiet)
			break;
	}
	return found ? 0 : error ? 2 : 1;
}
