/* arena.h - a region allocator: many small allocations, one free */
#ifndef RECALL_ARENA_H
#define RECALL_ARENA_H

#include <stddef.h>

/* An arena hands out memory that lives until arena_free. Allocation never
 * fails (it aborts on exhaustion, as xmalloc does). It is an object, never a
 * global: whoever creates it owns everything allocated from it. */
typedef struct arena arena;

arena *arena_new(void);
void arena_free(arena *a);
/* Zeroed memory, aligned for any type. */
void *arena_alloc(arena *a, size_t size);
char *arena_strdup(arena *a, const char *s);
/* Frees everything allocated from the arena at once, keeping it usable (and
 * some of its memory, so that refilling it is cheap). */
void arena_reset(arena *a);
char *arena_strndup(arena *a, const char *s, size_t len);
/* Bytes in use, for memory measurements. */
size_t arena_size(const arena *a);

#endif
