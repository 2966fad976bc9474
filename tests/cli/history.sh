#!/bin/sh
# history.sh - `recall history`: saved sessions newest first, filters, sanitised titles, no database yet
. tests/lib.sh
export TZ=UTC COLUMNS=80
FILL="$RECALL_BUILD/helpers/store_fill"
DB="$T/recall.db"
ESC=$(printf '\033')

run "$FILL" "$DB" < "$ROOT/tests/helpers/store_sample.txt"
expect_status "the sample results are recorded" 0

# carol's session was left running by a process that is gone: it shows as interrupted.
run "$RECALL" history --db "$DB" --all-users
expect_status "history of everyone" 0
cat > "$T/expected" <<'OUT'
DATE              LEARNER  BANK                MODE      SCORE       STATUS
2024-05-07 07:00  carol    China ties fentan…  practice    1/6  17%  interrupted
2024-05-06 18:45  alice    China ties fentan…  practice    6/6 100%  complete
2024-05-04 08:30  alice    Tokyo 日本 ␛[31mr…  practice    1/2  50%  complete
2024-05-03 09:00  alice    China ties fentan…  exam        2/6  33%  interrupted
2024-05-02 09:00  bob      China ties fentan…  exam        1/6  17%  timeout
2024-05-01 10:00  alice    China ties fentan…  practice  3.5/6  58%  complete
OUT
expect_file "every session, newest first, with its learner" "$T/out" "$T/expected"
expect_empty "nothing on stderr" "$T/err"
expect_no_grep "no escape from a title reaches the terminal" "$T/out" "$ESC"

RECALL_USER=alice run "$RECALL" history --db "$DB"
cat > "$T/expected" <<'OUT'
DATE              BANK                         MODE      SCORE       STATUS
2024-05-06 18:45  China ties fentanyl cooper…  practice    6/6 100%  complete
2024-05-04 08:30  Tokyo 日本 ␛[31mred␛[0m no…  practice    1/2  50%  complete
2024-05-03 09:00  China ties fentanyl cooper…  exam        2/6  33%  interrupted
2024-05-01 10:00  China ties fentanyl cooper…  practice  3.5/6  58%  complete
OUT
expect_file "RECALL_USER picks whose history" "$T/out" "$T/expected"

run "$RECALL" history --db "$DB" --user bob
cat > "$T/expected" <<'OUT'
DATE              BANK                                 MODE  SCORE       STATUS
2024-05-02 09:00  China ties fentanyl cooperation to…  exam    1/6  17%  timeout
OUT
expect_file "--user picks whose history" "$T/out" "$T/expected"

# The bank by its title (case aside), by a hash prefix, by its path.
for bank in "china ties fentanyl cooperation to sanctions relief" a1b2c3d4 A1B2C3D4E5F6 \
	/banks/china-fentanyl-sanctions.yaml; do
	run "$RECALL" history --db "$DB" --user alice --bank "$bank"
	if [ "$status" -eq 0 ] && [ "$(wc -l < "$T/out")" -eq 4 ] && ! grep -q Tokyo "$T/out"; then
		ok "--bank '$bank' picks the China bank's three sessions"
	else
		not_ok "--bank '$bank' picks the China bank's three sessions" "$(cat "$T/out" "$T/err")"
	fi
done
run "$RECALL" history --db "$DB" --user alice -b ffee0011
expect_grep "--bank by hash prefix: the other bank" "$T/out" "2024-05-04 08:30  Tokyo"

run "$RECALL" history --db "$DB" --user alice --bank nope
expect_status "a bank nobody knows is a problem" 1
expect_text "it says which banks there are, sanitised" "$T/err" \
	"recall history: no bank matches 'nope'; the database knows 'China ties fentanyl cooperation to sanctions relief', 'Tokyo 日本 ␛[31mred␛[0m notes'"
expect_empty "and prints no table" "$T/out"

run "$RECALL" history --db "$DB" --all-users --limit 2
cat > "$T/expected" <<'OUT'
DATE              LEARNER  BANK                MODE      SCORE       STATUS
2024-05-07 07:00  carol    China ties fentan…  practice    1/6  17%  interrupted
2024-05-06 18:45  alice    China ties fentan…  practice    6/6 100%  complete
OUT
expect_file "--limit keeps the newest" "$T/out" "$T/expected"

# Wider terminals show more of a title, up to 100 columns.
COLUMNS=120 run "$RECALL" history --db "$DB" --user alice
expect_grep "a wider terminal shows more of a title" "$T/out" \
	"2024-05-06 18:45  China ties fentanyl cooperation to sanctions r…  practice    6/6 100%  complete"
expect_grep "and pads the shorter ones" "$T/out" \
	"2024-05-04 08:30  Tokyo 日本 ␛[31mred␛[0m notes                    practice    1/2  50%  complete"

run "$RECALL" history --db "$DB" --user alice --color=always
expect_grep "--color=always: a bold header" "$T/out" "${ESC}[1mDATE"
expect_grep "--color=always: the status coloured" "$T/out" "${ESC}[32mcomplete${ESC}[0m"
if [ "$(grep -o "$ESC" "$T/out" | wc -l)" -eq $((2 + 4 * 2)) ]; then
	ok "only recall's own styles are escapes"
else
	not_ok "only recall's own styles are escapes" "$(cat -v "$T/out")"
fi
NO_COLOR=1 run "$RECALL" history --db "$DB" --user alice --color=auto
expect_no_grep "--color=auto off a terminal: no colour" "$T/out" "$ESC"

RECALL_DB="$DB" run "$RECALL" history --user bob
expect_grep "RECALL_DB names the database" "$T/out" "timeout"

# Nothing saved yet: say so, and create nothing.
run "$RECALL" history --user alice
expect_status "no database yet is no error" 0
expect_text "it says there is nothing yet" "$T/out" "No sessions recorded yet (alice · all banks)."
if [ -e "$T/data/recall" ]; then not_ok "looking creates no database" "$(ls -R "$T/data")"; else
	ok "looking creates no database"; fi
run "$RECALL" history --db "$DB" --user zed
expect_text "a learner with no sessions" "$T/out" "No sessions recorded yet (zed · all banks)."

run "$RECALL" history --help
expect_status "--help" 0
expect_grep "--help shows the usage" "$T/out" "Usage: recall history [OPTIONS]"
run "$RECALL" help history
expect_grep "recall help history" "$T/out" "--all-users"
run "$RECALL" history --bogus
expect_status "an unknown option is a usage error" 2
expect_text "it names the option" "$T/err" "recall history: unknown option '--bogus'
Try 'recall history --help'."
run "$RECALL" history --db "$DB" extra
expect_status "an argument is a usage error" 2
run "$RECALL" history --db "$DB" --user alice --all-users
expect_status "--user with --all-users is a usage error" 2
run "$RECALL" history --db "$DB" --limit 0
expect_status "--limit 0 is a usage error" 2
run "$RECALL" history --db
expect_status "--db without a value is a usage error" 2
run "$RECALL" history --db "$DB" --color=sometimes
expect_status "a bad --color is a usage error" 2

# One session's answer sheet.
run "$RECALL" history --db "$DB" --user alice 4
expect_status "history N: the Nth newest session's answer sheet" 0
cat > "$T/expected" <<'OUT'
China ties fentanyl cooperation to sanctions relief
2024-05-01 10:00 · practice · 3.5 of 6 points (58%) · complete · session 0edb1866

1. On what date did Antony Blinken and Qin Gang shake hands in Beijing?
   answer: June 18, 2023
   correct
2. Which foreign minister, since ousted, met Blinken in Beijing?
   answer: Wang Yi
   wrong · right answer: Qin Gang
3. The 2018 issue brief called China the largest source of illicit fentanyl in
   the US.
   answer: yes
   correct
4. Who went undercover in a fentanyl lab outside Shanghai?
   answer: a
   correct (0.5 of 1 points)
5. China suspended counternarcotics efforts in protest of {{Nancy Pelosi}}'s
   visit to {{Taiwan}}.
   answer: Pelosi; Taipei
   partial (1 of 2 points) · right answer: Nancy Pelosi; Taiwan
OUT
sed -i 's/session [0-9a-f]\{8\}$/session ID/' "$T/out"
sed -i 's/session [0-9a-f]\{8\}$/session ID/' "$T/expected"
expect_file "each question, the answer as typed, the verdict and the right answer" "$T/out" "$T/expected"
id=$(sqlite3 "$DB" "SELECT substr(s.uuid, 1, 8) FROM session s JOIN learner l ON l.id = s.learner_id WHERE l.name = 'alice' ORDER BY started_at LIMIT 1")
run "$RECALL" history --db "$DB" --user alice "$id"
expect_grep "a session by the start of its id" "$T/out" "answer: Wang Yi"
run "$RECALL" history --db "$DB" --user alice --last
expect_grep "--last is the newest session" "$T/out" "2024-05-06 18:45 · practice · 6 of 6 points (100%)"
run "$RECALL" history --db "$DB" --all-users --last
expect_grep "--last --all-users: carol's running session, marked interrupted" "$T/out" "interrupted"
run "$RECALL" history --db "$DB" --user alice 2
expect_no_grep "no escape from a title or answer reaches the terminal" "$T/out" "$ESC"
run "$RECALL" history --db "$DB" --user alice 9
expect_status "a session beyond the list is a problem" 1
expect_grep "and says how many there are" "$T/err" "there are 4 sessions, not 9"
run "$RECALL" history --db "$DB" --user alice ffffffff
expect_status "an unknown id is a problem" 1
run "$RECALL" history --db "$DB" xyz
expect_status "a SESSION that is neither is a usage error" 2
run "$RECALL" history --db "$DB" --last 2
expect_status "--last with a SESSION is a usage error" 2

# An id whose first eight characters are all digits is still an id.
sqlite3 "$DB" "UPDATE session SET uuid = '12345678' || substr(uuid, 9) WHERE id = (SELECT min(s.id) FROM session s JOIN learner l ON l.id = s.learner_id WHERE l.name = 'alice')"
run "$RECALL" history --db "$DB" --user alice 12345678
expect_status "a session id of eight digits: exit 0" 0
expect_grep "a session id of eight digits is an id, not a count" "$T/out" "session 12345678"
