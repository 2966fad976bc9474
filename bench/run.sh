#!/bin/sh
# bench/run.sh BUILD - measure recall against its performance targets (`make bench`).
#
# Prints one line per figure, `name: value (target)`. Every figure that is a
# ratio is taken within this one run, against a yardstick measured here too
# (bench/baseline: the bare library work, or a bare start), so the figures
# hold on any machine. A figure whose command does not exist yet says "not
# yet measurable" and why; it is measured as soon as the command lands.
# Exit status: 0 when everything that exists ran (missed targets included),
# 1 when a command that exists failed on the generated inputs.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root" || exit 2
RECALL="$root/$build/recall"
B="$root/$build/bench"
D="$B/data"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT INT TERM
export LC_ALL=C.UTF-8 NO_COLOR=1 TERM=dumb
# Nothing measured here touches the user's own data.
export XDG_DATA_HOME="$W/data" XDG_STATE_HOME="$W/state" HOME="$W/home"
unset RECALL_DB RECALL_USER PAGER
SAMPLE_BANK="$root/quizzes/china-fentanyl-sanctions.yaml"
failed=0

# timed [timeit options] -- CMD...: the median wall time in seconds.
timed() {
	"$B/timeit" "$@" > "$W/timeit" 2> "$W/timeit.err" || {
		echo "bench: failed: $(sed -n '$p' "$W/timeit.err")" >&2
		sed -n '1,5p' "$W/timeit.err" >&2
		return 1
	}
	cut -d' ' -f1 "$W/timeit"
}

# peak_mib CMD...: the peak resident memory of one run, in MiB, from GNU time.
peak_mib() {
	/usr/bin/time -v "$@" > /dev/null 2> "$W/time" < /dev/null || {
		echo "bench: failed: $*" >&2
		return 1
	}
	awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$W/time"
}

calc() { awk "BEGIN { printf \"$1\", $2 }"; }
mib() { calc "%.2f" "$(wc -c < "$1") / 1048576"; }
line() { printf '%s: %s (%s)\n' "$1" "$2" "$3"; }
# verdict VALUE OP LIMIT: "met" or "missed".
verdict() { awk "BEGIN { print ($1 $2 $3) ? \"met\" : \"MISSED\" }"; }
has_command() { "$RECALL" help "$1" > /dev/null 2>&1; }
not_yet() { line "$1" "not yet measurable: $2" "$3"; }

echo "recall bench: $(nproc) cores, $(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)," \
	"$("${CC:-cc}" --version | head -n 1)"
"$B/gen" "$D" || { echo "bench: the generator failed" >&2; exit 1; }
echo "inputs: article $(mib "$D/article.md") MiB; banks of 1,000 / 10,000 / 100,000 questions:" \
	"$(mib "$D/bank-1000.yaml") / $(mib "$D/bank-10000.yaml") / $(mib "$D/bank-100000.yaml") MiB"

# --- reading: what exists on every branch -------------------------------
t_cmark=$(timed -- "$B/baseline" - "$D/article.md") || exit 1
t_read=$(timed -- "$RECALL" read --width 80 --color never "$D/article.md") || exit 1
line read-1mib-over-cmark-parse "$(calc "%.2fx" "$t_read / $t_cmark")" \
	"no target; recall read parses front matter and Markdown, indexes paragraphs and renders; $(calc "%.1f" "$t_read * 1000") ms over $(calc "%.1f" "$t_cmark * 1000") ms"
input=$(wc -c < "$D/article.md")
limit=$(calc "%.1f" "(3 * $input) / 1048576 + 8")
peak=$(peak_mib "$RECALL" read --width 80 --color never "$D/article.md") || exit 1
line read-1mib-peak-memory "$peak MiB" "at most $limit MiB, 3x input + 8 MiB: $(verdict "$peak" "<=" "$limit")"
peak=$(peak_mib "$B/baseline" - "$D/article.md") || exit 1
line cmark-parse-1mib-peak-memory "$peak MiB" "the bare cmark parse, for comparison"

