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

. scripts/xvfb.sh
start_xvfb "$work" || fail "Xvfb did not start"

mkdir -p "$work/home"
db="$work/data/smoke.db"
# Offline for real: the app runs in a network namespace with no interfaces
# but loopback down (unshare -n); X reaches it through its socket file.
# Without root, a user namespace (-r) grants the right to make one.
offline=(unshare -n)
"${offline[@]}" true 2>/dev/null || offline=(unshare -rn)
"${offline[@]}" true 2>/dev/null || fail "unshare -n is not permitted here: cannot prove the app runs offline"
HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" "${offline[@]}" "$work/plandesk" --db "$db" >"$work/app.log" 2>&1 &
app_pid=$!

title="PlanDesk — 汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告"
win=$(wait_window "$title" "$app_pid") || fail "no window titled '$title' within 30 s (or plandesk exited)"
sleep 1.5
import -window root "$out/smoke.png"
colours=$(convert "$out/smoke.png" -format %k info:)
[ "$colours" -gt 50 ] || fail "screenshot has only $colours colours: nothing drawn"
kill -0 "$app_pid" 2>/dev/null || fail "plandesk died after showing its window"

# Page forward twice: from the overview to 一、, then to 1.
xdotool windowactivate --sync "$win" >/dev/null 2>&1 || true
xdotool key --window "$win" Next
sleep 0.5
xdotool key --window "$win" Next
sleep 0.5
import -window root "$out/smoke-paged.png"

# Present: F5 fills the screen with the overview slide; PageDown three
# times; B blacks the screen; Esc comes back to the window.
screen_w=1600 screen_h=1000
xdotool key --window "$win" F5
full=""
for _ in $(seq 50); do
	eval "$(xdotool getwindowgeometry --shell "$win")"
	if [ "$WIDTH" -eq "$screen_w" ] && [ "$HEIGHT" -eq "$screen_h" ]; then full=1; break; fi
	sleep 0.1
done
[ -n "$full" ] || fail "F5 did not fill the screen: window is ${WIDTH}x${HEIGHT}"
sleep 1.5
import -window root "$out/present-overview.png"
# The slide fills the screen: its bottom-right corner is drawn, not left
# black as when a driver keeps drawing into the old window size.
corner=$(convert "$out/present-overview.png" -crop 300x200+1300+800 +repage -format '%[fx:int(mean*1000)]' info:)
[ "$corner" -gt 50 ] || fail "the overview slide does not reach the screen's corner (mean $corner/1000)"
for _ in 1 2 3; do xdotool key --window "$win" Next; sleep 0.3; done
sleep 0.7
import -window root "$out/present-slide4.png"
cmp -s "$out/present-overview.png" "$out/present-slide4.png" && fail "PageDown did not change the slide"
xdotool key --window "$win" b
sleep 0.7
import -window root "$out/present-black.png"
mean=$(convert "$out/present-black.png" -colorspace Gray -format '%[fx:int(mean*1000)]' info:)
[ "$mean" -le 2 ] || fail "B did not black the screen (mean grey $mean/1000)"
xdotool key --window "$win" Escape
sleep 0.7
eval "$(xdotool getwindowgeometry --shell "$win")"
[ "$WIDTH" -lt "$screen_w" ] || fail "Esc did not leave full screen"

# The window may be gone before xdotool sends the key release: that is
# the app quitting, which the lines below check.
xdotool key --window "$win" ctrl+q 2>/dev/null || true
for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$app_pid" 2>/dev/null; then fail "plandesk did not quit on Ctrl+Q"; fi
wait "$app_pid" || fail "plandesk exited with status $?"
app_pid=""

[ -s "$db" ] || fail "database $db was not created"
reports=$(PLANDESK_LANG=zh "$work/plandesk" reports --db "$db") || fail "plandesk reports failed"
echo "$reports" | grep -q "汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告" || fail "shipped report not in the database: $reports"
echo "$reports" | grep -q "17 节" || fail "expected 17 sections: $reports"
prefs="$work/home/.config/fyne/cn.plandesk.desk/preferences.json"
# Paged to 1.; the presentation ended on slide 4 (the overview, 一、, 1.,
# 2.), so the window came back at 2., which is remembered.
grep -q "\"lastPlace:$db\":\"1/3\"" "$prefs" || fail "last section not remembered: $(cat "$prefs" 2>/dev/null)"

# Slides without a display: PNG and PDF from the command line.
env -u DISPLAY PLANDESK_LANG=zh "${offline[@]}" "$work/plandesk" slides --db "$db" --out "$work/slides" >/dev/null || fail "plandesk slides (png) failed"
pngs=$(ls "$work/slides"/slide-*.png | wc -l)
[ "$pngs" -eq 18 ] || fail "plandesk slides wrote $pngs PNG files, want 18"
env -u DISPLAY "$work/plandesk" slides --db "$db" --format pdf --out "$work/slides" >/dev/null || fail "plandesk slides (pdf) failed"
pages=$(pdfinfo "$work/slides/slides.pdf" | awk '/^Pages:/ {print $2}')
[ "$pages" -eq 18 ] || fail "slides.pdf has $pages pages, want 18"
cp "$work/slides/slide-01.png" "$out/slide-01.png"

# Without a display the window cannot open: a sentence, not a Go trace.
set +e
env -u DISPLAY HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" "$work/plandesk" --db "$db" >"$work/nodisplay.log" 2>&1
code=$?
set -e
[ "$code" -eq 1 ] || fail "without a display plandesk exited $code, want 1"
grep -q "找不到显示器" "$work/nodisplay.log" || fail "no explanation without a display: $(cat "$work/nodisplay.log")"
grep -q "goroutine" "$work/nodisplay.log" && fail "a Go trace without a display: $(cat "$work/nodisplay.log")"

echo "smoke: ok — offline (unshare -n): window shown, paged, presented (F5, PageDown, B, Esc), quit cleanly; $pngs slides as PNG and PDF; database holds: $reports"
echo "smoke: screenshots in $out"
