#!/bin/sh
# take.sh - `recall take` driven through a pipe: scripted quizzes, the scorecard,
# what the database holds afterwards, failures before the first question,
# kill -9, signals, and many quizzes at once on one database.
. "$(dirname "$0")/../lib.sh"
G="$ROOT/tests/golden/take"
# Relative, as a user types it: tests/run works from the project root.
BANK=quizzes/china-fentanyl-sanctions.yaml
DB="$T/recall.db"
export RECALL_DB="$DB"

q() { sqlite3 "$DB" "$1"; }
# The elapsed time is the one thing in the output that differs run to run.
untimed() { sed 's/ · [0-9][0-9]*m* *[0-9]*s$/ · TIME/' "$1"; }

# A fixed quiz: the first six questions of the sample bank, in the bank's order.
cat > "$T/answers" <<'ANSWERS'
18 June 2023
June 2023
:hint
2018
:skip
2019
summer 2022
ANSWERS
run "$RECALL" take --seed 7 --limit 6 --user ana "$BANK" < "$T/answers"
expect_status "scripted quiz: exit 0" 0
untimed "$T/out" > "$T/shown"
golden "scripted quiz: what is shown" "$T/shown" "$G/practice-six.txt"
expect_grep "scripted quiz: the scorecard" "$T/out" "Score: 4.5 of 6 points (75%) · 5 of 6 right"
q "select r.seq, qu.qid, r.answer, r.verdict, r.credit, r.hints from response r
   join question qu on qu.id = r.question_id order by r.seq" > "$T/q"
cat > "$T/want" <<'WANT'
1|blinken-qin-handshake|18 June 2023|correct|1.0|0
2|blinken-raised-issue-month|June 2023|correct|1.0|0
3|issue-brief-year|2018|correct|0.5|1
4|westhoff-remarks-year||skipped|0.0|0
5|class-scheduling-year|2019|correct|1.0|0
6|pelosi-taiwan-year|summer 2022|correct|1.0|0
WANT
expect_file "scripted quiz: the database holds exactly those answers" "$T/q" "$T/want"
q "select l.name, s.mode, s.status, s.score, s.max_score, s.seed from session s
   join learner l on l.id = s.learner_id" > "$T/s"
expect_text "scripted quiz: the session row" "$T/s" "ana|practice|complete|4.5|6.0|7"

# The same seed asks the same questions in the same order with --order shuffle.
"$RECALL" take --seed 11 --order shuffle --limit 4 --no-save "$BANK" < /dev/null > "$T/a" 2>&1
"$RECALL" take --seed 11 --order shuffle --limit 4 --no-save "$BANK" < /dev/null > "$T/b" 2>&1
grep '^[0-9]/4 ·' -A 1 "$T/a" > "$T/a1"
grep '^[0-9]/4 ·' -A 1 "$T/b" > "$T/b1"
expect_file "--seed: the same shuffle twice" "$T/a1" "$T/b1"
"$RECALL" take --seed 12 --order shuffle --limit 4 --no-save "$BANK" < /dev/null > "$T/c" 2>&1
grep '^[0-9]/4 ·' -A 1 "$T/c" > "$T/c1"
if cmp -s "$T/a1" "$T/c1"; then not_ok "--seed: another seed, another order"; else ok "--seed: another seed, another order"; fi

# Exam mode: no feedback until the answer sheet.
printf 'Blinken\nQin\n' > "$T/answers"
run "$RECALL" take --mode exam --only actor --limit 2 --user ben "$BANK" < "$T/answers"
expect_status "exam: exit 0" 0
untimed "$T/out" > "$T/shown"
golden "exam: recorded answers, then the answer sheet" "$T/shown" "$G/exam-two.txt"
q "select mode || ' ' || status || ' ' || score from session s join learner l
   on l.id = s.learner_id where l.name = 'ben'" > "$T/m"
expect_text "exam: saved as exam" "$T/m" "exam complete 2.0"

