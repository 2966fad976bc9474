/* draft.c - draft a question bank from an article: question templates, ranking, selection, YAML */
#include "draft.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "arena.h"
#include "extract.h"
#include "names.h"
#include "question_form.h"
#include "text.h"

/* What a template is worth before the sentence is looked at: questions with
 * a typed answer of a known type first, guessable ones (true or false)
 * last. */
static const double template_base[DRAFT_TEMPLATE_COUNT] = {
	[DRAFT_DATE] = 1.3,  [DRAFT_WHO] = 1.2,   [DRAFT_WHO_SAID] = 1.0, [DRAFT_ROLE] = 1.0,
	[DRAFT_ACRONYM] = 0.8, [DRAFT_CLAIM] = 0.6, [DRAFT_CLOZE] = 0.7,  [DRAFT_ORDER] = 1.5,
	[DRAFT_NUMBER] = 1.3,
};

static const char *const template_names[DRAFT_TEMPLATE_COUNT] = {
	[DRAFT_DATE] = "date",       [DRAFT_WHO] = "who",     [DRAFT_WHO_SAID] = "who-said",
	[DRAFT_ROLE] = "role",       [DRAFT_ACRONYM] = "acronym", [DRAFT_CLAIM] = "claim",
	[DRAFT_CLOZE] = "cloze",     [DRAFT_ORDER] = "order",     [DRAFT_NUMBER] = "number",
};

/* Bonus for each date or person a question names that no kept question
 * names yet: it spreads a draft over the article's facts. It only shrinks a
 * candidate's value as questions are kept, which is what lazy greedy
 * selection needs. */
#define COVER_BONUS 0.7
/* Bonus for a template no kept question uses yet: a draft shows every kind
 * of question the article supports. */
#define VARIETY_BONUS 0.6
/* No template fills more than this share of the budget while candidates of
 * other templates remain. */
#define TEMPLATE_SHARE 0.4
/* Sentences longer than this make prompts nobody wants to read; leaving
 * them out also keeps drafting linear in the article's size. */
#define MAX_PROMPT_WORDS 80
/* How many bytes of article the whole-article quotation searches may scan
 * in one draft (see source_in_article). */
#define SEARCH_BUDGET (256u << 20)
#define MAX_FORMS 12
#define MAX_ENTS 8
#define ORDER_SENTENCE SIZE_MAX

typedef struct {
	draft_question q;
	const char *key;              /* variety: one kept per key */
	size_t sentence;              /* ORDER_SENTENCE for the order question */
	size_t source_sentence;       /* the sentence its source was taken from */
	const char *forms[MAX_FORMS]; /* the answer's written forms, none allowed in the prompt */
	size_t n_forms;
	int ents[MAX_ENTS];           /* people (p) and organisations (n_people + o) used */
	size_t n_ents;
	int answer_ent;               /* the actor answer's entity, or -1 */
	int answer_date;              /* the date answer's index, or -1 */
	size_t *covers;               /* dates (d) and people (n_dates + p) named */
	size_t n_covers;
	bool shows_sentence;          /* the prompt is the sentence, more or less */
} cand;

struct draft {
	arena *ar;
	const article *a;
	extraction *x;
	draft_options opt;
	const extract_sentence *S;
	size_t nS;
	const extract_date *D;
	size_t nD;
	const extract_person *P;
	size_t nP;
	const extract_org *O;
	size_t nO;
	const extract_mention *M;
	size_t nM;
	const extract_quote *Q;
	size_t nQ;
	const extract_number *N;
	size_t nN;
	size_t *sent_mentions;   /* first mention of each sentence; nS + 1 entries */
	size_t *sent_dates;      /* first date of each sentence; nS + 1 entries */
	size_t *sent_numbers;    /* first number of each sentence; nS + 1 entries */
	cand *cands;
	size_t n_cands, cap_cands;
	draft_question *kept;
	size_t n_kept;
	draft_actor *actors;
	size_t n_actors;
	int *actor_of;           /* per entity: index into actors, or -1 */
	size_t budget;
	const char *title;
	const char **para_folded;  /* each paragraph folded as text_fold does, made when needed */
	bool *subject_somewhere;   /* per entity: the subject of some clause */
	int *gender;               /* per person: +1 "he", -1 "she", 0 unknown */
	bool *names_unknown;       /* per sentence: a family name two people share stands alone */
	bool *family_shared;       /* per person: another has the same family name */
	size_t searched;           /* bytes scanned by article_find_quote so far */
};

/* ------------------------------------------------------------------------
 * Small helpers. */

static char *afmt(draft *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *afmt(draft *d, const char *fmt, ...)
{
	buf b;
	buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	char *s = arena_strndup(d->ar, b.ptr, b.len);
	buf_release(&b);
	return s;
}

static uint64_t splitmix(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return h;
}

static uint64_t rng_for(const draft *d, const char *what, uint64_t n)
{
	uint64_t state = (uint64_t)d->opt.seed * 0x2545F4914F6CDD1Du ^ hash_str(what) ^ (n << 20);
	return splitmix(&state);
}

static char ascii_tolower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* "Engineers of the institute gave a lecture": a word capitalised only
 * because it opens the sentence is written in lower case inside a
 * question, when the article itself writes it so elsewhere (a name never
 * is: "Beijing" has no lower-case twin). */
static const char *lower_opening_word(struct draft *d, const char *stmt)
{
	if (!stmt || !isupper((unsigned char)stmt[0]))
		return stmt;
	size_t n = 1;
	while (islower((unsigned char)stmt[n]))
		n++;
	if (n < 2 || isalnum((unsigned char)stmt[n]) || (unsigned char)stmt[n] >= 0x80)
		return stmt;
	char word[64];
	if (n >= sizeof word)
		return stmt;
	memcpy(word, stmt, n);
	word[0] = (char)tolower((unsigned char)word[0]);
	word[n] = '\0';
	for (size_t i = 0; i < d->nS; i++) {
		const char *text = d->S[i].text;
		for (const char *p = text; (p = strstr(p, word)); p += n) {
			bool left = p == text || !isalnum((unsigned char)p[-1]);
			bool right = !isalnum((unsigned char)p[n]) && (unsigned char)p[n] < 0x80;
			if (left && right) {
				char *lowered = arena_strdup(d->ar, stmt);
				lowered[0] = word[0];
				return lowered;
			}
		}
	}
	return stmt;
}

static bool is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static bool is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* contains_words for ASCII text, without folding copies: letters compared
 * without case, a run of white space matching a run. */
static bool contains_words_ascii(const char *hay, const char *needle)
{
	while (is_space(*needle))
		needle++;
	if (!*needle)
		return false;
	for (const char *h = hay; *h; h++) {
		if (h > hay && is_word_byte((unsigned char)h[-1]) && is_word_byte((unsigned char)needle[0]))
			continue;
		const char *p = h, *q = needle;
		while (*q) {
			if (is_space(*q)) {
				if (!is_space(*p))
					break;
				while (is_space(*q))
					q++;
				while (is_space(*p))
					p++;
				continue;
			}
			if (ascii_tolower(*p) != ascii_tolower(*q))
				break;
			p++;
			q++;
		}
		if (*q)
			continue;
		while (q > needle && is_space(q[-1]))
			q--;
		if (!is_word_byte((unsigned char)q[-1]) || !is_word_byte((unsigned char)*p))
			return true;
	}
	return false;
}

/* A text to search for words in, folded once (text_fold: case, quotes,
 * dashes, white space) for the many searches a candidate makes. ASCII text
 * is searched as it is, without the copy. */
typedef struct {
	const char *text;
	buf folded;
	bool ascii;
} hay;

static void hay_init(hay *h, const char *text)
{
	h->text = text;
	h->ascii = is_ascii(text);
	buf_init(&h->folded);
	if (!h->ascii)
		text_fold(text, strlen(text), &h->folded, NULL);
}

static void hay_release(hay *h)
{
	buf_release(&h->folded);
}

/* Whether `needle` occurs in the text as whole words. */
static bool hay_has(const hay *h, const char *needle)
{
	buf n;
	buf_init(&n);
	bool found = false;
	if (!is_ascii(needle) || !h->ascii)
		text_fold(needle, strlen(needle), &n, NULL);
	else
		buf_puts(&n, needle);
	if (n.len == 0)
		goto out;
	if (h->ascii) {
		found = is_ascii(n.ptr) && contains_words_ascii(h->text, n.ptr);
		goto out;
	}
	const buf *f = &h->folded;
	for (const char *p = f->ptr; (p = memmem(p, f->len - (size_t)(p - f->ptr), n.ptr, n.len)); p++) {
		size_t at = (size_t)(p - f->ptr);
		bool left = at == 0 || !is_word_byte((unsigned char)f->ptr[at - 1]) ||
		            !is_word_byte((unsigned char)n.ptr[0]);
		bool right = at + n.len >= f->len || !is_word_byte((unsigned char)f->ptr[at + n.len]) ||
		             !is_word_byte((unsigned char)n.ptr[n.len - 1]);
		if (left && right) {
			found = true;
			break;
		}
	}
out:
	buf_release(&n);
	return found;
}

static size_t count_words(const char *s)
{
	size_t n = 0;
	bool in = false;
	for (; *s; s++) {
		bool space = *s == ' ' || *s == '\n' || *s == '\t';
		if (!space && !in)
			n++;
		in = !space;
	}
	return n;
}

static bool starts_with_word(const char *s, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(words[i]);
		if (strncasecmp(s, words[i], l) == 0 && !is_word_byte((unsigned char)s[l]) &&
		    s[l] != '\'' && strncmp(s + l, "\xE2\x80\x99", 3) != 0)
			return true;
	}
	return false;
}

static const char *const pronouns[] = {
	"he", "she", "it", "they", "this", "that", "these", "those", "his", "her", "its", "their",
	"such", "them", "him", "we", "i", "you",
};

static const char *const hedges[] = {
	"may", "might", "could", "reportedly", "allegedly", "possibly", "perhaps", "likely",
	"probably", "rumored", "rumoured", "unclear", "believed", "suggests", "suggested",
};

static bool has_any_word(const hay *h, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (hay_has(h, words[i]))
			return true;
	return false;
}

/* Pronunciations copied from encyclopedias ("(/ˈkɛnjə/; ( listen))") make
 * unreadable prompts. */
static bool has_pronunciation(const char *s)
{
	return strstr(s, "\xCB\x88") || strstr(s, "( listen)") || strstr(s, "(/");
}

/* Whether byte `pos` of `s` lies inside double quotation marks. */
static bool inside_quotes(const char *s, size_t pos)
{
	int depth = 0;
	for (size_t i = 0; i < pos && s[i]; i++) {
		if (strncmp(s + i, "\xE2\x80\x9C", 3) == 0)
			depth++;
		else if (strncmp(s + i, "\xE2\x80\x9D", 3) == 0)
			depth = depth > 0 ? depth - 1 : 0;
		else if (s[i] == '"')
			depth = depth ? 0 : 1;
	}
	return depth > 0;
}

/* A set of strings (not owned), for keys and ids; each with a number for
 * whoever needs one. */
typedef struct {
	const char **slots;
	size_t *numbers;
	size_t cap, count;
} strset;

static size_t strset_slot(const strset *set, const char *s)
{
	size_t i = hash_str(s) & (set->cap - 1);
	while (set->slots[i] && strcmp(set->slots[i], s) != 0)
		i = (i + 1) & (set->cap - 1);
	return i;
}

static bool strset_has(const strset *set, const char *s)
{
	return set->cap && set->slots[strset_slot(set, s)];
}

/* Adds `s` (when new, with number 0); returns its number's place. */
static size_t *strset_add(strset *set, const char *s)
{
	if ((set->count + 1) * 2 > set->cap) {
		size_t old_cap = set->cap;
		const char **old = set->slots;
		size_t *old_numbers = set->numbers;
		set->cap = old_cap ? old_cap * 2 : 64;
		set->slots = xcalloc(set->cap, sizeof *set->slots);
		set->numbers = xcalloc(set->cap, sizeof *set->numbers);
		for (size_t i = 0; i < old_cap; i++)
			if (old[i]) {
				size_t j = strset_slot(set, old[i]);
				set->slots[j] = old[i];
				set->numbers[j] = old_numbers[i];
			}
		free(old);
		free(old_numbers);
	}
	size_t i = strset_slot(set, s);
	if (!set->slots[i]) {
		set->slots[i] = s;
		set->count++;
	}
	return &set->numbers[i];
}

static void strset_release(strset *set)
{
	free(set->slots);
	free(set->numbers);
	set->slots = NULL;
	set->numbers = NULL;
	set->cap = set->count = 0;
}

/* `stem`, or `stem-2`, `stem-3`, ... : the first not in `taken`, which then
 * holds it. `stems` remembers how far each stem has gone, so that a stem
 * used a thousand times costs no more than one used once. */
static const char *unique_name(draft *d, strset *taken, strset *stems, const char *stem)
{
	size_t *next = strset_add(stems, stem);
	const char *name = stem;
	if (*next == 0)
		*next = 2;
	if (strset_has(taken, name))
		do
			name = afmt(d, "%s-%zu", stem, (*next)++);
		while (strset_has(taken, name));
	strset_add(taken, name);
	return name;
}

/* ------------------------------------------------------------------------
 * Tidying sentence text into prompts. */

static bool bracket_is_noise(const char *in, size_t len, char open)
{
	/* Photo credits and positions in captions; footnote marks in brackets. */
	static const char *const paren_noise[] = {
		"l", "r", "c", "left", "right", "center", "centre", "pictured", "top", "bottom",
		"front", "back", "file photo", "file",
	};
	static const char *const paren_prefixes[] = {
		"image:", "photo:", "photograph:", "credit:", "picture:", "video:", "source:",
	};
	if (open == '(') {
		for (size_t i = 0; i < sizeof paren_noise / sizeof paren_noise[0]; i++)
			if (strlen(paren_noise[i]) == len && strncasecmp(in, paren_noise[i], len) == 0)
				return true;
		for (size_t i = 0; i < sizeof paren_prefixes / sizeof paren_prefixes[0]; i++)
			if (len >= strlen(paren_prefixes[i]) &&
			    strncasecmp(in, paren_prefixes[i], strlen(paren_prefixes[i])) == 0)
				return true;
		return false;
	}
	if (len <= 3)
		return true;
	if (len >= 6 && strncmp(in + len - 6, "needed", 6) == 0)
		return true;
	return in[len - 1] == '?' || strncasecmp(in, "note", 4) == 0 || strncasecmp(in, "citation", 8) == 0;
}

/* Drops credits and footnote marks, mends the spaces and commas an edit
 * left behind, and capitalises the first letter. */
