/* grade_context.c - the words around an answer: hedges, the question's and the passage's words, the article's names */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "grade_impl.h"
#include "util.h"

/* A student writes a right value inside a few words of context: "around
 * 1998", "She left office in 2011", "the Yangtze delta", "the summit in
 * Geneva, Switzerland". Words are harmless when they are hedges or fillers,
 * words of the question, or words of the paragraph the question's `source`
 * quotes; the answer is then graded without them. They are not harmless
 * when they add another value (every number stays), another of the bank's
 * actors, an alternative ("or", "and"), a negation, or a bound ("before",
 * "more than") that the passage does not use itself. */

static uint64_t word_hash(const char *w, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)w[i];
		h *= 0x100000001b3ULL;
	}
	return h ? h : 1;
}

static bool word_is(const char *w, size_t n, const char *const *list, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (list[i][0] == w[0] && strlen(list[i]) == n && memcmp(list[i], w, n) == 0)
			return true;
	return false;
}

#define WORD_IS(w, n, list) word_is(w, n, list, sizeof list / sizeof *list)

/* Words that say how sure or how exact, and words that only hold a
 * sentence together. */
static const char *const fillers[] = {
	"about", "around", "approximately", "approx", "roughly", "circa", "ca", "some", "nearly",
	"almost", "estimated", "an", "a", "the", "in", "on", "at", "during", "of", "it", "its",
	"was", "were", "is", "are", "be", "been", "he", "she", "they", "him", "her", "them", "his",
	"their", "this", "that", "there", "then", "so", "just", "exactly", "precisely", "only",
	"did", "does", "do", "has", "have", "had", "i", "think", "believe", "probably", "year",
	"ad", "ce", "called", "named", "known", "as", "which", "who", "where", "when", "with",
	"near",
};

/* Words after which a past participle says what was done. */
static const char *const auxiliaries[] = {"was", "were", "been", "got"};

/* Words that offer another answer, or take this one back. */
static const char *const alternatives[] = {
	"or", "nor", "either", "neither", "versus", "vs", "except", "not", "no", "never",
	"instead", "rather", "unlike", "but",
};

/* Words that make a value a bound or a range. */
static const char *const bounds[] = {
	"before", "after", "since", "until", "till", "by", "between", "more", "less", "fewer",
	"over", "under", "least", "most", "than", "above", "below", "beyond", "within", "up",
	"upwards", "exceeding", "excess", "prior", "later", "earlier", "greater",
};

/* Month and number words: part of a value, never context. */
static const char *const value_words[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
	"sept", "oct", "nov", "dec", "one", "two", "three", "four", "five", "six", "seven",
	"eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	"seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
	"seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "trillion",
	"dozen", "half", "pair", "couple", "quarter", "first", "second", "third", "bn", "m", "k",
	"halves", "thirds", "quarters", "fourth", "fourths", "fifth", "fifths", "sixth", "sixths",
	"eighth", "eighths", "tenth", "tenths",
};

bool context_is_value_word(const char *w, size_t n)
{
	return n && WORD_IS(w, n, value_words);
}

bool context_is_filler(const char *w, size_t n)
{
	return n && WORD_IS(w, n, fillers);
}

bool context_is_bound(const norm_key *k, size_t i)
{
	const norm_token *t = &k->tokens[i];
	return WORD_IS(k->text + t->start, t->len, bounds);
}

/* Bounds that say the same: "over 4,700" and "more than 4,700". */
static int bound_class(const char *w, size_t n)
{
	static const char *const more[] = {"more", "over", "above", "exceeding", "excess",
	                                   "upwards", "greater", "beyond"};
	static const char *const less[] = {"less", "fewer", "under", "below"};
	static const char *const before[] = {"before", "prior", "earlier", "until", "till", "by"};
	static const char *const after[] = {"after", "since", "later"};
	if (WORD_IS(w, n, more))
		return 1;
	if (WORD_IS(w, n, less))
		return 2;
	if (WORD_IS(w, n, before))
		return 3;
	if (WORD_IS(w, n, after))
		return 4;
	return 0;
}

/* The first token of k from `from` that says the same bound as class c
 * (or is w itself); k->n_tokens when none. */
