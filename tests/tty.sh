# tests/tty.sh - driving recall in a pseudo-terminal with tmux; sourced by the
# tests/cli/*_tty.sh scripts after tests/lib.sh.
#
# tmx runs tmux on the test's own server, whose socket lives in $T so none is
# left behind; new_server moves to a fresh one (a new server on a socket that
# one being killed still holds may fail to start). PANE names the tmux session
# the helpers read and type into; start runs a command in it, in a window of
# TTY_COLS x TTY_ROWS, with the test's own database and folders.
if ! command -v tmux > /dev/null 2>&1; then
	not_ok "tmux is installed" "the pseudo-terminal tests need tmux"
	exit 0
fi
PANE=${PANE:-quiz}
TTY_COLS=${TTY_COLS:-80}
TTY_ROWS=${TTY_ROWS:-40}
RUNS=0
SOCK="tmux-0"
tmx() { tmux -S "$T/$SOCK" "$@"; }
trap 'tmx kill-server 2>/dev/null; rm -rf "$T"' EXIT INT TERM
new_server() {
	tmx kill-server 2>/dev/null
	RUNS=$((RUNS + 1))
	SOCK="tmux-$RUNS"
}

screen() { tmx capture-pane -t "$PANE" -p -S -200 > "$T/screen"; }
# wait_screen TEXT: until the screen shows TEXT (at most 10 s).
wait_screen() {
	i=0
	while [ "$i" -lt 200 ]; do
		screen
		grep -qF -- "$1" "$T/screen" && return 0
		sleep 0.05
		i=$((i + 1))
	done
	echo "  screen never showed: $1"
	grep -v '^$' "$T/screen" | sed 's/^/  | /' | tail -n 15
	return 1
}
# wait_gone TEXT: until the screen no longer shows TEXT (at most 10 s).
wait_gone() {
	i=0
	while [ "$i" -lt 200 ]; do
		screen
		grep -qF -- "$1" "$T/screen" || return 0
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
keys() { tmx send-keys -t "$PANE" "$@"; }
check_screen() {
	if wait_screen "$2"; then ok "$1"; else not_ok "$1"; fi
}

# start CMD...: a fresh server running CMD, then "EXIT=status" when it ends.
start() {
	new_server
	tmx -f /dev/null new-session -d -s "$PANE" -x "$TTY_COLS" -y "$TTY_ROWS" \
		"cd '$ROOT' && env XDG_STATE_HOME='$T/state' XDG_DATA_HOME='$T/data' HOME='$T/home' \
		 RECALL_DB='$DB' TERM=xterm-256color LC_ALL=C.UTF-8 INPUTRC=/dev/null \
		 $* ; echo \"EXIT=\$?\"; sleep 60"
}