static char *tidy(draft *d, const char *s)
{
	buf a;
	buf_init(&a);
	size_t len = strlen(s);
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '(' || s[i] == '[') {
			char close = s[i] == '(' ? ')' : ']';
			const char *end = memchr(s + i + 1, close, len - i - 1);
			if (end && !memchr(s + i + 1, s[i], (size_t)(end - s - i - 1)) &&
			    bracket_is_noise(s + i + 1, (size_t)(end - s - i - 1), s[i])) {
				i = (size_t)(end - s);
				continue;
			}
		}
		buf_putc(&a, s[i]);
	}
	buf b;
	buf_init(&b);
	for (size_t i = 0; i < a.len; i++) {
		char c = a.ptr[i];
		if (c == '\n' || c == '\t')
			c = ' ';
		if (c == ' ' && (b.len == 0 || b.ptr[b.len - 1] == ' '))
			continue;
		if (strchr(",.;:!?)", c) && b.len && b.ptr[b.len - 1] == ' ')
			buf_truncate(&b, b.len - 1);
		if (c == ',' && b.len && (b.ptr[b.len - 1] == ',' || b.len == 0))
			continue;
		if (c == '.' && b.len && b.ptr[b.len - 1] == ',')
			buf_truncate(&b, b.len - 1);
		if (b.len == 0 && (c == ',' || c == ';' || c == ':'))
			continue;
		buf_putc(&b, c);
	}
	while (b.len && (b.ptr[b.len - 1] == ' ' || b.ptr[b.len - 1] == ','))
		buf_truncate(&b, b.len - 1);
	/* Capitalise the first letter (after an opening quotation mark too). */
	size_t at = 0;
	while (at < b.len && !is_word_byte((unsigned char)b.ptr[at]))
		at++;
	if (at < b.len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)b.ptr + at,
		                                      (utf8proc_ssize_t)(b.len - at), &cp);
		if (n > 0) {
			utf8proc_int32_t up = utf8proc_toupper(cp);
			utf8proc_uint8_t enc[4];
			utf8proc_ssize_t m = utf8proc_encode_char(up, enc);
			if (up != cp && m == n)
				memcpy(b.ptr + at, enc, (size_t)m);
		}
	}
	char *out = arena_strndup(d->ar, b.ptr, b.len);
	buf_release(&a);
	buf_release(&b);
	return out;
}

/* The sentence with bytes [start, end) replaced, tidied; NULL when tidying
 * took the replacement away with a footnote or a credit. */
static char *edit_sentence(draft *d, size_t s, size_t start, size_t end, const char *with)
{
	const extract_sentence *st = &d->S[s];
	buf b;
	buf_init(&b);
	buf_append(&b, st->text, start);
	buf_puts(&b, with);
	buf_append(&b, st->text + end, st->len - end);
	char *out = tidy(d, b.ptr);
	buf_release(&b);
	/* Tidying may have capitalised its first letter, nothing more. */
	if (*with && !strcasestr(out, with))
		return NULL;
	return out;
}

/* Makes a statement a question: its final period becomes "?", also when a
 * closing quotation mark follows it. NULL when it ends in "!" or "?". */
static char *as_question(draft *d, const char *s)
{
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;
	if (!n || s[n - 1] == '?' || s[n - 1] == '!')
		return NULL;
	size_t q = n;
	const char *closer = "";
	if (n >= 3 && strncmp(s + n - 3, "\xE2\x80\x9D", 3) == 0) {
		q = n - 3;
		closer = "\xE2\x80\x9D";
	} else if (s[n - 1] == '"') {
		q = n - 1;
		closer = "\"";
	}
	if (q && (s[q - 1] == '!' || s[q - 1] == '?'))
		return NULL;
	if (q && (s[q - 1] == '.' || s[q - 1] == ',' || s[q - 1] == ';' || s[q - 1] == ':'))
		q--;
	else if (!*closer && s[n - 1] == '.')
		q = n - 1;
	return afmt(d, "%.*s%s?", (int)q, s, closer);
}

/* A quotation of the article around [start, end) of sentence `s`: the whole
 * sentence when it is short, else a window of whole words around it. */
static const char *source_for(draft *d, size_t s, size_t start, size_t end)
{
	const extract_sentence *st = &d->S[s];
	if (st->words <= 45)
		return st->text;
	size_t a = start, b = end;
	for (int w = 0; w < 15 && a > 0; w++) {
		a--;
		while (a > 0 && st->text[a - 1] != ' ')
			a--;
	}
	for (int w = 0; w < 15 && b < st->len; w++) {
		while (b < st->len && st->text[b] == ' ')
			b++;
		while (b < st->len && st->text[b] != ' ')
			b++;
	}
	return arena_strndup(d->ar, st->text + a, b - a);
}

/* ------------------------------------------------------------------------
 * Entities. */

static int ent_person(size_t p)
{
	return (int)p;
}

static int ent_org(const draft *d, size_t o)
{
	return (int)(d->nP + o);
}

static const char *ent_name(const draft *d, int e)
{
	return (size_t)e < d->nP ? d->P[e].name : d->O[(size_t)e - d->nP].name;
}

static void add_ent(cand *c, int e)
{
	for (size_t i = 0; i < c->n_ents; i++)
		if (c->ents[i] == e)
			return;
	if (c->n_ents < MAX_ENTS)
		c->ents[c->n_ents++] = e;
}

static void add_form(cand *c, const char *form)
{
	if (form && *form && c->n_forms < MAX_FORMS)
		c->forms[c->n_forms++] = form;
}

static const char *last_word(const char *name)
{
	const char *sp = strrchr(name, ' ');
	return sp ? sp + 1 : name;
}

/* The forms of an entity a prompt must not show when it is the answer. */
static void add_entity_forms(draft *d, cand *c, int e)
{
	if ((size_t)e < d->nP) {
		const extract_person *p = &d->P[e];
		add_form(c, p->name);
		add_form(c, p->short_name);
		add_form(c, p->family);
		add_form(c, last_word(p->name));
		for (size_t i = 0; i < p->n_aliases; i++)
			add_form(c, p->aliases[i]);
	} else {
		const extract_org *o = &d->O[(size_t)e - d->nP];
		add_form(c, o->name);
		add_form(c, o->acronym);
		/* "China's Foreign Ministry" is given away by "Foreign Ministry". */
		const char *sp = strchr(o->name, ' ');
		if (sp && (strstr(o->name, "\xE2\x80\x99s ") == sp - 4 || strstr(o->name, "'s ") == sp - 2))
			add_form(c, sp + 1);
	}
}

/* Whether sentence `s` names the entity. */
static bool sentence_names(const draft *d, size_t s, int e)
{
	for (size_t m = d->sent_mentions[s]; m < d->sent_mentions[s + 1]; m++) {
		const extract_mention *mm = &d->M[m];
		int me = mm->kind == EXTRACT_PERSON ? ent_person(mm->entity) : ent_org(d, mm->entity);
		if (me == e)
			return true;
	}
	return false;
}

/* ------------------------------------------------------------------------
 * Candidates. */

static bool allowed(const draft *d, quiz_kind k, draft_template t)
{
	if (!d->opt.kinds && !d->opt.templates)
		return true;
	return (d->opt.kinds & (1u << k)) || (d->opt.templates & (1u << t));
}

static cand *cand_new(draft *d, draft_template t, quiz_kind k, size_t sentence)
{
	if (!allowed(d, k, t))
		return NULL;
	if (d->n_cands == d->cap_cands) {
		d->cap_cands = d->cap_cands ? d->cap_cands * 2 : 64;
		d->cands = xrealloc(d->cands, d->cap_cands * sizeof *d->cands);
	}
	cand *c = &d->cands[d->n_cands++];
	memset(c, 0, sizeof *c);
	c->q.kind = k;
	c->q.template = t;
	c->sentence = sentence;
	c->source_sentence = sentence;
	c->answer_ent = -1;
	c->answer_date = -1;
	return c;
}

static void cand_drop(draft *d)
{
	d->n_cands--;
}

static const char **strings(draft *d, size_t n)
{
	return arena_alloc(d->ar, (n ? n : 1) * sizeof(const char *));
}

/* The question and its answer, for coverage: a person who is only a wrong
 * choice is not what the question is about. */
static void visible_text(const cand *c, buf *out)
{
	buf_clear(out);
	buf_puts(out, c->q.prompt);
	if (c->q.answer_text) {
		buf_puts(out, " \n ");
		buf_puts(out, c->q.answer_text);
	}
}

static void add_cover(draft *d, cand *c, size_t id)
{
	for (size_t i = 0; i < c->n_covers; i++)
		if (c->covers[i] == id)
			return;
	size_t *grown = arena_alloc(d->ar, (c->n_covers + 1) * sizeof(size_t));
	if (c->n_covers)
		memcpy(grown, c->covers, c->n_covers * sizeof(size_t));
	grown[c->n_covers++] = id;
	c->covers = grown;
}

static void compute_covers(draft *d, cand *c, buf *text)
{
	visible_text(c, text);
	hay vis;
	hay_init(&vis, text->ptr);
	if (c->answer_date >= 0)
		add_cover(d, c, (size_t)c->answer_date);
	if (c->answer_ent >= 0 && (size_t)c->answer_ent < d->nP)
		add_cover(d, c, d->nD + (size_t)c->answer_ent);
	if (c->q.kind == QUIZ_CHOICE && c->q.answer)
		for (size_t i = 0; i < c->n_ents; i++) {
			int e = c->ents[i];
			if ((size_t)e < d->nP && strcmp(d->P[e].name, c->q.answer) == 0)
				add_cover(d, c, d->nD + (size_t)e);
		}
	if (c->sentence == ORDER_SENTENCE) {
		hay_release(&vis);
		return;
	}
	size_t s = c->sentence;
	for (size_t i = d->sent_dates[s]; i < d->sent_dates[s + 1]; i++)
		if (hay_has(&vis, d->D[i].surface))
			add_cover(d, c, i);
	for (size_t m = d->sent_mentions[s]; m < d->sent_mentions[s + 1]; m++) {
		const extract_mention *mm = &d->M[m];
		if (mm->kind != EXTRACT_PERSON)
			continue;
		const extract_person *p = &d->P[mm->entity];
		if (hay_has(&vis, p->name) || (p->short_name && hay_has(&vis, p->short_name)))
			add_cover(d, c, d->nD + mm->entity);
	}
	hay_release(&vis);
}

static double score_of(const draft *d, const cand *c)
{
	double score = template_base[c->q.template];
	size_t s = c->sentence;
	if (c->q.kind == QUIZ_ACTOR && c->q.template == DRAFT_ROLE)
		score += 0.1;
	if (c->q.kind == QUIZ_CLAIM && c->q.answer && strcmp(c->q.answer, "false") == 0)
		score += 0.05;
	if (s != ORDER_SENTENCE) {
		const extract_sentence *st = &d->S[s];
		/* News is written as an inverted pyramid: the lead matters most. */
		score += 0.6 / sqrt(1.0 + (double)s);
		if (st->first_in_paragraph)
			score += 0.15;
		if (c->shows_sentence) {
			if (st->words < 8)
				score -= 0.4;
			else if (st->words > 40)
				score -= 0.4 + 0.02 * (st->words - 40);
			else if (st->words >= 12 && st->words <= 30)
				score += 0.1;
			if (starts_with_word(st->text, pronouns, sizeof pronouns / sizeof pronouns[0]))
				score -= 0.5;
		}
	}
	/* A question is read before it is answered: long ones cost. */
	size_t prompt_words = count_words(c->q.prompt);
	if (prompt_words > 30)
		score -= 0.03 * (double)(prompt_words - 30);
	if (prompt_words > 60)
		score -= 0.3;
	if (c->answer_ent >= 0) {
		int mentions = (size_t)c->answer_ent < d->nP ? d->P[c->answer_ent].mentions
		                                             : d->O[(size_t)c->answer_ent - d->nP].mentions;
		score += 0.1 * (mentions > 4 ? 3 : mentions > 1 ? mentions - 1 : 0);
	}
	return score;
}

/* Checks and scores the newest candidate; drops it when it has no prompt or
 * source, or its prompt gives the answer away. (Sources are checked against
 * the article when a question is kept: a search of the whole article for
 * every candidate would make drafting quadratic.) */
static void cand_finish(draft *d, cand *c)
{
	if (!c->q.prompt || !c->q.source) {
		cand_drop(d);
		return;
	}
	hay prompt;
	hay_init(&prompt, c->q.prompt);
	bool gives_away = false;
	for (size_t i = 0; i < c->n_forms && !gives_away; i++)
		gives_away = hay_has(&prompt, c->forms[i]);
	hay_release(&prompt);
	if (gives_away) {
		cand_drop(d);
		return;
	}
	c->q.score = score_of(d, c);
	buf vis;
	buf_init(&vis);
	compute_covers(d, c, &vis);
	buf_release(&vis);
}

/* ------------------------------------------------------------------------
 * Templates. */

static const char *iso_date(draft *d, int y, int m, int day)
{
	if (day)
		return afmt(d, "%04d-%02d-%02d", y, m, day);
	if (m)
		return afmt(d, "%04d-%02d", y, m);
	return afmt(d, "%04d", y);
}

static const char *published_text(draft *d)
{
	const char *p = article_get_meta(d->a)->published;
	return p ? p : "";
}

/* Where cutting a date phrase out of its sentence should end: after the
 * comma that closes "February 7, 2016," too. */
static size_t date_cut_end(const draft *d, const extract_date *dt)
{
	const extract_sentence *st = &d->S[dt->sentence];
	/* Further in, a comma that opens a clause of its own stays. */
	static const char *const clause[] = {
		"which", "who", "whom", "whose", "where", "when", "while", "as", "after", "before",
		"because", "and", "but", "so", "although", "though", "since", "until",
	};
	if (dt->phrase_start > 0 && dt->end + 2 < st->len && st->text[dt->end] == ',' &&
	    starts_with_word(st->text + dt->end + 2, clause, sizeof clause / sizeof clause[0]))
		return dt->end;
	if (dt->precision == EXTRACT_DAY && strchr(dt->surface, ',') && dt->end < st->len &&
	    st->text[dt->end] == ',')
		return dt->end + 1;
	return dt->end;
}

/* Whether mention `m` is its sentence's subject: it opens the sentence,
 * the extractor found its verb, or only words without a comma or a verb
 * stand before it ("The French physicist Henri Becquerel discovered"). */
static bool mention_is_subject(const draft *d, size_t m)
{
	const extract_mention *mm = &d->M[m];
	if (mm->start == 0 || mm->predicate_start)
		return true;
	const char *t = d->S[mm->sentence].text;
	for (size_t i = 0; i < mm->start; i++) {
		if (t[i] == ',' || t[i] == ';' || t[i] == ':' || t[i] == '(' || (unsigned char)t[i] == 0xE2)
			return false;
		if (i == 0 || t[i - 1] == ' ') {
			size_t wl = 0;
			while (i + wl < mm->start && t[i + wl] != ' ')
				wl++;
			char *w = xstrndup(t + i, wl);
			char *base = qform_base_of_past(w);
			bool verb = base != NULL || strcmp(w, "was") == 0 || strcmp(w, "were") == 0 ||
			            strcmp(w, "is") == 0 || strcmp(w, "that") == 0 || strcmp(w, "and") == 0;
			free(base);
			free(w);
			if (verb)
				return false;
		}
	}
	return true;
}

