package reviewdoc

import (
	"io"
	"testing"
)

// BenchmarkDocxShippedReport writes the shipped report's review as a
// .docx, from its Input; the budget is 500 ms.
func BenchmarkDocxShippedReport(b *testing.B) {
	in := shippedInput(b, "zh")
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Build(in)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteDOCX(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPDFShippedReport is the same as a PDF; the budget is 1 s.
func BenchmarkPDFShippedReport(b *testing.B) {
	in := shippedInput(b, "zh")
	b.ReportAllocs()
	for b.Loop() {
		doc, err := Build(in)
		if err != nil {
			b.Fatal(err)
		}
		if err := WritePDF(io.Discard, doc); err != nil {
			b.Fatal(err)
		}
	}
}
