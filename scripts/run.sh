#!/usr/bin/env bash
# Builds PlanDesk and starts it. With no database yet, the window opens on
# the report PlanDesk ships with. Arguments go to plandesk (e.g. --db PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
go build -tags migrated_fynedo -o plandesk .
exec ./plandesk "$@"
