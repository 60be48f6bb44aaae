/* read_file: a whole small file (a /proc file) into a buffer; see <procfs.h>. */
#include <fcntl.h>
#include <procfs.h>
#include <unistd.h>

int read_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY), n, total = 0;

	if (fd < 0)
		return -1;
	while ((size_t)total < size - 1 && (n = read(fd, buf + total, size - 1 - total)) > 0)
		total += n;
	close(fd);
	buf[total] = '\0';
	return total;
}
