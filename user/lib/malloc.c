/*
 * malloc.c: malloc, free, calloc and realloc on the brk heap.
 *
 * A first-fit allocator over one free list kept in address order. Every
 * block, free or in use, starts with a header holding its size (header
 * included, a multiple of 8). A free block's header also links to the next
 * free block; a block in use carries a marker there instead, so free() of
 * a pointer that is not in use (a double free) aborts. free() merges a
 * block with free neighbours that touch it. The heap grows through sbrk in
 * steps of at least 64 KiB and never shrinks. Unlike glibc there is no
 * mmap for large blocks, no per-size bins and no thread safety.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct block {
	size_t size;		/* bytes, header included */
	struct block *next;	/* next free block by address, or IN_USE */
};

#define ALIGN		8
#define HDR		sizeof(struct block)
#define MIN_BLOCK	(HDR + ALIGN)	/* smallest block worth splitting off */
#define GROW_MIN	(64 * 1024)
#define IN_USE		((struct block *)0x600dd00d)

static struct block *free_list;

/* insert_free: put b into the free list and merge it with free blocks that
 * end where it starts or start where it ends. */
static void insert_free(struct block *b)
{
	struct block **link = &free_list, *prev = NULL;

	while (*link && *link < b) {
		prev = *link;
		link = &(*link)->next;
	}
	b->next = *link;
	*link = b;
	if (b->next && (char *)b + b->size == (char *)b->next) {
		b->size += b->next->size;
		b->next = b->next->next;
	}
	if (prev && (char *)prev + prev->size == (char *)b) {
		prev->size += b->size;
		prev->next = b->next;
	}
}

/* grow: add at least need bytes from sbrk to the free list. */
static int grow(size_t need)
{
	uintptr_t cur = (uintptr_t)sbrk(0);
	size_t pad = (ALIGN - cur % ALIGN) % ALIGN;
	size_t size = need < GROW_MIN ? GROW_MIN : need;
	char *p;

	if (size > SIZE_MAX - pad)
		return -1;
	p = sbrk(pad + size);
	if (p == (void *)-1)
		return -1;
	((struct block *)(p + pad))->size = size;
	insert_free((struct block *)(p + pad));
	return 0;
}

void *malloc(size_t n)
{
	struct block **link, *b, *rest;
	size_t need;

	if (n > SIZE_MAX - HDR - ALIGN) {
		errno = ENOMEM;
		return NULL;
	}
	need = (n + HDR + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (need < MIN_BLOCK)
		need = MIN_BLOCK;
	for (;;) {
		for (link = &free_list; (b = *link); link = &b->next) {
			if (b->size < need)
				continue;
			if (b->size - need >= MIN_BLOCK) {
				rest = (struct block *)((char *)b + need);
				rest->size = b->size - need;
				rest->next = b->next;
				b->size = need;
				*link = rest;
			} else {
				*link = b->next;
			}
			b->next = IN_USE;
			return b + 1;
		}
		if (grow(need) < 0) {
			errno = ENOMEM;
			return NULL;
		}
	}
}

void free(void *ptr)
{
	struct block *b;

	if (!ptr)
		return;
	b = (struct block *)ptr - 1;
	if (b->next != IN_USE)
		abort();
	insert_free(b);
}

void *calloc(size_t nmemb, size_t size)
{
	size_t total;
	void *p;

	if (__builtin_mul_overflow(nmemb, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	p = malloc(total);
	if (p)
		memset(p, 0, total);
	return p;
}

/* realloc: keeps the block when it is already big enough, otherwise moves
 * the data to a new one. realloc(p, 0) frees p and returns NULL (glibc). */
void *realloc(void *ptr, size_t n)
{
	struct block *b;
	void *p;

	if (!ptr)
		return malloc(n);
	if (n == 0) {
		free(ptr);
		return NULL;
	}
	b = (struct block *)ptr - 1;
	if (b->next != IN_USE)
		abort();
	if (b->size - HDR >= n)
		return ptr;
	p = malloc(n);
	if (p) {
		memcpy(p, ptr, b->size - HDR);
		free(ptr);
	}
	return p;
}
