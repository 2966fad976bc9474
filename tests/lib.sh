# tests/lib.sh - helpers for the CLI tests, sourced by tests/cli/*.sh.
#
# Each check prints "ok - NAME" or "not ok - NAME" and, when it fails, what
# differed. $RECALL is the binary under test; $T a fresh folder removed at exit.
set -u
: "${RECALL:?run through tests/run}"
ROOT=${RECALL_ROOT:-$(pwd)}
CORPUS=${RECALL_CORPUS:-$ROOT/../shared/corpus}
export LC_ALL=C.UTF-8
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT INT TERM
# Tests never touch the user's own data.
export XDG_DATA_HOME="$T/data" XDG_STATE_HOME="$T/state" HOME="$T/home"
unset NO_COLOR RECALL_DB RECALL_USER
export TERM=dumb

ok() { echo "ok - $1"; }
not_ok() {
	echo "not ok - $1"
	shift
	[ $# -gt 0 ] && printf '  %s\n' "$@"
	return 0
}

# run CMD...: runs it, keeping stdout in $T/out, stderr in $T/err, status in $status.
run() {
	"$@" > "$T/out" 2> "$T/err"
	status=$?
}

# expect_status NAME N: the last run exited with N.
expect_status() {
	if [ "$status" -eq "$2" ]; then ok "$1"; else
		not_ok "$1" "exit status $status, expected $2" "stderr: $(head -c 600 "$T/err")"
	fi
}

# expect_file NAME ACTUAL EXPECTED: the files are identical.
expect_file() {
	if cmp -s "$2" "$3"; then ok "$1"; else
		not_ok "$1" "$(diff -u "$3" "$2" | head -n 40)"
	fi
}

# expect_text NAME ACTUAL_FILE TEXT: the file holds exactly TEXT (and a newline).
expect_text() {
	printf '%s\n' "$3" > "$T/expected"
	expect_file "$1" "$2" "$T/expected"
}

# expect_grep NAME FILE PATTERN: a line of FILE matches the fixed string.
expect_grep() {
	if grep -qF -- "$3" "$2"; then ok "$1"; else
		not_ok "$1" "no line holds: $3" "got: $(head -c 600 "$2")"
	fi
}

expect_no_grep() {
	if grep -qF -- "$3" "$2"; then not_ok "$1" "a line holds: $3"; else ok "$1"; fi
}

# expect_empty NAME FILE
expect_empty() {
	if [ ! -s "$2" ]; then ok "$1"; else not_ok "$1" "not empty: $(head -c 600 "$2")"; fi
}

# golden NAME ACTUAL EXPECTED: like expect_file, but RECALL_UPDATE_GOLDEN=1
# rewrites the expected file instead of comparing.
golden() {
	if [ "${RECALL_UPDATE_GOLDEN:-}" = 1 ]; then
		cp "$2" "$3"
		ok "$1 (updated)"
	else
		expect_file "$1" "$2" "$3"
	fi
}

# The sqlite3 shell gives up at once on a database another process is
# writing; a test waits for it as recall itself does.
sqlite3() { command sqlite3 -cmd '.timeout 5000' "$@"; }
