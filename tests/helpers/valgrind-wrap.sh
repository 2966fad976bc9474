#!/bin/sh
# valgrind-wrap.sh SRC DEST - a build folder DEST whose recall and unit tests are
# those of SRC run under valgrind memcheck, for `make valgrind`:
#   sh tests/run DEST   then runs every suite with them.
# Any memory error or leak (definite, indirect or possible) makes the run exit
# 99, which fails the test that made it. DEST has no fault-injection shim and
# no fuzz targets, so those suites skip themselves there.
set -eu
src=$(cd "$1" && pwd)
mkdir -p "$2/tests"
dest=$(cd "$2" && pwd)
VALGRIND="valgrind --quiet --error-exitcode=99 --leak-check=full \
--show-leak-kinds=definite,indirect,possible --errors-for-leak-kinds=definite,indirect,possible \
--num-callers=30"

wrap() {
	printf '#!/bin/sh\nexec %s %s "$@"\n' "$VALGRIND" "$1" > "$2"
	chmod +x "$2"
}

wrap "$src/recall" "$dest/recall"
# Under valgrind every process runs many times slower, so many at once on one
# database wait far longer for each other's writes than the usual busy
# timeout; a test that sets its own timeout keeps it.
sed -i 's|^exec |export RECALL_BUSY_TIMEOUT=${RECALL_BUSY_TIMEOUT:-120000}; exec |' "$dest/recall"
rm -f "$dest"/tests/test_*
for t in "$src"/tests/test_*; do
	case "$t" in *.d) continue ;; esac
	[ -x "$t" ] && wrap "$t" "$dest/tests/$(basename "$t")"
done
rm -rf "$dest/helpers"
ln -s "$src/helpers" "$dest/helpers"
