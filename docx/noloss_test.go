package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"regexp"
	"strings"
	"testing"

	"plandesk/reporttext"
)

// sourceText is what a plain scan of a .docx's word/document.xml finds as
// its body's words: the non-space characters of every w:t in order, but
// those of a tracked deletion or move away, of a field's instruction, and
// of a table of contents (a content control of the gallery "Table of
// Contents"). It shares no code with the reader.
func sourceText(tb testing.TB, data []byte) string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	f, err := zr.Open("word/document.xml")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	d := xml.NewDecoder(f)
	var b strings.Builder
	var tocs []bool // per open w:sdt: is it a table of contents?
	inText := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return keepNonSpace(b.String())
		}
		if err != nil {
			tb.Fatal(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "del", "moveFrom", "delText", "instrText":
				if err := d.Skip(); err != nil {
					tb.Fatal(err)
				}
			case "sdt":
				tocs = append(tocs, false)
			case "docPartGallery":
				if strings.Contains(attr(t, "val"), "Table of Contents") {
					tocs[len(tocs)-1] = true
				}
			case "sdtContent":
				if tocs[len(tocs)-1] {
					if err := d.Skip(); err != nil {
						tb.Fatal(err)
					}
				}
			case "t":
				inText = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "sdt":
				tocs = tocs[:len(tocs)-1]
			case "t":
				inText = false
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
}

// reportText is everything a report holds, in reading order: its title,
// each section's heading and paragraphs with its tables where they stand,
// each table's cells row by row.
func reportText(p *reporttext.ParsedReport) string {
	var b strings.Builder
	b.WriteString(p.Title)
	p.Walk(func(s, _ *reporttext.ParsedSection, _ int) {
		if !s.Implied {
			b.WriteString(s.Numbering + s.Title + s.TitleEnd)
		}
		tables := s.Tables
		for k := 0; k <= len(s.Paragraphs); k++ {
			for len(tables) > 0 && tables[0].After <= k {
				for _, row := range tables[0].Rows {
					for _, c := range row {
						b.WriteString(c.Text)
					}
				}
				tables = tables[1:]
			}
			if k < len(s.Paragraphs) {
				b.WriteString(s.Paragraphs[k])
			}
		}
	})
	return b.String()
}

var (
	// notesIn are the footnotes and endnotes the reader keeps, which are
	// not in document.xml; picturesIn the markers of pictures and text
	// boxes, whose words are.
	notesIn    = regexp.MustCompile(`〔注：[^〕]*〕`)
	picturesIn = regexp.MustCompile(`〔图(?:：([^〕]*))?〕`)
	// labelRunes are what an automatic number is written with.
	labelRunes = "0123456789〇一二三四五六七八九十百千（）()、.．①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
)

// checkNoLoss checks that source, a document's words, appears in the
// report once and in order, and that whatever else the report holds is
// notes, picture markers and automatic numbers.
func checkNoLoss(t *testing.T, name, source string, p *reporttext.ParsedReport) {
	t.Helper()
	out := notesIn.ReplaceAllString(reportText(p), "")
	out = keepNonSpace(picturesIn.ReplaceAllString(out, "$1"))
	src := []rune(source)
	j := 0
	var extra []rune
	for _, r := range out {
		if j < len(src) && r == src[j] {
			j++
			continue
		}
		extra = append(extra, r)
	}
	if j < len(src) {
		t.Errorf("%s: the report lacks the document's words from rune %d of %d: …%q…", name, j, len(src), string(src[j:min(j+20, len(src))]))
	}
	for _, r := range extra {
		if !strings.ContainsRune(labelRunes, r) {
			t.Errorf("%s: the report adds %q, which is no automatic number (all added: %q)", name, r, string(extra))
			break
		}
	}
}

// keepNonSpace is s without its white space.
func keepNonSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}
