#!/bin/sh
# export.sh - `recall export`: every answer as RFC 4180 CSV or JSON, exactly as recorded
. tests/lib.sh
export TZ=UTC COLUMNS=80
FILL="$RECALL_BUILD/helpers/store_fill"
DB="$T/recall.db"
HEADER='learner,bank,bank_hash,session,mode,session_status,started_at,ended_at,seq,question,kind,points,answer,verdict,credit,graded_credit,override,hints,passage,time_ms,answered_at'

run "$FILL" "$DB" < "$ROOT/tests/helpers/store_sample.txt"
expect_status "the sample results are recorded" 0

# Session ids are random UUIDs (version 4): checked for their form, then
# replaced so the rest can be compared exactly.
normalise() {
	LC_ALL=C sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/UUID/g' "$1"
}

run "$RECALL" export --db "$DB" --user alice --bank ffee0011
expect_status "export as CSV" 0
normalise "$T/out" > "$T/csv"
{
	printf '%s\r\n' "$HEADER"
	printf 'alice,Tokyo 日本 \033[31mred\033[0m notes,ffee0011223344556677889900aabbccddeeff00112233445566778899aabbcc,UUID,practice,complete,2024-05-04T08:30:00.000Z,2024-05-04T08:31:00.000Z,1,capital,text,1,"Taipei, ""the city""\033[2J",wrong,0,0,0,0,1,6000,2024-05-04T08:30:10.000Z\r\n'
	printf 'alice,Tokyo 日本 \033[31mred\033[0m notes,ffee0011223344556677889900aabbccddeeff00112233445566778899aabbcc,UUID,practice,complete,2024-05-04T08:30:00.000Z,2024-05-04T08:31:00.000Z,2,population,number,1,"line one\nline two\r\nend \377",close,1,1,0,0,0,7000,2024-05-04T08:30:20.000Z\r\n'
} > "$T/expected"
expect_file "CSV: quoted where RFC 4180 says, bytes as typed, CRLF line ends" "$T/csv" "$T/expected"

run "$RECALL" export --db "$DB" --user alice --bank ffee0011 --format json
expect_status "export as JSON" 0
normalise "$T/out" > "$T/json"
{
	printf '[\n'
	printf '{"learner":"alice","bank":"Tokyo 日本 \\u001b[31mred\\u001b[0m notes","bank_hash":"ffee0011223344556677889900aabbccddeeff00112233445566778899aabbcc","session":"UUID","mode":"practice","session_status":"complete","started_at":"2024-05-04T08:30:00.000Z","ended_at":"2024-05-04T08:31:00.000Z","seq":1,"question":"capital","kind":"text","points":1,"answer":"Taipei, \\"the city\\"\\u001b[2J","verdict":"wrong","credit":0,"graded_credit":0,"override":false,"hints":0,"passage":true,"time_ms":6000,"answered_at":"2024-05-04T08:30:10.000Z"},\n'
	printf '{"learner":"alice","bank":"Tokyo 日本 \\u001b[31mred\\u001b[0m notes","bank_hash":"ffee0011223344556677889900aabbccddeeff00112233445566778899aabbcc","session":"UUID","mode":"practice","session_status":"complete","started_at":"2024-05-04T08:30:00.000Z","ended_at":"2024-05-04T08:31:00.000Z","seq":2,"question":"population","kind":"number","points":1,"answer":"line one\\u000aline two\\u000d\\u000aend \\ufffd","verdict":"close","credit":1,"graded_credit":1,"override":false,"hints":0,"passage":false,"time_ms":7000,"answered_at":"2024-05-04T08:30:20.000Z"}\n'
	printf ']\n'
} > "$T/expected"
expect_file "JSON: escaped control characters, U+FFFD for bytes that are not UTF-8" "$T/json" "$T/expected"

# Everyone's answers, read back by SQLite's own CSV and JSON readers.
run "$RECALL" export --db "$DB" --all-users
cp "$T/out" "$T/all.csv"
run sqlite3 "$T/import.db" ".import --csv $T/all.csv answers" \
	"ATTACH '$DB' AS recorded;
	 SELECT count(*) FROM answers;
	 SELECT count(*) FROM answers a JOIN recorded.response r JOIN recorded.session s
	   ON s.id = r.session_id AND a.session = s.uuid AND a.seq = r.seq
	   AND a.answer = r.answer AND a.credit = r.credit AND a.verdict = r.verdict;"
printf '18\n18\n' > "$T/expected"
expect_file "a CSV reader gets every answer back byte for byte" "$T/out" "$T/expected"

run "$RECALL" export --db "$DB" --all-users --format json
cp "$T/out" "$T/all.json"
run sqlite3 :memory: "SELECT json_valid(readfile('$T/all.json')),
	json_array_length(readfile('$T/all.json')),
	json_type(readfile('$T/all.json'), '\$[3].credit'),
	json_type(readfile('$T/all.json'), '\$[3].seq'),
	json_type(readfile('$T/all.json'), '\$[3].time_ms'),
	json_type(readfile('$T/all.json'), '\$[8].override'),
	json_extract(readfile('$T/all.json'), '\$[3].credit'),
	json_extract(readfile('$T/all.json'), '\$[17].learner');"
expect_text "JSON is valid, one object per answer, numbers as numbers" "$T/out" \
	"1|18|real|integer|integer|true|0.5|carol"

RECALL_USER=bob run "$RECALL" export --db "$DB"
if [ "$(grep -c '^bob,' "$T/out")" -eq 2 ] && [ "$(wc -l < "$T/out")" -eq 3 ]; then
	ok "the learner's own answers by default"
else
	not_ok "the learner's own answers by default" "$(cat "$T/out")"
fi

run "$RECALL" export --user alice
expect_status "no database yet" 0
printf '%s\r\n' "$HEADER" > "$T/expected"
expect_file "no database yet: the CSV header alone" "$T/out" "$T/expected"
run "$RECALL" export --user alice -f json
expect_text "no database yet: an empty JSON array" "$T/out" "[]"

run "$RECALL" export --db "$DB" --format xml
expect_status "an unknown format is a usage error" 2
expect_grep "it names the formats" "$T/err" "--format must be csv or json, not 'xml'"
run "$RECALL" export --help
expect_grep "--help" "$T/out" "Usage: recall export [--format csv|json] [OPTIONS]"
run "$RECALL" export --db "$DB" --bank nope
expect_status "an unknown bank is a problem" 1
expect_empty "and nothing is exported" "$T/out"
