/* bank.c - load and validate YAML question banks, compiling them into quizzes */
#include "bank.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "date.h"
#include "pack.h"
#include "sections.h"
#include "sha256.h"
#include "text.h"
#include "util.h"

/* ---- The YAML tree ------------------------------------------------------
 *
 * libyaml's events are turned into a small tree that keeps the position of
 * every node. The parser is freed as soon as the tree is built; strings the
 * quiz keeps are copied again into the quiz's own arena. Each question is
 * compiled as soon as its mapping ends and its nodes are freed, so memory
 * follows the size of one question, not of the bank; what needs the whole
 * bank (actor references, derived ids, sources, dates shown in the bank's
 * date order) is finished at the end. */

enum { NODE_SCALAR, NODE_SEQ, NODE_MAP };

typedef struct node node;
struct node {
	unsigned char type;
	bool plain;            /* an unquoted scalar */
	bool bad;              /* stands for something already reported (an alias) */
	bool streamed;         /* the `questions:` list, whose items were compiled as read */
	int line, col;         /* 1-based */
	int end_line, end_col;
	const char *text;      /* scalars: the value, NUL-terminated */
	size_t len;
	node **kids;           /* maps: key, value, key, value ...; sequences: items */
	size_t n;              /* entries in kids */
};

/* A string-keyed hash map; keys are not copied and must outlive it. The
 * table holds only 4-byte indexes into a dense array of entries, so a map of
 * every question's id (100,000 in a large bank) takes about 5 MiB, not 12. */
typedef struct {
	const char *key;
	void *value;
	uint32_t len;          /* a bank is at most BANK_MAX_SIZE */
	uint32_t hash;
} strmap_entry;

typedef struct {
	uint32_t *slots;       /* entry index + 1; 0 is empty */
	strmap_entry *entries; /* in the order added */
	size_t cap, count, cap_entries;
} strmap;

