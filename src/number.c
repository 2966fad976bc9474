/* number.c - read a typed number in digits or words, with its unit */
#include "number.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"

enum { MAX_TOKENS = 24, FOLD_MAX = 256 };

typedef enum { T_DIGITS, T_WORD, T_SYM } tkind;

typedef struct {
	tkind kind;
	const char *s;       /* in the folded text */
	size_t len;
	/* T_DIGITS */
	double value;
	bool grouped_ok;     /* separators, if any, group by three */
	char suffix[4];      /* letters glued on: "k", "bn", "m", "th" ... */
	bool hyphen_before;  /* written right after a '-' that joins it to a word or number */
} token;

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return c >= 'a' && c <= 'z';
}

/* Letters of a word: ASCII letters, the degree sign and any other non-ASCII
 * letter (units such as "°c" or "km²", which folds to "km2", are words). */
static size_t word_char_len(const char *s, size_t len, size_t i)
{
	unsigned char c = (unsigned char)s[i];
	if (is_alpha((char)c))
		return 1;
	if (c < 0x80)
		return 0;
	/* Currency symbols stand alone. */
	static const char *symbols[] = {"€", "£", "¥", "₹", "₩", "₽"};
	for (size_t k = 0; k < sizeof symbols / sizeof *symbols; k++) {
		size_t sl = strlen(symbols[k]);
		if (i + sl <= len && memcmp(s + i, symbols[k], sl) == 0)
			return 0;
	}
	size_t n = 1;
	while (i + n < len && ((unsigned char)s[i + n] & 0xC0) == 0x80)
		n++;
	return n;
}

static size_t symbol_len(const char *s, size_t len, size_t i)
{
	static const char *symbols[] = {"€", "£", "¥", "₹", "₩", "₽", "$", "%", "~", "+", "-"};
	for (size_t k = 0; k < sizeof symbols / sizeof *symbols; k++) {
		size_t sl = strlen(symbols[k]);
		if (i + sl <= len && memcmp(s + i, symbols[k], sl) == 0)
			return sl;
	}
	return 0;
}

/* Reads digits with thousands separators and a decimal part; checks that
 * commas group by three. */
static size_t lex_digits(const char *s, size_t len, size_t i, token *t)
{
	size_t start = i;
	char int_part[64];
	size_t ip = 0;
	bool seen_comma = false, seen_point = false, ok = true;
	size_t group = 0, first_group = 0;
	while (i < len) {
		char c = s[i];
		if (is_digit(c)) {
			if (ip < sizeof int_part - 1)
				int_part[ip++] = c;
			group++;
			i++;
		} else if (c == ',' && !seen_point && i + 1 < len && is_digit(s[i + 1])) {
			if (!seen_comma)
				first_group = group;
			else if (group != 3)
				ok = false;
			seen_comma = true;
			group = 0;
			i++;
		} else if (c == '.' && !seen_point && i + 1 < len && is_digit(s[i + 1])) {
			if (seen_comma && group != 3)
				ok = false;
			seen_point = true;
			if (ip < sizeof int_part - 1)
				int_part[ip++] = '.';
			group = 0;
			i++;
			while (i < len && is_digit(s[i])) {
				if (ip < sizeof int_part - 1)
					int_part[ip++] = s[i];
				i++;
			}
			break;
		} else {
			break;
		}
	}
	if (seen_comma && !seen_point && group != 3)
		ok = false;
	if (seen_comma && (first_group < 1 || first_group > 3))
		ok = false;
	int_part[ip] = '\0';
	t->kind = T_DIGITS;
	t->s = s + start;
	t->len = i - start;
	t->value = strtod(int_part, NULL);
	t->grouped_ok = ok && ip < sizeof int_part - 1;
	return i;
}

static bool suffix_is(const char *s, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(s, lit, n) == 0;
}

