#!/usr/bin/env bash
# Breaks PlanDesk's peak RSS at start down against a bare Fyne window: the
# bare window, then the same window linking the store (SQLite and GORM),
# the sheet package (excelize), PlanDesk's theme with its two bundled CJK
# faces, everything PlanDesk links with that theme, and PlanDesk itself on
# a database already holding the shipped report. Each runs three times
# under Xvfb; the median VmHWM (kB) is printed with its share over the
# bare window. The variants live in scripts/_rssparts (a folder go ./...
# skips).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh --bench
. scripts/env.sh

tmp=$(mktemp -d)
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$tmp"' EXIT
Xvfb :97 -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=:97
sleep 1

go build -o "$tmp/bare" ./scripts/barewindow
for part in store sheet fonts linked; do
	go build -o "$tmp/$part" "./scripts/_rssparts/$part"
done
go build -o "$tmp/plandesk" .
HOME="$tmp/seed" "$tmp/plandesk" import --db "$tmp/seeded.db" ../shared/reports/hanyang-midterm-eval.txt >/dev/null

peak() { # binary → median VmHWM in kB of three starts
	local runs=()
	for _ in 1 2 3; do
		rm -rf "$tmp/home" && mkdir -p "$tmp/home" && cp "$tmp/seeded.db" "$tmp/home/plan.db"
		HOME="$tmp/home" "$1" --db "$tmp/home/plan.db" >/dev/null 2>&1 &
		local pid=$!
		sleep 2.5
		runs+=("$(awk '/VmHWM/{print $2}' "/proc/$pid/status")")
		kill "$pid"
		wait "$pid" 2>/dev/null || true
	done
	printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p
}

base=$(peak "$tmp/bare")
printf '%-10s %8s kB\n' bare "$base"
for part in store sheet fonts linked plandesk; do
	kb=$(peak "$tmp/$part")
	printf '%-10s %8s kB  +%5.1f MB  %.2f×\n' "$part" "$kb" "$(echo "($kb - $base) / 1024" | bc -l)" "$(echo "$kb / $base" | bc -l)"
done
