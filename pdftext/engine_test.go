package pdftext

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbeddedPDFiumIsGoPdfiumsModule: the packed module the binary
// carries is exactly the one of the go-pdfium that go.mod names, so an
// upgrade of go-pdfium cannot leave an old PDFium behind (run
// pdftext/pdfium-wasm.sh after one).
func TestEmbeddedPDFiumIsGoPdfiumsModule(t *testing.T) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "github.com/klippa-app/go-pdfium").Output()
	if err != nil {
		t.Skipf("go list -m: %v", err)
	}
	want, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "internal", "pdfium_wasm", "pdfium.wasm"))
	if err != nil {
		t.Skipf("go-pdfium's module is not in the module cache: %v", err)
	}
	got, err := pdfiumModule()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("pdftext/pdfium.wasm.br (%d bytes unpacked) is not go-pdfium's module (%d bytes): run pdftext/pdfium-wasm.sh", len(got), len(want))
	}
}

// BenchmarkUnpackPDFium is what the packed module costs on the first read.
func BenchmarkUnpackPDFium(b *testing.B) {
	for b.Loop() {
		if _, err := pdfiumModule(); err != nil {
			b.Fatal(err)
		}
	}
}