static size_t lex(const char *s, size_t len, token *toks, size_t max)
{
	size_t n = 0, i = 0;
	bool hyphen = false;
	while (i < len) {
		char c = s[i];
		if (n == max)
			return max + 1;
		token *t = &toks[n];
		memset(t, 0, sizeof *t);
		if (is_digit(c) || (c == '.' && i + 1 < len && is_digit(s[i + 1]))) {
			i = lex_digits(s, len, i, t);
			t->hyphen_before = hyphen;
			hyphen = false;
			/* Letters glued on: 2k, 3rd, 5km. */
			size_t j = i;
			while (j < len && is_alpha(s[j]))
				j++;
			size_t sl = j - i;
			if (sl && sl < sizeof t->suffix &&
			    (suffix_is(s + i, sl, "k") || suffix_is(s + i, sl, "bn") ||
			     suffix_is(s + i, sl, "b") || suffix_is(s + i, sl, "m") ||
			     suffix_is(s + i, sl, "mn") || suffix_is(s + i, sl, "st") ||
			     suffix_is(s + i, sl, "nd") || suffix_is(s + i, sl, "rd") ||
			     suffix_is(s + i, sl, "th") || suffix_is(s + i, sl, "s"))) {
				memcpy(t->suffix, s + i, sl);
				t->suffix[sl] = '\0';
				i = j;
			}
			n++;
			continue;
		}
		size_t wl = word_char_len(s, len, i);
		if (wl) {
			size_t start = i;
			while (i < len && (wl = word_char_len(s, len, i)))
				i += wl;
			/* "km/h" stays one word. */
			while (i + 1 < len && s[i] == '/' && word_char_len(s, len, i + 1)) {
				i++;
				while (i < len && (wl = word_char_len(s, len, i)))
					i += wl;
			}
			t->kind = T_WORD;
			t->s = s + start;
			t->len = i - start;
			t->hyphen_before = hyphen;
			hyphen = false;
			n++;
			/* An abbreviation's period: "approx.", "sq. mi." */
			if (i < len && s[i] == '.')
				i++;
			continue;
		}
		size_t sl = symbol_len(s, len, i);
		if (sl) {
			if (c == '-' && n > 0 && i > 0 && s[i - 1] != ' ' && i + 1 < len && s[i + 1] != ' ') {
				/* A joining hyphen: twenty-five, 39-yard, 8-15. */
				hyphen = true;
				i++;
				continue;
			}
			t->kind = T_SYM;
			t->s = s + i;
			t->len = sl;
			i += sl;
			n++;
			continue;
		}
		/* Spaces and other punctuation separate. */
		hyphen = false;
		i++;
	}
	return n;
}

static bool tok_is(const token *t, const char *w)
{
	return t->kind != T_DIGITS && t->len == strlen(w) && memcmp(t->s, w, t->len) == 0;
}

/* Number words. */
typedef enum {
	W_NONE, W_UNIT, W_TEEN, W_TENS, W_HUNDRED, W_SCALE, W_DOZEN, W_AND, W_FRACTION,
} wkind;

typedef struct {
	const char *word;
	wkind kind;
	double value;
	bool ordinal;
	bool plural_fraction;
} number_word;