# The right answer of a choice question is given with the letter its option
# was shown with, which is shuffled: each letter must name the option shown
# under it. (Order and match answers: tests/unit/test_session.c.)
# shown_letters_agree FILE: "N of M" answers whose letters agree with the options.
shown_letters_agree() {
	awk '
	/^[0-9]+\/[0-9]+ · / { delete opt }
	/^  \([a-z]\) / { opt[substr($0, 4, 1)] = substr($0, 7) }
	/(The answer|Answer): \(/ {
		line = $0
		sub(/.*[Aa]nswer: /, "", line)
		n = split(line, parts, /; | → /)
		for (i = 1; i <= n; i++) {
			part = parts[i]
			sub(/^[0-9]+\. /, "", part)          # a match: the left side and its arrow
			if (part !~ /^\([a-z]\) /)
				continue
			total++
			if (opt[substr(part, 2, 1)] == substr(part, 5)) agree++
		}
	}
	END { printf "%d of %d\n", agree, total }' "$1"
}
printf 'nothing like it\n%.0s' 1 2 3 4 > "$T/answers"
COLUMNS=200 run "$RECALL" take --only choice --limit 4 --seed 5 --no-save "$BANK" < "$T/answers"
expect_grep "a wrong choice: the answer with its shown letter" "$T/out" \
	"The answer: (c) Diaoyutai State Guesthouse"
shown_letters_agree "$T/out" > "$T/agree"
expect_text "every choice answer's letter is the one it was shown with" "$T/agree" "4 of 4"

# Filters.
run "$RECALL" take --only claim --tag no-such-tag --no-save "$BANK" < /dev/null
expect_status "--tag no question has: exit 1" 1
expect_grep "--tag no question has: says so" "$T/err" "no question has the tag 'no-such-tag'"
run "$RECALL" take --only cloze --tag dates --no-save "$BANK" < /dev/null
expect_status "--only and --tag that match nothing together: exit 1" 1
expect_grep "--only and --tag that match nothing together: says so" "$T/err" "no question matches"
run "$RECALL" take --only cloze --limit 2 --no-save "$BANK" < /dev/null
expect_grep "--only cloze: cloze questions" "$T/out" "1/2 · 0 right · fill in the blanks"

# An ambiguous date in a script is graded as given (a script cannot be asked
# again): wrong, recorded once, and the next line answers the next question.
cat > "$T/amb.yaml" <<'BANKTEXT'
recall: 1
title: Dates
article: ARTICLE
questions:
  - id: day
    kind: date
    prompt: Which day?
    answer: 2023-06-07
    source: "June 18, 2023"
  - id: handshake
    kind: date
    prompt: On what date did they shake hands?
    answer: 2023-06-18
    source: "June 18, 2023"
BANKTEXT
# An article is read only from under the bank's folder tree: a copy beside it.
cp "$ROOT/content/china-fentanyl-sanctions.md" "$T/article.md"
sed -i "s|ARTICLE|article.md|" "$T/amb.yaml"
printf '6/7/2023\n18 June 2023\n' > "$T/answers"
run "$RECALL" take --user cy "$T/amb.yaml" < "$T/answers"
expect_status "ambiguous in a script: exit 0" 0
expect_grep "ambiguous in a script: the note is shown" "$T/out" "6/7 could be June 7 or 6 July"
expect_grep "ambiguous in a script: the next line answers the next question" "$T/out" \
	"Score: 1 of 2 points (50%)"
q "select group_concat(verdict, ' ') from response r join session s on s.id = r.session_id
   join learner l on l.id = s.learner_id where l.name = 'cy'" > "$T/v"
expect_text "ambiguous in a script: one response per question" "$T/v" "wrong correct"
q "select status from session s join learner l on l.id = s.learner_id where l.name = 'cy'" > "$T/v"
expect_text "ambiguous in a script: the session is complete" "$T/v" "complete"

run "$RECALL" take --date-order dmy --no-save "$T/amb.yaml" < "$T/answers"
expect_grep "--date-order dmy: 6/7/2023 is the 6th of July" "$T/out" "✗ Wrong"

# Words where letters are asked (an order question) do not eat the script.
printf 'no idea\nno idea\n' > "$T/answers"
run "$RECALL" take --only order --limit 2 --order bank --user ord "$BANK" < "$T/answers"
q "select s.status || ' ' || count(r.id) from session s join learner l on l.id = s.learner_id
   left join response r on r.session_id = s.id where l.name = 'ord' group by s.id" > "$T/v"
expect_text "an order question answered in words: the quiz goes on" "$T/v" "complete 2"

# Enter alone is no answer: the question stays until it is answered or skipped.
printf '\n   \n18 June 2023\n\n:skip\n' > "$T/answers"
run "$RECALL" take --limit 2 --order bank --user empty "$BANK" < "$T/answers"
q "select group_concat(r.verdict || ':' || r.answer, ' ') from response r join session s
   on s.id = r.session_id join learner l on l.id = s.learner_id where l.name = 'empty'" > "$T/v"
expect_text "an empty line: ignored, only :skip skips" "$T/v" "correct:18 June 2023 skipped:"

# A quiz left early: the scorecard and history give the same score, out of
# the points of the questions asked.
printf '18 June 2023\n:quit\n' > "$T/answers"
run "$RECALL" take --limit 5 --order bank --user early "$BANK" < "$T/answers"
expect_grep "quit early: the scorecard counts the questions asked" "$T/out" \
	"Score: 1 of 1 points (100%)"
"$RECALL" history --user early --color never > "$T/h" 2>&1
expect_grep "quit early: history shows the same score" "$T/h" "1/1 100%"

# Input that ends before the first answer leaves no session behind.
q "select count(*) from session" > "$T/before"
run "$RECALL" take --user nobody-answered "$BANK" < /dev/null
q "select count(*) from session" > "$T/after"
expect_file "end of input before any answer: no session left" "$T/after" "$T/before"
"$RECALL" history --user nobody-answered --color never > "$T/h" 2>&1
expect_no_grep "end of input before any answer: nothing in history" "$T/h" "interrupted"

# Leaving before any answer: no score, the reason said.
printf ':quit\n' > "$T/answers"
run "$RECALL" take --no-save "$BANK" < "$T/answers"
expect_grep ":quit at once: no score to show" "$T/out" "No question was answered."
expect_grep ":quit at once: says it stopped" "$T/out" "Stopped after 0 of 57 questions (quit)."

# --no-save records nothing and creates no database.
run "$RECALL" take --no-save --limit 1 --db "$T/never.db" "$BANK" < /dev/null
expect_status "--no-save: exit 0" 0
if [ -e "$T/never.db" ]; then not_ok "--no-save: no database created"; else ok "--no-save: no database created"; fi

# A broken bank: diagnostics, exit 1, nothing written.
printf 'recall: 1\nquestions: 3\n' > "$T/broken.yaml"
run "$RECALL" take --db "$T/broken.db" "$T/broken.yaml" < /dev/null
expect_status "broken bank: exit 1" 1
expect_grep "broken bank: positioned diagnostic" "$T/err" "$T/broken.yaml:"
if [ -e "$T/broken.db" ]; then not_ok "broken bank: database untouched"; else ok "broken bank: database untouched"; fi

# The database cannot be used: a message and exit 1 before the first question.
printf 'not a database, just text\n' > "$T/text.db"
cp "$T/text.db" "$T/text.db.orig"
run "$RECALL" take --db "$T/text.db" "$BANK" < /dev/null
expect_status "not a database: exit 1" 1
expect_empty "not a database: no question asked" "$T/out"
expect_grep "not a database: says so" "$T/err" "$T/text.db"
expect_grep "not a database: mentions --no-save" "$T/err" "--no-save"
expect_file "not a database: the file is untouched" "$T/text.db" "$T/text.db.orig"

cp "$DB" "$T/newer.db"
sqlite3 "$T/newer.db" "pragma user_version = 99"
cp "$T/newer.db" "$T/newer.db.orig"
run "$RECALL" take --db "$T/newer.db" "$BANK" < /dev/null
expect_status "newer schema: exit 1" 1
expect_empty "newer schema: no question asked" "$T/out"
expect_file "newer schema: the file is untouched" "$T/newer.db" "$T/newer.db.orig"

# Locked beyond the busy timeout by another process's write transaction.
cp "$DB" "$T/locked.db"
mkfifo "$T/lockfifo"
sqlite3 "$T/locked.db" < "$T/lockfifo" > /dev/null 2>&1 &
lockpid=$!
exec 4> "$T/lockfifo"
echo "begin exclusive; insert into learner (name, created_at) values ('holder', 0);" >&4
i=0
# Until the holder has the write lock: a write without waiting then fails.
until command sqlite3 "$T/locked.db" "begin immediate; rollback;" 2>&1 | grep -q locked ||
	[ "$i" -ge 100 ]; do sleep 0.05; i=$((i + 1)); done
sessions_before=$(sqlite3 "$T/locked.db" "select count(*) from session")
RECALL_BUSY_TIMEOUT=200 run "$RECALL" take --db "$T/locked.db" "$BANK" < /dev/null
expect_status "locked database: exit 1" 1
expect_empty "locked database: no question asked" "$T/out"
expect_grep "locked database: says so" "$T/err" "locked"
echo "rollback;" >&4
exec 4>&-
wait "$lockpid"
sessions_after=$(sqlite3 "$T/locked.db" "select count(*) from session")
if [ "$sessions_before" = "$sessions_after" ]; then ok "locked database: nothing written"
else not_ok "locked database: nothing written" "$sessions_before sessions before, $sessions_after after"; fi

run "$RECALL" take --db /proc/recall-test/recall.db "$BANK" < /dev/null
expect_status "unwritable place: exit 1" 1
expect_empty "unwritable place: no question asked" "$T/out"

if command -v setpriv > /dev/null 2>&1; then
	mkdir "$T/ro" && chmod 755 "$T/ro"
	setpriv --reuid=nobody --regid=nogroup --clear-groups "$RECALL" take \
		--db "$T/ro/recall.db" "$BANK" < /dev/null > "$T/out" 2> "$T/err"
	status=$?
	expect_status "read-only folder: exit 1" 1
	expect_empty "read-only folder: no question asked" "$T/out"
fi

# Input that ends early: the answers given are kept, the session interrupted.
printf '18 June 2023\n' > "$T/answers"
run "$RECALL" take --user dee "$BANK" < "$T/answers"
q "select s.status || ' ' || count(r.id) from session s join learner l on l.id = s.learner_id
   left join response r on r.session_id = s.id where l.name = 'dee' group by s.id" > "$T/v"
expect_text "input ends early: one answer kept, session interrupted" "$T/v" "interrupted 1"

# wait_for N USER: until USER has N answers in the database (at most 10 s).
wait_for() {
	i=0
	while [ "$i" -lt 200 ]; do
		n=$(q "select count(*) from response r join session s on s.id = r.session_id
		       join learner l on l.id = s.learner_id where l.name = '$2'" 2>/dev/null)
		[ "${n:-0}" -ge "$1" ] && return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}

# kill -9 in the middle of a quiz, three times: every answer given before the
# kill is in the database, which stays sound; the next start marks the
# orphaned session interrupted.
for round in 1 2 3; do
	mkfifo "$T/fifo$round"
	"$RECALL" take --user "killed$round" "$BANK" < "$T/fifo$round" > /dev/null 2>&1 &
	pid=$!
	exec 3> "$T/fifo$round"
	given=$((round + 1))
	k=0
	while [ "$k" -lt "$given" ]; do
		echo "answer $k" >&3
		k=$((k + 1))
	done
	wait_for "$given" "killed$round"
	kill -9 "$pid"
	wait "$pid" 2>/dev/null
	exec 3>&-
	n=$(q "select count(*) from response r join session s on s.id = r.session_id
	       join learner l on l.id = s.learner_id where l.name = 'killed$round'")
	if [ "$n" = "$given" ]; then ok "kill -9 round $round: all $given answers kept"
	else not_ok "kill -9 round $round: all $given answers kept" "found $n"; fi
		q "pragma integrity_check" > "$T/ic"
	expect_text "kill -9 round $round: integrity_check ok" "$T/ic" "ok"
done
"$RECALL" history --user killed1 --color never > "$T/h" 2>&1
expect_grep "kill -9: the next start marks the session interrupted" "$T/h" "interrupted"

# SIGTERM while waiting for an answer: the session is marked interrupted.
mkfifo "$T/fifo-term"
"$RECALL" take --user termed "$BANK" < "$T/fifo-term" > /dev/null 2>&1 &
pid=$!
exec 3> "$T/fifo-term"
echo "first" >&3
wait_for 1 termed
kill -TERM "$pid"
wait "$pid"
term_status=$?
exec 3>&-
if [ "$term_status" -eq 143 ]; then ok "SIGTERM: exit 143"; else not_ok "SIGTERM: exit 143" "got $term_status"; fi
q "select status from session s join learner l on l.id = s.learner_id where l.name = 'termed'" > "$T/v"
expect_text "SIGTERM: session interrupted" "$T/v" "interrupted"

# Twenty quizzes at once on one database: every answer of every session.
# Kinds where a made-up answer is plainly wrong, never ambiguous.
printf 'zzz\n%.0s' 1 2 3 4 5 6 7 8 > "$T/eight"
i=1
while [ "$i" -le 20 ]; do
	"$RECALL" take --seed "$i" --order shuffle --limit 8 --only date,actor,text,number \
		--user "student$i" --db "$T/class.db" \
		"$BANK" < "$T/eight" > "$T/class$i.out" 2>&1 &
	i=$((i + 1))
done
wait
n=$(sqlite3 "$T/class.db" "select count(*) from session where status = 'complete'")
echo "$n" > "$T/n"
expect_text "20 at once: 20 complete sessions" "$T/n" "20"
sqlite3 "$T/class.db" "select count(*) from response where verdict != 'ambiguous'" > "$T/n"
expect_text "20 at once: 160 answers" "$T/n" "160"
sqlite3 "$T/class.db" "select count(*) from session s where planned !=
	(select count(*) from response r where r.session_id = s.id and verdict != 'ambiguous')" > "$T/n"
expect_text "20 at once: each session has its 8 answers" "$T/n" "0"
sqlite3 "$T/class.db" "pragma integrity_check" > "$T/n"
expect_text "20 at once: integrity_check ok" "$T/n" "ok"

# Usage errors.
run "$RECALL" take
expect_status "no BANK: exit 2" 2
run "$RECALL" take --mode quiz "$BANK"
expect_status "bad --mode: exit 2" 2
run "$RECALL" take --only dates "$BANK"
expect_status "bad --only: exit 2" 2
expect_grep "bad --only: did you mean" "$T/err" "no kind 'dates'; did you mean 'date'?"
run "$RECALL" take --only zz "$BANK"
expect_grep "bad --only, nothing close: lists the kinds" "$T/err" "kinds are date, actor"
run "$RECALL" take --limit 0 "$BANK"
expect_status "bad --limit: exit 2" 2
run "$RECALL" take --help
expect_status "--help: exit 0" 0