static uint32_t hash_bytes(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static uint32_t *strmap_slot_for(const strmap *m, const char *key, size_t len, uint32_t hash)
{
	size_t i = hash & (m->cap - 1);
	while (m->slots[i]) {
		const strmap_entry *e = &m->entries[m->slots[i] - 1];
		if (e->hash == hash && e->len == len && memcmp(e->key, key, len) == 0)
			break;
		i = (i + 1) & (m->cap - 1);
	}
	return &m->slots[i];
}

static void *strmap_get(const strmap *m, const char *key, size_t len)
{
	if (!m->count)
		return NULL;
	uint32_t slot = *strmap_slot_for(m, key, len, hash_bytes(key, len));
	return slot ? m->entries[slot - 1].value : NULL;
}

/* Adds key -> value unless the key is there; returns the value now held. */
static void *strmap_put(strmap *m, const char *key, size_t len, void *value)
{
	/* Linear probing stays quick up to three quarters full. */
	if (4 * (m->count + 1) > 3 * m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 16;
		uint32_t *slots = xcalloc(cap, sizeof(uint32_t));
		for (size_t k = 0; k < m->count; k++) {
			size_t i = m->entries[k].hash & (cap - 1);
			while (slots[i])
				i = (i + 1) & (cap - 1);
			slots[i] = (uint32_t)(k + 1);
		}
		free(m->slots);
		m->slots = slots;
		m->cap = cap;
	}
	uint32_t hash = hash_bytes(key, len);
	uint32_t *slot = strmap_slot_for(m, key, len, hash);
	if (*slot)
		return m->entries[*slot - 1].value;
	if (m->count == m->cap_entries) {
		m->cap_entries = m->cap_entries ? m->cap_entries * 2 : 12;
		m->entries = xrealloc(m->entries, m->cap_entries * sizeof(strmap_entry));
	}
	m->entries[m->count] = (strmap_entry){key, value, (uint32_t)len, hash};
	*slot = (uint32_t)++m->count;
	return value;
}

/* Adds or replaces key -> value. */
static void strmap_set(strmap *m, const char *key, size_t len, void *value)
{
	strmap_put(m, key, len, value);
	m->entries[*strmap_slot_for(m, key, len, hash_bytes(key, len)) - 1].value = value;
}

static void strmap_release(strmap *m)
{
	free(m->slots);
	free(m->entries);
	*m = (strmap){0};
}

/* ---- The compiler's state ---------------------------------------------- */

typedef struct {
	const char *path;        /* the bank's name in diagnostics */
	const char *text;        /* the bank's bytes; NULL once let go */
	size_t len;
	buf *owned;              /* the bytes, when they may be let go once read:
	                          * diagnostics read the file again for its lines */
	sha256_ctx hash;         /* of the bank's part of the content hash */
	diag_list *d;
	arena *keep;             /* the tree but questions, names; freed at the end */
	arena *tmp;              /* where nodes and scratch strings go now: `keep`,
	                          * or the arena of the question being read */
	arena *question_arena;   /* reset when its question is compiled */
	diag_list *out;          /* where diagnostics go in the end */
	quiz *q;
	article *art;            /* NULL when it could not be loaded */
	bool article_tried;      /* load_article has run */
	char *article_path;      /* as resolved against the bank */
	const char *article_name;/* as written in the bank */
	const char *articles;    /* bank_options.articles */
	uint32_t *line_starts;   /* byte offset of each line, for positions in scalars
	                          * (a bank is at most BANK_MAX_SIZE) */
	size_t n_lines;
	quiz_date_order date_order;
	strmap actors;           /* id -> quiz_actor */
	strmap ids;              /* question id -> its node */
	strmap slug_counts;      /* derived id -> how many times used, as an integer */
	size_t closest_lookups;  /* how many missing sources got a closest passage */
	buf fold;                /* scratch for folding */
	bool questions_streamed; /* the `questions:` list is being compiled as read */
	bool questions_lost;      /* a syntax error cost a question */
	bool tail_lost;           /* ... and the rest of the file (`actors:` maybe) */
	bool actors_lost;         /* a syntax error cost the `actors:` map */
	struct pending *pending; /* what is left to do for each question */
	size_t n_pending, cap_pending;
} compiler;

/* What a question still needs once the whole bank is read. */
typedef struct pending {
	quiz_question *qq;
	const char *actor_ref;   /* `answer: {actor: ID}`; in c->keep */
	int ref_line, ref_col;
	int source_line, source_col;
	int after_line, after_col;
	bool derive_id;          /* it has no `id` */
} pending;

static diag *error_at(compiler *c, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static diag *add_note(compiler *c, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static diag *warning_at(compiler *c, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Bank diagnostics go to a list of their own, put in file order at the end. */
static diag *add_va(compiler *c, diag_severity sev, int line, int col, const char *fmt,
                    va_list ap)
{
	buf msg;
	buf_init(&msg);
	buf_vprintf(&msg, fmt, ap);
	diag *dg = diag_add(c->d, sev, c->path, line, col, "%s", msg.ptr);
	buf_release(&msg);
	return dg;
}

static diag *error_at(compiler *c, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag *dg = add_va(c, DIAG_ERROR, line, col, fmt, ap);
	va_end(ap);
	return dg;
}

static diag *add_note(compiler *c, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag *dg = add_va(c, DIAG_NOTE, line, col, fmt, ap);
	va_end(ap);
	return dg;
}

static diag *warning_at(compiler *c, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag *dg = add_va(c, DIAG_WARNING, line, col, fmt, ap);
	va_end(ap);
	return dg;
}

/* Appends `s` shortened for a message: at most `max` code points, then "...". */
static void put_short(buf *out, const char *s, size_t len, size_t max)
{
	size_t i = 0, chars = 0;
	while (i < len && chars < max) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	for (size_t k = 0; k < i; k++)
		buf_putc(out, s[k] == '\n' ? ' ' : s[k]);
	if (i < len)
		buf_puts(out, "...");
}

/* A short quotation of a node's text for messages; lives in the scratch arena. */
static const char *shown(compiler *c, const char *s, size_t len)
{
	buf b;
	buf_init(&b);
	put_short(&b, s, len, 60);
	char *copy = arena_strndup(c->tmp, b.ptr, b.len);
	buf_release(&b);
	return copy;
}

/* ---- Reading the YAML -------------------------------------------------- */

typedef struct {
	node **items;
	size_t n, cap;
	node *self;
	bool questions;        /* the `questions:` list: items are compiled as read */
	size_t streamed;       /* how many items went that way */
} frame;

static void compile_item(compiler *c, node *item, size_t index);
static void load_article(compiler *c, const node *value);

/* An `article:` that comes before `questions:` (as in every bank recall
 * writes) is loaded before the questions are compiled: its Markdown is
 * parsed while little else is held, and the memory of the dropped document
 * goes to the questions. As compile_root does, the first `article:` counts. */
static void load_article_first(compiler *c, const frame *root)
{
	for (size_t i = 0; i + 1 < root->n; i += 2) {
		const node *k = root->items[i];
		if (k->type == NODE_SCALAR && !k->bad && strcmp(k->text, "article") == 0) {
			load_article(c, root->items[i + 1]);
			return;
		}
	}
}

/* Called before the node for an event is made: an event that starts an
 * item of the `questions:` list gets a fresh arena for that item. */
static void enter_item(compiler *c, const frame *stack, int depth)
{
	if (depth == 2 && stack[1].questions) {
		if (!c->question_arena)
			c->question_arena = arena_new();
		c->tmp = c->question_arena;
	}
}

static node *new_node(compiler *c, int type, const yaml_mark_t *start)
{
	node *n = arena_alloc(c->tmp, sizeof(node));
	n->type = (unsigned char)type;
	n->line = (int)start->line + 1;
	n->col = (int)start->column + 1;
	return n;
}

static const char *kind_of_node(const node *n)
{
	return n->type == NODE_MAP ? "a mapping" : n->type == NODE_SEQ ? "a list" : "text";
}

static void check_anchor_and_tag(compiler *c, const yaml_event_t *ev, const yaml_char_t *anchor,
                                 const yaml_char_t *tag)
{
	int line = (int)ev->start_mark.line + 1, col = (int)ev->start_mark.column + 1;
	if (anchor) {
		diag *dg = error_at(c, line, col, "YAML anchors (`&%s`) are not allowed in a bank",
		                    shown(c, (const char *)anchor, strlen((const char *)anchor)));
		diag_hint(dg, "write the value out where it is needed; a bank has no use for references");
	}
	if (tag) {
		/* libyaml expands `!!str` to its full name; show it as written. */
		const char *name = (const char *)tag;
		static const char core[] = "tag:yaml.org,2002:";
		bool short_form = strncmp(name, core, sizeof core - 1) == 0;
		if (short_form)
			name += sizeof core - 1;
		diag *dg = error_at(c, line, col, "YAML tags (`%s%s`) are not allowed in a bank",
		                    short_form ? "!!" : "", shown(c, name, strlen(name)));
		diag_hint(dg, "remove the tag; quote the value if it should be read as text");
	}
}

/* Duplicate keys and keys that are not plain text, checked when a mapping
 * ends. Small mappings compare pairwise; large ones use a hash map, so a
 * mapping of 100,000 keys costs no more than it should. */
static void check_mapping_keys(compiler *c, node *m)
{
	size_t pairs = m->n / 2;
	strmap seen = {0};
	for (size_t i = 0; i < pairs; i++) {
		node *key = m->kids[2 * i];
		if (key->type != NODE_SCALAR) {
			diag *dg = error_at(c, key->line, key->col, "a key must be plain text, not %s",
			                    kind_of_node(key));
			diag_hint(dg, "write the key as a word such as `prompt`");
			continue;
		}
		if (key->bad)
			continue;
		node *first = NULL;
		if (pairs <= 16) {
			for (size_t k = 0; k < i && !first; k++) {
				node *other = m->kids[2 * k];
				if (other->type == NODE_SCALAR && !other->bad && other->len == key->len &&
				    memcmp(other->text, key->text, key->len) == 0)
					first = other;
			}
		} else {
			first = strmap_put(&seen, key->text, key->len, key);
			if (first == key)
				first = NULL;
		}
		if (first) {
			diag *dg = error_at(c, key->line, key->col, "duplicate key `%s`",
			                    shown(c, key->text, key->len));
			diag_hint(dg, "the first is at line %d, column %d; keep one of them", first->line,
			          first->col);
		}
	}
	strmap_release(&seen);
}

/* The start of 1-based line `line` of the bank, or NULL. */
static const char *line_start(const compiler *c, int line)
{
	const char *p = c->text, *end = c->text + c->len;
	for (int i = 1; i < line && p < end; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return NULL;
		p = nl + 1;
	}
	return p < end ? p : NULL;
}

static int indentation(const char *line, const char *end)
{
	int n = 0;
	while (line + n < end && line[n] == ' ')
		n++;
	return n;
}

/* `key: value` that libyaml cannot take as a key is most often a key
 * indented deeper than the fields above it, which makes it part of the
 * previous value: the line holds only the key before its colon, and the
 * line above is less indented. */
static bool over_indented_key(const compiler *c, int line, int col)
{
	const char *end = c->text + c->len;
	const char *here = c->text ? line_start(c, line) : NULL;
	if (!here || line < 2)
		return false;
	int indent = indentation(here, end);
	const char *key = here + indent;
	const char *colon = key;
	while (colon < end && *colon != ':' && *colon != '\n' && *colon != ' ')
		colon++;
	if (colon == key || colon >= end || *colon != ':' || colon - here + 1 != col || *key == '-')
		return false;
	for (int above = line - 1; above >= 1; above--) {
		const char *prev = line_start(c, above);
		if (!prev)
			return false;
		int prev_indent = indentation(prev, end);
		if (prev + prev_indent >= end || prev[prev_indent] == '\n' || prev[prev_indent] == '#')
			continue;
		if (prev[prev_indent] == '-' && prev_indent + 2 <= indent)
			prev_indent += 2;
		return prev_indent < indent;
	}
	return false;
}

static const char *syntax_hint(const compiler *c, const char *problem, int line, int col)
{
	if (!problem)
		return NULL;
	if (strstr(problem, "mapping values are not allowed") && over_indented_key(c, line, col))
		return "this key is indented deeper than the line above, so YAML reads it as part of "
		       "that value: line it up with the fields beside it";
	if (strstr(problem, "mapping values are not allowed"))
		return "a value holding `: ` must be quoted";
	if (strstr(problem, "tab character"))
		return "YAML indents with spaces, not tabs";
	if (strstr(problem, "cannot start any token"))
		return "YAML indents with spaces, not tabs; a value starting with `@`, `` ` `` or `%` "
		       "must be quoted";
	if (strstr(problem, "did not find expected key"))
		return "check the indentation of this line against the lines above";
	if (strstr(problem, "did not find expected '-' indicator"))
		return "every item of a list starts with `- ` at the same indentation";
	if (strstr(problem, "found unexpected end of stream"))
		return "a quote or bracket opened here is never closed";
	return NULL;
}

/* Where reading can go on after a syntax error inside the `questions:`
 * list: the start of the first line after the error's that begins a list
 * item at the list's own indentation (`item_col` spaces, then `-`). The
 * text up to there is replaced by blank lines and a `questions:` key, so
 * that every line and column after it stays where it is in the file.
 * When no such line follows, the made-up text only ends the list. */
static bool resume_text(compiler *c, int error_line, int item_col, int key_col, buf *out)
{
	const char *text = c->text, *end = c->text + c->len;
	const char *p = text;
	int line = 1;
	while (p < end && line <= error_line) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
		line++;
	}
	while (p < end) {
		int spaces = 0;
		while (p + spaces < end && p[spaces] == ' ')
			spaces++;
		const char *dash = p + spaces;
		if (spaces == item_col && dash < end && *dash == '-' &&
		    (dash + 1 == end || dash[1] == ' ' || dash[1] == '\n' || dash[1] == '\r'))
			break;
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
		line++;
	}
	buf_clear(out);
	if (p >= end || line < 2) {
		/* No question follows: the list ends here, so that the questions
		 * read so far are still checked. */
		for (int i = 1; i <= error_line; i++)
			buf_putc(out, '\n');
		for (int i = 0; i < key_col; i++)
			buf_putc(out, ' ');
		buf_puts(out, "questions: []\n");
		c->tail_lost = true;
		return true;
	}
	for (int i = 1; i < line - 1; i++)
		buf_putc(out, '\n');
	for (int i = 0; i < key_col; i++)
		buf_putc(out, ' ');
	buf_puts(out, "questions:\n");
	buf_append(out, p, (size_t)(end - p));
	return true;
}

/* Where reading can go on after a syntax error in a field of the bank
 * before `questions:`: the `questions:` line at the first column after the
 * error's line, with every line before it blank. False when there is none. */
static bool resume_at_questions(const compiler *c, int error_line, buf *out)
{
	const char *text = c->text, *end = c->text + c->len;
	const char *p = text;
	int line = 1;
	while (p < end) {
		if (line > error_line && (size_t)(end - p) >= 10 && memcmp(p, "questions:", 10) == 0)
			break;
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
		line++;
	}
	if (p >= end)
		return false;
	buf_clear(out);
	for (int i = 1; i < line; i++)
		buf_putc(out, '\n');
	buf_append(out, p, (size_t)(end - p));
	return true;
}

/* Builds the tree. Returns the document's root, or NULL (with an error
 * added) when the YAML cannot be read or is empty. A syntax error inside
 * the `questions:` list does not end the reading when a later question can
 * be found: the questions after it are read and checked too. */
static node *read_tree(compiler *c)
{
	yaml_parser_t parser;
	yaml_event_t event;
	frame stack[BANK_MAX_DEPTH + 1];
	int depth = 0;
	node *root = NULL;
	bool done = false, failed = false;
	int documents = 0;
	memset(stack, 0, sizeof stack);
	/* libyaml reports a failed allocation here, not by aborting. */
	if (!yaml_parser_initialize(&parser)) {
		error_at(c, 0, 0, "out of memory reading the bank");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)c->text, c->len);
	buf resumed;
	buf_init(&resumed);
	int skipping = 0;        /* the made-up start of a resumed text: the event it ends with */
	int resumes = 0;
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			int line, col;
			if (parser.error == YAML_READER_ERROR) {
				diag_locate(c->text, c->len, parser.problem_offset, &line, &col);
			} else {
				line = (int)parser.problem_mark.line + 1;
				col = (int)parser.problem_mark.column + 1;
			}
			const char *problem = parser.problem ? parser.problem : "cannot be read";
			diag *dg;
			if (parser.context)
				dg = error_at(c, line, col, "YAML syntax: %s (%s at line %d)", problem,
				              parser.context, (int)parser.context_mark.line + 1);
			else
				dg = error_at(c, line, col, "YAML syntax: %s", problem);
			const char *hint = syntax_hint(c, problem, line, col);
			if (hint)
				diag_hint(dg, "%s", hint);
			failed = true;
			bool readable = parser.error != YAML_READER_ERROR &&
			                parser.error != YAML_MEMORY_ERROR && resumes < 100;
			const node *key = depth >= 2 && stack[1].questions && stack[0].n
			                      ? stack[0].items[stack[0].n - 1]
			                      : NULL;
			int resume_depth = 0;
			if (key && readable && stack[1].self->col >= 1 &&
			    resume_text(c, line, stack[1].self->col - 1, key->col - 1, &resumed)) {
				/* The question being read is lost; the list goes on. */
				c->questions_lost = true;
				resume_depth = 2;
			} else if (readable && depth >= 1 && !c->questions_streamed && stack[0].self &&
			           stack[0].self->type == NODE_MAP && stack[0].self->col == 1 &&
			           resume_at_questions(c, line, &resumed)) {
				/* A field of the bank before `questions:` is lost (its key
				 * with it); the questions are still read. */
				if (stack[0].n % 2 == 1) {
					const node *lost = stack[0].items[--stack[0].n];
					if (lost->type == NODE_SCALAR && strcmp(lost->text, "actors") == 0)
						c->actors_lost = true;
				}
				resume_depth = 1;
			}
			if (resume_depth) {
				resumes++;
				yaml_parser_delete(&parser);
				if (!yaml_parser_initialize(&parser)) {
					error_at(c, 0, 0, "out of memory reading the bank");
					break;
				}
				yaml_parser_set_input_string(&parser, (const unsigned char *)resumed.ptr,
				                             resumed.len);
				depth = resume_depth;
				skipping = resume_depth == 2 ? YAML_SEQUENCE_START_EVENT
				                             : YAML_MAPPING_START_EVENT;
				continue;
			}
			root = NULL;
			break;
		}
		/* The made-up text may not parse as it was meant to (the start
		 * never comes): the end of the stream still ends the reading. */
		if (event.type == YAML_STREAM_END_EVENT || event.type == YAML_NO_EVENT)
			skipping = 0;
		if (skipping) {
			/* Up to and with the made-up start: the `questions:` list's,
			 * or the bank's mapping's. */
			if (event.type == (yaml_event_type_t)skipping)
				skipping = 0;
			yaml_event_delete(&event);
			continue;
		}
		node *made = NULL;
		switch (event.type) {
		case YAML_NO_EVENT:
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (documents > 0) {
				diag *dg = error_at(c, (int)event.start_mark.line + 1,
				                    (int)event.start_mark.column + 1,
				                    "a bank is one YAML document; a second one starts here");
				diag_hint(dg, "remove the `---` line, or put the second bank in its own file");
				done = true;
			}
			break;
		case YAML_DOCUMENT_END_EVENT:
			documents++;
			break;
		case YAML_MAPPING_START_EVENT:
		case YAML_SEQUENCE_START_EVENT: {
			bool is_map = event.type == YAML_MAPPING_START_EVENT;
			if (depth == BANK_MAX_DEPTH) {
				diag *dg = error_at(c, (int)event.start_mark.line + 1,
				                    (int)event.start_mark.column + 1,
				                    "nesting deeper than %d levels", BANK_MAX_DEPTH);
				diag_hint(dg, "a bank needs only a few levels: questions, their fields and lists");
				failed = true;
				done = true;
				break;
			}
			if (is_map)
				check_anchor_and_tag(c, &event, event.data.mapping_start.anchor,
				                     event.data.mapping_start.tag);
			else
				check_anchor_and_tag(c, &event, event.data.sequence_start.anchor,
				                     event.data.sequence_start.tag);
			enter_item(c, stack, depth);
			frame *f = &stack[depth++];
			f->n = 0;
			f->streamed = 0;
			f->self = new_node(c, is_map ? NODE_MAP : NODE_SEQ, &event.start_mark);
			/* The root's first `questions:` list, when it is one. */
			const frame *root_frame = &stack[0];
			f->questions = !is_map && depth == 2 && !c->questions_streamed &&
			               root_frame->self->type == NODE_MAP && root_frame->n % 2 == 1 &&
			               root_frame->items[root_frame->n - 1]->type == NODE_SCALAR &&
			               strcmp(root_frame->items[root_frame->n - 1]->text, "questions") == 0;
			if (f->questions) {
				c->questions_streamed = true;
				load_article_first(c, root_frame);
			}
			break;
		}
		case YAML_MAPPING_END_EVENT:
		case YAML_SEQUENCE_END_EVENT: {
			frame *f = &stack[--depth];
			made = f->self;
			made->n = f->questions ? f->streamed : f->n;
			made->kids = arena_alloc(c->tmp, (f->n ? f->n : 1) * sizeof(node *));
			if (f->n)
				memcpy(made->kids, f->items, f->n * sizeof(node *));
			made->streamed = f->questions;
			made->end_line = (int)event.end_mark.line + 1;
			made->end_col = (int)event.end_mark.column + 1;
			if (made->type == NODE_MAP)
				check_mapping_keys(c, made);
			break;
		}
		case YAML_SCALAR_EVENT: {
			enter_item(c, stack, depth);
			check_anchor_and_tag(c, &event, event.data.scalar.anchor, event.data.scalar.tag);
			made = new_node(c, NODE_SCALAR, &event.start_mark);
			made->end_line = (int)event.end_mark.line + 1;
			made->end_col = (int)event.end_mark.column + 1;
			made->plain = event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			made->len = event.data.scalar.length;
			made->text = arena_strndup(c->tmp, (const char *)event.data.scalar.value,
			                           made->len);
			if (memchr(made->text, '\0', made->len)) {
				/* Only an escape ("\0") can put a NUL in a value. */
				error_at(c, made->line, made->col, "a NUL character is not allowed in text");
				made->len = strlen(made->text);
			}
			break;
		}
		case YAML_ALIAS_EVENT: {
			enter_item(c, stack, depth);
			const char *name = (const char *)event.data.alias.anchor;
			diag *dg = error_at(c, (int)event.start_mark.line + 1,
			                    (int)event.start_mark.column + 1,
			                    "YAML aliases (`*%s`) are not allowed in a bank",
			                    shown(c, name, strlen(name)));
			diag_hint(dg, "write the value out again instead of referring to it");
			made = new_node(c, NODE_SCALAR, &event.start_mark);
			made->text = "";
			made->bad = true;
			break;
		}
		default:
			break;
		}
		if (made) {
			if (depth == 0) {
				root = made;
			} else if (depth == 2 && stack[1].questions) {
				compile_item(c, made, stack[1].streamed++);
				arena_reset(c->question_arena);
				c->tmp = c->keep;
			} else {
				frame *parent = &stack[depth - 1];
				if (parent->n == parent->cap) {
					parent->cap = parent->cap ? parent->cap * 2 : 16;
					parent->items = xrealloc(parent->items, parent->cap * sizeof(node *));
				}
				parent->items[parent->n++] = made;
			}
		}
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	buf_release(&resumed);
	for (size_t i = 0; i <= BANK_MAX_DEPTH; i++)
		free(stack[i].items);
	/* After a syntax error, a tree read to its end is still checked: the
	 * error is counted, so nothing is compiled from it. */
	if (failed && (!resumes || !root))
		return NULL;
	if (!root || (root->type == NODE_SCALAR && root->plain && root->len == 0)) {
		diag *dg = error_at(c, 1, 1, "the bank is empty");
		diag_hint(dg, "a bank starts with `recall: 1`, then `article:` and `questions:`");
		return NULL;
	}
	return root;
}

/* ---- Positions inside scalars ------------------------------------------ */

/* Built on the first position asked for: only diagnostics inside a scalar
 * need it, and it takes 4 bytes a line of the bank. */
static void index_lines(compiler *c)
{
	if (c->line_starts)
		return;
	size_t n = 1;
	for (size_t i = 0; i < c->len; i++)
		n += c->text[i] == '\n';
	c->line_starts = xmalloc(n * sizeof(uint32_t));
	c->n_lines = 0;
	c->line_starts[c->n_lines++] = 0;
	for (size_t i = 0; i < c->len; i++)
		if (c->text[i] == '\n')
			c->line_starts[c->n_lines++] = (uint32_t)(i + 1);
}

/* The byte offset of a 1-based line and column (in code points). */
static size_t offset_of(compiler *c, int line, int col)
{
	index_lines(c);
	if (line < 1)
		return 0;
	if ((size_t)line > c->n_lines)
		return c->len;
	size_t start = c->line_starts[line - 1];
	size_t end = (size_t)line < c->n_lines ? c->line_starts[line] : c->len;
	return start + text_offset_of_column(c->text + start, end - start, col > 0 ? col - 1 : 0);
}

static void position_of(compiler *c, size_t offset, int *line, int *col)
{
	index_lines(c);
	size_t lo = 0, hi = c->n_lines;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	int cl = 1;
	for (size_t i = c->line_starts[lo]; i < offset; i++)
		cl += ((unsigned char)c->text[i] & 0xC0) != 0x80;
	*line = (int)lo + 1;
	*col = cl;
}

/* Where the k-th (0-based) occurrence of `mark` in a scalar's value stands in
 * the file. The value and its source hold the same braces in the same order
 * whatever the scalar's style, so counting them in the source finds it; when
 * they do not agree, the scalar's own position is given. */
static void position_in_scalar(compiler *c, const node *n, const char *mark, size_t k,
                               int *line, int *col)
{
	*line = n->line;
	*col = n->col;
	if (!c->text)
		return;
	size_t from = offset_of(c, n->line, n->col), to = offset_of(c, n->end_line, n->end_col);
	size_t mlen = strlen(mark);
	for (size_t i = from; i + mlen <= to; i++) {
		if (memcmp(c->text + i, mark, mlen) == 0) {
			if (k == 0) {
				position_of(c, i, line, col);
				return;
			}
			k--;
			i += mlen - 1;
		}
	}
}

/* ---- Small helpers ----------------------------------------------------- */

static bool is_null(const node *n)
{
	if (n->type != NODE_SCALAR || !n->plain)
		return false;
	return n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
	       strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0;
}

static bool is_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

/* Folded text (text_fold), copied into the scratch arena. */
static const char *folded(compiler *c, const char *s, size_t len, size_t *out_len)
{
	buf_clear(&c->fold);
	text_fold(s, len, &c->fold, NULL);
	*out_len = c->fold.len;
	return arena_strndup(c->tmp, c->fold.ptr, c->fold.len);
}

/* The candidate closest to `word`, when it is close enough to be a slip. */
static const char *did_you_mean(const char *word, const char *const *candidates, size_t n)
{
	return diag_suggest(word, candidates, n);
}

static void join_names(buf *out, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(out, ", ");
		buf_puts(out, names[i]);
	}
}

