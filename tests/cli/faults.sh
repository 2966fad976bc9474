#!/bin/sh
# faults.sh - injected failures of open, read, write and malloc (tests/faultinject.c):
# each gives a clear message and a non-zero exit, never a crash or a hang.
#
# The shim is preloaded with LD_PRELOAD, which AddressSanitizer does not
# allow beside it, so this suite runs against the normal build only (the
# sanitizer build has no shim and skips it). Commands join as they land: each
# section below runs when `recall help CMD` knows the command.
. "$(dirname "$0")/../lib.sh"
SHIM="$RECALL_BUILD/faultinject.so"
if [ ! -f "$SHIM" ]; then
	echo "# faults: no shim in $RECALL_BUILD (sanitizer builds have none), skipped"
	exit 0
fi
SAMPLE="$ROOT/content/china-fentanyl-sanctions.md"
SAMPLE_BANK="$ROOT/quizzes/china-fentanyl-sanctions.yaml"
G="$ROOT/tests/golden/read"

# inject VAR=VALUE... -- CMD...: runs CMD with the shim and those settings,
# like `run` (stdout in $T/out, stderr in $T/err, status in $status). A run
# that takes 20 seconds is a hang (status 124).
# Only CMD gets the shim, not `timeout`; the shell's own "Aborted" notice for
# a run ended by abort() is not part of what recall printed.
inject() {
	{
		(
			while [ "$1" != -- ]; do export "$1"; shift; done
			shift
			exec timeout 20 env LD_PRELOAD="$SHIM" "$@"
		) > "$T/out" 2> "$T/err"
		status=$?
	} 2> /dev/null
}

# calls KIND CMD...: how many calls of KIND (open, read, write, fsync, malloc)
# a clean run of CMD makes.
calls() {
	kind=$1
	shift
	inject FAULT_REPORT=1 -- "$@"
	sed -n "s/.*faultinject:.* $kind \([0-9]*\) .*/\1/p" "$T/err" | tail -n 1
}

# expect_failure NAME MESSAGE: exit 1, nothing on stdout, and stderr is
# exactly MESSAGE (one line).
expect_failure() {
	if [ "$status" -ne 1 ]; then
		not_ok "$1" "exit status $status, expected 1" "stderr: $(head -c 400 "$T/err")"
	elif [ -s "$T/out" ]; then
		not_ok "$1" "output despite the failure: $(head -c 200 "$T/out")"
	else
		expect_text "$1" "$T/err" "$2"
	fi
}

# A run ended by the out-of-memory path: recall's allocators (and cmark's)
# print one line and abort, by design (STYLE.md, "Memory and errors").
out_of_memory() {
	grep -qE '^recall: out of memory|^\[cmark\] (m|c|re)alloc returned null pointer|out of memory' "$T/err" &&
		! grep -qE 'Sanitizer|runtime error|Segmentation' "$T/err" &&
		{ [ "$status" -eq 134 ] || [ "$status" -eq 1 ]; }
}

# sweep_malloc NAME MAX_POINTS CMD...: makes the Nth allocation of CMD fail,
# for N from 0 to every allocation a clean run makes (at most MAX_POINTS
# values of N, evenly spread). Each run must either behave exactly as the
# clean run (same status, stdout and stderr) or end by the out-of-memory path.
sweep_malloc() {
	name=$1 points=$2
	shift 2
	run "$@"
	clean_status=$status
	cp "$T/out" "$T/clean.out"
	cp "$T/err" "$T/clean.err"
	total=$(calls malloc "$@")
	if [ -z "$total" ] || [ "$total" -eq 0 ]; then
		not_ok "$name" "the shim counted no allocations"
		return
	fi
	step=$(( (total + points - 1) / points ))
	[ "$step" -lt 1 ] && step=1
	n=0 runs=0 ooms=0 bad=""
	while [ "$n" -le "$total" ]; do
		inject FAULT_MALLOC="$n" -- "$@"
		runs=$((runs + 1))
		if [ "$status" -eq "$clean_status" ] && cmp -s "$T/out" "$T/clean.out" &&
			cmp -s "$T/err" "$T/clean.err"; then
			:
		elif out_of_memory; then
			ooms=$((ooms + 1))
		else
			bad="$bad $n(status $status: $(head -c 80 "$T/err" | tr '\n' ' '))"
		fi
		n=$((n + step))
	done
	if [ -z "$bad" ]; then
		ok "$name: $runs runs over $total allocations, $ooms ended by the out-of-memory path"
	else
		not_ok "$name" "allocation number:$bad"
	fi
}

