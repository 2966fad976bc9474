#!/bin/sh
# take_tty.sh - `recall take` in a real pseudo-terminal (tmux): readline line
# editing, history, completion, :hint, :skip, :override, Ctrl-C, what the
# screen shows, and what the database holds afterwards.
. "$(dirname "$0")/../lib.sh"
BANK=quizzes/china-fentanyl-sanctions.yaml
DB="$T/recall.db"
PANE=quiz
TTY_ROWS=50
. "$ROOT/tests/tty.sh"

start "'$RECALL' take --seed 5 --limit 5 --user tty $BANK"
check_screen "the first question is shown" "1/5 · 0 right · a date"

# Line editing: type the end, go to the start with Ctrl-A, add the start.
keys "une 18, 2023" C-a "J" Enter
check_screen "Ctrl-A edits the line: the answer is right" "✓ Right"
check_screen "the passage is cited" "¶1 · content/china-fentanyl-sanctions.md:7"

# Completion of in-quiz commands.
wait_screen "2/5 · 1 right" > /dev/null
keys ":hi" Tab
check_screen "Tab completes :hint" "› :hint"
keys Enter
check_screen ":hint gives the year" "The year is 2023."
keys "June 2023" Enter
check_screen "a hinted answer earns half credit" "✓ Right (50% credit, hint used)"

wait_screen "3/5 · 2 right" > /dev/null
keys "2019" Enter
check_screen "a wrong answer is marked wrong" "✗ Wrong"
check_screen "the right answer is given" "The answer: 2018"
wait_screen "4/5 · 2 right" > /dev/null
keys ":override" Enter
check_screen ":override counts the last answer" "Your last answer now counts as right."
keys ":skip" Enter
check_screen ":skip skips" "→ Skipped"

# History: the Up arrow brings back the last answer typed (2019), right here.
wait_screen "5/5" > /dev/null
keys Up
check_screen "Up recalls the last answer" "› 2019"
keys Enter
check_screen "the scorecard" "Score: 3.5 of 5 points (70%) · 4 of 5 right"
check_screen "exit status 0" "EXIT=0"

sqlite3 "$DB" "select r.seq, r.answer, r.verdict, r.graded_credit, r.credit, r.hints,
	r.override from response r order by r.seq" > "$T/q"
cat > "$T/want" <<'WANT'
1|June 18, 2023|correct|1.0|1.0|0|0
2|June 2023|correct|0.5|0.5|1|0
3|2019|wrong|0.0|1.0|0|1
4||skipped|0.0|0.0|0|0
5|2019|correct|1.0|1.0|0|0
WANT
expect_file "the database holds exactly those answers" "$T/q" "$T/want"
sqlite3 "$DB" "select status, score from session" > "$T/q"
expect_text "the session is complete with its score" "$T/q" "complete|3.5"
if grep -qx "2019" "$T/state/recall/history" 2>/dev/null; then ok "readline history is saved"
else not_ok "readline history is saved" "$(cat "$T/state/recall/history" 2>&1)"; fi

# Ctrl-C asks before quitting: no goes on, yes ends the quiz as quit.
start "'$RECALL' take --seed 5 --limit 5 --user quitter $BANK"
wait_screen "1/5 · 0 right" > /dev/null
keys "June 18"
wait_screen "› June 18" > /dev/null
keys C-c
check_screen "Ctrl-C asks before quitting" "Quit this quiz? Your answers so far are kept. [y/N]"
keys "n" Enter
sleep 0.3
screen
if [ "$(grep -v '^ *$' "$T/screen" | tail -n 1)" = "› June 18" ]; then
	ok "after no, the half-typed answer is back"
else not_ok "after no, the half-typed answer is back" "$(tail -n 4 "$T/screen")"; fi
keys ", 2023" Enter
check_screen "after no, the quiz goes on" "2/5 · 1 right"
keys C-d
check_screen "Ctrl-D skips" "→ Skipped"
wait_screen "3/5" > /dev/null
# Enter alone is no answer: the same question waits.
keys Enter Enter
sleep 0.3
screen
if grep -q "4/5" "$T/screen" || [ "$(grep -c 'Skipped' "$T/screen")" -ne 1 ]; then
	not_ok "Enter alone: the question stays" "$(tail -n 8 "$T/screen")"
