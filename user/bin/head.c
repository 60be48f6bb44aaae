/* head: prints the first 10 lines (or -n N, also written -N) of each file
 * or of standard input, with "==> name <==" headers for several files as
 * coreutils does. No -c (bytes) and no negative counts. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char buf[4096];

static int head(int fd, long lines)
{
	ssize_t n, i;

	while (lines > 0 && (n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (i = 0; i < n && lines > 0; i++)
			if (buf[i] == '\n')
				lines--;
		fwrite(buf, 1, i, stdout);
	}
	return 0;
}

int main(int argc, char **argv)
{
	long lines = 10;
	int i = 1, fd, status = 0, nfiles;
	char *end;

	if (i < argc && !strcmp(argv[i], "-n") && i + 1 < argc) {
		lines = strtol(argv[i + 1], &end, 10);
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1]) {
		lines = strtol(argv[i] + (argv[i][1] == 'n' ? 2 : 1), &end, 10);
		i++;
	} else {
		end = "";
	}
	if (*end || lines < 0) {
		fprintf(stderr, "usage: head [-n N | -N] [file...]\n");
		return 1;
	}
	nfiles = argc - i;
	if (!nfiles)
		return head(0, lines) ? 1 : 0;
	for (; i < argc; i++) {
		fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(stderr, "head: cannot open '%s' for reading: %s\n", argv[i],
				strerror(errno));
			status = 1;
			continue;
		}
		if (nfiles > 1)
			printf("%s==> %s <==\n", i > argc - nfiles ? "\n" : "", argv[i]);
		if (head(fd, lines) < 0) {
			fprintf(stderr, "head: error reading '%s': %s\n", argv[i], strerror(errno));
			status = 1;
		}
		close(fd);
	}
	return status;
}