/* A word used as an id: no white space or control characters. */
static bool valid_id(const char *s, size_t len)
{
	if (!len)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch <= ' ' || ch == 0x7F)
			return false;
	}
	return true;
}

static const char *copy_text(compiler *c, const node *n)
{
	return arena_strndup(quiz_arena(c->q), n->text, n->len);
}

/* The text of a scalar field, or NULL (with an error) when it is a list or
 * a mapping, or empty. */
static const char *text_field(compiler *c, const node *value, const char *field)
{
	if (value->bad)
		return NULL;
	if (value->type != NODE_SCALAR) {
		error_at(c, value->line, value->col, "`%s` must be text, not %s", field,
		         kind_of_node(value));
		return NULL;
	}
	if (is_null(value) || is_blank(value->text, value->len)) {
		error_at(c, value->line, value->col, "`%s` is empty", field);
		return NULL;
	}
	return copy_text(c, value);
}

/* A list of texts: a sequence of scalars, or one scalar standing for a
 * list of one. Entries are checked and copied; `nodes` (when given)
 * receives the entries' nodes, in the scratch arena. */
static bool text_list(compiler *c, const node *value, const char *field, bool scalar_ok,
                      quiz_strings *out, node ***nodes)
{
	out->items = NULL;
	out->count = 0;
	if (value->bad)
		return false;
	if (value->type == NODE_MAP) {
		error_at(c, value->line, value->col, "`%s` must be a list, not a mapping", field);
		return false;
	}
	if (value->type == NODE_SCALAR) {
		if (!scalar_ok) {
			diag *dg = error_at(c, value->line, value->col, "`%s` must be a list", field);
			diag_hint(dg, "write it as `[first, second]` or as lines starting with `- `");
			return false;
		}
		if (is_null(value))
			return true;
		const char *s = text_field(c, value, field);
		if (!s)
			return false;
		const char **items = arena_alloc(quiz_arena(c->q), sizeof(char *));
		items[0] = s;
		out->items = items;
		out->count = 1;
		if (nodes) {
			*nodes = arena_alloc(c->tmp, sizeof(node *));
			(*nodes)[0] = (node *)value;
		}
		return true;
	}
	const char **items = arena_alloc(quiz_arena(c->q), (value->n ? value->n : 1) * sizeof(char *));
	bool ok = true;
	size_t count = 0;
	if (nodes)
		*nodes = arena_alloc(c->tmp, (value->n ? value->n : 1) * sizeof(node *));
	for (size_t i = 0; i < value->n; i++) {
		const node *item = value->kids[i];
		if (item->bad) {
			ok = false;
			continue;
		}
		if (item->type != NODE_SCALAR) {
			error_at(c, item->line, item->col, "each entry of `%s` must be text, not %s", field,
			         kind_of_node(item));
			ok = false;
			continue;
		}
		if (is_null(item) || is_blank(item->text, item->len)) {
			error_at(c, item->line, item->col, "an entry of `%s` is empty", field);
			ok = false;
			continue;
		}
		if (nodes)
			(*nodes)[count] = (node *)item;
		items[count++] = copy_text(c, item);
	}
	out->items = items;
	out->count = count;
	return ok;
}

/* ---- Fields ------------------------------------------------------------ */

enum field {
	F_ID, F_KIND, F_PROMPT, F_TEXT, F_ANSWER, F_ANSWERS, F_ACCEPT, F_REJECT, F_HINT,
	F_EXPLAIN, F_SOURCE, F_TAGS, F_POINTS, F_FAMILY, F_TOLERANCE, F_UNIT, F_CORRECTION,
	F_CHOICES, F_ITEMS, F_PAIRS, F_AFTER, F_COUNT
};

static const char *const field_names[F_COUNT] = {
	"id", "kind", "prompt", "text", "answer", "answers", "accept", "reject", "hint",
	"explain", "source", "tags", "points", "family", "tolerance", "unit", "correction",
	"choices", "items", "pairs", "after",
};

#define BIT(f) (1u << (f))
/* Fields every kind takes; `answer` is left out of the kinds whose answer is
 * given another way. */
#define COMMON (BIT(F_ID) | BIT(F_KIND) | BIT(F_PROMPT) | BIT(F_ACCEPT) | BIT(F_REJECT) | \
                BIT(F_HINT) | BIT(F_EXPLAIN) | BIT(F_SOURCE) | BIT(F_TAGS) | BIT(F_POINTS) | \
                BIT(F_AFTER))

static const unsigned kind_fields[QUIZ_KIND_COUNT] = {
	[QUIZ_DATE] = COMMON | BIT(F_ANSWER),
	[QUIZ_ACTOR] = COMMON | BIT(F_ANSWER) | BIT(F_FAMILY),
	[QUIZ_NUMBER] = COMMON | BIT(F_ANSWER) | BIT(F_TOLERANCE) | BIT(F_UNIT),
	[QUIZ_TEXT] = COMMON | BIT(F_ANSWER),
	[QUIZ_CLAIM] = COMMON | BIT(F_ANSWER) | BIT(F_CORRECTION),
	[QUIZ_CHOICE] = COMMON | BIT(F_ANSWER) | BIT(F_ANSWERS) | BIT(F_CHOICES),
	[QUIZ_ORDER] = COMMON | BIT(F_ITEMS),
	[QUIZ_MATCH] = COMMON | BIT(F_PAIRS),
	[QUIZ_CLOZE] = (COMMON & ~BIT(F_PROMPT)) | BIT(F_TEXT),
};

static int field_of(const char *name)
{
	/* Looked up for every key of every question: compare only names that
	 * start with the same letter. */
	for (int f = 0; f < F_COUNT; f++)
		if (field_names[f][0] == name[0] && strcmp(name, field_names[f]) == 0)
			return f;
	return -1;
}

static const char *const root_fields[] = {
	"recall", "title", "article", "date_order", "actors", "questions",
};
enum { ROOT_FIELDS = sizeof root_fields / sizeof root_fields[0] };

static const char *const actor_fields[] = {"name", "family", "acronym", "aliases"};
enum { ACTOR_FIELDS = 4 };

static const char *const kind_names_list[QUIZ_KIND_COUNT] = {
	"date", "actor", "number", "text", "claim", "choice", "order", "match", "cloze",
};

static void unknown_field(compiler *c, const node *key, const char *const *known, size_t n,
                          const char *where)
{
	diag *dg = warning_at(c, key->line, key->col, "unknown field `%s`%s",
	                      shown(c, key->text, key->len), where);
	const char *guess = did_you_mean(key->text, known, n);
	if (guess) {
		diag_hint(dg, "did you mean `%s`?", guess);
	} else {
		buf list;
		buf_init(&list);
		join_names(&list, known, n);
		diag_hint(dg, "fields here are: %s", list.ptr);
		buf_release(&list);
	}
}

/* ---- Actors ------------------------------------------------------------ */

/* Checks that a family name is one of the words of the name it belongs to. */
static void check_family(compiler *c, const node *family_node, const char *name)
{
	size_t flen, nlen;
	const char *family = folded(c, family_node->text, family_node->len, &flen);
	const char *whole = folded(c, name, strlen(name), &nlen);
	for (const char *p = whole; flen && (p = strstr(p, family)); p++) {
		bool starts = p == whole || p[-1] == ' ' || p[-1] == '-';
		bool ends = p[flen] == '\0' || p[flen] == ' ' || p[flen] == '-' || p[flen] == ',';
		if (starts && ends)
			return;
	}
	diag *dg = warning_at(c, family_node->line, family_node->col,
	                      "family name `%s` is not part of the name `%s`",
	                      shown(c, family_node->text, family_node->len), shown(c, name, strlen(name)));
	diag_hint(dg, "`family` names the word of the name a student may answer with alone");
}

/* Fills `a` from a mapping of actor fields (or a scalar name). */
static bool actor_body(compiler *c, const node *value, quiz_actor *a)
{
	if (value->bad)
		return false;
	if (value->type == NODE_SCALAR) {
		a->name = text_field(c, value, "name");
		return a->name != NULL;
	}
	if (value->type != NODE_MAP) {
		diag *dg = error_at(c, value->line, value->col, "an actor is a mapping, not %s",
		                    kind_of_node(value));
		diag_hint(dg, "write `{name: ..., aliases: [...]}`");
		return false;
	}
	const node *family = NULL;
	bool ok = true;
	for (size_t i = 0; i + 1 < value->n; i += 2) {
		const node *k = value->kids[i], *v = value->kids[i + 1];
		if (k->type != NODE_SCALAR || k->bad)
			continue;
		if (strcmp(k->text, "name") == 0) {
			a->name = text_field(c, v, "name");
			ok &= a->name != NULL;
		} else if (strcmp(k->text, "family") == 0) {
			a->family = text_field(c, v, "family");
			family = a->family ? v : NULL;
			ok &= a->family != NULL;
		} else if (strcmp(k->text, "acronym") == 0) {
			a->acronym = text_field(c, v, "acronym");
			ok &= a->acronym != NULL;
		} else if (strcmp(k->text, "aliases") == 0) {
			ok &= text_list(c, v, "aliases", true, &a->aliases, NULL);
		} else {
			unknown_field(c, k, actor_fields, ACTOR_FIELDS, " of an actor");
		}
	}
	if (!a->name) {
		if (ok) {
			diag *dg = error_at(c, value->line, value->col, "an actor needs a `name`");
			diag_hint(dg, "add `name: ...`, the name as the article gives it");
		}
		return false;
	}
	if (family)
		check_family(c, family, a->name);
	return ok;
}

/* Every name an actor answers to, with the node each was written at. */
static void register_names(compiler *c, strmap *names, quiz_actor *a, const node *at)
{
	const char *list[3] = {a->name, a->acronym, NULL};
	for (size_t k = 0; k < 2 + a->aliases.count; k++) {
		const char *s = k < 2 ? list[k] : a->aliases.items[k - 2];
		if (!s)
			continue;
		size_t len;
		const char *key = folded(c, s, strlen(s), &len);
		quiz_actor *owner = strmap_put(names, key, len, a);
		if (owner != a) {
			diag *dg = warning_at(c, at->line, at->col,
			                      "actors `%s` and `%s` share the name `%s`", owner->id, a->id,
			                      shown(c, s, strlen(s)));
			diag_hint(dg, "a student answering `%s` could mean either; keep it on one of them",
			          shown(c, s, strlen(s)));
		}
	}
}

static void compile_actors(compiler *c, const node *value)
{
	if (value->bad || is_null(value))
		return;
	if (value->type != NODE_MAP) {
		diag *dg = error_at(c, value->line, value->col, "`actors` must be a mapping, not %s",
		                    kind_of_node(value));
		diag_hint(dg, "write one line per actor: `blinken: {name: Antony Blinken}`");
		return;
	}
	strmap names = {0};
	for (size_t i = 0; i + 1 < value->n; i += 2) {
		const node *k = value->kids[i], *v = value->kids[i + 1];
		if (k->type != NODE_SCALAR || k->bad)
			continue;
		if (!valid_id(k->text, k->len)) {
			diag *dg = error_at(c, k->line, k->col, "actor id `%s` is not one word",
			                    shown(c, k->text, k->len));
			diag_hint(dg, "use letters, digits and `-`, such as `antony-blinken`");
			continue;
		}
		if (strmap_get(&c->actors, k->text, k->len))
			continue;   /* a duplicate key, already reported */
		quiz_actor *a = quiz_add_actor(c->q);
		a->id = copy_text(c, k);
		if (!actor_body(c, v, a)) {
			if (!a->name)
				a->name = a->id;
		}
		strmap_put(&c->actors, a->id, strlen(a->id), a);
		register_names(c, &names, a, k);
	}
	strmap_release(&names);
}

