/* grade_rival.c - the rival guard: everything else the bank names, so that a slip is not forgiven towards it */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grade_impl.h"
#include "util.h"

/* ------------------------------------------------------------------------
 * Rivals: everything else the bank names.
 */

typedef struct {
	rival *items;
	size_t count, cap;
} rival_list;

static size_t key_chars(const norm_key *k)
{
	size_t n = k->n_tokens ? k->n_tokens - 1 : 0;
	for (size_t i = 0; i < k->n_tokens; i++)
		n += k->tokens[i].chars;
	return n;
}

static void rival_add_key(rival_list *l, const norm_key *k, const char *shown, bool actor)
{
	if (!k->n_tokens)
		return;
	if (l->count == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->items = xrealloc(l->items, l->cap * sizeof(rival));
	}
	rival *r = &l->items[l->count++];
	r->key = *k;
	r->chars = key_chars(k);
	r->shown = shown;
	r->first = norm_first_char(k->text, k->len);
	r->actor = actor;
}

static void rival_add(grader *g, rival_list *l, const char *s)
{
	if (!s || !*s)
		return;
	norm_key k;
	if (norm_key_in_arena(g->arena, s, NORM_DROP_ARTICLE, &k))
		rival_add_key(l, &k, s, false);
}

static int rival_cmp(const void *a, const void *b)
{
	const rival *x = a, *y = b;
	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->chars != y->chars)
		return x->chars < y->chars ? -1 : 1;
	size_t n = x->key.len < y->key.len ? x->key.len : y->key.len;
	int c = memcmp(x->key.text, y->key.text, n);
	if (c)
		return c;
	return x->key.len < y->key.len ? -1 : x->key.len > y->key.len;
}


/* The first rival that starts with `first` and has at least `chars`
 * characters (or the end). */
static size_t rival_lower(const grader *g, int32_t first, size_t chars)
{
	size_t lo = 0, hi = g->n_rivals;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const rival *r = &g->rivals[mid];
		if (r->first < first || (r->first == first && r->chars < chars))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The number of bits set in x, counting no further than `limit` (a
 * portable popcount that stops early). */
static int bits_up_to(uint64_t x, int limit)
{
	int n = 0;
	while (x && n < limit) {
		x &= x - 1;
		n++;
	}
	return n;
}

/* The nearest-rival guard: a slip of `edits` towards the answer is not
 * forgiven when the typed text is within the slip budget of something else
 * the bank names, or at least as near to it. Returns that rival, or NULL. */
const rival *rival_near(const grader *g, span s, int edits, const form_list *own,
                               const form_list *own_more)
{
	if (!g->n_rivals)
		return NULL;
	size_t chars = span_chars(s);
	size_t len;
	const char *text = span_ptr(s, &len);
	size_t want = chars > 2 ? chars - 2 : 0, lo = 0, hi = g->n_rivals;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (g->rivals_by_length[mid]->chars < want)
			lo = mid + 1;
		else
			hi = mid;
	}
	uint64_t letters = 0;
	for (size_t i = 0; i < len; i++)
		if (text[i] != ' ')
			letters |= (uint64_t)1 << ((uint32_t)(unsigned char)text[i] % 64);
	/* Every rival of about the same length, whatever its first letter:
	 * "Qni" is as near to a rival "Iqn" as to Qin. */
	for (size_t i = lo; i < g->n_rivals && g->rivals_by_length[i]->chars <= chars + 2; i++) {
		const rival *r = g->rivals_by_length[i];
		/* Cheap tests first. An edit changes which letters occur by at
		 * most two, and the length by at most one; a slip keeps the words. */
		size_t diff = r->chars > chars ? r->chars - chars : chars - r->chars;
		bool ascii = s.key->ascii && r->key.ascii;
		int bag = ascii ? bits_up_to(letters ^ r->key.letters, 5) : 0;
		bool may_slip = r->key.n_tokens == s.count && bag <= 4;
		bool may_near = diff <= (size_t)edits && bag <= 2 * edits;
		if (!may_slip && !may_near)
			continue;
		if (form_list_has(&r->key, own, own_more))
			continue;
		if (may_slip && span_slips(s, &r->key) >= 0)
			return r;
		if (may_near && norm_osa_utf8(text, len, r->key.text, r->key.len, edits) <= edits)
			return r;
	}
	return NULL;
}


/* True when the span is exactly something else the bank names (with
 * `actors_only`, another actor's name). */
