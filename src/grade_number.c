/* grade_number.c - grade numbers by value, tolerance and unit */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "grade_impl.h"

static bool number_equal(double gold, double typed, double tolerance, bool percent)
{
	double tol = percent ? fabs(gold) * tolerance : tolerance;
	double eps = 1e-9 * (fabs(gold) > 1 ? fabs(gold) : 1);
	return fabs(typed - gold) <= tol + eps;
}

/* A bank unit that starts with a scale word: "billion euros" means the
 * answer 4.5 is 4.5e9 euros, so "4.5 billion", "4.5bn" and
 * "4,500,000,000 euros" are all right. Returns the scale (1 for none) and
 * sets *rest to the unit after it (NULL when nothing follows). */
static double unit_scale(const char *unit, const char **rest)
{
	static const struct {
		const char *word;
		double scale;
	} scales[] = {
		{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
		{"bn", 1e9}, {"mn", 1e6},
	};
	*rest = unit;
	if (!unit)
		return 1;
	for (size_t i = 0; i < sizeof scales / sizeof *scales; i++) {
		size_t n = strlen(scales[i].word);
		if (strncasecmp(unit, scales[i].word, n) == 0 && (unit[n] == '\0' || unit[n] == ' ')) {
			const char *r = unit + n;
			while (*r == ' ')
				r++;
			*rest = *r ? r : NULL;
			return scales[i].scale;
		}
	}
	return 1;
}

/* The scale a typed unit stands for when the bank's unit has one: "300m"
 * for 300 million euros. */
static double suffix_scale(const char *typed_unit, double bank_scale)
{
	if ((strcmp(typed_unit, "m") == 0 || strcmp(typed_unit, "mn") == 0) && bank_scale == 1e6)
		return 1e6;
	if ((strcmp(typed_unit, "b") == 0 || strcmp(typed_unit, "bn") == 0) && bank_scale == 1e9)
		return 1e9;
	if (strcmp(typed_unit, "k") == 0 && bank_scale == 1e3)
		return 1e3;
	return 0;
}

/* True when the typed text makes the number a bound ("more than 26",
 * "under 5 billion") that neither the answer as shown nor the passage
 * uses. */
static bool unfounded_bound(const qprep *qp, double gold, double scaled, const char *s, size_t len)
{
	norm_work w;
	norm_work_init(&w);
	bool unfounded = false;
	if (norm_work_set(&w, s, len, 0, 0)) {
		for (size_t i = 0; i < w.key.n_tokens && !unfounded; i++) {
			const norm_token *t = &w.key.tokens[i];
			const char *word = w.key.text + t->start;
			/* "by" before a number is a hedge of amount ("rose by 5"). */
			if (!context_is_bound(&w.key, i) || (t->len == 2 && memcmp(word, "by", 2) == 0) ||
			    (t->len == 4 && memcmp(word, "than", 4) == 0))
				continue;
			if (!(qp && context_bound_founded(qp, word, t->len, gold, scaled)))
				unfounded = true;
		}
	}
	norm_work_release(&w);
	return unfounded;
}

/* True when the typed ordinal is one word that the passage puts before a
 * word of the question: "seventh team" for "How many teams ...?". */
static bool ordinal_in_passage(const qprep *qp, const char *s, size_t len)
{
	char w[32];
	if (!len || len >= sizeof w)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			return false;
		w[i] = c;
	}
	const norm_key *k = &qp->passage;
	for (size_t i = 0; i + 1 < k->n_tokens; i++) {
		const norm_token *t = &k->tokens[i];
		if (t->len != len || memcmp(k->text + t->start, w, len) != 0)
			continue;
		const norm_token *next = &k->tokens[i + 1];
		const char *nw = k->text + next->start;
		if (!context_is_filler(nw, next->len) && context_has_word(&qp->prompt, nw, next->len))
			return true;
	}
	return false;
}

/* True when the question's passage gives the value with the typed unit:
 * "68,890 nautical miles, about 127,600 km" gives 127,600 km. */
