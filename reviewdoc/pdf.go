package reviewdoc

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"plandesk/packed"
)

// The PDF's page in millimetres: A4 with the .docx's margins.
const (
	pdfLeft, pdfRight, pdfTop, pdfBottom = 28.0, 26.0, 30.0, 28.0
	pdfPageW, pdfPageH                   = 210.0, 297.0
	pdfTextW                             = pdfPageW - pdfLeft - pdfRight
	ptToMM                               = 25.4 / 72
	fontFamily                           = "NotoSansSC"
)

// pdfWriter lays a Document out on fpdf's pages, line by line, breaking
// lines and pages itself so Chinese text wraps between any two characters
// and a table's rows continue on the next page under a repeated header.
type pdfWriter struct {
	f *fpdf.Fpdf
}

// textStyle is a paragraph's font, size in points, grey level, indent and
// space before, in millimetres.
type textStyle struct {
	bold   bool
	size   float64
	grey   int
	indent float64
	before float64
}

var pdfStyles = map[Style]textStyle{
	Body:  {size: 12, before: 1},
	Note:  {size: 10.5, grey: 0x59, before: 2},
	Quote: {size: 12, indent: 8, before: 0.5},
	Reply: {size: 10.5, indent: 16, before: 0.5},
	Label: {size: 12, bold: true, before: 3},
}

// headingStyles are the sizes of heading levels 1 to 4.
var headingStyles = [...]textStyle{
	{bold: true, size: 16, before: 0},
	{bold: true, size: 14, before: 5},
	{bold: true, size: 13, before: 4},
	{bold: true, size: 12, before: 3},
}

// WritePDF writes doc as a PDF: A4, its text real and selectable in the
// embedded Noto Sans SC (subset to the glyphs used), pages numbered in the
// footer, headings in the outline (bookmarks).
func WritePDF(w io.Writer, doc *Document) error {
	regular, err := packed.Unpack("the regular font", regularBr)
	if err != nil {
		return err
	}
	bold, err := packed.Unpack("the bold font", boldBr)
	if err != nil {
		return err
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(fontFamily, "", regular)
	f.AddUTF8FontFromBytes(fontFamily, "B", bold)
	f.SetMargins(pdfLeft, pdfTop, pdfRight)
	f.SetAutoPageBreak(false, pdfBottom)
	f.SetTitle(pdfText(doc.Title), true)
	f.SetSubject(pdfText(doc.Subtitle), true)
	f.SetAuthor(pdfText(doc.Author), true)
	f.SetCreator("PlanDesk", true)
	f.SetLang(doc.Lang)
	f.SetCreationDate(doc.Date)
	f.SetModificationDate(doc.Date)
	f.SetFooterFunc(func() {
		if f.PageNo() == 1 {
			return // the cover
		}
		f.SetFont(fontFamily, "", 10.5)
		f.SetTextColor(0, 0, 0)
		f.SetXY(pdfLeft, pdfPageH-pdfBottom+6)
		f.CellFormat(pdfTextW, 6, "— "+strconv.Itoa(f.PageNo())+" —", "", 0, "C", false, 0, "")
	})
	p := &pdfWriter{f: f}
	p.cover(doc)
	for _, b := range doc.Blocks {
		p.block(b)
	}
	if err := f.Output(w); err != nil {
		return fmt.Errorf("write pdf: %w", err)
	}
	return nil
}

// pdfText is text as the PDF can show it: cleaned as for XML, tabs as
// spaces, and characters beyond the Basic Multilingual Plane (which the
// font lacks and fpdf cannot measure) as □.
func pdfText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t':
			return ' '
		case r > 0xFFFF:
			return '□'
		}
		return r
	}, clean(s))
}

// cover is the first page: title, document name, reviewers and date,
// centred.
func (p *pdfWriter) cover(doc *Document) {
	p.f.AddPage()
	p.f.SetY(80)
	p.centred(doc.Title, textStyle{bold: true, size: 22})
	p.f.SetY(p.f.GetY() + 8)
	p.centred(doc.Subtitle, textStyle{size: 18})
	p.f.SetY(p.f.GetY() + 40)
	for _, line := range doc.Cover {
		p.centred(line, textStyle{size: 15})
		p.f.SetY(p.f.GetY() + 3)
	}
}

func (p *pdfWriter) centred(text string, st textStyle) {
	p.font(st)
	lh := st.size * ptToMM * 1.6
	for _, line := range breakLines(pdfText(text), pdfTextW, p.f.GetStringWidth) {
		p.f.SetX(pdfLeft)
		p.f.CellFormat(pdfTextW, lh, line, "", 1, "C", false, 0, "")
	}
}

func (p *pdfWriter) font(st textStyle) {
	style := ""
	if st.bold {
		style = "B"
	}
	p.f.SetFont(fontFamily, style, st.size)
	p.f.SetTextColor(st.grey, st.grey, st.grey)
}

// block lays out one block.
func (p *pdfWriter) block(b Block) {
	switch b.Kind {
	case Heading:
		level := min(max(b.Level, 1), len(headingStyles))
		if level == 1 {
			p.f.AddPage()
		}
		st := headingStyles[level-1]
		// A heading never ends a page: it keeps room for three lines after.
		p.room(st.before + st.size*ptToMM*1.5 + 3*12*ptToMM*1.5)
		p.f.Bookmark(pdfText(b.Text()), level-1, -1)
		p.paragraph(b.Runs, st)
		p.f.SetY(p.f.GetY() + 1.5)
	case Paragraph:
		p.paragraph(b.Runs, pdfStyles[b.Style])
	case TableBlock:
		p.f.SetY(p.f.GetY() + 1.5)
		p.table(b.Table)
		p.f.SetY(p.f.GetY() + 1.5)
	}
}

// room starts a new page unless h millimetres are left on this one.
func (p *pdfWriter) room(h float64) {
	if p.f.GetY()+h > pdfPageH-pdfBottom {
		p.f.AddPage()
	}
}

// measure is the width of text in the regular or bold face at the
// current size.
func (p *pdfWriter) measure(size float64) func(string, bool) float64 {
	return func(s string, bold bool) float64 {
		style := ""
		if bold {
			style = "B"
		}
		p.f.SetFont(fontFamily, style, size)
		return p.f.GetStringWidth(s)
	}
}

// paragraph lays out runs in style st, breaking pages between lines.
func (p *pdfWriter) paragraph(runs []Run, st textStyle) {
	for i := range runs {
		runs[i].Text = pdfText(runs[i].Text)
		runs[i].Bold = runs[i].Bold || st.bold
	}
	lh := st.size * ptToMM * 1.5
	width := pdfTextW - st.indent
	lines := breakRuns(runs, width, p.measure(st.size))
	p.f.SetY(p.f.GetY() + st.before)
	for _, line := range lines {
		p.room(lh)
		p.f.SetX(pdfLeft + st.indent)
		for _, r := range line {
			p.font(textStyle{bold: r.Bold, size: st.size, grey: st.grey})
			p.f.CellFormat(p.f.GetStringWidth(r.Text), lh, r.Text, "", 0, "L", false, 0, "")
		}
		p.f.Ln(lh)
	}
}
