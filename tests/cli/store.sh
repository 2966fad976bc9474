#!/bin/sh
# store.sh - the results database: answers survive kill -9, and a database that cannot be used is refused untouched
. tests/lib.sh
export TZ=UTC COLUMNS=80
FILL="$RECALL_BUILD/helpers/store_fill"
DB="$T/recall.db"

cat > "$T/bank.txt" <<'EOF_BANK'
bank|00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff|Kill test|/banks/kill.yaml
question|q1|date|1|When?|2023
question|q2|actor|1|Who?|Qin Gang
session|dana|practice|||200|
EOF_BANK

# A process recording answers, killed with SIGKILL at a different point each
# time: every answer it reported recorded is there, the database is sound,
# and the next start marks the session interrupted.
round=0
for stop_after in 3 17 41; do
	round=$((round + 1))
	{
		cat "$T/bank.txt"
		i=0
		while [ $i -lt 200 ]; do
			i=$((i + 1))
			echo "answer|q$((i % 2 + 1))|correct|1|0|0|100||answer number $i"
			echo "sleep|5"
		done
	} > "$T/script.txt"
	: > "$T/progress"
	: > "$T/fill-err"
	"$FILL" "$DB" < "$T/script.txt" >> "$T/progress" 2>> "$T/fill-err" &
	pid=$!
	tries=0
	while [ "$(wc -l < "$T/progress")" -lt $stop_after ] && [ $tries -lt 400 ]; do
		sleep 0.02
		tries=$((tries + 1))
	done
	kill -9 $pid
	wait $pid 2> /dev/null
	reported=$(wc -l < "$T/progress")
	stored=$(sqlite3 "$DB" "SELECT count(*) FROM response r JOIN session s ON s.id = r.session_id WHERE s.id = $round")
	if [ "$reported" -ge $stop_after ] && [ "$stored" -ge "$reported" ] && [ "$stored" -le $((reported + 1)) ]; then
		ok "kill -9 after $stop_after answers: all $reported reported answers are stored"
	else
		not_ok "kill -9 after $stop_after answers: all reported answers are stored" \
			"reported $reported, stored $stored" "$(cat "$T/fill-err")"
	fi
	run sqlite3 "$DB" "PRAGMA integrity_check;"
	expect_text "kill -9 after $stop_after answers: integrity_check" "$T/out" "ok"
	run sqlite3 "$DB" "SELECT status FROM session WHERE id = $round;"
	expect_text "kill -9 after $stop_after answers: the session is still marked running" "$T/out" "running"
	run "$RECALL" history --db "$DB" --user dana --limit 1
	expect_grep "kill -9 after $stop_after answers: the next start shows it interrupted" "$T/out" "interrupted"
	run sqlite3 "$DB" "SELECT status, score = $stored, ended_at = (SELECT max(answered_at) FROM response WHERE session_id = $round) FROM session WHERE id = $round;"
	expect_text "kill -9 after $stop_after answers: interrupted, its score and last answer kept" "$T/out" "interrupted|1|1"
done

# --- Databases that cannot be used: a message, exit 1, the file untouched.

# no_side_files NAME PATH: SQLite left no journal beside PATH.
no_side_files() {
	if [ -e "$2-wal" ] || [ -e "$2-shm" ] || [ -e "$2-journal" ]; then
		not_ok "$1" "$(ls -la "$(dirname "$2")")"
	else
		ok "$1"
	fi
}

printf 'These are my notes.\nNot a database.\n' > "$T/notes.db"
cp "$T/notes.db" "$T/notes.orig"
for cmd in history stats export; do
	run "$RECALL" $cmd --db "$T/notes.db" --user alice
	expect_status "$cmd on a file that is not a database" 1
	expect_text "$cmd on a file that is not a database: the message" "$T/err" \
		"recall $cmd: $T/notes.db is not a recall database (not an SQLite file)"
	expect_empty "$cmd on a file that is not a database: no output" "$T/out"
done
expect_file "a file that is not a database is left as it was" "$T/notes.db" "$T/notes.orig"
no_side_files "and nothing is left beside it" "$T/notes.db"

sqlite3 "$T/contacts.db" "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');"
cp "$T/contacts.db" "$T/contacts.orig"
run "$RECALL" history --db "$T/contacts.db"
expect_status "another program's database" 1
expect_grep "another program's database: the message" "$T/err" \
	"contacts.db is an SQLite database, but not recall's"
expect_file "another program's database is left as it was" "$T/contacts.db" "$T/contacts.orig"

