package reviewdoc

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func writePDFFile(t *testing.T, in Input) string {
	t.Helper()
	doc, err := Build(in)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WritePDF(&buf, doc); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "review.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// poppler runs one of poppler-utils' tools, skipping without them.
func poppler(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s is not installed (apt-get install poppler-utils)", tool)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}

// TestPDFOfTheShippedReportHasText writes the shipped report's review as
// a PDF: pdftotext finds its Chinese, pdffonts the font embedded, pdfinfo
// A4 pages, a sensible number of them.
func TestPDFOfTheShippedReportHasText(t *testing.T) {
	in := shippedInput(t, "zh")
	path := writePDFFile(t, in)
	if dir := os.Getenv("REVIEWDOC_KEEP"); dir != "" {
		data, _ := os.ReadFile(path)
		_ = os.WriteFile(filepath.Join(dir, "review.pdf"), data, 0o644)
	}
	text := poppler(t, "pdftotext", "-layout", path, "-")
	ind := in.Indicators[0]
	contains(t, "pdf text", text, "审阅报告", "审阅概况", "分节审阅情况", "附录：数值修改记录",
		in.Sections[1].Title, ind.Name, "此处表述需与统计公报口径一致。", "（原文已变）")
	contains(t, "pdf text without spaces", strings.ReplaceAll(text, " ", ""), "—2—", "—3—")
	fonts := poppler(t, "pdffonts", path)
	if strings.Count(strings.ToLower(fonts), "notosanssc") < 2 || strings.Count(fonts, "CID TrueType") < 2 || strings.Count(fonts, " yes ") < 2 {
		t.Errorf("pdffonts: want Noto Sans SC embedded (regular and bold):\n%s", fonts)
	}
	info := poppler(t, "pdfinfo", path)
	contains(t, "pdfinfo", info, "A4", "Title:")
	pages := 0
	for _, line := range strings.Split(info, "\n") {
		if rest, ok := strings.CutPrefix(line, "Pages:"); ok {
			pages, _ = strconv.Atoi(strings.TrimSpace(rest))
		}
	}
	if pages < 5 || pages > 40 {
		t.Errorf("%d pages; want between 5 and 40", pages)
	}
	if t.Failed() {
		t.Log(text)
	}
}
