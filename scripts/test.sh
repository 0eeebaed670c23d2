#!/usr/bin/env bash
# Runs PlanDesk's whole test suite: formatting, go vet, every package's tests
# (headless Fyne tests included), then the end-to-end smoke test of the real
# binary under Xvfb.
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
go test -count=1 ./...
bash scripts/smoke.sh