static size_t bound_at(const norm_key *k, size_t from, const char *w, size_t n, int c)
{
	for (size_t i = from; k && i < k->n_tokens; i++) {
		const norm_token *t = &k->tokens[i];
		const char *kw = k->text + t->start;
		if ((t->len == n && memcmp(kw, w, n) == 0) || (c && bound_class(kw, t->len) == c))
			return i;
	}
	return k ? k->n_tokens : 0;
}

bool context_bound_founded(const qprep *qp, const char *w, size_t n, double value, double scaled)
{
	int c = bound_class(w, n);
	/* The question or the answer as shown frames it: "More than how many
	 * species ...?" */
	if (bound_at(&qp->prompt, 0, w, n, c) < qp->prompt.n_tokens ||
	    bound_at(&qp->shown, 0, w, n, c) < qp->shown.n_tokens)
		return true;
	const norm_key *k = &qp->passage;
	for (size_t i = bound_at(k, 0, w, n, c); i < k->n_tokens; i = bound_at(k, i + 1, w, n, c)) {
		/* The value within the next few words: "more than 1 million". */
		for (size_t j = i + 1; j < k->n_tokens && j <= i + 4; j++) {
			if (!(k->tokens[j].flags & NORM_TOKEN_DIGIT))
				continue;
			for (size_t len = 3; len >= 1; len--) {
				if (j + len > k->n_tokens)
					continue;
				const norm_token *e = &k->tokens[j + len - 1];
				number_value nv;
				const char *from = k->text + k->tokens[j].start;
				if (number_parse(from, (size_t)(k->text + e->start + e->len - from), &nv) &&
				    (nv.value == value || nv.value == scaled))
					return true;
			}
			break;
		}
	}
	return false;
}

/* True when the question itself puts bound w before the answer: "... stable
 * until when?" for "until the oil shock", and "How long has it been ...?"
 * for "since 1951". */
static bool bound_asked(const qprep *qp, const char *w, size_t n)
{
	const norm_key *p = &qp->prompt;
	if (bound_at(p, 0, w, n, bound_class(w, n)) < p->n_tokens)
		return true;
	if (n != 5 || memcmp(w, "since", 5) != 0)
		return false;
	for (size_t i = 0; i + 2 < p->n_tokens; i++)
		if (key_token_is(p, i, "how") && key_token_is(p, i + 1, "long") &&
		    (key_token_is(p, i + 2, "has") || key_token_is(p, i + 2, "have") ||
		     key_token_is(p, i + 2, "had")))
			return true;
	return false;
}

/* The length of a word without an ending that only inflects it:
 * "opened", "opening", "opens" -> "open". */
static size_t stem_len(const char *w, size_t n)
{
	if (n > 5 && memcmp(w + n - 3, "ing", 3) == 0)
		return n - 3;
	if (n > 4 && memcmp(w + n - 2, "ed", 2) == 0)
		return n - 2;
	if (n > 4 && memcmp(w + n - 2, "es", 2) == 0)
		return n - 2;
	if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
		return n - 1;
	return n;
}

bool context_has_word(const norm_key *k, const char *w, size_t n)
{
	if (!k || !n)
		return false;
	size_t ws = stem_len(w, n);
	for (size_t i = 0; i < k->n_tokens; i++) {
		const norm_token *t = &k->tokens[i];
		const char *kw = k->text + t->start;
		if (kw[0] != w[0])
			continue;
		if (t->len == n && memcmp(kw, w, n) == 0)
			return true;
		size_t ks = stem_len(kw, t->len);
		if (ks == ws && ws >= 3 && memcmp(kw, w, ws) == 0)
			return true;
		/* A plural s either side: "operations", "operation". */
		if ((t->len == n + 1 && kw[n] == 's' && memcmp(kw, w, n) == 0) ||
		    (n == t->len + 1 && w[t->len] == 's' && memcmp(kw, w, t->len) == 0))
			return true;
	}
	return false;
}

/* ------------------------------------------------------------------------
 * The article's names.
 */

static void name_word_add(grader *g, const char *w, size_t n)
{
	uint64_t h = word_hash(w, n);
	size_t mask = g->name_words_cap - 1, i = h & mask;
	while (g->name_words[i] && g->name_words[i] != h)
		i = (i + 1) & mask;
	g->name_words[i] = h;
}

