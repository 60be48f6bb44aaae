/* uptime: the time of day (UTC), how long the system has been up (from
 * /proc/uptime) and how many processes there are (the pid directories of
 * /proc). procps' uptime shows users and load averages instead of the
 * process count; yomi has neither logins nor a load average. */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(void)
{
	char text[64];
	long up, now = time(NULL);
	int fd, n, procs = 0;
	struct dirent *e;
	DIR *d;

	fd = open("/proc/uptime", O_RDONLY);
	n = fd < 0 ? -1 : read(fd, text, sizeof(text) - 1);
	if (fd >= 0)
		close(fd);
	if (n <= 0) {
		perror("uptime: /proc/uptime");
		return 1;
	}
	text[n] = '\0';
	up = strtol(text, NULL, 10);
	d = opendir("/proc");
	while (d && (e = readdir(d)) != NULL)
		procs += isdigit((unsigned char)e->d_name[0]) != 0;
	if (d)
		closedir(d);
	printf(" %02ld:%02ld:%02ld up ", now / 3600 % 24, now / 60 % 60, now % 60);
	if (up >= 86400)
		printf("%ld day%s, ", up / 86400, up >= 2 * 86400 ? "s" : "");
	if (up % 86400 >= 3600)
		printf("%2ld:%02ld", up % 86400 / 3600, up % 3600 / 60);
	else
		printf("%ld min", up % 3600 / 60);
	printf(",  %d processes\n", procs);
	return 0;
}
