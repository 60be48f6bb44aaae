/* free: memory in use and free, from /proc/meminfo, in KiB, with procps'
 * column headings. yomi has no swap, page cache or shared memory to count,
 * so those columns are 0 and "used" is total - free; -m prints MiB. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* meminfo_kb: the value of "name:" in the text of /proc/meminfo; -1 if absent */
static long meminfo_kb(const char *text, const char *name)
{
	const char *p = text;
	size_t len = strlen(name);

	for (; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, name, len) && p[len] == ':')
			return strtol(p + len + 1, NULL, 10);
	return -1;
}

int main(int argc, char **argv)
{
	char text[2048];
	long total, freek, avail, div = 1;
	int fd, n = 0, r;

	if (argc > 1 && !strcmp(argv[1], "-m"))
		div = 1024;
	fd = open("/proc/meminfo", O_RDONLY);
	if (fd < 0) {
		perror("free: /proc/meminfo");
		return 1;
	}
	while (n < (int)sizeof(text) - 1 && (r = read(fd, text + n, sizeof(text) - 1 - n)) > 0)
		n += r;
	close(fd);
	text[n] = '\0';
	total = meminfo_kb(text, "MemTotal");
	freek = meminfo_kb(text, "MemFree");
	avail = meminfo_kb(text, "MemAvailable");
	if (total < 0 || freek < 0) {
		fprintf(stderr, "free: /proc/meminfo lacks MemTotal or MemFree\n");
		return 1;
	}
	if (avail < 0)
		avail = freek;
	printf("               total        used        free      shared  buff/cache   available\n");
	printf("Mem:     %11ld %11ld %11ld %11d %11d %11ld\n", total / div,
	       (total - freek) / div, freek / div, 0, 0, avail / div);
	printf("Swap:    %11d %11d %11d\n", 0, 0, 0);
	return 0;
}
