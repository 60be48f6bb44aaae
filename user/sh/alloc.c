/*
 * alloc.c: the arena that holds everything parsed from one input line
 * (tokens, the parse tree, expanded words). Memory comes from malloc in
 * chunks of at least 4 KiB and is all given back at once by sfree_all when
 * the line has run, so the parser never frees anything piecemeal. Running
 * out of memory ends the shell with a message (a real shell recovers).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

#define CHUNK 4096

struct chunk {
	struct chunk *next;
	size_t used, size;
	char data[];
};

static struct chunk *chunks;

void *salloc(size_t n)
{
	struct chunk *c = chunks;
	void *p;

	n = (n + 7) & ~(size_t)7;
	if (!c || c->size - c->used < n) {
		size_t size = n > CHUNK ? n : CHUNK;

		c = malloc(sizeof(*c) + size);
		if (!c) {
			write(2, "sh: out of memory\n", 18);
			_exit(2);
		}
		c->used = 0;
		c->size = size;
		c->next = chunks;
		chunks = c;
	}
	p = c->data + c->used;
	c->used += n;
	return p;
}

char *sstrndup(const char *s, size_t n)
{
	char *p = salloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *sstrdup(const char *s)
{
	return sstrndup(s, strlen(s));
}

void sfree_all(void)
{
	struct chunk *c;

	while ((c = chunks) != NULL) {
		chunks = c->next;
		free(c);
	}
}
