/* grading.c - measure the grader on human gold answers (SQuAD v1.1 dev, rc-answers) */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "arena.h"
#include "article.h"
#include "diag.h"
#include "date.h"
#include "grade.h"
#include "number.h"
#include "quiz.h"
#include "util.h"

/* Usage: grading ANSWERS.TSV OUTDIR
 *
 * Each question of answers.tsv becomes a question of a bank made for its
 * article, with its first gold answer as the answer (kind from the `kind`
 * column: date, number, person and organisation become date, number and
 * actor questions; a first answer that is not a date or a number becomes a
 * text question). Then, per kind:
 *   1. the other gold answers of each question are graded: they are other
 *      people's answers to the same question, so most should be accepted;
 *      the rejected ones go to OUTDIR/rejected-gold.tsv;
 *   2. the gold answers of every other question of the same kind in the
 *      same article are graded against it, leaving out questions that share
 *      a gold answer after SQuAD's normalisation: each accepted one is a
 *      false accept (OUTDIR/false-accepts.tsv). This is done twice: with the
 *      article's bank as the grader's rivals, and with each question alone;
 *   3. all of that is timed on one core, in grades per second. */

enum { KIND_DATE, KIND_NUMBER, KIND_PERSON, KIND_ORG, KIND_N };
static const char *kind_names[KIND_N] = {"date", "number", "person", "organisation"};

typedef struct {
	char *id;
	char *article;
	char *question;
	int paragraph;       /* 0-based, in the article */
	char **answers;
	size_t n_answers;
	char **squad;        /* the answers after SQuAD's normalisation */
	int kind;
	const quiz_question *q;       /* in the article's bank */
	const quiz_question *alone;   /* in a bank of its own */
	quiz *alone_quiz;
	grader *alone_grader;
	const char *made;             /* what it became: date, number, actor, text */
} item;

typedef struct {
	size_t first, count;   /* items[first .. first+count) */
	quiz *q;
	grader *g;
} article_bank;

static char *split_field(char **p)
{
	char *s = *p;
	if (!s)
		return NULL;
	char *tab = strchr(s, '\t');
	if (tab) {
		*tab = '\0';
		*p = tab + 1;
	} else {
		*p = NULL;
	}
	return s;
}

/* SQuAD v1.1 normalize_answer: lower case, ASCII punctuation deleted, the
 * words a/an/the removed, white space collapsed. (Python lowers non-ASCII
 * letters too; here only ASCII is lowered, which changes nothing in the
 * comparisons made, as both sides get the same treatment.) */
static char *squad_normalize(const char *s)
{
	size_t n = strlen(s);
	char *t = xmalloc(n + 1), *o = xmalloc(n + 2);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) && c)
			continue;
		t[k++] = c;
	}
	t[k] = '\0';
	size_t on = 0;
	char *save = NULL;
	for (char *w = strtok_r(t, " \t\n", &save); w; w = strtok_r(NULL, " \t\n", &save)) {
		if (!strcmp(w, "a") || !strcmp(w, "an") || !strcmp(w, "the"))
			continue;
		if (on)
			o[on++] = ' ';
		size_t wl = strlen(w);
		memcpy(o + on, w, wl);
		on += wl;
	}
	o[on] = '\0';
	free(t);
	return o;
}

static bool share_gold(const item *a, const item *b)
{
	for (size_t i = 0; i < a->n_answers; i++)
		for (size_t j = 0; j < b->n_answers; j++)
			if (strcmp(a->squad[i], b->squad[j]) == 0)
				return true;
	return false;
}

