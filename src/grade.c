/* grade.c - grade a typed answer against a compiled question: preparing a quiz once, the entry point, notes */
#include "grade.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade_impl.h"
#include "util.h"

static size_t ptr_hash(const void *p)
{
	uintptr_t v = (uintptr_t)p;
	v ^= v >> 33;
	v *= 0xff51afd7ed558ccdULL;
	v ^= v >> 33;
	return (size_t)v;
}


static void ptrmap_grow(ptrmap *m)
{
	ptrmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->keys = xcalloc(m->cap, sizeof(void *));
	m->values = xcalloc(m->cap, sizeof(void *));
	m->count = 0;
	for (size_t i = 0; i < old.cap; i++)
		if (old.keys[i])
			ptrmap_put(m, old.keys[i], old.values[i]);
	free(old.keys);
	free(old.values);
}

void ptrmap_put(ptrmap *m, const void *key, void *value)
{
	if ((m->count + 1) * 2 > m->cap)
		ptrmap_grow(m);
	size_t i = ptr_hash(key) & (m->cap - 1);
	while (m->keys[i] && m->keys[i] != key)
		i = (i + 1) & (m->cap - 1);
	if (!m->keys[i])
		m->count++;
	m->keys[i] = key;
	m->values[i] = value;
}

void *ptrmap_get(const ptrmap *m, const void *key)
{
	if (!m->cap)
		return NULL;
	size_t i = ptr_hash(key) & (m->cap - 1);
	while (m->keys[i]) {
		if (m->keys[i] == key)
			return m->values[i];
		i = (i + 1) & (m->cap - 1);
	}
	return NULL;
}

static void ptrmap_release(ptrmap *m)
{
	free(m->keys);
	free(m->values);
}


/* ------------------------------------------------------------------------
 * Preparing questions.
 */

static int published_year_of(const quiz *q)
{
	const article *a = quiz_article(q);
	if (!a)
		return 0;
	const article_meta *m = article_get_meta(a);
	if (!m || !m->published)
		return 0;
	int y = 0, digits = 0;
	for (const char *p = m->published; *p >= '0' && *p <= '9' && digits < 4; p++, digits++)
		y = y * 10 + (*p - '0');
	return digits == 4 ? y : 0;
}

/* True when `text` holds `year` as a number of its own. */
static bool mentions_year(const char *text, int year)
{
	if (!text || year <= 0)
		return false;
	char want[8];
	int wl = snprintf(want, sizeof want, "%d", year);
	for (const char *p = text; (p = strstr(p, want)); p++) {
		bool before = p == text || !(p[-1] >= '0' && p[-1] <= '9');
		bool after = !(p[wl] >= '0' && p[wl] <= '9');
		if (before && after)
			return true;
	}
	return false;
}

/* The word of a cloze text just before (dir -1) or just after (dir 1) a
 * blank at `at`: letters only, at least two, and no blank of its own. */
static const char *blank_side_word(arena *ar, const char *text, const char *at, int dir)
{
	const char *p = at;
	if (dir < 0) {
		while (p > text && p[-1] == ' ')
			p--;
		const char *end = p;
		while (p > text && ((p[-1] | 0x20) >= 'a' && (p[-1] | 0x20) <= 'z'))
			p--;
		if (end - p < 2 || (p > text && p[-1] != ' '))
			return NULL;
		return arena_strndup(ar, p, (size_t)(end - p));
	}
	while (*p == ' ')
		p++;
	const char *start = p;
	while ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
		p++;
	if (p - start < 2 || (*p && *p != ' ' && *p != '.' && *p != ',' && *p != ';'))
		return NULL;
	return arena_strndup(ar, start, (size_t)(p - start));
}

static void add_answer_forms(arena *ar, form_list *l, const quiz_strings *s, const char *rule)
{
	for (size_t i = 0; i < s->count; i++)
		form_add(ar, l, s->items[i], s->items[i], rule, 0);
}

