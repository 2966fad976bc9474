/* arena.c - a region allocator: many small allocations, one free */
#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct block {
	struct block *next;
	size_t used;
	size_t cap;
	alignas(max_align_t) unsigned char bytes[];
} block;

struct arena {
	block *head;
	size_t total;
};

/* Small enough to fit the gaps that freeing a large structure leaves in
 * the heap (a dropped Markdown document, say), where larger blocks could
 * only be added at its end; large enough that a block costs one malloc for
 * hundreds of strings. */
enum { ARENA_BLOCK = 16 * 1024 };

arena *arena_new(void)
{
	return xcalloc(1, sizeof(arena));
}

void arena_free(arena *a)
{
	if (!a)
		return;
	block *b = a->head;
	while (b) {
		block *next = b->next;
		free(b);
		b = next;
	}
	free(a);
}

/* `size` bytes at a multiple of `align` (a power of two) within a block. */
static void *take(arena *a, size_t size, size_t align)
{
	block *b = a->head;
	size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
	if (!b || at > b->cap || b->cap - at < size) {
		size_t cap = size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK;
		block *fresh = xmalloc(sizeof(block) + cap);
		fresh->used = 0;
		fresh->cap = cap;
		/* A large allocation gets a block of its own behind the current
		 * one, so the current block's free space is not wasted. */
		if (b && cap == size) {
			fresh->next = b->next;
			b->next = fresh;
		} else {
			fresh->next = b;
			a->head = fresh;
		}
		b = fresh;
		at = 0;
	}
	void *p = b->bytes + at;
	a->total += at - b->used + size;
	b->used = at + size;
	return p;
}

void *arena_alloc(arena *a, size_t size)
{
	void *p = take(a, size, alignof(max_align_t));
	memset(p, 0, size);
	return p;
}

/* Strings need no alignment: packing them byte by byte saves about half a
 * max_align_t (8 bytes) on each of the many short strings of a quiz. */
char *arena_strndup(arena *a, const char *s, size_t len)
{
	char *p = take(a, len + 1, 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_strdup(arena *a, const char *s)
{
	return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

void arena_reset(arena *a)
{
	/* Keep one standard block for reuse: what is allocated again after a
	 * reset then costs no malloc. Large blocks are given back. */
	block *keep = NULL, *b = a->head;
	while (b) {
		block *next = b->next;
		if (!keep && b->cap == ARENA_BLOCK)
			keep = b;
		else
			free(b);
		b = next;
	}
	if (keep) {
		keep->used = 0;
		keep->next = NULL;
	}
	a->head = keep;
	a->total = 0;
}

size_t arena_size(const arena *a)
{
	return a->total;
}
