/* draft_squad.c - measure `recall draft` on the SQuAD articles: questions per article, coverage,
 * give-aways, and how many drafted date and actor answers humans also asked about */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "article.h"
#include "draft.h"
#include "extract.h"
#include "text.h"
#include "util.h"

/* SQuAD's normalize_answer: lower case, ASCII punctuation deleted, the
 * words a/an/the dropped, white space collapsed. */
static void squad_normalise(const char *s, buf *out)
{
	buf lower;
	buf_init(&lower);
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		                                        (utf8proc_ssize_t)(n - i), &cp);
		if (len <= 0) {
			i++;
			continue;
		}
		i += (size_t)len;
		if (cp < 0x80 && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", (int)cp))
			continue;
		utf8proc_uint8_t enc[4];
		utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), enc);
		buf_append(&lower, (const char *)enc, (size_t)m);
	}
	buf_clear(out);
	const char *p = lower.ptr;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		const char *w = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
		size_t wl = (size_t)(p - w);
		if (!wl || (wl == 1 && *w == 'a') || (wl == 2 && !strncmp(w, "an", 2)) ||
		    (wl == 3 && !strncmp(w, "the", 3)))
			continue;
		if (out->len)
			buf_putc(out, ' ');
		buf_append(out, w, wl);
	}
	buf_release(&lower);
}

typedef struct {
	char *title;
	char **golds;   /* normalised */
	size_t n, cap;
} gold_set;

static gold_set *sets;
static size_t n_sets, cap_sets;

static gold_set *set_for(const char *title, bool create)
{
	for (size_t i = 0; i < n_sets; i++)
		if (strcmp(sets[i].title, title) == 0)
			return &sets[i];
	if (!create)
		return NULL;
	if (n_sets == cap_sets) {
		cap_sets = cap_sets ? cap_sets * 2 : 64;
		sets = xrealloc(sets, cap_sets * sizeof *sets);
	}
	gold_set *g = &sets[n_sets++];
	memset(g, 0, sizeof *g);
	g->title = xstrdup(title);
	return g;
}

static bool gold_has(const gold_set *g, const char *answer)
{
	if (!g || !answer)
		return false;
	buf n;
	buf_init(&n);
	squad_normalise(answer, &n);
	bool found = false;
	for (size_t i = 0; i < g->n && !found; i++)
		found = n.len && strcmp(g->golds[i], n.ptr) == 0;
	buf_release(&n);
	return found;
}