/* ---- Questions --------------------------------------------------------- */

typedef struct {
	const node *map;
	const node *fields[F_COUNT];
	const node *keys[F_COUNT];
	quiz_question *qq;
	quiz_kind kind;
	pending *pending;
	bool misspelt[F_COUNT];   /* a required field missing, reported at its misspelling */
} question_ctx;

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
};

static const char *date_text(compiler *c, quiz_date d)
{
	buf b;
	buf_init(&b);
	if (d.day && c->date_order == QUIZ_DATE_ORDER_DMY)
		buf_printf(&b, "%d %s %d", d.day, month_names[d.month - 1], d.year);
	else if (d.day)
		buf_printf(&b, "%s %d, %d", month_names[d.month - 1], d.day, d.year);
	else if (d.month)
		buf_printf(&b, "%s %d", month_names[d.month - 1], d.year);
	else
		buf_printf(&b, "%d", d.year);
	char *s = arena_strndup(quiz_arena(c->q), b.ptr, b.len);
	buf_release(&b);
	return s;
}

static void compile_date(compiler *c, question_ctx *x, const node *answer)
{
	const char *s = text_field(c, answer, "answer");
	if (!s)
		return;
	quiz_date d;
	switch (quiz_date_parse_iso(s, &d)) {
	case QUIZ_DATE_OK:
		/* Shown in the bank's date order, known only at the end. */
		x->qq->date = d;
		break;
	case QUIZ_DATE_MALFORMED: {
		diag *dg = error_at(c, answer->line, answer->col,
		                    "date `%s` is not written YYYY-MM-DD, YYYY-MM or YYYY",
		                    shown(c, s, strlen(s)));
		diag_hint(dg, "write 2023-06-18 for a day, 2023-06 for a month, 2023 for a year");
		break;
	}
	case QUIZ_DATE_NONEXISTENT: {
		diag *dg = error_at(c, answer->line, answer->col, "there is no such date as `%s`",
		                    shown(c, s, strlen(s)));
		int year = 0, month = 0;
		if (sscanf(s, "%4d-%2d", &year, &month) == 2 && month >= 1 && month <= 12)
			diag_hint(dg, "%s %d has %d days", month_names[month - 1], year,
			          quiz_days_in_month(year, month));
		else
			diag_hint(dg, "months run from 01 to 12");
		break;
	}
	}
}

static void unknown_actor(compiler *c, const char *id, int line, int col)
{
	diag *dg = error_at(c, line, col, "no actor `%s` in `actors:`", shown(c, id, strlen(id)));
	size_t n = quiz_actor_count(c->q);
	const char **ids = xmalloc((n ? n : 1) * sizeof(char *));
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (quiz_actor_at(c->q, i)->id)
			ids[k++] = quiz_actor_at(c->q, i)->id;
	const char *guess = did_you_mean(id, ids, k);
	if (guess) {
		diag_hint(dg, "did you mean `%s`?", guess);
	} else if (k == 0) {
		diag_hint(dg, "declare it under `actors:` at the top of the bank");
	} else {
		buf list;
		buf_init(&list);
		join_names(&list, ids, k < 12 ? k : 12);
		diag_hint(dg, "actors are: %s%s", list.ptr, k > 12 ? ", ..." : "");
		buf_release(&list);
	}
	free(ids);
}

static void compile_actor(compiler *c, question_ctx *x, const node *answer)
{
	quiz_question *qq = x->qq;
	const node *family = x->fields[F_FAMILY];
	if (answer->bad)
		return;
	if (answer->type == NODE_MAP) {
		const node *ref = NULL;
		for (size_t i = 0; i + 1 < answer->n; i += 2)
			if (answer->kids[i]->type == NODE_SCALAR && strcmp(answer->kids[i]->text, "actor") == 0)
				ref = answer->kids[i + 1];
		if (ref) {
			for (size_t i = 0; i + 1 < answer->n; i += 2) {
				const node *k = answer->kids[i];
				if (k->type == NODE_SCALAR && strcmp(k->text, "actor") != 0 && !k->bad) {
					diag *dg = warning_at(c, k->line, k->col,
					                      "`%s` is not used beside `actor:`",
					                      shown(c, k->text, k->len));
					diag_hint(dg, "declare it on the actor in `actors:`");
				}
			}
			const char *id = text_field(c, ref, "actor");
			if (!id)
				return;
			if (family) {
				diag *dg = warning_at(c, x->keys[F_FAMILY]->line, x->keys[F_FAMILY]->col,
				                      "`family` is not used with `answer: {actor: %s}`",
				                      shown(c, id, strlen(id)));
				diag_hint(dg, "declare it on the actor in `actors:`");
			}
			/* `actors:` may come after the questions: resolved at the end. */
			x->pending->actor_ref = arena_strdup(c->keep, id);
			x->pending->ref_line = ref->line;
			x->pending->ref_col = ref->col;
			return;
		}
		/* An actor written out in the question itself. */
		quiz_actor *a = quiz_add_actor(c->q);
		if (!actor_body(c, answer, a)) {
			if (!a->name)
				a->name = "";
			return;
		}
		qq->actor = a;
		qq->answer_text = a->name;
		return;
	}
	const char *name = text_field(c, answer, "answer");
	if (!name)
		return;
	quiz_actor *a = quiz_add_actor(c->q);
	a->name = name;
	if (family) {
		a->family = text_field(c, family, "family");
		if (a->family)
			check_family(c, family, name);
	}
	qq->actor = a;
	qq->answer_text = name;
}

/* A number as a bank writes it: optional sign, digits, a decimal part, an
 * exponent. Thousands separators and words are for students, not banks. */
static bool parse_number(const char *s, double *out)
{
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	bool digits = false;
	while (*p >= '0' && *p <= '9')
		p++, digits = true;
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9')
			p++, digits = true;
	}
	if (!digits)
		return false;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p)
		return false;
	errno = 0;
	double v = strtod(s, NULL);
	if (errno == ERANGE || !isfinite(v))
		return false;
	*out = v;
	return true;
}

static void compile_number(compiler *c, question_ctx *x, const node *answer)
{
	quiz_question *qq = x->qq;
	const char *s = text_field(c, answer, "answer");
	if (s) {
		if (!parse_number(s, &qq->number.value)) {
			diag *dg = error_at(c, answer->line, answer->col, "`%s` is not a number",
			                    shown(c, s, strlen(s)));
			diag_hint(dg, "write digits without separators or units, such as 2000 or 0.5; "
			              "a unit goes in `unit:`");
			s = NULL;
		}
	}
	const node *unit = x->fields[F_UNIT];
	if (unit)
		qq->number.unit = text_field(c, unit, "unit");
	const node *tol = x->fields[F_TOLERANCE];
	if (tol) {
		const char *t = text_field(c, tol, "tolerance");
		if (t) {
			size_t len = strlen(t);
			bool percent = len > 1 && t[len - 1] == '%';
			char *digits = xstrndup(t, percent ? len - 1 : len);
			double v;
			if (!parse_number(digits, &v) || v < 0) {
				diag *dg = error_at(c, tol->line, tol->col,
				                    "tolerance `%s` is not a number or a percentage",
				                    shown(c, t, len));
				diag_hint(dg, "write how far off an answer may be, such as `50` or `5%%`");
			} else {
				qq->number.tolerance = percent ? v / 100 : v;
				qq->number.tolerance_is_percent = percent;
			}
			free(digits);
		}
	}
	if (s) {
		if (qq->number.unit) {
			buf b;
			buf_init(&b);
			buf_printf(&b, "%s %s", s, qq->number.unit);
			qq->answer_text = arena_strndup(quiz_arena(c->q), b.ptr, b.len);
			buf_release(&b);
		} else {
			qq->answer_text = s;
		}
	}
}

static void compile_claim(compiler *c, question_ctx *x, const node *answer)
{
	quiz_question *qq = x->qq;
	const char *s = text_field(c, answer, "answer");
	if (s) {
		if (strcasecmp(s, "true") == 0) {
			qq->claim.truth = true;
			qq->answer_text = "true";
		} else if (strcasecmp(s, "false") == 0) {
			qq->claim.truth = false;
			qq->answer_text = "false";
		} else {
			diag *dg = error_at(c, answer->line, answer->col,
			                    "a claim's answer is `true` or `false`, not `%s`",
			                    shown(c, s, strlen(s)));
			diag_hint(dg, "say whether the article supports the claim");
		}
	}
	const node *corr = x->fields[F_CORRECTION];
	if (corr)
		qq->claim.correction = text_field(c, corr, "correction");
}

/* Reports entries of `list` that are the same after folding. Returns false
 * when there were any. `what` names the entries in the message. */
static bool check_distinct(compiler *c, node *const *nodes, size_t n, const char *what,
                           const char *field, bool as_error)
{
	strmap seen = {0};
	bool ok = true;
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *key = folded(c, nodes[i]->text, nodes[i]->len, &len);
		node *first = strmap_put(&seen, key, len, nodes[i]);
		if (first != nodes[i]) {
			ok = false;
			diag *dg = (as_error ? error_at : warning_at)(
				c, nodes[i]->line, nodes[i]->col, "%s `%s` is given twice in `%s`", what,
				shown(c, nodes[i]->text, nodes[i]->len), field);
			diag_hint(dg, "the first is at line %d, column %d (compared ignoring case, spaces, "
			              "quotes and dashes)",
			          first->line, first->col);
		}
	}
	strmap_release(&seen);
	return ok;
}

/* The index of `s` among the choices: the same text, or failing that the
 * one that is the same after folding. SIZE_MAX when none is. */
static size_t find_choice(compiler *c, const quiz_strings *choices, const char *s)
{
	for (size_t i = 0; i < choices->count; i++)
		if (strcmp(choices->items[i], s) == 0)
			return i;
	size_t len, clen;
	const char *key = folded(c, s, strlen(s), &len);
	for (size_t i = 0; i < choices->count; i++) {
		const char *ck = folded(c, choices->items[i], strlen(choices->items[i]), &clen);
		if (clen == len && memcmp(ck, key, len) == 0)
			return i;
	}
	return SIZE_MAX;
}

static void not_a_choice(compiler *c, const node *at, const char *s, const quiz_strings *choices)
{
	diag *dg = error_at(c, at->line, at->col, "answer `%s` is not among the choices",
	                    shown(c, s, strlen(s)));
	const char *guess = did_you_mean(s, choices->items, choices->count);
	buf list;
	buf_init(&list);
	for (size_t i = 0; i < choices->count; i++) {
		if (i)
			buf_puts(&list, ", ");
		put_short(&list, choices->items[i], strlen(choices->items[i]), 40);
	}
	if (guess)
		diag_hint(dg, "did you mean `%s`? choices are: %s", guess, list.ptr);
	else
		diag_hint(dg, "choices are: %s", list.ptr);
	buf_release(&list);
}

