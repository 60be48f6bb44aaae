/* cat: copies each file (or standard input, also for "-") to standard
 * output with read(2) and write(2), 4 KiB at a time. No options (coreutils
 * has -n, -A and more). Exits 1 if any file could not be read. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char buf[4096];

/* copy: fd to standard output; 0, or -1 after reporting an error */
static int copy(int fd, const char *name)
{
	ssize_t n, w, off;

	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
			return -1;
		}
		for (off = 0; off < n; off += w) {
			w = write(1, buf + off, n - off);
			if (w < 0) {
				fprintf(stderr, "cat: write error: %s\n", strerror(errno));
				return -1;
			}
		}
	}
	return 0;
}

int main(int argc, char **argv)
{
	int i, fd, status = 0;

	if (argc < 2)
		return copy(0, "-") ? 1 : 0;
	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-")) {
			fd = 0;
		} else if ((fd = open(argv[i], O_RDONLY)) < 0) {
			fprintf(stderr, "cat: %s: %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		if (copy(fd, argv[i]))
			status = 1;
		if (fd)
			close(fd);
	}
	return status;
}
