/* fuzz.h - what the libFuzzer targets in fuzz/ share: checks on recall's output */
#ifndef RECALL_FUZZ_H
#define RECALL_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A failed check aborts, which libFuzzer reports as a crash with the input
 * that caused it. */
#define FUZZ_ASSERT(cond, ...)                                                   \
	do {                                                                         \
		if (!(cond)) {                                                           \
			fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__);                                        \
			fputc('\n', stderr);                                                 \
			abort();                                                             \
		}                                                                        \
	} while (0)

/* The input as a NUL-terminated string (caller frees). */
static inline char *fuzz_cstring(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Checks text meant for a terminal: no byte below 0x20 but newline, no DEL,
 * no C1 control (U+0080 to U+009F as UTF-8), and an ESC only as the start of
 * an SGR sequence (ESC [ digits and semicolons m), which only recall writes.
 * With allow_sgr false, no ESC at all. */
static inline void fuzz_check_terminal_text(const char *s, size_t len, bool allow_sgr)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\033') {
			FUZZ_ASSERT(allow_sgr, "ESC at byte %zu where no style may be", i);
			size_t j = i + 1;
			FUZZ_ASSERT(j < len && s[j] == '[', "ESC not followed by [ at byte %zu", i);
			for (j++; j < len && ((s[j] >= '0' && s[j] <= '9') || s[j] == ';'); j++)
				;
			FUZZ_ASSERT(j < len && s[j] == 'm', "escape sequence at byte %zu is not SGR", i);
			i = j;
			continue;
		}
		FUZZ_ASSERT(c >= 0x20 || c == '\n', "control byte 0x%02x at byte %zu", c, i);
		FUZZ_ASSERT(c != 0x7f, "DEL at byte %zu", i);
		FUZZ_ASSERT(!(c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] >= 0x80 &&
		              (unsigned char)s[i + 1] <= 0x9f),
		            "C1 control at byte %zu", i);
	}
}

#endif
