/* quiz.c - the compiled quiz: an immutable model of a bank's questions and its article */
#include "quiz.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Questions and actors are kept in chunks from the arena so that pointers
 * handed out stay valid while more are added; a chunk of 16 questions (under
 * 3 KiB) fits the gaps in the heap that a large one would not. */
enum { CHUNK = 16 };

struct quiz {
	arena *arena;
	article *article;
	const char *title;
	const char *bank_path;
	const char *hash;
	quiz_date_order date_order;
	quiz_question **questions;   /* index; points into arena chunks */
	size_t n_questions, cap_questions;
	quiz_actor **actors;
	size_t n_actors, cap_actors;
	quiz_question *question_chunk;
	size_t question_chunk_used;
	quiz_actor *actor_chunk;
	size_t actor_chunk_used;
	/* Hash indexes by id, built on the first lookup after questions or
	 * actors were added: slot = position + 1, 0 empty. */
	size_t *question_index, question_index_cap, question_indexed;
	size_t *actor_index, actor_index_cap, actor_indexed;
};

static const char *kind_names[QUIZ_KIND_COUNT] = {
	"date", "actor", "number", "text", "claim", "choice", "order", "match", "cloze",
};

quiz *quiz_new(void)
{
	quiz *q = xcalloc(1, sizeof(quiz));
	q->arena = arena_new();
	q->title = "";
	q->hash = "";
	return q;
}

void quiz_free(quiz *q)
{
	if (!q)
		return;
	article_free(q->article);
	free(q->questions);
	free(q->actors);
	free(q->question_index);
	free(q->actor_index);
	arena_free(q->arena);
	free(q);
}

arena *quiz_arena(quiz *q)
{
	return q->arena;
}

void quiz_set_article(quiz *q, article *a)
{
	article_free(q->article);
	q->article = a;
}

void quiz_set_title(quiz *q, const char *title)
{
	q->title = arena_strdup(q->arena, title ? title : "");
}

void quiz_set_bank_path(quiz *q, const char *path)
{
	q->bank_path = arena_strdup(q->arena, path);
}

void quiz_set_date_order(quiz *q, quiz_date_order order)
{
	q->date_order = order;
}

void quiz_set_hash(quiz *q, const char *hex)
{
	q->hash = arena_strdup(q->arena, hex);
}

quiz_question *quiz_add_question(quiz *q)
{
	if (!q->question_chunk || q->question_chunk_used == CHUNK) {
		q->question_chunk = arena_alloc(q->arena, CHUNK * sizeof(quiz_question));
		q->question_chunk_used = 0;
	}
	if (q->n_questions == q->cap_questions) {
		q->cap_questions = q->cap_questions ? q->cap_questions * 2 : 64;
		q->questions = xrealloc(q->questions, q->cap_questions * sizeof(quiz_question *));
	}
	quiz_question *qq = &q->question_chunk[q->question_chunk_used++];
	qq->points = 1;
	q->questions[q->n_questions++] = qq;
	return qq;
}

quiz_actor *quiz_add_actor(quiz *q)
{
	if (!q->actor_chunk || q->actor_chunk_used == CHUNK) {
		q->actor_chunk = arena_alloc(q->arena, CHUNK * sizeof(quiz_actor));
		q->actor_chunk_used = 0;
	}
	if (q->n_actors == q->cap_actors) {
		q->cap_actors = q->cap_actors ? q->cap_actors * 2 : 16;
		q->actors = xrealloc(q->actors, q->cap_actors * sizeof(quiz_actor *));
	}
	quiz_actor *a = &q->actor_chunk[q->actor_chunk_used++];
	q->actors[q->n_actors++] = a;
	return a;
}

quiz_strings quiz_strings_copy(quiz *q, const char *const *items, size_t count)
{
	quiz_strings s = {NULL, count};
	if (!count)
		return s;
	const char **copy = arena_alloc(q->arena, count * sizeof(char *));
	for (size_t i = 0; i < count; i++)
		copy[i] = arena_strdup(q->arena, items[i]);
	s.items = copy;
	return s;
}

const char *quiz_title(const quiz *q)
{
	return q->title;
}

const char *quiz_bank_path(const quiz *q)
{
	return q->bank_path;
}

const char *quiz_hash(const quiz *q)
{
	return q->hash;
}

quiz_date_order quiz_get_date_order(const quiz *q)
{
	return q->date_order;
}

const article *quiz_article(const quiz *q)
{
	return q->article;
}

size_t quiz_question_count(const quiz *q)
{
	return q->n_questions;
}

const quiz_question *quiz_question_at(const quiz *q, size_t index)
{
	return index < q->n_questions ? q->questions[index] : NULL;
}