bool rival_named(const grader *g, span s, const form_list *own, const form_list *own_more,
                        bool actors_only)
{
	size_t chars = span_chars(s), len;
	const char *text = span_ptr(s, &len);
	int32_t first = norm_first_char(text, len);
	for (size_t i = rival_lower(g, first, chars);
	     i < g->n_rivals && g->rivals[i].first == first && g->rivals[i].chars == chars; i++)
		if ((!actors_only || g->rivals[i].actor) && span_eq(s, &g->rivals[i].key) &&
		    !form_list_has(&g->rivals[i].key, own, own_more))
			return true;
	return false;
}

/* True when some run of up to four words of the span names another actor. */
bool rival_mentions_actor(const grader *g, span s, const form_list *own, const form_list *own_more)
{
	for (size_t i = 0; i < s.count; i++)
		for (size_t n = 1; i + n <= s.count && n <= 4; n++)
			if (rival_named(g, (span){s.key, s.first + i, n}, own, own_more, true))
				return true;
	return false;
}

/* The rivals: every actor's names, every choice, item, pair, blank and
 * text answer of the bank. */
static int by_length(const void *a, const void *b)
{
	const rival *x = *(const rival *const *)a, *y = *(const rival *const *)b;
	if (x->chars != y->chars)
		return x->chars < y->chars ? -1 : 1;
	return x < y ? -1 : x > y;
}

void rival_build(grader *g)
{
	const quiz *q = g->q;
	size_t nq = quiz_question_count(q);
	rival_list rl = {0};
	for (size_t i = 0; i < g->n_actors; i++) {
		actor_prep *a = g->actor_list[i];
		for (size_t f = 0; f < a->forms.count; f++)
			if (!(a->forms.items[f].flags & FORM_SHARED))
				rival_add_key(&rl, &a->forms.items[f].key, a->actor->name, true);
	}
	for (size_t i = 0; i < nq; i++) {
		const quiz_question *qq = quiz_question_at(q, i);
		switch (qq->kind) {
		case QUIZ_TEXT:
			rival_add(g, &rl, qq->text);
			for (size_t k = 0; k < qq->accept.count; k++)
				rival_add(g, &rl, qq->accept.items[k]);
			break;
		case QUIZ_CHOICE:
			for (size_t k = 0; k < qq->choices.count; k++)
				rival_add(g, &rl, qq->choices.items[k]);
			break;
		case QUIZ_ORDER:
			for (size_t k = 0; k < qq->items.count; k++)
				rival_add(g, &rl, qq->items.items[k]);
			break;
		case QUIZ_MATCH:
			for (size_t k = 0; k < qq->n_pairs; k++) {
				rival_add(g, &rl, qq->pairs[k].left);
				rival_add(g, &rl, qq->pairs[k].right);
			}
			break;
		case QUIZ_CLOZE:
			for (size_t b = 0; b < qq->n_blanks; b++)
				for (size_t k = 0; k < qq->blanks[b].answers.count; k++)
					rival_add(g, &rl, qq->blanks[b].answers.items[k]);
			break;
		case QUIZ_ACTOR:
			if (!qq->actor)
				rival_add(g, &rl, qq->answer_text);
			break;
		default:
			break;
		}
	}
	/* And every name the article uses: "Niger" keeps "Nigera" from being a
	 * slip of Nigeria even when no question asks about Niger. */
	for (size_t i = 0; i < g->n_names; i++)
		rival_add_key(&rl, &g->names[i], arena_strndup(g->arena, g->names[i].text, g->names[i].len),
		              false);
	if (rl.count)
		qsort(rl.items, rl.count, sizeof(rival), rival_cmp);
	/* Keep one of each key. */
	size_t kept = 0;
	for (size_t i = 0; i < rl.count; i++) {
		if (kept && form_key_same(&rl.items[kept - 1].key, &rl.items[i].key)) {
			rl.items[kept - 1].actor |= rl.items[i].actor;
			continue;
		}
		rl.items[kept++] = rl.items[i];
	}
	g->rivals = arena_alloc(g->arena, (kept + 1) * sizeof(rival));
	if (kept)
		memcpy(g->rivals, rl.items, kept * sizeof(rival));
	g->n_rivals = kept;
	free(rl.items);
	g->rivals_by_length = arena_alloc(g->arena, (kept + 1) * sizeof *g->rivals_by_length);
	for (size_t i = 0; i < kept; i++)
		g->rivals_by_length[i] = &g->rivals[i];
	if (kept)
		qsort(g->rivals_by_length, kept, sizeof *g->rivals_by_length, by_length);
}
