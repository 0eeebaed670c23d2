#!/usr/bin/env bash
# Writes pdfium.wasm.br, the PDFium WebAssembly module the binary embeds:
# go-pdfium's own module (the version go.mod names), packed with Brotli,
# since it packs from 6.0 MB to 2.1 MB and is unpacked only when a PDF is read.
# Rerun after upgrading go-pdfium; a test checks the two are the same.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
dir=$(go list -m -f '{{.Dir}}' github.com/klippa-app/go-pdfium)
brotli -q 11 -w 24 -c "$dir/internal/pdfium_wasm/pdfium.wasm" >pdftext/pdfium.wasm.br
ls -l pdftext/pdfium.wasm.br
