/* touch: creates each file that does not exist (empty, mode 0666 less the
 * umask). yomi's kernel has no utimensat yet, so the times of a file that
 * exists are left as they are (coreutils sets them to now); no options. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int i, fd, status = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: touch file...\n");
		return 1;
	}
	for (i = 1; i < argc; i++) {
		fd = open(argv[i], O_WRONLY | O_CREAT, 0666);
		if (fd < 0 && errno == EISDIR)
			continue;
		if (fd < 0) {
			fprintf(stderr, "touch: cannot touch '%s': %s\n", argv[i], strerror(errno));
			status = 1;
			continue;
		}
		close(fd);
	}
	return status;
}