static const number_word number_words[] = {
	{"zero", W_UNIT, 0, 0, 0}, {"one", W_UNIT, 1, 0, 0}, {"two", W_UNIT, 2, 0, 0},
	{"three", W_UNIT, 3, 0, 0}, {"four", W_UNIT, 4, 0, 0}, {"five", W_UNIT, 5, 0, 0},
	{"six", W_UNIT, 6, 0, 0}, {"seven", W_UNIT, 7, 0, 0}, {"eight", W_UNIT, 8, 0, 0},
	{"nine", W_UNIT, 9, 0, 0}, {"ten", W_TEEN, 10, 0, 0}, {"eleven", W_TEEN, 11, 0, 0},
	{"twelve", W_TEEN, 12, 0, 0}, {"thirteen", W_TEEN, 13, 0, 0},
	{"fourteen", W_TEEN, 14, 0, 0}, {"fifteen", W_TEEN, 15, 0, 0},
	{"sixteen", W_TEEN, 16, 0, 0}, {"seventeen", W_TEEN, 17, 0, 0},
	{"eighteen", W_TEEN, 18, 0, 0}, {"nineteen", W_TEEN, 19, 0, 0},
	{"twenty", W_TENS, 20, 0, 0}, {"thirty", W_TENS, 30, 0, 0}, {"forty", W_TENS, 40, 0, 0},
	{"fifty", W_TENS, 50, 0, 0}, {"sixty", W_TENS, 60, 0, 0}, {"seventy", W_TENS, 70, 0, 0},
	{"eighty", W_TENS, 80, 0, 0}, {"ninety", W_TENS, 90, 0, 0},
	{"hundred", W_HUNDRED, 100, 0, 0}, {"thousand", W_SCALE, 1e3, 0, 0},
	{"million", W_SCALE, 1e6, 0, 0}, {"billion", W_SCALE, 1e9, 0, 0},
	{"trillion", W_SCALE, 1e12, 0, 0}, {"dozen", W_DOZEN, 12, 0, 0},
	{"pair", W_DOZEN, 2, 0, 0}, {"couple", W_DOZEN, 2, 0, 0},
	{"and", W_AND, 0, 0, 0},
	{"first", W_UNIT, 1, 1, 0}, {"second", W_UNIT, 2, 1, 0}, {"third", W_UNIT, 3, 1, 0},
	{"fourth", W_UNIT, 4, 1, 0}, {"fifth", W_UNIT, 5, 1, 0}, {"sixth", W_UNIT, 6, 1, 0},
	{"seventh", W_UNIT, 7, 1, 0}, {"eighth", W_UNIT, 8, 1, 0}, {"ninth", W_UNIT, 9, 1, 0},
	{"tenth", W_TEEN, 10, 1, 0}, {"eleventh", W_TEEN, 11, 1, 0},
	{"twelfth", W_TEEN, 12, 1, 0}, {"thirteenth", W_TEEN, 13, 1, 0},
	{"fourteenth", W_TEEN, 14, 1, 0}, {"fifteenth", W_TEEN, 15, 1, 0},
	{"sixteenth", W_TEEN, 16, 1, 0}, {"seventeenth", W_TEEN, 17, 1, 0},
	{"eighteenth", W_TEEN, 18, 1, 0}, {"nineteenth", W_TEEN, 19, 1, 0},
	{"twentieth", W_TENS, 20, 1, 0}, {"thirtieth", W_TENS, 30, 1, 0},
	{"fortieth", W_TENS, 40, 1, 0}, {"fiftieth", W_TENS, 50, 1, 0},
	{"sixtieth", W_TENS, 60, 1, 0}, {"seventieth", W_TENS, 70, 1, 0},
	{"eightieth", W_TENS, 80, 1, 0}, {"ninetieth", W_TENS, 90, 1, 0},
	{"hundredth", W_HUNDRED, 100, 1, 0}, {"thousandth", W_SCALE, 1e3, 1, 0},
	{"millionth", W_SCALE, 1e6, 1, 0}, {"billionth", W_SCALE, 1e9, 1, 0},
	{"half", W_FRACTION, 2, 0, 0}, {"halves", W_FRACTION, 2, 0, 1},
	{"thirds", W_FRACTION, 3, 0, 1}, {"quarter", W_FRACTION, 4, 0, 0},
	{"quarters", W_FRACTION, 4, 0, 1}, {"fourths", W_FRACTION, 4, 0, 1},
	{"fifths", W_FRACTION, 5, 0, 1}, {"sixths", W_FRACTION, 6, 0, 1},
	{"sevenths", W_FRACTION, 7, 0, 1}, {"eighths", W_FRACTION, 8, 0, 1},
	{"ninths", W_FRACTION, 9, 0, 1}, {"tenths", W_FRACTION, 10, 0, 1},
};

static const number_word *word_of(const token *t)
{
	if (t->kind != T_WORD)
		return NULL;
	for (size_t i = 0; i < sizeof number_words / sizeof *number_words; i++)
		if (tok_is(t, number_words[i].word))
			return &number_words[i];
	return NULL;
}

/* A cardinal or scale word: one that would make a second number. */
static bool counts(const token *t)
{
	const number_word *w = word_of(t);
	return w && w->kind != W_AND && !w->ordinal && w->kind != W_FRACTION;
}

static double scale_of_suffix(const char *suffix, bool currency)
{
	if (strcmp(suffix, "k") == 0)
		return 1e3;
	if (strcmp(suffix, "bn") == 0 || strcmp(suffix, "b") == 0)
		return 1e9;
	if (strcmp(suffix, "mn") == 0 || (currency && strcmp(suffix, "m") == 0))
		return 1e6;
	return 0;
}

/* Hedges that may come before a number; the longest that matches is taken. */
static const char *const qualifiers[] = {
	"just over", "just under", "well over", "more than", "less than", "fewer than",
	"up to", "at least", "at most", "upwards of", "in excess of", "close to",
	"an estimated", "an average of", "an average", "a total of", "a maximum of",
	"a minimum of", "around", "about", "approximately", "approx", "roughly", "some",
	"nearly", "almost", "over", "under", "only", "exactly", "precisely", "circa", "ca",
	"c", "estimated", "average", "~", "by", "below", "above", "just",
};

/* Skips one hedge at toks[i]; returns how many tokens it spans (0: none). */
static size_t skip_qualifier(const token *toks, size_t n, size_t i)
{
	size_t best = 0;
	if (i >= n || toks[i].kind == T_DIGITS)
		return 0;
	for (size_t q = 0; q < sizeof qualifiers / sizeof *qualifiers; q++) {
		const char *p = qualifiers[q];
		if (p[0] != toks[i].s[0])
			continue;
		size_t k = 0;
		while (*p) {
			const char *sp = strchr(p, ' ');
			size_t wl = sp ? (size_t)(sp - p) : strlen(p);
			if (i + k >= n || toks[i + k].kind == T_DIGITS || toks[i + k].len != wl ||
			    memcmp(toks[i + k].s, p, wl) != 0) {
				k = 0;
				break;
			}
			k++;
			p += wl;
			if (*p == ' ')
				p++;
		}
		if (k > best)
			best = k;
	}
	return best;
}

