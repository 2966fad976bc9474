#!/bin/sh
# study.sh - `recall study`: a section, its questions, the next; pins; missed ones at the end; recorded
. tests/lib.sh
export TZ=UTC COLUMNS=80 NO_COLOR=1
mkdir -p "$T/quizzes" "$T/content"
cp "$ROOT/content/china-fentanyl-sanctions.md" "$T/content/"
cat > "$T/quizzes/china-fentanyl-sanctions.yaml" <<'YAML'
recall: 1
title: Study order
article: ../content/china-fentanyl-sanctions.md
questions:
  - id: promises
    kind: claim
    prompt: Did the CCP offer more than empty promises?
    answer: false
    source: "has offered only empty promises"
  - id: brief-year
    kind: date
    prompt: In what year was the Issue Brief published?
    answer: 2018
    source: "Security Review Commission in 2018"
  - id: handshake
    kind: date
    prompt: On what date did Blinken and Qin shake hands?
    answer: 2023-06-18
    source: "in Beijing on June 18, 2023"
  - id: pinned
    kind: claim
    prompt: Pinned after the heading Empty promises?
    answer: true
    after: Empty promises
  - id: pinned-paragraph
    kind: claim
    prompt: Pinned after paragraph 2?
    answer: true
    after: ¶2
YAML
BANK="$T/quizzes/china-fentanyl-sanctions.yaml"
export RECALL_DB="$T/recall.db" RECALL_USER=alice RECALL_NOW=2026-03-01T10:00

run "$RECALL" check "$BANK"
expect_status "the bank with pins compiles" 0

# Asked in this order: handshake and the ¶2 pin (section 1), brief-year
# (section 2), promises and the heading pin (section 3); the brief year is
# missed and comes back at the end.
printf 'June 18, 2023\ny\n1999\nn\ny\n2018\n' > "$T/answers"
run "$RECALL" study "$T/content/china-fentanyl-sanctions.md" < "$T/answers"
expect_status "study of an article finds its bank and runs" 0
order=$(grep -n -e '^— section' -e '^On what date did Blinken' -e '^Pinned after paragraph 2' \
	-e '^In what year was the Issue Brief' -e '^Did the CCP' -e '^Pinned after the heading' "$T/out" |
	sed -e 's/^[0-9]*://' -e 's/^\(— section [0-9] of [0-9]\).*/\1/' -e 's/^\([^ ]* [^ ]* [^ ]* [^ ]*\).*/\1/' | tr '\n' '|')
want='— section 1 of|On what date did|Pinned after paragraph 2?|— section 2 of|In what year was|— section 3 of|Did the CCP offer|Pinned after the heading|— section 4 of|In what year was|'
if [ "$order" = "$want" ]; then ok "each section, then its questions and pins, the missed one at the end"; else
	not_ok "each section, then its questions and pins, the missed one at the end" "got:  $order" "want: $want"
fi
expect_grep "the article's text is shown" "$T/out" "It’s been known for years that China has played a key role"
expect_grep "the missed question comes back" "$T/out" "Once more, the 1 question missed on the way:"
expect_grep "the score counts the first answers" "$T/out" "Score: 4 of 5 points (80%)"
if [ "$(sqlite3 "$RECALL_DB" "SELECT mode || ' ' || status || ' ' || score FROM session")" = "study complete 4.0" ]; then
	ok "recorded as a complete session of mode study"
else
	not_ok "recorded as a complete session of mode study" "$(sqlite3 "$RECALL_DB" "SELECT mode, status, score FROM session")"
fi
if [ "$(sqlite3 "$RECALL_DB" "SELECT count(*) FROM response")" = 6 ]; then
	ok "every answer is recorded, the second try too"
else
	not_ok "every answer is recorded, the second try too"
fi
if [ "$(sqlite3 "$RECALL_DB" "SELECT reps || ' ' || lapses FROM card WHERE qid = 'brief-year'")" = "2 0" ] &&
	[ "$(sqlite3 "$RECALL_DB" "SELECT count(*) FROM card")" = 5 ]; then
	ok "the answers feed the review cards"
else
	not_ok "the answers feed the review cards" "$(sqlite3 "$RECALL_DB" "SELECT qid, reps, lapses FROM card")"
fi
run "$RECALL" review --now 2026-03-02T08:00 < /dev/null
expect_grep "the question missed while reading is due the next day" "$T/out" "review · 1 question due"

# A pack keeps the pins.
run "$RECALL" build "$BANK" -o "$T/study.quiz"
expect_status "the bank with pins builds into a pack" 0
run "$RECALL" study --no-save "$T/study.quiz" < "$T/answers"
order=$(grep -n -e '^— section' -e '^On what date did Blinken' -e '^Pinned after paragraph 2' \
	-e '^In what year was the Issue Brief' -e '^Did the CCP' -e '^Pinned after the heading' "$T/out" |
	sed -e 's/^[0-9]*://' -e 's/^\(— section [0-9] of [0-9]\).*/\1/' -e 's/^\([^ ]* [^ ]* [^ ]* [^ ]*\).*/\1/' | tr '\n' '|')
if [ "$order" = "$want" ]; then ok "studied from the pack, in the same order"; else
	not_ok "studied from the pack, in the same order" "got:  $order" "want: $want"
fi

# :passage shows the section again.
sessions=$(sqlite3 "$RECALL_DB" "SELECT count(*) FROM session")
printf ':passage\n:quit\n' > "$T/passage"
run "$RECALL" study --no-save "$BANK" < "$T/passage"
if [ "$(grep -c 'US Secretary of State Antony Blinken (L)' "$T/out")" = 2 ]; then
	ok ":passage shows the section again"
else
	not_ok ":passage shows the section again" "$(head -c 600 "$T/out")"
fi
expect_grep ":quit stops, with the score so far" "$T/out" "Stopped after 0 of 5 questions (quit)."
if [ "$(sqlite3 "$RECALL_DB" "SELECT count(*) FROM session")" = "$sessions" ]; then ok "--no-save records nothing"; else not_ok "--no-save records nothing"; fi

# Bad input.
run "$RECALL" study "$T/nowhere.md"
expect_status "an article with no bank is a problem" 1
expect_grep "and says where it looked" "$T/err" "no bank found for"
run "$RECALL" study
expect_status "no argument is a usage error" 2
run "$RECALL" study --help
expect_grep "--help says what study does" "$T/out" "Usage: recall study"