static int hash_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

bool context_after_the(const grader *g, const char *w, size_t n)
{
	uint64_t h = word_hash(w, n);
	size_t lo = 0, hi = g->n_after_the;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (g->after_the[mid] < h)
			lo = mid + 1;
		else if (g->after_the[mid] > h)
			hi = mid;
		else
			return true;
	}
	return false;
}

bool context_is_name_word(const grader *g, const char *w, size_t n)
{
	if (!g->name_words_cap)
		return false;
	uint64_t h = word_hash(w, n);
	size_t mask = g->name_words_cap - 1;
	for (size_t i = h & mask; g->name_words[i]; i = (i + 1) & mask)
		if (g->name_words[i] == h)
			return true;
	return false;
}

/* Capitalised words that begin sentences without being names. */
static const char *const sentence_words[] = {
	"the", "a", "an", "in", "on", "at", "it", "its", "this", "that", "these", "those", "he",
	"she", "they", "we", "i", "you", "his", "her", "their", "our", "after", "before", "when",
	"while", "under", "by", "for", "from", "with", "as", "but", "and", "or", "if", "since",
	"until", "although", "however", "there", "here", "during", "of", "to", "some", "many",
	"most", "all", "both", "each", "one", "two", "three", "what", "who", "which", "why",
	"how", "where", "not", "no", "yes", "true", "false", "also", "then", "so", "thus",
};

static void add_run(grader *g, const char *s, size_t n, size_t *cap)
{
	if (!n)
		return;
	if (g->n_names == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		norm_key *names = arena_alloc(g->arena, *cap * sizeof *names);
		if (g->n_names)
			memcpy(names, g->names, g->n_names * sizeof *names);
		g->names = names;
	}
	char *text = arena_strndup(g->arena, s, n);
	if (norm_key_in_arena(g->arena, text, 0, &g->names[g->n_names]) &&
	    g->names[g->n_names].n_tokens)
		g->n_names++;
}

/* Reads the runs of capitalised words of one paragraph: "Geneva Summit",
 * "International Lake Basin Commission", "River Lei". */
static void after_the_add(grader *g, const char *w, size_t n, size_t *cap)
{
	if (g->n_after_the == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		g->after_the = xrealloc(g->after_the, *cap * sizeof *g->after_the);
	}
	g->after_the[g->n_after_the++] = word_hash(w, n);
}

static void scan_names(grader *g, const char *p, size_t len, size_t *cap, size_t *the_cap)
{
	size_t i = 0, run_start = 0, run_end = 0;
	bool in_run = false, after_the = false;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)p + i,
		                                      (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0) {
			i++;
			continue;
		}
		utf8proc_category_t cat = utf8proc_category(cp);
		bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
		if (!letter) {
			/* Spaces continue a run; anything else ends it. */
			if (cp != ' ' && in_run) {
				add_run(g, p + run_start, run_end - run_start, cap);
				in_run = false;
			}
			i += (size_t)n;
			continue;
		}
		size_t start = i;
		bool upper = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
		while (i < len) {
			utf8proc_int32_t c2;
			utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)p + i,
			                                      (utf8proc_ssize_t)(len - i), &c2);
			if (m <= 0)
				break;
			utf8proc_category_t k = utf8proc_category(c2);
			if (!((k >= UTF8PROC_CATEGORY_LU && k <= UTF8PROC_CATEGORY_ME) ||
			      (k == UTF8PROC_CATEGORY_ND)))
				break;
			i += (size_t)m;
		}
		size_t wl = i - start;
		char low[32];
		bool stop = false;
		if (wl < sizeof low) {
			for (size_t j = 0; j < wl; j++)
				low[j] = (char)(p[start + j] >= 'A' && p[start + j] <= 'Z' ? p[start + j] + 32
				                                                           : p[start + j]);
			stop = WORD_IS(low, wl, sentence_words);
		}
		bool was_the = after_the;
		after_the = wl == 3 && (p[start] == 't' || p[start] == 'T') && p[start + 1] == 'h' &&
		            p[start + 2] == 'e';
		if (upper && !stop && was_the && wl < sizeof low) {
			/* Folded as keys are: lower case ASCII. */
			char folded[32];
			for (size_t j = 0; j < wl; j++)
				folded[j] = (char)(p[start + j] >= 'A' && p[start + j] <= 'Z' ? p[start + j] + 32
				                                                              : p[start + j]);
			after_the_add(g, folded, wl, the_cap);
		}
		if (upper && !stop) {
			if (!in_run) {
				in_run = true;
				run_start = start;
			}
			run_end = i;
		} else if (in_run && !(wl == 2 && memcmp(p + start, "of", 2) == 0)) {
			add_run(g, p + run_start, run_end - run_start, cap);
			in_run = false;
		}
		/* A possessive ends a name: "Norland's foreign minister". */
		if (in_run && i + 1 < len && (p[i] == '\'' ) && p[i + 1] == 's') {
			add_run(g, p + run_start, run_end - run_start, cap);
			in_run = false;
		}
	}
	if (in_run)
		add_run(g, p + run_start, run_end - run_start, cap);
}

