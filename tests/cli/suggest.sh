#!/bin/sh
# suggest.sh - a slip on the command line gets a "did you mean": commands,
# kinds, tags, question ids; --bank takes words of a title; a --db whose
# folder does not exist is an error, not a new empty database.
. "$(dirname "$0")/../lib.sh"
BANK=quizzes/china-fentanyl-sanctions.yaml
export RECALL_DB="$T/recall.db"

run "$RECALL" tkae "$BANK"
expect_status "a misspelt command: exit 2" 2
expect_text "a misspelt command: did you mean" "$T/err" "recall: no command 'tkae'; did you mean 'take'?"
run "$RECALL" help chek
expect_text "help with a misspelt command: did you mean" "$T/err" \
	"recall: no command 'chek'; did you mean 'check'?"
run "$RECALL" zzzzzz
expect_grep "a command nothing is close to: --help lists them" "$T/err" "'recall --help' lists them"
printf 'x\033]0;t\007y\n' > "$T/name"
run "$RECALL" "$(cat "$T/name")"
if grep -q "$(printf '\033')" "$T/err"; then not_ok "an unknown command is shown sanitised"
else ok "an unknown command is shown sanitised"; fi

run "$RECALL" take --no-save --tag westhof "$BANK" < /dev/null
expect_status "a misspelt tag: exit 1" 1
expect_grep "a misspelt tag: did you mean" "$T/err" "no question has the tag 'westhof'; did you mean 'westhoff'?"

run "$RECALL" grade "$BANK" blinken-qin-handshak "18 June 2023"
expect_status "grade, a misspelt id: exit 1" 1
expect_grep "grade, a misspelt id: did you mean" "$T/err" \
	"no question with the id 'blinken-qin-handshak'; did you mean 'blinken-qin-handshake'?"

# --bank: the title, or words of it in a row, in any case.
printf '18 June 2023\n' | "$RECALL" take --limit 1 --user ana "$BANK" > /dev/null 2>&1
for spec in "China ties fentanyl cooperation to sanctions relief" fentanyl "Fentanyl Cooperation"; do
	run "$RECALL" history --user ana --bank "$spec" --color never
	expect_grep "--bank '$spec': the session is listed" "$T/out" "complete"
done
run "$RECALL" history --user ana --bank fent --color never
expect_status "--bank with part of a word: no match, exit 1" 1

# A --db in a folder that does not exist: an error, nothing made.
printf '18 June 2023\n' > "$T/answers"
run "$RECALL" take --limit 1 --db "$T/no-such-folder/recall.db" "$BANK" < "$T/answers"
expect_status "take --db in a missing folder: exit 1" 1
expect_grep "take --db in a missing folder: says so" "$T/err" "there is no folder $T/no-such-folder"
if [ -e "$T/no-such-folder" ]; then not_ok "take --db in a missing folder: no folder made"
else ok "take --db in a missing folder: no folder made"; fi
run "$RECALL" history --db "$T/no-such-folder/recall.db"
expect_status "history --db in a missing folder: exit 1" 1
RECALL_DB="$T/other/recall.db" run "$RECALL" stats
expect_status "RECALL_DB in a missing folder: exit 1" 1
