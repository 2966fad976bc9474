#!/bin/sh
# class.sh - class exams through a pipe: students on the roster only, the class's
# settings, thirty students at once on one database and their report, a time
# limit that runs out mid-answer, and the hot seat driven by a script.
. "$(dirname "$0")/../lib.sh"
export RECALL_DB="$T/recall.db"
q() { sqlite3 "$RECALL_DB" "$1"; }

# A bank whose five answers are all 7: whatever order the class's seed puts
# the questions in, a student who answers 7 k times scores k.
mkdir "$T/bank"
cat > "$T/bank/article.md" <<'EOF'
---
title: Sevens
---

The team had 7 players, 7 coaches and 7 buses.

It won 7 games in 7 weeks.
EOF
cat > "$T/bank/sevens.yaml" <<'EOF'
recall: 1
title: Sevens
article: article.md
questions:
  - {id: players, kind: number, prompt: How many players?, answer: 7, source: "7 players"}
  - {id: coaches, kind: number, prompt: How many coaches?, answer: 7, source: "7 coaches"}
  - {id: buses, kind: number, prompt: How many buses?, answer: 7, source: "7 buses"}
  - {id: games, kind: number, prompt: How many games?, answer: 7, source: "7 games"}
  - {id: weeks, kind: number, prompt: How many weeks?, answer: 7, source: "7 weeks"}
EOF
BANK="$T/bank/sevens.yaml"

echo "id,name,group" > "$T/roster.csv"
i=1
while [ "$i" -le 30 ]; do
	printf 's%02d,Student %d,%s\n' "$i" "$i" "$([ $((i % 2)) -eq 0 ] && echo even || echo odd)" >> "$T/roster.csv"
	i=$((i + 1))
done
"$RECALL" roster import "$T/roster.csv" --class 9C > /dev/null

# Only students on the roster.
run "$RECALL" take "$BANK" --class 9C --student s99 < /dev/null
expect_status "a student not on the roster: exit 1" 1
expect_text "a student not on the roster: a clear message" "$T/err" \
	"recall take: 's99' is not on the roster of class '9C'; did you mean 's09', 's19' or 's29'?"
expect_empty "a student not on the roster: nothing asked" "$T/out"
q "select count(*) from session" > "$T/n"
expect_text "a student not on the roster: nothing recorded" "$T/n" "0"
run "$RECALL" take "$BANK" --class 9X --student s01 < /dev/null
expect_status "an unknown class: exit 1" 1
expect_grep "an unknown class: the known ones" "$T/err" "there is no class '9X'; the classes are '9C'"
run "$RECALL" take "$BANK" --class 9C < /dev/null
expect_status "--class without --student: exit 2" 2
run "$RECALL" take "$BANK" --class 9C --student s01 --mode practice < /dev/null
expect_status "--mode with a class: exit 2" 2
expect_grep "--mode with a class: the class sets it" "$T/err" "--mode is the class's to set"
run "$RECALL" take "$BANK" --class 9C --student s01 --no-save < /dev/null
expect_status "--no-save with a class: exit 2" 2
run "$RECALL" take "$BANK" --class 9C --student s01 --seed 1 < /dev/null
expect_status "another seed than the class's: exit 2" 2

# The class's settings: exam mode, no hints, no history, one order for all.
printf ':hint\n7\n:override\n7\n7\n7\n7\n' > "$T/answers"
run "$RECALL" take "$BANK" --class 9C --student s01 < "$T/answers"
expect_status "an exam: exit 0" 0
expect_grep "an exam: the student named" "$T/out" "9C · Student 1 (s01) · 5 questions · exam mode"
expect_grep "an exam: no hints" "$T/out" "No hints in this quiz."
expect_grep "an exam: no overrides" "$T/out" "No overrides in exam mode."
expect_grep "an exam: no feedback" "$T/out" "Answer recorded."
expect_no_grep "an exam: no answer sheet by default" "$T/out" "Answer sheet"
q "select l.name, s.mode, s.status, s.score, c.name from session s join learner l
   on l.id = s.learner_id join class c on c.id = s.class_id" > "$T/s"
expect_text "an exam: recorded under the student's id, in the class" "$T/s" "s01|exam|complete|5.0|9C"
if [ -e "$T/state/recall/history" ]; then not_ok "an exam: no history written"; else ok "an exam: no history written"; fi
grep '^[0-9]/5 ·' -A 1 "$T/out" | grep '?' > "$T/order1"
"$RECALL" take "$BANK" --class 9C --student s02 < "$T/answers" > "$T/out2" 2>&1
grep '^[0-9]/5 ·' -A 1 "$T/out2" | grep '?' > "$T/order2"
expect_file "one question order for the whole class" "$T/order2" "$T/order1"
"$RECALL" take "$BANK" --order bank --no-save < /dev/null > "$T/bankorder" 2>&1
if [ "$(head -n 1 "$T/order1")" = "How many players?" ] && cmp -s "$T/order1" "$T/order2"; then
	# The class's shuffle happened to keep the first; the rest must differ.
	if [ "$(cat "$T/order1" | tr '\n' ' ')" = "How many players? How many coaches? How many buses? How many games? How many weeks? " ]; then
		not_ok "the class's order is shuffled"
	else ok "the class's order is shuffled"; fi
else
	ok "the class's order is shuffled"
