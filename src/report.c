/* report.c - a class's results on one bank: the gradebook, the class's figures and item analysis */
#include "report.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "normalize.h"
#include "util.h"

/* A string-keyed index of positions in an array: open addressing, grown
 * at half full. */
typedef struct {
	const char **keys;
	size_t *values;
	size_t cap;
	size_t count;
} index_map;

static uint64_t hash_key(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return h;
}

static bool map_find(const index_map *m, const char *key, size_t *value)
{
	if (!m->cap)
		return false;
	for (size_t j = hash_key(key) & (m->cap - 1); m->keys[j]; j = (j + 1) & (m->cap - 1)) {
		if (strcmp(m->keys[j], key) == 0) {
			*value = m->values[j];
			return true;
		}
	}
	return false;
}

static void map_put(index_map *m, const char *key, size_t value)
{
	if ((m->count + 1) * 2 > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		const char **keys = xcalloc(cap, sizeof *keys);
		size_t *values = xcalloc(cap, sizeof *values);
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->keys[i])
				continue;
			size_t j = hash_key(m->keys[i]) & (cap - 1);
			while (keys[j])
				j = (j + 1) & (cap - 1);
			keys[j] = m->keys[i];
			values[j] = m->values[i];
		}
		free(m->keys);
		free(m->values);
		m->keys = keys;
		m->values = values;
		m->cap = cap;
	}
	size_t j = hash_key(key) & (m->cap - 1);
	while (m->keys[j] && strcmp(m->keys[j], key) != 0)
		j = (j + 1) & (m->cap - 1);
	if (!m->keys[j])
		m->count++;
	m->keys[j] = key;
	m->values[j] = value;
}

static void map_release(index_map *m)
{
	free(m->keys);
	free(m->values);
}

/* A grown array of fixed-size items. */
#define GROW(array, count, cap)                                                    \
	do {                                                                           \
		if ((count) == (cap)) {                                                    \
			(cap) = (cap) ? (cap) * 2 : 16;                                        \
			(array) = xrealloc((array), (cap) * sizeof *(array));                  \
		}                                                                          \
	} while (0)

typedef struct {
	report_attempt pub;
	size_t student;
	double *earned;     /* by question */
	double *credit;     /* by question: item score, NaN when not answered */
	size_t *answer;     /* by question: index into answers, SIZE_MAX when none */
	const report_answer **shown;   /* by question, for the public view */
} attempt;

typedef struct {
	report_answer pub;
	size_t attempt;
	size_t question;
	const char *typed;
	size_t len;
	const char *chosen;
	double credit;
	double points;
	bool counted;       /* not ambiguous */
	bool wrong;         /* wrong or partial, not overridden, not empty */
} answer;

typedef struct {
	report_student pub;
	size_t *attempts;   /* indices, in the order started */
	size_t n_attempts, cap_attempts;
} student;

typedef struct {
	report_item pub;
	quiz_kind kind;
	report_wrong *wrong;
	size_t n_wrong, cap_wrong;
} item;

struct report {
	arena *arena;
	student *students;
	size_t n_students, cap_students, roster;
	item *items;
	size_t n_items, cap_items;
	attempt *attempts;
	size_t n_attempts, cap_attempts;
	answer *answers;
	size_t n_answers, cap_answers;
	index_map student_ix, item_ix, attempt_ix;
	report_summary summary;
	unsigned kinds;
	double bank_points;  /* of every question added */
};

report *report_new(void)
{
	report *r = xcalloc(1, sizeof *r);
	r->arena = arena_new();
	return r;
}

void report_free(report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_students; i++)
		free(r->students[i].attempts);
	for (size_t i = 0; i < r->n_items; i++)
		free(r->items[i].wrong);
	for (size_t i = 0; i < r->n_attempts; i++) {
		free(r->attempts[i].earned);
		free(r->attempts[i].credit);
		free(r->attempts[i].answer);
		free(r->attempts[i].shown);
	}
	free(r->students);
	free(r->items);
	free(r->attempts);
	free(r->answers);
	map_release(&r->student_ix);
	map_release(&r->item_ix);
	map_release(&r->attempt_ix);
	arena_free(r->arena);
	free(r);
}

static const char *keep(report *r, const char *s)
{
	return arena_strdup(r->arena, s ? s : "");
}

