#!/usr/bin/env bash
# Takes the README screenshots of the real window under Xvfb: light and dark
# theme, Chinese and English, each on the overview, a section with text and
# the all-indicators page, and in light Chinese the presentation (overview
# slide, a section slide, high contrast). Writes docs/*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
. scripts/env.sh

work=$(mktemp -d)
xvfb_pid=""
cleanup() {
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
go build -o "$work/plandesk" .
display=":$((RANDOM % 50 + 150))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 50); do xdotool getdisplaygeometry >/dev/null 2>&1 && break; sleep 0.1; done

# shoot THEME LANG PAGES: start fresh, page forward PAGES times, capture.
shoot() {
	local theme=$1 lang=$2 pages=$3 home="$work/$1-$2" win="" pid
	mkdir -p "$home/.config/fyne/cn.plandesk.desk"
	printf '{"theme":"%s","language":"%s"}' "$theme" "$lang" >"$home/.config/fyne/cn.plandesk.desk/preferences.json"
	HOME=$home XDG_CONFIG_HOME=$home/.config "$work/plandesk" --db "$home/plandesk.db" >"$home/log" 2>&1 &
	pid=$!
	for _ in $(seq 200); do
		win=$(xdotool search --name '^PlanDesk —' 2>/dev/null | head -n 1 || true)
		[ -n "$win" ] && break
		sleep 0.1
	done
	[ -n "$win" ] || { echo "screenshots: no window for $theme/$lang" >&2; cat "$home/log" >&2; exit 1; }
	sleep 1.5
	eval "$(xdotool getwindowgeometry --shell "$win")"
	# A first start opens on the report's overview.
	import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "docs/overview-$theme-$lang.png"
	echo "docs/overview-$theme-$lang.png"
	# PageDown leaves the overview for the first section, then pages on.
	for _ in $(seq "$((pages + 1))"); do xdotool key --window "$win" Next; sleep 0.3; done
	sleep 0.7
	import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "docs/screenshot-$theme-$lang.png"
	echo "docs/screenshot-$theme-$lang.png"
	# The all-indicators page (View → All indicators, Ctrl+3).
	xdotool key --window "$win" ctrl+3
	sleep 1
	import -window root -crop "${WIDTH}x${HEIGHT}+${X}+${Y}" +repage "docs/indicators-$theme-$lang.png"
	echo "docs/indicators-$theme-$lang.png"
	if [ "$theme-$lang" = light-zh ]; then
		# F5 presents full screen: the overview slide, slide 9
		# (7.公共服务持续完善, text, cards and a chart), then high contrast.
		xdotool key --window "$win" F5
		for _ in $(seq 50); do
			eval "$(xdotool getwindowgeometry --shell "$win")"
			[ "$WIDTH" -eq 1600 ] && [ "$HEIGHT" -eq 1000 ] && break
			sleep 0.1
		done
		sleep 2 # the slide is drawn for the new size
		import -window root docs/present-overview.png
		xdotool key --window "$win" 9 Return
		sleep 0.8
		import -window root docs/present-section.png
		xdotool key --window "$win" c
		sleep 0.8
		import -window root docs/present-contrast.png
		xdotool key --window "$win" c Escape
		sleep 0.5
		echo "docs/present-overview.png docs/present-section.png docs/present-contrast.png"
	fi
	kill "$pid"
	wait "$pid" 2>/dev/null || true
}
shoot light zh 8
shoot dark zh 3
shoot light en 13
shoot dark en 5
