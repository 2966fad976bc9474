#!/bin/sh
# merge.sh - `recall merge`: two machines' results folded into one database, the
# same file twice adding nothing, a session further along on the other machine,
# an older schema, and damaged or foreign files that leave the database as it was.
. "$(dirname "$0")/../lib.sh"
BANK="$ROOT/tests/golden/report/trip.yaml"
A="$T/a.db"
B="$T/b.db"

printf 'id,name\ns01,Ana\ns02,Ben\ns03,Cy\n' > "$T/roster.csv"
printf 'id,name\ns03,Cy\ns04,Dee\n' > "$T/roster-b.csv"
"$RECALL" roster import "$T/roster.csv" --class M --db "$A" > /dev/null
"$RECALL" roster import "$T/roster-b.csv" --class M --db "$B" > /dev/null
"$RECALL" roster import "$T/roster-b.csv" --class Other --db "$B" > /dev/null
"$RECALL" class set --class M --order bank --db "$A" > /dev/null
"$RECALL" class set --class M --order bank --db "$B" > /dev/null
take_as() {
	printf '%s\n' 7 Paris Lima "$3" | "$RECALL" take "$BANK" --class M --student "$2" --db "$1" > /dev/null 2>&1
}
take_as "$A" s01 true
take_as "$A" s02 false
take_as "$B" s03 true
take_as "$B" s04 false
printf '7\nParis\n' | "$RECALL" take "$BANK" --user practising --db "$B" > /dev/null 2>&1

# counts DB: rows in every table, one line.
counts() {
	sqlite3 "$1" "select (select count(*) from learner) || ' ' || (select count(*) from bank)
		|| ' ' || (select count(*) from question) || ' ' || (select count(*) from session)
		|| ' ' || (select count(*) from response) || ' ' || (select count(*) from class)
		|| ' ' || (select count(*) from roster)"
}

run "$RECALL" merge --db "$A" "$B"
expect_status "merge: exit 0" 0
expect_text "merge: what was added" "$T/out" \
	"Merged 1 file: 3 sessions added, with 10 answers; new here: 3 learners, 1 class, 3 students on rosters."
counts "$A" > "$T/n"
expect_text "merge: every row is here" "$T/n" "5 1 4 5 18 2 6"
sqlite3 "$A" "select group_concat(student, ' ') from (select student from roster r join class c
	on c.id = r.class_id where c.name = 'M' order by position)" > "$T/r"
expect_text "merge: a roster merged, new students after" "$T/r" "s01 s02 s03 s04"
run "$RECALL" report --class M --db "$A" --format csv
tr -d '\r' < "$T/out" | cut -d, -f1,5,8 > "$T/book"
printf 'id,attempts,best_points\ns01,1,4\ns02,1,3\ns03,1,4\ns04,1,3\n' > "$T/want"
expect_file "merge: the report sees both machines" "$T/book" "$T/want"

sqlite3 "$A" .dump > "$T/dump1"
run "$RECALL" merge --db "$A" "$B"
expect_status "merge twice: exit 0" 0
expect_text "merge twice: nothing new" "$T/out" "Nothing new in 1 file: its 3 sessions were here already."
counts "$A" > "$T/n"
expect_text "merge twice: the counts unchanged" "$T/n" "5 1 4 5 18 2 6"
sqlite3 "$A" .dump > "$T/dump2"
expect_file "merge twice: not a row changed" "$T/dump2" "$T/dump1"
if [ -e "$B-wal" ] || [ -e "$B-shm" ]; then not_ok "the other database is only read"; else ok "the other database is only read"; fi

# A copy taken while a session was under way, then the whole: the session
# is taken further, not added twice.
printf '7\nParis\nLima\ntrue\n' | "$RECALL" take "$BANK" --user late --db "$B" > /dev/null 2>&1
cp "$B" "$T/early.db"
sqlite3 "$T/early.db" "delete from response where seq > 2 and session_id =
	(select s.id from session s join learner l on l.id = s.learner_id where l.name = 'late');
	update session set status = 'running', ended_at = null, score = 2 where learner_id =
	(select id from learner where name = 'late')"
run "$RECALL" merge --db "$A" "$T/early.db"
expect_text "an early copy: the session so far" "$T/out" \
	"Merged 1 file: 1 session added, with 2 answers; 3 sessions were here already; new here: 1 learner."
run "$RECALL" merge --db "$A" "$B"
expect_text "the whole: taken further" "$T/out" \
	"Merged 1 file: 0 sessions added, 1 taken further, with 2 answers; 4 sessions were here already."
sqlite3 "$A" "select s.status, s.score, count(r.id) from session s join learner l on l.id = s.learner_id
	join response r on r.session_id = s.id where l.name = 'late' group by s.id" > "$T/s"
expect_text "the whole: all four answers and the end" "$T/s" "complete|4.0|4"

# A database of the first schema (no classes) merges too.
printf '7\n' | "$RECALL" take "$BANK" --limit 1 --user old --db "$T/v1.db" > /dev/null 2>&1
sqlite3 "$T/v1.db" "drop index session_by_class; drop table roster; drop table class;
	alter table session drop column class_id; alter table session drop column time_limit_ms;
	alter table response drop column chosen; pragma user_version = 1"
run "$RECALL" merge --db "$A" "$T/v1.db"
expect_status "schema 1: exit 0" 0
expect_grep "schema 1: its session added" "$T/out" "Merged 1 file: 1 session added"

