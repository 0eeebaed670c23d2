#!/usr/bin/env bash
# Builds the .docx and .pdf fixtures of the docx package with LibreOffice,
# so that its tests read files a real office suite wrote, not files
# PlanDesk's own code made. The sources are flat ODT documents (and one
# HTML page, as a report pasted from the web into Word arrives) under
# docx/testdata/src/: written by hand (the invented reports), or, for the
# shipped report, written by docx/testdata/src/seedfodt from its .txt
# (headings in heading styles with automatic numbering, the paragraphs as
# the text rules read them). Each becomes docx/testdata/NAME.docx and
# NAME.pdf, and NAME.pdf.txt, the PDF's text; the results are committed,
# so the tests need neither LibreOffice nor poppler.
#
#   apt-get install -y libreoffice-writer-nogui poppler-utils
#   bash scripts/make-docx-fixtures.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
command -v soffice >/dev/null || { echo "make-docx-fixtures: soffice missing (apt-get install -y libreoffice-writer-nogui)" >&2; exit 1; }

seed=../shared/reports/hanyang-midterm-eval.txt
[ -f "$seed" ] || seed=store/seed/hanyang-midterm-eval.txt # the same file, embedded in the binary
go run ./docx/testdata/src/seedfodt <"$seed" >docx/testdata/src/hanyang-midterm-eval.fodt

# A profile of its own, so a LibreOffice open on the desktop neither
# blocks the conversion nor has its settings changed.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
for src in docx/testdata/src/*.fodt docx/testdata/src/*.html; do
	for format in docx pdf; do
		filter=() target=$format
		if [ "${src##*.}" = html ]; then
			# Opened in Writer, not Writer/Web, which has no .docx export.
			filter=(--infilter="HTML (StarWriter)")
			[ "$format" = docx ] && target="docx:MS Word 2007 XML"
		fi
		soffice -env:UserInstallation="file://$profile" --headless "${filter[@]}" --convert-to "$target" \
			--outdir docx/testdata "$src" 2>&1 >/dev/null | grep -v javaldx >&2 || true
	done
	name=$(basename "${src%.*}")
	# What LibreOffice shows, numbers and all: the tests check the
	# numbering the reader rebuilds against it.
	pdftotext -layout "docx/testdata/$name.pdf" "docx/testdata/$name.pdf.txt"
	echo "make-docx-fixtures: docx/testdata/$name.docx ($(stat -c %s "docx/testdata/$name.docx") bytes), $name.pdf ($(pdfinfo "docx/testdata/$name.pdf" 2>/dev/null | awk '/^Pages/ {print $2}') pages)"
done
