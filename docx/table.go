package docx

import (
	"encoding/xml"
	"strings"

	"plandesk/reporttext"
)

// rawCell is a table cell as the file writes it: its text, how many grid
// columns it spans (w:gridSpan), and its part in a vertical merge
// (w:vMerge) or a legacy horizontal one (w:hMerge).
type rawCell struct {
	text   string
	span   int
	vMerge merge
	hMerge merge
}

type merge int

const (
	mergeNone merge = iota
	mergeRestart
	mergeContinue
)

// rawRow is a table row as written: the grid columns it leaves empty
// before and after its cells (w:gridBefore, w:gridAfter), and its cells.
type rawRow struct {
	before, after int
	cells         []rawCell
}

// table reads a w:tbl into a reporttext.Table, merged cells resolved to
// the grid (see resolveGrid). A row deleted in a tracked change is left
// out, as accepting it does.
func (r *reading) table(x *xmlReader) (reporttext.Table, error) {
	var rows []rawRow
	grid := 0
	var content func(c xml.StartElement) error
	content = func(c xml.StartElement) error {
		switch {
		case isW(c.Name, "tblGrid"):
			return x.each(func(c xml.StartElement) error {
				if isW(c.Name, "gridCol") {
					grid++
				}
				return x.skip()
			})
		case isW(c.Name, "tr"):
			row, keep, err := r.row(x)
			if keep {
				rows = append(rows, row)
			}
			return err
		case isW(c.Name, "sdt"):
			return r.sdt(x, func() error { return x.each(content) })
		case isW(c.Name, "customXml"):
			return x.each(content)
		case isW(c.Name, "tblPrChange"), isW(c.Name, "tblGridChange"):
			r.revised()
		}
		return x.skip()
	}
	if err := x.each(content); err != nil {
		return reporttext.Table{}, err
	}
	r.res.Tables++
	return r.resolveGrid(rows, grid)
}

// row reads a w:tr; keep is false for a row deleted in a tracked change.
func (r *reading) row(x *xmlReader) (row rawRow, keep bool, err error) {
	keep = true
	var content func(c xml.StartElement) error
	content = func(c xml.StartElement) error {
		switch {
		case isW(c.Name, "trPr"):
			return x.each(func(c xml.StartElement) error {
				switch {
				case isW(c.Name, "gridBefore"):
					row.before = min(max(intAttr(c, "val", 0), 0), MaxColumns)
				case isW(c.Name, "gridAfter"):
					row.after = min(max(intAttr(c, "val", 0), 0), MaxColumns)
				case isW(c.Name, "del"):
					r.revised()
					keep = false
				case isW(c.Name, "ins"), isW(c.Name, "trPrChange"):
					r.revised()
				}
				return x.skip()
			})
		case isW(c.Name, "tc"):
			cell, err := r.cell(x)
			row.cells = append(row.cells, cell)
			return err
		case isW(c.Name, "sdt"):
			return r.sdt(x, func() error { return x.each(content) })
		case isW(c.Name, "customXml"):
			return x.each(content)
		}
		return x.skip()
	}
	err = x.each(content)
	return row, keep, err
}

// cell reads a w:tc: its spans and merges, and its paragraphs, one line
// each; a table inside it is flattened into lines of its own, a row a
// line.
func (r *reading) cell(x *xmlReader) (rawCell, error) {
	c := rawCell{span: 1}
	var lines []string
	err := x.each(func(e xml.StartElement) error {
		if isW(e.Name, "tcPr") {
			return r.cellProps(x, &c)
		}
		return r.block(x, e, func(b block) error {
			if b.para != nil {
				lines = append(lines, b.para.display())
			} else {
				lines = append(lines, flatten(b.table)...)
			}
			return nil
		})
	})
	c.text = strings.Join(lines, "\n")
	return c, err
}

// cellProps reads a w:tcPr.
func (r *reading) cellProps(x *xmlReader, c *rawCell) error {
	mergeOf := func(e xml.StartElement) merge {
		if attr(e, "val") == "restart" {
			return mergeRestart
		}
		return mergeContinue
	}
	return x.each(func(e xml.StartElement) error {
		switch {
		case isW(e.Name, "gridSpan"):
			c.span = min(max(intAttr(e, "val", 1), 1), MaxColumns)
		case isW(e.Name, "vMerge"):
			c.vMerge = mergeOf(e)
		case isW(e.Name, "hMerge"):
			c.hMerge = mergeOf(e)
		case isW(e.Name, "tcPrChange"), isW(e.Name, "cellIns"), isW(e.Name, "cellDel"), isW(e.Name, "cellMerge"):
			r.revised()
		}
		return x.skip()
	})
}

// flatten is a nested table's text, a line a row, its cells' texts
// separated by a space.
func flatten(t *reporttext.Table) []string {
	var lines []string
	for _, row := range t.Rows {
		var cells []string
		for _, c := range row {
			if c.Text != "" {
				cells = append(cells, strings.ReplaceAll(c.Text, "\n", " "))
			}
		}
		if len(cells) > 0 {
			lines = append(lines, strings.Join(cells, " "))
		}
	}
	return lines
}
