package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
)

// TableSource is what a section page needs to show a report's own tables;
// a ReportSource that has it shows them.
type TableSource interface {
	SectionTables(sectionID int64) ([]plan.Table, error)
}

// tableGrid draws one of a report's tables as the document lays it out:
// a grid of wrapped cells with lines between them, merged cells spanning
// their rows and columns, the first row bold as a header.
type tableGrid struct {
	widget.BaseWidget
	table plan.Table
}

func newTableGrid(t plan.Table) *tableGrid {
	g := &tableGrid{table: t}
	g.ExtendBaseWidget(g)
	return g
}

// gridCell is one drawn cell: its text, its place and its spans.
type gridCell struct {
	label      *widget.Label
	back       *canvas.Rectangle
	row, col   int
	rows, cols int
}

func (g *tableGrid) CreateRenderer() fyne.WidgetRenderer {
	r := &tableGridRenderer{g: g}
	for i, row := range g.table.Rows {
		for j, c := range row {
			if c.Covered {
				continue
			}
			label := &widget.Label{Text: c.Text, Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: i == 0}}
			back := canvas.NewRectangle(nil)
			back.StrokeWidth = 1
			r.cells = append(r.cells, gridCell{label: label, back: back, row: i, col: j, rows: max(c.RowSpan, 1), cols: max(c.ColSpan, 1)})
			r.objects = append(r.objects, back, label)
		}
	}
	r.Refresh()
	return r
}

type tableGridRenderer struct {
	g       *tableGrid
	cells   []gridCell
	objects []fyne.CanvasObject
}

// columnWidth is each grid column's width at a table width: equal shares,
// which reads well for the short cells of indicator tables.
func (r *tableGridRenderer) columnWidth(width float32) float32 {
	n := max(r.g.table.Columns(), 1)
	return width / float32(n)
}

// rowHeights is each row's height: the tallest of its single-row cells,
// wrapped at their width; a cell spanning rows gets their sum.
func (r *tableGridRenderer) rowHeights(width float32) []float32 {
	cw := r.columnWidth(width)
	heights := make([]float32, len(r.g.table.Rows))
	for _, c := range r.cells {
		c.label.Resize(fyne.NewSize(cw*float32(c.cols), c.label.MinSize().Height))
		h := c.label.MinSize().Height
		if c.rows == 1 {
			heights[c.row] = max(heights[c.row], h)
		}
	}
	for _, c := range r.cells {
		if c.rows > 1 {
			var sum float32
			for k := c.row; k < min(c.row+c.rows, len(heights)); k++ {
				sum += heights[k]
			}
			if h := c.label.MinSize().Height; h > sum {
				heights[min(c.row+c.rows, len(heights))-1] += h - sum
			}
		}
	}
	return heights
}

func (r *tableGridRenderer) Layout(size fyne.Size) {
	cw := r.columnWidth(size.Width)
	heights := r.rowHeights(size.Width)
	tops := make([]float32, len(heights)+1)
	for i, h := range heights {
		tops[i+1] = tops[i] + h
	}
	for _, c := range r.cells {
		pos := fyne.NewPos(cw*float32(c.col), tops[c.row])
		sz := fyne.NewSize(cw*float32(c.cols), tops[min(c.row+c.rows, len(heights))]-tops[c.row])
		c.back.Move(pos)
		c.back.Resize(sz)
		c.label.Move(pos)
		c.label.Resize(sz)
	}
}

func (r *tableGridRenderer) MinSize() fyne.Size {
	width := r.g.Size().Width
	if width <= 0 {
		width = 600
	}
	var h float32
	for _, x := range r.rowHeights(width) {
		h += x
	}
	ts := theme.SizeForWidget(theme.SizeNameText, r.g)
	return fyne.NewSize(ts*float32(4*max(r.g.table.Columns(), 1)), h)
}

func (r *tableGridRenderer) Refresh() {
	line := theme.ColorForWidget(theme.ColorNameSeparator, r.g)
	head := theme.ColorForWidget(theme.ColorNameInputBackground, r.g)
	for _, c := range r.cells {
		c.back.StrokeColor = line
		c.back.FillColor = nil
		if c.row == 0 {
			c.back.FillColor = head
		}
		c.back.Refresh()
		c.label.Refresh()
	}
	r.Layout(r.g.Size())
}

func (r *tableGridRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *tableGridRenderer) Destroy() {}
