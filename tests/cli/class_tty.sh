#!/bin/sh
# class_tty.sh - the hot seat in a real pseudo-terminal (tmux) for three students:
# ids completed with Tab, the screen cleared between students, a second go
# asked about, each exam recorded under its student; and a time limit whose
# clock ticks in the prompt and runs out while an answer is being typed.
. "$(dirname "$0")/../lib.sh"
BANK="$ROOT/tests/golden/report/trip.yaml"
DB="$T/recall.db"
PANE=seat
TTY_ROWS=40
. "$ROOT/tests/tty.sh"

printf 'id,name\nana,Ana Lima\nben,Ben Okafor\ncyd,Cyd Ng\n' > "$T/roster.csv"
"$RECALL" roster import "$T/roster.csv" --class 5A --db "$DB" > /dev/null
"$RECALL" class set --class 5A --order bank --db "$DB" > /dev/null

# answer_all A B C D: the four answers of the trip bank, each after its question.
answer_all() {
	n=1
	for a in "$@"; do
		wait_screen "$n/4 · " > /dev/null
		keys "$a" Enter
		n=$((n + 1))
	done
}

start "'$RECALL' class run '$BANK' --class 5A"
check_screen "hot seat: asks for an id" "Student id:"
keys "a" Tab
check_screen "hot seat: Tab completes a roster id" "Student id: ana"
keys Enter
check_screen "hot seat: the student's exam, named" "5A · Ana Lima (ana) · 4 questions · exam mode"
answer_all 7 Paris Lima true
check_screen "hot seat: the student's score" "Score: 4 of 4 points (100%)"
check_screen "hot seat: waits for Enter" "Press Enter for the next student."
keys Enter
wait_screen "1 exam recorded so far" > /dev/null
screen
if grep -q "Score: 4 of 4" "$T/screen"; then
	not_ok "hot seat: the screen is cleared for the next student" "$(cat "$T/screen")"
else
	ok "hot seat: the screen is cleared for the next student"
fi
keys "ben" Enter
check_screen "hot seat: the second student" "5A · Ben Okafor (ben)"
answer_all 7 Rome Quito false
keys Enter
wait_screen "2 exams recorded so far" > /dev/null
keys "ana" Enter
check_screen "hot seat: a second go is asked about" "ana has taken this exam already (1 time). Take it again? [y/N]"
keys "n" Enter
wait_gone "Take it again?"
keys "cy" Tab Enter
check_screen "hot seat: the third student" "5A · Cyd Ng (cyd)"
answer_all 7 Paris Cusco true
keys Enter
wait_screen "3 exams recorded so far" > /dev/null
keys ":end" Enter
check_screen "hot seat: ended by the teacher" "The hot seat has ended: 3 exams recorded in class 5A."
check_screen "hot seat: exit 0" "EXIT=0"
sqlite3 "$DB" "select l.name, s.status, s.score, s.mode from session s join learner l on l.id = s.learner_id
	join class c on c.id = s.class_id order by s.id" > "$T/s"
printf 'ana|complete|4.0|exam\nben|complete|1.0|exam\ncyd|complete|3.0|exam\n' > "$T/want"
expect_file "hot seat: each exam recorded under its student" "$T/s" "$T/want"
if [ -s "$T/state/recall/history" ]; then not_ok "hot seat: no readline history kept"; else ok "hot seat: no readline history kept"; fi

# Ctrl-D at the id prompt ends the hot seat too.
start "'$RECALL' class run '$BANK' --class 5A"
wait_screen "Student id:" > /dev/null
keys C-d
check_screen "hot seat: Ctrl-D ends it" "The hot seat has ended: 0 exams recorded"

# A time limit: the clock in the prompt keeps time while waiting, and when
# it runs out mid-answer the session ends as timeout with the answers given.
start "'$RECALL' take '$BANK' --class 5A --student cyd --time-limit 4s"
check_screen "time limit: the time left at the question" "1/4 · a number · 0:04 left"
check_screen "time limit: the time left in the prompt" "[0:04] ›"
keys "7" Enter
wait_screen "2/4" > /dev/null
keys "Par"
check_screen "time limit: the prompt's clock is redrawn while waiting" "[0:01] › Par"
check_screen "time limit: time runs out mid-answer" "Time is up."
check_screen "time limit: the score counts what was answered" "Score: 1 of 4 points (25%)"
check_screen "time limit: exit 0" "EXIT=0"
sqlite3 "$DB" "select s.status, count(r.id), group_concat(r.answer) from session s join learner l
	on l.id = s.learner_id left join response r on r.session_id = s.id where l.name = 'cyd'
	and s.time_limit_ms = 4000 group by s.id" > "$T/s"
expect_text "time limit: timeout, the answer given kept, the half-typed one not" "$T/s" "timeout|1|7"