/* The person a pronoun of sentence `s` stands for: the only person named
 * in the nearest sentence before it that names anyone (up to four back,
 * through sentences that go on about "he" or "she"); -1 when that sentence
 * names several, a "They" or "It" comes between, or the person is known to
 * be of the other gender (`female`: "she" or "her"; the article's own
 * pronouns near each name tell). */
static int lead_person(const draft *d, size_t s, bool female)
{
	static const char *const personal[] = {"he", "she", "his", "her"};
	static const char *const hers[] = {"she", "her", "hers", "herself"};
	static const char *const his[] = {"he", "his", "him", "himself"};
	for (size_t back = 1; back <= 4 && back <= s; back++) {
		size_t k = s - back;
		int found = -1;
		bool several = false, subject = false;
		for (size_t m = d->sent_mentions[k]; m < d->sent_mentions[k + 1]; m++) {
			if (d->M[m].kind != EXTRACT_PERSON)
				continue;
			if (found >= 0 && found != (int)d->M[m].entity)
				several = true;
			found = (int)d->M[m].entity;
			subject = subject || mention_is_subject(d, m);
		}
		/* "Curie" alone, with two Curies in the article: someone is named,
		 * but who is not known. */
		if (several || d->names_unknown[k])
			return -1;
		if (found >= 0 && !subject) {
			/* "Using an electrometer that Pierre had invented, she
			 * measured": the person named is not the one the pronoun
			 * of that sentence, and so of this one, stands for. */
			hay h;
			hay_init(&h, d->S[k].text);
			bool same_pronoun = has_any_word(&h, female ? hers : his, 4);
			hay_release(&h);
			if (same_pronoun)
				continue;
			/* "Contrecœur allowed Trent's company to withdraw. He ...": the
			 * one named is not the subject, who may be someone the rules
			 * did not find. */
			return -1;
		}
		if (found >= 0)
			return d->gender[found] == (female ? 1 : -1) ? -1 : found;
		if (starts_with_word(d->S[k].text, pronouns, sizeof pronouns / sizeof pronouns[0]) &&
		    !starts_with_word(d->S[k].text, personal, 4))
			return -1;
	}
	return -1;
}

static bool word_at(const char *text, size_t i, const char *w);
static bool her_is_object(const char *after);

/* Each person's gender as the article's pronouns show it: +1 for "he",
 * "his", "him", -1 for "she", "her", in sentences that name that person
 * alone; 0 when unknown or mixed. */
static void compute_genders(draft *d)
{
	d->gender = arena_alloc(d->ar, (d->nP + 1) * sizeof(int));
	int *score = xcalloc(d->nP + 1, sizeof(int));
	static const char *const he[] = {"he", "his", "him", "himself"};
	static const char *const she[] = {"she", "hers", "herself"};
	for (size_t s = 0; s < d->nS; s++) {
		int only = -1;
		bool several = false, subject = false;
		for (size_t m = d->sent_mentions[s]; m < d->sent_mentions[s + 1]; m++) {
			if (d->M[m].kind != EXTRACT_PERSON)
				continue;
			if (only >= 0 && only != (int)d->M[m].entity)
				several = true;
			only = (int)d->M[m].entity;
			subject = subject || mention_is_subject(d, m);
		}
		/* Only a sentence about its named subject tells that subject's
		 * gender: in "Using the electrometer Pierre had invented, she
		 * measured", "she" is someone else. */
		if (only < 0 || several || !subject || d->S[s].words > MAX_PROMPT_WORDS)
			continue;
		const char *t = d->S[s].text;
		hay h;
		hay_init(&h, t);
		if (has_any_word(&h, he, 4))
			score[only]++;
		bool female = has_any_word(&h, she, 3);
		/* "her" as a possessive ("her doctoral research"), not an object
		 * ("to join her"), which is someone else. */
		for (size_t i = 0; t[i] && !female; i++)
			female = word_at(t, i, "her") && !her_is_object(t + i + 3);
		if (female)
			score[only]--;
		hay_release(&h);
	}
	for (size_t p = 0; p < d->nP; p++)
		d->gender[p] = score[p] > 0 ? 1 : score[p] < 0 ? -1 : 0;
	free(score);
	/* Family names two people share, and the sentences that use one alone
	 * (without a given name before it). */
	d->names_unknown = arena_alloc(d->ar, (d->nS + 1) * sizeof(bool));
	memset(d->names_unknown, 0, (d->nS + 1) * sizeof(bool));
	strset seen = {0}, shared = {0};
	const char **list = xmalloc((d->nP + 1) * sizeof *list);
	size_t n_list = 0;
	for (size_t p = 0; p < d->nP; p++) {
		const char *f = d->P[p].family;
		if (!f || !strchr(d->P[p].name, ' '))
			continue;
		if (strset_has(&seen, f) && !strset_has(&shared, f)) {
			strset_add(&shared, f);
			list[n_list++] = f;
		}
		strset_add(&seen, f);
	}
	for (size_t s = 0; s < d->nS && n_list; s++) {
		const char *t = d->S[s].text;
		for (size_t i = 0; i < n_list && !d->names_unknown[s]; i++) {
			size_t fl = strlen(list[i]);
			for (const char *at = strstr(t, list[i]); at && !d->names_unknown[s]; at = strstr(at + 1, list[i])) {
				bool whole = (at == t || !is_word_byte((unsigned char)at[-1])) && !is_word_byte((unsigned char)at[fl]);
				/* "Pierre Curie": a capitalised word before it makes it a full name. */
				bool full = at >= t + 2 && at[-1] == ' ' && is_word_byte((unsigned char)at[-2]);
				if (full) {
					const char *w = at - 1;
					while (w > t && w[-1] != ' ')
						w--;
					full = *w >= 'A' && *w <= 'Z';
				}
				d->names_unknown[s] = whole && !full;
			}
		}
	}
	d->family_shared = arena_alloc(d->ar, (d->nP + 1) * sizeof(bool));
	for (size_t p = 0; p < d->nP; p++)
		d->family_shared[p] = d->P[p].family && strset_has(&shared, d->P[p].family);
	free(list);
	strset_release(&seen);
	strset_release(&shared);
}

/* Whether text[i..] is the whole word `w` (case aside). */
static bool word_at(const char *text, size_t i, const char *w)
{
	size_t n = strlen(w);
	return (i == 0 || !is_word_byte((unsigned char)text[i - 1])) && strncasecmp(text + i, w, n) == 0 &&
	       !is_word_byte((unsigned char)text[i + n]);
}

/* "her" as an object ("presented her with"), not a possessive ("her
 * research"): what follows is a preposition, an article or punctuation. */
static bool her_is_object(const char *after)
{
	static const char *const follow[] = {
		"with", "to", "for", "as", "in", "on", "at", "from", "by", "a", "an", "the", "and",
		"that", "into", "about", "after", "before", "up", "back", "off",
	};
	while (*after == ' ')
		after++;
	if (!is_word_byte((unsigned char)*after))
		return true;
	return starts_with_word(after, follow, sizeof follow / sizeof follow[0]);
}

/* `text` (a prompt made from sentence `s`) with its pronouns that point
 * outside the sentence replaced by the person they stand for: the first
 * "he" or "she" when the sentence's subject is not named before it, a
 * leading "His"/"Her", and an object "him" or "her". NULL when it opens
 * with another pronoun ("It", "They") or has one of these that cannot be
 * resolved. With `subject_asked` (a "who" question), a subject pronoun is
 * the one asked about and stays. *resolved gets the person, or -1. */
static const char *resolve_lead(draft *d, size_t s, const char *text, bool subject_asked, int *resolved)
{
	*resolved = -1;
	if (!text)
		return NULL;
	static const char *const personal[] = {"he", "she", "his", "her"};
	if (starts_with_word(text, pronouns, sizeof pronouns / sizeof pronouns[0]) &&
	    !starts_with_word(text, personal, 4))
		return NULL;
	const char *out = text;
	for (int pass = 0; pass < 2; pass++) {
		/* Pass 0: a subject ("he", "she", a leading possessive); pass 1: an
		 * object ("him", "her"). */
		size_t at = SIZE_MAX, wl = 0;
		bool female = false, possessive = false;
		for (size_t i = 0; out[i] && at == SIZE_MAX; i++) {
			if (pass == 0 && (word_at(out, i, "he") || word_at(out, i, "she"))) {
				at = i, wl = out[i + 1] == 'e' ? 2 : 3, female = wl == 3;
			} else if (pass == 0 && i == 0 && (word_at(out, 0, "his") || word_at(out, 0, "her"))) {
				at = 0, wl = 3, female = tolower((unsigned char)out[1]) == 'e', possessive = true;
			} else if (pass == 1 && (word_at(out, i, "him") ||
			                         (word_at(out, i, "her") && i > 0 && her_is_object(out + i + 3)))) {
				at = i, wl = 3, female = tolower((unsigned char)out[1 + i]) == 'e';
			}
		}
		if (at == SIZE_MAX)
			continue;
		/* A subject pronoun after the sentence's named subject is that
		 * subject ("Yi ... said he"). */
		bool named_subject = false;
		for (size_t m = d->sent_mentions[s]; m < d->sent_mentions[s + 1] && !named_subject; m++)
			named_subject = d->M[m].kind == EXTRACT_PERSON && d->M[m].predicate_start &&
			                memmem(out, at, d->S[s].text + d->M[m].start, d->M[m].end - d->M[m].start);
		if (pass == 0 && (named_subject || subject_asked))
			continue;
		int p = lead_person(d, s, female);
		if (p < 0)
			return NULL;
		/* An object is never the clause's own subject. */
		if (pass == 1 && sentence_names(d, s, ent_person((size_t)p)))
			return NULL;
		if (*resolved >= 0 && *resolved != p)
			return NULL;
		*resolved = p;
		out = afmt(d, "%.*s%s%s%s", (int)at, out, d->P[p].name, possessive ? "\xE2\x80\x99s" : "", out + at + wl);
	}
	return out;
}

/* Whether `text` (from sentence `s`) holds a "his" or "her" after its
 * start while the person last named before the sentence, of that gender,
 * is not the sentence's named subject: the pronoun may be theirs. */
static bool possessive_points_back(const draft *d, size_t s, const char *text)
{
	for (int g = 0; g < 2; g++) {
		const char *w = g ? "her" : "his";
		bool found = false;
		for (size_t i = 1; text[i] && !found; i++)
			found = word_at(text, i, w);
		if (!found)
			continue;
		int before = lead_person(d, s, g == 1);
		if (before < 0)
			continue;
		for (size_t m = d->sent_mentions[s]; m < d->sent_mentions[s + 1]; m++)
			if (d->M[m].kind == EXTRACT_PERSON && (int)d->M[m].entity != before)
				return true;
	}
	return false;
}

/* The sentence's closing or opening attribution cut off ("..., the WSJ
 * reported"), so that the event is asked about, not the report. */
static const char *without_attribution(draft *d, const char *text)
{
	size_t a, b, ws, we;
	if (!text || !qform_attribution(text, &a, &b, &ws, &we))
		return text;
	return tidy(d, afmt(d, "%.*s%s%s", (int)a, text, a == 0 ? "" : ".", text + b));
}

static void tmpl_date(draft *d)
{
	for (size_t i = 0; i < d->nD; i++) {
		const extract_date *dt = &d->D[i];
		const extract_sentence *st = &d->S[dt->sentence];
		if (dt->end_year || st->quoted || st->words > MAX_PROMPT_WORDS || has_pronunciation(st->text))
			continue;
		/* Only a date of the main clause is asked as "when": one that opens
		 * the sentence, or one in the first clause ("X defended her thesis
		 * in June 1903"); a date further in may belong to a clause of its
		 * own ("since the franchise was founded in 1995"), which the cloze
		 * template blanks instead. */
		if (!dt->removable)
			continue;
		if (dt->phrase_start > 0) {
			bool first_clause = true;
			static const char *const openers[] = {
				"that", "which", "who", "when", "where", "after", "before", "while", "because",
				"since", "until", "as", "whose", "whom", "if", "although", "though",
			};
			for (size_t k = 0; k < dt->phrase_start && first_clause; k++) {
				char c = st->text[k];
				if (c == ',' || c == ';' || c == ':' || c == '(')
					first_clause = false;
				if (k == 0 || st->text[k - 1] == ' ')
					first_clause = !starts_with_word(st->text + k, openers, sizeof openers / sizeof openers[0]) &&
					               first_clause;
			}
			if (!first_clause)
				continue;
		}
		cand *c = cand_new(d, DRAFT_DATE, QUIZ_DATE, dt->sentence);
		if (!c)
			return;
		static const char *const asked[] = {
			"", "In what year", "In what month and year", "On what date",
		};
		const char *stmt = edit_sentence(d, dt->sentence, dt->phrase_start, date_cut_end(d, dt), "");
		/* "He passed the examination in 1576 and spent years ...": the
		 * date is the first verb's; what the second did is left out. */
		if (dt->phrase_start > 0 && strncmp(st->text + dt->end, " and ", 5) == 0)
			stmt = tidy(d, afmt(d, "%.*s.", (int)dt->phrase_start, st->text));
		stmt = without_attribution(d, stmt);
		int who = -1;
		stmt = resolve_lead(d, dt->sentence, stmt, false, &who);
		/* "Yu secured his appointment", where "his" is Yi's, named just
		 * before: a possessive that may point past the subject is not
		 * asked about. */
		if (stmt && possessive_points_back(d, dt->sentence, stmt))
			stmt = NULL;
		stmt = lower_opening_word(d, stmt);
		char *q = stmt && count_words(stmt) >= 4 ? qform_ask(stmt, asked[dt->precision], false) : NULL;
		if (!q) {
			cand_drop(d);
			continue;
		}
		c->q.prompt = arena_strdup(d->ar, q);
		free(q);
		c->q.answer = iso_date(d, dt->year, dt->month, dt->day);
		c->q.answer_text = dt->surface;
		c->answer_date = (int)i;
		c->key = afmt(d, "date:%s", c->q.answer);
		add_form(c, dt->surface);
		add_form(c, afmt(d, "%04d", dt->year));
		c->q.source = source_for(d, dt->sentence, dt->phrase_start, dt->end);
		c->q.explain = dt->relative
			? afmt(d, "\xC2\xB6%d says \xE2\x80\x9C%s\xE2\x80\x9D, and the article was published on %s.",
			       st->paragraph, dt->phrase, published_text(d))
			: afmt(d, "\xC2\xB6%d gives the date: \xE2\x80\x9C%s\xE2\x80\x9D.", st->paragraph, dt->phrase);
		if (who >= 0)
			add_ent(c, ent_person((size_t)who));
		for (size_t m = d->sent_mentions[dt->sentence]; m < d->sent_mentions[dt->sentence + 1]; m++)
			if (d->M[m].kind == EXTRACT_PERSON)
				add_ent(c, ent_person(d->M[m].entity));
		cand_finish(d, c);
	}
}

