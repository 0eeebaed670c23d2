package pdftext

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"plandesk/reporttext"
)

// testReader is the one Reader the tests share: PDFium compiles once per
// test binary, into a cache folder of its own.
var testReader *Reader

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pdftext-cache-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	testReader = NewReader(dir)
	code := m.Run()
	if err := testReader.Close(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		code = 1
	}
	os.RemoveAll(dir)
	os.Exit(code)
}

// read reads a fixture from testdata with opt.
func read(t testing.TB, name string, opt Options) (*Document, error) {
	t.Helper()
	return testReader.ReadFile(context.Background(), filepath.Join("testdata", name), opt)
}

func mustRead(t testing.TB, name string) *Document {
	t.Helper()
	doc, err := read(t, name, Options{})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return doc
}

// shippedReport parses the report PlanDesk ships, whose PDF
// testdata/report.pdf is (scripts/make-pdf-fixtures.sh).
func shippedReport(t *testing.T) *reporttext.ParsedReport {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "store", "seed", "hanyang-midterm-eval.txt"))
	if err != nil {
		t.Fatal(err)
	}
	parsed, err := reporttext.ParseReport(raw)
	if err != nil {
		t.Fatal(err)
	}
	return parsed
}

// outline writes a parsed report as one line a heading or paragraph, with
// its depth, to compare two parses line by line.
func outline(p *reporttext.ParsedReport) []string {
	out := []string{"title " + p.Title}
	p.Walk(func(s, _ *reporttext.ParsedSection, depth int) {
		out = append(out, fmt.Sprintf("%d %s|%s|%s implied=%v", depth, s.Numbering, s.Title, s.TitleEnd, s.Implied))
		for _, para := range s.Paragraphs {
			out = append(out, fmt.Sprintf("%d   %s", depth, para))
		}
	})
	return out
}

// TestReportPDFParsesAsItsText: the shipped report laid out by LibreOffice
// (a title over two lines, headings in larger and bold type, indented
// paragraphs broken across pages, page numbers in the footer) gives a text
// that reporttext parses into exactly the title, section tree and
// paragraphs of the report's .txt.
func TestReportPDFParsesAsItsText(t *testing.T) {
	doc := mustRead(t, "report.pdf")
	fromPDF, err := reporttext.ParseReport(doc.Text())
	if err != nil {
		t.Fatal(err)
	}
	want, got := outline(shippedReport(t)), outline(fromPDF)
	for i := range max(len(want), len(got)) {
		w, g := at(want, i), at(got, i)
		if w != g {
			t.Errorf("line %d:\n want %s\n  got %s", i, w, g)
		}
	}
	if doc.Pages != 4 || len(doc.TextlessPages) != 0 {
		t.Errorf("pages %d, textless %v", doc.Pages, doc.TextlessPages)
	}
	if doc.Blocks[0].Kind != Title || doc.Blocks[1].Kind != Heading || doc.Blocks[3].Kind != Paragraph {
		t.Errorf("kinds: %+v", doc.Blocks[:4])
	}
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "(none)"
}

// TestQuotationMarksStayInPlace: every “ ” 《 》 of the report stands, in
// the PDF's text, between the same characters as in the .txt. (PDFium's
// GetPageText, which follows the order the PDF draws in, has been seen to
// move a closing mark to the end of its line in LibreOffice's PDFs.)
func TestQuotationMarksStayInPlace(t *testing.T) {
	want := shippedReport(t).Text()
	parsed, err := reporttext.ParseReport(mustRead(t, "report.pdf").Text())
	if err != nil {
		t.Fatal(err)
	}
	got := parsed.Text()
	if marks(want) != marks(got) {
		t.Fatalf("marks differ:\n want %s\n  got %s", marks(want), marks(got))
	}
	if n := strings.Count(want, "“"); n < 20 {
		t.Fatalf("only %d quotation marks in the report", n)
	}
}

// marks writes each quotation or title mark with the character on either
// side of it.
func marks(text string) string {
	runes := []rune(text)
	var b strings.Builder
	for i, r := range runes {
		if strings.ContainsRune("“”《》", r) {
			before, after := ' ', ' '
			if i > 0 {
				before = runes[i-1]
			}
			if i+1 < len(runes) {
				after = runes[i+1]
			}
			fmt.Fprintf(&b, "%c%c%c ", before, r, after)
		}
	}
	return b.String()
}

// TestHeadersFootersAndPageNumbersAreDropped: a running header, a 第N页
// 共M页 footer (headers.pdf) and - N - page numbers (report.pdf) are not
// text, and a paragraph broken by a page reads whole.
func TestHeadersFootersAndPageNumbersAreDropped(t *testing.T) {
	var want []string
	shippedReport(t).Walk(func(s, _ *reporttext.ParsedSection, _ int) { want = append(want, s.Paragraphs...) })
	doc := mustRead(t, "headers.pdf")
	if doc.Pages != 3 {
		t.Fatalf("%d pages", doc.Pages)
	}
	var got []string
	for _, b := range doc.Blocks[1:] {
		got = append(got, b.Text)
	}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs differ: %d, want %d", len(got), len(want))
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("paragraph %d:\n want %s\n  got %s", i, want[i], got[i])
			}
		}
	}
	for _, name := range []string{"headers.pdf", "report.pdf", "twocol.pdf"} {
		text := string(mustRead(t, name).Text())
		for _, furniture := range []string{"内部资料", "页 共", "- 1 -", "- 2 -", "— 1 —"} {
			if strings.Contains(text, furniture) {
				t.Errorf("%s keeps %q", name, furniture)
			}
		}
	}
}

