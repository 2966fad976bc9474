/* grade_text.c - grade text answers (negation, a leading preposition) and true/false claims */
#include <string.h>

#include "grade_impl.h"

bool grade_negated(const norm_key *k)
{
	for (size_t i = 0; i < k->n_tokens; i++) {
		const norm_token *t = &k->tokens[i];
		const char *w = k->text + t->start;
		/* "didn't" and "isn't" lost their apostrophe in the key. */
		static const char *const negations[] = {
			"not", "no", "never", "neither", "nor", "cannot", "dont", "didnt", "doesnt",
			"isnt", "wasnt", "werent", "arent", "cant", "couldnt", "wont", "wouldnt",
			"hasnt", "havent", "hadnt",
		};
		for (size_t c = 0; c < sizeof negations / sizeof *negations; c++)
			if (w[0] == negations[c][0] && t->len == strlen(negations[c]) &&
			    memcmp(w, negations[c], t->len) == 0)
				return true;
	}
	return false;
}


/* ------------------------------------------------------------------------
 * Per kind.
 */

static bool span_span_eq(span a, span b)
{
	size_t al, bl;
	const char *ap = span_ptr(a, &al), *bp = span_ptr(b, &bl);
	if (al == bl && memcmp(ap, bp, al) == 0)
		return true;
	ap = span_compact(a, &al);
	bp = span_compact(b, &bl);
	return al == bl && memcmp(ap, bp, al) == 0;
}

/* A span without a leading preposition of time or place and the article
 * after it: "in the 1950s" -> "1950s", "at elevated pressures". */
static span without_preposition(span s)
{
	static const char *const preps[] = {"in", "on", "at", "during", "around", "about",
	                                    "approximately", "roughly", "circa"};
	if (s.count < 2)
		return s;
	bool found = false;
	for (size_t i = 0; i < sizeof preps / sizeof *preps && !found; i++)
		found = key_token_is(s.key, s.first, preps[i]);
	if (!found)
		return s;
	s.first++;
	s.count--;
	if (s.count >= 2 && (key_token_is(s.key, s.first, "the") || key_token_is(s.key, s.first, "a") ||
	                     key_token_is(s.key, s.first, "an"))) {
		s.first++;
		s.count--;
	}
	return s;
}

/* Typed and bank text equal once a leading preposition is left off either. */
static bool equal_but_preposition(span typed, const form_list *forms, const form_list *more)
{
	span tb = without_preposition(typed);
	const form_list *lists[2] = {forms, more};
	for (int l = 0; l < 2; l++)
		for (size_t i = 0; lists[l] && i < lists[l]->count; i++) {
			span fb = without_preposition(span_whole(&lists[l]->items[i].key));
			if ((tb.first != typed.first || fb.first != 0) && span_span_eq(tb, fb))
				return true;
		}
	return false;
}

void grade_text(const grader *g, const qprep *qp, const form_list *forms,
                       typed_answer *t, grade_result *out)
{
	const norm_key *k = &t->w.key;
	span s = span_whole(k), ps = span_whole(typed_plain(t));
	span *pp = &ps;
	bool gold_negated = false;
	for (size_t i = 0; i < forms->count && !gold_negated; i++)
		gold_negated = grade_negated(&forms->items[i].key);
	match m = form_match(g, s, pp, forms, qp && forms != &qp->answers ? &qp->answers : NULL,
	                      !grade_negated(k) || gold_negated);
	if (form_match_result(&m, out))
		return;
	const form_list *more = qp && forms != &qp->answers ? &qp->answers : NULL;
	for (size_t i = 0; i < forms->count && i < 64; i++)
		if (!(forms->items[i].flags & FORM_EXACT_ONLY) && form_abbreviated(s, &forms->items[i].key)) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: the abbreviation stands for %s",
			                 forms->items[i].shown);
			return;
		}
	if (equal_but_preposition(s, forms, more)) {
		grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
		return;
	}
	if (m.kind == MATCH_RIVAL) {
		form_match_result(&m, out);
		return;
	}
	if (grade_negated(k) && !gold_negated)
		grade_set_result(out, GRADE_WRONG, 0, "the answer is negated");
	else
		grade_set_result(out, GRADE_WRONG, 0, "%s", "");
}


void grade_claim(const quiz_question *q, const norm_key *k, grade_result *out)
{
	static const char *const yes[] = {"y", "yes", "true", "t", "correct", "right", "yeah", "yep"};
	static const char *const no[] = {"n", "no", "false", "f", "incorrect", "wrong", "nope"};
	int said = -1;
	if (k->n_tokens == 1) {
		for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
			if (k->len == strlen(yes[i]) && memcmp(k->text, yes[i], k->len) == 0)
				said = 1;
		for (size_t i = 0; i < sizeof no / sizeof *no; i++)
			if (k->len == strlen(no[i]) && memcmp(k->text, no[i], k->len) == 0)
				said = 0;
	}
	if (said < 0) {
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "answer true or false");
		return;
	}
	if ((said == 1) == q->claim.truth)
		grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
	else
		grade_set_result(out, GRADE_WRONG, 0, "%s", "");
}
