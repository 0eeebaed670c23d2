package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReviewExportWritesDocxAndPDF: `plandesk review-export` writes the
// review report of the shipped report, with a comment added by `plandesk
// comment add`, as a .docx (a zip) and as a PDF whose text pdftotext finds;
// a bad format or a missing --out is a usage error and writes nothing.
func TestReviewExportWritesDocxAndPDF(t *testing.T) {
	db, _ := seededForSet(t)
	if code, _, stderr := runMain("comment", "add", "--section", "数字经济稳步发展", "--db", db, "请核实企业数量"); code != 0 {
		t.Fatalf("comment add: %s", stderr)
	}
	dir := t.TempDir()
	docx := filepath.Join(dir, "审阅报告.docx")
	code, stdout, stderr := runMain("review-export", "--out", docx, "--db", db)
	if code != 0 || !strings.Contains(stdout, docx) {
		t.Fatalf("docx: exit %d, %s %s", code, stdout, stderr)
	}
	if b, err := os.ReadFile(docx); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatalf("the .docx is not a zip: %v", err)
	}
	pdf := filepath.Join(dir, "review.out")
	if code, _, stderr := runMain("review-export", "--format", "pdf", "--out", pdf, "--db", db); code != 0 {
		t.Fatalf("pdf: exit %d, %s", code, stderr)
	}
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %v", err)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", "-enc", "UTF-8", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"请核实企业数量", "数字经济稳步发展", "数字经济类企业"} {
			if !strings.Contains(strings.ReplaceAll(string(text), "\n", ""), want) {
				t.Errorf("the PDF's text lacks %q", want)
			}
		}
	}
	for _, bad := range [][]string{
		{"review-export", "--out", filepath.Join(dir, "x.txt"), "--db", db},
		{"review-export", "--format", "docx", "--db", db},
		{"review-export", "--format", "rtf", "--out", filepath.Join(dir, "y.docx"), "--db", db},
	} {
		if code, _, _ := runMain(bad...); code != 2 {
			t.Errorf("%q: exit %d, want 2", bad, code)
		}
	}
	if matches, _ := filepath.Glob(filepath.Join(dir, "[xy].*")); len(matches) != 0 {
		t.Errorf("a refused export left %v", matches)
	}
}
