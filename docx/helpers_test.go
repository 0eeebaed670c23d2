package docx

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/reporttext"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// readFixture reads a fixture LibreOffice made (scripts/make-docx-fixtures.sh).
func readFixture(tb testing.TB, name string) *Result {
	tb.Helper()
	res, err := ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatalf("read %s: %v", name, err)
	}
	return res
}

// dump is a report as the golden files show it: title and facts, then
// every section indented by depth, its heading as Numbering|Title|TitleEnd,
// its paragraphs (>) and tables (a row a line, | between cells; a cell
// spanning shows its spans, a covered cell is ·).
func dump(p *reporttext.ParsedReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\nregion: %s\nplan: %s\nevaluation date: %s\nno headings: %v\n",
		p.Title, p.Region, p.PlanPeriod, p.EvaluationDate, p.NoHeadings)
	p.Walk(func(s, _ *reporttext.ParsedSection, depth int) {
		indent := strings.Repeat("  ", depth)
		if s.Implied {
			fmt.Fprintf(&b, "%s[%s]\n", indent, s.Title)
		} else {
			fmt.Fprintf(&b, "%s%s|%s|%s\n", indent, s.Numbering, s.Title, s.TitleEnd)
		}
		tables := s.Tables
		for k := 0; k <= len(s.Paragraphs); k++ {
			for len(tables) > 0 && tables[0].After == k {
				dumpTable(&b, indent+"  ", tables[0])
				tables = tables[1:]
			}
			if k < len(s.Paragraphs) {
				fmt.Fprintf(&b, "%s  > %s\n", indent, s.Paragraphs[k])
			}
		}
		for _, t := range tables {
			fmt.Fprintf(&b, "%s  table after %d of %d paragraphs!\n", indent, t.After, len(s.Paragraphs))
		}
	})
	return b.String()
}

func dumpTable(b *strings.Builder, indent string, t reporttext.Table) {
	for _, row := range t.Rows {
		var cells []string
		for _, c := range row {
			switch {
			case c.Covered:
				cells = append(cells, "·")
			case c.ColSpan != 1 || c.RowSpan != 1:
				cells = append(cells, fmt.Sprintf("%s{%dx%d}", strings.ReplaceAll(c.Text, "\n", "⏎"), c.ColSpan, c.RowSpan))
			default:
				cells = append(cells, strings.ReplaceAll(c.Text, "\n", "⏎"))
			}
		}
		fmt.Fprintf(b, "%s| %s |\n", indent, strings.Join(cells, " | "))
	}
}

// assertGolden compares got with testdata/name, rewriting it with -update.
func assertGolden(t *testing.T, name, got string) {
	t.Helper()
	golden := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs (go test -update rewrites it):\n%s", golden, got)
	}
}

// Parts of a hand-made .docx: a package needs only its content types, the
// relationship to the main part and the main part itself; makeDocx adds
// the first two, and the document's relationships to the parts given.
const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml"`

// body is a document.xml holding the body xml.
func body(xml string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + xml + `</w:body></w:document>`
}

// styles is a styles.xml holding the styles xml.
func styles(xml string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNS + `>` + xml + `</w:styles>`
}

// numbering is a numbering.xml holding the definitions xml.
func numbering(xml string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><w:numbering ` + wordNS + `>` + xml + `</w:numbering>`
}

// makeDocx zips the parts (word/document.xml and, optionally,
// word/styles.xml, word/numbering.xml, word/footnotes.xml) into a .docx.
func makeDocx(tb testing.TB, parts map[string]string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	write := func(name, content string) {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write([]byte(content)); err != nil {
			tb.Fatal(err)
		}
	}
	write("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`)
	write("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`)
	rels := `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
	for i, kind := range []string{"styles", "numbering", "footnotes", "endnotes"} {
		if _, ok := parts["word/"+kind+".xml"]; ok {
			rels += fmt.Sprintf(`<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/%s" Target="%s.xml"/>`, i+1, kind, kind)
		}
	}
	write("word/_rels/document.xml.rels", rels+`</Relationships>`)
	for name, content := range parts {
		write(name, content)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// readBytes reads a .docx held in memory.
func readBytes(data []byte) (*Result, error) { return Read(bytes.NewReader(data), int64(len(data))) }

// mustRead reads hand-made parts, failing the test on an error.
func mustRead(t *testing.T, parts map[string]string) *Result {
	t.Helper()
	res, err := readBytes(makeDocx(t, parts))
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// p is a paragraph of the style, with text in one run.
func p(style, text string) string {
	props := ""
	if style != "" {
		props = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
	}
	return `<w:p>` + props + `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}