static void tmpl_who(draft *d)
{
	for (size_t i = 0; i < d->nM; i++) {
		const extract_mention *m = &d->M[i];
		const extract_sentence *st = &d->S[m->sentence];
		if (!m->predicate_start || st->quoted || st->words > MAX_PROMPT_WORDS ||
		    has_pronunciation(st->text))
			continue;
		bool person = m->kind == EXTRACT_PERSON;
		int e = person ? ent_person(m->entity) : ent_org(d, m->entity);
		if (!person && !d->O[m->entity].is_org)
			continue;
		cand *c = cand_new(d, DRAFT_WHO, QUIZ_ACTOR, m->sentence);
		if (!c)
			return;
		size_t intro = m->subject_start;
		while (intro > 0 && st->text[intro - 1] == ' ')
			intro--;
		/* "In December of that year, ...": an opening phrase that points
		 * at another sentence means nothing on its own; it goes. */
		if (intro) {
			char *opening = afmt(d, "%.*s", (int)intro, st->text);
			static const char *const pointers[] = {"that", "same", "following", "next", "later", "this", "then"};
			hay h;
			hay_init(&h, opening);
			if (has_any_word(&h, pointers, sizeof pointers / sizeof pointers[0]))
				intro = 0;
			hay_release(&h);
		}
		const char *wh = person ? (intro ? "who" : "Who")
		                        : (intro ? "which organisation" : "Which organisation");
		char *joined = afmt(d, "%.*s%s%s %s", (int)intro, st->text, intro ? " " : "", wh,
		                    st->text + m->predicate_start);
		int object = -1;
		c->q.prompt = resolve_lead(d, m->sentence, as_question(d, tidy(d, joined)), true, &object);
		if (object >= 0)
			add_ent(c, ent_person((size_t)object));
		c->q.answer_text = ent_name(d, e);
		c->answer_ent = e;
		add_ent(c, e);
		add_entity_forms(d, c, e);
		c->key = afmt(d, "who:%d", e);
		c->shows_sentence = true;
		c->q.source = source_for(d, m->sentence, m->subject_start, m->end);
		const char *role = person ? d->P[m->entity].role : NULL;
		c->q.explain = role ? afmt(d, "\xC2\xB6%d says this of %s (%s).", st->paragraph, ent_name(d, e), role)
		                    : afmt(d, "\xC2\xB6%d says this of %s.", st->paragraph, ent_name(d, e));
		cand_finish(d, c);
	}
}

/* "She won the Nobel Prize in 1911." -> "Who won the Nobel Prize in
 * 1911?", when "She" is the one person named just before. */
static void tmpl_who_pronoun(draft *d)
{
	for (size_t s = 0; s < d->nS; s++) {
		const extract_sentence *st = &d->S[s];
		if (st->quoted || st->words < 5 || st->words > 40 || has_pronunciation(st->text))
			continue;
		size_t wl = 0;
		if (strncmp(st->text, "He ", 3) == 0)
			wl = 2;
		else if (strncmp(st->text, "She ", 4) == 0)
			wl = 3;
		if (!wl)
			continue;
		/* The verb must follow at once ("She won", "He was"). */
		const char *rest = st->text + wl + 1;
		size_t vl = strcspn(rest, " ,.");
		char *verb = afmt(d, "%.*s", (int)vl, rest);
		char *base = qform_base_of_past(verb);
		bool is_verb = base != NULL || strcmp(verb, "was") == 0;
		free(base);
		if (!is_verb)
			continue;
		int p = lead_person(d, s, wl == 3);
		if (p < 0)
			continue;
		/* "that year" points at another sentence; a second clause (", and
		 * measurements ... confirmed") is not about the person. */
		static const char *const pointers[] = {"that year", "same year", "following year", "next year", "that day"};
		bool points = false;
		for (size_t k = 0; k < sizeof pointers / sizeof pointers[0] && !points; k++)
			points = strstr(rest, pointers[k]) != NULL;
		if (points)
			continue;
		size_t keep = strlen(rest);
		const char *second = strstr(rest, ", and ");
		const char *but = strstr(rest, ", but ");
		if (second || but)
			keep = (size_t)(((second && (!but || second < but)) ? second : but) - rest);
		cand *c = cand_new(d, DRAFT_WHO, QUIZ_ACTOR, s);
		if (!c)
			return;
		int object = -1;
		const char *asked = keep < strlen(rest) ? afmt(d, "Who %.*s.", (int)keep, rest) : afmt(d, "Who %s", rest);
		c->q.prompt = resolve_lead(d, s, as_question(d, tidy(d, asked)), true, &object);
		if (object >= 0)
			add_ent(c, ent_person((size_t)object));
		int e = ent_person((size_t)p);
		c->q.answer_text = ent_name(d, e);
		c->answer_ent = e;
		add_ent(c, e);
		add_entity_forms(d, c, e);
		c->key = afmt(d, "who:%d", e);
		c->shows_sentence = true;
		c->q.source = source_for(d, s, 0, st->len);
		c->q.explain = afmt(d, "\xC2\xB6%d says this of %s (\xE2\x80\x9C%.*s\xE2\x80\x9D, after %s is named).",
		                    st->paragraph, ent_name(d, e), (int)wl, st->text, ent_name(d, e));
		cand_finish(d, c);
	}
}


/* Distractors for an entity answer: other speakers first, then others of
 * the same kind, then any; by first appearance. */
static size_t pick_distractors(const draft *d, int answer, bool speakers_first, int *out, size_t max)
{
	size_t n = 0;
	bool person = (size_t)answer < d->nP;
	for (int pass = speakers_first ? 0 : 1; pass < 3 && n < max; pass++) {
		size_t total = pass == 0 ? d->nQ : d->nP + d->nO;
		/* The first few hundred are plenty to find three distinct ones. */
		if (total > 500)
			total = 500;
		for (size_t i = 0; i < total && n < max; i++) {
			int e;
			if (pass == 0) {
				const extract_quote *q = &d->Q[i];
				if (!q->has_speaker)
					continue;
				e = q->speaker_kind == EXTRACT_PERSON ? ent_person(q->speaker) : ent_org(d, q->speaker);
			} else {
				e = (int)i;
				bool is_person = i < d->nP;
				if (pass == 1 && is_person != person)
					continue;
				if (!is_person && !d->O[i - d->nP].is_org)
					continue;
			}
			if (e == answer)
				continue;
			bool dup = false;
			for (size_t k = 0; k < n; k++)
				dup = dup || out[k] == e || strcmp(ent_name(d, out[k]), ent_name(d, e)) == 0;
			if (!dup && strcmp(ent_name(d, e), ent_name(d, answer)) != 0)
				out[n++] = e;
		}
	}
	return n;
}

static void shuffle(const draft *d, const char *what, const char **items, size_t n)
{
	uint64_t state = rng_for(d, what, n);
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(splitmix(&state) % i);
		const char *t = items[i - 1];
		items[i - 1] = items[j];
		items[j] = t;
	}
}

static void tmpl_who_said(draft *d)
{
	for (size_t i = 0; i < d->nQ; i++) {
		const extract_quote *q = &d->Q[i];
		if (!q->has_speaker || q->words < 6)
			continue;
		int e = q->speaker_kind == EXTRACT_PERSON ? ent_person(q->speaker) : ent_org(d, q->speaker);
		if (q->speaker_kind == EXTRACT_ORG && !d->O[q->speaker].is_org)
			continue;
		int others[3];
		size_t n_others = pick_distractors(d, e, true, others, 3);
		if (n_others < 2)
			continue;
		cand *c = cand_new(d, DRAFT_WHO_SAID, QUIZ_CHOICE, q->sentence);
		if (!c)
			return;
		/* At most 25 words of it, cut at a word. */
		const char *text = q->text;
		size_t cut = strlen(text), words = 0;
		size_t clause = 0;
		bool in = false;
		for (size_t k = 0; text[k]; k++) {
			bool space = text[k] == ' ';
			if (!space && !in && ++words > 25) {
				cut = clause ? clause : k;
				break;
			}
			/* A comma, a semicolon or a dash after ten words is a better place
			 * to stop than the middle of a clause. */
			if (words >= 10 && space && k > 0 &&
			    (text[k - 1] == ',' || text[k - 1] == ';' ||
			     (k >= 3 && strncmp(text + k - 3, "\xE2\x80\x94", 3) == 0)))
				clause = k;
			in = !space;
		}
		while (cut > 0 && cut < strlen(text) &&
		       (text[cut - 1] == ' ' || text[cut - 1] == ',' || text[cut - 1] == ';' ||
		        (unsigned char)text[cut - 1] >= 0x80)) {
			/* Back over spaces, the comma, and a dash or a no-break space. */
			if ((unsigned char)text[cut - 1] >= 0x80) {
				size_t b = cut - 1;
				while (b > 0 && ((unsigned char)text[b] & 0xC0) == 0x80)
					b--;
				bool dash = strncmp(text + b, "\xE2\x80\x94", 3) == 0 ||
				            strncmp(text + b, "\xC2\xA0", 2) == 0;
				if (!dash)
					break;
				cut = b;
			} else {
				cut--;
			}
		}
		bool cut_short = cut < strlen(text);
		char *shown = arena_strndup(d->ar, text, cut);
		c->q.prompt = afmt(d, "Whose words are these, according to the article: \xE2\x80\x9C%s%s\xE2\x80\x9D?",
		                   shown, cut_short ? "\xE2\x80\xA6" : "");
		const char **choices = strings(d, n_others + 1);
		choices[0] = ent_name(d, e);
		for (size_t k = 0; k < n_others; k++) {
			choices[k + 1] = ent_name(d, others[k]);
			add_ent(c, others[k]);
		}
		shuffle(d, shown, choices, n_others + 1);
		c->q.choices = choices;
		c->q.n_choices = n_others + 1;
		c->q.answer = ent_name(d, e);
		c->q.answer_text = ent_name(d, e);
		add_ent(c, e);
		add_entity_forms(d, c, e);
		c->key = afmt(d, "said:%d", e);
		c->q.source = shown;
		c->q.explain = afmt(d, "\xC2\xB6%d attributes these words to %s.", d->S[q->sentence].paragraph,
		                    ent_name(d, e));
		cand_finish(d, c);
	}
}

static bool sentence_fit(const draft *d, size_t s, size_t min_words, size_t max_words);

/* Who reported an event: the attribution cut from the event ("..., the
 * Wall Street Journal (WSJ) reported.") asked about, with other sources
 * of the article as choices. */
static void tmpl_who_reported(draft *d)
{
	for (size_t s = 0; s < d->nS; s++) {
		const extract_sentence *st = &d->S[s];
		if (!sentence_fit(d, s, 8, 45))
			continue;
		size_t a, b, ws, we;
		if (!qform_attribution(st->text, &a, &b, &ws, &we) || a == 0)
			continue;
		/* The source must be someone the article names in full. */
		int e = -1;
		for (size_t m = d->sent_mentions[s]; m < d->sent_mentions[s + 1] && e < 0; m++) {
			const extract_mention *mm = &d->M[m];
			if (mm->start < ws || mm->end > we)
				continue;
			if (mm->kind == EXTRACT_ORG && !d->O[mm->entity].is_org)
				continue;
			e = mm->kind == EXTRACT_PERSON ? ent_person(mm->entity) : ent_org(d, mm->entity);
		}
		if (e < 0)
			continue;
		int others[3];
		size_t n_others = pick_distractors(d, e, true, others, 3);
		if (n_others < 2)
			continue;
		int who = -1;
		const char *event = resolve_lead(d, s, tidy(d, afmt(d, "%.*s", (int)a, st->text)), false, &who);
		if (!event || count_words(event) < 6)
			continue;
		/* "In June this year, ..." reads on after "that" in lower case; a
		 * name stays as it is. */
		bool name_first = false;
		for (size_t m = d->sent_mentions[s]; m < d->sent_mentions[s + 1]; m++)
			name_first = name_first || d->M[m].start == 0;
		for (size_t i = d->sent_dates[s]; i < d->sent_dates[s + 1]; i++)
			name_first = name_first || (d->D[i].start == 0 && d->D[i].relative == false && isdigit((unsigned char)*event));
		char *lowered = arena_strdup(d->ar, event);
		if (!name_first && !(lowered[0] && isupper((unsigned char)lowered[1])))
			lowered[0] = (char)tolower((unsigned char)lowered[0]);
		const char *verb = st->text + we + 1;
		size_t vl = strcspn(verb, " .");
		cand *c = cand_new(d, DRAFT_WHO_SAID, QUIZ_CHOICE, s);
		if (!c)
			return;
		c->q.prompt = afmt(d, "Which source %.*s that %s?", (int)vl, verb, lowered);
		const char **choices = strings(d, n_others + 1);
		choices[0] = ent_name(d, e);
		for (size_t k = 0; k < n_others; k++) {
			choices[k + 1] = ent_name(d, others[k]);
			add_ent(c, others[k]);
		}
		shuffle(d, st->text, choices, n_others + 1);
		c->q.choices = choices;
		c->q.n_choices = n_others + 1;
		c->q.answer = ent_name(d, e);
		c->q.answer_text = ent_name(d, e);
		add_ent(c, e);
		if (who >= 0)
			add_ent(c, ent_person((size_t)who));
		add_entity_forms(d, c, e);
		c->key = afmt(d, "said:%d", e);
		c->shows_sentence = true;
		c->q.source = source_for(d, s, 0, st->len);
		c->q.explain = afmt(d, "\xC2\xB6%d gives %s as the source.", st->paragraph, ent_name(d, e));
		cand_finish(d, c);
		/* Who reported something is worth less than what happened. */
		if (d->n_cands && &d->cands[d->n_cands - 1] == c)
			c->q.score -= 0.3;
	}
}


/* The bytes of sentence `s` that hold both `a` and `b` (either may be NULL),
 * as a quotation; the sentence when they cannot be found. */
static const char *span_source(draft *d, size_t s, const char *a, const char *b)
{
	const char *t = d->S[s].text;
	if (d->S[s].words > MAX_PROMPT_WORDS) {
		/* Around the first name of the entity in a long sentence. */
		for (size_t m = d->sent_mentions[s]; m < d->sent_mentions[s + 1]; m++) {
			const extract_mention *mm = &d->M[m];
			const char *name = mm->kind == EXTRACT_PERSON ? d->P[mm->entity].name : d->O[mm->entity].name;
			if ((a && strcmp(name, a) == 0) || (b && strcmp(name, b) == 0))
				return source_for(d, s, mm->subject_start, mm->end);
		}
		return NULL;
	}
	const char *pa = a ? strstr(t, a) : NULL, *pb = b ? strstr(t, b) : NULL;
	if ((a && !pa) || (b && !pb))
		return source_for(d, s, 0, d->S[s].len);
	const char *start = pa && (!pb || pa < pb) ? pa : pb;
	const char *end_a = pa ? pa + strlen(a) : NULL, *end_b = pb ? pb + strlen(b) : NULL;
	const char *end = end_a && (!end_b || end_a > end_b) ? end_a : end_b;
	return arena_strndup(d->ar, start, (size_t)(end - start));
}