static size_t hash_id(const char *s)
{
	size_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* Rebuilds an id index over `count` entries whose ids id_at gives. The
 * first entry with an id wins, as a linear search would. */
static void build_index(size_t **slots, size_t *cap, size_t count,
                        const char *(*id_at)(const quiz *, size_t), const quiz *q)
{
	size_t want = 16;
	while (want < 2 * count)
		want *= 2;
	free(*slots);
	*slots = xcalloc(want, sizeof(size_t));
	*cap = want;
	for (size_t i = 0; i < count; i++) {
		const char *id = id_at(q, i);
		if (!id)
			continue;
		size_t h = hash_id(id) & (want - 1);
		while ((*slots)[h] && strcmp(id_at(q, (*slots)[h] - 1), id) != 0)
			h = (h + 1) & (want - 1);
		if (!(*slots)[h])
			(*slots)[h] = i + 1;
	}
}

static size_t lookup_index(const size_t *slots, size_t cap, const char *id,
                           const char *(*id_at)(const quiz *, size_t), const quiz *q)
{
	size_t h = hash_id(id) & (cap - 1);
	while (slots[h]) {
		if (strcmp(id_at(q, slots[h] - 1), id) == 0)
			return slots[h];
		h = (h + 1) & (cap - 1);
	}
	return 0;
}

static const char *question_id_at(const quiz *q, size_t i)
{
	return q->questions[i]->id;
}

static const char *actor_id_at(const quiz *q, size_t i)
{
	return q->actors[i]->id;
}

const quiz_question *quiz_find(const quiz *q, const char *id)
{
	/* The index is a cache: building it does not change what the quiz says. */
	quiz *mq = (quiz *)q;
	if (!q->question_index || q->question_indexed != q->n_questions) {
		build_index(&mq->question_index, &mq->question_index_cap, q->n_questions,
		            question_id_at, q);
		mq->question_indexed = q->n_questions;
	}
	size_t at = lookup_index(q->question_index, q->question_index_cap, id, question_id_at, q);
	return at ? q->questions[at - 1] : NULL;
}

size_t quiz_actor_count(const quiz *q)
{
	return q->n_actors;
}

const quiz_actor *quiz_actor_at(const quiz *q, size_t index)
{
	return index < q->n_actors ? q->actors[index] : NULL;
}

const quiz_actor *quiz_find_actor(const quiz *q, const char *id)
{
	quiz *mq = (quiz *)q;
	if (!q->actor_index || q->actor_indexed != q->n_actors) {
		build_index(&mq->actor_index, &mq->actor_index_cap, q->n_actors, actor_id_at, q);
		mq->actor_indexed = q->n_actors;
	}
	size_t at = lookup_index(q->actor_index, q->actor_index_cap, id, actor_id_at, q);
	return at ? q->actors[at - 1] : NULL;
}

const char *quiz_kind_name(quiz_kind kind)
{
	return kind < QUIZ_KIND_COUNT ? kind_names[kind] : "?";
}

quiz_kind quiz_kind_parse(const char *name)
{
	for (int k = 0; k < QUIZ_KIND_COUNT; k++)
		if (strcmp(name, kind_names[k]) == 0)
			return (quiz_kind)k;
	return QUIZ_KIND_COUNT;
}

int quiz_days_in_month(int year, int month)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (month < 1 || month > 12)
		return 0;
	bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	return days[month - 1] + (month == 2 && leap);
}

/* Reads exactly `n` digits. */
static bool read_digits(const char **p, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		char c = (*p)[i];
		if (c < '0' || c > '9')
			return false;
		v = v * 10 + (c - '0');
	}
	*p += n;
	*out = v;
	return true;
}

quiz_date_status quiz_date_parse_iso(const char *s, quiz_date *out)
{
	quiz_date d = {0, 0, 0};
	const char *p = s;
	if (!read_digits(&p, 4, &d.year) || d.year < 1)
		return QUIZ_DATE_MALFORMED;
	if (*p == '-') {
		p++;
		if (!read_digits(&p, 2, &d.month))
			return QUIZ_DATE_MALFORMED;
		if (*p == '-') {
			p++;
			if (!read_digits(&p, 2, &d.day))
				return QUIZ_DATE_MALFORMED;
		}
	}
	if (*p != '\0')
		return QUIZ_DATE_MALFORMED;
	if (d.month > 12 || (d.month == 0 && (p - s) > 4))
		return QUIZ_DATE_NONEXISTENT;
	if (d.day && (d.day > quiz_days_in_month(d.year, d.month)))
		return QUIZ_DATE_NONEXISTENT;
	if ((p - s) == 10 && d.day == 0)
		return QUIZ_DATE_NONEXISTENT;
	*out = d;
	return QUIZ_DATE_OK;
}