void context_prepare_article(grader *g)
{
	const article *a = quiz_article(g->q);
	if (!a)
		return;
	size_t cap = 0, the_cap = 0;
	for (size_t i = 0; i < article_paragraph_count(a); i++) {
		const article_paragraph *p = article_paragraph_at(a, i);
		if (p && p->text)
			scan_names(g, p->text, p->len, &cap, &the_cap);
	}
	if (g->n_after_the)
		qsort(g->after_the, g->n_after_the, sizeof *g->after_the, hash_cmp);
	size_t words = 0;
	for (size_t i = 0; i < g->n_names; i++)
		words += g->names[i].n_tokens;
	if (!words)
		return;
	size_t n = 64;
	while (n < words * 2)
		n *= 2;
	g->name_words = arena_alloc(g->arena, n * sizeof *g->name_words);
	memset(g->name_words, 0, n * sizeof *g->name_words);
	g->name_words_cap = n;
	for (size_t i = 0; i < g->n_names; i++) {
		const norm_key *k = &g->names[i];
		for (size_t t = 0; t < k->n_tokens; t++)
			name_word_add(g, k->text + k->tokens[t].start, k->tokens[t].len);
	}
}

void context_prepare_question(grader *g, qprep *qp)
{
	const quiz_question *q = qp->q;
	if (q->prompt)
		norm_key_in_arena(g->arena, q->prompt, 0, &qp->prompt);
	if (q->answer_text)
		norm_key_in_arena(g->arena, q->answer_text, 0, &qp->shown);
	const article *a = quiz_article(g->q);
	if (a && q->source.paragraph > 0 &&
	    (size_t)q->source.paragraph <= article_paragraph_count(a)) {
		/* Questions that quote one paragraph share its key; a grader made
		 * for one question on the fly has none of its own. */
		size_t pi = (size_t)q->source.paragraph - 1;
		if (g->parent) {
			/* Never change the grader a grade is asked of. */
			const norm_key *known = g->parent->passages ? g->parent->passages[pi] : NULL;
			const article_paragraph *p = article_paragraph_at(a, pi);
			if (known)
				qp->passage = *known;
			else if (p && p->text && p->len)
				norm_key_in_arena(g->arena, arena_strndup(g->arena, p->text, p->len), 0,
				                  &qp->passage);
			return;
		}
		grader *owner = g;
		if (!owner->passages) {
			owner->n_passages = article_paragraph_count(a);
			owner->passages = arena_alloc(owner->arena, owner->n_passages * sizeof *owner->passages);
			memset(owner->passages, 0, owner->n_passages * sizeof *owner->passages);
		}
		if (!owner->passages[pi]) {
			const article_paragraph *p = article_paragraph_at(a, pi);
			norm_key *k = arena_alloc(owner->arena, sizeof *k);
			memset(k, 0, sizeof *k);
			if (p && p->text && p->len)
				norm_key_in_arena(owner->arena, arena_strndup(owner->arena, p->text, p->len), 0, k);
			owner->passages[pi] = k;
		}
		qp->passage = *owner->passages[pi];
	} else if (q->source.quote && *q->source.quote) {
		norm_key_in_arena(g->arena, q->source.quote, 0, &qp->passage);
	}
}