static size_t new_student(report *r, const char *id, const char *name, const char *group,
                          bool on_roster)
{
	GROW(r->students, r->n_students, r->cap_students);
	student *st = &r->students[r->n_students];
	memset(st, 0, sizeof *st);
	st->pub.id = keep(r, id);
	st->pub.name = keep(r, name);
	st->pub.group = keep(r, group);
	st->pub.on_roster = on_roster;
	map_put(&r->student_ix, st->pub.id, r->n_students);
	return r->n_students++;
}

void report_add_student(report *r, const char *id, const char *name, const char *group)
{
	size_t at;
	if (map_find(&r->student_ix, id, &at))
		return;
	new_student(r, id, name, group, true);
	r->roster++;
}

void report_cloze_blanks(const char *text, buf *out)
{
	const char *p = text;
	for (;;) {
		const char *open = strstr(p, "{{");
		const char *close = open ? strstr(open + 2, "}}") : NULL;
		if (!close) {
			buf_puts(out, p);
			return;
		}
		buf_append(out, p, (size_t)(open - p));
		buf_puts(out, "___");
		p = close + 2;
	}
}

static size_t new_item(report *r, const char *id, const char *kind, const char *prompt,
                       const char *right, double points)
{
	GROW(r->items, r->n_items, r->cap_items);
	item *it = &r->items[r->n_items];
	memset(it, 0, sizeof *it);
	it->pub.id = keep(r, id);
	it->pub.kind = keep(r, kind);
	if (kind && strcmp(kind, "cloze") == 0 && prompt) {
		buf shown;
		buf_init(&shown);
		report_cloze_blanks(prompt, &shown);
		it->pub.prompt = keep(r, shown.ptr);
		buf_release(&shown);
	} else {
		it->pub.prompt = keep(r, prompt);
	}
	it->pub.answer = keep(r, right);
	it->pub.points = points;
	it->kind = quiz_kind_parse(kind);
	if (it->kind < QUIZ_KIND_COUNT)
		r->kinds |= 1u << it->kind;
	map_put(&r->item_ix, it->pub.id, r->n_items);
	return r->n_items++;
}

void report_add_question(report *r, const char *id, const char *kind, const char *prompt,
                         const char *right, double points)
{
	size_t at;
	if (!map_find(&r->item_ix, id, &at)) {
		new_item(r, id, kind, prompt, right, points);
		r->bank_points += points;
	}
}

double report_attempt_max(const report *r, store_session_status status, double recorded_max)
{
	return status != STORE_COMPLETE && r->bank_points > recorded_max ? r->bank_points
	                                                                   : recorded_max;
}

void report_add_attempt(report *r, const char *key, const char *student_id,
                        store_session_status status, int64_t started_ms, int64_t ended_ms,
                        double score, double max_score)
{
	size_t at, who;
	if (map_find(&r->attempt_ix, key, &at))
		return;
	if (!map_find(&r->student_ix, student_id, &who))
		who = new_student(r, student_id, "", "", false);
	GROW(r->attempts, r->n_attempts, r->cap_attempts);
	attempt *a = &r->attempts[r->n_attempts];
	memset(a, 0, sizeof *a);
	a->student = who;
	a->pub.status = status;
	a->pub.started_ms = started_ms;
	a->pub.ended_ms = ended_ms;
	/* A session stopped early holds the points of the questions it asked;
	 * the class's exam asked them all, so the teacher's figure is out of
	 * every question of the bank. */
	max_score = report_attempt_max(r, status, max_score);
	a->pub.score = score;
	a->pub.max_score = max_score;
	a->pub.fraction = max_score > 0 ? score / max_score : 0;
	map_put(&r->attempt_ix, keep(r, key), r->n_attempts);
	student *st = &r->students[who];
	GROW(st->attempts, st->n_attempts, st->cap_attempts);
	st->attempts[st->n_attempts++] = r->n_attempts++;
}

