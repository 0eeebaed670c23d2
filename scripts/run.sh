#!/usr/bin/env bash
# Builds PlanDesk and starts it. With no database yet, the window opens on
# the report PlanDesk ships with. Arguments go to plandesk (e.g. --db PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
. scripts/env.sh
go build -o plandesk .
exec ./plandesk "$@"
