package reportfile

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"plandesk/docx"
	"plandesk/pdftext"
	"plandesk/reporttext"
)

// copyAs copies a fixture to a temporary file of another name: a file is
// read for what it holds, whatever its name says.
func copyAs(t *testing.T, from, name string) string {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestFilesAreReadForWhatTheyHold: a text, and a PDF named .txt, each
// read as what it is; the PDF of the shipped report gives the text's
// sections; an encrypted PDF asks for its password and opens with it.
func TestFilesAreReadForWhatTheyHold(t *testing.T) {
	r := NewReader(t.TempDir())
	t.Cleanup(func() { _ = r.Close() })
	ctx := context.Background()

	seed := filepath.Join("..", "..", "shared", "reports", "hanyang-midterm-eval.txt")
	text, err := r.Read(ctx, seed, Options{})
	if err != nil || text.Kind != Text {
		t.Fatalf("the shipped text: kind %v, %v", text.Kind, err)
	}
	stages := 0
	pdf, err := r.Read(ctx, copyAs(t, filepath.Join("..", "pdftext", "testdata", "report.pdf"), "report.txt"),
		Options{Progress: func(pdftext.Progress) { stages++ }})
	if err != nil || pdf.Kind != PDF || stages == 0 {
		t.Fatalf("a PDF named .txt: kind %v, %d progress calls, %v", pdf.Kind, stages, err)
	}
	if got, want := outline(pdf.Report), outline(text.Report); got != want {
		t.Errorf("the PDF's sections:\n%s\nthe text's:\n%s", got, want)
	}

	word, err := r.Read(ctx, copyAs(t, filepath.Join("..", "docx", "testdata", "hanyang-midterm-eval.docx"), "report.pdf"), Options{})
	if err != nil || word.Kind != Word {
		t.Fatalf("a .docx named .pdf: kind %v, %v", word.Kind, err)
	}
	if got, want := outline(word.Report), outline(text.Report); got != want {
		t.Errorf("the .docx's sections:\n%s\nthe text's:\n%s", got, want)
	}
	doc := copyAs(t, filepath.Join("..", "pdftext", "testdata", "report.pdf"), "x")
	if err := os.WriteFile(doc, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0}, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Read(ctx, doc, Options{}); !errors.Is(err, docx.ErrLegacyFormat) {
		t.Errorf("a Word 97 file: %v", err)
	}

	locked := filepath.Join("..", "pdftext", "testdata", "locked.pdf")
	if _, err := r.Read(ctx, locked, Options{}); !errors.Is(err, pdftext.ErrPassword) {
		t.Errorf("an encrypted PDF without its password: %v", err)
	}
	if doc, err := r.Read(ctx, locked, Options{Password: "plandesk"}); err != nil || doc.Kind != PDF {
		t.Errorf("with its password: %v", err)
	}
	if _, err := r.Read(ctx, filepath.Join("..", "pdftext", "testdata", "scanned.pdf"), Options{}); !errors.Is(err, pdftext.ErrScanned) {
		t.Errorf("a scanned PDF: %v", err)
	}
}

// outline is a report's section headings, one a line.
func outline(p *reporttext.ParsedReport) string {
	var s string
	p.Walk(func(sec, _ *reporttext.ParsedSection, depth int) { s += sec.Numbering + sec.Title + "\n" })
	return p.Title + "\n" + s
}