# --- compiling: recall check ---------------------------------------------
if has_command check; then
	t_check_10000=
	for n in 1000 10000 100000; do
		bank="$D/bank-$n.yaml"
		t_base=$(timed -- "$B/baseline" "$bank" "$D/article.md") || exit 1
		if ! t_check=$(timed -- "$RECALL" check "$bank"); then
			"$RECALL" check "$bank" 2>&1 | head -n 10 >&2
			line "check-$n-over-baseline" "failed: recall check rejects the generated bank" "at most 2x at 10,000"
			failed=1
			continue
		fi
		target="for information"
		[ "$n" = 10000 ] && target="at most 2x: $(verdict "$t_check / $t_base" "<=" 2)"
		line "check-$n-over-baseline" "$(calc "%.2fx" "$t_check / $t_base")" \
			"$target; $(calc "%.1f" "$t_check * 1000") ms over $(calc "%.1f" "$t_base * 1000") ms"
		[ "$n" = 10000 ] && t_check_10000=$t_check
		if [ "$n" = 100000 ] && [ -n "$t_check_10000" ]; then
			line check-100000-over-10000 "$(calc "%.2fx" "$t_check / $t_check_10000")" \
				"at most 11x: $(verdict "$t_check / $t_check_10000" "<=" 11)"
		fi
		if [ "$n" != 1000 ]; then
			input=$(( $(wc -c < "$bank") + $(wc -c < "$D/article.md") ))
			limit=$(calc "%.1f" "(3 * $input) / 1048576 + 8")
			peak=$(peak_mib "$RECALL" check "$bank") || { failed=1; continue; }
			line "check-$n-peak-memory" "$peak MiB" "at most $limit MiB, 3x input + 8 MiB: $(verdict "$peak" "<=" "$limit")"
		fi
	done
else
	for n in 1000 10000 100000; do
		not_yet "check-$n-over-baseline" "no \`recall check\` yet" "at most 2x at 10,000"
	done
	not_yet check-100000-over-10000 "no \`recall check\` yet" "at most 11x"
	not_yet check-10000-peak-memory "no \`recall check\` yet" "at most 3x input + 8 MiB"
fi

# --- grading: recall grade with QID<TAB>ANSWER lines on stdin ----------------
# The grading rate is the extra time that 500,000 answers take over none, so
# the compile of the bank is not counted.
if has_command grade; then
	lines=500000
	reps=$((lines / $(wc -l < "$D/grade-1000.tsv")))
	: > "$W/answers.tsv"
	i=0
	while [ "$i" -lt "$reps" ]; do cat "$D/grade-1000.tsv"; i=$((i + 1)); done > "$W/answers.tsv"
	lines=$(wc -l < "$W/answers.tsv")
	if t_none=$(timed -r 5 -- "$RECALL" grade "$D/bank-1000.yaml") &&
		t_all=$(timed -r 3 -t 0 -i "$W/answers.tsv" -- "$RECALL" grade "$D/bank-1000.yaml"); then
		rate=$(calc "%.0f" "$lines / ($t_all - $t_none)")
		line grades-per-second "$rate" "at least 500000: $(verdict "$rate" ">=" 500000); $lines answers of every kind, output included"
	else
		line grades-per-second "failed: recall grade on the generated bank" "at least 500000"
		failed=1
	fi
else
	not_yet grades-per-second "no \`recall grade\` yet" "at least 500000"
fi

# --- taking: recall take reading answers from a pipe --------------------------
if has_command take && [ -f "$SAMPLE_BANK" ]; then
	t_bare=$(timed -- "$B/baseline") || exit 1
	if t_first=$(timed -x -- "$RECALL" take --no-save --limit 1 "$SAMPLE_BANK"); then
		line take-first-question-over-bare-start "$(calc "%.2fx" "$t_first / $t_bare")" \
			"at most 3x: $(verdict "$t_first / $t_bare" "<=" 3); $(calc "%.2f" "$t_first * 1000") ms over $(calc "%.2f" "$t_bare * 1000") ms"
	else
		failed=1
	fi
else
	not_yet take-first-question-over-bare-start "no \`recall take\` or no sample bank yet" "at most 3x"
fi

# Responses recorded per second, each committed: a whole quiz of 1,000
# questions saved, over the same quiz with --no-save.
awk -F'\t' 'NR % 2 == 1 { print $2 }' "$D/grade-1000.tsv" > "$W/right-1000"
if has_command take; then
	if t_nosave=$(timed -r 3 -i "$W/right-1000" -- "$RECALL" take --no-save --order bank "$D/bank-1000.yaml") &&
		t_save=$(timed -r 3 -i "$W/right-1000" -- "$RECALL" take --db "$W/responses.db" --order bank "$D/bank-1000.yaml"); then
		rate=$(calc "%.0f" "1000 / ($t_save - $t_nosave)")
		line responses-committed-per-second "$rate" "no target; 1,000 answers each committed before feedback"
	else
		failed=1
	fi
else
	not_yet responses-committed-per-second "no \`recall take\` yet" "no target; each response committed"
fi

