/* grade_text.c - grade text answers (negation, a leading preposition) and true/false claims */
#include <ctype.h>
#include <string.h>
#include <strings.h>

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

/* True when an answer that lists names ("Guam and Palau") and the typed
 * span have the same words once "and" and "&" are left out: "Guam, Palau",
 * "Palau and Guam". */
static bool same_list(span s, const norm_key *k)
{
	bool listed = false;
	for (size_t i = 0; i < k->n_tokens && !listed; i++)
		listed = key_token_is(k, i, "and");
	if (!listed || s.count < 2 || s.count > 16 || k->n_tokens > 16)
		return false;
	bool used[16] = {false};
	size_t words = 0;
	for (size_t i = 0; i < k->n_tokens; i++) {
		if (key_token_is(k, i, "and"))
			continue;
		words++;
		const norm_token *b = &k->tokens[i];
		bool found = false;
		for (size_t j = 0; j < s.count && !found; j++) {
			const norm_token *a = &s.key->tokens[s.first + j];
			if (!used[j] && a->len == b->len &&
			    memcmp(s.key->text + a->start, k->text + b->start, a->len) == 0)
				found = used[j] = true;
		}
		if (!found)
			return false;
	}
	size_t typed_words = 0;
	for (size_t j = 0; j < s.count; j++)
		if (!key_token_is(s.key, s.first + j, "and"))
			typed_words++;
	return typed_words == words;
}

/* Words an answer may hold that a student may leave out without changing
 * it: a head that only says what kind of thing it is ("Pliocene period",
 * "number 24"), and words that say how many of a set or how often ("all
 * four", "only a few", "every four years"). */
static const char *const part_function_words[] = {
	"the", "a", "an", "of", "in", "on", "at", "during", "about", "around", "approximately",
	"roughly", "circa", "some", "nearly", "almost", "estimated", "it", "its", "was", "were",
	"is", "are", "be", "been", "year", "when", "just", "exactly", "possibly", "total", "per",
};

static const char *const part_heads[] = {
	"period", "era", "epoch", "century", "centuries", "season", "dynasty", "number",
	"throughout", "only", "all", "every",
};

/* Words that make a year or a decade more exact ("early 1546", "the late
 * 1980s", "winter of 1973-74"): a "When ...?" question takes the year
 * without them, as it takes the year of a full date. */
static const char *const part_precision[] = {
	"early", "late", "mid", "spring", "summer", "autumn", "fall", "winter",
};

static const char *const eras[] = {"bc", "bce", "ad", "ce", "mya", "bp"};

static bool token_in(const norm_key *k, size_t i, const char *const *list, size_t n)
{
	for (size_t w = 0; w < n; w++)
		if (key_token_is(k, i, list[w]))
			return true;
	return false;
}

/* True when token i of k is a word of "as much as" or "as many as": a
 * bound, like "up to". */
static bool as_much_as(const norm_key *k, size_t i)
{
	for (size_t at = i >= 2 ? i - 2 : 0; at <= i && at + 2 < k->n_tokens; at++)
		if (key_token_is(k, at, "as") && key_token_is(k, at + 2, "as") &&
		    (key_token_is(k, at + 1, "much") || key_token_is(k, at + 1, "many")))
			return true;
	return false;
}

/* True when the question asks for an amount: "how many", "how much",
 * "how long", "how far", "how old". The value answers it; the words around
 * it in the answer only say what was counted. */
static bool asks_amount(const qprep *qp)
{
	static const char *const amounts[] = {"many", "much", "long", "far", "old"};
	for (size_t i = 0; i + 1 < qp->prompt.n_tokens; i++)
		if (key_token_is(&qp->prompt, i, "how") &&
		    token_in(&qp->prompt, i + 1, amounts, sizeof amounts / sizeof *amounts))
			return true;
	return false;
}

/* True when the question asks "when", or "what year", "which decade",
 * "what century", "what era" (not "each year"): a more exact answer's year
 * is enough. */
static bool asks_when(const qprep *qp)
{
	for (size_t i = 0; i < qp->prompt.n_tokens; i++)
		if (key_token_is(&qp->prompt, i, "when"))
			return true;
		else if (i > 0 && (key_token_is(&qp->prompt, i - 1, "what") ||
		                   key_token_is(&qp->prompt, i - 1, "which")) &&
		         (key_token_is(&qp->prompt, i, "year") || key_token_is(&qp->prompt, i, "decade") ||
		          key_token_is(&qp->prompt, i, "century") || key_token_is(&qp->prompt, i, "era") ||
		          key_token_is(&qp->prompt, i, "period")))
			return true;
	return false;
}

