# Sourced by the scripts that run the real window: start_xvfb WORKDIR starts
# Xvfb (1600×1000) on a free display, trying the next one if it does not
# come up, and sets DISPLAY and xvfb_pid; the caller kills xvfb_pid.
start_xvfb() {
	local work=$1 n
	DISPLAY="" xvfb_pid=""
	for n in $(seq 90 140); do
		if [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; then
			continue
		fi
		Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
		xvfb_pid=$!
		for _ in $(seq 100); do
			if DISPLAY=":$n" xdotool getdisplaygeometry >/dev/null 2>&1; then
				export DISPLAY=":$n"
				return 0
			fi
			kill -0 "$xvfb_pid" 2>/dev/null || break
			sleep 0.1
		done
		kill "$xvfb_pid" 2>/dev/null || true
		xvfb_pid=""
	done
	echo "Xvfb did not start: $(cat "$work/xvfb.log" 2>/dev/null)" >&2
	return 1
}

# wait_window TITLE PID prints the id of the window named TITLE once it
# shows, or fails after 30 s or when process PID exits.
wait_window() {
	local title=$1 pid=$2 win=""
	for _ in $(seq 300); do
		win=$(xdotool search --name "^${title}\$" 2>/dev/null | head -n 1 || true)
		if [ -n "$win" ]; then
			echo "$win"
			return 0
		fi
		kill -0 "$pid" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}