/* Makes a question of `it` in quiz `q`, from its first gold answer. */
static const quiz_question *make_question(quiz *q, item *it)
{
	arena *ar = quiz_arena(q);
	const char *gold = it->answers[0];
	quiz_question *qq = quiz_add_question(q);
	qq->id = arena_strdup(ar, it->id);
	qq->prompt = arena_strdup(ar, it->question);
	qq->answer_text = arena_strdup(ar, gold);
	it->made = "text";
	if (it->kind == KIND_DATE) {
		date_parse_result dr;
		/* A bank's date is YYYY, YYYY-MM or YYYY-MM-DD: "early 2012" and
		 * "the fall of 1937" cannot be one. */
		if (date_parse(gold, strlen(gold), QUIZ_DATE_ORDER_UNSET, &dr) == DATE_OK &&
		    dr.value.year > 0 && !dr.value.weekday && !dr.vague) {
			qq->kind = QUIZ_DATE;
			qq->date = (quiz_date){dr.value.year, dr.value.month, dr.value.day};
			it->made = "date";
			return qq;
		}
	} else if (it->kind == KIND_NUMBER) {
		number_value nv;
		if (number_parse(gold, strlen(gold), &nv)) {
			qq->kind = QUIZ_NUMBER;
			qq->number.value = nv.value;
			if (nv.unit[0])
				qq->number.unit = arena_strdup(ar, nv.unit);
			it->made = "number";
			return qq;
		}
	} else {
		quiz_actor *a = quiz_add_actor(q);
		a->name = arena_strdup(ar, gold);
		qq->kind = QUIZ_ACTOR;
		qq->actor = a;
		it->made = "actor";
		return qq;
	}
	qq->kind = QUIZ_TEXT;
	qq->text = arena_strdup(ar, gold);
	return qq;
}

/* The question's `source`: its first gold answer in its paragraph. */
static void set_source(quiz *q, quiz_question *qq, const item *it)
{
	const article *a = quiz_article(q);
	if (!a || it->paragraph < 0 || (size_t)it->paragraph >= article_paragraph_count(a))
		return;
	const article_paragraph *p = article_paragraph_at(a, (size_t)it->paragraph);
	const char *at = strstr(p->text, it->answers[0]);
	qq->source.quote = arena_strdup(quiz_arena(q), it->answers[0]);
	qq->source.paragraph = p->number;
	qq->source.line = p->line;
	qq->source.start = at ? (size_t)(at - p->text) : 0;
	qq->source.end = at ? qq->source.start + strlen(it->answers[0]) : p->len;
}

static bool no_article;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void tsv_field(FILE *f, const char *s)
{
	for (; *s; s++)
		fputc(*s == '\t' || *s == '\n' ? ' ' : *s, f);
}

typedef struct {
	const char *gold, *typed, *verdict;
} rejected_one;

typedef struct {
	rejected_one *items;
	size_t count, cap;
} rejection;

typedef struct {
	size_t graded, accepted, close, ambiguous;
	size_t same_value;   /* accepted, and the same number or date as the answer */
} tally;

/* True when `typed` reads as the same number, or a date within the same
 * year, month or day, as the question's answer: another question can have
 * the same answer ("two" people, "three" days) without SQuAD's
 * normalisation seeing it. */
static bool same_value(const quiz_question *q, const char *typed)
{
	if (q->kind == QUIZ_NUMBER) {
		number_value nv;
		return number_parse(typed, strlen(typed), &nv) && nv.value == q->number.value;
	}
	if (q->kind == QUIZ_DATE) {
		date_parse_result dr;
		if (date_parse(typed, strlen(typed), QUIZ_DATE_ORDER_UNSET, &dr) != DATE_OK)
			return false;
		return dr.value.year == q->date.year &&
		       (!q->date.month || dr.value.month == q->date.month) &&
		       (!q->date.day || dr.value.day == q->date.day);
	}
	return false;
}

/* --explain ID: grades each line of standard input as an answer to question
 * ID, in its article's bank, and prints the verdict and the note. */