static const char *currency_of(const token *t)
{
	static const char *symbols[][2] = {
		{"$", "$"}, {"€", "€"}, {"£", "£"}, {"¥", "¥"}, {"₹", "₹"}, {"₩", "₩"}, {"₽", "₽"},
		{"usd", "$"}, {"eur", "€"}, {"gbp", "£"}, {"jpy", "¥"}, {"inr", "₹"},
	};
	if (t->kind == T_DIGITS)
		return NULL;
	for (size_t i = 0; i < sizeof symbols / sizeof *symbols; i++)
		if (t->len == strlen(symbols[i][0]) && memcmp(t->s, symbols[i][0], t->len) == 0)
			return symbols[i][1];
	return NULL;
}

/* The word grammar (notes/ALGORITHMS.md, after word2number): units, teens
 * and tens add to the current group, "hundred" multiplies it, a scale word
 * moves it into the total; "and" only after hundred or a scale. Returns the
 * number of tokens used (0: not a number). */
static size_t parse_words(const token *toks, size_t n, size_t i, bool leading_a,
                          number_value *out)
{
	double total = 0, group = leading_a ? 1 : 0;
	double last_scale = INFINITY;
	wkind last = leading_a ? W_UNIT : W_NONE;
	bool any = leading_a;
	bool a_only = leading_a;   /* "a" must be followed by hundred, a scale or a fraction */
	size_t start = i;
	for (; i < n; i++) {
		const number_word *w = word_of(&toks[i]);
		if (!w)
			break;
		if (w->kind == W_AND) {
			if (!(last == W_HUNDRED || last == W_SCALE) || i + 1 >= n)
				break;
			const number_word *next = word_of(&toks[i + 1]);
			if (!next || !(next->kind == W_UNIT || next->kind == W_TEEN || next->kind == W_TENS))
				break;
			continue;
		}
		double g = fmod(group, 1000);
		bool ok = false;
		/* "hundredth", "thousandth" alone. */
		if ((w->kind == W_HUNDRED || w->kind == W_SCALE) && w->ordinal && !any && group == 0)
			group = 1;
		switch (w->kind) {
		case W_UNIT:
			ok = !a_only && fmod(g, 10) == 0 && last != W_UNIT && last != W_TEEN;
			if (ok)
				group += w->value;
			break;
		case W_TEEN:
		case W_TENS:
			ok = !a_only && fmod(g, 100) == 0 && last != W_UNIT && last != W_TEEN &&
			     last != W_TENS;
			if (ok)
				group += w->value;
			break;
		case W_HUNDRED:
			ok = group >= 1 && group <= 99 && last != W_HUNDRED;
			if (ok)
				group *= 100;
			break;
		case W_SCALE:
			ok = group >= 1 && w->value < last_scale;
			if (ok) {
				total += group * w->value;
				group = 0;
				last_scale = w->value;
			}
			break;
		case W_DOZEN:
			ok = group >= 1 && group < 1000;
			if (ok)
				group *= w->value;   /* a dozen, a pair */
			break;
		case W_FRACTION:
			/* "a third", "two thirds", "seven-eighths", "half". */
			if (w->plural_fraction)
				ok = (group >= 2 || (any && group >= 1)) && total == 0;
			else
				ok = (group <= 1) && total == 0 && (any || w->value == 2 || w->value == 4);
			if (ok) {
				double count = any ? group : 1;
				out->value = count / w->value;
				out->in_words = true;
				return i + 1 - start;
			}
			break;
		default:
			break;
		}
		if (!ok)
			break;
		a_only = false;
		any = true;
		last = w->kind;
		if (w->ordinal) {
			out->ordinal = true;
			i++;
			break;
		}
	}
	/* A singular fraction-like ordinal after "a" or "one": "a third". */
	if (i < n && (leading_a || (any && total == 0 && group == 1 && last == W_UNIT))) {
		const token *t = &toks[i];
		double den = 0;
		if (tok_is(t, "third"))
			den = 3;
		else if (tok_is(t, "fourth"))
			den = 4;
		else if (tok_is(t, "fifth"))
			den = 5;
		else if (tok_is(t, "sixth"))
			den = 6;
		else if (tok_is(t, "eighth"))
			den = 8;
		else if (tok_is(t, "tenth"))
			den = 10;
		if (den && !out->ordinal) {
			out->value = 1 / den;
			out->in_words = true;
			return i + 1 - start;
		}
	}
	if (!any || a_only)
		return 0;
	out->value = total + group;
	out->in_words = true;
	return i - start;
}