static void compile_choice(compiler *c, question_ctx *x)
{
	quiz_question *qq = x->qq;
	const node *choices = x->fields[F_CHOICES];
	const node *answer = x->fields[F_ANSWER], *answers = x->fields[F_ANSWERS];
	node **choice_nodes = NULL;
	if (!choices) {
		diag *dg = error_at(c, x->map->line, x->map->col, "a choice question needs `choices`");
		diag_hint(dg, "list the answer and the distractors: `choices: [a, b, c]`");
	} else if (text_list(c, choices, "choices", false, &qq->choices, &choice_nodes) &&
	           qq->choices.count < 2) {
		error_at(c, choices->line, choices->col,
		         "a choice question needs at least two `choices`, not %zu", qq->choices.count);
	}
	if (answer && answers) {
		diag *dg = error_at(c, x->keys[F_ANSWERS]->line, x->keys[F_ANSWERS]->col,
		                    "give `answer` or `answers`, not both");
		diag_hint(dg, "`answers` lists every right choice of a select-all question");
		return;
	}
	if (!answer && !answers) {
		diag *dg = error_at(c, x->map->line, x->map->col, "a choice question needs `answer`");
		diag_hint(dg, "name the right choice; `answers: [...]` when several are right");
		return;
	}
	quiz_strings given;
	node **given_nodes = NULL;
	if (answer) {
		const char *s = text_field(c, answer, "answer");
		if (!s)
			return;
		given.items = &s;
		given.count = 1;
		given_nodes = arena_alloc(c->tmp, sizeof(node *));
		given_nodes[0] = (node *)answer;
		if (qq->choices.count == 0)
			return;
		size_t *correct = arena_alloc(quiz_arena(c->q), sizeof(size_t));
		correct[0] = find_choice(c, &qq->choices, s);
		if (correct[0] == SIZE_MAX) {
			not_a_choice(c, answer, s, &qq->choices);
			return;
		}
		qq->correct = correct;
		qq->n_correct = 1;
	} else {
		if (!text_list(c, answers, "answers", true, &given, &given_nodes))
			return;
		if (given.count == 0) {
			error_at(c, answers->line, answers->col, "`answers` lists no choice");
			return;
		}
		if (!check_distinct(c, given_nodes, given.count, "answer", "answers", true))
			return;
		if (qq->choices.count == 0)
			return;
		size_t *correct = arena_alloc(quiz_arena(c->q), given.count * sizeof(size_t));
		bool ok = true;
		for (size_t i = 0; i < given.count; i++) {
			correct[i] = find_choice(c, &qq->choices, given.items[i]);
			if (correct[i] == SIZE_MAX) {
				not_a_choice(c, given_nodes[i], given.items[i], &qq->choices);
				ok = false;
			}
		}
		if (!ok)
			return;
		qq->correct = correct;
		qq->n_correct = given.count;
	}
	/* A distractor that folds to the same text as a right answer could be
	 * graded either way. */
	strmap seen = {0};
	bool *is_correct = arena_alloc(c->tmp, qq->choices.count);
	for (size_t i = 0; i < qq->n_correct; i++)
		is_correct[qq->correct[i]] = true;
	for (size_t i = 0; i < qq->choices.count; i++) {
		size_t len;
		const char *key = folded(c, qq->choices.items[i], strlen(qq->choices.items[i]), &len);
		void *first = strmap_put(&seen, key, len, (void *)(i + 1));
		size_t j = (size_t)first - 1;
		if (j == i)
			continue;
		const node *at = choice_nodes[i];
		diag *dg;
		if (is_correct[i] != is_correct[j])
			dg = warning_at(c, at->line, at->col,
			                "distractor `%s` is the same as the answer `%s` after normalisation",
			                shown(c, qq->choices.items[is_correct[i] ? j : i],
			                      strlen(qq->choices.items[is_correct[i] ? j : i])),
			                shown(c, qq->choices.items[is_correct[i] ? i : j],
			                      strlen(qq->choices.items[is_correct[i] ? i : j])));
		else
			dg = warning_at(c, at->line, at->col, "choices `%s` and `%s` are the same after "
			                "normalisation",
			                shown(c, qq->choices.items[j], strlen(qq->choices.items[j])),
			                shown(c, qq->choices.items[i], strlen(qq->choices.items[i])));
		diag_hint(dg, "choices are compared ignoring case, spaces, quotes and dashes; make them "
		              "differ in words");
	}
	strmap_release(&seen);
	buf b;
	buf_init(&b);
	for (size_t i = 0; i < qq->n_correct; i++) {
		if (i)
			buf_puts(&b, "; ");
		buf_puts(&b, qq->choices.items[qq->correct[i]]);
	}
	qq->answer_text = arena_strndup(quiz_arena(c->q), b.ptr, b.len);
	buf_release(&b);
}

static void compile_order(compiler *c, question_ctx *x)
{
	quiz_question *qq = x->qq;
	const node *items = x->fields[F_ITEMS];
	node **nodes = NULL;
	if (!items) {
		diag *dg = error_at(c, x->map->line, x->map->col, "an order question needs `items`");
		diag_hint(dg, "list the items in the right order; they are shuffled when asked");
		return;
	}
	if (!text_list(c, items, "items", false, &qq->items, &nodes))
		return;
	if (qq->items.count < 2) {
		error_at(c, items->line, items->col,
		         "an order question needs at least two `items`, not %zu", qq->items.count);
		return;
	}
	if (!check_distinct(c, nodes, qq->items.count, "item", "items", true))
		return;
	buf b;
	buf_init(&b);
	for (size_t i = 0; i < qq->items.count; i++) {
		if (i)
			buf_puts(&b, " → ");
		buf_puts(&b, qq->items.items[i]);
	}
	qq->answer_text = arena_strndup(quiz_arena(c->q), b.ptr, b.len);
	buf_release(&b);
}

static void compile_match(compiler *c, question_ctx *x)
{
	quiz_question *qq = x->qq;
	const node *pairs = x->fields[F_PAIRS];
	if (!pairs) {
		diag *dg = error_at(c, x->map->line, x->map->col, "a match question needs `pairs`");
		diag_hint(dg, "list them as `- [left, right]`");
		return;
	}
	if (pairs->bad)
		return;
	if (pairs->type != NODE_SEQ) {
		diag *dg = error_at(c, pairs->line, pairs->col, "`pairs` must be a list, not %s",
		                    kind_of_node(pairs));
		diag_hint(dg, "list them as `- [left, right]`");
		return;
	}
	quiz_pair *out = arena_alloc(quiz_arena(c->q), (pairs->n ? pairs->n : 1) * sizeof(quiz_pair));
	node **lefts = arena_alloc(c->tmp, (pairs->n ? pairs->n : 1) * sizeof(node *));
	node **rights = arena_alloc(c->tmp, (pairs->n ? pairs->n : 1) * sizeof(node *));
	size_t n = 0;
	bool ok = true;
	for (size_t i = 0; i < pairs->n; i++) {
		const node *p = pairs->kids[i];
		const node *left = NULL, *right = NULL;
		if (p->bad) {
			ok = false;
			continue;
		}
		if (p->type == NODE_SEQ && p->n == 2) {
			left = p->kids[0];
			right = p->kids[1];
		} else if (p->type == NODE_MAP && p->n == 2) {
			left = p->kids[0];
			right = p->kids[1];
		} else {
			diag *dg = error_at(c, p->line, p->col, "each of `pairs` is a `[left, right]` pair");
			diag_hint(dg, "write `- [Antony Blinken, Secretary of State]`");
			ok = false;
			continue;
		}
		const char *l = text_field(c, left, "pairs"), *r = text_field(c, right, "pairs");
		if (!l || !r) {
			ok = false;
			continue;
		}
		out[n] = (quiz_pair){l, r};
		lefts[n] = (node *)left;
		rights[n] = (node *)right;
		n++;
	}
	if (!ok)
		return;
	if (n < 2) {
		error_at(c, pairs->line, pairs->col, "a match question needs at least two `pairs`, not %zu",
		         n);
		return;
	}
	bool distinct = check_distinct(c, lefts, n, "left side", "pairs", true);
	distinct &= check_distinct(c, rights, n, "right side", "pairs", true);
	if (!distinct)
		return;
	qq->pairs = out;
	qq->n_pairs = n;
	buf b;
	buf_init(&b);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, "; ");
		buf_printf(&b, "%s → %s", out[i].left, out[i].right);
	}
	qq->answer_text = arena_strndup(quiz_arena(c->q), b.ptr, b.len);
	buf_release(&b);
}

static const char *trimmed(compiler *c, const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++, len--;
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n'))
		len--;
	return arena_strndup(quiz_arena(c->q), s, len);
}

static void compile_cloze(compiler *c, question_ctx *x)
{
	quiz_question *qq = x->qq;
	const node *text = x->fields[F_TEXT];
	if (!text && x->misspelt[F_TEXT])
		return;
	if (!text) {
		diag *dg = error_at(c, x->map->line, x->map->col, "a cloze question needs `text`");
		diag_hint(dg, x->fields[F_PROMPT] ? "write the sentence with its {{blanks}} in `text`, "
		                                    "not `prompt`"
		                                  : "write the sentence with its {{blanks}} in `text`");
		return;
	}
	const char *s = text_field(c, text, "text");
	if (!s)
		return;
	qq->prompt = s;
	size_t cap = 4, n = 0, opened = 0;
	quiz_blank *blanks = xmalloc(cap * sizeof(quiz_blank));
	bool ok = true;
	const char *p = s;
	while ((p = strstr(p, "{{"))) {
		int line, col;
		size_t this_blank = opened++;
		const char *close = strstr(p + 2, "}}");
		const char *nested = strstr(p + 2, "{{");
		if (!close) {
			position_in_scalar(c, text, "{{", this_blank, &line, &col);
			diag *dg = error_at(c, line, col, "blank `{{` is never closed with `}}`");
			diag_hint(dg, "write a blank as {{answer}} or {{answer|another accepted}}");
			ok = false;
			break;
		}
		if (nested && nested < close) {
			position_in_scalar(c, text, "{{", this_blank, &line, &col);
			diag *dg = error_at(c, line, col, "blank `{{` is not closed before the next one");
			diag_hint(dg, "close each blank with `}}` before opening another");
			ok = false;
			p = nested;
			continue;
		}
		/* Split the alternatives: {{Nancy Pelosi|Pelosi}}. */
		const char *inner = p + 2;
		size_t count = 1;
		for (const char *q = inner; q < close; q++)
			count += *q == '|';
		const char **answers = arena_alloc(quiz_arena(c->q), count * sizeof(char *));
		size_t k = 0;
		bool empty = false;
		const char *start = inner;
		for (const char *q = inner;; q++) {
			if (q == close || *q == '|') {
				const char *alt = trimmed(c, start, (size_t)(q - start));
				if (!*alt)
					empty = true;
				answers[k++] = alt;
				start = q + 1;
				if (q == close)
					break;
			}
		}
		if (empty) {
			position_in_scalar(c, text, "{{", this_blank, &line, &col);
			diag *dg = error_at(c, line, col, count == 1 ? "blank %zu is empty"
			                                             : "blank %zu has an empty alternative",
			                    this_blank + 1);
			diag_hint(dg, "put the answer between the braces: {{answer}}");
			ok = false;
		}
		if (n == cap) {
			cap *= 2;
			blanks = xrealloc(blanks, cap * sizeof(quiz_blank));
		}
		blanks[n++] = (quiz_blank){{answers, count}};
		p = close + 2;
	}
	if (ok && n == 0) {
		diag *dg = error_at(c, text->line, text->col, "a cloze question has no blank");
		diag_hint(dg, "mark each answer in `text` as {{answer}}");
		ok = false;
	}
	if (ok) {
		quiz_blank *kept = arena_alloc(quiz_arena(c->q), n * sizeof(quiz_blank));
		memcpy(kept, blanks, n * sizeof(quiz_blank));
		qq->blanks = kept;
		qq->n_blanks = n;
		buf b;
		buf_init(&b);
		for (size_t i = 0; i < n; i++) {
			if (i)
				buf_puts(&b, "; ");
			buf_puts(&b, kept[i].answers.items[0]);
		}
		qq->answer_text = arena_strndup(quiz_arena(c->q), b.ptr, b.len);
		buf_release(&b);
	}
	free(blanks);
}

/* An id derived from the prompt: its first words, folded, joined by '-'. */
static const char *derive_id(compiler *c, const char *prompt)
{
	buf b;
	buf_init(&b);
	size_t len;
	const char *f = folded(c, prompt ? prompt : "", prompt ? strlen(prompt) : 0, &len);
	bool dash = false;
	int words = 0;
	for (size_t i = 0; i < len && words < 6; i++) {
		char ch = f[i];
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
			if (dash && b.len) {
				buf_putc(&b, '-');
				words++;
				if (words == 6)
					break;
			}
			dash = false;
			buf_putc(&b, ch);
		} else if (ch != '\'') {
			dash = true;
		}
	}
	while (b.len && b.ptr[b.len - 1] == '-')
		buf_truncate(&b, b.len - 1);
	if (!b.len)
		buf_puts(&b, "question");
	/* Several prompts may begin alike: number the later ones. */
	char *base = arena_strndup(c->keep, b.ptr, b.len);
	size_t base_len = b.len;
	uintptr_t used = (uintptr_t)strmap_get(&c->slug_counts, base, base_len);
	for (;;) {
		used++;
		buf_truncate(&b, base_len);
		if (used > 1)
			buf_printf(&b, "-%zu", (size_t)used);
		if (!strmap_get(&c->ids, b.ptr, b.len))
			break;
	}
	strmap_set(&c->slug_counts, base, base_len, (void *)used);
	char *id = arena_strndup(quiz_arena(c->q), b.ptr, b.len);
	buf_release(&b);
	return id;
}

static void check_accept_reject(compiler *c, question_ctx *x, node **accept_nodes,
                                node **reject_nodes)
{
	quiz_question *qq = x->qq;
	if (!qq->accept.count || !qq->reject.count)
		return;
	strmap accepted = {0};
	for (size_t i = 0; i < qq->accept.count; i++) {
		size_t len;
		const char *key = folded(c, qq->accept.items[i], strlen(qq->accept.items[i]), &len);
		strmap_put(&accepted, key, len, accept_nodes[i]);
	}
	for (size_t i = 0; i < qq->reject.count; i++) {
		size_t len;
		const char *key = folded(c, qq->reject.items[i], strlen(qq->reject.items[i]), &len);
		const node *a = strmap_get(&accepted, key, len);
		if (a) {
			const node *r = reject_nodes[i];
			diag *dg = error_at(c, r->line, r->col,
			                    "`%s` is both accepted and rejected",
			                    shown(c, r->text, r->len));
			diag_hint(dg, "it is accepted at line %d, column %d; a student's answer cannot be "
			              "both right and wrong",
			          a->line, a->col);
		}
	}
	strmap_release(&accepted);
}

/* A reject entry that says what the answer says: the right answer typed
 * as the bank gives it would be graded wrong. */