static int explain_question(const item *items, const article_bank *banks, size_t n_banks,
                            const char *id)
{
	for (size_t b = 0; b < n_banks; b++)
		for (size_t i = banks[b].first; i < banks[b].first + banks[b].count; i++) {
			if (strcmp(items[i].id, id) != 0)
				continue;
			printf("%s (%s): %s\nanswer: %s\n", id, items[i].made, items[i].question,
			       items[i].answers[0]);
			char line[4096];
			while (fgets(line, sizeof line, stdin)) {
				line[strcspn(line, "\n")] = '\0';
				grade_result r;
				grader_grade(banks[b].g, items[i].q, line, &r);
				printf("%s\t%s\t%s\n", line, grade_verdict_name(r.verdict), r.note);
			}
			return 0;
		}
	fprintf(stderr, "no question %s\n", id);
	return 1;
}

int main(int argc, char **argv)
{
	const char *explain = NULL;
	if (argc == 4 && strcmp(argv[3], "--no-article") == 0) {
		no_article = true;
		argc--;
	} else if (argc == 5 && strcmp(argv[3], "--explain") == 0) {
		explain = argv[4];
		argc -= 2;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: %s ANSWERS.TSV OUTDIR [--no-article | --explain ID]\n", argv[0]);
		return 2;
	}
	buf text;
	buf_init(&text);
	int err = read_file(argv[1], 64u << 20, &text);
	if (err) {
		fprintf(stderr, "%s: %s\n", argv[1], strerror(err));
		return 1;
	}
	mkdir(argv[2], 0777);

	/* Read the rows. */
	item *items = NULL;
	size_t n_items = 0, cap = 0;
	char *save = NULL;
	bool header = true;
	for (char *line = strtok_r(text.ptr, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (header) {
			header = false;
			continue;
		}
		char *p = line;
		char *id = split_field(&p), *title = split_field(&p), *question = split_field(&p),
		     *answers = split_field(&p);
		char *para = split_field(&p);
		char *kind = split_field(&p);
		if (!kind)
			continue;
		int k = -1;
		for (int i = 0; i < KIND_N; i++)
			if (strcmp(kind, kind_names[i]) == 0)
				k = i;
		if (k < 0)
			continue;
		if (n_items == cap) {
			cap = cap ? cap * 2 : 256;
			items = xrealloc(items, cap * sizeof *items);
		}
		item *it = &items[n_items++];
		memset(it, 0, sizeof *it);
		it->id = id;
		it->article = title;
		it->question = question;
		it->paragraph = para ? atoi(para) : -1;
		it->kind = k;
		size_t acap = 0;
		for (char *a = answers; a;) {
			char *sep = strstr(a, " || ");
			if (sep)
				*sep = '\0';
			if (it->n_answers == acap) {
				acap = acap ? acap * 2 : 8;
				it->answers = xrealloc(it->answers, acap * sizeof(char *));
				it->squad = xrealloc(it->squad, acap * sizeof(char *));
			}
			it->answers[it->n_answers] = a;
			it->squad[it->n_answers] = squad_normalize(a);
			it->n_answers++;
			a = sep ? sep + 4 : NULL;
		}
	}

	/* One bank per article (rows of an article are contiguous). */
	article_bank *banks = NULL;
	size_t n_banks = 0;
	for (size_t i = 0; i < n_items; i++) {
		if (!n_banks || strcmp(items[banks[n_banks - 1].first].article, items[i].article) != 0) {
			banks = xrealloc(banks, (n_banks + 1) * sizeof *banks);
			banks[n_banks++] = (article_bank){i, 0, NULL, NULL};
		}
		banks[n_banks - 1].count++;
	}
	size_t made[KIND_N][4] = {{0}};
	/* The articles beside answers.tsv, so that the grader sees each
	 * question's paragraph as its `source` passage. */
	char dir[4096];
	snprintf(dir, sizeof dir, "%s", argv[1]);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	else
		snprintf(dir, sizeof dir, ".");
	size_t with_article = 0;
	for (size_t b = 0; b < n_banks; b++) {
		article_bank *ab = &banks[b];
		ab->q = quiz_new();
		quiz_set_title(ab->q, items[ab->first].article);
		char apath[8192];
		snprintf(apath, sizeof apath, "%s/articles/%s.md", dir, items[ab->first].article);
		buf md;
		buf_init(&md);
		bool have_md = !no_article && read_file(apath, 64u << 20, &md) == 0;
		if (have_md) {
			diag_list *d = diag_list_new();
			article *art = article_parse(apath, md.ptr, md.len, d);
			diag_list_free(d);
			if (art)
				quiz_set_article(ab->q, art);
			else
				have_md = false;
		}
		for (size_t i = ab->first; i < ab->first + ab->count; i++) {
			items[i].q = make_question(ab->q, &items[i]);
			items[i].alone_quiz = quiz_new();
			if (have_md) {
				diag_list *d = diag_list_new();
				article *art = article_parse(apath, md.ptr, md.len, d);
				diag_list_free(d);
				if (art)
					quiz_set_article(items[i].alone_quiz, art);
			}
			items[i].alone = make_question(items[i].alone_quiz, &items[i]);
			if (have_md) {
				set_source(ab->q, (quiz_question *)items[i].q, &items[i]);
				set_source(items[i].alone_quiz, (quiz_question *)items[i].alone, &items[i]);
				with_article++;
			}
			items[i].alone_grader = grader_new(items[i].alone_quiz, NULL);
			int m = !strcmp(items[i].made, "date") ? 0 : !strcmp(items[i].made, "number") ? 1
			      : !strcmp(items[i].made, "actor") ? 2 : 3;
			made[items[i].kind][m]++;
		}
		ab->g = grader_new(ab->q, NULL);
		buf_release(&md);
	}

	if (explain)
		return explain_question(items, banks, n_banks, explain);

	char path[4096];
	snprintf(path, sizeof path, "%s/rejected-gold.tsv", argv[2]);
	FILE *rejected = fopen(path, "w");
	snprintf(path, sizeof path, "%s/false-accepts.tsv", argv[2]);
	FILE *false_acc = fopen(path, "w");
	if (!rejected || !false_acc) {
		fprintf(stderr, "%s: cannot write: %s\n", path, strerror(errno));
		return 1;
	}
	fprintf(rejected, "kind\tmade\tid\tanswer\ttyped\tverdict\tnote\n");
	fprintf(false_acc, "kind\tbank\tid\tanswer\ttyped (another question's gold)\tverdict\tnote\n");

	/* 1. The other gold answers of each question. */
	rejection rejections[KIND_N] = {{0}};
	tally gold[KIND_N] = {{0}}, gold_distinct[KIND_N] = {{0}};
	for (size_t b = 0; b < n_banks; b++) {
		article_bank *ab = &banks[b];
		for (size_t i = ab->first; i < ab->first + ab->count; i++) {
			item *it = &items[i];
			for (size_t a = 1; a < it->n_answers; a++) {
				grade_result r;
				grader_grade(ab->g, it->q, it->answers[a], &r);
				bool acc = grade_verdict_accepted(r.verdict);
				/* Distinct: differs from the first after SQuAD's
				 * normalisation, and not repeated earlier. */
				bool distinct = strcmp(it->squad[a], it->squad[0]) != 0;
				for (size_t e = 1; e < a && distinct; e++)
					if (!strcmp(it->squad[a], it->squad[e]))
						distinct = false;
				tally *ts[2] = {&gold[it->kind], distinct ? &gold_distinct[it->kind] : NULL};
				for (int t = 0; t < 2; t++) {
					if (!ts[t])
						continue;
					ts[t]->graded++;
					ts[t]->accepted += acc;
					ts[t]->close += r.verdict == GRADE_CLOSE;
					ts[t]->ambiguous += r.verdict == GRADE_AMBIGUOUS;
				}
				if (!acc && distinct) {
					rejection *rj = &rejections[it->kind];
					if (rj->count == rj->cap) {
						rj->cap = rj->cap ? rj->cap * 2 : 64;
						rj->items = xrealloc(rj->items, rj->cap * sizeof *rj->items);
					}
					rj->items[rj->count++] = (rejected_one){it->answers[0], it->answers[a],
					                                        grade_verdict_name(r.verdict)};
					fprintf(rejected, "%s\t%s\t%s\t", kind_names[it->kind], it->made, it->id);
					tsv_field(rejected, it->answers[0]);
					fputc('\t', rejected);
					tsv_field(rejected, it->answers[a]);
					fprintf(rejected, "\t%s\t%s\n", grade_verdict_name(r.verdict), r.note);
				}
			}
		}
	}

	/* 2. False accepts: other questions' gold answers of the same kind. */
	tally fa_bank[KIND_N] = {{0}}, fa_alone[KIND_N] = {{0}};
	for (size_t b = 0; b < n_banks; b++) {
		article_bank *ab = &banks[b];
		for (size_t i = ab->first; i < ab->first + ab->count; i++) {
			item *it = &items[i];
			for (size_t j = ab->first; j < ab->first + ab->count; j++) {
				item *other = &items[j];
				if (i == j || other->kind != it->kind || share_gold(it, other))
					continue;
				for (size_t a = 0; a < other->n_answers; a++) {
					bool repeat = false;
					for (size_t e = 0; e < a && !repeat; e++)
						repeat = !strcmp(other->answers[a], other->answers[e]);
					if (repeat)
						continue;
					for (int mode = 0; mode < 2; mode++) {
						grade_result r;
						if (mode == 0)
							grader_grade(ab->g, it->q, other->answers[a], &r);
						else
							grader_grade(it->alone_grader, it->alone, other->answers[a], &r);
						tally *t = mode == 0 ? &fa_bank[it->kind] : &fa_alone[it->kind];
						bool acc = grade_verdict_accepted(r.verdict);
						t->graded++;
						t->accepted += acc;
						t->same_value += acc && same_value(it->q, other->answers[a]);
						t->close += r.verdict == GRADE_CLOSE;
						t->ambiguous += r.verdict == GRADE_AMBIGUOUS;
						if (acc || r.verdict == GRADE_AMBIGUOUS) {
							fprintf(false_acc, "%s\t%s\t%s\t", kind_names[it->kind],
							        mode == 0 ? "article" : "alone", it->id);
							tsv_field(false_acc, it->answers[0]);
							fputc('\t', false_acc);
							tsv_field(false_acc, other->answers[a]);
							fprintf(false_acc, "\t%s\t%s\n", grade_verdict_name(r.verdict), r.note);
						}
					}
				}
			}
		}
	}
	fclose(rejected);
	fclose(false_acc);

	/* 3. Throughput: the same grades again, timed, several rounds, per kind
	 * and for all kinds together. */
	double per_kind[KIND_N + 1];
	size_t grades = 0;
	double elapsed = 0;
	unsigned long sink = 0;
	for (int only = 0; only <= KIND_N; only++) {
		size_t n = 0;
		double start = now();
		int rounds = 0;
		elapsed = 0;
		while (elapsed < 1.0 || rounds < 3) {
			for (size_t b = 0; b < n_banks; b++) {
				article_bank *ab = &banks[b];
				for (size_t i = ab->first; i < ab->first + ab->count; i++) {
					item *it = &items[i];
					if (only < KIND_N && it->kind != only)
						continue;
					for (size_t a = 1; a < it->n_answers; a++) {
						grade_result r;
						grader_grade(ab->g, it->q, it->answers[a], &r);
						sink += r.verdict;
						n++;
					}
					for (size_t j = ab->first; j < ab->first + ab->count; j++) {
						item *other = &items[j];
						if (i == j || other->kind != it->kind)
							continue;
						grade_result r;
						grader_grade(ab->g, it->q, other->answers[0], &r);
						sink += r.verdict;
						n++;
					}
				}
			}
			rounds++;
			elapsed = now() - start;
		}
		per_kind[only] = n / elapsed;
		grades = n;
	}

	printf("rc-answers: %zu questions in %zu articles (%s)\n", n_items, n_banks, argv[1]);
	printf("with the article and the question's paragraph as its source: %zu questions\n\n",
	       with_article);
	printf("questions made from the first gold answer:\n");
	printf("  %-13s %6s %6s %6s %6s\n", "kind", "date", "number", "actor", "text");
	for (int k = 0; k < KIND_N; k++)
		printf("  %-13s %6zu %6zu %6zu %6zu\n", kind_names[k], made[k][0], made[k][1], made[k][2],
		       made[k][3]);
	printf("\n1. other gold answers accepted (correct or close; target: all at least 85%%):\n");
	printf("  %-13s %22s %22s %9s %9s\n", "kind", "all", "distinct (SQuAD norm.)", "close",
	       "ambiguous");
	for (int k = 0; k < KIND_N; k++) {
		tally *a = &gold[k], *d = &gold_distinct[k];
		printf("  %-13s %7zu/%-6zu %6.1f%% %7zu/%-6zu %6.1f%% %9zu %9zu\n", kind_names[k],
		       a->accepted, a->graded, a->graded ? 100.0 * a->accepted / a->graded : 0,
		       d->accepted, d->graded, d->graded ? 100.0 * d->accepted / d->graded : 0, a->close,
		       a->ambiguous);
	}
	printf("\n2. false accepts: other questions' gold answers (same kind, same article; target: at most 0.5%%)\n");
	printf("  %-13s %24s %24s  %s\n", "kind", "article bank as rivals", "each question alone",
	       "same value as the answer");
	size_t tg = 0, ta = 0, tga = 0, taa = 0;
	for (int k = 0; k < KIND_N; k++) {
		tally *a = &fa_bank[k], *b = &fa_alone[k];
		printf("  %-13s %7zu/%-7zu %6.2f%% %7zu/%-7zu %6.2f%%  %zu of %zu (ambiguous: %zu)\n", kind_names[k],
		       a->accepted, a->graded, a->graded ? 100.0 * a->accepted / a->graded : 0,
		       b->accepted, b->graded, b->graded ? 100.0 * b->accepted / b->graded : 0,
		       a->same_value, a->accepted, a->ambiguous);
		tg += a->graded;
		ta += a->accepted;
		tga += b->graded;
		taa += b->accepted;
	}
	printf("  %-13s %7zu/%-7zu %6.2f%% %7zu/%-7zu %6.2f%%\n", "all", ta, tg,
	       tg ? 100.0 * ta / tg : 0, taa, tga, tga ? 100.0 * taa / tga : 0);
	printf("\n3. throughput on one core (CPU time; the grades of 1 and 2, repeated):\n");
	for (int k = 0; k < KIND_N; k++)
		printf("  %-13s %9.0f grades per second\n", kind_names[k], per_kind[k]);
	printf("  %-13s %9.0f grades per second (%zu grades in %.2f s)\n", "all", per_kind[KIND_N],
	       grades, elapsed);
	printf("\n4. what is still rejected (distinct other gold answers, a spread of examples):\n");
	for (int k = 0; k < KIND_N; k++) {
		rejection *rj = &rejections[k];
		printf("  %s: %zu rejected\n", kind_names[k], rj->count);
		size_t shown = rj->count < 8 ? rj->count : 8;
		for (size_t e = 0; e < shown; e++) {
			const rejected_one *o = &rj->items[e * rj->count / shown];
			printf("    %-34.34s -> %-34.34s %s\n", o->gold, o->typed, o->verdict);
		}
		free(rj->items);
	}
	printf("\nrejected gold answers: %s/rejected-gold.tsv\n", argv[2]);
	printf("false accepts:         %s/false-accepts.tsv\n", argv[2]);

	for (size_t b = 0; b < n_banks; b++) {
		grader_free(banks[b].g);
		quiz_free(banks[b].q);
	}
	for (size_t i = 0; i < n_items; i++) {
		grader_free(items[i].alone_grader);
		quiz_free(items[i].alone_quiz);
		for (size_t a = 0; a < items[i].n_answers; a++)
			free(items[i].squad[a]);
		free(items[i].squad);
		free(items[i].answers);
	}
	free(items);
	free(banks);
	buf_release(&text);
	return sink == 0xdeadbeef;
}
