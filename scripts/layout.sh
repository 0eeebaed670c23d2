#!/usr/bin/env bash
# Checks the rules of PlanDesk's package layout that the compiler does not:
# which packages may link GORM, SQLite or Fyne, that screens reach the store
# only through interfaces of their own, that every package says in a doc
# comment what it holds, and that no function runs over 60 lines. Prints
# each broken rule and fails if there is any.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
status=0
broken() { echo "layout: $*" >&2; status=1; }

# The domain and the pure packages link neither GORM nor SQLite nor Fyne.
for pkg in plan cnnum cjk search reporttext docx sheet targets pdf pdftext pdftext/pdferr atomicfile slidefile store/storeerr; do
	if bad=$(go list -deps "./$pkg" | grep -E '^(gorm\.io|github\.com/glebarez|modernc\.org|fyne\.io)/'); then
		broken "$pkg links $(echo "$bad" | head -n 1) (and $(echo "$bad" | wc -l) in all)"
	fi
done
# The review report links no database, and Fyne only through messages'
# lang package: it imports neither store nor a screen.
if bad=$(go list -deps ./reviewdoc | grep -E '^(gorm\.io|github\.com/glebarez|modernc\.org)/|^fyne\.io/fyne/v2/(widget|canvas|app|container|dialog|driver)'); then
	broken "reviewdoc links $(echo "$bad" | head -n 1)"
fi
if go list -f '{{join .Imports "\n"}}' ./reviewdoc | grep -qE '^plandesk/(store|views|app)$'; then
	broken "reviewdoc imports the store or a screen"
fi
# Nothing that stores or computes links Fyne.
for pkg in store; do
	if go list -deps "./$pkg" | grep -q '^fyne\.io/'; then
		broken "$pkg links Fyne"
	fi
done
# The screens and the domain never link the database.
if bad=$(go list -deps ./views/... ./plan/... ./messages/... | grep -E '^(gorm\.io|github\.com/glebarez)'); then
	broken "views, plan or messages link $(echo "$bad" | head -n 1)"
fi
# Screens declare the interfaces they need instead of importing the store.
for pkg in $(go list ./views/...); do
	if go list -f '{{join .Imports "\n"}}' "$pkg" | grep -qx 'plandesk/store'; then
		broken "$pkg imports plandesk/store"
	fi
done
# Every package has a doc comment.
for pkg in $(go list -f '{{if not .Doc}}{{.ImportPath}}{{end}}' ./...); do
	broken "$pkg has no package doc comment"
done
# Functions stay short enough to read at once; a list of SQL steps is data.
long=$(go run ./scripts/funclen 60 $(git ls-files '*.go' | grep -v '_test\.go$' | grep -v '^store/migrate\.go$'))
if [ -n "$long" ]; then
	broken "functions over 60 lines:"
	echo "$long" >&2
fi
exit $status
