#!/bin/sh
# review_tty.sh - `recall review` and `recall study` in a real pseudo-terminal (tmux): the
# questions due, the pause between sections, :passage, Ctrl-C, the summary at the end.
. "$(dirname "$0")/../lib.sh"
BANK=quizzes/china-fentanyl-sanctions.yaml
DB="$T/recall.db"
PANE=quiz
TTY_ROWS=50
. "$ROOT/tests/tty.sh"

# Day 1: one right, one wrong.
printf 'June 18, 2023\n1999\n' | RECALL_DB="$DB" RECALL_NOW=2026-03-01T10:00 TZ=UTC \
	"$RECALL" take --user tty --order bank --limit 2 "$BANK" > /dev/null 2>&1

start "TZ=UTC '$RECALL' review --user tty --now 2026-03-02T09:00"
check_screen "review: the missed question is due the next day" "review · 1 question due"
check_screen "review: it is asked as in take" "1/1 · 0 right · a date"
keys "June 2023" Enter
check_screen "review: graded with feedback" "✓ Right"
check_screen "review: what is due next" "Due: 0 today, 1 tomorrow, 1 more this week"
check_screen "review: exit status 0" "EXIT=0"

start "TZ=UTC '$RECALL' review --user tty --now 2026-03-03T09:00"
check_screen "review: the known question is due on its day" "On what date did Antony Blinken and Qin Gang"
keys C-c
check_screen "review: Ctrl-C asks before quitting" "Quit this quiz?"
keys y Enter
check_screen "review: quitting still shows what is due" "Due: 1 today"
check_screen "review: exit status 0 after a quit" "EXIT=0"

start "TZ=UTC RECALL_NOW=2026-03-03T10:00 '$RECALL' study --user tty $BANK"
check_screen "study: the first section is shown" "— section 1 of 4 · ¶1–8 —"
check_screen "study: then its first question" "1/"
keys ":passage" Enter
check_screen "study: :passage shows the section again" "— section 1 of 4, again —"
keys ":quit" Enter
check_screen "study: :quit ends with the score" "Stopped after 0 of"
check_screen "study: exit status 0" "EXIT=0"
if [ "$(sqlite3 "$DB" "SELECT mode || ' ' || status FROM session ORDER BY id DESC LIMIT 1")" = "study quit" ]; then
	ok "study: recorded as a study session that was quit"
else
	not_ok "study: recorded as a study session that was quit"
fi

# In a narrow window the study header breaks between words, never inside one.
TTY_COLS=60
start "TZ=UTC RECALL_NOW=2026-03-03T10:00 '$RECALL' study --user narrow $BANK"
check_screen "study at 60 columns: the header is shown" "— section 1 of"
if grep -q "shows the$" "$T/screen" && grep -q "^section again, :help for commands" "$T/screen"; then
	ok "study at 60 columns: no word broken across lines"
else
	not_ok "study at 60 columns: no word broken across lines" "$(cat "$T/screen")"
fi
keys ":quit" Enter
check_screen "study at 60 columns: exit status 0" "EXIT=0"