/* ------------------------------------------------------------------------
 * The rule.
 */

/* True when word w is in one of the question's own forms. */
static bool in_answer(const qprep *qp, const char *w, size_t n)
{
	const form_list *lists[2] = {&qp->answers, qp->actor ? &qp->actor->forms : NULL};
	for (int l = 0; l < 2; l++)
		for (size_t i = 0; lists[l] && i < lists[l]->count && i < 64; i++)
			if (context_has_word(&lists[l]->items[i].key, w, n))
				return true;
	/* The answer as shown: "more than 5 billion euros". */
	if (context_has_word(&qp->shown, w, n))
		return true;
	return false;
}

/* True when typed tokens first..last stand in a row in p, as the article or
 * the question writes them: "more than 10,000 m2", "19 of 28", "by 2016". */
static bool key_run(const norm_key *p, const norm_key *k, size_t first, size_t last)
{
	size_t n = last - first + 1;
	for (size_t i = 0; i + n <= p->n_tokens; i++) {
		size_t j = 0;
		while (j < n && p->tokens[i + j].len == k->tokens[first + j].len &&
		       memcmp(p->text + p->tokens[i + j].start, k->text + k->tokens[first + j].start,
		              k->tokens[first + j].len) == 0)
			j++;
		if (j == n)
			return true;
	}
	return false;
}

/* True when typed token i is a negation that "until" or "till" follows
 * within six words: "was not founded until 1784", "did not get a licence
 * of its own until 1965". */
static bool not_until_at(const norm_key *k, size_t i)
{
	norm_key one = *k;
	one.tokens = k->tokens + i;
	one.n_tokens = 1;
	if (!grade_negated(&one))
		return false;
	for (size_t j = i + 1; j < k->n_tokens && j <= i + 6; j++)
		if (key_token_is(k, j, "until") || key_token_is(k, j, "till"))
			return true;
	return false;
}

/* True when a negation stands within six words before typed token i. */
static bool not_before(const norm_key *k, size_t i)
{
	for (size_t j = i >= 6 ? i - 6 : 0; j < i; j++)
		if (not_until_at(k, j))
			return true;
	return false;
}

/* True when every negation in k is the "not ... until" of a time. */
static bool only_not_until(const norm_key *k)
{
	for (size_t i = 0; i < k->n_tokens; i++) {
		norm_key one = *k;
		one.tokens = k->tokens + i;
		one.n_tokens = 1;
		if (grade_negated(&one) && !not_until_at(k, i))
			return false;
	}
	return true;
}

/* True when the number at typed token i, after the value, is the article's
 * or the question's and not another answer: the total in "19 of 28 newly
 * approved drugs" or "five of the remaining six missions" as the passage
 * puts it, or the "by 2016" the question asks about. */
static bool context_aside(const qprep *qp, const norm_key *k, const bool *keep, size_t i)
{
	if (qp->q->kind != QUIZ_NUMBER)
		return false;
	if (i > 0 && key_run(&qp->prompt, k, i - 1, i))
		return true;
	size_t v = i;
	while (v > 0 && !keep[v - 1])
		v--;
	if (v == 0)
		return false;
	v--;
	bool of = false;
	for (size_t j = v + 1; j < i; j++)
		of = of || key_token_is(k, j, "of") || key_token_is(k, j, "in");
	return of && i - v <= 6 && key_run(&qp->passage, k, v, i);
}

/* True when a bound typed before the answer is the passage's own: the
 * typed words from the bound to the answer's first word stand so in the
 * passage ("more than 10,000 m2", "over the winter of 1973-74"). */
static bool bound_in_passage(const qprep *qp, const norm_key *k, size_t i)
{
	bool value = qp->q->kind == QUIZ_DATE || qp->q->kind == QUIZ_NUMBER;
	for (size_t j = i + 1; j < k->n_tokens && j <= i + 4; j++) {
		const char *w = k->text + k->tokens[j].start;
		size_t n = k->tokens[j].len;
		bool starts = (k->tokens[j].flags & NORM_TOKEN_DIGIT) ||
		              (value ? WORD_IS(w, n, value_words) : in_answer(qp, w, n) && !WORD_IS(w, n, fillers));
		if (starts)
			return key_run(&qp->passage, k, i, j);
	}
	return false;
}