/* True when the span's words stand in k one after the other. */
static bool run_in(const norm_key *k, span s)
{
	size_t len;
	const char *p = span_ptr(s, &len);
	for (const char *q = k->text; len && (q = memmem(q, k->len - (size_t)(q - k->text), p, len)); q++) {
		/* Whole words only: "four" is not in "fourth". */
		bool before = q == k->text || q[-1] == ' ';
		bool after = q + len == k->text + k->len || q[len] == ' ';
		if (before && after)
			return true;
	}
	return false;
}

/* True when the first or last word of the span is joined by a hyphen to
 * a word of the answer as shown that the span leaves out: "well" is not a
 * part of "well-known", nor "worst" of "worst-case". */
static bool hyphen_joined(const char *shown, span s)
{
	const norm_key *k = s.key;
	const norm_token *first = &k->tokens[s.first], *last = &k->tokens[s.first + s.count - 1];
	size_t n = strlen(shown);
	for (size_t i = 0; i < n; i++) {
		if (shown[i] != '-')
			continue;
		/* The word before the hyphen ends the span, or the word after it starts it. */
		if (i >= last->len && strncasecmp(shown + i - last->len, k->text + last->start, last->len) == 0 &&
		    (i == last->len || !isalnum((unsigned char)shown[i - last->len - 1])))
			return true;
		if (i + 1 + first->len <= n && strncasecmp(shown + i + 1, k->text + first->start, first->len) == 0 &&
		    !isalnum((unsigned char)shown[i + 1 + first->len])) {
			/* "mid-18th century": the part of the century may go. */
			size_t b = i;
			while (b > 0 && isalpha((unsigned char)shown[b - 1]))
				b--;
			bool precision = false;
			for (size_t w = 0; w < sizeof part_precision / sizeof *part_precision; w++)
				precision |= strlen(part_precision[w]) == i - b &&
				             strncasecmp(shown + b, part_precision[w], i - b) == 0;
			if (!precision)
				return true;
		}
	}
	return false;
}

/* True when the span holds one of the words. */
static bool span_has(span s, const char *const *list, size_t n)
{
	for (size_t j = 0; j < s.count; j++)
		if (token_in(s.key, s.first + j, list, n))
			return true;
	return false;
}

/* True when the words of k from `from` up to `to` are all function words
 * or hedges. */
static bool only_function_words(const norm_key *k, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (!token_in(k, i, part_function_words, sizeof part_function_words / sizeof *part_function_words))
			return false;
	return true;
}

/* True when word d, the first of answer k, only introduces the run of it
 * that was typed (s) and may go without changing what the answer says:
 *   - "between" or "from" before a range typed whole: "2005 and 2010" for
 *     between 2005 and 2010, "1550 to 1900" for from 1550 to 1900;
 *   - a bound at the edge of a span of time, which the typed run names:
 *     "1979" for since 1979, "the 1970s" for by the 1970s, "the age of 16"
 *     for until the age of 16 ("1971" for after 1971 is another time);
 *   - a preposition of place before no value at all: "any terrestrial
 *     distance" for over any terrestrial distance ("18" for over the age of
 *     18 is a bound);
 *   - a bound the question itself says: "the oil shock" for until the oil
 *     shock, asked "until when?". */
static bool leading_word_may_go(const qprep *qp, const norm_key *k, size_t d, span s)
{
	static const char *const ends[] = {"and", "to", "until", "till", "through"};
	static const char *const edges[] = {"by", "since", "until", "till"};
	static const char *const places[] = {"over", "under", "within", "throughout", "across"};
	if (d != 0)
		return false;
	if (key_token_is(k, d, "between") || key_token_is(k, d, "both"))
		return span_has(s, ends, 1);
	if (key_token_is(k, d, "from"))
		return span_has(s, ends, sizeof ends / sizeof *ends);
	if (token_in(k, d, edges, sizeof edges / sizeof *edges))
		return true;
	if (token_in(k, d, places, sizeof places / sizeof *places)) {
		for (size_t i = d + 1; i < k->n_tokens; i++) {
			const norm_token *t = &k->tokens[i];
			if ((t->flags & NORM_TOKEN_DIGIT) || context_is_value_word(k->text + t->start, t->len))
				return false;
		}
		return true;
	}
	const norm_token *t = &k->tokens[d];
	return context_is_bound(k, d) && context_has_word(&qp->prompt, k->text + t->start, t->len);
}