void report_add_answer(report *r, const char *key, const char *question_id, const char *typed,
                       size_t len, const char *verdict, double credit, double points,
                       bool overridden, const char *chosen)
{
	size_t at, q;
	if (!map_find(&r->attempt_ix, key, &at))
		return;
	if (!map_find(&r->item_ix, question_id, &q))
		q = new_item(r, question_id, "", "", "", points);
	GROW(r->answers, r->n_answers, r->cap_answers);
	answer *a = &r->answers[r->n_answers++];
	a->attempt = at;
	a->question = q;
	a->typed = arena_strndup(r->arena, typed ? typed : "", typed ? len : 0);
	a->len = typed ? len : 0;
	a->chosen = chosen && *chosen ? keep(r, chosen) : NULL;
	a->credit = isfinite(credit) ? credit : 0;
	a->points = isfinite(points) ? points : 0;
	a->counted = strcmp(verdict, "ambiguous") != 0;
	a->pub = (report_answer){
		.typed = a->typed,
		.len = a->len,
		.chosen = a->chosen,
		.verdict = keep(r, verdict),
		.credit = a->credit,
		.points = a->points,
		.overridden = overridden,
	};
	a->wrong = a->counted && !overridden &&
	           (strcmp(verdict, "wrong") == 0 || strcmp(verdict, "partial") == 0) &&
	           (a->chosen || a->len > 0);
}

static bool finished(store_session_status s)
{
	return s == STORE_COMPLETE || s == STORE_TIMEOUT;
}

/* Each attempt's answers laid out by question. */
static void lay_out_answers(report *r)
{
	for (size_t i = 0; i < r->n_attempts; i++) {
		attempt *a = &r->attempts[i];
		a->earned = xmalloc((r->n_items ? r->n_items : 1) * sizeof *a->earned);
		a->credit = xmalloc((r->n_items ? r->n_items : 1) * sizeof *a->credit);
		a->answer = xmalloc((r->n_items ? r->n_items : 1) * sizeof *a->answer);
		a->shown = xcalloc(r->n_items ? r->n_items : 1, sizeof *a->shown);
		for (size_t q = 0; q < r->n_items; q++) {
			a->earned[q] = NAN;
			a->credit[q] = NAN;
			a->answer[q] = SIZE_MAX;
		}
		a->pub.earned = a->earned;
		a->pub.answers = a->shown;
	}
	for (size_t i = 0; i < r->n_answers; i++) {
		const answer *an = &r->answers[i];
		if (!an->counted)
			continue;
		attempt *a = &r->attempts[an->attempt];
		a->earned[an->question] = an->credit * an->points;
		a->credit[an->question] = an->credit;
		a->answer[an->question] = i;
		a->shown[an->question] = &an->pub;
	}
	for (size_t i = 0; i < r->n_attempts; i++) {
		attempt *a = &r->attempts[i];
		for (size_t q = 0; q < r->n_items; q++) {
			quiz_kind k = r->items[q].kind;
			if (k >= QUIZ_KIND_COUNT || a->answer[q] == SIZE_MAX)
				continue;
			a->pub.kind_earned[k] += a->earned[q];
			a->pub.kind_points[k] += r->answers[a->answer[q]].points;
		}
	}
}

static void choose_attempts(report *r)
{
	for (size_t i = 0; i < r->n_students; i++) {
		student *st = &r->students[i];
		st->pub.attempts = st->n_attempts;
		for (size_t k = 0; k < st->n_attempts; k++) {
			const report_attempt *a = &r->attempts[st->attempts[k]].pub;
			st->pub.latest = a;
			if (!finished(a->status))
				continue;
			st->pub.finished++;
			if (!st->pub.first)
				st->pub.first = a;
			st->pub.last = a;
			if (!st->pub.best || a->fraction > st->pub.best->fraction)
				st->pub.best = a;
		}
		if (!st->pub.finished)
			st->pub.partial = st->pub.latest;
	}
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

size_t report_bucket(double fraction)
{
	if (!(fraction > 0))
		return 0;
	double p = floor(fraction * 100 + 0.5);
	if (p >= 100 && fraction < 1)
		p = 99;
	size_t b = (size_t)(p / 10);
	return b >= REPORT_BUCKETS ? REPORT_BUCKETS - 1 : b;
}

static void class_figures(report *r)
{
	report_summary *s = &r->summary;
	s->students = r->n_students;
	s->on_roster = r->roster;
	double *best = xmalloc((r->n_students ? r->n_students : 1) * sizeof *best);
	size_t n = 0;
	for (size_t i = 0; i < r->n_students; i++) {
		const report_student *st = &r->students[i].pub;
		if (st->best)
			best[n++] = st->best->fraction;
		else if (st->attempts)
			s->unfinished++;
		else if (st->on_roster)
			s->not_taken++;
	}
	s->took = n;
	if (n) {
		double sum = 0;
		for (size_t i = 0; i < n; i++) {
			sum += best[i];
			s->histogram[report_bucket(best[i])]++;
		}
		s->mean = sum / (double)n;
		double var = 0;
		for (size_t i = 0; i < n; i++)
			var += (best[i] - s->mean) * (best[i] - s->mean);
		s->sd = sqrt(var / (double)n);
		qsort(best, n, sizeof *best, compare_doubles);
		s->min = best[0];
		s->max = best[n - 1];
		s->median = n % 2 ? best[n / 2] : (best[n / 2 - 1] + best[n / 2]) / 2;
	}
	free(best);
}

typedef struct {
	double score;
	const char *id;
	const attempt *counted;
} ranked;

/* Highest score first; equal scores by id, so the groups do not depend on
 * the order rows came in. */
static int compare_ranked(const void *a, const void *b)
{
	const ranked *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->id, y->id);
}

