/* text.c - UTF-8 text for the terminal: validation, sanitising, display width, wrapping, folding */
#include "text.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

/* Decodes one code point; invalid input yields -1 and consumes one byte. */
static utf8proc_int32_t next_codepoint(const char *s, size_t len, size_t *used)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
	                                      len > 4 ? 4 : (utf8proc_ssize_t)len, &cp);
	if (n <= 0) {
		*used = 1;
		return -1;
	}
	*used = (size_t)n;
	return cp;
}

static void put_codepoint(buf *out, utf8proc_int32_t cp)
{
	utf8proc_uint8_t bytes[4];
	utf8proc_ssize_t n = utf8proc_encode_char(cp, bytes);
	buf_append(out, (const char *)bytes, (size_t)n);
}

bool text_valid_utf8(const char *s, size_t len, size_t *bad_offset)
{
	size_t i = 0;
	while (i < len) {
		/* Eight bytes at a time while they are ASCII and not NUL: most of
		 * a bank or an article. */
		while (len - i >= 8) {
			uint64_t w;
			memcpy(&w, s + i, 8);
			uint64_t high = 0x8080808080808080u;
			if ((w & high) || ((w - 0x0101010101010101u) & ~w & high))
				break;
			i += 8;
		}
		if (i == len)
			break;
		unsigned char c = (unsigned char)s[i];
		if (c && c < 0x80) {
			i++;
			continue;
		}
		size_t used;
		utf8proc_int32_t cp = next_codepoint(s + i, len - i, &used);
		if (cp <= 0) {
			if (bad_offset)
				*bad_offset = i;
			return false;
		}
		i += used;
	}
	return true;
}

static bool is_bidi_control(utf8proc_int32_t cp)
{
	return cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x061C || cp == 0xFEFF;
}

void text_sanitize(const char *s, size_t len, buf *out)
{
	/* Column since the last newline, for tab stops. */
	size_t line_start = out->len;
	for (size_t j = out->len; j > 0; j--) {
		if (out->ptr[j - 1] == '\n') {
			line_start = j;
			break;
		}
		if (j == 1)
			line_start = 0;
	}
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) {
			/* Runs of plain ASCII are the common case: copy them whole. */
			size_t j = i + 1;
			while (j < len && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F)
				j++;
			buf_append(out, s + i, j - i);
			i = j;
			continue;
		}
		if (c == '\n') {
			buf_putc(out, '\n');
			line_start = out->len;
			i++;
			continue;
		}
		if (c == '\t') {
			int col = text_width(out->ptr + line_start, out->len - line_start);
			int spaces = 8 - col % 8;
			for (int k = 0; k < spaces; k++)
				buf_putc(out, ' ');
			i++;
			continue;
		}
		if (c == '\r') {
			i++;
			continue;
		}
		if (c < 0x20) {
			put_codepoint(out, 0x2400 + c);
			i++;
			continue;
		}
		if (c == 0x7F) {
			put_codepoint(out, 0x2421);
			i++;
			continue;
		}
		size_t used;
		utf8proc_int32_t cp = next_codepoint(s + i, len - i, &used);
		i += used;
		if (cp < 0 || (cp >= 0x80 && cp <= 0x9F)) {
			put_codepoint(out, 0xFFFD);
		} else if (cp == 0x2028 || cp == 0x2029) {
			buf_putc(out, '\n');
			line_start = out->len;
		} else if (!is_bidi_control(cp)) {
			put_codepoint(out, cp);
		}
	}
}

/* Length of an SGR sequence written by recall at s, or 0. */
static size_t sgr_length(const char *s, size_t len)
{
	if (len < 3 || s[0] != '\033' || s[1] != '[')
		return 0;
	for (size_t i = 2; i < len; i++) {
		if (s[i] == 'm')
			return i + 1;
		if (!(s[i] >= '0' && s[i] <= '9') && s[i] != ';')
			return 0;
	}
	return 0;
}

/* Walks grapheme clusters: returns the byte length of the cluster at s and
 * its display width. */
static size_t next_cluster(const char *s, size_t len, int *width)
{
	size_t used;
	utf8proc_int32_t first = next_codepoint(s, len, &used);
	if (first < 0) {
		*width = 1;
		return used;
	}
	int w = utf8proc_charwidth(first);
	utf8proc_int32_t prev = first;
	utf8proc_int32_t state = 0;
	size_t i = used;
	while (i < len) {
		utf8proc_int32_t cp = next_codepoint(s + i, len - i, &used);
		if (cp < 0 || s[i] == '\n' || s[i] == '\033')
			break;
		if (utf8proc_grapheme_break_stateful(prev, cp, &state))
			break;
		if (w == 0)
			w = utf8proc_charwidth(cp);
		/* An emoji presentation selector makes the cluster wide. */
		if (cp == 0xFE0F && w == 1)
			w = 2;
		prev = cp;
		i += used;
	}
	*width = w;
	return i;
}