# --- recall read ----------------------------------------------------------------

inject FAULT_OPEN=0 FAULT_PATH=.md FAULT_ERRNO=EACCES -- "$RECALL" read "$SAMPLE"
expect_failure "read: open refused" "$SAMPLE: error: cannot read article: Permission denied"

inject FAULT_OPEN=0 FAULT_PATH=.md FAULT_ERRNO=EMFILE -- "$RECALL" read "$SAMPLE"
expect_failure "read: out of file descriptors" "$SAMPLE: error: cannot read article: Too many open files"

inject FAULT_READ=0 FAULT_PATH=.md -- "$RECALL" read "$SAMPLE"
expect_failure "read: the first read fails" "$SAMPLE: error: cannot read article: Input/output error"

# An article longer than one read: the failure comes after part of it was read.
i=0
while [ "$i" -lt 40 ]; do cat "$SAMPLE"; i=$((i + 1)); done > "$T/long.md"
inject FAULT_READ=1 FAULT_PATH=long.md -- "$RECALL" read "$T/long.md"
expect_failure "read: a later read fails, nothing half-shown" "$T/long.md: error: cannot read article: Input/output error"

inject FAULT_READ=0 FAULT_TIMES=1 FAULT_ERRNO=EINTR FAULT_PATH=.md -- "$RECALL" read --width 80 "$SAMPLE"
expect_status "read: an interrupted read is retried" 0
expect_file "read: an interrupted read is retried: same text" "$T/out" "$G/sample-80-never.txt"

inject FAULT_SHORT=7 -- "$RECALL" read --width 80 "$SAMPLE"
expect_status "read: short reads are read on" 0
expect_file "read: short reads are read on: same text" "$T/out" "$G/sample-80-never.txt"

inject FAULT_WRITE=0 FAULT_FD=1 -- "$RECALL" read --width 80 "$SAMPLE"
expect_status "read: writing the output fails: exit 1" 1
expect_text "read: writing the output fails: message" "$T/err" "recall: write error: Input/output error"

inject FAULT_WRITE=0 FAULT_FD=1 FAULT_ERRNO=ENOSPC -- "$RECALL" read --width 80 "$SAMPLE"
expect_status "read: disk full: exit 1" 1
expect_text "read: disk full: message" "$T/err" "recall: write error: No space left on device"

inject FAULT_WRITE=0 FAULT_FD=1 FAULT_ERRNO=EPIPE -- "$RECALL" read --width 80 "$SAMPLE"
if [ "$status" -ne 0 ] && [ "$status" -lt 128 ]; then ok "read: reader gone: non-zero exit"
else not_ok "read: reader gone: non-zero exit" "status $status"; fi
expect_empty "read: reader gone: no message" "$T/err"

sweep_malloc "read: every allocation of a render fails in turn" 300 \
	"$RECALL" read --width 80 --color always --numbers "$SAMPLE"
printf 'fine\nbad \377 byte\n' > "$T/bad.md"
sweep_malloc "read: every allocation fails in turn on invalid UTF-8" 150 "$RECALL" read "$T/bad.md"
printf -- '---\ntitle: fine\npublished: [2023\n---\nbody\n' > "$T/fm.md"
sweep_malloc "read: every allocation fails in turn on broken front matter" 1000 "$RECALL" read "$T/fm.md"
sweep_malloc "read: every allocation fails in turn on every construct" 200 \
	"$RECALL" read --width 40 --color always "$G/constructs.md"

# --- recall check and build (issue 3) ------------------------------------------------
# Generic expectations that hold whatever the messages: a bank or article that
# cannot be read is an error naming the file, exit 1.
if "$RECALL" help check > /dev/null 2>&1 && [ -f "$SAMPLE_BANK" ]; then
	for kind in OPEN READ; do
		for target in .yaml .md; do
			inject "FAULT_$kind=0" FAULT_PATH="$target" -- "$RECALL" check "$SAMPLE_BANK"
			label="check: $(echo "$kind" | tr 'A-Z' 'a-z') of the $target file fails"
			expect_status "$label: exit 1" 1
			expect_grep "$label: names the file" "$T/err" "$target"
		done
	done
	sweep_malloc "check: allocations fail in turn" 400 "$RECALL" check "$SAMPLE_BANK"