static void unit_append(number_value *out, const char *s, size_t len)
{
	size_t have = strlen(out->unit);
	if (have && have + 1 < NUMBER_UNIT_MAX)
		out->unit[have++] = ' ';
	size_t room = NUMBER_UNIT_MAX - 1 - have;
	if (len > room)
		len = room;
	memcpy(out->unit + have, s, len);
	out->unit[have + len] = '\0';
}

/* "187 feet (57 m)", "15 °C [59 °F]": a bracket after the number that
 * starts with a number and names a unit restates it in other units; it is
 * blanked out (its figures are not checked). "(or 188)" and "(3)" stay. */
static void blank_conversions(char *s, size_t len)
{
	bool seen_digit = false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (is_digit(c))
			seen_digit = true;
		if ((c != '(' && c != '[') || !seen_digit)
			continue;
		char close = c == '(' ? ')' : ']';
		char *end = memchr(s + i + 1, close, len - i - 1);
		if (!end)
			return;
		size_t j = i + 1;
		while (j < (size_t)(end - s) && s[j] == ' ')
			j++;
		if (j < (size_t)(end - s) && (s[j] == '-' || s[j] == '+' || s[j] == '~'))
			j++;
		if (j >= (size_t)(end - s) || !is_digit(s[j]))
			continue;
		while (j < (size_t)(end - s) && (is_digit(s[j]) || s[j] == ',' || s[j] == '.'))
			j++;
		while (j < (size_t)(end - s) && s[j] == ' ')
			j++;
		bool unit = j < (size_t)(end - s) &&
		            (is_alpha(s[j]) || s[j] == '%' || (unsigned char)s[j] >= 0x80);
		if (!unit)
			continue;
		memset(s + i, ' ', (size_t)(end - s) - i + 1);
		i = (size_t)(end - s);
	}
}

