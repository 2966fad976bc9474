/* escape.h - text written as a CSV field or a JSON string */
#ifndef RECALL_ESCAPE_H
#define RECALL_ESCAPE_H

#include <stddef.h>

#include "util.h"

/* Appends `s` as one RFC 4180 field: quoted, with its quotes doubled, when it
 * holds a comma, a quote or a line break, or starts or ends with a space
 * (which readers may trim); every other byte is written as it is. */
void escape_csv(buf *out, const char *s, size_t len);

/* As escape_csv, for a cell of text that came from a user or a file, which a
 * spreadsheet might take for a formula: a cell that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return gets a `'` in front (OWASP's advice on
 * CSV injection), unless it is a plain number such as `-5` or `+1.5`. */
void escape_csv_cell(buf *out, const char *s, size_t len);

/* Appends `s` as a JSON string: quotes and backslashes escaped, C0 and C1
 * control characters and DEL as \u00XX (so that no JSON recall writes can
 * drive a terminal), and bytes that are not UTF-8 as U+FFFD, since JSON
 * text must be UTF-8. */
void escape_json(buf *out, const char *s, size_t len);

/* Appends `len` bytes of `s` as HTML text or attribute value: control
 * characters shown as visible pictures, invalid UTF-8 replaced, and
 * & < > " ' escaped. */
void escape_html(buf *out, const char *s, size_t len);

#endif
