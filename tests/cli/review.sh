#!/bin/sh
# review.sh - `recall review` over simulated days: missed questions come back the next day, known ones later
. tests/lib.sh
export TZ=UTC COLUMNS=80 NO_COLOR=1
mkdir -p "$T/quizzes" "$T/content"
cp "$ROOT/quizzes/china-fentanyl-sanctions.yaml" "$T/quizzes/"
cp "$ROOT/content/china-fentanyl-sanctions.md" "$T/content/"
BANK="$T/quizzes/china-fentanyl-sanctions.yaml"
export RECALL_DB="$T/recall.db" RECALL_USER=alice
Q1="On what date did Antony Blinken and Qin Gang shake hands in Beijing?"
Q2="In what month and year did Blinken raise the sanctions issue"
Q3="In what year did the U.S.-China Economics and Security Review Commission"
card() { sqlite3 "$RECALL_DB" "SELECT $2 FROM card WHERE qid = '$1'"; }

# Before any answer: nothing to review, and no database made for it.
run "$RECALL" review
expect_status "no database yet: nothing to review is no failure" 0
expect_grep "no database yet: it says how questions get scheduled" "$T/out" "No questions to review yet"
if [ ! -e "$RECALL_DB" ]; then ok "no database is made by looking"; else not_ok "no database is made by looking"; fi

# Day 1: the first three questions, the second one missed.
printf 'June 18, 2023\n1999\n2018\n' > "$T/day1"
RECALL_NOW=2026-03-01T10:00 run "$RECALL" take --order bank --limit 3 "$BANK" < "$T/day1"
expect_status "day 1: take records three answers" 0
if [ "$(sqlite3 "$RECALL_DB" 'SELECT count(*) FROM card')" = 3 ]; then
	ok "each answer gives its question a card"
else
	not_ok "each answer gives its question a card" "$(sqlite3 "$RECALL_DB" 'SELECT * FROM card')"
fi
if [ "$(card blinken-raised-issue-month "date(due / 1000, 'unixepoch')")" = 2026-03-02 ] &&
	[ "$(card blinken-qin-handshake "date(due / 1000, 'unixepoch')")" = 2026-03-03 ]; then
	ok "the missed question is due the next day, the right ones two days on"
else
	not_ok "the missed question is due the next day, the right ones two days on" \
		"$(sqlite3 "$RECALL_DB" "SELECT qid, date(due / 1000, 'unixepoch') FROM card")"
fi

# take --missed asks what the last session missed, and nothing else.
RECALL_NOW=2026-03-01T10:30 run "$RECALL" take --no-save --missed "$BANK" < /dev/null
expect_grep "take --missed: one question was missed" "$T/out" "1 question · practice mode"
expect_grep "take --missed asks the missed question" "$T/out" "$Q2"
expect_no_grep "take --missed does not ask the others" "$T/out" "$Q1"
run "$RECALL" take --missed --user nobody "$BANK" < /dev/null
expect_status "take --missed with no session of the bank is a problem" 1
expect_grep "and says so" "$T/err" "nobody has no session of this bank yet"

run "$RECALL" review --now 2026-03-01T18:00
expect_status "later that day: nothing to review is no failure" 0
cat > "$T/expected" <<'OUT'
Nothing is due for review now; --new N asks questions never answered.
Due: 0 today, 1 tomorrow, 2 more this week.
Next review: 2026-03-02.
OUT
expect_file "later that day: nothing due, and what comes when" "$T/out" "$T/expected"

# Day 2: only the missed question is due.
printf 'June 2023\n' > "$T/day2"
run "$RECALL" review --now 2026-03-02T08:00 < "$T/day2"
expect_status "day 2: the review runs" 0
expect_grep "day 2: the missed question is asked" "$T/out" "$Q2"
expect_grep "day 2: one question is due" "$T/out" "review · 1 question due"
expect_no_grep "day 2: a question answered right is not asked" "$T/out" "$Q1"
expect_grep "day 2: the answer is graded as in take" "$T/out" "Right"
expect_grep "day 2: what is due next" "$T/out" "Due: 0 today, 2 tomorrow, 1 more this week"
if [ "$(sqlite3 "$RECALL_DB" "SELECT mode FROM session ORDER BY id DESC LIMIT 1")" = review ]; then
	ok "the review is recorded as a session of mode review"
else
	not_ok "the review is recorded as a session of mode review"
fi