static bool passage_gives(const qprep *qp, double value, const char *typed_unit)
{
	const norm_key *k = &qp->passage;
	size_t uw = strcspn(typed_unit, " ");
	if (!uw)
		return false;
	for (size_t i = 0; i < k->n_tokens; i++) {
		if (!(k->tokens[i].flags & NORM_TOKEN_DIGIT) ||
		    (i > 0 && k->tokens[i - 1].start + k->tokens[i - 1].len + 1 >= k->tokens[i].start &&
		     (k->tokens[i - 1].flags & NORM_TOKEN_DIGIT)))
			continue;
		for (size_t j = i + 1; j < k->n_tokens && j <= i + 4; j++) {
			const norm_token *e = &k->tokens[j];
			number_value nv;
			/* Parse only up to the unit's first word. */
			if (e->len < uw || memcmp(k->text + e->start, typed_unit, uw) != 0)
				continue;
			if (number_parse(k->text + k->tokens[i].start, e->start + e->len - k->tokens[i].start, &nv) &&
			    nv.value == value && nv.unit[0] &&
			    number_unit_compare(nv.unit, typed_unit) == NUMBER_UNIT_SAME)
				return true;
		}
	}
	return false;
}

void grade_number_value(const qprep *qp, double gold, double tolerance, bool tol_percent,
                        const char *unit, const char *s, size_t len, grade_result *out)
{
	number_value nv;
	if (!number_parse(s, len, &nv)) {
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: that is not one number");
		return;
	}
	for (size_t i = 0; qp && i < qp->rejects.count; i++) {
		const reject_value *rv = &qp->reject_values[i];
		if (rv->is_number && rv->number.value == nv.value &&
		    number_unit_compare(rv->number.unit, nv.unit) != NUMBER_UNIT_DIFFERENT) {
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: the quiz marks this answer wrong");
			return;
		}
	}
	const char *rest;
	double scale = unit_scale(unit, &rest);
	double value = nv.value;
	const char *typed_unit = nv.unit;
	double by_suffix = scale > 1 ? suffix_scale(nv.unit, scale) : 0;
	/* "80m" for 80,000,000 US dollars: with money, m is a million, not
	 * metres. */
	if (scale == 1 && nv.unit[0] && strlen(nv.unit) <= 2) {
		double s6 = suffix_scale(nv.unit, 1e6), s9 = suffix_scale(nv.unit, 1e9),
		       s3 = suffix_scale(nv.unit, 1e3);
		double by = s6 ? s6 : s9 ? s9 : s3;
		if (by && number_unit_is_money(unit))
			by_suffix = by;
	}
	if (by_suffix) {
		value *= by_suffix;
		typed_unit = "";
	}
	bool equal = number_equal(gold, value, tolerance, tol_percent);
	if (!equal && scale > 1) {
		/* The number with its scale: 4.5 billion for 4.5 "billion euros". */
		equal = number_equal(gold * scale, value, tol_percent ? tolerance : tolerance * scale,
		                     tol_percent);
		if (equal)
			unit = rest;
	} else if (equal && scale > 1 && !by_suffix) {
		/* "4.5" or "4.5 billion euros" read as 4.5 with the unit's words. */
		if (typed_unit[0] && number_unit_compare(unit, typed_unit) == NUMBER_UNIT_DIFFERENT)
			unit = rest;
	} else if (by_suffix) {
		unit = rest;
	}
	if (!equal && qp && typed_unit[0] && unit && passage_gives(qp, nv.value, typed_unit) &&
	    number_unit_compare(unit, typed_unit) == NUMBER_UNIT_DIFFERENT) {
		/* The article's own figure in its other unit: asked again. */
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "that is the article's figure in another unit: answer in %s",
		                 qp->q->number.unit ? qp->q->number.unit : unit);
		return;
	}
	if (!equal) {
		grade_set_result(out, GRADE_WRONG, 0, "%s", "");
		return;
	}
	/* "third" answers "which place", not "how many", unless the article
	 * counts that way itself ("their second Super Bowl appearance" for how
	 * many times). */
	if (nv.ordinal && qp && qp->gold_ordinal == 0 && ordinal_in_passage(qp, s, len)) {
		grade_set_result(out, GRADE_CORRECT, 1, "Right: the article counts them that way");
		return;
	}
	if (nv.ordinal && qp && qp->gold_ordinal == 0) {
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: that is a place in order, but the question asks how many");
		return;
	}
	if (number_unit_compare(unit, typed_unit) == NUMBER_UNIT_DIFFERENT) {
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: a different unit; the answer is in %s",
		                 qp && qp->q->number.unit ? qp->q->number.unit : unit);
		return;
	}
	if (nv.qualified && unfounded_bound(qp, gold, gold * scale, s, len)) {
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: the article gives the number, not a bound");
		return;
	}
	if (nv.value != gold && value != gold * scale)
		grade_set_result(out, GRADE_CORRECT, 1, "Right: near enough to the article's figure");
	else
		grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
}
