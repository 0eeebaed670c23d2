#!/usr/bin/env bash
# Times pdftext as the app meets it, each case in a process of its own
# under /usr/bin/time -v (wall time and peak RSS): the first read ever
# (PDFium compiled into an empty cache), the first read of a later start
# (from the cache), the reads after it in the same process, and the
# 300-page fixture both ways. The small command it builds lives in a
# temporary module outside the repository that imports plandesk/pdftext.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
root=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/main.go" <<'GO'
// Command pdfbench reads a PDF n times with one pdftext.Reader.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"plandesk/pdftext"
)

func main() {
	cache := flag.String("cache", "", "compilation cache folder")
	n := flag.Int("n", 1, "reads")
	flag.Parse()
	r := pdftext.NewReader(*cache)
	defer r.Close()
	for i := range *n {
		start := time.Now()
		doc, err := r.ReadFile(context.Background(), flag.Arg(0), pdftext.Options{})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("  read %d: %v (%d pages)\n", i+1, time.Since(start).Round(time.Millisecond), doc.Pages)
	}
}
GO
cat >"$tmp/go.mod" <<MOD
module pdfbench

go 1.26.8

require plandesk v0.0.0

replace plandesk => $root

replace clocale => $root/clocale
MOD
cp go.sum "$tmp/"
(cd "$tmp" && GOFLAGS="$GOFLAGS -mod=mod" go mod tidy >/dev/null 2>&1 && go build -ldflags='-s -w' -o pdfbench .)
echo "pdfbench (stripped): $(stat -c %s "$tmp/pdfbench") bytes"

run() {
	echo "$1"
	shift
	/usr/bin/time -v "$tmp/pdfbench" "$@" 2>"$tmp/time" || { cat "$tmp/time"; exit 1; }
	sed -n 's/^\tElapsed (wall clock) time (h:mm:ss or m:ss): /  process: /p; s/^\tMaximum resident set size (kbytes): \(.*\)/  peak RSS: \1 kB/p' "$tmp/time"
}
data=pdftext/testdata
run "report, first read ever (compiles):" -cache "$tmp/cold" -n 3 "$data/report.pdf"
run "report, a later start (from the cache):" -cache "$tmp/cold" -n 3 "$data/report.pdf"
run "300 pages, first read ever:" -cache "$tmp/cold300" "$data/long.pdf"
run "300 pages, from the cache:" -cache "$tmp/cold300" -n 2 "$data/long.pdf"
echo "cache on disk: $(du -sh "$tmp/cold" | cut -f1)"
