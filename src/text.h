/* text.h - UTF-8 text for the terminal: validation, sanitising, display width, wrapping, folding */
#ifndef RECALL_TEXT_H
#define RECALL_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

/* True when `s` is valid UTF-8 with no NUL byte. Otherwise false, and
 * *bad_offset (when given) is the byte offset of the first bad sequence. */
bool text_valid_utf8(const char *s, size_t len, size_t *bad_offset);

/* Appends `s` to `out` made safe for a terminal: invalid UTF-8 becomes U+FFFD;
 * ESC and other C0 controls become their visible pictures (U+241B ␛ ...), DEL
 * U+2421, C1 controls U+FFFD; CR is dropped; tabs expand to spaces at 8-column
 * stops counted from the last newline; bidirectional controls and U+FEFF are
 * removed; U+2028/U+2029 become newlines. Newlines are kept. Nothing that
 * comes out can move the cursor, set a title or change colours. */
void text_sanitize(const char *s, size_t len, buf *out);

/* Display columns of `s`, counted by grapheme cluster with utf8proc widths
 * (CJK wide 2, combining marks 0). SGR sequences (ESC [ ... m), which only
 * recall itself writes, count 0. Stops at a newline. */
int text_width(const char *s, size_t len);

/* Byte offset of code point number `column` (0-based) in `s`, clamped to len. */
size_t text_offset_of_column(const char *s, size_t len, int column);

/* Options for text_wrap. */
typedef struct {
	int width;                 /* columns available, prefix included */
	const char *first_prefix;  /* written before the first line; may hold SGR */
	const char *rest_prefix;   /* written before every other line */
	bool preserve_spaces;      /* code: keep runs of spaces, break anywhere */
} text_wrap_options;

/* Appends `s` (sanitised text, which may hold recall's own SGR sequences and
 * newlines for hard breaks) wrapped to opt->width. Lines break at spaces and
 * between wide characters; a word wider than the line is broken at a grapheme
 * boundary. A style active at a line break is closed before the break and
 * reopened after the next prefix. Every line ends with '\n'. */
void text_wrap(const char *s, size_t len, const text_wrap_options *opt, buf *out);

/* Folds text for finding quotations: lower case, curly quotes and primes made
 * straight, dashes made '-', runs of white space made one space, leading and
 * trailing white space dropped. When `offsets` is given it receives a new
 * array (caller frees) of out->len + 1 entries: the byte offset in `s` that
 * each folded byte came from, and `len` at the end. */
void text_fold(const char *s, size_t len, buf *out, size_t **offsets);

#endif
