#!/usr/bin/env bash
# Makes the PDF fixtures of pdftext's tests, pdftext/testdata/*.pdf, with
# the programs that make real reports' PDFs rather than with PlanDesk's own
# writer: LibreOffice lays out flat ODT sources (pdftext/testdata/src/,
# written by pdftext/testdata/gen from the shipped report and from text of
# its own) and exports them; ImageMagick draws the scanned page; qpdf
# encrypts one. The fixtures are committed: the tests need none of these
# programs. Run it again after changing the sources or the generator.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
bash scripts/deps.sh --pdf-fixtures

src=pdftext/testdata/src
out=pdftext/testdata
report=../shared/reports/hanyang-midterm-eval.txt
[ -f "$report" ] || report=store/seed/hanyang-midterm-eval.txt
go run ./pdftext/testdata/gen "$report" "$src"

# The scanned page: the report's opening as a picture of text, no text layer.
font=$(fc-match -f '%{file}' 'Noto Serif CJK SC')
convert-im6.q16 -size 827x1169 xc:white -font "$font" -pointsize 22 -fill black \
	-annotate +80+120 "$(sed -n 's/^ *//; 7,17p' "$report" | grep -v '^$')" \
	-colorspace Gray -depth 4 "$src/scan.png"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src"/*.fodt "$src/scan.png" "$tmp/"
# A profile of its own, so a LibreOffice the user has open is not asked.
(cd "$tmp" && soffice -env:UserInstallation="file://$tmp/profile" --headless \
	--convert-to pdf report.fodt headers.fodt twocol.fodt long.fodt scanned.fodt >/dev/null)
for f in report headers twocol long scanned; do
	cp "$tmp/$f.pdf" "$out/$f.pdf"
done

# Encrypted (AES-256), user password "plandesk".
qpdf --encrypt plandesk plandesk-owner 256 -- "$out/report.pdf" "$out/locked.pdf"
# Broken: the report's first half, as a download cut short leaves it.
head -c "$(($(stat -c %s "$out/report.pdf") / 2))" "$out/report.pdf" >"$out/broken.pdf"

ls -l "$out"/*.pdf