bool number_parse(const char *s, size_t len, number_value *out)
{
	memset(out, 0, sizeof *out);
	/* "2½" folds to "21/2": put a space before a vulgar fraction first. */
	char spaced[FOLD_MAX];
	if (len < FOLD_MAX / 2) {
		size_t o = 0;
		bool any = false;
		for (size_t i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];
			bool vulgar = (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] >= 0xBC &&
			               (unsigned char)s[i + 1] <= 0xBE) ||
			              (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x85 &&
			               (unsigned char)s[i + 2] >= 0x90 && (unsigned char)s[i + 2] <= 0x9E);
			if (vulgar && o && spaced[o - 1] >= '0' && spaced[o - 1] <= '9') {
				spaced[o++] = ' ';
				any = true;
			}
			spaced[o++] = (char)c;
		}
		if (any) {
			s = spaced;
			len = o;
		}
	}
	char folded[FOLD_MAX];
	long fl = norm_fold(s, len, 0, folded, sizeof folded);
	if (fl < 0 || fl >= FOLD_MAX)
		return false;
	blank_conversions(folded, (size_t)fl);
	token toks[MAX_TOKENS];
	size_t n = lex(folded, (size_t)fl, toks, MAX_TOKENS);
	if (n == 0 || n > MAX_TOKENS)
		return false;

	size_t i = 0, q;
	/* "the third", "the 3rd". */
	if (n > 1 && tok_is(&toks[0], "the"))
		i++;
	while ((q = skip_qualifier(toks, n, i))) {
		i += q;
		out->qualified = true;
	}
	bool negative = false;
	const char *currency = NULL;
	for (int round = 0; round < 3 && i < n; round++) {
		if (tok_is(&toks[i], "-") || tok_is(&toks[i], "minus") || tok_is(&toks[i], "negative")) {
			negative = !negative;
			i++;
		} else if (tok_is(&toks[i], "+")) {
			i++;
		} else if (!currency && tok_is(&toks[i], "us") && i + 1 < n && tok_is(&toks[i + 1], "$")) {
			currency = "$";
			i += 2;
		} else if (!currency && (currency = currency_of(&toks[i]))) {
			i++;
		}
	}
	if (i >= n)
		return false;

	if (toks[i].kind == T_DIGITS) {
		token *t = &toks[i];
		if (!t->grouped_ok)
			return false;
		out->value = t->value;
		i++;
		/* "2 000": a group of three after a short number. */
		while (i < n && toks[i].kind == T_DIGITS && !t->suffix[0] && t->len <= 3 &&
		       toks[i].s == t->s + t->len + 1 && t->s[t->len] == ' ' &&
		       !memchr(t->s, '.', t->len) && !memchr(t->s, ',', t->len) && toks[i].len == 3 &&
		       !memchr(toks[i].s, ',', 3) && !memchr(toks[i].s, '.', 3) &&
		       !toks[i].hyphen_before) {
			out->value = out->value * 1000 + toks[i].value;
			t = &toks[i];
			i++;
		}
		/* A mixed number: "2 1/2". */
		if (i + 1 < n && toks[i].kind == T_DIGITS && toks[i + 1].kind == T_DIGITS &&
		    !t->suffix[0] && !toks[i].suffix[0] && toks[i].s[toks[i].len] == '/' &&
		    toks[i + 1].s == toks[i].s + toks[i].len + 1 && !memchr(t->s, '.', t->len) &&
		    !memchr(toks[i].s, '.', toks[i].len) && !memchr(toks[i + 1].s, '.', toks[i + 1].len) &&
		    toks[i + 1].value > toks[i].value) {
			out->value = t->value + toks[i].value / toks[i + 1].value;
			t = &toks[i + 1];
			i += 2;
		}
		/* A fraction: "1/2", and "½", which folds to it. */
		if (i < n && toks[i].kind == T_DIGITS && !t->suffix[0] && t->s[t->len] == '/' &&
		    toks[i].s == t->s + t->len + 1 && !memchr(t->s, '.', t->len) &&
		    !memchr(t->s, ',', t->len) && !memchr(toks[i].s, '.', toks[i].len) &&
		    !memchr(toks[i].s, ',', toks[i].len) && toks[i].value != 0) {
			out->value = t->value / toks[i].value;
			t = &toks[i];
			i++;
		}
		const char *suffix = t->suffix;
		/* "1960s" is a decade, not a number. */
		if (strcmp(suffix, "s") == 0)
			return false;
		if (suffix[0]) {
			double scale = scale_of_suffix(suffix, currency != NULL);
			if (scale)
				out->value *= scale;
			else if (strcmp(suffix, "st") == 0 || strcmp(suffix, "nd") == 0 ||
			         strcmp(suffix, "rd") == 0 || strcmp(suffix, "th") == 0)
				out->ordinal = true;
			else
				unit_append(out, suffix, strlen(suffix));
		}
	} else {
		bool leading_a = tok_is(&toks[i], "a") || tok_is(&toks[i], "an");
		size_t used = parse_words(toks, n, i + leading_a, leading_a, out);
		if (!used)
			return false;
		i += leading_a + used;
	}
	/* "two and a half", "2 and a quarter". */
	if (!out->ordinal && i + 2 < n && tok_is(&toks[i], "and") && tok_is(&toks[i + 1], "a") &&
	    (tok_is(&toks[i + 2], "half") || tok_is(&toks[i + 2], "quarter")) &&
	    out->value == floor(out->value)) {
		out->value += tok_is(&toks[i + 2], "half") ? 0.5 : 0.25;
		out->in_words = true;
		i += 3;
	}
	/* Scale words after the number: "1.5 million", "2 thousand", "two and
	 * a half billion", "two thousand million". */
	double last_scale = INFINITY;
	while (i < n && !out->ordinal) {
		const number_word *w = word_of(&toks[i]);
		double scale = 0;
		if (w && (w->kind == W_SCALE || w->kind == W_HUNDRED) && !w->ordinal)
			scale = w->value;
		else if (tok_is(&toks[i], "bn"))
			scale = 1e9;
		else if (tok_is(&toks[i], "mn") || tok_is(&toks[i], "mln"))
			scale = 1e6;
		else if (tok_is(&toks[i], "k"))
			scale = 1e3;
		if (!scale || scale >= last_scale)
			break;
		out->value *= scale;
		last_scale = scale;
		i++;
	}
	if (negative)
		out->value = -out->value;

	/* Percent. */
	if (i < n && (tok_is(&toks[i], "%") || tok_is(&toks[i], "percent") ||
	              tok_is(&toks[i], "pct"))) {
		out->percent = true;
		i++;
	} else if (i + 1 < n && tok_is(&toks[i], "per") && tok_is(&toks[i + 1], "cent")) {
		out->percent = true;
		i += 2;
	}
	if (out->percent)
		unit_append(out, "%", 1);
	else if (currency)
		unit_append(out, currency, strlen(currency));

	/* What was counted: the rest, which must not hold a second number. */
	for (; i < n; i++) {
		const token *t = &toks[i];
		if (t->kind == T_DIGITS || counts(t))
			return false;
		if (t->kind == T_SYM && (tok_is(t, "-") || tok_is(t, "~")))
			return false;
		unit_append(out, t->s, t->len);
	}
	return true;
}

