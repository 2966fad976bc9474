/* util.h - allocation that aborts on exhaustion, growable buffers, slices, file reading */
#ifndef RECALL_UTIL_H
#define RECALL_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

/* The x* allocators never return NULL: on exhaustion they print one line to
 * stderr and abort, so callers keep their error paths for real errors. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);

/* A non-owning view of bytes; not NUL-terminated in general. */
typedef struct {
	const char *ptr;
	size_t len;
} slice;

slice slice_of(const char *s);
bool slice_eq(slice a, const char *s);

/* A growable byte buffer. `ptr` is never NULL and always NUL-terminated, so it
 * can be handed to string functions at any time. Caller-owned: buf_init, then
 * buf_release (or buf_detach, which hands the bytes over to the caller). */
typedef struct {
	char *ptr;
	size_t len;
	size_t cap;
} buf;

void buf_init(buf *b);
void buf_release(buf *b);
void buf_clear(buf *b);
void buf_grow(buf *b, size_t extra);
/* Makes room for exactly `extra` more bytes (and the NUL), no more. */
void buf_reserve(buf *b, size_t extra);
void buf_append(buf *b, const char *s, size_t len);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap);
void buf_truncate(buf *b, size_t len);
/* Returns the bytes (NUL-terminated, caller frees) and leaves `b` empty. */
char *buf_detach(buf *b);

/* Reads a whole regular file into `out` (appending). Returns 0, or an errno
 * value: EISDIR for a directory, EFBIG when it is larger than `max_size`. */
int read_file(const char *path, size_t max_size, buf *out);

/* The folder part of `path` ("." when it has none), as a new string. */
char *path_dirname(const char *path);
/* `rel` taken relative to the folder of `base`, as a new string; an absolute
 * `rel` is returned as it is. */
char *path_relative_to(const char *base, const char *rel);

/* `path` with "." segments and "dir/.." pairs taken out, as a new string:
 * for showing a path, not for opening it (a symlinked folder's ".." may lead
 * elsewhere). */
char *path_tidy(const char *path);

#endif