int text_width(const char *s, size_t len)
{
	int width = 0;
	size_t i = 0;
	while (i < len && s[i] != '\n') {
		size_t sgr = sgr_length(s + i, len - i);
		if (sgr) {
			i += sgr;
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			width += (unsigned char)s[i] >= 0x20;
			i++;
			continue;
		}
		int w;
		i += next_cluster(s + i, len - i, &w);
		width += w;
	}
	return width;
}

size_t text_offset_of_column(const char *s, size_t len, int column)
{
	size_t i = 0;
	for (int n = 0; n < column && i < len; n++) {
		size_t used;
		next_codepoint(s + i, len - i, &used);
		i += used;
	}
	return i;
}

/* The state of one wrapping run. */
typedef struct {
	const text_wrap_options *opt;
	buf *out;
	int col;          /* display columns used on the current line */
	bool line_open;   /* the prefix has been written */
	bool first_line;
	bool line_empty;  /* no word on the current line yet */
	buf style;        /* SGR sequences in force, to reopen after a break */
} wrapper;

static void open_line(wrapper *w)
{
	if (w->line_open)
		return;
	const char *prefix = w->first_line ? w->opt->first_prefix : w->opt->rest_prefix;
	if (prefix) {
		buf_puts(w->out, prefix);
		w->col = text_width(prefix, strlen(prefix));
	} else {
		w->col = 0;
	}
	buf_append(w->out, w->style.ptr, w->style.len);
	w->line_open = true;
	w->line_empty = true;
}

static void close_line(wrapper *w)
{
	open_line(w);
	/* Trailing spaces are never wanted at a break. */
	while (w->out->len && w->out->ptr[w->out->len - 1] == ' ')
		buf_truncate(w->out, w->out->len - 1);
	if (w->style.len)
		buf_puts(w->out, "\033[0m");
	buf_putc(w->out, '\n');
	w->line_open = false;
	w->first_line = false;
}

static void track_style(wrapper *w, const char *sgr, size_t len)
{
	if (len == 4 && memcmp(sgr, "\033[0m", 4) == 0)
		buf_clear(&w->style);
	else
		buf_append(&w->style, sgr, len);
}

/* Appends one word (no spaces), breaking it when it cannot fit any line. */
static void put_word(wrapper *w, const char *s, size_t len, int width)
{
	w->line_empty = false;
	int avail = w->opt->width - w->col;
	if (width <= avail) {
		for (size_t i = 0; i < len;) {
			size_t sgr = sgr_length(s + i, len - i);
			if (sgr) {
				track_style(w, s + i, sgr);
				i += sgr;
			} else {
				i++;
			}
		}
		buf_append(w->out, s, len);
		w->col += width;
		return;
	}
	/* Cluster by cluster, breaking whenever the line is full. */
	size_t i = 0;
	while (i < len) {
		size_t sgr = sgr_length(s + i, len - i);
		if (sgr) {
			track_style(w, s + i, sgr);
			buf_append(w->out, s + i, sgr);
			i += sgr;
			continue;
		}
		int cw;
		size_t n = next_cluster(s + i, len - i, &cw);
		if (w->col + cw > w->opt->width && w->col > 0) {
			int prefix_width = 0;
			const char *rest = w->opt->rest_prefix;
			if (rest)
				prefix_width = text_width(rest, strlen(rest));
			if (w->col > prefix_width) {
				close_line(w);
				open_line(w);
				/* The rest of the word is on this line: a space goes
				 * before the next word. */
				w->line_empty = false;
			}
		}
		buf_append(w->out, s + i, n);
		w->col += cw;
		i += n;
	}
}

