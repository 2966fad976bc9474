#!/bin/sh
# stats.sh - `recall stats`: scores and their trend, credit by kind, the questions most often missed
. tests/lib.sh
export TZ=UTC COLUMNS=80
# The review schedule is read at a fixed time, a day after the last answer.
export RECALL_NOW=2024-05-08T12:00
FILL="$RECALL_BUILD/helpers/store_fill"
DB="$T/recall.db"
ESC=$(printf '\033')

run "$FILL" "$DB" < "$ROOT/tests/helpers/store_sample.txt"
expect_status "the sample results are recorded" 0

# alice: 3.5/6, 2/6 (interrupted, not counted), 1/2 and 6/6. Hints and
# overrides count as recorded; an overridden wrong answer is no miss.
run "$RECALL" stats --db "$DB" --user alice
expect_status "stats for one learner" 0
cat > "$T/expected" <<'OUT'
alice · all banks

Sessions  4: 3 complete, 1 interrupted
Scores    best 100%, last 100%, mean 69% over 3 finished
Trend     ▅▅█  oldest to newest

Credit by kind
  date    ████████████████████  100%  3 answers
  actor   █████████████▍░░░░░░   67%  3 answers
  number  ████████████████████  100%  1 answer
  text    ░░░░░░░░░░░░░░░░░░░░    0%  1 answer
  claim   █████████████▍░░░░░░   67%  3 answers
  choice  ███████████████░░░░░   75%  2 answers
  cloze   ███████████████░░░░░   75%  2 answers

Most often missed
  100%  1 of 1  capital              Which city ␛]0;owned␇ is the capital?
   33%  1 of 3  largest-source-2018  The 2018 issue brief called China the larg…
   33%  1 of 3  ousted-minister      Which foreign minister, since ousted, met …

Review
  7 questions scheduled: 2 due now, 0 more today, 0 tomorrow, 2 more this week
  retention 88%: 7 of 8 reviews on a later day remembered
  expected recall now 90% (FSRS-6), the mean over the scheduled questions
OUT
expect_file "scores, trend, credit by kind and misses" "$T/out" "$T/expected"
expect_empty "nothing on stderr" "$T/err"
expect_no_grep "no escape from a prompt reaches the terminal" "$T/out" "$ESC"

LC_ALL=C run "$RECALL" stats --db "$DB" --user alice
cat > "$T/expected" <<'OUT'
alice - all banks

Sessions  4: 3 complete, 1 interrupted
Scores    best 100%, last 100%, mean 69% over 3 finished
Trend     ++@  oldest to newest

Credit by kind
  date    ####################  100%  3 answers
  actor   #############.......   67%  3 answers
  number  ####################  100%  1 answer
  text    ....................    0%  1 answer
  claim   #############.......   67%  3 answers
  choice  ###############.....   75%  2 answers
  cloze   ###############.....   75%  2 answers

Most often missed
  100%  1 of 1  capital              Which city ␛]0;owned␇ is the capital?
   33%  1 of 3  largest-source-2018  The 2018 issue brief called China the la...
   33%  1 of 3  ousted-minister      Which foreign minister, since ousted, me...

Review
  7 questions scheduled: 2 due now, 0 more today, 0 tomorrow, 2 more this week
  retention 88%: 7 of 8 reviews on a later day remembered
  expected recall now 90% (FSRS-6), the mean over the scheduled questions
OUT
expect_file "charts in plain ASCII outside a UTF-8 locale" "$T/out" "$T/expected"

# Everyone: bob's timeout counts as finished; carol's vanished session does not.
run "$RECALL" stats --db "$DB" --all-users --missed 2
cat > "$T/expected" <<'OUT'
every learner · all banks

Sessions  6: 3 complete, 1 timeout, 2 interrupted
Scores    best 100%, last 100%, mean 56% over 4 finished
Trend     ▅▂▅█  oldest to newest

Credit by kind
  date    ████████████████░░░░   80%  5 answers
  actor   ███████████████░░░░░   75%  4 answers
  number  ████████████████████  100%  1 answer
  text    ░░░░░░░░░░░░░░░░░░░░    0%  1 answer
  claim   █████████████▍░░░░░░   67%  3 answers
  choice  ███████████████░░░░░   75%  2 answers
  cloze   ███████████████░░░░░   75%  2 answers

Most often missed
  100%  1 of 1  capital              Which city ␛]0;owned␇ is the capital?
   33%  1 of 3  largest-source-2018  The 2018 issue brief called China the larg…

Review
  10 questions scheduled: 4 due now, 0 more today, 1 tomorrow, 2 more this week
  retention 88%: 7 of 8 reviews on a later day remembered
  expected recall now 87% (FSRS-6), the mean over the scheduled questions
OUT
expect_file "everyone's stats, two misses at most" "$T/out" "$T/expected"

run "$RECALL" stats --db "$DB" --user alice --bank ffee0011
cat > "$T/expected" <<'OUT'
alice · Tokyo 日本 ␛[31mred␛[0m notes

Sessions  1: 1 complete
Scores    best 50%, last 50%, mean 50% over 1 finished
Trend     ▅

Credit by kind
  number  ████████████████████  100%  1 answer
  text    ░░░░░░░░░░░░░░░░░░░░    0%  1 answer

Most often missed
  100%  1 of 1  capital  Which city ␛]0;owned␇ is the capital?

Review
  2 questions scheduled: 2 due now, 0 more today, 0 tomorrow, 0 more this week
  retention: no review on a later day yet
  expected recall now 72% (FSRS-6), the mean over the scheduled questions
OUT
expect_file "one bank, named in the heading" "$T/out" "$T/expected"

run "$RECALL" stats --db "$DB" --user carol
cat > "$T/expected" <<'OUT'
carol · all banks

Sessions  1: 1 interrupted
Scores    none finished yet

Credit by kind
  date  ████████████████████  100%  1 answer

Review
  1 question scheduled: 0 due now, 0 more today, 1 tomorrow, 0 more this week
  retention: no review on a later day yet
  expected recall now 95% (FSRS-6), the mean over the scheduled questions
OUT
expect_file "no finished session: no scores, still the answers given" "$T/out" "$T/expected"

run "$RECALL" stats --db "$DB" --user alice --color=always
expect_grep "--color=always: a green bar for a good kind" "$T/out" "${ESC}[32m████"
expect_grep "--color=always: a red one for a poor kind" "$T/out" "${ESC}[31m${ESC}[0m${ESC}[2m░"

run "$RECALL" stats --db "$DB" --user alice --bank "no such bank"
expect_status "an unknown bank is a problem" 1
expect_grep "it is named" "$T/err" "recall stats: no bank matches 'no such bank'"

run "$RECALL" stats --user alice
expect_status "no database yet" 0
expect_text "no database yet: nothing recorded" "$T/out" "No sessions recorded yet (alice · all banks)."

run "$RECALL" stats --help
expect_grep "--help" "$T/out" "Usage: recall stats [OPTIONS]"
run "$RECALL" stats --missed x
expect_status "--missed needs a number" 2
run "$RECALL" stats --db "$DB" now
expect_status "no arguments" 2