static qprep *prep_question(grader *g, const quiz_question *q)
{
	arena *ar = g->arena;
	qprep *qp = arena_alloc(ar, sizeof *qp);
	memset(qp, 0, sizeof *qp);
	qp->q = q;
	context_prepare_question(g, qp);
	switch (q->kind) {
	case QUIZ_TEXT: {
		const char *text = q->text ? q->text : q->answer_text;
		if (!text)
			break;
		form_add(ar, &qp->answers, text, text, NULL, 0);
		/* "1,000 m3/s (35,000 cu ft/s)": what the brackets add restates or
		 * explains the answer, which is right without it. So with a bracket
		 * left open at the end ("7,000,000 km2 (2,700,000"). */
		const char *open = strchr(text, '(');
		size_t keep = open ? (size_t)(open - text) : 0;
		while (keep && (text[keep - 1] == ' ' || text[keep - 1] == ','))
			keep--;
		if (keep && open[1])
			form_add(ar, &qp->answers, arena_strndup(ar, text, keep), text,
			         "Right: the words in brackets only add to it", 0);
		break;
	}
	case QUIZ_ACTOR:
		if (q->actor && g->parent)
			qp->actor = ptrmap_get(&g->parent->actors, q->actor);
		if (q->actor && !qp->actor)
			qp->actor = name_prep_actor(g, q->actor);
		else if (q->answer_text)
			form_add(ar, &qp->answers, q->answer_text, q->answer_text, NULL, 0);
		break;
	case QUIZ_NUMBER: {
		number_value nv;
		qp->gold_ordinal = -1;
		if (q->answer_text && number_parse(q->answer_text, strlen(q->answer_text), &nv))
			qp->gold_ordinal = nv.ordinal;
		break;
	}
	case QUIZ_DATE:
		for (size_t i = 0; i < qp->prompt.n_tokens && !qp->precision_asked; i++)
			qp->precision_asked = key_token_is(&qp->prompt, i, "date") ||
			                      key_token_is(&qp->prompt, i, "day") ||
			                      key_token_is(&qp->prompt, i, "month") ||
			                      key_token_is(&qp->prompt, i, "dates") ||
			                      key_token_is(&qp->prompt, i, "days");
		/* "12 May" is enough when the year is in the question, or in the
		 * passage the question quotes, or is the article's own. */
		if (q->date.year > 0 && mentions_year(q->prompt, q->date.year)) {
			qp->year_known = true;
		} else if (q->date.year > 0 && (g->published_year == q->date.year ||
		                                mentions_year(qp->passage.text, q->date.year))) {
			qp->year_known = true;
			qp->year_from_article = true;
		}
		break;
	case QUIZ_CHOICE:
		qp->n_parts = q->choices.count;
		qp->parts = arena_alloc(ar, (qp->n_parts + 1) * sizeof(form_list));
		for (size_t i = 0; i < q->choices.count; i++)
			form_add(ar, &qp->parts[i], q->choices.items[i], q->choices.items[i], NULL, 0);
		break;
	case QUIZ_ORDER:
		qp->n_parts = q->items.count;
		qp->parts = arena_alloc(ar, (qp->n_parts + 1) * sizeof(form_list));
		for (size_t i = 0; i < q->items.count; i++)
			form_add(ar, &qp->parts[i], q->items.items[i], q->items.items[i], NULL, 0);
		break;
	case QUIZ_MATCH:
		qp->n_parts = q->n_pairs;
		qp->parts = arena_alloc(ar, (qp->n_parts + 1) * sizeof(form_list));
		for (size_t i = 0; i < q->n_pairs; i++)
			if (q->pairs[i].right)
				form_add(ar, &qp->parts[i], q->pairs[i].right, q->pairs[i].right, NULL, 0);
		break;
	case QUIZ_CLOZE:
		qp->n_blanks = q->n_blanks;
		qp->blanks = arena_alloc(ar, (q->n_blanks + 1) * sizeof(blank_prep));
		const char *open = q->prompt;
		for (size_t i = 0; i < q->n_blanks; i++) {
			blank_prep *b = &qp->blanks[i];
			add_answer_forms(ar, &b->forms, &q->blanks[i].answers, NULL);
			open = open ? strstr(open, "{{") : NULL;
			if (open) {
				b->word_before = blank_side_word(ar, q->prompt, open, -1);
				const char *close = strstr(open, "}}");
				b->word_after = close ? blank_side_word(ar, q->prompt, close + 2, 1) : NULL;
				open = close ? close + 2 : NULL;
			}
			if (!q->blanks[i].answers.count)
				continue;
			const char *first = q->blanks[i].answers.items[0];
			number_value nv;
			date_parse_result dr;
			if (date_parse(first, strlen(first), QUIZ_DATE_ORDER_UNSET, &dr) == DATE_OK &&
			    dr.value.year && !dr.value.weekday && !dr.numeric &&
			    (dr.value.month || strlen(first) >= 3)) {
				b->kind = BLANK_DATE;
				b->date = (quiz_date){dr.value.year, dr.value.month, dr.value.day};
			} else if (number_parse(first, strlen(first), &nv) && !nv.unit[0]) {
				b->kind = BLANK_NUMBER;
				b->number = nv.value;
			}
		}
		break;
	default:
		break;
	}
	add_answer_forms(ar, &qp->answers, &q->accept, "accepted answer");
	add_answer_forms(ar, &qp->rejects, &q->reject, "rejected");
	if (qp->rejects.count) {
		qp->reject_values = arena_alloc(ar, qp->rejects.count * sizeof(reject_value));
		for (size_t i = 0; i < qp->rejects.count; i++) {
			const char *s = qp->rejects.items[i].shown;
			reject_value *rv = &qp->reject_values[i];
			date_parse_result dr;
			/* A rejected value carves a date or number out of what would be
			 * accepted ("2019-06" when the answer is 2019, "104" within a
			 * tolerance); rejecting the answer's own value would reject the
			 * answer, so only its wording is rejected then. */
			if (q->kind == QUIZ_DATE && date_parse(s, strlen(s), g->date_order, &dr) == DATE_OK &&
			    !(dr.value.year == q->date.year && dr.value.month == q->date.month &&
			      dr.value.day == q->date.day)) {
				rv->is_date = true;
				rv->date = dr.value;
			}
			if (q->kind == QUIZ_NUMBER && number_parse(s, strlen(s), &rv->number) &&
			    rv->number.value != q->number.value)
				rv->is_number = true;
		}
	}
	return qp;
}

