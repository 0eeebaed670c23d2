package plan

// Table is a table of a report's section as the report's document holds
// it (a .docx): rows of cells, header rows first. Tables are shown on the
// section's page and slides; one that reads as an indicator table also
// gives indicator proposals, each naming its row as its source.
type Table struct {
	// ID is the table's row id; a deleted table's id is never reused.
	ID int64
	// SectionID is the section the table stands in.
	SectionID int64
	// Seq orders the tables of one section.
	Seq int
	// After is how many of the section's paragraphs come before the table.
	After int
	// Rows are the table's rows, top to bottom; every row has one cell per
	// grid column.
	Rows [][]TableCell `gorm:"-"`
}

// TableCell is one cell of a table's grid.
type TableCell struct {
	// Text is the cell's text; its paragraphs are joined by line breaks.
	Text string `json:"t,omitempty"`
	// ColSpan and RowSpan are how many grid columns and rows the cell
	// covers, 1 for a plain cell.
	ColSpan int `json:"c,omitempty"`
	RowSpan int `json:"r,omitempty"`
	// Covered says a cell to the left or above spans this one: it is drawn
	// as part of that cell.
	Covered bool `json:"v,omitempty"`
}

// Columns is how many grid columns the table has.
func (t Table) Columns() int {
	n := 0
	for _, r := range t.Rows {
		n = max(n, len(r))
	}
	return n
}

// Texts is the table's grid as text, a merged cell's text repeated in the
// cells it covers to the right and below, as a reader of a row sees it: a
// 类别 spanning three rows names the category of each.
func (t Table) Texts() [][]string {
	out := make([][]string, len(t.Rows))
	for i, row := range t.Rows {
		out[i] = make([]string, len(row))
		for j, c := range row {
			out[i][j] = c.Text
		}
	}
	for i, row := range t.Rows {
		for j, c := range row {
			if c.Covered || c.Text == "" {
				continue
			}
			for di := 0; di < max(c.RowSpan, 1); di++ {
				for dj := 0; dj < max(c.ColSpan, 1); dj++ {
					if (di > 0 || dj > 0) && i+di < len(out) && j+dj < len(out[i+di]) && out[i+di][j+dj] == "" {
						out[i+di][j+dj] = c.Text
					}
				}
			}
		}
	}
	return out
}