# Files that must not be merged: each fails, naming it, and this database
# stays exactly as it was, byte for byte.
sqlite3 "$A" "pragma wal_checkpoint(truncate)" > /dev/null
cp "$A" "$T/a.before"
check_refused() {
	run "$RECALL" merge --db "$A" "$2"
	expect_status "$1: exit 1" 1
	expect_grep "$1: names the file" "$T/err" "recall merge: $2"
	expect_grep "$1: says nothing changed" "$T/err" "$A was not changed"
	sqlite3 "$A" "pragma wal_checkpoint(truncate)" > /dev/null
	expect_file "$1: the database is as it was" "$A" "$T/a.before"
}
printf 'not a database\n' > "$T/text.db"
check_refused "not a database" "$T/text.db"
head -c 9000 "$B" > "$T/cut.db"
check_refused "a truncated database" "$T/cut.db"
cp "$B" "$T/damaged.db"
# Overwrite the header of the second page: SQLite's integrity check sees it.
printf '\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377\377' |
	dd of="$T/damaged.db" bs=1 seek="$(sqlite3 "$B" 'pragma page_size')" conv=notrunc 2>/dev/null
check_refused "a damaged database" "$T/damaged.db"
expect_grep "a damaged database: says so" "$T/err" "damaged"
"$RECALL" take "$BANK" --user nonsense --db "$T/nonsense.db" < /dev/null > /dev/null 2>&1
printf '7\n' | "$RECALL" take "$BANK" --user nonsense --db "$T/nonsense.db" > /dev/null 2>&1
sqlite3 "$T/nonsense.db" "update response set verdict = 'banana'"
check_refused "an answer no recall writes" "$T/nonsense.db"
expect_grep "an answer no recall writes: says what" "$T/err" "an answer of a session is malformed"
sqlite3 "$T/contacts.db" "create table contacts (name text); insert into contacts values ('x')"
check_refused "another program's database" "$T/contacts.db"
cp "$B" "$T/newer.db"
sqlite3 "$T/newer.db" "pragma user_version = 99"
check_refused "a newer recall's database" "$T/newer.db"
# A good file and a bad one: neither is merged.
check_refused "a good file with a bad one" "$T/text.db"
run "$RECALL" merge --db "$A" "$T/early.db" "$T/text.db"
expect_status "a good file with a bad one: exit 1" 1
sqlite3 "$A" "pragma wal_checkpoint(truncate)" > /dev/null
expect_file "a good file with a bad one: nothing merged" "$A" "$T/a.before"
run "$RECALL" merge --db "$A" "$A"
expect_status "the database itself: exit 1" 1
expect_grep "the database itself: says so" "$T/err" "is this database itself"
run "$RECALL" merge --db "$A" "$T/missing.db"
expect_status "a missing file: exit 1" 1
run "$RECALL" merge --db "$A"
expect_status "no file: exit 2" 2

# --- files crafted to attack --------------------------------------------------

# A view or a trigger runs nothing: the file is refused before a row is read.
crafted() {
	cp "$B" "$T/$1.db"
	sqlite3 "$T/$1.db" "$2"
	check_refused "$3" "$T/$1.db"
}
crafted endless "alter table learner rename to learner0; create view learner as
	with recursive n(i) as (select 1 union all select i + 1 from n)
	select i as id, 'x' || i as name, 0 as created_at from n" \
	"a learner table that is an endless view"
expect_grep "an endless view: says why" "$T/err" "it holds views, triggers or virtual tables"
crafted million "alter table learner rename to learner0; create view learner as
	with recursive n(i) as (select 1 union all select i + 1 from n where i < 1000001)
	select i as id, 'fake' || i as name, 0 as created_at from n" \
	"a million learners in a view"
crafted trigger "create table log (x); create trigger t after insert on learner begin
	insert into log values (1); end" "a file with a trigger"
run "$RECALL" build "$BANK" -o "$T/trip.quiz"
check_refused "a pack" "$T/trip.quiz"
expect_grep "a pack: says so" "$T/err" "is a recall pack, not a results database"

# Values recall itself never records are refused, as strictly as on input.
crafted limit "update session set time_limit_ms = 9223372036854775807" \
	"a time limit near the largest integer"
expect_grep "a time limit: says what" "$T/err" "a session is malformed"
crafted started "update session set started_at = -9223372036854775808" \
	"a session started at the smallest integer"
crafted score "update session set score = -1e308" "a score of -1e308"
crafted ended "update session set ended_at = 'soon' where ended_at is not null" \
	"an end that is not a time"
crafted roster_id "update roster set student = 's 03' where student = 's03'" \
	"a roster id that roster import refuses"
expect_grep "a roster id: says what" "$T/err" "a roster entry is malformed"
crafted roster_group "update roster set grp = char(27) || '[2J'" \
	"a roster group with an escape sequence"
crafted learner_time "update learner set created_at = 1e300" "a learner made at 1e300"
crafted class_flag "update class set shuffle = 7" "a class setting that is not yes or no"
crafted long_answer "update response set answer = printf('%.*c', 70000, 'x') where id =
	(select min(id) from response)" "an answer longer than take lets one be"
expect_grep "a long answer: says what" "$T/err" "an answer of a session is malformed"
crafted huge_answer "update response set answer = printf('%.*c', 70000000, 'x') where id =
	(select min(id) from response)" "an answer of 70 MB"
expect_grep "an answer of 70 MB: says why" "$T/err" "holds a value longer than 64 MiB"
crafted hints "update response set hints = -1" "a negative count of hints"
