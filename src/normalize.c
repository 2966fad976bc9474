/* normalize.c - canonical keys for comparing typed answers with a bank's answers */
#include "normalize.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

static const utf8proc_option_t FOLD_OPTIONS = UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_IGNORE | UTF8PROC_LUMP | UTF8PROC_STRIPCC;

/* Plain ASCII needs none of utf8proc's tables: case folding is lower-casing,
 * NFKC and LUMP leave it alone, and STRIPCC turns the line and tab controls
 * into spaces (CR LF into one) and drops the others. The unit tests check
 * this against utf8proc byte for byte. */
static long fold_ascii(const char *s, size_t len, char *out, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char o;
		if (c >= 'A' && c <= 'Z')
			o = (char)(c + 32);
		else if (c >= 0x20 && c < 0x7f)
			o = (char)c;
		else if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
			continue;
		else if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r')
			o = ' ';
		else
			continue;
		if (n + 1 < cap)
			out[n] = o;
		n++;
	}
	if (n < cap)
		out[n] = '\0';
	return (long)n;
}

long norm_fold(const char *s, size_t len, unsigned flags, char *out, size_t cap)
{
	bool ascii = true;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80) {
			ascii = false;
			break;
		}
	if (ascii)
		return fold_ascii(s, len, out, cap);

	utf8proc_option_t options = FOLD_OPTIONS;
	if (flags & NORM_STRIP_MARKS)
		options |= UTF8PROC_STRIPMARK;
	int32_t small[NORM_WORK_SMALL];
	int32_t *cps = small;
	utf8proc_ssize_t room = NORM_WORK_SMALL - 1;
	utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
	                                        cps, room, options);
	if (n < 0)
		return -1;
	if (n > room) {
		room = n;
		cps = xmalloc(((size_t)n + 1) * sizeof(int32_t));
		n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, cps, room,
		                       options);
	}
	long result = -1;
	if (n >= 0) {
		utf8proc_ssize_t bytes = utf8proc_reencode(cps, n, options);
		if (bytes >= 0) {
			size_t copy = (size_t)bytes < cap ? (size_t)bytes : (cap ? cap - 1 : 0);
			if (cap) {
				memcpy(out, cps, copy);
				out[copy] = '\0';
			}
			result = (long)bytes;
		}
	}
	if (cps != small)
		free(cps);
	return result;
}

