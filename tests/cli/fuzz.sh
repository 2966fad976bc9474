#!/bin/sh
# fuzz.sh - every libFuzzer target replays its regression inputs and runs briefly.
#
# The targets carry their own sanitizers, so this runs once, with the normal
# build's suites (make check builds them first: `make fuzz-build`).
. "$(dirname "$0")/../lib.sh"
case "$RECALL_BUILD" in
*/build) ;;
*) echo "# fuzz: runs with the normal build's suites only"; exit 0 ;;
esac
if ! ls "$ROOT/build/fuzz/bin/"* > /dev/null 2>&1; then
	echo "# fuzz: no targets built; 'make fuzz-build' (make check does it) builds them"
	exit 0
fi
sh "$ROOT/fuzz/run.sh" build/fuzz "${FUZZ_CHECK_SECONDS:-15}" check
exit 0
