/* date.c - read a typed date in the forms people write, with its precision */
#include "date.h"

#include <string.h>

#include "normalize.h"

static const char *month_names[] = {
	"january", "february", "march", "april", "may", "june",
	"july", "august", "september", "october", "november", "december",
};
static const char *month_display[] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
};
static const char *weekday_display[] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

const char *date_month_name(int month)
{
	return month >= 1 && month <= 12 ? month_display[month - 1] : "?";
}

const char *date_weekday_name(int weekday)
{
	return weekday >= 1 && weekday <= 7 ? weekday_display[weekday - 1] : "?";
}

int date_weekday(int year, int month, int day)
{
	/* Sakamoto's method: 0 is Sunday. */
	static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
	int y = year - (month < 3);
	int w = (y + y / 4 - y / 100 + y / 400 + t[month - 1] + day) % 7;
	return w == 0 ? 7 : w;
}

typedef enum {
	T_NUM,      /* digits, maybe with an ordinal suffix */
	T_SEP,      /* '/', '-' or '.' between numbers */
	T_MONTH,
	T_WEEKDAY,
	T_DAYWORD,  /* an ordinal word: "eighteenth" (value 18), "twenty" (20, a prefix) */
	T_OF,
	T_THE,
	T_LEAD,     /* on, in, during, around, about, circa */
	T_VAGUE,    /* early, mid, late, spring ..., end, beginning */
	T_ERA,      /* AD, CE */
	T_DECADE,   /* 1960s */
} tkind;

typedef struct {
	tkind kind;
	int value;
	int digits;
	bool ordinal;     /* 18th */
	bool prefix;      /* "twenty" in "twenty-first" */
	char sep;
} token;

enum { MAX_TOKENS = 16 };

static bool word_is(const char *w, size_t n, const char *lit)
{
	return strlen(lit) == n && memcmp(w, lit, n) == 0;
}

static int month_of(const char *w, size_t n, bool *corrected)
{
	for (int m = 0; m < 12; m++) {
		const char *full = month_names[m];
		size_t fl = strlen(full);
		if (n == fl && memcmp(w, full, n) == 0)
			return m + 1;
		/* Three-letter abbreviations, and Sept. */
		if (n == 3 && memcmp(w, full, 3) == 0)
			return m + 1;
	}
	if (word_is(w, n, "sept"))
		return 9;
	/* One slip in a long month name, when no other month is as close. */
	if (n >= 5) {
		int found = 0, count = 0;
		for (int m = 0; m < 12; m++) {
			const char *full = month_names[m];
			if (full[0] != w[0])
				continue;
			if (norm_osa_utf8(w, n, full, strlen(full), 1) <= 1) {
				found = m + 1;
				count++;
			}
		}
		if (count == 1) {
			*corrected = true;
			return found;
		}
	}
	return 0;
}

