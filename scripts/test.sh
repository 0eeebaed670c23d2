#!/usr/bin/env bash
# Runs PlanDesk's whole test suite: formatting, go vet, staticcheck, actionlint on the
# release workflow, every package's tests (headless Fyne tests included),
# the fuzz targets for a fixed time, then the end-to-end smoke test of the
# real binary under Xvfb, offline.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
. scripts/env.sh

unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
	echo "gofmt would change: $unformatted" >&2
	exit 1
fi
go vet ./...
# staticcheck is pinned in go.mod's tool block.
go tool staticcheck ./...
# The package rules: what may link GORM, SQLite and Fyne, doc comments,
# function length.
bash scripts/layout.sh
# The release workflow (macOS is built there) is linted with actionlint,
# fetched from the Go module proxy at a pinned version.
go run github.com/rhysd/actionlint/cmd/actionlint@v1.7.12 .github/workflows/release.yml
go test -count=1 ./...
bash scripts/fuzz.sh
bash scripts/smoke.sh