/* A typed answer that is a run of the answer's words, missing only words
 * that add nothing to it: fillers and hedges, words of the question, a head
 * that says what kind of thing it is, and, for "When ...?", anything around
 * the year but another value ("1546" for "early 1546", "1979" for "during
 * the ITV network strike of 1979"). Never a value, an alternative, a second
 * part ("Mercury" for "Mercury and Gemini"), a bound ("1971" for "After
 * 1971", unless leading_word_may_go says it only introduces what was typed)
 * or a word of its own ("younger" for "younger than the fault").
 * After a number, the words that say what was counted may go too ("8-15"
 * for "8-15 per cell").
 * 1 when right, 2 when right because the question takes the year, 3
 * because the number is all there is to it, 0 not. */
static int answer_part(const grader *g, const qprep *qp, span s, const form_list *forms,
                       const form_list *more, const char **shown)
{
	const norm_key *tk = s.key;
	if (!qp || !s.count)
		return 0;
	/* Cheap first: is the typed text a run of some form's words at all? */
	bool found = false;
	for (size_t i = 0; i < forms->count && i < 64 && !found; i++) {
		const norm_key *k = &forms->items[i].key;
		if (k->n_tokens > s.count && k->n_tokens <= 32 && run_in(k, s))
			found = true;
	}
	if (!found)
		return 0;
	/* Asked how many, a word of quantity answers as a number does: "few"
	 * for few British troops, "all" for all missions. */
	static const char *const quantities[] = {"all", "none", "nothing", "few", "half", "twice", "single",
	                                         "infinitely"};
	bool asked_amount = qp->q->kind == QUIZ_TEXT && asks_amount(qp);
	bool has_content = false, has_digit = false, has_value = false;
	for (size_t j = 0; j < s.count; j++) {
		const norm_token *t = &tk->tokens[s.first + j];
		if (t->flags & NORM_TOKEN_DIGIT)
			has_digit = has_value = true;
		if (asked_amount && token_in(tk, s.first + j, quantities, sizeof quantities / sizeof *quantities))
			has_content = has_value = true;
		/* What is kept must say something the question does not: a value
		 * does even when the question names it ("four" for "all four"). */
		number_value nv;
		if (!(t->flags & NORM_TOKEN_DIGIT) && number_parse(tk->text + t->start, t->len, &nv))
			has_content = has_value = true;
		if (!context_is_filler(tk->text + t->start, t->len) &&
		    !token_in(tk, s.first + j, part_heads, sizeof part_heads / sizeof *part_heads) &&
		    !context_has_word(&qp->prompt, tk->text + t->start, t->len))
			has_content = true;
	}
	if (!has_content)
		return 0;
	/* A date question's precision is the date rules' to judge. */
	bool when = has_digit && qp->q->kind == QUIZ_TEXT && asks_when(qp);
	bool amount = has_value && asked_amount;
	for (size_t i = 0; i < forms->count && i < 64; i++) {
		const norm_key *k = &forms->items[i].key;
		if (k->n_tokens <= s.count || k->n_tokens > 32)
			continue;
		for (size_t at = 0; at + s.count <= k->n_tokens; at++) {
			bool same = true;
			for (size_t j = 0; j < s.count && same; j++) {
				const norm_token *a = &tk->tokens[s.first + j], *b = &k->tokens[at + j];
				same = a->len == b->len && memcmp(tk->text + a->start, k->text + b->start, a->len) == 0;
			}
			if (!same)
				continue;
			int verdict = 1;
			/* "every four years": the unit after the number says how often,
			 * and stays. */
			bool how_often = false;
			for (size_t d = 0; d < at && !how_often; d++)
				how_often = key_token_is(k, d, "every") || key_token_is(k, d, "each");
			/* "Half of Paris's population of 100,000", asked how many
			 * died: the value that starts the answer is the part, the
			 * rest says what it is a part of. */
			bool part_of_whole = amount && at == 0 && s.count <= 2 && s.count < k->n_tokens &&
			                     key_token_is(k, s.count, "of");
			for (size_t d = 0; d < k->n_tokens && verdict; d++) {
				if (d >= at && d < at + s.count)
					continue;
				const norm_token *t = &k->tokens[d];
				const char *w = k->text + t->start;
				number_value nv;
				if (d < at && leading_word_may_go(qp, k, d, s))
					continue;
				/* "increased by about 70%", asked how much: "by" says the
				 * amount is what follows. */
				if (amount && d < at && key_token_is(k, d, "by") && only_function_words(k, d + 1, at))
					continue;
				if (part_of_whole && d > at && !key_token_is(k, d, "or") && !key_token_is(k, d, "not") &&
				    !key_token_is(k, d, "no") && !key_token_is(k, d, "but")) {
					verdict = verdict == 1 ? 3 : verdict;
					continue;
				}
				/* An era is part of the value: "1st" is not "1st century BC". */
				if ((t->flags & NORM_TOKEN_DIGIT) || context_is_bound(k, d) ||
				    token_in(k, d, eras, sizeof eras / sizeof *eras) ||
				    key_token_is(k, d, "and") || key_token_is(k, d, "or") || key_token_is(k, d, "nor") ||
				    key_token_is(k, d, "not") || key_token_is(k, d, "no") || key_token_is(k, d, "but") ||
				    as_much_as(k, d) || number_parse(w, t->len, &nv))
					verdict = 0;
				else if ((token_in(k, d, part_function_words,
				                   sizeof part_function_words / sizeof *part_function_words) &&
				          !(d + 1 == k->n_tokens && t->len == 1)) ||
				         token_in(k, d, part_heads, sizeof part_heads / sizeof *part_heads) ||
				         context_has_word(&qp->prompt, w, t->len))
					continue;
				else if (has_digit && when)
					/* "1979" for "during the ITV strike of 1979", "1546"
					 * for "early 1546": the year answers "When ...?". */
					verdict = 2;
				else if (has_value && !how_often && d >= at + s.count && qp->q->kind == QUIZ_TEXT)
					/* "8-15" for "8-15 per cell", "three" for "on three
					 * grounds": the words after a number say what was
					 * counted. */
					verdict = verdict == 1 ? 3 : verdict;
				else if (amount && !context_is_value_word(w, t->len))
					/* "seven" for "core curriculum of seven classes",
					 * asked "how many classes": the words before the
					 * value say what it counts. */
					verdict = verdict == 1 ? 3 : verdict;
				else
					verdict = 0;
			}
			if (!verdict || hyphen_joined(forms->items[i].shown, s))
				break;
			/* Another actor of the bank is that, not a part of this answer.
			 * A name of the article may be the part itself ("Miocene"). */
			if (rival_named(g, s, forms, more, true))
				return 0;
			*shown = forms->items[i].shown;
			return verdict;
		}
	}
	return 0;
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
	for (size_t i = 0; i < forms->count && i < 64; i++)
		if (same_list(s, &forms->items[i].key)) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: the same names, listed another way");
			return;
		}
	if (equal_but_preposition(s, forms, more)) {
		grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
		return;
	}
	if (!grade_negated(k)) {
		const char *whole = NULL;
		int part = answer_part(g, qp, s, forms, more, &whole);
		if (part == 1) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: the answer is %s, and the words left out add nothing to it", whole);
			return;
		}
		if (part == 2) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: the question asks when, and the article says %s", whole);
			return;
		}
		if (part == 3) {
			grade_set_result(out, GRADE_CORRECT, 1, "Right: the number is the article's, %s", whole);
			return;
		}
	}
	if (m.kind == MATCH_RIVAL) {
		form_match_result(&m, out);
		return;
	}
	if (grade_negated(k) && !gold_negated)
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: that says what it is not");
	else
		grade_set_result(out, GRADE_WRONG, 0, "%s", "");
}