# A higher retention brings reviews forward.
run "$RECALL" review --now 2026-03-02T09:00 --retention 0.97 < /dev/null
expect_grep "--retention 0.97: the questions due tomorrow at 0.9 are due today" "$T/out" \
	"review · 2 questions due"

# Day 3: the two known ones are due; --limit 1 takes the most overdue first.
printf 'June 18, 2023\n' > "$T/day3"
run "$RECALL" review --now 2026-03-03T08:00 --limit 1 < "$T/day3"
expect_grep "--limit 1 asks one question" "$T/out" "review · 1 question due"
expect_grep "the first in the bank's order comes first" "$T/out" "$Q1"
printf '2018\n' > "$T/day3b"
run "$RECALL" review --now 2026-03-03T08:30 < "$T/day3b"
expect_grep "the other one is still due" "$T/out" "$Q3"
if [ "$(card blinken-qin-handshake "date(due / 1000, 'unixepoch')")" = 2026-03-14 ]; then
	ok "a question known twice is pushed out eleven days"
else
	not_ok "a question known twice is pushed out eleven days" \
		"$(card blinken-qin-handshake "date(due / 1000, 'unixepoch')")"
fi
s=$(card blinken-qin-handshake "printf('%.4f', stability)")
if [ "$s" = 10.9643 ]; then ok "its stability is FSRS-6's after Good, Good"; else
	not_ok "its stability is FSRS-6's after Good, Good" "got $s"
fi

# New questions: never answered, from the bank named.
printf 'a\nb\n' > "$T/new"
run "$RECALL" review --now 2026-03-03T09:00 --new 2 "$BANK" < "$T/new"
expect_grep "--new 2 asks two questions never answered" "$T/out" "review · 2 questions due"
expect_grep "the first new one is the bank's next question" "$T/out" "In what year did journalist Ben Westhoff"
if [ "$(sqlite3 "$RECALL_DB" 'SELECT count(*) FROM card')" = 5 ]; then ok "they have cards now"; else
	not_ok "they have cards now"
fi

# A bank that changed keeps the cards of questions whose id and answer stay.
sed 's/^    answer: 2018$/    answer: 2017/' "$BANK" > "$T/changed" && mv "$T/changed" "$BANK"
sed -i 's/"published by the U.S.-China Economics and Security Review Commission in 2018"/"U.S.-China Economics and Security Review Commission"/' "$BANK"
run "$RECALL" check "$BANK"
expect_status "the changed bank compiles" 0
run "$RECALL" review --now 2026-03-20T09:00 < /dev/null
expect_grep "after the change, the unchanged questions are due" "$T/out" "review · 4 questions due"
expect_no_grep "the question whose answer changed is not scheduled by the old one" "$T/out" "$Q3"
printf '2017\n' > "$T/again"
run "$RECALL" take --order bank --only date --limit 3 "$BANK" < "$T/day1"
if [ "$(card issue-brief-year reps)" = 1 ]; then
	ok "answering the changed question starts its card afresh"
else
	not_ok "answering the changed question starts its card afresh" "reps $(card issue-brief-year reps)"
fi
if [ "$(card blinken-qin-handshake reps)" = 3 ]; then
	ok "the unchanged question keeps its card across bank versions"
else
	not_ok "the unchanged question keeps its card across bank versions" "reps $(card blinken-qin-handshake reps)"
fi

# --no-save records nothing, cards included.
before=$(sqlite3 "$RECALL_DB" 'SELECT group_concat(reps) FROM card')
run "$RECALL" take --no-save --order bank --limit 3 "$BANK" < "$T/day1"
if [ "$(sqlite3 "$RECALL_DB" 'SELECT group_concat(reps) FROM card')" = "$before" ]; then
	ok "--no-save leaves the cards alone"
else
	not_ok "--no-save leaves the cards alone"
fi

# An older database: its answers are replayed into cards when it is opened.
sqlite3 "$RECALL_DB" "VACUUM INTO '$T/old.db'"
# (Version 2 had neither the cards of version 3 nor the regrades of version 4.)
sqlite3 "$T/old.db" "DROP TABLE card; DROP TABLE card_replay; DROP TABLE regrade; PRAGMA user_version = 2"
run "$RECALL" stats --db "$T/old.db"
expect_status "an older database opens" 0
if [ "$(sqlite3 "$T/old.db" 'SELECT group_concat(k) FROM (SELECT qid || reps || printf("%.4f", stability) AS k FROM card ORDER BY qid)')" = \
	"$(sqlite3 "$RECALL_DB" 'SELECT group_concat(k) FROM (SELECT qid || reps || printf("%.4f", stability) AS k FROM card ORDER BY qid)')" ]; then
	ok "its past answers are replayed into the same cards"
