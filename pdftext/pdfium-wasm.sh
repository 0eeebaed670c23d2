#!/usr/bin/env bash
# Writes pdfium.wasm.gz, the PDFium WebAssembly module the binary embeds:
# go-pdfium's own module (the version go.mod names), gzipped, since it
# packs from 6.0 MB to 2.7 MB and is unpacked only when a PDF is read.
# Rerun after upgrading go-pdfium; a test checks the two are the same.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
dir=$(go list -m -f '{{.Dir}}' github.com/klippa-app/go-pdfium)
gzip -9 -n -c "$dir/internal/pdfium_wasm/pdfium.wasm" >pdftext/pdfium.wasm.gz
ls -l pdftext/pdfium.wasm.gz