/* Decodes one code point of valid UTF-8 (folded text always is). */
static size_t decode_one(const unsigned char *p, size_t len, int32_t *cp)
{
	unsigned char c = p[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	utf8proc_int32_t v;
	utf8proc_ssize_t n = utf8proc_iterate(p, (utf8proc_ssize_t)len, &v);
	if (n <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = v;
	return (size_t)n;
}

typedef enum { CLASS_SEPARATOR, CLASS_LETTER, CLASS_MARK, CLASS_DIGIT } char_class;

static char_class classify(int32_t cp)
{
	if (cp < 0x80) {
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			return CLASS_LETTER;
		if (cp >= '0' && cp <= '9')
			return CLASS_DIGIT;
		return CLASS_SEPARATOR;
	}
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
		return CLASS_LETTER;
	case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
		return CLASS_MARK;
	case UTF8PROC_CATEGORY_ND: case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO:
		return CLASS_DIGIT;
	default:
		return CLASS_SEPARATOR;
	}
}

/* Latin, Greek and Cyrillic letters (with their extensions), where a
 * stripped accent leaves the same word; in Indic or Thai scripts the vowel
 * signs are marks, and stripping them changes the word. */
static bool latin_like(int32_t cp)
{
	return cp < 0x0530 || (cp >= 0x1D00 && cp < 0x2000) || (cp >= 0x2C60 && cp < 0x2C80) ||
	       (cp >= 0x2DE0 && cp < 0x2E00) || (cp >= 0xA640 && cp < 0xA6A0) ||
	       (cp >= 0xA720 && cp < 0xA800) || (cp >= 0xAB30 && cp < 0xAB70) ||
	       (cp >= 0xFB00 && cp < 0xFB07);
}

static bool is_word_class(char_class c)
{
	return c != CLASS_SEPARATOR;
}

/* The class of the code point at byte offset i, or SEPARATOR at the end. */
static char_class class_at(const unsigned char *p, size_t len, size_t i, int32_t *cp_out)
{
	if (i >= len) {
		if (cp_out)
			*cp_out = 0;
		return CLASS_SEPARATOR;
	}
	int32_t cp;
	decode_one(p + i, len - i, &cp);
	if (cp_out)
		*cp_out = cp;
	return classify(cp);
}

void norm_key_build(const char *folded, size_t len, unsigned flags, char *text_buf,
                    char *compact_buf, norm_token *tokens, norm_key *key)
{
	const unsigned char *p = (const unsigned char *)folded;
	size_t tlen = 0, clen = 0, n_tokens = 0;
	bool in_word = false;
	char_class prev_class = CLASS_SEPARATOR;
	uint64_t letters = 0;
	bool ascii = true, latin = true;
	norm_token *tok = NULL;

	size_t i = 0;
	while (i < len) {
		int32_t cp;
		size_t n = decode_one(p + i, len - i, &cp);
		if (cp >= 0x80)
			ascii = false;
		char_class cls = classify(cp);
		if (is_word_class(cls)) {
			if (!in_word) {
				if (n_tokens)
					text_buf[tlen++] = ' ';
				tok = &tokens[n_tokens++];
				tok->start = (uint32_t)tlen;
				tok->cstart = (uint32_t)clen;
				tok->len = 0;
				tok->chars = 0;
				tok->flags = NORM_TOKEN_ALPHA;
				in_word = true;
			}
			memcpy(text_buf + tlen, p + i, n);
			memcpy(compact_buf + clen, p + i, n);
			tlen += n;
			clen += n;
			tok->len += (uint32_t)n;
			tok->chars++;
			if (cls == CLASS_DIGIT) {
				tok->flags |= NORM_TOKEN_DIGIT;
				tok->flags &= ~(uint32_t)NORM_TOKEN_ALPHA;
			}
			if (cls == CLASS_LETTER && !latin_like(cp))
				latin = false;
			letters |= (uint64_t)1 << ((uint32_t)cp % 64);
			prev_class = cls;
			i += n;
			continue;
		}
		if (in_word && (cp == '\'' || cp == '.' || cp == ',')) {
			int32_t next_cp;
			char_class next = class_at(p, len, i + n, &next_cp);
			if (cp == '\'' && next_cp == 's' && !is_word_class(class_at(p, len, i + n + 1, NULL))) {
				/* A possessive: "Pelosi's" is Pelosi. */
				i += n + 1;
				in_word = false;
				prev_class = CLASS_SEPARATOR;
				continue;
			}
			if (is_word_class(next)) {
				bool between_digits = prev_class == CLASS_DIGIT && next == CLASS_DIGIT;
				if (cp == '.' && between_digits) {
					text_buf[tlen++] = '.';
					compact_buf[clen++] = '.';
					tok->len++;
					tok->chars++;
					i += n;
					continue;
				}
				if (cp != ',' || between_digits) {
					/* Deleted inside a word: "U.S.", "O'Brien", "2,000". */
					i += n;
					continue;
				}
			}
		}
		in_word = false;
		prev_class = CLASS_SEPARATOR;
		i += n;
	}
	text_buf[tlen] = '\0';
	compact_buf[clen] = '\0';

	key->text = text_buf;
	key->len = tlen;
	key->compact = compact_buf;
	key->compact_len = clen;
	key->tokens = tokens;
	key->n_tokens = n_tokens;
	key->letters = letters;
	key->ascii = ascii;
	key->latin = latin;

	if ((flags & NORM_DROP_ARTICLE) && n_tokens > 1) {
		const char *t = text_buf + tokens[0].start;
		size_t l = tokens[0].len;
		bool article = (l == 3 && memcmp(t, "the", 3) == 0) || (l == 1 && t[0] == 'a') ||
		               (l == 2 && memcmp(t, "an", 2) == 0);
		if (article) {
			uint32_t shift = tokens[1].start;
			key->text = text_buf + shift;
			key->len = tlen - shift;
			key->compact = compact_buf + l;
			key->compact_len = clen - l;
			memmove(tokens, tokens + 1, (n_tokens - 1) * sizeof(norm_token));
			for (size_t k = 0; k + 1 < n_tokens; k++) {
				tokens[k].start -= shift;
				tokens[k].cstart -= (uint32_t)l;
			}
			key->n_tokens = n_tokens - 1;
		}
	}
}

bool norm_key_in_arena(arena *a, const char *s, unsigned flags, norm_key *key)
{
	size_t len = strlen(s);
	char small[256];
	long n = norm_fold(s, len, flags, small, sizeof small);
	char *folded;
	if (n < 0) {
		memset(key, 0, sizeof *key);
		key->text = key->compact = "";
		return false;
	}
	folded = arena_alloc(a, (size_t)n + 1);
	if ((size_t)n < sizeof small)
		memcpy(folded, small, (size_t)n + 1);
	else
		norm_fold(s, len, flags, folded, (size_t)n + 1);
	char *text = arena_alloc(a, (size_t)n + 1);
	char *compact = arena_alloc(a, (size_t)n + 1);
	norm_token *tokens = arena_alloc(a, ((size_t)n / 2 + 1) * sizeof(norm_token));
	norm_key_build(folded, (size_t)n, flags, text, compact, tokens, key);
	return true;
}

void norm_work_init(norm_work *w)
{
	w->heap = NULL;
	w->folded = "";
	w->folded_len = 0;
	memset(&w->key, 0, sizeof w->key);
	w->key.text = w->key.compact = "";
}

void norm_work_release(norm_work *w)
{
	free(w->heap);
	w->heap = NULL;
}

bool norm_work_set(norm_work *w, const char *s, size_t len, unsigned fold_flags,
                   unsigned key_flags)
{
	char *fold = w->small_fold;
	long n = norm_fold(s, len, fold_flags, fold, sizeof w->small_fold);
	if (n < 0) {
		norm_work_release(w);
		norm_work_init(w);
		return false;
	}
	char *text = w->small_text, *compact = w->small_compact;
	norm_token *tokens = w->small_tokens;
	if ((size_t)n >= sizeof w->small_fold) {
		size_t m = (size_t)n + 1;
		free(w->heap);
		/* One block: fold, text, compact, then the tokens, aligned. */
		size_t strings = (3 * m + 7) & ~(size_t)7;
		w->heap = xmalloc(strings + (m / 2 + 1) * sizeof(norm_token));
		fold = w->heap;
		text = fold + m;
		compact = text + m;
		tokens = (norm_token *)(void *)(w->heap + strings);
		norm_fold(s, len, fold_flags, fold, m);
	}
	w->folded = fold;
	w->folded_len = (size_t)n;
	norm_key_build(fold, (size_t)n, key_flags, text, compact, tokens, &w->key);
	return true;
}

bool norm_key_eq(const norm_key *a, const norm_key *b)
{
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

bool norm_key_compact_eq(const norm_key *a, const norm_key *b)
{
	return a->compact_len == b->compact_len &&
	       memcmp(a->compact, b->compact, a->compact_len) == 0;
}

size_t norm_decode(const char *s, size_t len, int32_t *out, size_t cap)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0, i = 0;
	while (i < len) {
		int32_t cp;
		i += decode_one(p + i, len - i, &cp);
		if (n < cap)
			out[n] = cp;
		n++;
	}
	return n;
}

int norm_osa(const int32_t *a, size_t na, const int32_t *b, size_t nb, int max)
{
	if (max < 0)
		max = 0;
	size_t diff = na > nb ? na - nb : nb - na;
	if (diff > (size_t)max)
		return max + 1;
	if (na == 0 || nb == 0)
		return (int)(na + nb);
	int small[3 * 130];
	int *mem = small;
	if (nb + 1 > 130)
		mem = xmalloc(3 * (nb + 1) * sizeof(int));
	int *two_back = mem, *prev = mem + (nb + 1), *cur = mem + 2 * (nb + 1);
	for (size_t j = 0; j <= nb; j++)
		prev[j] = (int)j;
	int result = -1;
	for (size_t i = 1; i <= na; i++) {
		cur[0] = (int)i;
		int row_min = cur[0];
		for (size_t j = 1; j <= nb; j++) {
			int cost = a[i - 1] != b[j - 1];
			int v = prev[j - 1] + cost;
			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    two_back[j - 2] + 1 < v)
				v = two_back[j - 2] + 1;
			cur[j] = v;
			if (v < row_min)
				row_min = v;
		}
		if (row_min > max) {
			result = max + 1;
			break;
		}
		int *t = two_back;
		two_back = prev;
		prev = cur;
		cur = t;
	}
	if (result < 0)
		result = prev[nb] > max ? max + 1 : prev[nb];
	if (mem != small)
		free(mem);
	return result;
}

int norm_osa_utf8(const char *a, size_t alen, const char *b, size_t blen, int max)
{
	enum { CAP = 128 };
	int32_t ca[CAP], cb[CAP];
	size_t na = norm_decode(a, alen, ca, CAP);
	size_t nb = norm_decode(b, blen, cb, CAP);
	if (na > CAP || nb > CAP)
		return alen == blen && memcmp(a, b, alen) == 0 ? 0 : max + 1;
	return norm_osa(ca, na, cb, nb, max);
}

int norm_typo_budget(size_t chars)
{
	if (chars <= 4)
		return 0;
	if (chars <= 8)
		return 1;
	return 2;
}

int32_t norm_first_char(const char *s, size_t len)
{
	if (!len)
		return 0;
	int32_t cp;
	decode_one((const unsigned char *)s, len, &cp);
	return cp;
}
