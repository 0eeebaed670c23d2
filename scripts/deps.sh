#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages PlanDesk needs to build and test, when
# they are missing: a C compiler and the OpenGL/X11 headers for Fyne's cgo
# driver, Xvfb, xdotool and ImageMagick for the end-to-end smoke test, and
# Python's openpyxl, with which a test reads back an exported .xlsx as a
# spreadsheet program would, python3-docx, with which a test reads back the
# review report's .docx as Word's object model sees it, and poppler-utils,
# whose pdfinfo checks the exported slides PDF as a PDF reader would.
# Uses sudo when not run as root. Does nothing when all are present.
set -euo pipefail

packages=(gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
	libxinerama-dev libxi-dev libxxf86vm-dev xvfb xdotool imagemagick python3-openpyxl python3-docx poppler-utils)
case "${1:-}" in
--bench) packages+=(time python3) ;;
# Packaging: mingw-w64 cross-compiles the Windows build; make and xz
# install and pack the Linux archive.
--package) packages+=(gcc-mingw-w64-x86-64 make xz-utils) ;;
# The PDF fixtures of pdftext's tests: LibreOffice lays them out with the
# Noto CJK fonts, qpdf encrypts one (scripts/make-pdf-fixtures.sh).
--pdf-fixtures) packages+=(libreoffice-writer-nogui fonts-noto-cjk fonts-liberation2 qpdf) ;;
esac

missing=()
for p in "${packages[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps: installing ${missing[*]}" >&2
sudo=()
[ "$(id -u)" -eq 0 ] || sudo=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