/* Which way token i of k says: 1 true, 0 false, -1 neither. */
static int claim_word(const norm_key *k, size_t i)
{
	static const char *const yes[] = {"y", "yes", "true", "t", "correct", "right", "yeah", "yep"};
	static const char *const no[] = {"n", "no", "false", "f", "incorrect", "wrong", "nope"};
	for (size_t w = 0; w < sizeof yes / sizeof *yes; w++)
		if (key_token_is(k, i, yes[w]))
			return 1;
	for (size_t w = 0; w < sizeof no / sizeof *no; w++)
		if (key_token_is(k, i, no[w]))
			return 0;
	return -1;
}

/* Words a reason is built from without saying anything: "it was", "he
 * did", "because". */
static bool claim_filler(const char *w, size_t n)
{
	static const char *const words[] = {
		"it", "its", "was", "were", "is", "are", "be", "been", "he", "she", "they", "him", "her",
		"them", "his", "their", "this", "that", "there", "the", "a", "an", "of", "in", "on", "at",
		"to", "by", "for", "with", "and", "because", "since", "so", "as", "did", "does", "do",
		"has", "have", "had", "actually", "really", "fact", "said", "says", "no", "not", "yes",
		"only", "just", "also", "who", "which", "what", "one", "none", "wrong", "right",
		"mistaken", "true", "false", "correct", "incorrect",
	};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
			return true;
	return false;
}