static const char *folded(draft *d, const char *s)
{
	buf f;
	buf_init(&f);
	text_fold(s, strlen(s), &f, NULL);
	char *out = arena_strndup(d->ar, f.ptr, f.len);
	buf_release(&f);
	return out;
}

static void tmpl_role(draft *d)
{
	const char **roles = xcalloc(d->nP + 1, sizeof *roles);
	strset seen = {0}, repeated = {0};
	for (size_t p = 0; p < d->nP; p++) {
		if (!d->P[p].role)
			continue;
		roles[p] = folded(d, d->P[p].role);
		if (strset_has(&seen, roles[p]))
			strset_add(&repeated, roles[p]);
		strset_add(&seen, roles[p]);
	}
	for (size_t p = 0; p < d->nP; p++) {
		const extract_person *pp = &d->P[p];
		if (!pp->role || pp->role_sentence == SIZE_MAX)
			continue;
		size_t s = pp->role_sentence;
		const char *source = span_source(d, s, pp->role, pp->name);
		const char *explain = afmt(d, "\xC2\xB6%d introduces %s as %s.", d->S[s].paragraph, pp->name,
		                           pp->role);
		/* Other roles, for choices, and whether this one is unique. */
		const char *others[3], *others_folded[3];
		size_t n_others = 0;
		bool unique = !strset_has(&repeated, roles[p]);
		for (size_t o = 0; o < d->nP && o < 500 && n_others < 3; o++) {
			if (o == p || !roles[o] || strcmp(roles[o], roles[p]) == 0)
				continue;
			bool dup = false;
			for (size_t k = 0; k < n_others; k++)
				dup = dup || strcmp(others_folded[k], roles[o]) == 0;
			if (!dup) {
				others_folded[n_others] = roles[o];
				others[n_others++] = d->P[o].role;
			}
		}
		cand *c = NULL;
		if (n_others >= 2) {
			c = cand_new(d, DRAFT_ROLE, QUIZ_CHOICE, s);
			if (c) {
				const char **choices = strings(d, n_others + 1);
				choices[0] = pp->role;
				for (size_t k = 0; k < n_others; k++)
					choices[k + 1] = others[k];
				shuffle(d, pp->name, choices, n_others + 1);
				c->q.choices = choices;
				c->q.n_choices = n_others + 1;
			}
		} else if (count_words(pp->role) <= 4) {
			c = cand_new(d, DRAFT_ROLE, QUIZ_TEXT, s);
		}
		if (c) {
			c->q.prompt = afmt(d, "What role or position does the article give %s?", pp->name);
			c->q.answer = pp->role;
			c->q.answer_text = pp->role;
			add_form(c, pp->role);
			add_ent(c, ent_person(p));
			c->key = afmt(d, "role:%zu", p);
			c->q.source = source;
			c->q.explain = explain;
			cand_finish(d, c);
		}
		/* "Who is the guard?" says too little: the reverse needs a role of
		 * two words or more. */
		if (!unique || count_words(pp->role) < 2)
			continue;
		c = cand_new(d, DRAFT_ROLE, QUIZ_ACTOR, s);
		if (!c)
			continue;
		c->q.prompt = afmt(d, "Who does the article describe as \xE2\x80\x9C%s\xE2\x80\x9D?", pp->role);
		c->q.answer_text = pp->name;
		c->answer_ent = ent_person(p);
		add_ent(c, c->answer_ent);
		add_entity_forms(d, c, c->answer_ent);
		c->key = afmt(d, "role:%zu", p);
		c->q.source = source;
		c->q.explain = explain;
		cand_finish(d, c);
	}
	strset_release(&seen);
	strset_release(&repeated);
	free(roles);
}

static void tmpl_acronym(draft *d)
{
	for (size_t o = 0; o < d->nO; o++) {
		const extract_org *org = &d->O[o];
		if (!org->acronym)
			continue;
		const char *source = span_source(d, org->sentence, org->name, org->acronym);
		const char *explain = afmt(d, "\xC2\xB6%d defines %s as %s.", d->S[org->sentence].paragraph,
		                           org->acronym, org->name);
		for (int reverse = 0; reverse < 2; reverse++) {
			if (!reverse && count_words(org->name) > 6)
				continue;
			cand *c = cand_new(d, DRAFT_ACRONYM, QUIZ_TEXT, org->sentence);
			if (!c)
				return;
			if (reverse) {
				c->q.prompt = afmt(d, "What acronym does the article use for \xE2\x80\x9C%s\xE2\x80\x9D?",
				                   org->name);
				c->q.answer = org->acronym;
			} else {
				c->q.prompt = afmt(d, "What does \xE2\x80\x9C%s\xE2\x80\x9D stand for in the article?",
				                   org->acronym);
				c->q.answer = org->name;
			}
			c->q.answer_text = c->q.answer;
			add_form(c, c->q.answer);
			if (org->is_org)
				add_ent(c, ent_org(d, o));
			c->key = afmt(d, "acronym:%zu", o);
			c->q.source = source;
			c->q.explain = explain;
			cand_finish(d, c);
		}
	}
}

/* Sentences fit to be shown as they are: complete, not hedged, not a
 * question, not inside a quotation. */
static bool sentence_fit(const draft *d, size_t s, size_t min_words, size_t max_words)
{
	const extract_sentence *st = &d->S[s];
	if (st->quoted || (size_t)st->words < min_words || (size_t)st->words > max_words)
		return false;
	if (strchr(st->text, '?') || strchr(st->text, '!') || strchr(st->text, '{') ||
	    strchr(st->text, '}') || strchr(st->text, '|'))
		return false;
	if (has_pronunciation(st->text))
		return false;
	size_t n = st->len;
	while (n && (st->text[n - 1] == ' '))
		n--;
	/* It must end like a sentence. */
	if (!n)
		return false;
	char last = st->text[n - 1];
	bool closes = last == '.' || last == '"' || last == ')' ||
	              (n >= 3 && strncmp(st->text + n - 3, "\xE2\x80\x9D", 3) == 0);
	return closes;
}


/* Another number to put in place of `n` in a false claim: one of the
 * article's of the same kind and unit within ten times, else a made-up one
 * written the same way. NULL when none fits. */
static const char *number_swap(draft *d, size_t idx, const hay *sentence, uint64_t *rng)
{
	const extract_number *n = &d->N[idx];
	size_t pool[16], k = 0;
	size_t from = idx > 200 ? idx - 200 : 0, to = idx + 200 < d->nN ? idx + 200 : d->nN;
	for (size_t i = from; i < to && k < 16; i++) {
		const extract_number *o = &d->N[i];
		if (i == idx || o->kind != n->kind || o->value == n->value || o->value <= 0 ||
		    n->value <= 0 || o->value > n->value * 10 || o->value * 10 < n->value)
			continue;
		if ((o->unit == NULL) != (n->unit == NULL) || (o->unit && strcmp(o->unit, n->unit) != 0))
			continue;
		/* "$50,000" for "£21,000" changes the currency, not the amount. */
		if (n->kind == EXTRACT_MONEY && o->surface[0] != n->surface[0])
			continue;
		if (hay_has(sentence, o->surface))
			continue;
		pool[k++] = i;
	}
	/* Only the article's own numbers: a made-up one may be true. */
	return k ? d->N[pool[splitmix(rng) % k]].surface : NULL;
}

/* Whether the paragraph of sentence `s` names the entity. */
static bool paragraph_names(const draft *d, size_t s, int e)
{
	int para = d->S[s].paragraph;
	size_t a = s, b = s;
	while (a > 0 && s - a < 10 && d->S[a - 1].paragraph == para)
		a--;
	while (b + 1 < d->nS && b - s < 10 && d->S[b + 1].paragraph == para)
		b++;
	for (size_t k = a; k <= b; k++)
		if (sentence_names(d, k, e))
			return true;
	return false;
}

/* Builds a false claim from sentence `s` by swapping one person,
 * organisation, date or number for another of the same kind. */
static bool false_claim(draft *d, cand *c, size_t s)
{
	const extract_sentence *st = &d->S[s];
	uint64_t rng = rng_for(d, st->text, s);
	hay sentence;
	hay_init(&sentence, st->text);
	bool made = false;
	buf rest_text;
	buf_init(&rest_text);
	/* People and organisations. */
	for (size_t m = d->sent_mentions[s]; m < d->sent_mentions[s + 1]; m++) {
		const extract_mention *mm = &d->M[m];
		/* Only the subject of the clause is swapped, for another subject of
		 * the article: the article says who did it, so someone else in
		 * that place is a claim it contradicts. */
		if (!mm->full || !mm->predicate_start)
			continue;
		bool person = mm->kind == EXTRACT_PERSON;
		int e = person ? ent_person(mm->entity) : ent_org(d, mm->entity);
		/* "Court" for "Council" says nothing: organisations of one word
		 * are too vague to swap. */
		if (!person && (!d->O[mm->entity].is_org || !strchr(d->O[mm->entity].name, ' ')))
			continue;
		/* Its other forms must not stay behind in the sentence. */
		buf_clear(&rest_text);
		buf_printf(&rest_text, "%.*s %s", (int)mm->start, st->text, st->text + mm->end);
		hay rest;
		hay_init(&rest, rest_text.ptr);
		const char *other_form = person ? d->P[mm->entity].short_name : d->O[mm->entity].acronym;
		bool stays = hay_has(&rest, ent_name(d, e)) || (other_form && hay_has(&rest, other_form)) ||
		             (person && hay_has(&rest, last_word(d->P[mm->entity].name)));
		hay_release(&rest);
		if (stays)
			continue;
		int pool[32];
		size_t k = 0;
		size_t total = person ? d->nP : d->nO;
		for (size_t i = 0; i < total && k < 32; i++) {
			int o = person ? ent_person(i) : ent_org(d, i);
			if (o == e || sentence_names(d, s, o) || (!person && (!d->O[i].is_org || !strchr(d->O[i].name, ' '))) ||
			    strcmp(ent_name(d, o), ent_name(d, e)) == 0 || hay_has(&sentence, ent_name(d, o)) ||
			    !d->subject_somewhere[o] || paragraph_names(d, s, o))
				continue;
			/* Pierre Curie may well have done what Marie Curie did. */
			if (person && d->P[i].family && d->P[mm->entity].family &&
			    strcmp(d->P[i].family, d->P[mm->entity].family) == 0)
				continue;
			/* "a U.S. State Department representative" must not become "a
			 * China's Foreign Ministry representative". */
			bool determiner = mm->start >= 2 && (strncmp(st->text + mm->start - 2, "a ", 2) == 0 ||
			                                     (mm->start >= 4 && strncasecmp(st->text + mm->start - 4, "the ", 4) == 0) ||
			                                     (mm->start >= 3 && strncmp(st->text + mm->start - 3, "an ", 3) == 0));
			if (determiner && (strstr(ent_name(d, o), "\xE2\x80\x99s ") || strstr(ent_name(d, o), "'s ")))
				continue;
			pool[k++] = o;
		}
		if (!k)
			continue;
		int swap = pool[splitmix(&rng) % k];
		c->q.prompt = edit_sentence(d, s, mm->start, mm->end, ent_name(d, swap));
		if (!c->q.prompt)
			continue;
		c->q.correction = afmt(d, "The article names %s, not %s.", ent_name(d, e), ent_name(d, swap));
		add_ent(c, e);
		add_ent(c, swap);
		made = true;
		goto out;
	}
	/* Dates. */
	for (size_t i = d->sent_dates[s]; i < d->sent_dates[s + 1]; i++) {
		const extract_date *dt = &d->D[i];
		/* The one date of the event ("in 1898"), not a bound ("by 1590",
		 * "since 1968") that another year would satisfy as well. */
		if (dt->relative || dt->end_year || !dt->removable || d->sent_dates[s + 1] - d->sent_dates[s] != 1)
			continue;
		const char *swap = NULL;
		size_t pool[16], k = 0;
		/* Dates from around this one in the article. */
		size_t from = i > 200 ? i - 200 : 0, to = i + 200 < d->nD ? i + 200 : d->nD;
		for (size_t o = from; o < to && k < 16; o++) {
			const extract_date *od = &d->D[o];
			if (od->precision != dt->precision || od->relative || od->end_year ||
			    (od->year == dt->year && od->month == dt->month && od->day == dt->day) ||
			    hay_has(&sentence, od->surface))
				continue;
			pool[k++] = o;
		}
		if (k)
			swap = d->D[pool[splitmix(&rng) % k]].surface;
		else if (dt->precision == EXTRACT_YEAR && strlen(dt->surface) == 4) {
			int delta = 1 + (int)(splitmix(&rng) % 3);
			swap = afmt(d, "%04d", splitmix(&rng) % 2 ? dt->year + delta : dt->year - delta);
		}
		if (!swap || strcmp(swap, dt->surface) == 0 || hay_has(&sentence, swap))
			continue;
		c->q.prompt = edit_sentence(d, s, dt->start, dt->end, swap);
		if (!c->q.prompt)
			continue;
		c->q.correction = afmt(d, "The article says \xE2\x80\x9C%s\xE2\x80\x9D, not \xE2\x80\x9C%s\xE2\x80\x9D.",
		                       dt->surface, swap);
		made = true;
		goto out;
	}
	/* Numbers. */
	for (size_t i = d->sent_numbers[s]; i < d->sent_numbers[s + 1]; i++) {
		const extract_number *n = &d->N[i];
		/* "more than 130": a smaller number would be true as well. */
		static const char *const bounds[] = {
			"more than ", "over ", "at least ", "fewer than ", "less than ", "up to ", "nearly ",
			"almost ", "under ", "at most ", "as many as ", "some ",
		};
		bool bounded = false;
		for (size_t b = 0; b < sizeof bounds / sizeof bounds[0] && !bounded; b++) {
			size_t bl = strlen(bounds[b]);
			bounded = n->start >= bl && strncasecmp(st->text + n->start - bl, bounds[b], bl) == 0;
		}
		if (bounded)
			continue;
		const char *swap = number_swap(d, i, &sentence, &rng);
		if (!swap || hay_has(&sentence, swap))
			continue;
		c->q.prompt = edit_sentence(d, s, n->start, n->end, swap);
		if (!c->q.prompt)
			continue;
		c->q.correction = afmt(d, "The article says \xE2\x80\x9C%s\xE2\x80\x9D, not \xE2\x80\x9C%s\xE2\x80\x9D.",
		                       n->surface, swap);
		made = true;
		goto out;
	}
out:
	buf_release(&rest_text);
	hay_release(&sentence);
	return made;
}

static bool sentence_has_entity(const draft *d, size_t s)
{
	return d->sent_mentions[s + 1] > d->sent_mentions[s] || d->sent_dates[s + 1] > d->sent_dates[s] ||
	       d->sent_numbers[s + 1] > d->sent_numbers[s];
}

