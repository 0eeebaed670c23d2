package docx

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"plandesk/reporttext"
)

// FuzzReadDocx reads any bytes as a .docx, and, when they are no zip, as
// the document.xml of one: it must never panic, refuse only with the
// errors Read documents, return nothing with an error, and return a
// report whose tables are whole grids (every row as wide, every cell
// either covered or spanning at least one row and column).
func FuzzReadDocx(f *testing.F) {
	for _, name := range []string{"qingxi-report.docx", "hanyang-midterm-eval.docx", "plain-report.docx"} {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(body(p("Title", "某区报告") + p("Heading1", "一、成效") + p("", "道路建成。"))))
	f.Add([]byte(body(`<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/><w:vMerge w:val="restart"/></w:tcPr>` + p("", "甲") +
		`</w:tc></w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr></w:tc></w:tr></w:tbl>`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		check(t, data)
		if Detect(data) != FormatZip {
			check(t, makeDocx(t, map[string]string{"word/document.xml": string(data)}))
		}
	})
}

// check reads data and checks what Read promises.
func check(t *testing.T, data []byte) {
	res, err := readBytes(data)
	if err != nil {
		var fe *FormatError
		var le *reporttext.LimitError
		if res != nil {
			t.Fatalf("a result with the error %v", err)
		}
		if !errors.As(err, &fe) && !errors.As(err, &le) && !errors.Is(err, reporttext.ErrEmptyInput) &&
			!errors.Is(err, reporttext.ErrNotText) && !errors.Is(err, reporttext.ErrNotUTF8) {
			t.Fatalf("an error Read does not document: %v", err)
		}
		return
	}
	if res.Report == nil || len(res.Report.Sections) == 0 || !utf8.ValidString(res.Report.Text()) {
		t.Fatalf("an empty or broken report: %+v", res)
	}
	res.Report.Walk(func(s, _ *reporttext.ParsedSection, _ int) {
		for _, tb := range s.Tables {
			if tb.After < 0 || tb.After > len(s.Paragraphs) {
				t.Fatalf("a table after %d of %d paragraphs", tb.After, len(s.Paragraphs))
			}
			for _, row := range tb.Rows {
				if len(row) != len(tb.Rows[0]) {
					t.Fatalf("rows of %d and %d cells", len(row), len(tb.Rows[0]))
				}
				for _, c := range row {
					if c.Covered != (c.ColSpan == 0 && c.RowSpan == 0) || !c.Covered && (c.ColSpan < 1 || c.RowSpan < 1) {
						t.Fatalf("cell %+v", c)
					}
				}
			}
		}
	})
}