static void check_answer_not_rejected(compiler *c, question_ctx *x, node **reject_nodes)
{
	quiz_question *qq = x->qq;
	const node *answer = x->fields[F_ANSWER];
	if (!qq->reject.count || !answer || answer->bad)
		return;
	size_t raw_len = 0, text_len = 0;
	const char *raw = answer->text ? folded(c, answer->text, answer->len, &raw_len) : NULL;
	const char *text = qq->kind == QUIZ_TEXT || qq->kind == QUIZ_CHOICE ||
	                                   qq->kind == QUIZ_ACTOR
	                           ? qq->answer_text
	                           : NULL;
	const char *text_folded = text ? folded(c, text, strlen(text), &text_len) : NULL;
	for (size_t i = 0; i < qq->reject.count; i++) {
		const char *item = qq->reject.items[i];
		size_t len;
		const char *key = folded(c, item, strlen(item), &len);
		bool same = (raw && len == raw_len && memcmp(key, raw, len) == 0) ||
		            (text_folded && len == text_len && memcmp(key, text_folded, len) == 0);
		if (!same && qq->kind == QUIZ_NUMBER) {
			double v;
			same = parse_number(item, &v) && v == qq->number.value;
		}
		if (!same && qq->kind == QUIZ_DATE && qq->date.year) {
			date_parse_result d;
			same = date_parse(item, strlen(item), QUIZ_DATE_ORDER_UNSET, &d) == DATE_OK &&
			       d.value.year == qq->date.year && d.value.month == qq->date.month &&
			       d.value.day == qq->date.day;
		}
		if (!same)
			continue;
		const node *r = reject_nodes[i];
		diag *dg = error_at(c, r->line, r->col, "`%s` is the answer, and it is rejected",
		                    shown(c, r->text, r->len));
		diag_hint(dg, "the answer is at line %d, column %d; `reject` lists wrong answers the "
		              "matcher would otherwise accept",
		          answer->line, answer->col);
	}
}

/* The whole numbers written with digits in `s` ("4 July 1934": 4, 1934),
 * at most `max`; returns how many. Digits that run on into letters other
 * than an ordinal's ("4th") or into a decimal point are not counted. */
static size_t numbers_in(const char *s, long *out, size_t max)
{
	size_t n = 0;
	for (const char *p = s; *p && n < max;) {
		if (!(*p >= '0' && *p <= '9')) {
			p++;
			continue;
		}
		bool starts_word = p == s || !((p[-1] >= 'a' && p[-1] <= 'z') ||
		                               (p[-1] >= 'A' && p[-1] <= 'Z'));
		long v = 0;
		const char *q = p;
		while (*q >= '0' && *q <= '9' && q - p < 9)
			v = v * 10 + (*q++ - '0');
		/* 70,000: the thousands separated by commas. */
		while (q[0] == ',' && q[1] >= '0' && q[1] <= '9' && q[2] >= '0' && q[2] <= '9' &&
		       q[3] >= '0' && q[3] <= '9' && !(q[4] >= '0' && q[4] <= '9') && v < 1000000) {
			v = v * 1000 + (q[1] - '0') * 100 + (q[2] - '0') * 10 + (q[3] - '0');
			q += 4;
		}
		bool decimal = q[0] == '.' && q[1] >= '0' && q[1] <= '9';
		if (starts_word && !decimal)
			out[n++] = v;
		while ((*q >= '0' && *q <= '9') || *q == '.' || *q == ',')
			q++;
		p = q;
	}
	return n;
}

static bool holds_number(const long *numbers, size_t n, long v)
{
	for (size_t i = 0; i < n; i++)
		if (numbers[i] == v)
			return true;
	return false;
}

/* The month named in `folded_source` (full or three letters), when one is:
 * 1 to 12; 0 when none, -1 when several differ. */