"$FILL" "$T/newer.db" < "$T/bank.txt" > /dev/null
sqlite3 "$T/newer.db" "PRAGMA user_version = 42;"
cp "$T/newer.db" "$T/newer.orig"
"$FILL" "$T/known.db" < "$T/bank.txt" > /dev/null
known=$(sqlite3 "$T/known.db" "PRAGMA user_version")
run "$RECALL" stats --db "$T/newer.db" --user dana
expect_status "a database from a newer recall" 1
expect_text "a database from a newer recall: the message" "$T/err" \
	"recall stats: $T/newer.db was written by a newer recall (schema version 42; this one knows up to $known); upgrade recall to use it"
expect_file "a database from a newer recall is left as it was" "$T/newer.db" "$T/newer.orig"
no_side_files "and nothing is left beside it" "$T/newer.db"
run "$FILL" "$T/newer.db" < "$T/bank.txt"
expect_status "a newer database is refused for writing too" 3
expect_file "and is left as it was" "$T/newer.db" "$T/newer.orig"

# Another process holds the database exclusively for longer than the timeout.
mkfifo "$T/lock"
: > "$T/locker-out"
sqlite3 "$DB" < "$T/lock" > "$T/locker-out" 2>&1 &
locker=$!
exec 3> "$T/lock"
printf "PRAGMA locking_mode = EXCLUSIVE;\nBEGIN EXCLUSIVE;\nSELECT count(*) FROM session;\nSELECT 'held';\n" >&3
tries=0
while ! grep -q held "$T/locker-out" && [ $tries -lt 500 ]; do
	sleep 0.02
	tries=$((tries + 1))
done
RECALL_BUSY_TIMEOUT=200 run "$RECALL" history --db "$DB" --user dana
expect_status "a database locked beyond the timeout" 1
expect_grep "a locked database: the message" "$T/err" \
	"$T/recall.db is locked by another process (waited 200 ms); try again, or set RECALL_BUSY_TIMEOUT to wait longer"
RECALL_BUSY_TIMEOUT=200 run "$FILL" "$DB" < "$T/bank.txt"
expect_status "a locked database is refused for writing" 3
exec 3>&-
wait $locker
run sqlite3 "$DB" "SELECT count(*) FROM session;"
expect_text "the locked database gained nothing" "$T/out" "3"

# A read-only folder: as root every write succeeds, so try as nobody.
as_other() {
	if [ "$(id -u)" -ne 0 ]; then
		"$@"
	elif command -v setpriv > /dev/null 2>&1; then
		setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
	else
		return 125
	fi
}
chmod 755 "$T"
mkdir "$T/readonly"
"$FILL" "$T/readonly/recall.db" < "$ROOT/tests/helpers/store_sample.txt" > /dev/null
"$RECALL" history --db "$T/readonly/recall.db" -a > /dev/null  # carol's session marked now
chmod 555 "$T/readonly"
chmod 644 "$T/readonly/recall.db"
cp "$T/readonly/recall.db" "$T/readonly.orig"
as_other "$FILL" "$T/readonly/new.db" < "$T/bank.txt" > "$T/out" 2> "$T/err"
status=$?
if [ $status -eq 125 ]; then
	ok "# skip no way to run as another user"
else
	expect_status "a new database in a read-only folder is refused" 3
	expect_text "a read-only folder: the message" "$T/err" \
		"store_fill: cannot create the database $T/readonly/new.db: the folder $T/readonly is not writable (Permission denied)"
	if [ -e "$T/readonly/new.db" ]; then not_ok "and nothing is created"; else ok "and nothing is created"; fi
	as_other "$FILL" "$T/readonly/recall.db" < "$T/bank.txt" > "$T/out" 2> "$T/err"
	status=$?
	expect_status "an existing database that cannot be written is refused for writing" 3
	expect_grep "its message" "$T/err" "$T/readonly/recall.db is not writable"
	as_other "$RECALL" history --db "$T/readonly/recall.db" --user alice > "$T/out" 2> "$T/err"
	status=$?
	expect_status "results can still be read from a read-only folder" 0
	expect_grep "and are all there" "$T/out" "2024-05-06 18:45  China ties fentanyl cooper…  practice    6/6 100%  complete"
	expect_file "the read-only database is left as it was" "$T/readonly/recall.db" "$T/readonly.orig"
	no_side_files "and nothing is left beside it" "$T/readonly/recall.db"
fi
chmod 755 "$T/readonly"