/* True when the typed unit's first word starts a word of the bank's unit:
 * "miles" in "nautical miles" (a shorter name of it, not another unit). */
static bool unit_within(const char *bank, const char *typed)
{
	size_t n = strcspn(typed, " ");
	if (n > 1 && typed[n - 1] == 's')
		n--;
	for (const char *p = bank; n && *p; p++)
		if ((p == bank || p[-1] == ' ') && strncasecmp(p, typed, n) == 0)
			return true;
	return false;
}

/* True when word w is a unit of the table other than the bank's. */
static bool another_unit(const char *bank, const char *w, size_t n)
{
	char word[24];
	memcpy(word, w, n);
	word[n] = '\0';
	return number_unit_known(word) && !unit_within(bank, word) &&
	       number_unit_compare(bank, word) == NUMBER_UNIT_DIFFERENT;
}

bool context_grade(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	const quiz_question *q = qp->q;
	if (q->kind != QUIZ_DATE && q->kind != QUIZ_NUMBER && q->kind != QUIZ_ACTOR &&
	    q->kind != QUIZ_TEXT)
		return false;
	const norm_key *k = typed_whole(t);
	if (k->n_tokens < 2 || k->n_tokens > 16)
		return false;
	bool gold_and = in_answer(qp, "and", 3);
	if (grade_negated(k) && !in_answer(qp, "not", 3) && !only_not_until(k))
		return false;
	bool value = q->kind == QUIZ_DATE || q->kind == QUIZ_NUMBER;

	bool keep[16];
	bool from_text = false;   /* a word of the question or the passage went */
	bool sentence = false;    /* the student's own verb went */
	size_t kept = 0;
	for (size_t i = 0; i < k->n_tokens; i++) {
		const norm_token *tk = &k->tokens[i];
		const char *w = k->text + tk->start;
		size_t n = tk->len;
		keep[i] = true;
		/* "in 1992 with the 300 Series": around a date, a number the
		 * passage gives beside it is context; a year is never. */
		if ((tk->flags & NORM_TOKEN_DIGIT) && q->kind == QUIZ_DATE && kept && n < 4 &&
		    context_has_word(&qp->passage, w, n) && i + 1 < k->n_tokens &&
		    !(k->tokens[i + 1].flags & NORM_TOKEN_DIGIT) &&
		    context_has_word(&qp->passage, k->text + k->tokens[i + 1].start, k->tokens[i + 1].len)) {
			keep[i] = false;
			from_text = true;
			continue;
		}
		bool digit = tk->flags & NORM_TOKEN_DIGIT;
		if (value && kept && (digit || WORD_IS(w, n, value_words)) && context_aside(qp, k, keep, i)) {
			keep[i] = false;
			from_text = true;
			continue;
		}
		if (digit) {
			kept++;
			continue;
		}
		/* "a third" and "a dozen" are values; the "a" of "a lump sum
		 * payment of $216,000" is not. */
		bool article_word = (n == 1 && w[0] == 'a') || (n == 2 && memcmp(w, "an", 2) == 0);
		if (value && article_word && i + 1 < k->n_tokens &&
		    !(k->tokens[i + 1].flags & NORM_TOKEN_DIGIT) &&
		    !WORD_IS(k->text + k->tokens[i + 1].start, k->tokens[i + 1].len, value_words)) {
			keep[i] = false;
			continue;
		}
		if (value && (WORD_IS(w, n, value_words) || article_word)) {
			kept++;
			continue;
		}
		if (!value && in_answer(qp, w, n)) {
			kept++;
			continue;
		}
		/* "it was not founded until 1784" says when, like "in 1784". */
		if (value && not_until_at(k, i)) {
			keep[i] = false;
			sentence = true;
			continue;
		}
		if (value && i > 0 && (key_token_is(k, i, "until") || key_token_is(k, i, "till")) &&
		    !keep[i - 1] && not_before(k, i)) {
			keep[i] = false;
			continue;
		}
		if (WORD_IS(w, n, alternatives))
			return false;
		if ((n == 3 && memcmp(w, "and", 3) == 0) && !gold_and)
			return false;
		if (WORD_IS(w, n, bounds) && kept) {
			/* After the value it starts a clause: "1964, before the
			 * Olympics". */
			keep[i] = false;
			continue;
		}
		if (WORD_IS(w, n, bounds)) {
			/* "by 2019" where the passage says "By 2019". */
			double v = q->kind == QUIZ_DATE ? q->date.year : q->kind == QUIZ_NUMBER ? q->number.value : -1;
			if (!in_answer(qp, w, n) && !(v >= 0 && context_bound_founded(qp, w, n, v, v)) &&
			    !bound_asked(qp, w, n) && !bound_in_passage(qp, k, i))
				return false;
			keep[i] = false;
			continue;
		}
		if (WORD_IS(w, n, fillers)) {
			keep[i] = false;
			continue;
		}
		if (context_has_word(&qp->prompt, w, n) || context_has_word(&qp->passage, w, n)) {
			/* "68,890 km" for nautical miles: a unit the article uses
			 * elsewhere is still another unit, never context. */
			if (q->kind == QUIZ_NUMBER && q->number.unit && n < 24 && another_unit(q->number.unit, w, n))
				return false;
			keep[i] = false;
			from_text = true;
			continue;
		}
		/* "it was finished in 1895": before a date, the one word after
		 * "was" is the student's verb, not another value or name. */
		if (q->kind == QUIZ_DATE && !kept && i > 0 && i + 1 < k->n_tokens &&
		    WORD_IS(k->text + k->tokens[i - 1].start, k->tokens[i - 1].len, auxiliaries) &&
		    !context_is_name_word(g, w, n)) {
			keep[i] = false;
			sentence = true;
			continue;
		}
		kept++;
	}
	if (kept == 0 || kept == k->n_tokens)
		return false;
	/* What is left is one run of the typed words: "the wife of Antony
	 * Blinken" is not Antony Blinken. */
	size_t first = 0, last = k->n_tokens - 1;
	while (!keep[first])
		first++;
	while (!keep[last])
		last--;
	for (size_t i = first; i <= last; i++) {
		if (keep[i])
			continue;
		/* Past the gap only fillers that the answer happens to hold may
		 * stand: the "in" of "one in five of all the species in the
		 * world". */
		for (size_t j = i; j <= last; j++)
			if (keep[j] && !WORD_IS(k->text + k->tokens[j].start, k->tokens[j].len, fillers))
				return false;
		for (size_t j = i; j <= last; j++)
			keep[j] = false;
		last = i - 1;
		break;
	}
	/* The words that went must not name another of the bank's actors, when
	 * an actor could be the answer: "the Panthers, Denver Broncos". (Around
	 * a date or a number an actor is only context: "1998, during the
	 * Geneva Summit".) */
	const form_list *own = qp->actor ? &qp->actor->forms : &qp->answers;
	for (size_t i = 0; !value && i < k->n_tokens;) {
		if (keep[i]) {
			i++;
			continue;
		}
		size_t j = i;
		bool asked = true;   /* the question's own words: "how much time" */
		while (j < k->n_tokens && !keep[j]) {
			asked = asked && context_has_word(&qp->prompt, k->text + k->tokens[j].start,
			                                  k->tokens[j].len);
			j++;
		}
		if (!asked && rival_mentions_actor(g, (span){k, i, j - i}, own, &qp->answers))
			return false;
		i = j;
	}
	char small[256];
	char *core_text = k->len < sizeof small ? small : xmalloc(k->len + 1);
	size_t bl = 0;
	for (size_t i = 0; i < k->n_tokens; i++) {
		if (!keep[i])
			continue;
		if (bl)
			core_text[bl++] = ' ';
		memcpy(core_text + bl, k->text + k->tokens[i].start, k->tokens[i].len);
		bl += k->tokens[i].len;
	}
	core_text[bl] = '\0';
	typed_answer core;
	typed_init(&core);
	grade_result r;
	bool decided = false;
	if (typed_set(&core, core_text, bl) && core.w.key.n_tokens) {
		core.context_trimmed = true;
		grade_kind(g, qp, &core, &r);
		/* A word next to the name that makes it another name of the
		 * article: "North Harbour" is not short for the Harbour Wolves. */
		if (grade_verdict_accepted(r.verdict) && qp->actor &&
		    ((first > 0 && name_of_another(g, qp->actor, (span){k, first - 1, last - first + 2})) ||
		     (last + 1 < k->n_tokens && name_of_another(g, qp->actor, (span){k, first, last - first + 2}))))
			r.verdict = GRADE_WRONG;
		if (grade_verdict_accepted(r.verdict)) {
			*out = r;
			if (!out->note[0] && sentence)
				grade_set_result(out, r.verdict, r.credit,
				                 "Right: the date is right; the other words only make a sentence of it");
			else if (!out->note[0] && from_text)
				grade_set_result(out, r.verdict, r.credit,
				                 "Right: the other words are the question's or the article's");
			decided = true;
		}
	}
	typed_release(&core);
	if (core_text != small)
		free(core_text);
	return decided;
}