static int weekday_of(const char *w, size_t n)
{
	static const char *names[] = {"monday", "tuesday", "wednesday", "thursday",
	                              "friday", "saturday", "sunday"};
	static const char *shorts[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
	for (int d = 0; d < 7; d++) {
		if (word_is(w, n, names[d]) || word_is(w, n, shorts[d]))
			return d + 1;
	}
	if (word_is(w, n, "tues"))
		return 2;
	if (word_is(w, n, "thur") || word_is(w, n, "thurs"))
		return 4;
	return 0;
}

static int ordinal_word(const char *w, size_t n, bool *prefix)
{
	static const char *ord[] = {
		"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
		"ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
		"sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
	};
	for (int i = 0; i < 20; i++)
		if (word_is(w, n, ord[i]))
			return i + 1;
	if (word_is(w, n, "thirtieth"))
		return 30;
	*prefix = true;
	if (word_is(w, n, "twenty"))
		return 20;
	if (word_is(w, n, "thirty"))
		return 30;
	*prefix = false;
	return 0;
}

/* Splits folded text into date tokens; false when something in it cannot be
 * part of a date. */
static bool scan(const char *s, size_t len, token *toks, int *n_toks, bool *month_corrected)
{
	int n = 0;
	size_t i = 0;
	while (i < len) {
		char c = s[i];
		if (c == ' ' || c == ',') {
			i++;
			continue;
		}
		if (n == MAX_TOKENS)
			return false;
		token *t = &toks[n];
		memset(t, 0, sizeof *t);
		if (c >= '0' && c <= '9') {
			long v = 0;
			int digits = 0;
			while (i < len && s[i] >= '0' && s[i] <= '9') {
				if (digits < 9)
					v = v * 10 + (s[i] - '0');
				digits++;
				i++;
			}
			t->kind = T_NUM;
			t->value = (int)v;
			t->digits = digits;
			size_t rest = len - i;
			if (rest >= 2 && (memcmp(s + i, "st", 2) == 0 || memcmp(s + i, "nd", 2) == 0 ||
			                  memcmp(s + i, "rd", 2) == 0 || memcmp(s + i, "th", 2) == 0) &&
			    (rest == 2 || !((s[i + 2] >= 'a' && s[i + 2] <= 'z')))) {
				t->ordinal = true;
				i += 2;
			} else if (digits == 4 && v % 10 == 0 && rest >= 1 && s[i] == 's' &&
			           (rest == 1 || !(s[i + 1] >= 'a' && s[i + 1] <= 'z'))) {
				t->kind = T_DECADE;
				i += 1;
			} else if (digits == 4 && v % 10 == 0 && rest >= 2 && s[i] == '\'' && s[i + 1] == 's') {
				t->kind = T_DECADE;
				i += 2;
			} else if (rest && s[i] >= 'a' && s[i] <= 'z') {
				return false;
			}
			n++;
			continue;
		}
		if (c == '/' || c == '-' || c == '.') {
			t->kind = T_SEP;
			t->sep = c;
			i++;
			n++;
			continue;
		}
		if (c >= 'a' && c <= 'z') {
			size_t start = i;
			while (i < len && s[i] >= 'a' && s[i] <= 'z')
				i++;
			const char *w = s + start;
			size_t wl = i - start;
			int v;
			bool prefix = false;
			if ((v = month_of(w, wl, month_corrected))) {
				t->kind = T_MONTH;
				t->value = v;
			} else if ((v = weekday_of(w, wl))) {
				t->kind = T_WEEKDAY;
				t->value = v;
			} else if ((v = ordinal_word(w, wl, &prefix))) {
				t->kind = T_DAYWORD;
				t->value = v;
				t->prefix = prefix;
			} else if (word_is(w, wl, "of")) {
				t->kind = T_OF;
			} else if (word_is(w, wl, "the")) {
				t->kind = T_THE;
			} else if (word_is(w, wl, "on") || word_is(w, wl, "in") ||
			           word_is(w, wl, "during") || word_is(w, wl, "around") ||
			           word_is(w, wl, "about") || word_is(w, wl, "circa") ||
			           word_is(w, wl, "ca") || word_is(w, wl, "c")) {
				t->kind = T_LEAD;
			} else if (word_is(w, wl, "early") || word_is(w, wl, "mid") ||
			           word_is(w, wl, "middle") || word_is(w, wl, "late") ||
			           word_is(w, wl, "spring") || word_is(w, wl, "summer") ||
			           word_is(w, wl, "autumn") || word_is(w, wl, "fall") ||
			           word_is(w, wl, "winter") || word_is(w, wl, "end") ||
			           word_is(w, wl, "beginning") || word_is(w, wl, "start") ||
			           word_is(w, wl, "later") || word_is(w, wl, "earlier")) {
				t->kind = T_VAGUE;
			} else if (word_is(w, wl, "ad") || word_is(w, wl, "ce")) {
				t->kind = T_ERA;
			} else {
				return false;
			}
			/* An abbreviation's period: "Jun.", "Sept.", "Wed.", "c." */
			if (i < len && s[i] == '.' && t->kind != T_DAYWORD)
				i++;
			n++;
			continue;
		}
		return false;
	}
	*n_toks = n;
	return true;
}

/* A parse in progress over the token list. */
typedef struct {
	const token *t;
	int n, i;
} cursor;

static const token *peek(const cursor *c, int ahead)
{
	return c->i + ahead < c->n ? &c->t[c->i + ahead] : NULL;
}

static bool at(const cursor *c, tkind k)
{
	const token *t = peek(c, 0);
	return t && t->kind == k;
}

/* A day: 18, 18th, eighteenth, twenty-first, twenty first. */
static bool take_day(cursor *c, int *day)
{
	const token *t = peek(c, 0);
	if (!t)
		return false;
	if (t->kind == T_NUM && t->digits <= 2 && t->value >= 1) {
		*day = t->value;
		c->i++;
		return true;
	}
	if (t->kind == T_DAYWORD && !t->prefix) {
		*day = t->value;
		c->i++;
		return true;
	}
	if (t->kind == T_DAYWORD && t->prefix) {
		int j = 1;
		const token *u = peek(c, j);
		if (u && u->kind == T_SEP && u->sep == '-')
			u = peek(c, ++j);
		if (u && u->kind == T_DAYWORD && !u->prefix && u->value <= 9) {
			*day = t->value + u->value;
			c->i += j + 1;
			return true;
		}
		return false;
	}
	return false;
}

static bool take_year(cursor *c, int *year)
{
	const token *t = peek(c, 0);
	if (t && t->kind == T_NUM && !t->ordinal && t->digits >= 3 && t->digits <= 4 && t->value >= 1) {
		*year = t->value;
		c->i++;
		if (at(c, T_ERA))
			c->i++;
		return true;
	}
	if (t && t->kind == T_ERA) {
		const token *u = peek(c, 1);
		if (u && u->kind == T_NUM && !u->ordinal && u->digits <= 4 && u->value >= 1) {
			*year = u->value;
			c->i += 2;
			return true;
		}
	}
	return false;
}

static bool day_exists(int y, int m, int d)
{
	if (m < 1 || m > 12 || d < 1)
		return false;
	/* Without a year, 29 February may exist. */
	return d <= quiz_days_in_month(y ? y : 2000, m);
}

/* Numeric forms: Y-M-D, a/b/Y, Y-M, M/Y, a/b. */
static date_status parse_numeric(cursor *c, quiz_date_order order, date_parse_result *out)
{
	const token *t0 = peek(c, 0), *s1 = peek(c, 1), *t2 = peek(c, 2), *s3 = peek(c, 3),
	            *t4 = peek(c, 4);
	if (!t0 || !s1 || !t2 || t0->kind != T_NUM || s1->kind != T_SEP || t2->kind != T_NUM ||
	    t0->ordinal || t2->ordinal)
		return DATE_NOT_A_DATE;
	int count = 2;
	if (s3 && t4 && s3->kind == T_SEP && t4->kind == T_NUM && !t4->ordinal) {
		if (s3->sep != s1->sep)
			return DATE_NOT_A_DATE;
		count = 3;
	}
	if (c->i + (count == 3 ? 5 : 3) != c->n)
		return DATE_NOT_A_DATE;
	out->numeric = true;
	date_value *v = &out->value;
	if (count == 3) {
		if (t0->digits == 4) {
			/* Year first is always year-month-day. */
			if (t2->digits > 2 || t4->digits > 2)
				return DATE_NOT_A_DATE;
			v->year = t0->value, v->month = t2->value, v->day = t4->value;
			return day_exists(v->year, v->month, v->day) ? DATE_OK : DATE_NONEXISTENT;
		}
		if (t0->digits > 2 || t2->digits > 2)
			return DATE_NOT_A_DATE;
		if (t4->digits == 2)
			return DATE_SHORT_YEAR;
		if (t4->digits < 3 || t4->digits > 4 || t4->value < 1)
			return DATE_NOT_A_DATE;
		v->year = t4->value;
	} else {
		if (t0->digits == 4 && t2->digits <= 2) {
			v->year = t0->value, v->month = t2->value;
			return v->month >= 1 && v->month <= 12 ? DATE_OK : DATE_NONEXISTENT;
		}
		if (t0->digits <= 2 && t2->digits == 4) {
			v->year = t2->value, v->month = t0->value;
			return v->month >= 1 && v->month <= 12 ? DATE_OK : DATE_NONEXISTENT;
		}
		if (t0->digits > 2 || t2->digits > 2)
			return DATE_NOT_A_DATE;
		/* "6/18": a month and a day without a year; "-" and "." between two
		 * small numbers are more often a range or a decimal. */
		if (s1->sep != '/')
			return DATE_NOT_A_DATE;
	}
	int a = t0->value, b = t2->value, y = v->year;
	bool mdy_ok = day_exists(y, a, b), dmy_ok = day_exists(y, b, a);
	date_value md = {y, a, b, 0}, dm = {y, b, a, 0};
	if (mdy_ok && dmy_ok) {
		if (a == b || order == QUIZ_DATE_ORDER_MDY) {
			*v = md;
			return DATE_OK;
		}
		if (order == QUIZ_DATE_ORDER_DMY) {
			*v = dm;
			return DATE_OK;
		}
		*v = md;
		out->alt = dm;
		return DATE_AMBIGUOUS;
	}
	if (mdy_ok) {
		*v = md;
		return DATE_OK;
	}
	if (dmy_ok) {
		*v = dm;
		return DATE_OK;
	}
	/* Neither reading exists: keep the one the order (or the month-first
	 * habit) gives, for the note. */
	*v = order == QUIZ_DATE_ORDER_DMY || a > 12 ? dm : md;
	return DATE_NONEXISTENT;
}

static date_status finish(cursor *c, date_value *v)
{
	if (c->i != c->n)
		return DATE_NOT_A_DATE;
	if (v->day && !day_exists(v->year, v->month, v->day))
		return DATE_NONEXISTENT;
	return DATE_OK;
}

/* Word forms: MONTH DAY YEAR, DAY of MONTH YEAR, MONTH YEAR, MONTH DAY,
 * DAY MONTH, MONTH, YEAR. */
static date_status parse_words(cursor *c, date_parse_result *out)
{
	date_value *v = &out->value;
	cursor save = *c;
	if (at(c, T_MONTH)) {
		v->month = peek(c, 0)->value;
		c->i++;
		if (c->i == c->n)
			return DATE_OK;
		cursor here = *c;
		if (at(c, T_THE))
			c->i++;
		if (take_day(c, &v->day)) {
			if (c->i == c->n)
				return finish(c, v);
			if (take_year(c, &v->year))
				return finish(c, v);
		}
		*c = here;
		v->day = 0;
		if (at(c, T_OF))
			c->i++;
		if (take_year(c, &v->year))
			return finish(c, v);
		return DATE_NOT_A_DATE;
	}
	*c = save;
	if (at(c, T_THE))
		c->i++;
	if (take_day(c, &v->day)) {
		if (at(c, T_OF))
			c->i++;
		if (!at(c, T_MONTH))
			return DATE_NOT_A_DATE;
		v->month = peek(c, 0)->value;
		c->i++;
		if (c->i == c->n)
			return finish(c, v);
		if (at(c, T_OF))
			c->i++;
		if (take_year(c, &v->year))
			return finish(c, v);
		return DATE_NOT_A_DATE;
	}
	*c = save;
	if (take_year(c, &v->year))
		return finish(c, v);
	return DATE_NOT_A_DATE;
}

date_status date_parse(const char *s, size_t len, quiz_date_order order, date_parse_result *out)
{
	memset(out, 0, sizeof *out);
	out->status = DATE_NOT_A_DATE;

	char folded[256];
	long n = norm_fold(s, len, 0, folded, sizeof folded);
	if (n < 0 || (size_t)n >= sizeof folded)
		return out->status;
	/* Outer punctuation: "(18 June 2023)." */
	size_t lo = 0, hi = (size_t)n;
	while (lo < hi && strchr(" .,;:!?()[]\"'", folded[lo]))
		lo++;
	while (hi > lo && strchr(" .,;:!?()[]\"'", folded[hi - 1]))
		hi--;

	token toks[MAX_TOKENS];
	int n_toks = 0;
	if (!scan(folded + lo, hi - lo, toks, &n_toks, &out->month_corrected) || n_toks == 0)
		return out->status;

	cursor c = {toks, n_toks, 0};
	/* "in", "around", and "early", "the end of", "mid-": a vague part. */
	for (;;) {
		if (at(&c, T_LEAD)) {
			c.i++;
		} else if (at(&c, T_VAGUE)) {
			out->vague = true;
			c.i++;
			if (at(&c, T_SEP) && peek(&c, 0)->sep == '-')
				c.i++;
			if (at(&c, T_OF) || at(&c, T_LEAD))
				c.i++;
		} else if (at(&c, T_THE) && peek(&c, 1) && peek(&c, 1)->kind == T_VAGUE) {
			c.i++;
		} else {
			break;
		}
	}
	if (at(&c, T_WEEKDAY)) {
		out->value.weekday = peek(&c, 0)->value;
		c.i++;
		if (c.i == c.n) {
			/* A weekday alone. */
			out->status = DATE_OK;
			return out->status;
		}
		if (at(&c, T_THE) && peek(&c, 1) && peek(&c, 1)->kind != T_NUM &&
		    peek(&c, 1)->kind != T_DAYWORD)
			return out->status;
	}
	int weekday = out->value.weekday;
	if (at(&c, T_THE) && peek(&c, 1) && peek(&c, 1)->kind == T_DECADE && c.i + 2 == c.n) {
		c.i++;
	}
	if (at(&c, T_DECADE) && c.i + 1 == c.n) {
		if (weekday)
			return out->status;
		out->value.year = peek(&c, 0)->value;
		out->status = DATE_DECADE;
		return out->status;
	}
	date_status st;
	if (at(&c, T_NUM) && peek(&c, 1) && peek(&c, 1)->kind == T_SEP)
		st = parse_numeric(&c, order, out);
	else
		st = parse_words(&c, out);
	out->value.weekday = weekday;
	if (out->vague && (out->value.day || out->numeric || weekday || !out->value.year))
		st = DATE_NOT_A_DATE;
	if (st == DATE_AMBIGUOUS)
		out->alt.weekday = weekday;
	out->status = st;
	return st;
}