fi
if "$RECALL" help build > /dev/null 2>&1 && [ -f "$SAMPLE_BANK" ]; then
	# A failed fsync matters only where the pack is flushed at all.
	kinds=WRITE
	rm -f "$T/pack.quiz"
	[ "$(calls fsync "$RECALL" build "$SAMPLE_BANK" -o "$T/pack.quiz")" -gt 0 ] && kinds="WRITE FSYNC"
	for kind in $kinds; do
		rm -f "$T/pack.quiz"
		inject "FAULT_$kind=0" FAULT_PATH=pack.quiz -- "$RECALL" build "$SAMPLE_BANK" -o "$T/pack.quiz"
		label="build: $(echo "$kind" | tr 'A-Z' 'a-z') of the pack fails"
		expect_status "$label: exit 1" 1
		expect_grep "$label: names the pack" "$T/err" "pack.quiz"
	done
fi

# --- recall take and export (issue 5) ------------------------------------------------
# Every failure of the database's file, at every point of a quiz, ends with a
# message and a non-zero exit, and leaves a database that SQLite finds intact.

# db_intact NAME DB: PRAGMA integrity_check says ok (or there is no file).
db_intact() {
	if [ ! -e "$2" ]; then ok "$1: no database left half-made"; return; fi
	check=$(sqlite3 "$2" 'PRAGMA integrity_check' 2>&1)
	if [ "$check" = ok ]; then ok "$1: database intact"; else not_ok "$1: database intact" "$check"; fi
}

# responses DB: how many responses DB holds.
responses() {
	table=$(sqlite3 "$1" "SELECT name FROM sqlite_master WHERE type = 'table'
		AND name IN ('response', 'responses') LIMIT 1" 2>&1)
	case "$table" in
	response | responses) sqlite3 "$1" "SELECT count(*) FROM $table" 2>&1 ;;
	*) echo "no table of responses" ;;
	esac
}

# sweep_db_fault NAME KIND MAX_POINTS DB CMD...: makes the Nth call of KIND on
# the database's files fail, for N across every such call a clean run makes,
# each time on a fresh copy of DB (CMD reads answers from $T/answers). A run
# either says so and exits non-zero, or exits 0 with every response saved (a
# failure SQLite could recover from, such as a checkpoint as it closes).
sweep_db_fault() {
	name=$1 kind=$2 points=$3 db=$4
	shift 4
	cp "$db" "$T/sweep.db"
	rm -f "$T/sweep.db-wal" "$T/sweep.db-shm"
	"$@" < "$T/answers" > /dev/null 2>&1
	saved=$(responses "$T/sweep.db")
	case "$saved" in
	'' | *[!0-9]*) not_ok "$name: a clean run saves responses" "$saved"; return ;;
	esac
	cp "$db" "$T/sweep.db"
	rm -f "$T/sweep.db-wal" "$T/sweep.db-shm"
	total=$(calls "$(echo "$kind" | tr 'A-Z' 'a-z')" env FAULT_PATH=sweep.db "$@" < "$T/answers")
	total=${total:-0}
	if [ "$total" -eq 0 ]; then
		echo "# $name: no $kind calls on the database to fail"
		return
	fi
	step=$(( (total + points - 1) / points ))
	n=0 runs=0 bad="" broken=""
	while [ "$n" -lt "$total" ]; do
		cp "$db" "$T/sweep.db"
		rm -f "$T/sweep.db-wal" "$T/sweep.db-shm" "$T/sweep.db-journal"
		inject "FAULT_$kind=$n" FAULT_PATH=sweep.db -- "$@" < "$T/answers"
		runs=$((runs + 1))
		if [ "$status" -eq 0 ]; then
			[ "$(responses "$T/sweep.db")" = "$saved" ] ||
				bad="$bad $n(exit 0 with $(responses "$T/sweep.db") of $saved responses saved)"
		elif [ "$status" -ge 124 ] || [ ! -s "$T/err" ] ||
			grep -qE 'Sanitizer|runtime error|Segmentation' "$T/err"; then
			bad="$bad $n(status $status: $(head -c 80 "$T/err" | tr '\n' ' '))"
		fi
		check=$(sqlite3 "$T/sweep.db" 'PRAGMA integrity_check' 2>&1)
		[ "$check" = ok ] || broken="$broken $n($check)"
		n=$((n + step))
	done
	if [ -z "$bad" ]; then ok "$name: $runs failures of $total calls, each reported or recovered"
	else not_ok "$name: each reported or recovered" "call number:$bad"; fi
	if [ -z "$broken" ]; then ok "$name: database intact after each"
	else not_ok "$name: database intact after each" "call number:$broken"; fi
}