bool context_clause(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	const quiz_question *q = qp->q;
	if (q->kind != QUIZ_DATE && q->kind != QUIZ_NUMBER && q->kind != QUIZ_TEXT)
		return false;
	const char *comma = memchr(t->raw, ',', t->raw_len);
	/* "2,000" is a number, not a clause. */
	while (comma && comma + 1 < t->raw + t->raw_len && comma[1] >= '0' && comma[1] <= '9' &&
	       comma > t->raw && comma[-1] >= '0' && comma[-1] <= '9')
		comma = memchr(comma + 1, ',', (size_t)(t->raw + t->raw_len - comma - 1));
	/* "6 feet 2 inches (1.88 m)": a closing bracket is read as a clause. */
	bool bracket = false;
	if (!comma) {
		const char *open = memchr(t->raw, '(', t->raw_len);
		if (!open)
			open = memchr(t->raw, '[', t->raw_len);
		const char *end = t->raw + t->raw_len;
		while (end > t->raw && (end[-1] == ' ' || end[-1] == '.'))
			end--;
		if (open && open > t->raw && end > open && (end[-1] == ')' || end[-1] == ']') &&
		    !memchr(open + 1, '(', (size_t)(end - open - 1)) &&
		    !memchr(open + 1, '[', (size_t)(end - open - 1))) {
			comma = open;
			bracket = true;
		}
	}
	if (!comma || comma == t->raw)
		return false;
	typed_answer head, tail;
	typed_init(&head);
	typed_init(&tail);
	bool decided = false;
	if (!typed_set(&head, t->raw, (size_t)(comma - t->raw)) || !head.w.key.n_tokens ||
	    !typed_set(&tail, comma + 1, (size_t)(t->raw + t->raw_len - comma - 1)))
		goto out;
	const norm_key *k = &tail.w.key;
	if (k->n_tokens > 12 || grade_negated(k))
		goto out;
	for (size_t i = 0; i < k->n_tokens; i++) {
		const norm_token *tk = &k->tokens[i];
		const char *w = k->text + tk->start;
		if (WORD_IS(w, tk->len, alternatives))
			goto out;
		if (!(tk->flags & NORM_TOKEN_DIGIT))
			continue;
		/* Numbers after the comma only restate the article ("4,475
		 * fathoms, about 8,180 metres"), and never give another year. */
		if (!context_has_word(&qp->passage, w, tk->len) && !context_has_word(&qp->prompt, w, tk->len))
			goto out;
		if (q->kind == QUIZ_DATE && tk->len == 4 && atoi(w) >= 1000 && atoi(w) != q->date.year)
			goto out;
	}
	grade_result r;
	grade_kind(g, qp, &head, &r);
	if (grade_verdict_accepted(r.verdict)) {
		*out = r;
		if (!out->note[0])
			grade_set_result(out, r.verdict, r.credit,
			                 bracket ? "Right: the words in brackets only add what the article says"
			                         : "Right: the words after the comma only add what the article says");
		decided = true;
	}
out:
	typed_release(&head);
	typed_release(&tail);
	return decided;
}