void text_wrap(const char *s, size_t len, const text_wrap_options *opt, buf *out)
{
	wrapper w = {.opt = opt, .out = out, .first_line = true};
	buf_init(&w.style);
	bool pending_space = false;
	int pending_spaces = 0;
	size_t i = 0;
	while (i < len) {
		if (s[i] == '\n') {
			close_line(&w);
			pending_space = false;
			pending_spaces = 0;
			i++;
			continue;
		}
		if (s[i] == ' ') {
			size_t j = i;
			while (j < len && s[j] == ' ')
				j++;
			pending_space = true;
			pending_spaces += (int)(j - i);
			i = j;
			continue;
		}
		/* A word runs to the next space or newline; wide characters are
		 * words of their own, since a line may break between them. */
		size_t j = i;
		int width = 0;
		while (j < len && s[j] != ' ' && s[j] != '\n') {
			size_t sgr = sgr_length(s + j, len - j);
			if (sgr) {
				j += sgr;
				continue;
			}
			int cw = 1;
			size_t n = (unsigned char)s[j] < 0x80 ? 1 : next_cluster(s + j, len - j, &cw);
			if (cw == 2 && j > i && !opt->preserve_spaces)
				break;
			j += n;
			width += cw;
			if (cw == 2 && !opt->preserve_spaces)
				break;
		}
		open_line(&w);
		int spaces = pending_space ? (opt->preserve_spaces ? pending_spaces : 1) : 0;
		bool at_line_start = w.line_empty;
		if (opt->preserve_spaces) {
			for (int k = 0; k < spaces; k++) {
				if (w.col + 1 > opt->width) {
					close_line(&w);
					open_line(&w);
				}
				buf_putc(out, ' ');
				w.col++;
			}
		} else if (spaces && !at_line_start) {
			if (w.col + 1 + width > opt->width) {
				close_line(&w);
				open_line(&w);
			} else {
				buf_putc(out, ' ');
				w.col++;
			}
		} else if (!at_line_start && w.col + width > opt->width) {
			close_line(&w);
			open_line(&w);
		}
		pending_space = false;
		pending_spaces = 0;
		put_word(&w, s + i, j - i, width);
		i = j;
	}
	if (w.line_open || w.first_line)
		close_line(&w);
	buf_release(&w.style);
}

/* Maps a folded code point: quotes and dashes lumped, letters lowered. */
static utf8proc_int32_t fold_codepoint(utf8proc_int32_t cp)
{
	switch (cp) {
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x0060: case 0x00B4:
		return '\'';
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB: case 0x00BB:
		return '"';
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
		return '-';
	case 0x00A0: case 0x2007: case 0x202F: case '\t': case '\n': case '\r': case '\f': case '\v':
		return ' ';
	default:
		return utf8proc_tolower(cp);
	}
}

static bool is_ascii_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Makes room in a map of offsets for `n` more entries. */
static void grow_map(size_t **map, size_t *cap, size_t n)
{
	if (*cap >= n)
		return;
	*cap = n * 2;
	*map = xrealloc(*map, *cap * sizeof(size_t));
}

void text_fold(const char *s, size_t len, buf *out, size_t **offsets)
{
	size_t *map = NULL, map_cap = 0;
	size_t start = out->len;
	bool space = false;
	size_t i = 0;
	/* Folded text is never longer than its source plus one space per
	 * character, and mostly about as long: reserve once. */
	buf_grow(out, len + 8);
	if (offsets) {
		map_cap = len + 8;
		map = xmalloc(map_cap * sizeof(size_t));
	}
	while (i < len) {
		unsigned char byte = (unsigned char)s[i];
		if (byte < 0x80) {
			/* ASCII, most text there is, folds without utf8proc, a word
			 * at a time. */
			if (is_ascii_space(byte)) {
				space = true;
				i++;
				continue;
			}
			size_t end = i + 1;
			while (end < len && (unsigned char)s[end] < 0x80 &&
			       !is_ascii_space((unsigned char)s[end]))
				end++;
			buf_grow(out, end - i + 1);
			if (offsets)
				grow_map(&map, &map_cap, out->len - start + end - i + 2);
			/* Locals, since a store through a char pointer could be a
			 * store to out->len as far as the compiler knows. */
			char *dst = out->ptr + out->len;
			size_t *dst_map = offsets ? map + (out->len - start) : NULL;
			if (space && out->len > start) {
				if (dst_map)
					*dst_map++ = i - 1;
				*dst++ = ' ';
			}
			space = false;
			for (size_t k = i; k < end; k++) {
				char ch = s[k];
				if (ch >= 'A' && ch <= 'Z')
					ch = (char)(ch + 32);
				else if (ch == '`')
					ch = '\'';
				*dst++ = ch;
			}
			if (dst_map)
				for (size_t k = i; k < end; k++)
					*dst_map++ = k;
			i = end;
			out->len = (size_t)(dst - out->ptr);
			*dst = '\0';
			continue;
		}
		size_t used;
		utf8proc_int32_t cp = next_codepoint(s + i, len - i, &used);
		if (cp < 0)
			cp = 0xFFFD;
		cp = fold_codepoint(cp);
		if (cp == ' ' || utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS) {
			space = true;
			i += used;
			continue;
		}
		size_t before = out->len;
		if (space && out->len > start)
			buf_putc(out, ' ');
		space = false;
		put_codepoint(out, cp);
		if (offsets) {
			grow_map(&map, &map_cap, out->len - start + 1);
			for (size_t k = before; k < out->len; k++)
				map[k - start] = (out->ptr[k] == ' ' && k == before && out->len - before > 1) ? i - 1 : i;
		}
		i += used;
	}
	if (offsets) {
		map = xrealloc(map, (out->len - start + 1) * sizeof(size_t));
		map[out->len - start] = len;
		*offsets = map;
	}
}