/* Units and their names; a name may belong to two units ("pounds"). */
static const char *const unit_names[][2] = {
	{"%", "%"}, {"percent", "%"}, {"per cent", "%"}, {"pct", "%"},
	{"$", "usd"}, {"usd", "usd"}, {"dollar", "usd"}, {"us dollar", "usd"},
	{"€", "eur"}, {"eur", "eur"}, {"euro", "eur"},
	{"£", "gbp"}, {"gbp", "gbp"}, {"pound", "gbp"}, {"pound sterling", "gbp"},
	{"sterling", "gbp"},
	{"¥", "jpy"}, {"¥", "cny"}, {"yen", "jpy"}, {"jpy", "jpy"}, {"yuan", "cny"},
	{"rmb", "cny"}, {"renminbi", "cny"}, {"cny", "cny"},
	{"₹", "inr"}, {"rupee", "inr"}, {"inr", "inr"}, {"rs", "inr"},
	{"km", "km"}, {"kilometre", "km"}, {"kilometer", "km"},
	{"m", "m"}, {"metre", "m"}, {"meter", "m"},
	{"cm", "cm"}, {"centimetre", "cm"}, {"centimeter", "cm"},
	{"mm", "mm"}, {"millimetre", "mm"}, {"millimeter", "mm"},
	{"nm", "nm"}, {"nanometre", "nm"}, {"nanometer", "nm"},
	{"mi", "mi"}, {"mile", "mi"},
	{"ft", "ft"}, {"foot", "ft"}, {"feet", "ft"},
	{"in", "in"}, {"inch", "in"}, {"inche", "in"},
	{"yd", "yd"}, {"yard", "yd"},
	{"kg", "kg"}, {"kilogram", "kg"}, {"kilogramme", "kg"}, {"kilo", "kg"},
	{"g", "g"}, {"gram", "g"}, {"gramme", "g"},
	{"lb", "lb"}, {"pound", "lb"},
	{"oz", "oz"}, {"ounce", "oz"},
	{"t", "t"}, {"tonne", "t"}, {"ton", "t"}, {"metric ton", "t"},
	{"km2", "km2"}, {"sq km", "km2"}, {"square kilometre", "km2"},
	{"square kilometer", "km2"},
	{"mi2", "mi2"}, {"sq mi", "mi2"}, {"square mile", "mi2"},
	{"ha", "ha"}, {"hectare", "ha"}, {"acre", "acre"},
	{"°c", "c"}, {"c", "c"}, {"celsius", "c"}, {"degrees celsius", "c"}, {"degree celsius", "c"},
	{"degrees c", "c"}, {"° c", "c"},
	{"°f", "f"}, {"f", "f"}, {"fahrenheit", "f"}, {"degrees fahrenheit", "f"},
	{"degree fahrenheit", "f"}, {"degrees f", "f"}, {"° f", "f"},
	{"s", "s"}, {"sec", "s"}, {"second", "s"},
	{"min", "min"}, {"minute", "min"},
	{"h", "h"}, {"hr", "h"}, {"hour", "h"},
	{"day", "day"}, {"week", "week"}, {"month", "month"},
	{"year", "year"}, {"yr", "year"},
	{"l", "l"}, {"litre", "l"}, {"liter", "l"},
	{"mph", "mph"}, {"miles per hour", "mph"}, {"mile per hour", "mph"},
	{"km/h", "km/h"}, {"kmh", "km/h"}, {"kph", "km/h"}, {"kilometres per hour", "km/h"},
	{"kilometers per hour", "km/h"}, {"km per hour", "km/h"}, {"km an hour", "km/h"},
	{"kilometres an hour", "km/h"}, {"miles an hour", "mph"}, {"mile an hour", "mph"},
	{"nautical mile", "nmi"}, {"nmi", "nmi"}, {"nm", "nmi"},
	{"w", "w"}, {"watt", "w"}, {"kw", "kw"}, {"kilowatt", "kw"}, {"mw", "mw"},
	{"megawatt", "mw"}, {"v", "v"}, {"volt", "v"},
};

/* Words of a unit string, depluralised ("miles" -> "mile", "inches" ->
 * "inche"), into `out` as "w1 w2 ...". */