else
	not_ok "its past answers are replayed into the same cards" \
		"$(sqlite3 "$T/old.db" 'SELECT qid, reps, stability FROM card')"
fi
if [ "$(sqlite3 "$T/old.db" 'PRAGMA user_version')" = "$(sqlite3 "$RECALL_DB" 'PRAGMA user_version')" ]; then
	ok "and it is at the current schema version"
else
	not_ok "and it is at the current schema version"
fi

# Answers merged from another machine become cards too.
printf '2023-06-18\n' | RECALL_NOW=2026-03-01T10:00 RECALL_DB="$T/other.db" RECALL_USER=carol \
	"$RECALL" take --order bank --limit 1 "$BANK" > /dev/null 2>&1
run "$RECALL" merge "$T/other.db"
expect_status "another database merges" 0
if [ "$(sqlite3 "$RECALL_DB" "SELECT c.qid || ' ' || c.reps FROM card c JOIN learner l ON l.id = c.learner_id WHERE l.name = 'carol'")" = "blinken-qin-handshake 1" ]; then
	ok "its answers give their learner cards here"
else
	not_ok "its answers give their learner cards here"
fi

# A regrade that accepts an answer moves its card as if it had been right.
printf '1999\n' | RECALL_NOW=2026-03-01T10:00 RECALL_DB="$T/regrade.db" \
	"$RECALL" take --order bank --only date --tag meeting --limit 1 "$BANK" > /dev/null 2>&1
due() { sqlite3 "$T/regrade.db" "SELECT date(due / 1000, 'unixepoch') FROM card WHERE qid = 'blinken-qin-handshake'"; }
was=$(due)
run "$RECALL" regrade --db "$T/regrade.db" --accept blinken-qin-handshake 1999 --user teacher
if [ "$was" = 2026-03-02 ] && [ "$(due)" = 2026-03-03 ]; then
	ok "a regrade replays the cards of the answers it changed"
else
	not_ok "a regrade replays the cards of the answers it changed" "before $was, after $(due)" "$(cat "$T/out" "$T/err")"
fi

# Another learner has nothing due.
run "$RECALL" review --user bob --now 2026-03-20
expect_grep "another learner's cards are their own" "$T/out" "No questions to review yet"

# A bank that cannot be read any more holds up only its own questions.
mkdir -p "$T/gone/quizzes"
cp "$ROOT/quizzes/tokaido-shinkansen.yaml" "$T/gone/quizzes/"
cp -r "$ROOT/content" "$T/gone/"
printf ':skip\n' | RECALL_NOW=2026-02-20T10:00 run "$RECALL" take --limit 1 "$T/gone/quizzes/tokaido-shinkansen.yaml"
rm "$T/gone/quizzes/tokaido-shinkansen.yaml"
run "$RECALL" review --now 2026-03-20T09:00 < /dev/null
expect_status "a bank gone: the review goes on" 0
expect_grep "a bank gone: it says so" "$T/err" "cannot be read from $T/gone/quizzes/tokaido-shinkansen.yaml"
expect_grep "a bank gone: the other banks' questions are asked" "$T/out" "questions due"

# Bad input.
run "$RECALL" review --retention 2
expect_status "--retention out of range is a usage error" 2
expect_grep "and says what it takes" "$T/err" "--retention takes a number from 0.70 to 0.99"
run "$RECALL" review --now yesterday
expect_status "--now that is no time is a usage error" 2
RECALL_NOW=soon run "$RECALL" review
expect_status "RECALL_NOW that is no time is a usage error" 2
run "$RECALL" review --limit 0
expect_status "--limit 0 is a usage error" 2
run "$RECALL" review --now 2026-03-20 "no such bank"
expect_status "a BANK that matches nothing is a problem" 1
expect_grep "and says so" "$T/err" "no bank matches 'no such bank'"
run "$RECALL" review --now 2026-03-20 "China ties fentanyl cooperation to sanctions relief" < /dev/null
expect_grep "a bank named by its title" "$T/out" "questions due"
run "$RECALL" review --help
expect_grep "--help says what review does" "$T/out" "Usage: recall review"
