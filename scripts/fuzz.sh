#!/usr/bin/env bash
# Runs the fuzz targets for a fixed time each (FUZZTIME, default 20s):
# the report parser, whose no-loss property (every character of the input
# is kept, in order) is checked on every input, the number and range parsers, and the
# target table reader (pasted text through matching to the import plan),
# and the .docx reader (any bytes, as a .docx or as its document.xml). A
# panic or a broken property fails the run and leaves the input in
# the package's testdata/fuzz/ for the next `go test` to replay.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
fuzztime=${FUZZTIME:-20s}
for spec in reporttext:FuzzParseReport cnnum:FuzzParseNumber cnnum:FuzzParseRange targets:FuzzReadTable docx:FuzzReadDocx reviewpack:FuzzRead; do
	pkg=${spec%%:*} target=${spec#*:}
	# Minimising a new input may take a minute by default, with no fuzzing
	# meanwhile; a short cap keeps the fixed time for finding inputs.
	# The last lines on success; all of it when the run fails, to say why.
	out=$(mktemp)
	if ! go test -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -fuzzminimizetime 3s "./$pkg" >"$out" 2>&1; then
		cat "$out"
		rm -f "$out"
		exit 1
	fi
	tail -n 3 "$out"
	rm -f "$out"
	corpus="$(go env GOCACHE)/fuzz/plandesk/$pkg/$target"
	echo "fuzz: $target ran $fuzztime; corpus: $(ls "$corpus" 2>/dev/null | wc -l) generated inputs, $(ls "$pkg/testdata/fuzz/$target" 2>/dev/null | wc -l) kept in testdata"
done