static void unit_words(const char *s, char *out, size_t cap)
{
	size_t o = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		const char *w = s;
		while (*s && *s != ' ')
			s++;
		size_t wl = (size_t)(s - w);
		if (wl > 2 && w[wl - 1] == 's' && w[wl - 2] != 's')
			wl--;
		if (o && o + 1 < cap)
			out[o++] = ' ';
		if (o + wl >= cap)
			wl = cap - 1 - o;
		memcpy(out + o, w, wl);
		o += wl;
	}
	out[o] = '\0';
}

/* The units named by the words at the start of `text` (depluralised):
 * fills `canon` with up to 2 unit names and returns how many; *used is the
 * byte length of the longest name that matched. */
static int unit_lookup(const char *text, const char **canon, size_t *used)
{
	int found = 0;
	size_t best = 0;
	for (size_t i = 0; i < sizeof unit_names / sizeof *unit_names; i++) {
		char name[NUMBER_UNIT_MAX];
		unit_words(unit_names[i][0], name, sizeof name);
		size_t nl = strlen(name);
		if (strncmp(text, name, nl) != 0 || (text[nl] != '\0' && text[nl] != ' '))
			continue;
		if (nl > best) {
			best = nl;
			found = 0;
		}
		if (nl == best && found < 2)
			canon[found++] = unit_names[i][1];
	}
	*used = best;
	return found;
}

bool number_unit_known(const char *unit)
{
	if (!unit || !*unit)
		return false;
	char folded[NUMBER_UNIT_MAX * 2], words[NUMBER_UNIT_MAX * 2];
	long l = norm_fold(unit, strlen(unit), 0, folded, sizeof folded);
	if (l < 0 || (size_t)l >= sizeof folded)
		return false;
	unit_words(folded, words, sizeof words);
	const char *canon[2];
	size_t used;
	return unit_lookup(words, canon, &used) > 0;
}

bool number_unit_is_money(const char *unit)
{
	static const char *const money[] = {"usd", "eur", "gbp", "jpy", "cny", "inr"};
	if (!unit || !*unit)
		return false;
	char folded[NUMBER_UNIT_MAX * 2], words[NUMBER_UNIT_MAX * 2];
	long l = norm_fold(unit, strlen(unit), 0, folded, sizeof folded);
	if (l < 0 || (size_t)l >= sizeof folded)
		return false;
	unit_words(folded, words, sizeof words);
	const char *canon[2];
	size_t used;
	int n = unit_lookup(words, canon, &used);
	for (int i = 0; i < n; i++)
		for (size_t j = 0; j < sizeof money / sizeof *money; j++)
			if (strcmp(canon[i], money[j]) == 0)
				return true;
	return false;
}

number_unit_match number_unit_compare(const char *bank_unit, const char *typed_unit)
{
	if (!typed_unit || !*typed_unit)
		return NUMBER_UNIT_ABSENT;
	if (!bank_unit || !*bank_unit)
		return NUMBER_UNIT_ABSENT;
	char bank_folded[NUMBER_UNIT_MAX * 2], bank[NUMBER_UNIT_MAX * 2], typed[NUMBER_UNIT_MAX * 2];
	long bl = norm_fold(bank_unit, strlen(bank_unit), 0, bank_folded, sizeof bank_folded);
	if (bl < 0 || (size_t)bl >= sizeof bank_folded)
		return NUMBER_UNIT_DIFFERENT;
	/* "km." and "(km)" are km. */
	for (char *p = bank_folded; *p; p++)
		if (*p == '.' || *p == '(' || *p == ')' || *p == ',')
			*p = ' ';
	unit_words(bank_folded, bank, sizeof bank);
	unit_words(typed_unit, typed, sizeof typed);
	const char *bank_canon[2], *typed_canon[2];
	size_t bank_used, typed_used;
	/* Only the unit itself counts, not words after it: "% of the city"
	 * is "%", "m wide" is "m". */
	int nb = unit_lookup(bank, bank_canon, &bank_used);
	int nt = unit_lookup(typed, typed_canon, &typed_used);
	if (nb) {
		for (int a = 0; a < nb; a++)
			for (int b = 0; b < nt; b++)
				if (strcmp(bank_canon[a], typed_canon[b]) == 0)
					return NUMBER_UNIT_SAME;
		return NUMBER_UNIT_DIFFERENT;
	}
	/* A unit the table does not know ("troops", "men"): its first word
	 * must start the typed unit. */
	size_t l = strcspn(bank, " ");
	if (l && strncmp(typed, bank, l) == 0 && (typed[l] == '\0' || typed[l] == ' '))
		return NUMBER_UNIT_SAME;
	return NUMBER_UNIT_DIFFERENT;
}
