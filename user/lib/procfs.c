/* Reading /proc: read_file and kernel_memory; see <procfs.h>. */
#include <fcntl.h>
#include <procfs.h>
#include <stdlib.h>
#include <string.h>
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

/* field: the number after "name" in text, or 0 */
static long field(const char *text, const char *name)
{
	const char *p = strstr(text, name);

	return p ? strtol(p + strlen(name), NULL, 10) : 0;
}

int kernel_memory(long *held_kb, long *objects)
{
	static char text[8192];
	char *p;

	if (read_file("/proc/meminfo", text, sizeof(text)) <= 0)
		return -1;
	*held_kb = field(text, "MemTotal:") - field(text, "MemFree:");
	if (read_file("/proc/self/status", text, sizeof(text)) <= 0)
		return -1;
	*held_kb -= field(text, "VmRSS:") + field(text, "VmPTE:");
	if (read_file("/proc/slabinfo", text, sizeof(text)) <= 0)
		return -1;
	*objects = 0;
	for (p = strchr(text, '\n'); p && p[1]; p = strchr(p + 1, '\n'))
		if (p[1] != '#' && strchr(p + 1, ' '))
			*objects += strtol(strchr(p + 1, ' '), NULL, 10);
	return 0;
}