grader *grader_new(const quiz *q, const grade_options *opt)
{
	grader *g = xcalloc(1, sizeof *g);
	g->q = q;
	g->arena = arena_new();
	g->date_order = opt && opt->date_order != QUIZ_DATE_ORDER_UNSET ? opt->date_order
	                                                                : quiz_get_date_order(q);
	g->published_year = published_year_of(q);

	context_prepare_article(g);
	for (size_t i = 0; i < quiz_actor_count(q); i++)
		name_prep_actor(g, quiz_actor_at(q, i));
	size_t nq = quiz_question_count(q);
	for (size_t i = 0; i < nq; i++) {
		const quiz_question *qq = quiz_question_at(q, i);
		ptrmap_put(&g->questions, qq, prep_question(g, qq));
	}

	name_mark_shared(g);
	name_mark_distinct(g);
	rival_build(g);
	name_add_acronyms(g);
	return g;
}

void grader_free(grader *g)
{
	if (!g)
		return;
	ptrmap_release(&g->questions);
	ptrmap_release(&g->actors);
	free(g->after_the);
	free(g->actor_list);
	arena_free(g->arena);
	free(g);
}

/* ------------------------------------------------------------------------
 * Results.
 */


void grade_set_result(grade_result *out, grade_verdict v, double credit, const char *fmt, ...)
{
	out->verdict = v;
	out->credit = credit;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(out->note, sizeof out->note, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof out->note) {
		/* Cut at a character boundary, and say so. */
		size_t end = sizeof out->note - 4;
		while (end > 0 && ((unsigned char)out->note[end] & 0xC0) == 0x80)
			end--;
		memcpy(out->note + end, "...", 4);
	}
	/* A note is one line: bank text quoted in it may hold line breaks. */
	for (char *p = out->note; *p; p++)
		if (*p == '\n' || *p == '\t' || *p == '\r')
			*p = ' ';
}

const char *grade_verdict_name(grade_verdict v)
{
	static const char *names[] = {"correct", "close", "partial", "ambiguous", "wrong", "skipped"};
	return v < GRADE_VERDICT_COUNT ? names[v] : "?";
}

bool grade_verdict_accepted(grade_verdict v)
{
	return v == GRADE_CORRECT || v == GRADE_CLOSE;
}