# --- reviewing: recall review with 100,000 cards in the store ---------------
# A store where one learner has 100,057 cards: the sample's 57, due (each
# was missed long ago), and 1,000 banks of 100 questions each, due over the
# next two months. Review's start-up (to its first question, a session begun
# and ended) is set beside take's on the sample, recording to a database of
# its own: both open a database, register the bank and begin a session.
if has_command review && [ -f "$SAMPLE_BANK" ] && command -v sqlite3 > /dev/null 2>&1; then
	yes ':skip' | head -n 57 | RECALL_NOW=2020-01-01T10:00 "$RECALL" take --db "$W/cards.db" --user bench \
		--order bank "$SAMPLE_BANK" > /dev/null 2>&1
	sqlite3 "$W/cards.db" <<'SQL'
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
INSERT INTO bank (hash, title, path, added_at)
	SELECT printf('%064d', i), 'Bench bank ' || i, '/nonexistent/bench-' || i || '.yaml', 0 FROM n;
WITH RECURSIVE m(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM m WHERE j < 100)
INSERT INTO question (bank_id, qid, position, kind, prompt, answer, points)
	SELECT b.id, 'q' || j, j, 'text', 'Bench question ' || j, 'answer ' || j, 1
	FROM bank b, m WHERE b.title LIKE 'Bench bank %';
INSERT INTO card (learner_id, bank_title, qid, question_id, answer, stability, difficulty, reps,
                  lapses, reviews, recalled, last_review, due)
	SELECT (SELECT id FROM learner WHERE name = 'bench'), b.title, q.qid, q.id, q.answer,
	       30, 5, 3, 0, 2, 2, CAST(strftime('%s', 'now') AS INTEGER) * 1000,
	       (CAST(strftime('%s', 'now') AS INTEGER) + 86400 * (1 + q.id % 60)) * 1000
	FROM question q JOIN bank b ON b.id = q.bank_id WHERE b.title LIKE 'Bench bank %';
COMMIT;
SQL
	cards=$(sqlite3 "$W/cards.db" 'SELECT count(*) FROM card')
	if t_review=$(timed -x -- "$RECALL" review --db "$W/cards.db" --user bench --limit 1) &&
		t_take=$(timed -x -- "$RECALL" take --db "$W/take.db" --user bench --limit 1 "$SAMPLE_BANK") &&
		t_nosave=$(timed -x -- "$RECALL" take --no-save --limit 1 "$SAMPLE_BANK"); then
		line review-start-over-take-start "$(calc "%.2fx" "$t_review / $t_take")" \
			"at most 3x: $(verdict "$t_review / $t_take" "<=" 3); $cards cards, $(calc "%.2f" "$t_review * 1000") ms over $(calc "%.2f" "$t_take * 1000") ms for take recording to its own database ($(calc "%.2f" "$t_nosave * 1000") ms with --no-save, $(calc "%.2fx" "$t_review / $t_nosave"))"
	else
		failed=1
	fi
else
	not_yet review-start-over-take-start "no \`recall review\`, no sample bank or no sqlite3 shell" "at most 3x"
fi

# --- side by side with BSD quiz(6) ------------------------------------------
QUIZ6=/usr/games/quiz
if [ -x "$QUIZ6" ]; then
	t_quiz=$(LD_PRELOAD="$B/inorder.so" timed -r 3 -i "$D/text-10000.answers" -- \
		"$QUIZ6" -i "$D/quiz6.index" question answer) || exit 1
	LD_PRELOAD="$B/inorder.so" "$QUIZ6" -i "$D/quiz6.index" question answer \
		< "$D/text-10000.answers" > "$W/quiz6.out"
	right=$(grep -c '^Right!$' "$W/quiz6.out")
	if has_command take; then
		if t_take=$(timed -r 3 -i "$D/text-10000.answers" -- "$RECALL" take --no-save --order bank "$D/text-10000.yaml"); then
			"$RECALL" take --no-save --order bank "$D/text-10000.yaml" < "$D/text-10000.answers" > "$W/take.out" 2>&1
			recall_right=$(grep -o '[0-9]* of [0-9]* right' "$W/take.out" | tail -n 1 | cut -d' ' -f1)
			line recall-over-quiz6-10000 "$(calc "%.2fx" "$t_take / $t_quiz")" \
				"for information; recall $(calc "%.3f" "$t_take") s (${recall_right:-?} of 10000 right), quiz(6) $(calc "%.3f" "$t_quiz") s ($right of 10000 right), the same 10,000 typed answers through a pipe"
		else
			failed=1
		fi
	else
		not_yet recall-over-quiz6-10000 "no \`recall take\` yet; quiz(6) alone takes $(calc "%.3f" "$t_quiz") s ($right of 10000 right)" "for information"
	fi
else
	not_yet recall-over-quiz6-10000 "no quiz(6): install bsdgames" "for information"
fi

exit "$failed"
