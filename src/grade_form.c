/* grade_form.c - the accepted forms of an answer, the typed answer, and matching them with slips and accents */
#include <stdint.h>
#include <string.h>

#include "grade_impl.h"
#include "util.h"

/* True when token i of k is the word w (folded, as keys are). */
bool key_token_is(const norm_key *k, size_t i, const char *w)
{
	const norm_token *t = &k->tokens[i];
	/* The first letter first: most words differ there, and this runs for
	 * every word against the lists of titles and particles. */
	return k->text[t->start] == w[0] && t->len == strlen(w) &&
	       memcmp(k->text + t->start, w, t->len) == 0;
}

/* ------------------------------------------------------------------------
 * Building forms.
 */

static form *form_push(arena *a, form_list *l)
{
	if (l->count == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 4;
		form *items = arena_alloc(a, cap * sizeof(form));
		if (l->count)
			memcpy(items, l->items, l->count * sizeof(form));
		l->items = items;
		l->cap = cap;
	}
	form *f = &l->items[l->count++];
	memset(f, 0, sizeof *f);
	return f;
}

bool form_key_same(const norm_key *a, const norm_key *b)
{
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

/* Lists of at least this many forms are indexed. */
enum { FORM_INDEX_FROM = 16 };

static uint64_t bytes_hash(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;   /* FNV-1a */
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static void index_insert(form_list *l, size_t item)
{
	const norm_key *k = &l->items[item].key;
	size_t mask = l->n_slots - 1, i = bytes_hash(k->compact, k->compact_len) & mask;
	while (l->slots[i])
		i = (i + 1) & mask;
	l->slots[i] = (uint32_t)(item + 1);
}

/* Keeps the index at most half full, rebuilding it twice as large. */
static void index_update(arena *a, form_list *l)
{
	if (l->count < FORM_INDEX_FROM || l->count > UINT32_MAX - 1)
		return;
	if (l->n_slots && l->count * 2 <= l->n_slots) {
		index_insert(l, l->count - 1);
		return;
	}
	size_t n = 64;
	while (n < l->count * 4)
		n *= 2;
	l->slots = arena_alloc(a, n * sizeof *l->slots);
	memset(l->slots, 0, n * sizeof *l->slots);
	l->n_slots = n;
	for (size_t i = 0; i < l->count; i++)
		index_insert(l, i);
}

/* The first index of the probe sequence of the compact text `c` (the
 * words run together); the caller walks on while slots are set. */
static size_t index_start(const form_list *l, const char *c, size_t n)
{
	return bytes_hash(c, n) & (l->n_slots - 1);
}

const form *form_list_find(const form_list *l, span s, bool with_rule)
{
	if (!l)
		return NULL;
	if (!l->n_slots) {
		for (size_t i = 0; i < l->count; i++)
			if ((!with_rule || l->items[i].rule) && span_eq(s, &l->items[i].key))
				return &l->items[i];
		return NULL;
	}
	size_t clen;
	const char *c = span_compact(s, &clen);
	size_t best = SIZE_MAX, mask = l->n_slots - 1;
	for (size_t i = index_start(l, c, clen); l->slots[i]; i = (i + 1) & mask) {
		size_t item = l->slots[i] - 1;
		if (item < best && (!with_rule || l->items[item].rule) && span_eq(s, &l->items[item].key))
			best = item;
	}
	return best == SIZE_MAX ? NULL : &l->items[best];
}

/* The form of `l` whose key is `k`, word for word. */
static form *find_key(const form_list *l, const norm_key *k)
{
	if (!l->n_slots) {
		for (size_t i = 0; i < l->count; i++)
			if (form_key_same(&l->items[i].key, k))
				return &l->items[i];
		return NULL;
	}
	size_t mask = l->n_slots - 1;
	for (size_t i = index_start(l, k->compact, k->compact_len); l->slots[i]; i = (i + 1) & mask)
		if (form_key_same(&l->items[l->slots[i] - 1].key, k))
			return &l->items[l->slots[i] - 1];
	return NULL;
}

/* Adds `s` as a form unless the list already has its key. Returns the form
 * (new or existing), or NULL when `s` has no words. */
form *form_add(arena *a, form_list *l, const char *s, const char *shown, const char *rule,
               unsigned flags)
{
	norm_key key;
	if (!norm_key_in_arena(a, s, NORM_DROP_ARTICLE, &key) || key.n_tokens == 0)
		return NULL;
	form *known = find_key(l, &key);
	if (known)
		return known;
	form *f = form_push(a, l);
	f->key = key;
	if (key.latin && !key.ascii) {
		norm_key plain;
		norm_key_in_arena(a, s, NORM_DROP_ARTICLE | NORM_STRIP_MARKS, &plain);
		if (!form_key_same(&plain, &key))
			f->plain = plain;
	}
	f->shown = shown ? shown : arena_strdup(a, s);
	f->rule = rule;
	f->flags = flags;
	index_update(a, l);
	return f;
}

const char *span_text(arena *a, const norm_key *k, size_t first, size_t count)
{
	if (!count)
		return "";
	const norm_token *s = &k->tokens[first], *e = &k->tokens[first + count - 1];
	return arena_strndup(a, k->text + s->start, e->start + e->len - s->start);
}



void typed_init(typed_answer *t)
{
	norm_work_init(&t->w);
	norm_work_init(&t->plain_w);
	norm_work_init(&t->whole_w);
	t->plain_ready = t->whole_ready = false;
	t->context_trimmed = false;
}

void typed_release(typed_answer *t)
{
	norm_work_release(&t->w);
	norm_work_release(&t->plain_w);
	norm_work_release(&t->whole_w);
}

bool typed_set(typed_answer *t, const char *s, size_t len)
{
	t->raw = s;
	t->raw_len = len;
	t->plain_ready = t->whole_ready = false;
	return norm_work_set(&t->w, s, len, 0, NORM_DROP_ARTICLE);
}

/* The key with a leading "a" kept: "a b" names two choices. */
const norm_key *typed_whole(typed_answer *t)
{
	if (!t->whole_ready) {
		norm_work_set(&t->whole_w, t->raw, t->raw_len, 0, 0);
		t->whole_ready = true;
	}
	return &t->whole_w.key;
}

const norm_key *typed_plain(typed_answer *t)
{
	if (t->w.key.ascii)
		return &t->w.key;
	if (!t->plain_ready) {
		norm_work_set(&t->plain_w, t->raw, t->raw_len, NORM_STRIP_MARKS, NORM_DROP_ARTICLE);
		t->plain_ready = true;
	}
	return &t->plain_w.key;
}



span span_whole(const norm_key *k)
{
	return (span){k, 0, k->n_tokens};
}

const char *span_ptr(span s, size_t *len)
{
	if (!s.count) {
		*len = 0;
		return "";
	}
	const norm_token *a = &s.key->tokens[s.first], *b = &s.key->tokens[s.first + s.count - 1];
	*len = b->start + b->len - a->start;
	return s.key->text + a->start;
}

const char *span_compact(span s, size_t *len)
{
	if (!s.count) {
		*len = 0;
		return "";
	}
	const norm_token *a = &s.key->tokens[s.first], *b = &s.key->tokens[s.first + s.count - 1];
	*len = b->cstart + b->len - a->cstart;
	return s.key->compact + a->cstart;
}

bool span_eq(span s, const norm_key *k)
{
	size_t len;
	const char *p = span_ptr(s, &len);
	if (len == k->len && memcmp(p, k->text, len) == 0)
		return true;
	p = span_compact(s, &len);
	return len == k->compact_len && memcmp(p, k->compact, len) == 0;
}

size_t span_chars(span s)
{
	size_t n = s.count ? s.count - 1 : 0;
	for (size_t i = 0; i < s.count; i++)
		n += s.key->tokens[s.first + i].chars;
	return n;
}

/* Spelling slips between a typed span and a key, word by word
 * (notes/ALGORITHMS.md 1.4): the same number of words; words with digits,
 * and words of four letters or fewer, exactly; one edit in 5 to 8 letters,
 * two from 9; the first letter right; two edits at most. Returns the edits,
 * or -1 when they are not slips. */
int span_slips(span s, const norm_key *k)
{
	/* Edit distance means little in scripts without an alphabet of small
	 * letters (a Chinese character is a word, an Indic vowel sign a mark). */
	if (s.count != k->n_tokens || !s.count || !k->latin)
		return -1;
	int total = 0;
	for (size_t i = 0; i < s.count; i++) {
		const norm_token *a = &s.key->tokens[s.first + i], *b = &k->tokens[i];
		const char *at = s.key->text + a->start, *bt = k->text + b->start;
		if (a->len == b->len && memcmp(at, bt, a->len) == 0)
			continue;
		if ((a->flags & NORM_TOKEN_DIGIT) || (b->flags & NORM_TOKEN_DIGIT))
			return -1;
		if (norm_first_char(at, a->len) != norm_first_char(bt, b->len))
			return -1;
		if (b->chars <= 4) {
			/* A short word only by a swap of two letters side by side:
			 * "Qni" for Qin, never "Iran" for Iraq. */
			if (b->chars < 3 || a->len != b->len || !(a->flags & b->flags & NORM_TOKEN_ALPHA) ||
			    total >= 2)
				return -1;
			size_t d = 0;
			while (d < a->len && at[d] == bt[d])
				d++;
			if (d + 1 >= a->len || at[d] != bt[d + 1] || at[d + 1] != bt[d] ||
			    memcmp(at + d + 2, bt + d + 2, a->len - d - 2) != 0)
				return -1;
			total++;
			continue;
		}
		int budget = norm_typo_budget(b->chars);
		if (budget > 2 - total)
			budget = 2 - total;
		int d = norm_osa_utf8(at, a->len, bt, b->len, budget);
		if (d > budget)
			return -1;
		total += d;
	}
	return total;
}

bool form_list_has(const norm_key *k, const form_list *forms, const form_list *more)
{
	return (forms && find_key(forms, k)) || (more && find_key(more, k));
}



/* Matches a typed span against forms: exactly, then without accents, then
 * with spelling slips (guarded by the rivals). `plain` is the same span of
 * the accent-free typed key (or NULL when not needed). */
match form_match(const grader *g, span s, span *plain, const form_list *forms,
                         const form_list *more, bool allow_slips)
{
	match m = {MATCH_NONE, NULL, NULL};
	const form_list *lists[2] = {forms, more};
	for (int l = 0; l < 2; l++) {
		const form *f = form_list_find(lists[l], s, false);
		if (f) {
			m.kind = MATCH_EXACT;
			m.form = f;
			return m;
		}
	}
	if (plain) {
		for (int l = 0; l < 2; l++)
			for (size_t i = 0; lists[l] && i < lists[l]->count; i++) {
				const form *f = &lists[l]->items[i];
				if (!f->key.latin)
					continue;
				const norm_key *pk = f->plain.text ? &f->plain : &f->key;
				if (span_eq(*plain, pk) && !(f->flags & FORM_EXACT_ONLY)) {
					m.kind = MATCH_ACCENTS;
					m.form = f;
					return m;
				}
			}
	}
	if (!allow_slips)
		return m;
	int best = 3;
	const form *best_form = NULL;
	for (int l = 0; l < 2; l++)
		for (size_t i = 0; lists[l] && i < lists[l]->count; i++) {
			const form *f = &lists[l]->items[i];
			if (f->flags & FORM_EXACT_ONLY)
				continue;
			int d = span_slips(s, &f->key);
			if (d < 0 && plain && f->key.latin)
				d = span_slips(*plain, f->plain.text ? &f->plain : &f->key);
			if (d > 0 && d < best) {
				best = d;
				best_form = f;
			}
		}
	if (!best_form)
		return m;
	/* A typed word that is itself a name of the article is that name, not
	 * a slip. */
	for (size_t i = 0; i < s.count && i < best_form->key.n_tokens; i++) {
		const norm_token *a = &s.key->tokens[s.first + i], *b = &best_form->key.tokens[i];
		const char *at = s.key->text + a->start;
		const char *bt = best_form->key.text + b->start;
		bool plural = (a->len == b->len + 1 && at[a->len - 1] == 's' && memcmp(at, bt, b->len) == 0) ||
		              (b->len == a->len + 1 && bt[b->len - 1] == 's' && memcmp(at, bt, a->len) == 0);
		if ((a->len != b->len || memcmp(at, bt, a->len) != 0) && !plural &&
		    context_is_name_word(g, at, a->len)) {
			m.kind = MATCH_RIVAL;
			m.rival = NULL;
			return m;
		}
	}
	const rival *r = rival_near(g, s, best, forms, more);
	if (r) {
		m.kind = MATCH_RIVAL;
		m.rival = r;
		return m;
	}
	m.kind = MATCH_SLIP;
	m.form = best_form;
	return m;
}


/* Puts a match into a result. Returns false when nothing matched. */
/* What a teacher says for an answer a form's rule accepts. */
static const char *rule_note(const char *rule)
{
	static const char *const notes[][2] = {
		{"family name", "Right: the family name is enough"},
		{"short name", "Right: the short name is enough"},
		{"acronym", "Right: the initials stand for the name"},
		{"alias", "Right: another name for the same"},
	};
	for (size_t i = 0; i < sizeof notes / sizeof *notes; i++)
		if (strcmp(rule, notes[i][0]) == 0)
			return notes[i][1];
	return rule;
}

bool form_match_result(const match *m, grade_result *out)
{
	switch (m->kind) {
	case MATCH_EXACT:
		if (m->form->flags & FORM_SHARED)
			grade_set_result(out, GRADE_AMBIGUOUS, 0, "two actors share this name: give the full name");
		else if (m->form->rule && strcmp(m->form->rule, "accepted answer") == 0)
			grade_set_result(out, GRADE_CORRECT, 1, "accepted answer");
		else if (m->form->rule && strncmp(m->form->rule, "Right", 5) == 0)
			grade_set_result(out, GRADE_CORRECT, 1, "%s", m->form->rule);
		else if (m->form->rule)
			grade_set_result(out, GRADE_CORRECT, 1, "%s", rule_note(m->form->rule));
		else
			grade_set_result(out, GRADE_CORRECT, 1, "%s", "");
		return true;
	case MATCH_ACCENTS:
		if (m->form->flags & FORM_SHARED)
			grade_set_result(out, GRADE_AMBIGUOUS, 0, "two actors share this name: give the full name");
		else
			grade_set_result(out, GRADE_CLOSE, 1, "Right, but mind the accents");
		return true;
	case MATCH_SLIP:
		if (m->form->flags & FORM_SHARED)
			grade_set_result(out, GRADE_AMBIGUOUS, 0, "two actors share this name: give the full name");
		else
			grade_set_result(out, GRADE_CLOSE, 1, "Right, but mind the spelling: %s", m->form->shown);
		return true;
	case MATCH_RIVAL:
		if (m->rival)
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: that is as near to %s", m->rival->shown);
		else
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: that is another name in the article");
		return false;
	default:
		return false;
	}
}

/* Abbreviations and what they stand for. */
static const char *const abbreviations[][2] = {
	{"st", "street"}, {"rd", "road"}, {"ave", "avenue"}, {"av", "avenue"},
	{"blvd", "boulevard"}, {"sq", "square"}, {"ln", "lane"}, {"hwy", "highway"},
	{"mt", "mount"}, {"ft", "fort"}, {"dept", "department"}, {"univ", "university"},
	{"intl", "international"}, {"natl", "national"}, {"govt", "government"},
	{"assn", "association"}, {"corp", "corporation"}, {"co", "company"},
	{"inc", "incorporated"}, {"ltd", "limited"}, {"bros", "brothers"}, {"jr", "junior"},
	{"sr", "senior"}, {"us", "united states"}, {"usa", "united states"},
	{"uk", "united kingdom"}, {"un", "united nations"}, {"eu", "european union"},
	{"no", "number"}, {"dr", "doctor"}, {"prof", "professor"}, {"gen", "general"},
	{"gov", "governor"}, {"sen", "senator"}, {"pres", "president"},
};

/* How many tokens of k from i the words of `full` cover (0: not there). */
static size_t words_at(const norm_key *k, size_t i, const char *full)
{
	size_t n = 0;
	const char *p = full;
	while (*p) {
		const char *sp = strchr(p, ' ');
		size_t wl = sp ? (size_t)(sp - p) : strlen(p);
		if (i + n >= k->n_tokens)
			return 0;
		const norm_token *t = &k->tokens[i + n];
		if (t->len != wl || memcmp(k->text + t->start, p, wl) != 0)
			return 0;
		n++;
		p += wl;
		if (*p == ' ')
			p++;
	}
	return n;
}

bool form_abbreviated(span s, const norm_key *k)
{
	size_t i = s.first, end = s.first + s.count, j = 0;
	bool used = false;
	while (i < end && j < k->n_tokens) {
		const norm_token *a = &s.key->tokens[i], *b = &k->tokens[j];
		if (a->len == b->len && memcmp(s.key->text + a->start, k->text + b->start, a->len) == 0) {
			i++;
			j++;
			continue;
		}
		size_t step = 0;
		for (size_t x = 0; x < sizeof abbreviations / sizeof *abbreviations && !step; x++) {
			size_t al = strlen(abbreviations[x][0]);
			if (a->len == al && memcmp(s.key->text + a->start, abbreviations[x][0], al) == 0 &&
			    (step = words_at(k, j, abbreviations[x][1]))) {
				i++;
				j += step;
			} else if (b->len == al && memcmp(k->text + b->start, abbreviations[x][0], al) == 0 &&
			           (step = words_at(s.key, i, abbreviations[x][1]))) {
				i += step;
				j++;
			}
		}
		if (!step)
			return false;
		used = true;
	}
	return used && i == end && j == k->n_tokens;
}