static void tmpl_claim(draft *d)
{
	for (size_t s = 0; s < d->nS; s++) {
		const extract_sentence *st = &d->S[s];
		if (!sentence_fit(d, s, 8, 40) || !sentence_has_entity(d, s))
			continue;
		hay h;
		hay_init(&h, st->text);
		bool unfit = has_any_word(&h, hedges, sizeof hedges / sizeof hedges[0]) ||
		             hay_has(&h, "true") || hay_has(&h, "false");
		hay_release(&h);
		if (unfit)
			continue;
		cand *c = cand_new(d, DRAFT_CLAIM, QUIZ_CLAIM, s);
		if (!c)
			return;
		/* About half true and half false, decided per sentence. */
		uint64_t coin = rng_for(d, "claim", s);
		bool made_false = (coin & 1) && false_claim(d, c, s);
		if (made_false) {
			c->q.answer = "false";
			c->q.explain = afmt(d, "\xC2\xB6%d says otherwise.", st->paragraph);
		} else {
			c->q.prompt = tidy(d, st->text);
			c->q.answer = "true";
			c->q.explain = afmt(d, "\xC2\xB6%d says so.", st->paragraph);
			for (size_t m = d->sent_mentions[s]; m < d->sent_mentions[s + 1]; m++)
				if (d->M[m].kind == EXTRACT_PERSON)
					add_ent(c, ent_person(d->M[m].entity));
		}
		int who = -1;
		c->q.prompt = resolve_lead(d, s, c->q.prompt, false, &who);
		if (who >= 0)
			add_ent(c, ent_person((size_t)who));
		c->key = afmt(d, "claim:%zu", s);
		c->shows_sentence = true;
		c->q.source = source_for(d, s, 0, st->len);
		cand_finish(d, c);
	}
}

static void cloze_one(draft *d, size_t s, size_t start, size_t end, const char **answers,
                      size_t n_answers, const char *key, int ent, int date)
{
	cand *c = cand_new(d, DRAFT_CLOZE, QUIZ_CLOZE, s);
	if (!c)
		return;
	const extract_sentence *st = &d->S[s];
	/* A blank of more words than this is a guessing game, not recall. */
	if (count_words(answers[0]) > 4) {
		cand_drop(d);
		return;
	}
	/* The answer must not show elsewhere in the sentence. */
	buf rest_text;
	buf_init(&rest_text);
	buf_printf(&rest_text, "%.*s _____ %s", (int)start, st->text, st->text + end);
	hay rest;
	hay_init(&rest, rest_text.ptr);
	bool shows = false;
	for (size_t i = 0; i < n_answers && !shows; i++)
		shows = hay_has(&rest, answers[i]);
	/* "Marie Curie met {{Pierre Curie}}": half the answer shows. */
	if (ent >= 0 && (size_t)ent < d->nP) {
		const char *name = d->P[ent].name;
		for (const char *w = name; *w && !shows;) {
			const char *e = strchr(w, ' ');
			size_t wl = e ? (size_t)(e - w) : strlen(w);
			if (wl >= 4) {
				char *word = afmt(d, "%.*s", (int)wl, w);
				shows = hay_has(&rest, word);
			}
			w = e ? e + 1 : w + wl;
		}
	}
	hay_release(&rest);
	buf_release(&rest_text);
	if (shows) {
		cand_drop(d);
		return;
	}
	buf blank;
	buf_init(&blank);
	buf_puts(&blank, "{{");
	for (size_t i = 0; i < n_answers; i++) {
		if (i)
			buf_putc(&blank, '|');
		buf_puts(&blank, answers[i]);
	}
	buf_puts(&blank, "}}");
	c->q.prompt = edit_sentence(d, s, start, end, blank.ptr);
	buf_release(&blank);
	int who = -1;
	c->q.prompt = resolve_lead(d, s, c->q.prompt, false, &who);
	if (who >= 0)
		add_ent(c, ent_person((size_t)who));
	/* A name put in for a pronoun must not give the answer away. */
	if (c->q.prompt && who >= 0) {
		const char *open = strstr(c->q.prompt, "{{"), *close = open ? strstr(open, "}}") : NULL;
		char *outside = close ? afmt(d, "%.*s %s", (int)(open - c->q.prompt), c->q.prompt, close + 2) : NULL;
		hay h;
		hay_init(&h, outside ? outside : "");
		for (size_t i = 0; i < n_answers && outside; i++)
			if (hay_has(&h, answers[i]))
				c->q.prompt = NULL;
		/* Nor half of it ("Marie Curie met {{Pierre Curie}}"). */
		if (outside && ent >= 0 && (size_t)ent < d->nP)
			for (const char *w = d->P[ent].name; *w && c->q.prompt;) {
				const char *e = strchr(w, ' ');
				size_t wl = e ? (size_t)(e - w) : strlen(w);
				if (wl >= 4 && hay_has(&h, afmt(d, "%.*s", (int)wl, w)))
					c->q.prompt = NULL;
				w = e ? e + 1 : w + wl;
			}
		hay_release(&h);
	}
	c->q.answer_text = answers[0];
	c->key = afmt(d, "cloze:%s", key);
	c->shows_sentence = true;
	c->answer_date = date;
	if (ent >= 0) {
		add_ent(c, ent);
		if ((size_t)ent < d->nP)
			c->answer_ent = ent;
	}
	c->q.source = source_for(d, s, start, end);
	c->q.explain = afmt(d, "The full sentence is in \xC2\xB6%d.", st->paragraph);
	cand_finish(d, c);
}

static void tmpl_cloze(draft *d)
{
	for (size_t s = 0; s < d->nS; s++) {
		if (!sentence_fit(d, s, 8, 45))
			continue;
		for (size_t m = d->sent_mentions[s]; m < d->sent_mentions[s + 1]; m++) {
			const extract_mention *mm = &d->M[m];
			if (!mm->full)
				continue;
			const char *answers[3];
			size_t n = 0;
			int e;
			if (mm->kind == EXTRACT_PERSON) {
				const extract_person *p = &d->P[mm->entity];
				e = ent_person(mm->entity);
				answers[n++] = p->name;
				/* "Curie" alone is no answer when there are two Curies. */
				if (p->family && strcmp(p->family, p->name) != 0 && !d->family_shared[mm->entity])
					answers[n++] = p->family;
			} else {
				const extract_org *o = &d->O[mm->entity];
				if (!o->is_org || !strchr(o->name, ' '))
					continue;
				e = ent_org(d, mm->entity);
				answers[n++] = o->name;
				if (o->acronym)
					answers[n++] = o->acronym;
			}
			cloze_one(d, s, mm->start, mm->end, answers, n, afmt(d, "e%d", e), e, -1);
		}
		for (size_t i = d->sent_dates[s]; i < d->sent_dates[s + 1]; i++) {
			const extract_date *dt = &d->D[i];
			if (dt->relative || dt->end_year)
				continue;
			const char *answers[2] = {dt->surface, iso_date(d, dt->year, dt->month, dt->day)};
			size_t n = dt->precision == EXTRACT_YEAR || strcmp(answers[0], answers[1]) == 0 ? 1 : 2;
			cloze_one(d, s, dt->start, dt->end, answers, n, afmt(d, "d%s", answers[1]), -1, (int)i);
		}
		for (size_t i = d->sent_numbers[s]; i < d->sent_numbers[s + 1]; i++) {
			const extract_number *num = &d->N[i];
			const char *answers[2] = {num->surface, NULL};
			size_t n = 1;
			if (strchr(num->surface, ',') && strspn(num->surface, "0123456789,.") == strlen(num->surface)) {
				char *plain = arena_strdup(d->ar, num->surface);
				char *w = plain;
				for (const char *r = num->surface; *r; r++)
					if (*r != ',')
						*w++ = *r;
				*w = '\0';
				answers[n++] = plain;
			}
			cloze_one(d, s, num->start, num->end, answers, n, afmt(d, "n%s", num->surface), -1, -1);
		}
	}
}

/* Whether the clause before byte `at` of sentence `s` is the first one: no
 * comma, bracket or word that opens another clause stands before it. */
static bool in_first_clause(const draft *d, size_t s, size_t at)
{
	static const char *const openers[] = {
		"that", "which", "who", "when", "where", "after", "before", "while", "because",
		"since", "until", "as", "whose", "whom", "if", "although", "though",
	};
	const char *t = d->S[s].text;
	for (size_t k = 0; k < at; k++) {
		if (t[k] == ',' || t[k] == ';' || t[k] == ':' || t[k] == '(')
			return false;
		if ((k == 0 || t[k - 1] == ' ') && starts_with_word(t + k, openers, sizeof openers / sizeof openers[0]))
			return false;
	}
	return true;
}

/* "How many" questions: a count and the plural noun after it ("some 150
 * women"), asked where the count is the subject ("About 150,000 soldiers
 * followed" -> "How many soldiers followed?") or the object of the main
 * verb ("she trained some 150 women as operators" -> "How many women did
 * Marie Curie train as operators?"). */
static void tmpl_number(draft *d)
{
	static const char *const approx[] = {"about ", "some ", "around ", "roughly ", "approximately ", "an estimated "};
	static const char *const bounds[] = {
		"more than ", "over ", "at least ", "fewer than ", "less than ", "up to ", "nearly ",
		"almost ", "under ", "at most ", "as many as ", "only ", "just ",
	};
	for (size_t i = 0; i < d->nN; i++) {
		const extract_number *n = &d->N[i];
		size_t s = n->sentence;
		const extract_sentence *st = &d->S[s];
		if (n->kind != EXTRACT_CARDINAL || !n->unit || n->value < 2 || !sentence_fit(d, s, 6, 45))
			continue;
		/* The noun counted: the unit's first word, a plural, right after. */
		const char *u = n->unit;
		size_t ul = strcspn(u, " ");
		bool plural = (ul > 3 && u[ul - 1] == 's' && u[ul - 2] != 's') ||
		              (ul == 5 && strncmp(u, "women", 5) == 0) || (ul == 6 && strncmp(u, "people", 6) == 0) ||
		              (ul == 8 && strncmp(u, "children", 8) == 0) || (ul == 3 && strncmp(u, "men", 3) == 0);
		if (!plural || strncmp(st->text + n->end, " ", 1) != 0 || strncmp(st->text + n->end + 1, u, ul) != 0)
			continue;
		size_t phrase_end = n->end + 1 + ul;
		if (is_word_byte((unsigned char)st->text[phrase_end]))
			continue;
		size_t phrase_start = n->start;
		bool about = false, bounded = false;
		for (size_t b = 0; b < sizeof bounds / sizeof bounds[0] && !bounded; b++) {
			size_t bl = strlen(bounds[b]);
			bounded = n->start >= bl && strncasecmp(st->text + n->start - bl, bounds[b], bl) == 0;
		}
		for (size_t b = 0; b < sizeof approx / sizeof approx[0] && !about; b++) {
			size_t bl = strlen(approx[b]);
			if (n->start >= bl && strncasecmp(st->text + n->start - bl, approx[b], bl) == 0) {
				about = true;
				phrase_start = n->start - bl;
			}
		}
		if (bounded || !in_first_clause(d, s, phrase_start))
			continue;
		/* "842 pounds (382 kg)", "two subsidiaries, X and Y", "1,000 years
		 * or longer": the count is converted, listed or bounded after it. */
		const char *after = st->text + phrase_end;
		static const char *const after_bounds[] = {" or more", " or longer", " or fewer", " or less", " or so"};
		bool qualified = after[0] == ',' || after[0] == ':' || strncmp(after, " (", 2) == 0;
		for (size_t b = 0; b < sizeof after_bounds / sizeof after_bounds[0] && !qualified; b++)
			qualified = strncmp(after, after_bounds[b], strlen(after_bounds[b])) == 0;
		if (qualified)
			continue;
		/* A hedged count ("may have lived") is an estimate, not a fact to recall. */
		hay hedge;
		hay_init(&hedge, st->text);
		bool hedged = has_any_word(&hedge, hedges, sizeof hedges / sizeof hedges[0]);
		hay_release(&hedge);
		if (hedged)
			continue;
		char *wh = afmt(d, "How many %.*s", (int)ul, u);
		const char *prompt = NULL;
		int who = -1;
		if (phrase_start == 0) {
			/* "How many soldiers followed?" needs more than a verb to be
			 * answerable on its own. */
			const char *rest = st->text + phrase_end;
			if (count_words(afmt(d, "%.*s", (int)strcspn(rest, ",;"), rest)) < 5)
				continue;
			prompt = as_question(d, tidy(d, afmt(d, "%s %s", wh, rest)));
		} else {
			const char *stmt = edit_sentence(d, s, phrase_start > 0 ? phrase_start - 1 : 0, phrase_end, "");
			stmt = resolve_lead(d, s, without_attribution(d, stmt), false, &who);
			/* The count must have stood right after the verb. */
			char *q = NULL;
			if (stmt) {
				size_t before = phrase_start;
				while (before > 0 && st->text[before - 1] == ' ')
					before--;
				size_t w = before;
				while (w > 0 && st->text[w - 1] != ' ')
					w--;
				char *verb = afmt(d, "%.*s", (int)(before - w), st->text + w);
				char *base = qform_base_of_past(verb);
				if (base)
					q = qform_ask(lower_opening_word(d, stmt), wh, false);
				free(base);
			}
			if (q) {
				prompt = arena_strdup(d->ar, q);
				free(q);
			}
		}
		if (!prompt)
			continue;
		cand *c = cand_new(d, DRAFT_NUMBER, QUIZ_NUMBER, s);
		if (!c)
			return;
		c->q.prompt = prompt;
		c->q.answer = afmt(d, "%.15g", n->value);
		c->q.answer_text = n->surface;
		c->q.tolerance = about ? "10%" : NULL;
		c->key = afmt(d, "number:%zu", i);
		c->shows_sentence = true;
		add_form(c, n->surface);
		add_form(c, c->q.answer);
		if (who >= 0)
			add_ent(c, ent_person((size_t)who));
		for (size_t m = d->sent_mentions[s]; m < d->sent_mentions[s + 1]; m++)
			if (d->M[m].kind == EXTRACT_PERSON)
				add_ent(c, ent_person(d->M[m].entity));
		c->q.source = source_for(d, s, phrase_start, phrase_end);
		c->q.explain = afmt(d, "\xC2\xB6%d says \xE2\x80\x9C%.*s\xE2\x80\x9D.", st->paragraph,
		                    (int)(phrase_end - phrase_start), st->text + phrase_start);
		cand_finish(d, c);
	}
}

typedef struct {
	size_t date;
	const char *text;
} order_event;

static int date_cmp(const extract_date *a, const extract_date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (!a->month || !b->month)
		return 0;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (!a->day || !b->day)
		return 0;
	return a->day < b->day ? -1 : a->day > b->day;
}

static bool has_year_word(const char *s)
{
	for (const char *p = s; *p; p++) {
		if ((p == s || !is_word_byte((unsigned char)p[-1])) && strspn(p, "0123456789") == 4 &&
		    !is_word_byte((unsigned char)p[4])) {
			int y = atoi(p);
			if (y >= 1000 && y <= 2100)
				return true;
		}
	}
	return false;
}

