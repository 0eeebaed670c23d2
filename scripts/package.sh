#!/usr/bin/env bash
# Builds PlanDesk's release packages into dist/ with the fyne tool pinned in
# go.mod, then checks them (scripts/package-test.sh):
#   linux    dist/PlanDesk.tar.xz: the binary, a .desktop file, the icon and
#            a Makefile (make install / make user-install)
#   windows  dist/PlanDesk.exe: a GUI program (no console window) with the
#            icon, version information and manifest, cross-compiled with
#            mingw-w64
# macOS cannot be built on Linux (no SDK): .github/workflows/release.yml
# builds it on a Mac runner. Usage: scripts/package.sh [linux] [windows]
set -euo pipefail
cd "$(dirname "$0")/.."
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux windows)
bash scripts/deps.sh --package
. scripts/env.sh
tags=migrated_fynedo,no_emoji
mkdir -p dist
# The fyne tool, at the version go.mod pins, built for this machine: `go
# tool fyne` with GOOS=windows would build the tool itself for Windows.
tools=$(mktemp -d)
# `fyne package --release` raises the Build number in FyneApp.toml and
# rewrites the file; the repository keeps its own, so put it back after.
cp FyneApp.toml "$tools/FyneApp.toml"
trap 'cp "$tools/FyneApp.toml" FyneApp.toml; rm -rf "$tools"' EXIT
go build -o "$tools/fyne" fyne.io/tools/cmd/fyne
fyne=$tools/fyne

linux() {
	"$fyne" package -os linux --release --tags "$tags"
	# Fyne 1.7.2's Makefile names the icon without its .png extension, so
	# `make install` fails; and the menu entry has only an English name.
	# Both are fixed in the archive before it is shipped.
	local work
	work=$(mktemp -d -p "$tools")
	tar -xJf PlanDesk.tar.xz -C "$work"
	rm PlanDesk.tar.xz
	sed -i 's/^Icon := "cn.plandesk.desk"$/Icon := "cn.plandesk.desk.png"/' "$work/plandesk/Makefile"
	cat >"$work/plandesk/usr/local/share/applications/cn.plandesk.desk.desktop" <<'DESKTOP'
[Desktop Entry]
Type=Application
Name=PlanDesk
Name[zh_CN]=规划评估台
Comment=Review and present the mid-term evaluation of a Five-Year Plan, offline
Comment[zh_CN]=离线审阅和演示五年规划纲要实施中期评估报告
Exec=plandesk
Icon=cn.plandesk.desk
Categories=Office;
Keywords=plan;evaluation;规划;评估;
StartupWMClass=PlanDesk
DESKTOP
	tar -cJf dist/PlanDesk.tar.xz -C "$work" plandesk
	echo "package: dist/PlanDesk.tar.xz ($(du -h dist/PlanDesk.tar.xz | cut -f1))"
}

windows() {
	# The fyne tool writes the icon, version information and manifest as a
	# resource object and links with -H windowsgui in release mode.
	# Debian's mingw-w64 builds C code with stack protection, whose helpers
	# live in libssp; linking statically takes them, and the MinGW thread
	# library, into the .exe instead of DLLs Windows does not have.
	CC=x86_64-w64-mingw32-gcc CGO_ENABLED=1 CGO_LDFLAGS="-static -lssp" \
		"$fyne" package -os windows --release --tags "$tags"
	mv PlanDesk.exe dist/PlanDesk.exe
	echo "package: dist/PlanDesk.exe ($(du -h dist/PlanDesk.exe | cut -f1))"
}

for t in "${targets[@]}"; do
	case $t in
	linux | windows) "$t" ;;
	*) echo "package: unknown target $t (linux or windows; macOS builds on a Mac, see README)" >&2; exit 2 ;;
	esac
done
bash scripts/package-test.sh "${targets[@]}"