if "$RECALL" help take > /dev/null 2>&1 && [ -f "$SAMPLE_BANK" ]; then
	i=0
	while [ "$i" -lt 60 ]; do echo "June 18, 2023"; i=$((i + 1)); done > "$T/answers"
	# A database with a session in it already, as a student's would be.
	run "$RECALL" take --db "$T/base.db" --user first --limit 5 "$SAMPLE_BANK" < "$T/answers"
	expect_status "take: a first session is saved" 0

	inject FAULT_OPEN=0 FAULT_PATH=.yaml -- "$RECALL" take --db "$T/t1.db" "$SAMPLE_BANK" < "$T/answers"
	expect_status "take: the bank cannot be opened: exit 1" 1
	expect_grep "take: the bank cannot be opened: names it" "$T/err" ".yaml"
	expect_empty "take: the bank cannot be opened: no question asked" "$T/out"

	cp "$T/base.db" "$T/t2.db"
	inject FAULT_OPEN=0 FAULT_PATH=t2.db -- "$RECALL" take --db "$T/t2.db" "$SAMPLE_BANK" < "$T/answers"
	expect_status "take: the database cannot be opened: exit 1" 1
	expect_grep "take: the database cannot be opened: names it" "$T/err" "t2.db"
	expect_empty "take: the database cannot be opened: no question asked" "$T/out"
	db_intact "take: the database cannot be opened" "$T/t2.db"

	sweep_db_fault "take: database writes fail in turn" WRITE 25 "$T/base.db" \
		"$RECALL" take --db "$T/sweep.db" --user second "$SAMPLE_BANK"
	sweep_db_fault "take: database flushes fail in turn" FSYNC 25 "$T/base.db" \
		"$RECALL" take --db "$T/sweep.db" --user second "$SAMPLE_BANK"
	sweep_db_fault "take: database reads fail in turn" READ 15 "$T/base.db" \
		"$RECALL" take --db "$T/sweep.db" --user second "$SAMPLE_BANK"

	# Allocations failing in turn: either the run goes as a clean one does or
	# it ends by the out-of-memory path, and the database is intact after.
	cp "$T/base.db" "$T/sweep.db"
	total=$(calls malloc "$RECALL" take --db "$T/sweep.db" --user third "$SAMPLE_BANK" < "$T/answers")
	step=$(( (${total:-1} + 79) / 80 ))
	n=0 bad="" broken=""
	while [ "$n" -le "${total:-0}" ]; do
		cp "$T/base.db" "$T/sweep.db"
		rm -f "$T/sweep.db-wal" "$T/sweep.db-shm"
		inject FAULT_MALLOC="$n" -- "$RECALL" take --db "$T/sweep.db" --user third "$SAMPLE_BANK" < "$T/answers"
		if [ "$status" -ne 0 ] && ! out_of_memory && ! { [ "$status" -eq 1 ] && [ -s "$T/err" ]; }; then
			bad="$bad $n(status $status: $(head -c 80 "$T/err" | tr '\n' ' '))"
		fi
		check=$(sqlite3 "$T/sweep.db" 'PRAGMA integrity_check' 2>&1)
		[ "$check" = ok ] || broken="$broken $n($check)"
		n=$((n + step))
	done
	if [ -z "$bad" ]; then ok "take: allocations fail in turn over $total: clean ends"
	else not_ok "take: allocations fail in turn: clean ends" "allocation number:$bad"; fi
	if [ -z "$broken" ]; then ok "take: allocations fail in turn: database intact after each"
	else not_ok "take: allocations fail in turn: database intact after each" "allocation number:$broken"; fi
fi

if "$RECALL" help export > /dev/null 2>&1 && [ -f "$T/base.db" ]; then
	inject FAULT_READ=0 FAULT_PATH=base.db -- "$RECALL" export --db "$T/base.db" --all-users
	if [ "$status" -ne 0 ] && [ "$status" -lt 124 ] && [ -s "$T/err" ]; then
		ok "export: the database cannot be read: a message and exit $status"
	else
		not_ok "export: the database cannot be read: a message and a non-zero exit" "status $status" \
			"stderr: $(head -c 200 "$T/err")"
	fi
	db_intact "export: the database cannot be read" "$T/base.db"

	inject FAULT_WRITE=0 FAULT_FD=1 -- "$RECALL" export --db "$T/base.db" --all-users
	expect_status "export: writing the output fails: exit 1" 1
	expect_grep "export: writing the output fails: says so" "$T/err" "write error"

	sweep_malloc "export: every allocation fails in turn" 150 \
		"$RECALL" export --db "$T/base.db" --all-users --format json
	db_intact "export: after the allocation failures" "$T/base.db"
fi