static void tmpl_order(draft *d)
{
	order_event events[5];
	size_t n = 0;
	for (size_t i = 0; i < d->nD && n < 5; i++) {
		const extract_date *dt = &d->D[i];
		const extract_sentence *st = &d->S[dt->sentence];
		if (!dt->removable || dt->end_year || st->quoted || st->words > MAX_PROMPT_WORDS ||
		    has_pronunciation(st->text) || inside_quotes(st->text, dt->phrase_start))
			continue;
		bool orderable = true;
		for (size_t k = 0; k < n && orderable; k++)
			orderable = date_cmp(dt, &d->D[events[k].date]) != 0 &&
			            d->D[events[k].date].sentence != dt->sentence;
		if (!orderable)
			continue;
		char *text = (char *)without_attribution(d, edit_sentence(d, dt->sentence, dt->phrase_start, date_cut_end(d, dt), ""));
		int who = -1;
		text = (char *)resolve_lead(d, dt->sentence, text, false, &who);
		if (!text || has_year_word(text) || starts_with_word(text, pronouns, sizeof pronouns / sizeof pronouns[0]) ||
		    strstr(text, "\xE2\x80\x9C") || strchr(text, '"') || strchr(text, ':') || strchr(text, ';'))
			continue;
		/* The event's verb must be among its first words, or the item
		 * names no event ("Two chemists at the University of ..."). */
		bool verb = false;
		size_t seen_words = 0;
		for (const char *w = text; *w && seen_words < 12 && !verb; seen_words++) {
			while (*w == ' ')
				w++;
			const char *e = w;
			while (*e && *e != ' ')
				e++;
			char *word = afmt(d, "%.*s", (int)(e - w), w);
			size_t wl = strlen(word);
			while (wl && strchr(",.;:", word[wl - 1]))
				word[--wl] = '\0';
			char *base = qform_base_of_past(word);
			verb = base != NULL || strcmp(word, "was") == 0 || strcmp(word, "were") == 0;
			free(base);
			w = e;
		}
		if (!verb)
			continue;
		/* At most 14 words, cut at a word. */
		size_t words = 0, cut = strlen(text);
		bool in = false;
		for (size_t k = 0; text[k]; k++) {
			bool space = text[k] == ' ';
			if (!space && !in && ++words > 14) {
				cut = k;
				break;
			}
			in = !space;
		}
		if (words < 5)
			continue;
		if (cut < strlen(text)) {
			while (cut > 0 && (text[cut - 1] == ' ' || text[cut - 1] == ',' || text[cut - 1] == ';'))
				cut--;
			text = afmt(d, "%.*s\xE2\x80\xA6", (int)cut, text);
		} else {
			size_t l = strlen(text);
			if (l && text[l - 1] == '.')
				text[l - 1] = '\0';
		}
		bool dup = false;
		for (size_t k = 0; k < n; k++)
			dup = dup || strcmp(events[k].text, text) == 0;
		if (!dup)
			events[n++] = (order_event){i, text};
	}
	if (n < 3)
		return;
	for (size_t i = 1; i < n; i++)
		for (size_t k = i; k > 0 && date_cmp(&d->D[events[k].date], &d->D[events[k - 1].date]) < 0; k--) {
			order_event t = events[k];
			events[k] = events[k - 1];
			events[k - 1] = t;
		}
	cand *c = cand_new(d, DRAFT_ORDER, QUIZ_ORDER, ORDER_SENTENCE);
	if (!c)
		return;
	const char **items = strings(d, n);
	buf explain;
	buf_init(&explain);
	buf_puts(&explain, "The article dates them: ");
	for (size_t i = 0; i < n; i++) {
		const extract_date *dt = &d->D[events[i].date];
		items[i] = events[i].text;
		buf_printf(&explain, "%s%s (\xC2\xB6%d)", i ? (i + 1 == n ? " and " : ", ") : "", dt->surface,
		           d->S[dt->sentence].paragraph);
	}
	buf_puts(&explain, ".");
	c->q.prompt = "Put these events in the order they happened, earliest first.";
	c->q.choices = items;
	c->q.n_choices = n;
	c->key = "order";
	const extract_date *first = &d->D[events[0].date];
	c->source_sentence = first->sentence;
	c->q.source = source_for(d, first->sentence, first->phrase_start, first->end);
	c->q.explain = arena_strndup(d->ar, explain.ptr, explain.len);
	buf_release(&explain);
	cand_finish(d, c);
}

/* ------------------------------------------------------------------------
 * Selection: best first, with variety and coverage (lazy greedy). */

typedef struct {
	double value;
	size_t index;
} heap_item;

static void heap_push(heap_item *h, size_t *n, heap_item it)
{
	size_t i = (*n)++;
	h[i] = it;
	while (i > 0) {
		size_t parent = (i - 1) / 2;
		if (h[parent].value > h[i].value ||
		    (h[parent].value == h[i].value && h[parent].index < h[i].index))
			break;
		heap_item t = h[parent];
		h[parent] = h[i];
		h[i] = t;
		i = parent;
	}
}

static heap_item heap_pop(heap_item *h, size_t *n)
{
	heap_item top = h[0];
	h[0] = h[--*n];
	size_t i = 0;
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, best = i;
		if (l < *n && (h[l].value > h[best].value ||
		               (h[l].value == h[best].value && h[l].index < h[best].index)))
			best = l;
		if (r < *n && (h[r].value > h[best].value ||
		               (h[r].value == h[best].value && h[r].index < h[best].index)))
			best = r;
		if (best == i)
			break;
		heap_item t = h[best];
		h[best] = h[i];
		h[i] = t;
		i = best;
	}
	return top;
}

static double gain(const cand *c, const bool *covered, const size_t *per_template)
{
	size_t fresh = 0;
	for (size_t i = 0; i < c->n_covers; i++)
		fresh += !covered[c->covers[i]];
	double variety = per_template[c->q.template] ? 0 : VARIETY_BONUS;
	return c->q.score + COVER_BONUS * (double)fresh + variety;
}

static int kept_order(const void *pa, const void *pb)
{
	const cand *a = *(const cand *const *)pa, *b = *(const cand *const *)pb;
	if (a->sentence != b->sentence)
		return a->sentence < b->sentence ? -1 : 1;
	if (a->q.template != b->q.template)
		return a->q.template < b->q.template ? -1 : 1;
	return a < b ? -1 : a > b;
}

static const char *slug(draft *d, const char *s, size_t max_words, const cand *c)
{
	static const char *const skip[] = {
		"the", "a", "an", "of", "in", "on", "to", "and", "or", "what", "who", "whom", "which",
		"did", "does", "do", "following", "happen", "year", "month", "date", "article",
		"according", "fills", "fill", "blank", "is", "was", "were", "are", "by", "for", "with",
		"that", "this", "these", "those", "it", "its", "as", "at", "from", "be", "been", "has",
		"have", "had", "put", "events", "order", "they", "happened", "earliest", "first",
		"whose", "words", "role", "position", "give", "describe", "acronym", "use", "stand",
		"organisation", "he", "she", "his", "her", "their", "there", "said", "says",
	};
	/* Letters without their accents, in lower case, for ids; letters that
	 * do not decompose are transliterated, never cut. */
	char *ascii = names_transliterate(s);
	const char *src = ascii;
	buf out;
	buf_init(&out);
	size_t words = 0;
	for (const char *p = src; *p && words < max_words;) {
		while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			p++;
		const char *w = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			p++;
		size_t wl = (size_t)(p - w);
		if (wl < 3 || (size_t)strspn(w, "0123456789") >= wl)
			continue;
		bool skipped = false;
		for (size_t i = 0; i < sizeof skip / sizeof skip[0] && !skipped; i++)
			skipped = strlen(skip[i]) == wl && strncmp(skip[i], w, wl) == 0;
		/* Nor any word of the answer. */
		for (size_t i = 0; c && i < c->n_forms && !skipped; i++) {
			const char *f = c->forms[i];
			for (const char *q = f; *q && !skipped; q++)
				skipped = strncasecmp(q, w, wl) == 0 && (q == f || !is_word_byte((unsigned char)q[-1])) &&
				          !is_word_byte((unsigned char)q[wl]);
		}
		if (skipped)
			continue;
		if (out.len)
			buf_putc(&out, '-');
		buf_append(&out, w, wl);
		words++;
	}
	free(ascii);
	char *r = arena_strndup(d->ar, out.ptr, out.len);
	buf_release(&out);
	return r;
}

/* An actor key: every word of `s`, transliterated, joined by "-" ("yi",
 * "sklodowska-curie"), at most four. */
