package docx

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkReadShippedReport reads the shipped report's .docx, held in
// memory; the import's budget for it is 100 ms.
func BenchmarkReadShippedReport(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "hanyang-midterm-eval.docx"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readBytes(data); err != nil {
			b.Fatal(err)
		}
	}
}