static void load_golds(const char *tsv)
{
	buf text;
	buf_init(&text);
	if (read_file(tsv, 64u << 20, &text)) {
		fprintf(stderr, "cannot read %s\n", tsv);
		exit(2);
	}
	buf norm;
	buf_init(&norm);
	char *save = NULL;
	bool header = true;
	for (char *line = strtok_r(text.ptr, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (header) {
			header = false;
			continue;
		}
		char *cols[6] = {0};
		size_t nc = 0;
		for (char *p = line; nc < 6;) {
			cols[nc++] = p;
			char *tab = strchr(p, '\t');
			if (!tab)
				break;
			*tab = '\0';
			p = tab + 1;
		}
		if (nc < 4)
			continue;
		gold_set *g = set_for(cols[1], true);
		for (char *a = cols[3]; a;) {
			char *sep = strstr(a, " || ");
			if (sep)
				*sep = '\0';
			squad_normalise(a, &norm);
			if (g->n == g->cap) {
				g->cap = g->cap ? g->cap * 2 : 64;
				g->golds = xrealloc(g->golds, g->cap * sizeof *g->golds);
			}
			g->golds[g->n++] = xstrdup(norm.ptr);
			a = sep ? sep + 4 : NULL;
		}
	}
	buf_release(&norm);
	buf_release(&text);
}

/* Whether the question's prompt shows its answer (as written anywhere in
 * the question's answer forms). */
static bool contains_fold(const char *hay, const char *needle)
{
	if (!needle || !*needle)
		return false;
	buf h, n;
	buf_init(&h);
	buf_init(&n);
	text_fold(hay, strlen(hay), &h, NULL);
	text_fold(needle, strlen(needle), &n, NULL);
	bool found = false;
	for (const char *p = h.ptr; !found && (p = strstr(p, n.ptr)); p++) {
		bool left = p == h.ptr || !((unsigned char)p[-1] >= 0x80 || (p[-1] >= 'a' && p[-1] <= 'z') ||
		                            (p[-1] >= '0' && p[-1] <= '9'));
		char r = p[n.len];
		bool right = !((unsigned char)r >= 0x80 || (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9'));
		found = left && right;
	}
	buf_release(&h);
	buf_release(&n);
	return found;
}

static bool gives_away(const draft_question *q)
{
	switch (q->kind) {
	case QUIZ_DATE:
		return contains_fold(q->prompt, q->answer_text) || contains_fold(q->prompt, q->answer) ||
		       (strlen(q->answer) >= 4 && contains_fold(q->prompt, (char[5]){q->answer[0], q->answer[1],
		                                                                      q->answer[2], q->answer[3], 0}));
	case QUIZ_ACTOR:
		return contains_fold(q->prompt, q->answer_text) ||
		       (q->actor && q->actor->acronym && contains_fold(q->prompt, q->actor->acronym)) ||
		       (q->actor && q->actor->family && contains_fold(q->prompt, q->actor->family));
	case QUIZ_CHOICE:
	case QUIZ_TEXT:
		return contains_fold(q->prompt, q->answer);
	default:
		return false;
	}
}

int main(int argc, char **argv)
{
	const char *corpus = argc > 1 ? argv[1] : "../shared/corpus/rc-answers";
	char path[4096];
	snprintf(path, sizeof path, "%s/answers-all.tsv", corpus);
	load_golds(path);
	snprintf(path, sizeof path, "%s/articles", corpus);
	struct dirent **names;
	int n = scandir(path, &names, NULL, alphasort);
	if (n < 0) {
		fprintf(stderr, "cannot read %s\n", path);
		return 2;
	}
	size_t total_q = 0, total_words = 0, articles = 0, give_aways = 0;
	size_t da = 0, da_hit = 0, aa = 0, aa_hit = 0, aa_loose = 0;
	size_t dates = 0, dates_named = 0, people = 0, people_named = 0;
	size_t per_template[DRAFT_TEMPLATE_COUNT] = {0};
	size_t min_q = (size_t)-1, max_q = 0;
	size_t pool_d = 0, pool_dh = 0, pool_a = 0, pool_ah = 0;
	printf("%-44s %6s %5s %5s %9s %9s\n", "article", "words", "cands", "kept", "date hit", "actor hit");
	for (int i = 0; i < n; i++) {
		const char *name = names[i]->d_name;
		size_t len = strlen(name);
		if (len < 4 || strcmp(name + len - 3, ".md") != 0) {
			free(names[i]);
			continue;
		}
		snprintf(path, sizeof path, "%s/articles/%s", corpus, name);
		diag_list *dl = diag_list_new();
		article *a = article_load(path, dl);
		if (!a) {
			printf("%s: cannot load\n", name);
			diag_list_free(dl);
			free(names[i]);
			continue;
		}
		char title[512];
		snprintf(title, sizeof title, "%.*s", (int)(len - 3), name);
		const gold_set *g = set_for(title, false);
		draft_options opt = {.seed = 1};
		draft *d = draft_new(a, &opt);
		size_t q = draft_count(d), dh = 0, dn = 0, ah = 0, an = 0;
		for (size_t k = 0; k < q; k++) {
			const draft_question *dq = draft_at(d, k);
			per_template[dq->template]++;
			give_aways += gives_away(dq);
			if (dq->kind == QUIZ_DATE) {
				dn++;
				dh += gold_has(g, dq->answer_text);
			} else if (dq->kind == QUIZ_ACTOR) {
				an++;
				bool hit = gold_has(g, dq->answer_text);
				ah += hit;
				if (hit || (dq->actor && (gold_has(g, dq->actor->acronym) || gold_has(g, dq->actor->family))))
					aa_loose++;
				else if (dq->actor && dq->actor->person) {
					const char *sp = strrchr(dq->actor->name, ' ');
					aa_loose += sp && gold_has(g, sp + 1);
				}
			}
		}
		/* The same over the whole pool: every candidate the variety rules
		 * let through, with no budget. */
		draft_options all = {.seed = 1, .max = 1000000};
		draft *pool = draft_new(a, &all);
		for (size_t k = 0; k < draft_count(pool); k++) {
			const draft_question *dq = draft_at(pool, k);
			if (dq->kind == QUIZ_DATE) {
				pool_d++;
				pool_dh += gold_has(g, dq->answer_text);
			} else if (dq->kind == QUIZ_ACTOR) {
				pool_a++;
				pool_ah += gold_has(g, dq->answer_text);
			}
		}
		draft_free(pool);
		/* Which of the extracted dates and people some question names. */
		extraction *x = extract_article(a);
		size_t nd, np;
		const extract_date *D = extract_dates(x, &nd);
		const extract_person *P = extract_people(x, &np);
		buf vis;
		buf_init(&vis);
		for (size_t k = 0; k < q; k++) {
			const draft_question *dq = draft_at(d, k);
			buf_printf(&vis, "%s\n%s\n", dq->prompt, dq->answer_text ? dq->answer_text : "");
			if (dq->kind == QUIZ_CHOICE)
				for (size_t c = 0; c < dq->n_choices; c++)
					buf_printf(&vis, "%s\n", dq->choices[c]);
		}
		for (size_t k = 0; k < nd; k++) {
			dates++;
			dates_named += contains_fold(vis.ptr, D[k].surface);
		}
		for (size_t k = 0; k < np; k++) {
			people++;
			people_named += contains_fold(vis.ptr, P[k].name) ||
			                (P[k].short_name && contains_fold(vis.ptr, P[k].short_name));
		}
		buf_release(&vis);
		extract_free(x);
		size_t words = article_word_count(a);
		printf("%-44.44s %6zu %5zu %5zu %4zu/%-4zu %4zu/%-4zu\n", title, words, draft_candidates(d), q,
		       dh, dn, ah, an);
		total_q += q;
		total_words += words;
		articles++;
		da += dn;
		da_hit += dh;
		aa += an;
		aa_hit += ah;
		min_q = q < min_q ? q : min_q;
		max_q = q > max_q ? q : max_q;
		draft_free(d);
		article_free(a);
		diag_list_free(dl);
		free(names[i]);
	}
	free(names);
	printf("\n%zu articles, %zu words, %zu questions (%.1f per article, from %zu to %zu; one per %.0f words)\n",
	       articles, total_words, total_q, articles ? (double)total_q / (double)articles : 0.0, min_q, max_q,
	       total_q ? (double)total_words / (double)total_q : 0.0);
	printf("by template:");
	for (int t = 0; t < DRAFT_TEMPLATE_COUNT; t++)
		printf(" %s %zu", draft_template_name((draft_template)t), per_template[t]);
	printf("\nprompts that contain their answer: %zu\n", give_aways);
	printf("date answers among the SQuAD gold answers: %zu of %zu (%.1f%%)\n", da_hit, da,
	       da ? 100.0 * (double)da_hit / (double)da : 0.0);
	printf("actor answers among the SQuAD gold answers: %zu of %zu (%.1f%%); with the family name or "
	       "acronym too: %zu (%.1f%%)\n",
	       aa_hit, aa, aa ? 100.0 * (double)aa_hit / (double)aa : 0.0, aa_loose,
	       aa ? 100.0 * (double)aa_loose / (double)aa : 0.0);
	printf("date and actor answers together: %zu of %zu (%.1f%%)\n", da_hit + aa_hit, da + aa,
	       da + aa ? 100.0 * (double)(da_hit + aa_hit) / (double)(da + aa) : 0.0);
	printf("the whole pool, without a budget: dates %zu of %zu (%.1f%%), actors %zu of %zu (%.1f%%)\n",
	       pool_dh, pool_d, pool_d ? 100.0 * (double)pool_dh / (double)pool_d : 0.0, pool_ah, pool_a,
	       pool_a ? 100.0 * (double)pool_ah / (double)pool_a : 0.0);
	printf("extracted dates named by some question: %zu of %zu (%.1f%%); people: %zu of %zu (%.1f%%)\n",
	       dates_named, dates, dates ? 100.0 * (double)dates_named / (double)dates : 0.0, people_named,
	       people, people ? 100.0 * (double)people_named / (double)people : 0.0);
	for (size_t i = 0; i < n_sets; i++) {
		for (size_t k = 0; k < sets[i].n; k++)
			free(sets[i].golds[k]);
		free(sets[i].golds);
		free(sets[i].title);
	}
	free(sets);
	return 0;
}
