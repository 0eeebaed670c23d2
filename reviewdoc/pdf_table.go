package reviewdoc

// Table text in the PDF: 五号 (10.5 pt), single-spaced, with padding.
const (
	cellSize = 10.5
	cellPadX = 1.5
	cellPadY = 1.0
)

// cellLines is a row's cells broken into lines.
type cellLines [][][]Run

// table lays out a table: borders, a shaded header repeated on every page
// the table runs onto, and rows that continue on the next page when they
// do not fit (a cell of ten thousand characters included).
func (p *pdfWriter) table(t *Table) {
	widths := mmWidths(t.Widths, len(t.Header))
	header := p.rowLines(t.Header, widths, true)
	lh := cellSize * ptToMM * 1.3
	// The header and a first line of the first row stay together.
	p.room(float64(maxLines(header)+1)*lh + 4*cellPadY)
	p.drawRow(header, widths, lh, true)
	for _, row := range t.Rows {
		lines := p.rowLines(row, widths, false)
		p.drawSplitRow(lines, widths, lh, header)
	}
}

// rowLines breaks each cell of a row into lines of its column's width.
func (p *pdfWriter) rowLines(cells []string, widths []float64, bold bool) cellLines {
	out := make(cellLines, len(widths))
	for i, w := range widths {
		text := ""
		if i < len(cells) {
			text = pdfText(cells[i])
		}
		out[i] = breakRuns([]Run{{Text: text, Bold: bold}}, w-2*cellPadX, p.measure(cellSize))
	}
	return out
}

func maxLines(c cellLines) int {
	n := 1
	for _, lines := range c {
		n = max(n, len(lines))
	}
	return n
}

// drawSplitRow draws a row, as much of it as fits on each page, with the
// header again at the top of each page it continues on.
func (p *pdfWriter) drawSplitRow(lines cellLines, widths []float64, lh float64, header cellLines) {
	for from := 0; ; {
		left := maxLines(lines) - from
		fit := int((pdfPageH - pdfBottom - p.f.GetY() - 2*cellPadY) / lh)
		if fit < 1 || fit < left && fit < 3 {
			p.f.AddPage()
			p.drawRow(header, widths, lh, true)
			continue
		}
		n := min(fit, left)
		part := make(cellLines, len(lines))
		for i, cell := range lines {
			part[i] = cell[min(from, len(cell)):min(from+n, len(cell))]
		}
		p.drawRow(part, widths, lh, false)
		from += n
		if from >= maxLines(lines) {
			return
		}
		p.f.AddPage()
		p.drawRow(header, widths, lh, true)
	}
}

// drawRow draws one row (or the part of one that fits) at the current
// line, with its borders, and moves below it.
func (p *pdfWriter) drawRow(lines cellLines, widths []float64, lh float64, header bool) {
	f := p.f
	y := f.GetY()
	h := float64(maxLines(lines))*lh + 2*cellPadY
	x := pdfLeft
	f.SetDrawColor(0, 0, 0)
	f.SetLineWidth(0.2)
	for i, w := range widths {
		style := "D"
		if header {
			f.SetFillColor(0xE7, 0xE6, 0xE6)
			style = "FD"
		}
		f.Rect(x, y, w, h, style)
		for j, line := range lines[i] {
			f.SetXY(x+cellPadX, y+cellPadY+float64(j)*lh)
			for _, r := range line {
				p.font(textStyle{bold: r.Bold, size: cellSize})
				f.CellFormat(f.GetStringWidth(r.Text), lh, r.Text, "", 0, "L", false, 0, "")
			}
		}
		x += w
	}
	f.SetXY(pdfLeft, y+h)
}

// mmWidths turns percentages into column widths that fill the text width.
func mmWidths(shares []int, n int) []float64 {
	twips := twipWidths(shares, n)
	out := make([]float64, n)
	for i, t := range twips {
		out[i] = float64(t) * pdfTextW / textWidthTwips
	}
	return out
}
