#!/usr/bin/env bash
# Checks the packages scripts/package.sh left in dist/, as a user would
# meet them:
#   linux    unpack PlanDesk.tar.xz, `make install` it into a temporary
#            prefix, check the menu entry and icon, start the installed
#            binary under Xvfb until its window shows, and quit it
#   windows  PlanDesk.exe is a PE32+ GUI program that imports only DLLs
#            Windows ships, with its icon, version information and manifest
# Usage: scripts/package-test.sh [linux] [windows]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux windows)
version=$(sed -n 's/^ *Version = "\(.*\)"/\1/p' FyneApp.toml)

work=$(mktemp -d)
xvfb_pid="" app_pid=""
cleanup() {
	[ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
	[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT
fail() {
	echo "package-test: FAIL: $*" >&2
	exit 1
}

linux() {
	[ -f dist/PlanDesk.tar.xz ] || fail "dist/PlanDesk.tar.xz is missing: run scripts/package.sh linux"
	tar -xJf dist/PlanDesk.tar.xz -C "$work"
	make -s -C "$work/plandesk" install DESTDIR="$work/root" PREFIX=/usr/local || fail "make install failed"
	local prefix=$work/root/usr/local
	local bin=$prefix/bin/plandesk desktop=$prefix/share/applications/cn.plandesk.desk.desktop
	[ -x "$bin" ] || fail "no executable at $bin"
	[ -s "$prefix/share/pixmaps/cn.plandesk.desk.png" ] || fail "no icon installed"
	grep -q '^Exec=plandesk$' "$desktop" || fail "menu entry does not start plandesk"
	grep -q '^Name\[zh_CN\]=规划评估台$' "$desktop" || fail "menu entry has no Chinese name"
	"$bin" --version 2>/dev/null | grep -qx "PlanDesk $version" || fail "installed binary does not say version $version"

	. scripts/xvfb.sh
	start_xvfb "$work" || fail "Xvfb did not start"
	mkdir -p "$work/home"
	HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" "$bin" --db "$work/home/p.db" >"$work/app.log" 2>&1 &
	app_pid=$!
	local win
	win=$(wait_window "PlanDesk — 汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告" "$app_pid") ||
		fail "the installed binary showed no window: $(cat "$work/app.log")"
	sleep 1
	xdotool key --window "$win" ctrl+q 2>/dev/null || true
	for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
	kill -0 "$app_pid" 2>/dev/null && fail "the installed binary did not quit"
	wait "$app_pid" || fail "the installed binary exited with status $?"
	app_pid=""
	echo "package-test: ok — dist/PlanDesk.tar.xz installs with make install and starts (version $version)"
}

windows() {
	[ -f dist/PlanDesk.exe ] || fail "dist/PlanDesk.exe is missing: run scripts/package.sh windows"
	go run ./scripts/pecheck --version "$version" dist/PlanDesk.exe || fail "dist/PlanDesk.exe"
}

for t in "${targets[@]}"; do
	"$t"
done
