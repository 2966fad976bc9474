/* quiz.c - the compiled quiz: an immutable model of a bank's questions and its article */
#include "quiz.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Questions and actors are kept in chunks from the arena so that pointers
 * handed out stay valid while more are added. */
enum { CHUNK = 256 };

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

const quiz_question *quiz_find(const quiz *q, const char *id)
{
	for (size_t i = 0; i < q->n_questions; i++)
		if (q->questions[i]->id && strcmp(q->questions[i]->id, id) == 0)
			return q->questions[i];
	return NULL;
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
	for (size_t i = 0; i < q->n_actors; i++)
		if (q->actors[i]->id && strcmp(q->actors[i]->id, id) == 0)
			return q->actors[i];
	return NULL;
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