static int month_in(const char *folded_source)
{
	int found = 0;
	for (int m = 1; m <= 12; m++) {
		const char *name = date_month_name(m);
		char full[16], shortname[4];
		size_t len = strlen(name);
		for (size_t i = 0; i <= len; i++)
			full[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
		memcpy(shortname, full, 3);
		shortname[3] = '\0';
		bool named = false;
		for (const char *p = folded_source; (p = strstr(p, shortname)) != NULL; p++) {
			bool before = p == folded_source || !(p[-1] >= 'a' && p[-1] <= 'z');
			const char *end = strncmp(p, full, len) == 0 ? p + len : p + 3;
			if (*end == '.')
				end++;
			/* "may" is a word as well as a month: it is the month
			 * only beside a number ("May 4", "4 May"). */
			bool beside_number = (end[0] == ' ' && end[1] >= '0' && end[1] <= '9') ||
			                     (p - folded_source >= 2 && p[-1] == ' ' && p[-2] >= '0' &&
			                      p[-2] <= '9');
			if (before && !(*end >= 'a' && *end <= 'z') && (m != 5 || beside_number))
				named = true;
		}
		if (named)
			found = found && found != m ? -1 : m;
	}
	return found;
}

/* A date or number answer that its own `source` quotes with other values
 * ("answer: 1934-07-14" beside "died on 4 July 1934") is likely a slip in
 * one of them. A source that gives no such value (a count written in words,
 * a date to work out) says nothing either way. */
static void check_answer_in_source(compiler *c, const quiz_question *qq, int line, int col)
{
	const char *quote = qq->source.quote;
	if (!quote || (qq->kind != QUIZ_DATE && qq->kind != QUIZ_NUMBER))
		return;
	long numbers[64];
	size_t n = numbers_in(quote, numbers, 64);
	if (qq->kind == QUIZ_NUMBER) {
		double v = qq->number.value;
		if (v != floor(v) || v < 0 || v > 1e15 || qq->number.tolerance > 0)
			return;
		/* Years set the time of a count, not the count. */
		long counts[64];
		size_t k = 0;
		for (size_t i = 0; i < n; i++)
			if (numbers[i] < 1000 || numbers[i] > 2100)
				counts[k++] = numbers[i];
		bool scaled = false;
		for (long scale = 1; scale <= 1000000000L && !scaled; scale *= 1000)
			for (size_t i = 0; i < k && !scaled; i++)
				scaled = (double)counts[i] * (double)scale == v;
		/* A count may itself look like a year (1,000 years). */
		if (k && !scaled && !holds_number(numbers, n, (long)v)) {
			diag *dg = warning_at(c, line, col, "the answer %.15g is not in the question's `source`",
			                      v);
			diag_hint(dg, "the source gives %ld; check the answer, or quote the words that "
			              "give it", counts[0]);
		}
		return;
	}
	const quiz_date *d = &qq->date;
	if (!d->year)
		return;
	long years[64], days[64];
	size_t ny = 0, nd = 0;
	for (size_t i = 0; i < n; i++) {
		if (numbers[i] >= 100)
			years[ny++] = numbers[i];
		else if (numbers[i] >= 1 && numbers[i] <= 31)
			days[nd++] = numbers[i];
	}
	size_t flen;
	const char *f = folded(c, quote, strlen(quote), &flen);
	int month = month_in(f);
	const char *what = NULL;
	char given[32] = "";
	if (ny && !holds_number(years, ny, d->year)) {
		what = "year";
		snprintf(given, sizeof given, "%ld", years[0]);
	} else if (d->month && month > 0 && month != d->month) {
		what = "month";
		snprintf(given, sizeof given, "%s", date_month_name(month));
	} else if (d->day && nd && !holds_number(days, nd, d->day)) {
		what = "day";
		snprintf(given, sizeof given, "%ld", days[0]);
	}
	if (!what)
		return;
	diag *dg = warning_at(c, line, col, "the answer's %s is not the one in the question's `source`",
	                      what);
	char says[32];
	if (what[0] == 'm')
		snprintf(says, sizeof says, "%s", date_month_name(d->month));
	else
		snprintf(says, sizeof says, "%d", what[0] == 'y' ? d->year : d->day);
	diag_hint(dg, "the answer says %s, the source %s; check the answer, or quote the words "
	              "that give it",
	          says, given);
}

static void compile_question(compiler *c, question_ctx *x, size_t index)
{
	const node *m = x->map;
	quiz_question *qq = x->qq;
	qq->line = m->line;
	qq->col = m->col;

	const node *kind = x->fields[F_KIND];
	x->kind = QUIZ_KIND_COUNT;
	if (!kind && !x->misspelt[F_KIND]) {
		diag *dg = error_at(c, m->line, m->col, "question %zu has no `kind`", index + 1);
		diag_hint(dg, "kinds are: date, actor, number, text, claim, choice, order, match, cloze");
	} else if (kind && !kind->bad) {
		const char *k = text_field(c, kind, "kind");
		if (k) {
			x->kind = quiz_kind_parse(k);
			if (x->kind == QUIZ_KIND_COUNT) {
				diag *dg = error_at(c, kind->line, kind->col, "unknown kind `%s`",
				                    shown(c, k, strlen(k)));
				const char *guess = did_you_mean(k, kind_names_list, QUIZ_KIND_COUNT);
				if (guess)
					diag_hint(dg, "did you mean `%s`?", guess);
				else
					diag_hint(dg, "kinds are: date, actor, number, text, claim, choice, order, "
					              "match, cloze");
			}
		}
	}
	qq->kind = x->kind == QUIZ_KIND_COUNT ? QUIZ_TEXT : x->kind;

	/* Fields that this kind does not use. */
	if (x->kind != QUIZ_KIND_COUNT) {
		for (int f = 0; f < F_COUNT; f++) {
			if (!x->keys[f] || (kind_fields[x->kind] & BIT(f)))
				continue;
			if (x->kind == QUIZ_CLOZE && f == F_PROMPT && !x->fields[F_TEXT])
				continue;   /* reported as a missing `text` */
			const node *k = x->keys[f];
			diag *dg = warning_at(c, k->line, k->col, "`%s` is not used by a %s question",
			                      field_names[f], quiz_kind_name(x->kind));
			if (f == F_ANSWER && x->kind == QUIZ_ORDER)
				diag_hint(dg, "an order question's answer is its `items`, in the right order");
			else if (f == F_ANSWER && x->kind == QUIZ_MATCH)
				diag_hint(dg, "a match question's answer is its `pairs`");
			else if (f == F_ANSWER && x->kind == QUIZ_CLOZE)
				diag_hint(dg, "a cloze question's answers are its {{blanks}}");
			else if (f == F_TEXT)
				diag_hint(dg, "did you mean `prompt`? `text` holds a cloze's sentence");
			else if (f == F_PROMPT)
				diag_hint(dg, "a cloze question is asked by its `text`");
			else {
				const char *owner = f == F_FAMILY ? "actor" : f == F_TOLERANCE || f == F_UNIT ? "number"
				                  : f == F_CORRECTION ? "claim" : f == F_CHOICES || f == F_ANSWERS ? "choice"
				                  : f == F_ITEMS ? "order" : f == F_PAIRS ? "match" : NULL;
				if (owner)
					diag_hint(dg, "`%s` belongs to %s %s question", field_names[f],
					          owner[0] == 'a' || owner[0] == 'o' ? "an" : "a", owner);
			}
		}
	}

	if (x->fields[F_PROMPT] && x->kind != QUIZ_CLOZE)
		qq->prompt = text_field(c, x->fields[F_PROMPT], "prompt");
	else if (x->kind != QUIZ_CLOZE && x->kind != QUIZ_KIND_COUNT && !x->misspelt[F_PROMPT]) {
		diag *dg = error_at(c, m->line, m->col, "question has no `prompt`");
		diag_hint(dg, "write the question a student is asked");
	}

	const node *answer = x->fields[F_ANSWER];
	bool needs_answer = x->kind <= QUIZ_CLAIM;
	if (needs_answer && !answer && !x->misspelt[F_ANSWER]) {
		static const char *const examples[] = {
			[QUIZ_DATE] = "the date as 2023-06-18, 2023-06 or 2023",
			[QUIZ_ACTOR] = "the person or organisation, or `{actor: id}`",
			[QUIZ_NUMBER] = "the number, such as 2000",
			[QUIZ_TEXT] = "the short text a student should type",
			[QUIZ_CLAIM] = "`true` or `false`",
		};
		diag *dg = error_at(c, m->line, m->col, "a %s question needs an `answer`",
		                    quiz_kind_name(x->kind));
		diag_hint(dg, "give %s", examples[x->kind]);
	}
	switch (x->kind) {
	case QUIZ_DATE:
		if (answer)
			compile_date(c, x, answer);
		break;
	case QUIZ_ACTOR:
		if (answer)
			compile_actor(c, x, answer);
		break;
	case QUIZ_NUMBER:
		if (answer)
			compile_number(c, x, answer);
		break;
	case QUIZ_TEXT:
		if (answer && (qq->text = text_field(c, answer, "answer")))
			qq->answer_text = qq->text;
		break;
	case QUIZ_CLAIM:
		if (answer)
			compile_claim(c, x, answer);
		break;
	case QUIZ_CHOICE:
		compile_choice(c, x);
		break;
	case QUIZ_ORDER:
		compile_order(c, x);
		break;
	case QUIZ_MATCH:
		compile_match(c, x);
		break;
	case QUIZ_CLOZE:
		compile_cloze(c, x);
		break;
	default:
		break;
	}

	node **accept_nodes = NULL, **reject_nodes = NULL;
	if (x->fields[F_ACCEPT])
		text_list(c, x->fields[F_ACCEPT], "accept", true, &qq->accept, &accept_nodes);
	if (x->fields[F_REJECT])
		text_list(c, x->fields[F_REJECT], "reject", true, &qq->reject, &reject_nodes);
	check_accept_reject(c, x, accept_nodes, reject_nodes);
	check_answer_not_rejected(c, x, reject_nodes);
	if (x->fields[F_HINT])
		qq->hint = text_field(c, x->fields[F_HINT], "hint");
	if (x->fields[F_EXPLAIN])
		qq->explain = text_field(c, x->fields[F_EXPLAIN], "explain");
	if (x->fields[F_TAGS])
		text_list(c, x->fields[F_TAGS], "tags", true, &qq->tags, NULL);
	const node *points = x->fields[F_POINTS];
	if (points) {
		const char *s = text_field(c, points, "points");
		double v;
		if (s && (!parse_number(s, &v) || v <= 0 || v > 1e6)) {
			diag *dg = error_at(c, points->line, points->col, "`points` must be a positive number, "
			                    "not `%s`", shown(c, s, strlen(s)));
			diag_hint(dg, "a question is worth 1 point unless it says otherwise");
		} else if (s) {
			qq->points = v;
		}
	}

	/* `after:` pins the question to a place for `recall study`; checked
	 * against the article with the sources. */
	const node *after = x->fields[F_AFTER];
	if (after && (qq->after = text_field(c, after, "after"))) {
		qq->after_paragraph = sections_pin_paragraph(qq->after);
		x->pending->after_line = after->line;
		x->pending->after_col = after->col;
	}

	/* Sources are looked up all at once at the end. */
	const node *source = x->fields[F_SOURCE];
	if (source) {
		qq->source.quote = text_field(c, source, "source");
		x->pending->source_line = source->line;
		x->pending->source_col = source->col;
	}
}

/* An unknown key that is a slip for a field the question must have but
 * lacks (`promt` and no `prompt`) is one error, said at the slip. */
static bool misspelt_required(compiler *c, question_ctx *x, const node *key)
{
	const char *guess = did_you_mean(key->text, field_names, F_COUNT);
	if (!guess)
		return false;
	int f = field_of(guess);
	if (f < 0 || x->fields[f] || x->misspelt[f])
		return false;
	const node *kind = x->fields[F_KIND];
	quiz_kind k = kind && kind->type == NODE_SCALAR && !kind->bad ? quiz_kind_parse(kind->text)
	                                                             : QUIZ_KIND_COUNT;
	bool required = f == F_KIND || (f == F_PROMPT && k != QUIZ_CLOZE) ||
	                (f == F_TEXT && k == QUIZ_CLOZE) || (f == F_ANSWER && k <= QUIZ_CLAIM);
	if (!required)
		return false;
	diag *dg = error_at(c, key->line, key->col, "unknown field `%s`, and the question has no `%s`",
	                    shown(c, key->text, key->len), guess);
	diag_hint(dg, "did you mean `%s`?", guess);
	x->misspelt[f] = true;
	return true;
}

/* Reads a question mapping's fields into x->fields; with `report`, warns
 * about unknown ones instead. */
static void gather_fields(compiler *c, question_ctx *x, bool report)
{
	const node *m = x->map;
	for (size_t i = 0; i + 1 < m->n; i += 2) {
		const node *k = m->kids[i];
		if (k->type != NODE_SCALAR || k->bad)
			continue;
		int f = field_of(k->text);
		if (f < 0) {
			if (report && !misspelt_required(c, x, k))
				unknown_field(c, k, field_names, F_COUNT, "");
			continue;
		}
		if (report || x->keys[f])
			continue;   /* a duplicate key, already reported */
		x->keys[f] = k;
		x->fields[f] = m->kids[i + 1];
	}
}

/* Compiles one item of the `questions:` list, as soon as it is read. */
static void compile_item(compiler *c, node *item, size_t index)
{
	if (item->type != NODE_MAP) {
		if (!item->bad) {
			diag *dg = error_at(c, item->line, item->col,
			                    "question %zu must be a mapping of fields, not %s", index + 1,
			                    kind_of_node(item));
			diag_hint(dg, "write `- kind: ...` then `prompt:`, `answer:` and the rest");
		}
		return;
	}
	if (c->n_pending == c->cap_pending) {
		c->cap_pending = c->cap_pending ? c->cap_pending * 2 : 64;
		c->pending = xrealloc(c->pending, c->cap_pending * sizeof(pending));
	}
	pending *p = &c->pending[c->n_pending++];
	*p = (pending){0};
	question_ctx x = {.map = item, .pending = p};
	gather_fields(c, &x, false);
	x.qq = p->qq = quiz_add_question(c->q);
	const node *id = x.fields[F_ID];
	if (id) {
		const char *s = text_field(c, id, "id");
		if (s && !valid_id(s, strlen(s))) {
			diag *dg = error_at(c, id->line, id->col, "id `%s` is not one word",
			                    shown(c, s, strlen(s)));
			diag_hint(dg, "use letters, digits and `-`, such as `blinken-qin-meeting`");
		} else if (s) {
			const quiz_question *first = strmap_put(&c->ids, s, strlen(s), x.qq);
			if (first != x.qq) {
				diag *dg = error_at(c, id->line, id->col, "duplicate id `%s`",
				                    shown(c, s, strlen(s)));
				diag_hint(dg, "the first question with this id is at line %d; ids must differ "
				              "so results are kept apart",
				          first->line);
			}
		}
		x.qq->id = s;
	}
	/* Derived ids must avoid every explicit id, later ones too. */
	p->derive_id = !x.qq->id;
	gather_fields(c, &x, true);
	compile_question(c, &x, index);
}

/* What needs the whole bank: derived ids, actor references, dates in the
 * bank's date order, and every source in one search of the article. */
/* Every `after:` names a paragraph or a heading the article has. */
static void check_pins(compiler *c)
{
	section_list *sections = NULL;
	for (size_t i = 0; i < c->n_pending; i++) {
		pending *p = &c->pending[i];
		const quiz_question *qq = p->qq;
		if (!qq->after)
			continue;
		size_t paragraphs = article_paragraph_count(c->art);
		if (qq->after_paragraph) {
			if ((size_t)qq->after_paragraph > paragraphs) {
				diag *dg = error_at(c, p->after_line, p->after_col,
				                    "`after: %s`: the article has %zu paragraphs",
				                    shown(c, qq->after, strlen(qq->after)), paragraphs);
				diag_hint(dg, "`recall read --numbers` shows the ¶ numbers");
			}
			continue;
		}
		if (!sections)
			sections = sections_split(c->art, 0);
		if (sections_find_heading(sections, qq->after) != SIZE_MAX)
			continue;
		diag *dg = error_at(c, p->after_line, p->after_col,
		                    "`after: %s`: the article has no such heading",
		                    shown(c, qq->after, strlen(qq->after)));
		buf names;
		buf_init(&names);
		size_t listed = 0;
		for (size_t k = 0; k < sections->count && listed < 8; k++) {
			if (!sections->items[k].heading)
				continue;
			if (listed++)
				buf_puts(&names, ", ");
			put_short(&names, sections->items[k].heading, strlen(sections->items[k].heading),
			          40);
		}
		if (listed)
			diag_hint(dg, "write ¶N or one of its headings: %s", names.ptr);
		else
			diag_hint(dg, "the article has no headings; write ¶N, a paragraph's number");
		buf_release(&names);
	}
	sections_free(sections);
}

static void finish_questions(compiler *c, const node *list)
{
	if (list->n == 0) {
		if (!c->questions_lost)
			warning_at(c, list->line, list->col, "the bank has no questions");
		return;
	}
	size_t n = c->n_pending;
	for (size_t i = 0; i < n; i++) {
		pending *p = &c->pending[i];
		quiz_question *qq = p->qq;
		if (p->derive_id) {
			qq->id = derive_id(c, qq->prompt);
			strmap_put(&c->ids, qq->id, strlen(qq->id), qq);
			diag *dg = warning_at(c, qq->line, qq->col, "question has no `id`; it is known as `%s`",
			                      qq->id);
			diag_hint(dg, "add `id: %s` so its history survives edits to the prompt", qq->id);
		}
		if (qq->kind == QUIZ_DATE && qq->date.year)
			qq->answer_text = date_text(c, qq->date);
		if (p->actor_ref) {
			quiz_actor *a = strmap_get(&c->actors, p->actor_ref, strlen(p->actor_ref));
			if (a) {
				qq->actor = a;
				qq->answer_text = a->name;
			} else if (!c->tail_lost && !c->actors_lost) {
				unknown_actor(c, p->actor_ref, p->ref_line, p->ref_col);
			}
		}
		if (!qq->source.quote && !p->source_line) {
			diag *dg = warning_at(c, qq->line, qq->col, "question `%s` has no `source`", qq->id);
			diag_hint(dg, "quote the words of the article that hold the answer, so feedback can "
			              "show the passage");
		}
	}
	/* Every id is known now. What the search of the article needs is the
	 * most memory a compile holds at once: what is done with goes first. */
	strmap_release(&c->ids);
	strmap_release(&c->slug_counts);
	if (!c->art)
		return;
	const char **quotes = xmalloc((n ? n : 1) * sizeof(char *));
	size_t *owner = xmalloc((n ? n : 1) * sizeof(size_t));
	size_t n_quotes = 0;
	for (size_t i = 0; i < n; i++) {
		if (c->pending[i].qq->source.quote) {
			owner[n_quotes] = i;
			quotes[n_quotes++] = c->pending[i].qq->source.quote;
		}
	}
	article_match *found = xmalloc((n_quotes ? n_quotes : 1) * sizeof(article_match));
	article_find_quotes(c->art, quotes, n_quotes, found);
	for (size_t k = 0; k < n_quotes; k++) {
		pending *p = &c->pending[owner[k]];
		quiz_source *src = &p->qq->source;
		if (found[k].paragraph) {
			src->paragraph = found[k].paragraph->number;
			src->line = found[k].paragraph->line;
			src->start = found[k].start;
			src->end = found[k].end;
			check_answer_in_source(c, p->qq, p->source_line, p->source_col);
			continue;
		}
		diag *dg = error_at(c, p->source_line, p->source_col,
		                    "source not found in the article: \"%s\"",
		                    shown(c, src->quote, strlen(src->quote)));
		article_match near;
		/* Each search for a near passage reads the whole article, so only
		 * the first few missing sources get one. */
		if (c->closest_lookups++ < 20 && article_closest_passage(c->art, src->quote, &near)) {
			const article_paragraph *para = near.paragraph;
			size_t from = near.start, to = near.end;
			while (from > 0 && para->text[from - 1] != ' ')
				from--;
			while (to < para->len && para->text[to] != ' ')
				to++;
			buf b;
			buf_init(&b);
			put_short(&b, para->text + from, to - from, 80);
			diag_hint(dg, "the closest passage, in ¶%d (%s:%d), reads \"%s\"", para->number,
			          c->article_name, para->line, b.ptr);
			buf_release(&b);
		} else {
			diag_hint(dg, "quote words exactly as %s has them; case, spaces, quote marks and "
			              "dashes may differ", c->article_name);
		}
	}
	free(found);
	free(quotes);
	free(owner);
	check_pins(c);
}

static void compile_questions(compiler *c, const node *list)
{
	if (list->bad)
		return;
	if (list->type == NODE_SEQ && list->streamed) {
		finish_questions(c, list);
		return;
	}
	if (is_null(list) || (list->type == NODE_SEQ && list->n == 0)) {
		warning_at(c, list->line, list->col, "the bank has no questions");
		return;
	}
	diag *dg = error_at(c, list->line, list->col, "`questions` must be a list, not %s",
	                    kind_of_node(list));
	diag_hint(dg, "start each question with `- ` on its own line");
}

/* ---- The bank ---------------------------------------------------------- */

static bool path_under(const char *real, const char *root)
{
	size_t n = strlen(root);
	return strcmp(root, "/") == 0 || (strncmp(real, root, n) == 0 && real[n] == '/');
}

/* Links are followed before the comparison (bank.h says the rest). */
bool bank_article_in_tree(const char *bank_path, const char *article_path,
                          const char *articles_dir, char **root)
{
	char *dir = path_dirname(bank_path);
	*root = realpath(dir, NULL);
	free(dir);
	char *slash = *root ? strrchr(*root, '/') : NULL;
	if (slash && slash != *root)
		*slash = '\0';
	if (!*root)
		return false;
	char *real = realpath(article_path, NULL);
	if (!real) {
		int saved = errno;
		free(*root);
		*root = NULL;
		errno = saved;
		return false;
	}
	bool inside = path_under(real, *root);
	char *other = !inside && articles_dir && *articles_dir ? realpath(articles_dir, NULL) : NULL;
	if (other) {
		inside = path_under(real, other);
		free(*root);
		*root = other;
	}
	free(real);
	return inside;
}

static bool article_in_tree(const compiler *c, char **root)
{
	return bank_article_in_tree(c->path, c->article_path,
	                            c->articles ? c->articles : getenv("RECALL_ARTICLES"), root);
}

static void load_article(compiler *c, const node *value)
{
	c->article_tried = true;
	const char *rel = text_field(c, value, "article");
	if (!rel)
		return;
	c->article_name = rel;
	c->article_path = path_relative_to(c->path, rel);
	/* Problems finding the file are the bank's, positioned at `article:`;
	 * problems inside it are the article's own. */
	struct stat st;
	int err = 0;
	char *root = NULL;
	FILE *f = NULL;
	/* Its type is known before it is opened: opening a named pipe would
	 * wait for a writer. */
	if (!article_in_tree(c, &root))
		err = EXDEV;
	else if (stat(c->article_path, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
		err = EINVAL;
	else if (!(f = fopen(c->article_path, "rb")))
		err = errno;
	else if (fstat(fileno(f), &st) != 0)
		err = errno;
	else if (S_ISDIR(st.st_mode))
		err = EISDIR;
	else if (!S_ISREG(st.st_mode))
		err = EINVAL;
	else if (st.st_size > (off_t)ARTICLE_MAX_SIZE)
		err = EFBIG;
	if (f)
		fclose(f);
	if (err == EXDEV && root) {
		/* Refused before a byte of it is read, so that no diagnostic or
		 * pack can show what such a file holds. */
		diag *dg = error_at(c, value->line, value->col,
		                    "article `%s` is outside the bank's folder tree",
		                    shown(c, rel, strlen(rel)));
		diag_hint(dg, "articles must be under %s; name another folder with --articles DIR "
		              "or RECALL_ARTICLES", shown(c, root, strlen(root)));
		free(root);
		return;
	}
	free(root);
	if (err == EXDEV)
		err = errno ? errno : ENOENT;
	if (!err) {
		c->art = article_load(c->article_path, c->out);
		if (!c->art)
			error_at(c, value->line, value->col, "the article `%s` has errors (shown above)",
			         shown(c, rel, strlen(rel)));
		else
			/* Compiling needs only the paragraphs' text; whoever shows the
			 * article later has it parsed again. */
			article_drop_document(c->art);
		return;
	}
	diag *dg;
	if (err == EFBIG)
		dg = error_at(c, value->line, value->col, "article `%s` is larger than %u MiB",
		              shown(c, rel, strlen(rel)), ARTICLE_MAX_SIZE >> 20);
	else if (err == EISDIR)
		dg = error_at(c, value->line, value->col, "article `%s` is a directory",
		              shown(c, rel, strlen(rel)));
	else if (err == EINVAL)
		dg = error_at(c, value->line, value->col, "article `%s` is not a regular file",
		              shown(c, rel, strlen(rel)));
	else
		dg = error_at(c, value->line, value->col, "cannot read article `%s`: %s",
		              shown(c, rel, strlen(rel)), strerror(err));
	diag_hint(dg, "the path is relative to the bank's folder; it was looked for at %s",
	          c->article_path);
}

static void hash_part(sha256_ctx *h, const char *bytes, size_t len)
{
	unsigned char size[8];
	for (int i = 0; i < 8; i++)
		size[i] = (unsigned char)((uint64_t)len >> (56 - 8 * i));
	sha256_update(h, size, 8);
	sha256_update(h, bytes, len);
}

/* Starts the content hash with the bank's part; the article's follows. */
static void hash_bank(sha256_ctx *h, const char *text, size_t len)
{
	sha256_init(h);
	sha256_update(h, "recall bank 1\n", 14);
	hash_part(h, text, len);
}

/* An article that is not where the bank says: the closest name of a
 * Markdown file in the folder it was looked for in, as a note. */
static void suggest_article(compiler *c, const node *value)
{
	struct stat st;
	if (!c->article_path || !c->article_name || stat(c->article_path, &st) == 0 ||
	    errno != ENOENT)
		return;
	const char *slash = strrchr(c->article_path, '/');
	char *dir = slash ? xstrndup(c->article_path, (size_t)(slash - c->article_path + 1))
	                  : xstrdup("./");
	const char *base = slash ? slash + 1 : c->article_path;
	DIR *d = opendir(dir);
	const char **names = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; d && n < 10000 && (e = readdir(d)) != NULL;) {
		size_t len = strlen(e->d_name);
		if (e->d_name[0] == '.' || len < 4 || strcmp(e->d_name + len - 3, ".md") != 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			names = xrealloc(names, cap * sizeof *names);
		}
		names[n++] = arena_strndup(c->keep, e->d_name, len);
	}
	if (d)
		closedir(d);
	const char *guess = n ? diag_suggest(base, names, n) : NULL;
	if (guess) {
		const char *rel = c->article_name;
		const char *rel_slash = strrchr(rel, '/');
		int keep = rel_slash ? (int)(rel_slash - rel + 1) : 0;
		add_note(c, value->line, value->col, "did you mean `%.*s%s`?", keep, rel, guess);
	}
	free(names);
	free(dir);
}

static void compile_root(compiler *c, const node *root)
{
	if (root->type != NODE_MAP) {
		if (!root->bad) {
			diag *dg = error_at(c, root->line, root->col,
			                    "a bank is a mapping of fields, not %s", kind_of_node(root));
			diag_hint(dg, "a bank starts with `recall: 1`, then `article:` and `questions:`");
		}
		return;
	}
	const node *fields[ROOT_FIELDS] = {NULL};
	for (size_t i = 0; i + 1 < root->n; i += 2) {
		const node *k = root->kids[i];
		if (k->type != NODE_SCALAR || k->bad)
			continue;
		size_t f = 0;
		while (f < ROOT_FIELDS && strcmp(k->text, root_fields[f]) != 0)
			f++;
		if (f == ROOT_FIELDS)
			unknown_field(c, k, root_fields, ROOT_FIELDS, " of a bank");
		else if (!fields[f])
			fields[f] = root->kids[i + 1];
	}
	const node *version = fields[0];
	if (!version) {
		diag *dg = error_at(c, root->line, root->col, "missing `recall: 1`");
		diag_hint(dg, "a bank starts with `recall: 1`, the version of its format");
	} else if (!version->bad) {
		if (version->type != NODE_SCALAR || strcmp(version->text, "1") != 0) {
			diag *dg = error_at(c, version->line, version->col,
			                    "bank format version `%s` is not supported",
			                    version->type == NODE_SCALAR
			                        ? shown(c, version->text, version->len) : "?");
			diag_hint(dg, "this recall reads `recall: %d`", BANK_FORMAT_VERSION);
		}
	}
	if (fields[1]) {
		const char *title = text_field(c, fields[1], "title");
		/* A title is shown on every screen and stored with every session:
		 * a line's worth, not a file's. */
		if (title && strlen(title) > BANK_MAX_TITLE) {
			diag *dg = error_at(c, fields[1]->line, fields[1]->col,
			                    "the title is %zu bytes long; at most %d", strlen(title),
			                    BANK_MAX_TITLE);
			diag_hint(dg, "a title names the bank in a line; the article holds the text");
		} else {
			quiz_set_title(c->q, title);
		}
	}
	if (fields[3] && !fields[3]->bad) {
		const char *order = text_field(c, fields[3], "date_order");
		if (order && strcmp(order, "mdy") == 0)
			c->date_order = QUIZ_DATE_ORDER_MDY;
		else if (order && strcmp(order, "dmy") == 0)
			c->date_order = QUIZ_DATE_ORDER_DMY;
		else if (order) {
			diag *dg = error_at(c, fields[3]->line, fields[3]->col,
			                    "date_order `%s` is not one this recall knows",
			                    shown(c, order, strlen(order)));
			diag_hint(dg, "choices are: mdy (6/18/2023), dmy (18/6/2023)");
		}
		quiz_set_date_order(c->q, c->date_order);
	}
	if (fields[2]) {
		if (!c->article_tried)
			load_article(c, fields[2]);
		if (!c->art)
			suggest_article(c, fields[2]);
	} else {
		diag *dg = error_at(c, root->line, root->col, "missing `article:`");
		diag_hint(dg, "name the Markdown article the questions are about, relative to the "
		              "bank: `article: ../content/name.md`");
	}
	if (fields[4])
		compile_actors(c, fields[4]);
	if (fields[5])
		compile_questions(c, fields[5]);
	else {
		diag *dg = error_at(c, root->line, root->col, "missing `questions:`");
		diag_hint(dg, "add `questions:` and a list of questions under it");
	}
	if (!fields[1] || !*quiz_title(c->q)) {
		const article_meta *meta = c->art ? article_get_meta(c->art) : NULL;
		if (meta && meta->title)
			quiz_set_title(c->q, meta->title);
	}
}

/* Diagnostics of the bank are collected apart and given out in the order of
 * the file, whatever order the checks found them in. */
typedef struct {
	const diag *d;
	size_t index;
} ordered_diag;

static int compare_diags(const void *x, const void *y)
{
	const ordered_diag *a = x, *b = y;
	if (a->d->line != b->d->line)
		return a->d->line < b->d->line ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

/* The bank's bytes again, for the lines diagnostics show, when they were let
 * go: only if the file still holds what was compiled. */
static bool read_again(const compiler *c, buf *again)
{
	if (read_file(c->path, BANK_MAX_SIZE, again) != 0 || again->len != c->len)
		return false;
	sha256_ctx now, then = c->hash;
	char now_hex[65], then_hex[65];
	hash_bank(&now, again->ptr, again->len);
	sha256_final_hex(&now, now_hex);
	sha256_final_hex(&then, then_hex);
	return strcmp(now_hex, then_hex) == 0;
}

static void flush_diagnostics(compiler *c)
{
	size_t n = diag_count(c->d);
	if (!n)
		return;
	buf again;
	buf_init(&again);
	bool positioned = false;
	for (size_t i = 0; i < n; i++)
		positioned |= diag_at(c->d, i)->line > 0;
	if (c->text)
		diag_add_source(c->out, c->path, c->text, c->len);
	else if (positioned && read_again(c, &again))
		diag_add_source(c->out, c->path, again.ptr, again.len);
	ordered_diag *order = xmalloc(n * sizeof(ordered_diag));
	for (size_t i = 0; i < n; i++)
		order[i] = (ordered_diag){diag_at(c->d, i), i};
	qsort(order, n, sizeof(ordered_diag), compare_diags);
	for (size_t i = 0; i < n; i++) {
		const diag *from = order[i].d;
		diag *to = diag_add(c->out, from->severity, from->file, from->line, from->col, "%s",
		                    from->message);
		if (from->hint)
			diag_hint(to, "%s", from->hint);
	}
	free(order);
	/* Positioned diagnostics have copied the lines they show. */
	buf_release(&again);
}

/* Compiles `text`; when `owned` holds it, it is let go as soon as the tree
 * is read: at 100,000 questions the bank's 34 MiB and the quiz made of it
 * need not be held at once while the sources are searched. */
static quiz *compile(const char *name, const char *text, size_t len, buf *owned,
                     const bank_options *opt, diag_list *d)
{
	compiler c = {.path = name, .text = text, .len = len, .owned = owned, .out = d,
	              .articles = opt ? opt->articles : NULL};
	size_t errors_before = diag_errors(d), warnings_before = diag_warnings(d);
	buf_init(&c.fold);
	c.d = diag_list_new();
	c.keep = arena_new();
	c.tmp = c.keep;
	c.q = quiz_new();
	quiz_set_bank_path(c.q, name);

	size_t bad;
	if (len > BANK_MAX_SIZE) {
		diag *dg = error_at(&c, 1, 1, "the bank is larger than %u MiB", BANK_MAX_SIZE >> 20);
		diag_hint(dg, "split it into several banks");
	} else if (!text_valid_utf8(text, len, &bad)) {
		int line, col;
		diag_locate(text, len, bad, &line, &col);
		if (text[bad])
			error_at(&c, line, col, "invalid UTF-8 (byte 0x%02X)", (unsigned char)text[bad]);
		else
			error_at(&c, line, col, "a NUL byte is not allowed in a bank");
	} else {
		node *root = read_tree(&c);
		/* Positions inside scalars are needed only while questions are
		 * compiled as they are read; the bytes themselves, only for the
		 * content hash and the lines of diagnostics. */
		free(c.line_starts);
		c.line_starts = NULL;
		hash_bank(&c.hash, text, len);
		if (c.owned) {
			buf_release(c.owned);
			c.text = NULL;
		}
		if (root)
			compile_root(&c, root);
	}
	flush_diagnostics(&c);

	if (c.art) {
		size_t article_len;
		const char *article_bytes = article_text(c.art, &article_len);
		char hex[65];
		hash_part(&c.hash, article_bytes, article_len);
		sha256_final_hex(&c.hash, hex);
		quiz_set_hash(c.q, hex);
		quiz_set_article(c.q, c.art);
		c.art = NULL;
	}
	if (opt && opt->strict && diag_warnings(d) > warnings_before)
		diag_promote_warnings(d);
	bool failed = diag_errors(d) > errors_before;
	strmap_release(&c.actors);
	strmap_release(&c.ids);
	strmap_release(&c.slug_counts);
	buf_release(&c.fold);
	free(c.line_starts);
	free(c.article_path);
	free(c.pending);
	diag_list_free(c.d);
	article_free(c.art);
	arena_free(c.question_arena);
	arena_free(c.keep);
	if (failed) {
		quiz_free(c.q);
		return NULL;
	}
	return c.q;
}

quiz *bank_compile_text(const char *name, const char *text, size_t len, const bank_options *opt,
                        diag_list *d)
{
	return compile(name, text, len, NULL, opt, d);
}

quiz *bank_compile(const char *path, const bank_options *opt, diag_list *d)
{
	buf text;
	buf_init(&text);
	int err = read_file(path, BANK_MAX_SIZE, &text);
	if (err) {
		if (err == EFBIG)
			diag_add(d, DIAG_ERROR, path, 1, 1, "the bank is larger than %u MiB",
			         BANK_MAX_SIZE >> 20);
		else if (err == EISDIR)
			diag_add(d, DIAG_ERROR, path, 0, 0, "is a directory, not a bank");
		else
			diag_add(d, DIAG_ERROR, path, 0, 0, "cannot read the bank: %s", strerror(err));
		buf_release(&text);
		return NULL;
	}
	/* Only a regular file can be read again for the lines of diagnostics. */
	struct stat st;
	bool again = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	quiz *q = compile(path, text.ptr, text.len, again ? &text : NULL, opt, d);
	buf_release(&text);
	return q;
}

quiz *bank_open(const char *path, diag_list *d)
{
	int kind = pack_sniff(path);
	if (kind == PACK_SNIFF_PACK)
		return pack_load(path, d);
	size_t len = strlen(path);
	if (kind == PACK_SNIFF_OTHER && len > 5 && strcmp(path + len - 5, ".quiz") == 0) {
		diag_add(d, DIAG_ERROR, path, 0, 0, "not a recall pack (it has no SQLite header)");
		return NULL;
	}
	return bank_compile(path, NULL, d);
}
