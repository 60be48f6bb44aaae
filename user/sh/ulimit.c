/*
 * ulimit.c: the ulimit builtin, bash's options and output format.
 *
 *   ulimit -a                  every limit below, one per line
 *   ulimit [-S|-H] -X          print limit X (soft unless -H)
 *   ulimit [-S|-H] -X N        set it (both soft and hard unless -S or -H)
 *   ulimit -X unlimited        RLIM_INFINITY
 * X is c, d, f, n, s, t, u or v; sizes are in KiB (c and f in 512-byte
 * blocks), as bash counts them. Without X, -f is meant. `ulimit -s
 * unlimited` followed by a program is how a student switches that program
 * to the legacy (bottom-up) mmap layout on yomi, as on Linux 2.6.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "sh.h"

static const struct limit {
	char opt;
	int resource;
	const char *name;
	const char *unit;	/* NULL: a count */
	unsigned long scale;	/* bytes per unit */
} limits[] = {
	{ 'c', RLIMIT_CORE, "core file size", "blocks", 512 },
	{ 'd', RLIMIT_DATA, "data seg size", "kbytes", 1024 },
	{ 'f', RLIMIT_FSIZE, "file size", "blocks", 512 },
	{ 'n', RLIMIT_NOFILE, "open files", NULL, 1 },
	{ 's', RLIMIT_STACK, "stack size", "kbytes", 1024 },
	{ 't', RLIMIT_CPU, "cpu time", "seconds", 1 },
	{ 'u', RLIMIT_NPROC, "max user processes", NULL, 1 },
	{ 'v', RLIMIT_AS, "virtual memory", "kbytes", 1024 },
};
#define NR_LIMITS ((int)(sizeof(limits) / sizeof(limits[0])))

static void show(const struct limit *l, int hard, int labelled)
{
	struct rlimit r;
	rlim_t v;
	char label[24];

	if (getrlimit(l->resource, &r) < 0) {
		sh_error("ulimit: %s", strerror(errno));
		return;
	}
	v = hard ? r.rlim_max : r.rlim_cur;
	if (labelled) {
		if (l->unit)
			snprintf(label, sizeof(label), "(%s, -%c)", l->unit, l->opt);
		else
			snprintf(label, sizeof(label), "(-%c)", l->opt);
		printf("%-20s %19s ", l->name, label);
	}
	if (v == RLIM_INFINITY)
		printf("unlimited\n");
	else
		printf("%lu\n", v / l->scale);
}

static int set(const struct limit *l, const char *value, int soft, int hard)
{
	struct rlimit r;
	unsigned long n;
	char *end;

	if (getrlimit(l->resource, &r) < 0)
		goto fail;
	if (!strcmp(value, "unlimited")) {
		n = RLIM_INFINITY;
	} else {
		n = strtoul(value, &end, 10);
		if (!*value || *end || *value == '-') {
			sh_error("ulimit: %s: invalid number", value);
			return 1;
		}
		if (n > RLIM_INFINITY / l->scale)
			n = RLIM_INFINITY;
		else
			n *= l->scale;
	}
	if (soft)
		r.rlim_cur = n;
	if (hard)
		r.rlim_max = n;
	if (setrlimit(l->resource, &r) == 0)
		return 0;
fail:
	sh_error("ulimit: %s: cannot modify limit: %s", l->name, strerror(errno));
	return 1;
}

int builtin_ulimit(int argc, char **argv)
{
	const struct limit *l = &limits[2];	/* -f */
	int i, j, soft = 0, hard = 0, all = 0;
	const char *p;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (p = argv[i] + 1; *p; p++) {
			if (*p == 'S')
				soft = 1;
			else if (*p == 'H')
				hard = 1;
			else if (*p == 'a')
				all = 1;
			else {
				for (j = 0; j < NR_LIMITS && limits[j].opt != *p; j++)
					;
				if (j == NR_LIMITS) {
					sh_error("ulimit: -%c: invalid option", *p);
					fprintf(stderr, "ulimit: usage: ulimit [-SHa] [-cdfnstuv] [limit]\n");
					return 2;
				}
				l = &limits[j];
			}
		}
	}
	if (all) {
		for (j = 0; j < NR_LIMITS; j++)
			show(&limits[j], hard && !soft, 1);
		return 0;
	}
	if (i == argc) {
		show(l, hard && !soft, 0);
		return 0;
	}
	if (i + 1 != argc) {
		sh_error("ulimit: too many arguments");
		return 2;
	}
	if (!soft && !hard)
		soft = hard = 1;
	return set(l, argv[i], soft, hard);
}