else ok "Enter alone: the question stays"; fi
keys C-c
wait_screen "[y/N]" > /dev/null
keys C-d
check_screen "Ctrl-D at [y/N] takes the default: the quiz goes on" "3/5"
sleep 0.3
screen
if grep -q "Stopped after" "$T/screen"; then not_ok "Ctrl-D at [y/N] does not quit"
else ok "Ctrl-D at [y/N] does not quit"; fi
keys C-c
wait_screen "Quit this quiz?" > /dev/null
keys "y" Enter
check_screen "after yes, the scorecard" "Stopped after 2 of 5 questions (quit)."
sqlite3 "$DB" "select s.status, count(r.id) from session s join learner l on l.id = s.learner_id
	left join response r on r.session_id = s.id where l.name = 'quitter' group by s.id" > "$T/q"
expect_text "quit: both answers kept, session marked quit" "$T/q" "quit|2"

# An ambiguous answer at a terminal is asked again; only the answer that
# settles the question is recorded.
cp "$ROOT/content/china-fentanyl-sanctions.md" "$T/article.md"
cat > "$T/amb.yaml" <<BANKTEXT
recall: 1
title: Dates
article: article.md
questions:
  - {id: day, kind: date, prompt: Which day?, answer: 2023-06-07, source: "June 18, 2023"}
BANKTEXT
start "'$RECALL' take --user asked-again '$T/amb.yaml'"
wait_screen "1/1" > /dev/null
keys "6/7/2023" Enter
check_screen "ambiguous: the note is shown" "6/7 could be June 7 or 6 July"
keys "7 June 2023" Enter
check_screen "ambiguous: asked again, then right" "Score: 1 of 1 points (100%)"
sqlite3 "$DB" "select group_concat(r.verdict, ' ') from response r join session s
	on s.id = r.session_id join learner l on l.id = s.learner_id
	where l.name = 'asked-again'" > "$T/q"
expect_text "ambiguous: the question counted once" "$T/q" "correct"

# Exam mode keeps no history, and shows no verdict until the end.
rm -f "$T/state/recall/history"
start "'$RECALL' take --mode exam --seed 5 --limit 2 --user examinee $BANK"
wait_screen "1/2 · a date" > /dev/null
keys "June 18, 2023" Enter
check_screen "exam: the answer is only recorded" "Answer recorded."
keys "June 2023" Enter
check_screen "exam: the answer sheet at the end" "Answer sheet"
wait_screen "EXIT=0" > /dev/null
if [ -e "$T/state/recall/history" ] && [ -s "$T/state/recall/history" ]; then
	not_ok "exam: no readline history written" "$(cat "$T/state/recall/history")"
else
	ok "exam: no readline history written"
fi

# A terminal that closes mid-quiz: the answers given are kept, the session
# is marked interrupted.
start "'$RECALL' take --seed 5 --limit 5 --user closer $BANK"
wait_screen "1/5 · 0 right" > /dev/null
keys "June 18, 2023" Enter
wait_screen "2/5" > /dev/null
tmx kill-server
i=0
while [ "$i" -lt 100 ]; do
	st=$(sqlite3 "$DB" "select status from session s join learner l on l.id = s.learner_id
		where l.name = 'closer'")
	[ "$st" != running ] && break
	sleep 0.05
	i=$((i + 1))
done
sqlite3 "$DB" "select s.status, count(r.id) from session s join learner l on l.id = s.learner_id
	left join response r on r.session_id = s.id where l.name = 'closer' group by s.id" > "$T/q"
expect_text "closed terminal: the answer kept, session interrupted" "$T/q" "interrupted|1"

# A tiny window still works: wrapped, nothing lost.
new_server
tmx -f /dev/null new-session -d -s quiz -x 30 -y 12 \
	"cd '$ROOT' && env HOME='$T/home' TERM=xterm-256color LC_ALL=C.UTF-8 INPUTRC=/dev/null \
	 '$RECALL' take --no-save --seed 5 --limit 1 $BANK; echo \"EXIT=\$?\"; sleep 60"
wait_screen "› " > /dev/null
keys "18 June 2023" Enter
check_screen "a 30-column window: wrapped feedback" "✓ Right"
check_screen "a 30-column window: finishes" "EXIT=0"