/* Grades a typed answer by its question's kind. */
void grade_kind(const grader *g, const qprep *qp, typed_answer *t, grade_result *out)
{
	const quiz_question *question = qp->q;
	const norm_key *k = &t->w.key;
	switch (question->kind) {
	case QUIZ_DATE:
		grade_date_value(g, qp, question->date, t->raw, t->raw_len, out);
		if (!grade_verdict_accepted(out->verdict) && out->verdict != GRADE_AMBIGUOUS &&
		    qp->answers.count) {
			grade_result alt;
			grade_text(g, qp, &qp->answers, t, &alt);
			if (grade_verdict_accepted(alt.verdict))
				*out = alt;
		}
		break;
	case QUIZ_NUMBER:
		grade_number_value(qp, question->number.value, question->number.tolerance,
		                   question->number.tolerance_is_percent, question->number.unit, t->raw,
		                   t->raw_len, out);
		if (!grade_verdict_accepted(out->verdict) && qp->answers.count) {
			grade_result alt;
			grade_text(g, qp, &qp->answers, t, &alt);
			if (grade_verdict_accepted(alt.verdict))
				*out = alt;
		}
		break;
	case QUIZ_ACTOR:
		grade_actor(g, qp, t, out);
		break;
	case QUIZ_TEXT:
		grade_text(g, qp, &qp->answers, t, out);
		break;
	case QUIZ_CLAIM:
		grade_claim(g, qp, k, out);
		break;
	case QUIZ_CHOICE:
		grade_choice(g, qp, t, out);
		break;
	case QUIZ_ORDER:
		grade_order(g, qp, t, out);
		break;
	case QUIZ_MATCH:
		grade_match(g, qp, t, out);
		break;
	case QUIZ_CLOZE:
		grade_cloze(g, qp, t, out);
		break;
	default:
		grade_set_result(out, GRADE_WRONG, 0, "unknown kind of question");
		break;
	}
}

/* ------------------------------------------------------------------------
 * The entry point.
 */

void grader_grade(const grader *g, const quiz_question *question, const char *typed,
                  grade_result *out)
{
	grade_set_result(out, GRADE_WRONG, 0, "%s", "");
	if (!typed)
		typed = "";
	size_t len = strlen(typed);
	while (len && (typed[len - 1] == ' ' || typed[len - 1] == '\t' || typed[len - 1] == '\n' ||
	               typed[len - 1] == '\r'))
		len--;
	while (len && (*typed == ' ' || *typed == '\t' || *typed == '\n' || *typed == '\r')) {
		typed++;
		len--;
	}
	if (!len) {
		grade_set_result(out, GRADE_SKIPPED, 0, "no answer");
		return;
	}

	const qprep *qp = ptrmap_get(&g->questions, question);
	grader *temp = NULL;
	if (!qp) {
		/* Not one of the grader's questions: prepare it now, against the
		 * grader's bank, in a throwaway copy. */
		temp = xcalloc(1, sizeof *temp);
		*temp = *g;
		temp->arena = arena_new();
		temp->actors = (ptrmap){0};
		temp->actor_list = NULL;
		temp->n_actors = temp->cap_actors = 0;
		temp->parent = g;
		qp = prep_question(temp, question);
		g = temp;
	}

	typed_answer t;
	typed_init(&t);
	if (!typed_set(&t, typed, len)) {
		grade_set_result(out, GRADE_WRONG, 0, "not valid UTF-8");
		goto out;
	}
	const norm_key *k = &t.w.key;
	if (k->n_tokens == 0) {
		grade_set_result(out, GRADE_SKIPPED, 0, "no answer");
		goto out;
	}

	/* `reject` always wins; `accept` widens. */
	span s = span_whole(k);
	for (size_t i = 0; i < qp->rejects.count; i++) {
		const form *f = &qp->rejects.items[i];
		if (span_eq(s, &f->key) ||
		    (f->key.latin && span_eq(span_whole(typed_plain(&t)), f->plain.text ? &f->plain : &f->key))) {
			grade_set_result(out, GRADE_WRONG, 0, "Wrong: the quiz marks this answer wrong");
			goto out;
		}
	}
	const form *accepted = form_list_find(&qp->answers, s, true);
	if (accepted) {
		if (strncmp(accepted->rule, "Right", 5) == 0)
			grade_set_result(out, GRADE_CORRECT, 1, "%s", accepted->rule);
		else
			grade_set_result(out, GRADE_CORRECT, 1, "accepted answer");
		goto out;
	}

	grade_kind(g, qp, &t, out);
	/* Hedges and words of the question or the passage around a right
	 * answer. */
	if (out->verdict == GRADE_WRONG && !context_grade(g, qp, &t, out))
		context_clause(g, qp, &t, out);
	/* A forgiven slip that is as near to a rejected answer is that answer. */
	if (out->verdict == GRADE_CLOSE) {
		for (size_t i = 0; i < qp->rejects.count; i++)
			if (span_slips(s, &qp->rejects.items[i].key) >= 0) {
				grade_set_result(out, GRADE_WRONG, 0, "Wrong: the quiz marks this answer wrong");
				break;
			}
	}
out:
	typed_release(&t);
	if (temp) {
		ptrmap_release(&temp->actors);
		free(temp->actor_list);
		arena_free(temp->arena);
		free(temp);
	}
}