/* The mean item score of question q over a group, and how many answered. */
static double group_mean(const ranked *group, size_t n, size_t q, size_t *answered)
{
	double sum = 0;
	*answered = 0;
	for (size_t i = 0; i < n; i++) {
		double c = group[i].counted->credit[q];
		if (isnan(c))
			continue;
		sum += c;
		(*answered)++;
	}
	return *answered ? sum / (double)*answered : 0;
}

typedef struct {
	const char *key;
	size_t count;
	size_t first_seen;
	const char **forms;     /* shown forms, with their counts */
	size_t *form_counts;
	size_t n_forms, cap_forms, cap_counts;
} wrong_group;

static int compare_groups(const void *a, const void *b)
{
	const wrong_group *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->first_seen < y->first_seen ? -1 : x->first_seen > y->first_seen;
}

/* The key answers are grouped by: the words of the answer folded (case,
 * accents, punctuation, a leading article), so "the CCP" and "ccp." meet;
 * text that folds to nothing, or is not UTF-8, stands for itself. */
static const char *group_key(report *r, const char *s, size_t len, norm_work *w)
{
	if (norm_work_set(w, s, len, NORM_STRIP_MARKS, NORM_DROP_ARTICLE) && w->key.len)
		return arena_strndup(r->arena, w->key.text, w->key.len);
	buf raw;
	buf_init(&raw);
	buf_putc(&raw, '\001');
	buf_append(&raw, s, len);
	const char *k = arena_strndup(r->arena, raw.ptr, raw.len);
	buf_release(&raw);
	return k;
}

static void wrong_answers(report *r, size_t q, const ranked *counted, size_t n, norm_work *w)
{
	wrong_group *groups = NULL;
	size_t n_groups = 0, cap = 0;
	/* Maps, not searches: a large class whose answers all differ must
	 * still be reported in linear time. */
	index_map group_ix = {0}, form_ix = {0};
	buf form_key;
	buf_init(&form_key);
	item *it = &r->items[q];
	for (size_t i = 0; i < n; i++) {
		size_t ai = counted[i].counted->answer[q];
		if (ai == SIZE_MAX || !r->answers[ai].wrong)
			continue;
		const answer *an = &r->answers[ai];
		const char *shown = an->chosen ? an->chosen : an->typed;
		size_t shown_len = an->chosen ? strlen(an->chosen) : an->len;
		const char *key = group_key(r, shown, shown_len, w);
		it->pub.wrong_answers++;
		size_t g;
		if (!map_find(&group_ix, key, &g)) {
			g = n_groups;
			GROW(groups, n_groups, cap);
			memset(&groups[g], 0, sizeof groups[g]);
			groups[g].key = key;
			groups[g].first_seen = ai;
			n_groups++;
			map_put(&group_ix, key, g);
		}
		wrong_group *gr = &groups[g];
		gr->count++;
		buf_clear(&form_key);
		buf_printf(&form_key, "%zu\037%s", g, shown);
		size_t f;
		if (!map_find(&form_ix, form_key.ptr, &f)) {
			f = gr->n_forms;
			GROW(gr->forms, gr->n_forms, gr->cap_forms);
			size_t forms = gr->n_forms;
			GROW(gr->form_counts, forms, gr->cap_counts);
			gr->forms[f] = shown;
			gr->form_counts[f] = 0;
			gr->n_forms++;
			map_put(&form_ix, arena_strdup(r->arena, form_key.ptr), f);
		}
		gr->form_counts[f]++;
	}
	map_release(&group_ix);
	map_release(&form_ix);
	buf_release(&form_key);
	/* Among equal counts, the group met first in the data comes first,
	 * which is stable for one database. */
	if (n_groups)
		qsort(groups, n_groups, sizeof *groups, compare_groups);
	size_t keep_n = n_groups < REPORT_WRONG_MAX ? n_groups : REPORT_WRONG_MAX;
	it->wrong = xcalloc(keep_n ? keep_n : 1, sizeof *it->wrong);
	for (size_t g = 0; g < keep_n; g++) {
		size_t best = 0;
		for (size_t f = 1; f < groups[g].n_forms; f++)
			if (groups[g].form_counts[f] > groups[g].form_counts[best])
				best = f;
		it->wrong[g] = (report_wrong){
			.shown = groups[g].forms[best],
			.len = strlen(groups[g].forms[best]),
			.count = groups[g].count,
		};
	}
	it->n_wrong = keep_n;
	it->pub.wrong = it->wrong;
	it->pub.n_wrong = keep_n;
	for (size_t g = 0; g < n_groups; g++) {
		free(groups[g].forms);
		free(groups[g].form_counts);
	}
	free(groups);
}