static const char *key_slug(draft *d, const char *s)
{
	char *ascii = names_transliterate(s);
	buf out;
	buf_init(&out);
	size_t words = 0;
	for (const char *p = ascii; *p && words < 4;) {
		while (*p && !((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			p++;
		const char *w = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			p++;
		if (p == w)
			continue;
		static const char *const small[] = {"the", "of", "and", "for", "in", "on", "at", "s"};
		bool skip = false;
		for (size_t i = 0; i < sizeof small / sizeof small[0] && !skip; i++)
			skip = strlen(small[i]) == (size_t)(p - w) && strncmp(small[i], w, (size_t)(p - w)) == 0;
		if (skip)
			continue;
		if (out.len)
			buf_putc(&out, '-');
		buf_append(&out, w, (size_t)(p - w));
		words++;
	}
	free(ascii);
	char *r = arena_strndup(d->ar, out.ptr ? out.ptr : "", out.len);
	buf_release(&out);
	return r;
}

static void assign_ids(draft *d, cand **kept, size_t n)
{
	strset ids = {0}, stems = {0};
	for (size_t i = 0; i < n; i++) {
		cand *c = kept[i];
		const char *base = slug(d, c->q.prompt, 3, c);
		const char *stem = *base ? afmt(d, "%s-%s", template_names[c->q.template], base)
		                         : template_names[c->q.template];
		c->q.id = unique_name(d, &ids, &stems, stem);
	}
	strset_release(&ids);
	strset_release(&stems);
}

static void build_actors(draft *d, cand **kept, size_t n)
{
	size_t total = d->nP + d->nO;
	d->actors = arena_alloc(d->ar, (total ? total : 1) * sizeof(draft_actor));
	d->actor_of = arena_alloc(d->ar, (total ? total : 1) * sizeof(int));
	for (size_t i = 0; i < total; i++)
		d->actor_of[i] = -1;
	strset keys = {0}, stems = {0};
	for (size_t i = 0; i < n; i++) {
		cand *c = kept[i];
		for (size_t k = 0; k < c->n_ents; k++) {
			int e = c->ents[k];
			if (d->actor_of[e] >= 0)
				continue;
			draft_actor *a = &d->actors[d->n_actors];
			memset(a, 0, sizeof *a);
			const char *key_source;
			if ((size_t)e < d->nP) {
				const extract_person *p = &d->P[e];
				a->person = true;
				a->name = p->name;
				if (p->family && strcmp(p->family, last_word(p->name)) != 0)
					a->family = p->family;
				a->aliases = p->aliases;
				a->n_aliases = p->n_aliases;
				key_source = p->family ? p->family : last_word(p->name);
			} else {
				const extract_org *o = &d->O[(size_t)e - d->nP];
				a->name = o->name;
				a->acronym = o->acronym;
				key_source = o->acronym ? o->acronym : o->name;
			}
			const char *stem = key_slug(d, key_source);
			/* Two Curies: the second goes by its full name. */
			if (*stem && strset_has(&stems, stem))
				stem = key_slug(d, a->name);
			if (!*stem)
				stem = slug(d, a->name, 4, NULL);
			if (!*stem)
				stem = "actor";
			a->key = unique_name(d, &keys, &stems, stem);
			d->actor_of[e] = (int)d->n_actors++;
		}
	}
	strset_release(&keys);
	strset_release(&stems);
}

/* Whether the candidate's source is in the article, as `recall check` will
 * look for it, and in which paragraph. article_find_quote searches the
 * paragraphs folded by text_fold; searching the source's own paragraph,
 * folded the same way, finds what it would find, in time proportional to
 * the paragraph. The whole-article search runs too while its total stays
 * under SEARCH_BUDGET (every article of a realistic size), so that drafting
 * a huge article stays linear. */
static bool source_in_article(draft *d, cand *c)
{
	const extract_sentence *st = &d->S[c->source_sentence];
	size_t pi = (size_t)st->paragraph - 1;
	if (!d->para_folded[pi]) {
		const article_paragraph *p = article_paragraph_at(d->a, pi);
		d->para_folded[pi] = folded(d, p->text);
	}
	buf needle;
	buf_init(&needle);
	text_fold(c->q.source, strlen(c->q.source), &needle, NULL);
	bool found = needle.len && strstr(d->para_folded[pi], needle.ptr);
	buf_release(&needle);
	if (!found)
		return false;
	c->q.paragraph = st->paragraph;
	size_t len;
	article_text(d->a, &len);
	if (d->searched + len <= SEARCH_BUDGET) {
		d->searched += len;
		article_match m;
		if (!article_find_quote(d->a, c->q.source, &m))
			return false;
		c->q.paragraph = m.paragraph->number;
	}
	return true;
}

static void select_questions(draft *d)
{
	size_t words = article_word_count(d->a);
	d->budget = d->opt.max ? d->opt.max : (words + 79) / 80;
	if (d->budget == 0)
		d->budget = 1;
	bool *covered = xcalloc(d->nD + d->nP + 1, sizeof(bool));
	unsigned char *per_sentence = xcalloc(d->nS + 1, 1);
	heap_item *heap = xmalloc((d->n_cands + 1) * sizeof *heap);
	size_t n_heap = 0;
	size_t per_template[DRAFT_TEMPLATE_COUNT] = {0};
	size_t share = (size_t)ceil(TEMPLATE_SHARE * (double)d->budget);
	for (size_t i = 0; i < d->n_cands; i++)
		heap_push(heap, &n_heap, (heap_item){gain(&d->cands[i], covered, per_template), i});
	/* Candidates put off because their template had its share; they get a
	 * second round when the budget is not filled without them. */
	size_t *deferred = xmalloc((d->n_cands + 1) * sizeof *deferred);
	size_t n_deferred = 0;
	bool capped = true;
	cand **kept = xmalloc((d->n_cands + 1) * sizeof *kept);
	size_t n_kept = 0;
	strset keys = {0};   /* variety keys already used */
	while (n_kept < d->budget) {
		if (!n_heap) {
			if (!capped || !n_deferred)
				break;
			capped = false;
			for (size_t i = 0; i < n_deferred; i++)
				heap_push(heap, &n_heap, (heap_item){gain(&d->cands[deferred[i]], covered, per_template), deferred[i]});
			continue;
		}
		heap_item top = heap_pop(heap, &n_heap);
		cand *c = &d->cands[top.index];
		if (capped && per_template[c->q.template] >= share) {
			deferred[n_deferred++] = top.index;
			continue;
		}
		if (c->sentence != ORDER_SENTENCE && per_sentence[c->sentence] >= 1)
			continue;
		if (strset_has(&keys, c->key))
			continue;
		double now = gain(c, covered, per_template);
		if (now < top.value - 1e-9 && n_heap && now < heap[0].value) {
			heap_push(heap, &n_heap, (heap_item){now, top.index});
			continue;
		}
		if (!source_in_article(d, c))
			continue;
		kept[n_kept++] = c;
		strset_add(&keys, c->key);
		per_template[c->q.template]++;
		if (c->sentence != ORDER_SENTENCE)
			per_sentence[c->sentence]++;
		for (size_t i = 0; i < c->n_covers; i++)
			covered[c->covers[i]] = true;
	}
	qsort(kept, n_kept, sizeof *kept, kept_order);
	assign_ids(d, kept, n_kept);
	build_actors(d, kept, n_kept);
	d->kept = arena_alloc(d->ar, (n_kept ? n_kept : 1) * sizeof(draft_question));
	for (size_t i = 0; i < n_kept; i++) {
		cand *c = kept[i];
		if (c->q.kind == QUIZ_ACTOR && c->answer_ent >= 0)
			c->q.actor = &d->actors[d->actor_of[c->answer_ent]];
		d->kept[i] = c->q;
	}
	d->n_kept = n_kept;
	strset_release(&keys);
	free(deferred);
	free(kept);
	free(heap);
	free(per_sentence);
	free(covered);
}

/* ------------------------------------------------------------------------
 * The draft. */

static const char *find_title(draft *d)
{
	const article_meta *meta = article_get_meta(d->a);
	if (meta->title && *meta->title)
		return meta->title;
	cmark_iter *it = cmark_iter_new(article_document(d->a));
	cmark_event_type ev;
	const char *title = NULL;
	while (!title && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		buf b;
		buf_init(&b);
		cmark_iter *inner = cmark_iter_new(n);
		cmark_event_type iev;
		while ((iev = cmark_iter_next(inner)) != CMARK_EVENT_DONE) {
			cmark_node *t = cmark_iter_get_node(inner);
			if (iev == CMARK_EVENT_ENTER && (cmark_node_get_type(t) == CMARK_NODE_TEXT ||
			                                 cmark_node_get_type(t) == CMARK_NODE_CODE))
				buf_puts(&b, cmark_node_get_literal(t));
			else if (iev == CMARK_EVENT_ENTER && cmark_node_get_type(t) == CMARK_NODE_SOFTBREAK)
				buf_putc(&b, ' ');
		}
		cmark_iter_free(inner);
		if (b.len)
			title = arena_strndup(d->ar, b.ptr, b.len);
		buf_release(&b);
	}
	cmark_iter_free(it);
	if (title)
		return title;
	const char *path = article_path(d->a);
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	return arena_strndup(d->ar, base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
}

draft *draft_new(const article *a, const draft_options *opt)
{
	draft *d = xcalloc(1, sizeof *d);
	d->ar = arena_new();
	d->a = a;
	d->opt = *opt;
	d->x = extract_article(a);
	d->S = extract_sentences(d->x, &d->nS);
	d->D = extract_dates(d->x, &d->nD);
	d->P = extract_people(d->x, &d->nP);
	d->O = extract_orgs(d->x, &d->nO);
	d->M = extract_mentions(d->x, &d->nM);
	d->Q = extract_quotes(d->x, &d->nQ);
	d->N = extract_numbers(d->x, &d->nN);
	/* Mentions, dates and numbers come in sentence order: index them by
	 * sentence. */
	d->sent_mentions = xcalloc(d->nS + 2, sizeof(size_t));
	d->sent_dates = xcalloc(d->nS + 2, sizeof(size_t));
	d->sent_numbers = xcalloc(d->nS + 2, sizeof(size_t));
	size_t m = 0, dt = 0, nu = 0;
	for (size_t s = 0; s <= d->nS; s++) {
		while (m < d->nM && d->M[m].sentence < s)
			m++;
		while (dt < d->nD && d->D[dt].sentence < s)
			dt++;
		while (nu < d->nN && d->N[nu].sentence < s)
			nu++;
		d->sent_mentions[s] = m;
		d->sent_dates[s] = dt;
		d->sent_numbers[s] = nu;
	}
	d->subject_somewhere = arena_alloc(d->ar, (d->nP + d->nO + 1) * sizeof(bool));
	memset(d->subject_somewhere, 0, (d->nP + d->nO + 1) * sizeof(bool));
	for (size_t i = 0; i < d->nM; i++)
		if (d->M[i].predicate_start)
			d->subject_somewhere[d->M[i].kind == EXTRACT_PERSON ? ent_person(d->M[i].entity)
			                                                    : ent_org(d, d->M[i].entity)] = true;
	compute_genders(d);
	d->title = find_title(d);
	d->para_folded = arena_alloc(d->ar, (article_paragraph_count(a) + 1) * sizeof(const char *));
	tmpl_date(d);
	tmpl_who(d);
	tmpl_who_pronoun(d);
	tmpl_who_said(d);
	tmpl_who_reported(d);
	tmpl_role(d);
	tmpl_acronym(d);
	tmpl_claim(d);
	tmpl_cloze(d);
	tmpl_order(d);
	tmpl_number(d);
	select_questions(d);
	return d;
}

void draft_free(draft *d)
{
	if (!d)
		return;
	extract_free(d->x);
	free(d->sent_mentions);
	free(d->sent_dates);
	free(d->sent_numbers);
	free(d->cands);
	arena_free(d->ar);
	free(d);
}

size_t draft_count(const draft *d)
{
	return d->n_kept;
}

const draft_question *draft_at(const draft *d, size_t index)
{
	return index < d->n_kept ? &d->kept[index] : NULL;
}

size_t draft_candidates(const draft *d)
{
	return d->n_cands;
}

size_t draft_actor_count(const draft *d)
{
	return d->n_actors;
}

const draft_actor *draft_actor_at(const draft *d, size_t index)
{
	return index < d->n_actors ? &d->actors[index] : NULL;
}

size_t draft_budget(const draft *d)
{
	return d->budget;
}

const char *draft_template_name(draft_template t)
{
	return t < DRAFT_TEMPLATE_COUNT ? template_names[t] : "?";
}

bool draft_parse_kinds(const char *list, unsigned *kinds, unsigned *templates, char **bad)
{
	*kinds = *templates = 0;
	*bad = NULL;
	const char *p = list;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		char *name = xstrndup(p, len);
		bool known = false;
		quiz_kind k = quiz_kind_parse(name);
		if (k != QUIZ_KIND_COUNT) {
			*kinds |= 1u << k;
			known = true;
		}
		for (int t = 0; t < DRAFT_TEMPLATE_COUNT; t++)
			if (strcmp(name, template_names[t]) == 0) {
				*templates |= 1u << t;
				known = true;
			}
		if (!known) {
			*bad = name;
			return false;
		}
		free(name);
		if (!comma)
			return true;
		p = comma + 1;
	}
}

/* ------------------------------------------------------------------------
 * YAML. */

static bool looks_resolved(const char *s)
{
	/* Words and numbers that a YAML 1.1 or 1.2 reader turns into something
	 * other than a string. */
	static const char *const words[] = {
		"true", "false", "yes", "no", "on", "off", "y", "n", "null", "~", ".inf", "-.inf",
		"+.inf", ".nan",
	};
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	if (!*p)
		return false;
	bool digit = false;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digit = true;
		else if (!strchr("._:,eE+-xXoObBabcdefABCDEF", *p))
			return false;
	}
	return digit;
}

static bool plain_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || s[0] == ' ' || s[n - 1] == ' ' || s[n - 1] == ':')
		return false;
	if (strchr("-?:,[]{}#&*!|>'\"%@`", s[0]))
		return false;
	if (strstr(s, ": ") || strstr(s, " #"))
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F)
			return false;
		/* C1 controls, NEL, line and paragraph separators, BOM. */
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9F)
			return false;
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0xA8 || (unsigned char)s[i + 2] == 0xA9))
			return false;
		if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xBB && (unsigned char)s[i + 2] == 0xBF)
			return false;
		/* Bidirectional controls: kept, but escaped, so that a bank shown on
		 * a terminal reads in the order it is written. */
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
		    ((unsigned char)s[i + 2] == 0x8E || (unsigned char)s[i + 2] == 0x8F ||
		     ((unsigned char)s[i + 2] >= 0xAA && (unsigned char)s[i + 2] <= 0xAE)))
			return false;
		if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x81 &&
		    (unsigned char)s[i + 2] >= 0xA6 && (unsigned char)s[i + 2] <= 0xA9)
			return false;
	}
	if (!text_valid_utf8(s, n, NULL))
		return false;
	return !looks_resolved(s);
}

void draft_yaml_scalar(buf *out, const char *s)
{
	if (plain_ok(s)) {
		buf_puts(out, s);
		return;
	}
	buf_putc(out, '"');
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                                        (utf8proc_ssize_t)(n - i), &cp);
		if (len <= 0) {
			buf_puts(out, "\\uFFFD");
			i++;
			continue;
		}
		switch (cp) {
		case '"': buf_puts(out, "\\\""); break;
		case '\\': buf_puts(out, "\\\\"); break;
		case '\n': buf_puts(out, "\\n"); break;
		case '\t': buf_puts(out, "\\t"); break;
		case '\r': buf_puts(out, "\\r"); break;
		case 0: buf_puts(out, "\\0"); break;
		case 0x1B: buf_puts(out, "\\e"); break;
		case 0x85: buf_puts(out, "\\N"); break;
		case 0x2028: buf_puts(out, "\\L"); break;
		case 0x2029: buf_puts(out, "\\P"); break;
		default:
			if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
				buf_printf(out, "\\x%02X", (unsigned)cp);
			else if (cp == 0xFEFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF ||
			         cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
			         (cp >= 0x2066 && cp <= 0x2069))
				buf_printf(out, "\\u%04X", (unsigned)cp);
			else
				buf_append(out, s + i, (size_t)len);
		}
		i += (size_t)len;
	}
	buf_putc(out, '"');
}

static void yaml_field(buf *out, const char *indent, const char *key, const char *value)
{
	if (!value)
		return;
	buf_printf(out, "%s%s: ", indent, key);
	draft_yaml_scalar(out, value);
	buf_putc(out, '\n');
}

static void yaml_list(buf *out, const char *indent, const char *key, const char *const *items, size_t n)
{
	if (!n)
		return;
	buf_printf(out, "%s%s:\n", indent, key);
	for (size_t i = 0; i < n; i++) {
		buf_printf(out, "%s  - ", indent);
		draft_yaml_scalar(out, items[i]);
		buf_putc(out, '\n');
	}
}

void draft_write_yaml(const draft *d, const char *article_ref, buf *out)
{
	buf_puts(out, "# A DRAFT question bank, written by `recall draft` from the article below.\n"
	              "# Every question was made by rules from the article's sentences and needs a\n"
	              "# person's review: check each answer against its source, fix or delete what\n"
	              "# is wrong or dull, then run `recall check --strict` on this file.\n"
	              "# The comment above each question gives its paragraph and its score.\n");
	buf_puts(out, "recall: 1\n");
	yaml_field(out, "", "title", d->title);
	yaml_field(out, "", "article", article_ref);
	if (d->n_actors) {
		buf_puts(out, "actors:\n");
		for (size_t i = 0; i < d->n_actors; i++) {
			const draft_actor *a = &d->actors[i];
			buf_printf(out, "  %s:\n", a->key);
			yaml_field(out, "    ", "name", a->name);
			yaml_field(out, "    ", "family", a->family);
			yaml_field(out, "    ", "acronym", a->acronym);
			if (a->n_aliases)
				yaml_list(out, "    ", "aliases", a->aliases, a->n_aliases);
		}
	}
	if (!d->n_kept) {
		buf_puts(out, "questions: []\n");
		return;
	}
	buf_puts(out, "questions:\n");
	for (size_t i = 0; i < d->n_kept; i++) {
		const draft_question *q = &d->kept[i];
		buf_printf(out, "\n  # \xC2\xB6%d, score %.2f\n", q->paragraph, q->score);
		buf_printf(out, "  - id: %s\n", q->id);
		buf_printf(out, "    kind: %s\n", quiz_kind_name(q->kind));
		const char *ind = "    ";
		switch (q->kind) {
		case QUIZ_CLOZE:
			yaml_field(out, ind, "text", q->prompt);
			break;
		case QUIZ_ORDER:
			yaml_field(out, ind, "prompt", q->prompt);
			yaml_list(out, ind, "items", q->choices, q->n_choices);
			break;
		case QUIZ_DATE:
			yaml_field(out, ind, "prompt", q->prompt);
			/* An ISO date reads back as itself in plain style. */
			buf_printf(out, "%sanswer: %s\n", ind, q->answer);
			break;
		case QUIZ_NUMBER:
			yaml_field(out, ind, "prompt", q->prompt);
			buf_printf(out, "%sanswer: %s\n", ind, q->answer);
			yaml_field(out, ind, "tolerance", q->tolerance);
			break;
		case QUIZ_CLAIM:
			yaml_field(out, ind, "prompt", q->prompt);
			buf_printf(out, "%sanswer: %s\n", ind, q->answer);
			yaml_field(out, ind, "correction", q->correction);
			break;
		case QUIZ_ACTOR:
			yaml_field(out, ind, "prompt", q->prompt);
			if (q->actor)
				buf_printf(out, "%sanswer: {actor: %s}\n", ind, q->actor->key);
			else
				yaml_field(out, ind, "answer", q->answer_text);
			break;
		case QUIZ_CHOICE:
			yaml_field(out, ind, "prompt", q->prompt);
			yaml_list(out, ind, "choices", q->choices, q->n_choices);
			yaml_field(out, ind, "answer", q->answer);
			break;
		default:
			yaml_field(out, ind, "prompt", q->prompt);
			yaml_field(out, ind, "answer", q->answer);
			yaml_list(out, ind, "accept", q->accept, q->n_accept);
			break;
		}
		yaml_field(out, ind, "source", q->source);
		yaml_field(out, ind, "explain", q->explain);
		buf_printf(out, "%stags: [%s]\n", ind, template_names[q->template]);
	}
}

/* ------------------------------------------------------------------------
 * Paths. */

char *draft_relative_path(const char *from_dir, const char *to)
{
	/* Count the shared leading components. */
	size_t common = 0, i = 0;
	size_t shared_parts = 0;
	for (;;) {
		char a = from_dir[i], b = to[i];
		bool a_end = a == '\0' || a == '/', b_end = b == '\0' || b == '/';
		if (a_end && b_end) {
			if (i > 0)
				shared_parts++;
			common = i;
			if (a == '\0' || b == '\0')
				break;
		} else if (a != b) {
			break;
		}
		i++;
	}
	if (shared_parts == 0 && strcmp(from_dir, "/") != 0)
		return xstrdup(to);
	buf out;
	buf_init(&out);
	const char *rest_from = from_dir + common;
	for (const char *p = rest_from; *p; p++)
		if (*p == '/' && p[1] != '\0')
			buf_puts(&out, "../");
	const char *rest_to = to + common;
	if (*rest_to == '/')
		rest_to++;
	buf_puts(&out, rest_to);
	if (out.len == 0)
		buf_putc(&out, '.');
	return buf_detach(&out);
}
