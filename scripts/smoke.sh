#!/usr/bin/env bash
# End-to-end smoke test: builds the real binary, starts it under Xvfb with a
# temporary HOME and database, waits for its window, takes a screenshot,
# pages forward with the keyboard, quits with Ctrl+Q, and checks that the
# database was created with the shipped report in it and the last section
# was remembered. Leaves the screenshot in $SMOKE_OUT (default: a temp dir).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

work=$(mktemp -d)
out=${SMOKE_OUT:-$work}
mkdir -p "$out"
xvfb_pid=""
app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	[ "$out" = "$work" ] || rm -rf "$work"
}
trap cleanup EXIT
fail() {
	echo "smoke: FAIL: $*" >&2
	[ -f "$work/app.log" ] && sed 's/^/  app: /' "$work/app.log" >&2
	exit 1
}

go build -o "$work/plandesk" .

# Start Xvfb on a free display; try the next one if it does not come up.
display=""
for n in $(seq 90 140); do
	if [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ]; then
		continue
	fi
	Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
	xvfb_pid=$!
	for _ in $(seq 100); do
		if DISPLAY=":$n" xdotool getdisplaygeometry >/dev/null 2>&1; then
			display=":$n"
			break
		fi
		kill -0 "$xvfb_pid" 2>/dev/null || break
		sleep 0.1
	done
	[ -n "$display" ] && break
	kill "$xvfb_pid" 2>/dev/null || true
	xvfb_pid=""
done
[ -n "$display" ] || fail "Xvfb did not start: $(cat "$work/xvfb.log" 2>/dev/null)"
export DISPLAY=$display

mkdir -p "$work/home"
db="$work/data/smoke.db"
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" "$work/plandesk" --db "$db" >"$work/app.log" 2>&1 &
app_pid=$!

title="PlanDesk — 汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告"
win=""
for _ in $(seq 300); do
	win=$(xdotool search --name "^${title}\$" 2>/dev/null | head -n 1 || true)
	[ -n "$win" ] && break
	kill -0 "$app_pid" 2>/dev/null || fail "plandesk exited before showing its window"
	sleep 0.1
done
[ -n "$win" ] || fail "no window titled '$title' within 30 s"
sleep 1.5
import -window root "$out/smoke.png"
colours=$(convert "$out/smoke.png" -format %k info:)
[ "$colours" -gt 50 ] || fail "screenshot has only $colours colours: nothing drawn"
kill -0 "$app_pid" 2>/dev/null || fail "plandesk died after showing its window"

# Page forward twice: 一、 → 1. → 2.
xdotool windowactivate --sync "$win" >/dev/null 2>&1 || true
xdotool key --window "$win" Next
sleep 0.5
xdotool key --window "$win" Next
sleep 0.5
import -window root "$out/smoke-paged.png"

xdotool key --window "$win" ctrl+q
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then fail "plandesk did not quit on Ctrl+Q"; fi
wait "$app_pid" || fail "plandesk exited with status $?"
app_pid=""

[ -s "$db" ] || fail "database $db was not created"
reports=$(PLANDESK_LANG=zh "$work/plandesk" reports --db "$db") || fail "plandesk reports failed"
echo "$reports" | grep -q "汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告" || fail "shipped report not in the database: $reports"
echo "$reports" | grep -q "17 节" || fail "expected 17 sections: $reports"
prefs="$work/home/.config/fyne/cn.plandesk.desk/preferences.json"
grep -q "\"lastPlace:$db\":\"1/3\"" "$prefs" || fail "last section not remembered: $(cat "$prefs" 2>/dev/null)"

echo "smoke: ok — window shown, paged, quit cleanly; database holds: $reports"
echo "smoke: screenshots in $out"
