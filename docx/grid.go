package docx

import "plandesk/reporttext"

// origin is, for one grid column, the cell a vertical merge below it
// would extend: its row and column, and whether it is open (it started or
// continued a merge, w:vMerge restart).
type origin struct {
	row, col int
	open     bool
}

// gridBuilder lays a table's rows out on its grid, one row after another.
type gridBuilder struct {
	width  int
	origin []origin
	rows   [][]reporttext.TableCell
}

// resolveGrid lays rows out on a grid as wide as the widest row (or the
// table's w:tblGrid, if wider), at most MaxColumns: a cell spanning
// columns (gridSpan) has ColSpan and covers the cells to its right; a
// cell continuing a vertical merge (vMerge) grows the RowSpan of the cell
// that started it and is covered. Text in a covered cell, which Word
// keeps but hides, joins the text of the cell covering it, so none is
// lost; so does text past the grid's last column.
func (r *reading) resolveGrid(rows []rawRow, grid int) (reporttext.Table, error) {
	width := grid
	for _, row := range rows {
		w := row.before + row.after
		for _, c := range row.cells {
			w += c.span
		}
		width = max(width, w)
	}
	width = min(width, MaxColumns)
	if r.cells += width * len(rows); r.cells > MaxTableCells {
		return reporttext.Table{}, tooLarge("", MaxTableCells)
	}
	g := &gridBuilder{width: width, origin: make([]origin, width)}
	for i, row := range rows {
		g.rows = append(g.rows, g.place(i, row))
	}
	return reporttext.Table{Rows: g.rows}, nil
}

// place lays out row ri.
func (g *gridBuilder) place(ri int, row rawRow) []reporttext.TableCell {
	cells := make([]reporttext.TableCell, g.width)
	for i := range cells {
		cells[i] = reporttext.TableCell{ColSpan: 1, RowSpan: 1}
	}
	continued := make([]bool, g.width)
	col, last := min(row.before, g.width), -1
	for _, c := range row.cells {
		if col >= g.width {
			appendText(g.sink(cells, last), c.text)
			continue
		}
		span := min(c.span, g.width-col)
		switch {
		case c.hMerge == mergeContinue && last >= 0:
			cells[last].ColSpan += span
			cover(cells, col, span)
			appendText(&cells[last], c.text)
			for k := col; k < col+span; k++ {
				g.origin[k] = g.origin[last]
			}
		case c.vMerge == mergeContinue && g.origin[col].open:
			o := g.origin[col]
			top := &g.rows[o.row][o.col]
			if o.row+top.RowSpan == ri {
				top.RowSpan++
			}
			cover(cells, col, span)
			appendText(top, c.text)
			last = -1
		default:
			cells[col] = reporttext.TableCell{Text: c.text, ColSpan: span, RowSpan: 1}
			cover(cells, col+1, span-1)
			for k := col; k < col+span; k++ {
				g.origin[k] = origin{row: ri, col: col, open: c.vMerge == mergeRestart}
			}
			last = col
		}
		for k := col; k < col+span; k++ {
			continued[k] = true
		}
		col += span
	}
	for k, ok := range continued {
		if !ok {
			g.origin[k].open = false
		}
	}
	return cells
}

// sink is the cell that takes the text of a cell past the grid: the last
// cell placed in the row, else its last cell not covered, else the cell
// covering the row's last column.
func (g *gridBuilder) sink(cells []reporttext.TableCell, last int) *reporttext.TableCell {
	if last >= 0 {
		return &cells[last]
	}
	for i := len(cells) - 1; i >= 0; i-- {
		if !cells[i].Covered {
			return &cells[i]
		}
	}
	o := g.origin[len(cells)-1]
	return &g.rows[o.row][o.col]
}

// cover marks n cells from col on as covered by a merged cell.
func cover(cells []reporttext.TableCell, col, n int) {
	for k := col; k < col+n && k < len(cells); k++ {
		cells[k] = reporttext.TableCell{Covered: true}
	}
}

// appendText adds text on a line of its own to c's.
func appendText(c *reporttext.TableCell, text string) {
	switch {
	case text == "":
	case c.Text == "":
		c.Text = text
	default:
		c.Text += "\n" + text
	}
}