// TestTwoColumnsReadInOrder: a title and a paragraph across the page, eight
// paragraphs in two columns, a paragraph across the page again: the left
// column is read before the right, each paragraph whole.
func TestTwoColumnsReadInOrder(t *testing.T) {
	doc := mustRead(t, "twocol.pdf")
	var got []string
	for _, b := range doc.Blocks {
		got = append(got, b.Text)
	}
	want := []string{"两栏排版测试", "本页上方的标题和这一段横跨整页，下面的文字分为左右两栏，先读完左栏再读右栏。"}
	for i := 1; i <= 8; i++ {
		want = append(want, fmt.Sprintf("第%d段：这是两栏中的第%d个段落，用来检验阅读顺序是否正确，栏内的文字应当连续读出，不与另一栏的文字交错混杂。", i, i))
	}
	want = append(want, "这是两栏之后横跨整页的结束段落，它应当排在第8段之后。")
	if !slices.Equal(got, want) {
		t.Errorf("blocks:\n%s", strings.Join(got, "\n"))
	}
}

// TestLongPDFImports: a PDF of 300 pages is read, each page's heading a
// section of the parsed report (30 parts of 10), under the bounds.
func TestLongPDFImports(t *testing.T) {
	var pages []int
	doc, err := read(t, "long.pdf", Options{Progress: func(p Progress) {
		if p.Stage == StageReading {
			pages = append(pages, p.Page)
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Pages != 300 || len(pages) != 300 || pages[299] != 300 {
		t.Fatalf("%d pages, progress %d", doc.Pages, len(pages))
	}
	parsed, err := reporttext.ParseReport(doc.Text())
	if err != nil {
		t.Fatal(err)
	}
	sections, _ := parsed.Counts()
	last := parsed.Sections[len(parsed.Sections)-1]
	if sections != 330 || len(parsed.Sections) != 30 || last.Title != "第30篇" || last.Children[9].Title != "第300部分" ||
		parsed.Title != "三百页长文档测试" {
		t.Errorf("%d sections, %d parts, the last %s%s, title %q", sections, len(parsed.Sections), last.Numbering, last.Title, parsed.Title)
	}
}

// TestErrorsSayWhatIsWrong: a scan, an encrypted PDF (without and with a
// wrong password), a truncated one, bytes that are no PDF and files past
// the bounds each give their own error; the right password opens.
func TestErrorsSayWhatIsWrong(t *testing.T) {
	cases := []struct {
		name string
		opt  Options
		want error
	}{
		{"scanned.pdf", Options{}, ErrScanned},
		{"locked.pdf", Options{}, ErrPassword},
		{"locked.pdf", Options{Password: "wrong"}, ErrWrongPassword},
		{"broken.pdf", Options{}, ErrDamaged},
		{"src/report.fodt", Options{}, ErrDamaged},
		{"long.pdf", Options{MaxPages: 100}, ErrTooManyPages},
		{"report.pdf", Options{MaxBytes: 1000}, ErrFileTooLarge},
		{"missing.pdf", Options{}, fs.ErrNotExist},
	}
	for _, c := range cases {
		_, err := read(t, c.name, c.opt)
		if !errors.Is(err, c.want) {
			t.Errorf("%s %+v: %v, want %v", c.name, c.opt, err, c.want)
		}
	}
	if _, err := read(t, "locked.pdf", Options{}); errors.Is(err, ErrWrongPassword) {
		t.Errorf("no password given, yet %v", err)
	}
	var le *LimitError
	if _, err := read(t, "long.pdf", Options{MaxPages: 100}); !errors.As(err, &le) || le.Found != 300 || le.Limit != 100 {
		t.Errorf("limit error %+v", le)
	}
	doc, err := read(t, "locked.pdf", Options{Password: "plandesk"})
	if err != nil || string(doc.Text()) != string(mustRead(t, "report.pdf").Text()) {
		t.Errorf("with its password: %v", err)
	}
	if _, err := testReader.Read(context.Background(), nil, Options{}); !errors.Is(err, ErrDamaged) {
		t.Errorf("no bytes: %v", err)
	}
}

// TestStartsOnFirstReadAndAfterClose: a new Reader starts nothing until it
// reads, says so to the progress callback, reads again after Close (from
// the cache), and stops between pages when its context ends.
func TestStartsOnFirstReadAndAfterClose(t *testing.T) {
	r := NewReader(filepath.Join(t.TempDir(), "cache"))
	if r.eng != nil {
		t.Fatal("started before reading")
	}
	var stages []Stage
	progress := func(p Progress) { stages = append(stages, p.Stage) }
	data, err := os.ReadFile(filepath.Join("testdata", "twocol.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	for range 2 {
		stages = nil
		if _, err := r.Read(context.Background(), data, Options{Progress: progress}); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(stages, []Stage{StageStarting, StageReading}) {
			t.Errorf("stages %v", stages)
		}
		if err := r.Close(); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(r.cacheDir)
	if len(entries) == 0 {
		t.Error("nothing cached")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := testReader.Read(ctx, data, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: %v", err)
	}
}

// BenchmarkReadReport reads the shipped report's PDF with PDFium started
// (compiled before the loop): a read as the window makes it after its
// first. The first read of a process, with and without the cache, is
// measured apart, each by a process of its own: scripts/pdf-bench.sh.
func BenchmarkReadReport(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "report.pdf"))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := testReader.Read(context.Background(), data, Options{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := testReader.Read(context.Background(), data, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadLong reads the 300-page PDF with PDFium started.
func BenchmarkReadLong(b *testing.B) {
	mustRead(b, "long.pdf")
	for b.Loop() {
		mustRead(b, "long.pdf")
	}
}