fi
"$RECALL" class set --class 9C --hints --show-answers > /dev/null
run "$RECALL" take "$BANK" --class 9C --student s03 < "$T/answers"
expect_no_grep "hints allowed: given" "$T/out" "No hints in this quiz."
expect_grep "answers shown: the answer sheet" "$T/out" "Answer sheet"
"$RECALL" class set --class 9C --no-hints --hide-answers > /dev/null
q "delete from response; delete from session;"

# Thirty students at once, each on the roster: student i answers 7 to the
# first i mod 6 questions and 0 to the rest, so scores i mod 6 of 5.
i=1
while [ "$i" -le 30 ]; do
	k=$((i % 6))
	: > "$T/answers$i"
	j=0
	while [ "$j" -lt 5 ]; do
		if [ "$j" -lt "$k" ]; then echo 7; else echo 0; fi >> "$T/answers$i"
		j=$((j + 1))
	done
	"$RECALL" take "$BANK" --class 9C --student "$(printf 's%02d' "$i")" \
		< "$T/answers$i" > "$T/out$i" 2>&1 &
	i=$((i + 1))
done
wait
q "select count(*) from session where status = 'complete'" > "$T/n"
expect_text "thirty at once: thirty complete sessions" "$T/n" "30"
q "select count(*) from response" > "$T/n"
expect_text "thirty at once: no answer lost" "$T/n" "150"
q "pragma integrity_check" > "$T/n"
expect_text "thirty at once: the database is sound" "$T/n" "ok"
run "$RECALL" report --class 9C --format csv
expect_status "thirty at once: report exit 0" 0
tail -n +2 "$T/out" | cut -d, -f1,4,5,8,11 > "$T/rows"
: > "$T/want"
i=1
while [ "$i" -le 30 ]; do
	printf 's%02d,1,1,%d,5\n' "$i" $((i % 6)) >> "$T/want"
	i=$((i + 1))
done
expect_file "thirty at once: the report's thirty rows and their scores" "$T/rows" "$T/want"
run "$RECALL" report --class 9C --color never
grep -c '^  s[0-9][0-9] ' "$T/out" > "$T/n"
expect_text "thirty at once: thirty rows in the terminal" "$T/n" "30"
expect_grep "thirty at once: everyone took it" "$T/out" "30 on the roster · 30 took it · 0 not taken"
expect_grep "thirty at once: the class mean" "$T/out" "Best scores of 30 students: mean 50%, median 50%"
expect_grep "thirty at once: a row" "$T/out" "  s05  Student 5   odd        1  100%  100%"

# A time limit that runs out mid-answer: two answers given, then nothing;
# the session ends by itself as timeout with both answers kept.
mkfifo "$T/fifo"
"$RECALL" take "$BANK" --class 9C --student s30 --time-limit 2s < "$T/fifo" > "$T/timed" 2>&1 &
pid=$!
exec 3> "$T/fifo"
echo 7 >&3
echo 0 >&3
i=0
while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
wait "$pid"
timed_status=$?
exec 3>&-
if [ "$timed_status" -eq 0 ]; then ok "time limit: exit 0"; else not_ok "time limit: exit 0" "got $timed_status"; fi
expect_grep "time limit: the time left is shown" "$T/timed" "1/5 · a number · 0:02 left"
expect_grep "time limit: says time is up" "$T/timed" "Time is up."
expect_grep "time limit: the unanswered count against the score" "$T/timed" "Score: 1 of 5 points (20%)"
q "select s.status, s.score, s.max_score, s.time_limit_ms, count(r.id) from session s
   join learner l on l.id = s.learner_id left join response r on r.session_id = s.id
   where l.name = 's30' and s.time_limit_ms is not null group by s.id" > "$T/s"
expect_text "time limit: timeout, both answers kept" "$T/s" "timeout|1.0|5.0|2000|2"
"$RECALL" class set --class 9C --time-limit 20m > /dev/null
run "$RECALL" take "$BANK" --class 9C --student s29 --time-limit 5m < /dev/null
expect_status "a time limit other than the class's: exit 2" 2
"$RECALL" class set --class 9C --time-limit none > /dev/null

# The hot seat through a pipe: three students, an id not on the roster, then
# an empty line ends it.
q "delete from response; delete from session;"
cat > "$T/seat" <<'EOF'
s01
7
7
7
7
7
nobody
s02
7
0
0
0
0
s03
0
0
0
0
0

EOF
run "$RECALL" class run "$BANK" --class 9C < "$T/seat"
expect_status "hot seat: exit 0" 0
expect_grep "hot seat: an id not on the roster" "$T/err" "'nobody' is not on the roster of class '9C'"
expect_grep "hot seat: the end" "$T/out" "The hot seat has ended: 3 exams recorded in class 9C."
q "select l.name || ' ' || s.status || ' ' || s.score from session s join learner l
   on l.id = s.learner_id order by s.id" > "$T/s"
printf 's01 complete 5.0\ns02 complete 1.0\ns03 complete 0.0\n' > "$T/want"
expect_file "hot seat: each exam under its student" "$T/s" "$T/want"
# A script's transcript shows the question its next line answered.
printf 's01\nn\n\n' > "$T/seat"
run "$RECALL" class run "$BANK" --class 9C < "$T/seat"
expect_grep "hot seat in a pipe: the [y/N] question is shown" "$T/out" \
	"s01 has taken this exam already (1 time). Take it again? [y/N]"

run "$RECALL" class run "$BANK" --class 9C --mode practice < /dev/null
expect_status "class run with a setting: exit 2" 2
run "$RECALL" class run --class 9C < /dev/null
expect_status "class run with no bank: exit 2" 2
