/* util.c - allocation that aborts on exhaustion, growable buffers, slices, file reading */
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void out_of_memory(size_t size)
{
	fprintf(stderr, "recall: out of memory (asked for %zu bytes)\n", size);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory(count * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory(size);
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

slice slice_of(const char *s)
{
	return (slice){s, s ? strlen(s) : 0};
}

bool slice_eq(slice a, const char *s)
{
	size_t n = strlen(s);
	return a.len == n && memcmp(a.ptr, s, n) == 0;
}

static char empty_string[1];

void buf_init(buf *b)
{
	b->ptr = empty_string;
	b->len = 0;
	b->cap = 0;
}

void buf_release(buf *b)
{
	if (b->cap)
		free(b->ptr);
	buf_init(b);
}

void buf_clear(buf *b)
{
	buf_truncate(b, 0);
}

void buf_truncate(buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		if (b->cap)
			b->ptr[len] = '\0';
	}
}

void buf_grow(buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 32;
	while (cap < need)
		cap += cap / 2 + 1;
	if (b->cap) {
		b->ptr = xrealloc(b->ptr, cap);
	} else {
		b->ptr = xmalloc(cap);
		b->ptr[0] = '\0';
	}
	b->cap = cap;
}

void buf_reserve(buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (b->cap) {
		b->ptr = xrealloc(b->ptr, need);
	} else {
		b->ptr = xmalloc(need);
		b->ptr[0] = '\0';
	}
	b->cap = need;
}

void buf_append(buf *b, const char *s, size_t len)
{
	if (!len)
		return;
	buf_grow(b, len);
	memmove(b->ptr + b->len, s, len);
	b->len += len;
	b->ptr[b->len] = '\0';
}

void buf_puts(buf *b, const char *s)
{
	buf_append(b, s, strlen(s));
}

void buf_putc(buf *b, char c)
{
	buf_append(b, &c, 1);
}

void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	va_copy(copy, ap);
	int n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n <= 0)
		return;
	buf_grow(b, (size_t)n);
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
}

void buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

char *buf_detach(buf *b)
{
	char *p = b->cap ? b->ptr : xstrdup("");
	buf_init(b);
	return p;
}

int read_file(const char *path, size_t max_size, buf *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno;
	int err = 0;
	struct stat st;
	if (fstat(fd, &st) != 0) {
		err = errno;
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		err = EISDIR;
		goto out;
	}
	if (S_ISREG(st.st_mode) && (size_t)st.st_size > max_size) {
		err = EFBIG;
		goto out;
	}
	size_t start = out->len;
	/* A regular file's size is known: one allocation of just that size,
	 * not a buffer grown by half again past it. One byte more than the
	 * size lets the read that finds the end need no more room. */
	if (S_ISREG(st.st_mode))
		buf_reserve(out, (size_t)st.st_size + 1);
	for (;;) {
		if (out->cap - out->len < 2)
			buf_grow(out, 65536);
		ssize_t n = read(fd, out->ptr + out->len, out->cap - out->len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			err = errno;
			break;
		}
		if (n == 0)
			break;
		out->len += (size_t)n;
		out->ptr[out->len] = '\0';
		if (out->len - start > max_size) {
			err = EFBIG;
			break;
		}
	}
	if (err)
		buf_truncate(out, start);
out:
	close(fd);
	return err;
}

char *path_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

char *path_relative_to(const char *base, const char *rel)
{
	if (rel[0] == '/')
		return xstrdup(rel);
	char *dir = path_dirname(base);
	buf b;
	buf_init(&b);
	if (strcmp(dir, ".") != 0) {
		buf_puts(&b, dir);
		buf_putc(&b, '/');
	}
	buf_puts(&b, rel);
	free(dir);
	return buf_detach(&b);
}

char *path_tidy(const char *path)
{
	bool absolute = path[0] == '/';
	size_t n = strlen(path);
	char *out = xmalloc(n + 2);
	/* Where each kept segment starts in `out`; the first `up` of them are
	 * "..", which a later ".." cannot cancel. */
	size_t *starts = xmalloc((n / 2 + 2) * sizeof(size_t));
	size_t len = 0, depth = 0, up = 0;
	for (size_t i = 0; i < n;) {
		while (i < n && path[i] == '/')
			i++;
		size_t j = i;
		while (j < n && path[j] != '/')
			j++;
		size_t seg = j - i;
		bool dot = seg == 1 && path[i] == '.';
		bool dotdot = seg == 2 && path[i] == '.' && path[i + 1] == '.';
		if (seg == 0 || dot || (dotdot && absolute && depth == 0)) {
			/* Nothing to keep: "/.." is "/". */
		} else if (dotdot && depth > up) {
			len = starts[--depth];
		} else {
			if (dotdot)
				up++;
			starts[depth++] = len;
			if (len || absolute)
				out[len++] = '/';
			memcpy(out + len, path + i, seg);
			len += seg;
		}
		i = j;
	}
	if (len == 0)
		out[len++] = absolute ? '/' : '.';
	out[len] = '\0';
	free(starts);
	return out;
}