static void item_analysis(report *r)
{
	ranked *counted = xmalloc((r->n_students ? r->n_students : 1) * sizeof *counted);
	size_t n = 0;
	for (size_t i = 0; i < r->n_students; i++) {
		const student *st = &r->students[i];
		if (!st->pub.first)
			continue;
		/* The first finished attempt: later ones come after having seen
		 * the questions, and would flatter them. */
		for (size_t k = 0; k < st->n_attempts; k++) {
			const attempt *a = &r->attempts[st->attempts[k]];
			if (&a->pub == st->pub.first) {
				counted[n++] = (ranked){a->pub.fraction, st->pub.id, a};
				break;
			}
		}
	}
	qsort(counted, n, sizeof *counted, compare_ranked);
	size_t k = n < 2 ? 0 : (size_t)floor(REPORT_GROUP * (double)n + 0.5);
	if (n >= 2 && k == 0)
		k = 1;
	r->summary.group_size = k;
	r->summary.flagged = n >= REPORT_MIN_STUDENTS;
	norm_work w;
	norm_work_init(&w);
	for (size_t q = 0; q < r->n_items; q++) {
		report_item *it = &r->items[q].pub;
		size_t answered;
		double facility = group_mean(counted, n, q, &answered);
		it->answered = answered;
		bool flag = answered >= REPORT_MIN_STUDENTS;
		if (answered) {
			it->has_facility = true;
			it->facility = facility;
			it->too_easy = flag && facility >= REPORT_EASY - 1e-9;
			it->too_hard = flag && facility <= REPORT_HARD + 1e-9;
		}
		if (k) {
			size_t up_n, low_n;
			double up = group_mean(counted, k, q, &up_n);
			double low = group_mean(counted + (n - k), k, q, &low_n);
			if (up_n && low_n) {
				it->has_discrimination = true;
				it->discrimination = up - low;
				it->negative = flag && it->discrimination < -1e-9;
			}
		}
		wrong_answers(r, q, counted, n, &w);
	}
	norm_work_release(&w);
	free(counted);
}

void report_compute(report *r)
{
	lay_out_answers(r);
	choose_attempts(r);
	class_figures(r);
	item_analysis(r);
}

size_t report_student_count(const report *r)
{
	return r->n_students;
}

const report_student *report_student_at(const report *r, size_t i)
{
	return i < r->n_students ? &r->students[i].pub : NULL;
}

size_t report_item_count(const report *r)
{
	return r->n_items;
}

const report_item *report_item_at(const report *r, size_t i)
{
	return i < r->n_items ? &r->items[i].pub : NULL;
}

const report_summary *report_get_summary(const report *r)
{
	return &r->summary;
}

unsigned report_kinds(const report *r)
{
	return r->kinds;
}
