#!/bin/sh
# read_tty.sh - `recall read` on a real pseudo-terminal (tmux): when it pages.
. "$(dirname "$0")/../lib.sh"
DB="$T/recall.db"
PANE=read
TTY_ROWS=20
. "$ROOT/tests/tty.sh"

# A dumb terminal cannot run less, which would stop on a warning and wait:
# the article is written straight out and read ends by itself.
start "TERM=dumb '$RECALL' read --width 60 content/china-fentanyl-sanctions.md"
check_screen "TERM=dumb: read ends without a pager" "EXIT=0"
screen
expect_no_grep "TERM=dumb: no pager's warning" "$T/screen" "not fully functional"
expect_grep "TERM=dumb: the article's end is shown" "$T/screen" "The PRC suspended"
