package reviewdoc

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// hostile is text a paste can bring: every control character XML
// forbids, markup, a lone surrogate's bytes, an emoji and a character
// the font lacks, and ten thousand characters without a space.
func hostile() string {
	var b strings.Builder
	for r := rune(0); r < 0x20; r++ {
		b.WriteRune(r)
	}
	b.WriteString(`<w:p>&amp; "<&>" ]]> `)
	b.WriteString("\xed\xa0\x80 \uFFFE\uFFFF 😀 ䷀ \r\n第二行\t制表")
	b.WriteString(strings.Repeat("长", 5000) + strings.Repeat("x", 5000))
	return b.String()
}

// TestHostileTextMakesValidDocuments puts hostile text in every field a
// person types: the .docx still opens in python-docx (and LibreOffice
// when present) and the PDF in pdftotext, with the text around it intact.
func TestHostileTextMakesValidDocuments(t *testing.T) {
	in := shippedInput(t, "zh")
	h := hostile()
	in.Report.Title = "标题" + h
	in.Reviewers = append(in.Reviewers, h)
	in.Indicators[0].Name = "名称<&>" + h
	in.Indicators[0].Target = h
	in.Projects[0].Note = h
	for i := range in.Comments {
		in.Comments[i].Text = "意见<&>" + h
		in.Comments[i].Quote = h
		in.Comments[i].Replacement = h
	}
	docx := writeDocxFile(t, in)
	out := python(t, "docx", readDocx, docx)
	contains(t, "docx", out, "名称<&>", "<w:p>&amp; \"<&>\" ]]>", "意见<&>", "第二行", strings.Repeat("长", 5000))
	pdf := writePDFFile(t, in)
	text := poppler(t, "pdftotext", pdf, "-")
	contains(t, "pdf", strings.ReplaceAll(text, "\n", ""), "名称<&>", "意见<&>", "第二行", strings.Repeat("长", 30))
	// LibreOffice takes some 14 s over the ten-thousand-character cells.
	if _, err := exec.LookPath("soffice"); err == nil && !testing.Short() {
		start := time.Now()
		convertWithLibreOffice(t, docx)
		t.Logf("LibreOffice converted the hostile .docx in %v", time.Since(start))
	}
}

// TestLibreOfficeConvertsTheDocx converts the shipped report's .docx to a
// PDF with LibreOffice, as a reviewer's office suite would open it.
func TestLibreOfficeConvertsTheDocx(t *testing.T) {
	if _, err := exec.LookPath("soffice"); err != nil {
		t.Skip("soffice is not installed (apt-get install libreoffice-writer-nogui)")
	}
	in := shippedInput(t, "zh")
	pdf := convertWithLibreOffice(t, writeDocxFile(t, in))
	text := poppler(t, "pdftotext", pdf, "-")
	contains(t, "LibreOffice's PDF", text, "审阅概况", in.Indicators[0].Name, "此处表述需与统计公报口径一致。")
	if dir := os.Getenv("REVIEWDOC_KEEP"); dir != "" {
		data, _ := os.ReadFile(pdf)
		_ = os.WriteFile(filepath.Join(dir, "review-libreoffice.pdf"), data, 0o644)
	}
}

// convertWithLibreOffice converts a .docx to PDF in its own profile (so a
// LibreOffice already open is not disturbed) and returns the PDF's path.
func convertWithLibreOffice(t *testing.T, docx string) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, docx)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	out, err := cmd.CombinedOutput()
	pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(docx), ".docx")+".pdf")
	if _, serr := os.Stat(pdf); err != nil || serr != nil {
		t.Fatalf("soffice --convert-to pdf: %v %v\n%s", err, serr, out)
	}
	return pdf
}
