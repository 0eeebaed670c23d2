#!/usr/bin/env bash
# Measures PlanDesk: the Go benchmarks (parse and import the shipped report,
# read its .docx, open the store and load its tree, build a section page),
# then the real binary's start under Xvfb against a bare Fyne window built
# the same way (same tags, same window size): time to first frame and peak
# RSS, median of 5 starts each. Targets: ≤ 1.2× the time and ≤ 1.15× the memory.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh --bench
. scripts/env.sh

go test -run '^$' -bench . -benchmem ./cnnum ./reporttext ./docx ./targets ./store ./pdf ./views ./views/chart

bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
go build -o "$bin/plandesk" .
go build -o "$bin/bare" ./scripts/barewindow
# The app's first frame counts once its title names the report, that is
# when the section tree and the first section are on screen, not at the
# "Loading…" frame before them.
APP_TITLE="PlanDesk —" scripts/startup-bench.sh "$@" "$bin/plandesk" "$bin/bare" --db @TMP@/plan.db
