/* sleep: waits for the sum of its arguments, in seconds, which may have a
 * fraction (0.5) and a suffix s, m, h or d, as coreutils' sleep. Uses
 * nanosleep; Ctrl-C (SIGINT, default action) ends it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* parse: seconds and nanoseconds of "12.5m"-like text; -1 if malformed */
static int parse(const char *s, long long *ns)
{
	long long whole = 0, frac = 0, scale = 1000000000LL;
	const char *p = s;
	int mult = 1;

	for (; *p >= '0' && *p <= '9'; p++)
		whole = whole * 10 + (*p - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++)
			if (scale >= 10) {
				scale /= 10;
				frac += (*p - '0') * scale;
			}
	if (p == s)
		return -1;
	if (*p && p[1])
		return -1;
	switch (*p) {
	case '\0': case 's': break;
	case 'm': mult = 60; break;
	case 'h': mult = 3600; break;
	case 'd': mult = 86400; break;
	default: return -1;
	}
	*ns = (whole * 1000000000LL + frac) * mult;
	return 0;
}

int main(int argc, char **argv)
{
	long long total = 0, ns;
	struct timespec req;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: sleep seconds[.fraction][smhd]...\n");
		return 1;
	}
	for (i = 1; i < argc; i++) {
		if (parse(argv[i], &ns) < 0) {
			fprintf(stderr, "sleep: invalid time interval '%s'\n", argv[i]);
			return 1;
		}
		total += ns;
	}
	req.tv_sec = total / 1000000000LL;
	req.tv_nsec = total % 1000000000LL;
	while (nanosleep(&req, &req) < 0)
		;			/* interrupted without dying: sleep the rest */
	return 0;
}
