/* wc: counts lines, words and bytes of each file (or standard input) and
 * prints them in coreutils' order, with a total line for several files.
 * -l, -w and -c choose the counts. The columns are as wide as the largest
 * count needs (coreutils sizes them from the file sizes; the numbers are
 * the same). Words are runs of non-space bytes (no multibyte locales). */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct counts {
	unsigned long lines, words, bytes;
};

static int show_lines, show_words, show_bytes;
static char buf[4096];

static int count(int fd, struct counts *c)
{
	int in_word = 0;
	ssize_t n, i;

	memset(c, 0, sizeof(*c));
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		c->bytes += n;
		for (i = 0; i < n; i++) {
			if (buf[i] == '\n')
				c->lines++;
			if (isspace((unsigned char)buf[i])) {
				in_word = 0;
			} else if (!in_word) {
				in_word = 1;
				c->words++;
			}
		}
	}
	return 0;
}

static void print(const struct counts *c, const char *name, int width)
{
	const char *sep = "";

	if (show_lines) {
		printf("%*lu", width, c->lines);
		sep = " ";
	}
	if (show_words) {
		printf("%s%*lu", sep, width, c->words);
		sep = " ";
	}
	if (show_bytes)
		printf("%s%*lu", sep, width, c->bytes);
	if (name)
		printf(" %s", name);
	putchar('\n');
}

int main(int argc, char **argv)
{
	struct counts c[64], total = { 0, 0, 0 };
	int i = 1, n, fd, status = 0, width = 1, nfiles;
	char tmp[24];
	const char *p;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (p = argv[i] + 1; *p; p++) {
			if (*p == 'l')
				show_lines = 1;
			else if (*p == 'w')
				show_words = 1;
			else if (*p == 'c')
				show_bytes = 1;
			else {
				fprintf(stderr, "usage: wc [-lwc] [file...]\n");
				return 1;
			}
		}
	}
	if (!show_lines && !show_words && !show_bytes)
		show_lines = show_words = show_bytes = 1;
	nfiles = argc - i;
	if (nfiles == 0) {
		if (count(0, &c[0]) < 0) {
			perror("wc");
			return 1;
		}
		print(&c[0], NULL, show_lines + show_words + show_bytes > 1 ? 7 : 1);
		return 0;
	}
	if (nfiles > 64) {
		fprintf(stderr, "wc: at most 64 files\n");
		return 1;
	}
	for (n = 0; n < nfiles; n++) {
		fd = open(argv[i + n], O_RDONLY);
		if (fd < 0 || count(fd, &c[n]) < 0) {
			fprintf(stderr, "wc: %s: %s\n", argv[i + n], strerror(errno));
			c[n].bytes = (unsigned long)-1;
			status = 1;
		}
		if (fd >= 0)
			close(fd);
		if (c[n].bytes != (unsigned long)-1) {
			total.lines += c[n].lines;
			total.words += c[n].words;
			total.bytes += c[n].bytes;
		}
	}
	width = snprintf(tmp, sizeof(tmp), "%lu", total.bytes > total.lines ?
			 (total.bytes > total.words ? total.bytes : total.words) : total.lines);
	if (show_lines + show_words + show_bytes == 1 && nfiles == 1)
		width = 1;
	for (n = 0; n < nfiles; n++)
		if (c[n].bytes != (unsigned long)-1)
			print(&c[n], argv[i + n], width);
	if (nfiles > 1)
		print(&total, "total", width);
	return status;
}