/* True when the words of span s stand in key k, one after the other. */
static bool span_in(span s, const norm_key *k)
{
	size_t len;
	const char *p = span_compact(s, &len);
	return k && k->compact && len && memmem(k->compact, k->compact_len, p, len) != NULL;
}

/* A verdict with a reason: "True, she left office in 2011", "No, it was
 * the Water Quality Commission". The verdict decides; a reason that names
 * a number or an actor of the bank that the article does not give here
 * (the correction of a false claim, or the question and its passage) makes
 * a right verdict wrong. */
void grade_claim(const grader *g, const qprep *qp, const norm_key *k, grade_result *out)
{
	const quiz_question *q = qp->q;
	size_t at = 0;
	/* "it's true", "that is false". */
	while (at + 1 < k->n_tokens && at < 2 && claim_word(k, at) < 0 &&
	       (key_token_is(k, at, "its") || key_token_is(k, at, "it") ||
	        key_token_is(k, at, "thats") || key_token_is(k, at, "that") ||
	        key_token_is(k, at, "is")))
		at++;
	int said = k->n_tokens ? claim_word(k, at) : -1;
	/* "not true", "untrue", "not correct". */
	if (said < 0 && key_token_is(k, at, "untrue"))
		said = 0;
	if (said < 0 && at + 1 < k->n_tokens && key_token_is(k, at, "not") && claim_word(k, at + 1) >= 0) {
		said = !claim_word(k, at + 1);
		at++;
	}
	if (said < 0 || (k->n_tokens > 1 && at == 0 && k->n_tokens == 2 && claim_word(k, 1) >= 0 &&
	                 claim_word(k, 1) != said)) {
		grade_set_result(out, GRADE_AMBIGUOUS, 0, "answer true or false");
		return;
	}
	if ((said == 1) != q->claim.truth) {
		grade_set_result(out, GRADE_WRONG, 0, "%s", "");
		return;
	}
	if (at + 1 >= k->n_tokens) {
		grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
		return;
	}
	span reason = {k, at + 1, k->n_tokens - at - 1};
	norm_work corr;
	norm_work_init(&corr);
	const norm_key *ck = NULL;
	if (q->claim.correction && norm_work_set(&corr, q->claim.correction, strlen(q->claim.correction), 0, 0))
		ck = &corr.key;
	bool agrees = true;
	/* A true claim's reason does not take it back, unless the claim is
	 * itself negative ("there are no level crossings"). */
	if (q->claim.truth && grade_negated(k) && !grade_negated(&qp->prompt))
		agrees = false;
	/* The reason's own words must come from what the article says: the
	 * correction of a false claim, or the claim and its passage. At least
	 * half of them: "it was a sponge" is not the correction's "a chemical
	 * precipitate". */
	size_t content = 0, found = 0;
	for (size_t i = reason.first; i < k->n_tokens; i++) {
		const norm_token *t = &k->tokens[i];
		const char *w = k->text + t->start;
		if (claim_filler(w, t->len))
			continue;
		content++;
		if ((ck && context_has_word(ck, w, t->len)) || context_has_word(&qp->passage, w, t->len) ||
		    (q->claim.truth && context_has_word(&qp->prompt, w, t->len)))
			found++;
	}
	if (content && found * 2 < content)
		agrees = false;
	for (size_t i = reason.first; i < k->n_tokens && agrees; i++) {
		const norm_token *t = &k->tokens[i];
		if (!(t->flags & NORM_TOKEN_DIGIT))
			continue;
		const char *w = k->text + t->start;
		agrees = context_has_word(&qp->prompt, w, t->len) ||
		         context_has_word(&qp->passage, w, t->len) || (ck && context_has_word(ck, w, t->len));
	}
	for (size_t i = reason.first; i < k->n_tokens && agrees; i++)
		for (size_t n = 1; i + n <= k->n_tokens && n <= 4 && agrees; n++) {
			span sp = {k, i, n};
			if (!rival_named(g, sp, NULL, NULL, true))
				continue;
			/* A false claim is answered by its correction; a true one by
			 * its own words. */
			agrees = q->claim.truth ? span_in(sp, &qp->prompt) || span_in(sp, &qp->passage)
			                        : ck ? span_in(sp, ck) : span_in(sp, &qp->passage);
		}
	norm_work_release(&corr);
	if (agrees)
		grade_set_result(out, GRADE_CORRECT, 1, "Right, and the reason agrees with the article");
	else
		grade_set_result(out, GRADE_WRONG, 0, "Wrong: the verdict is right, but not the reason");
}
