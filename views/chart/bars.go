package chart

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// BarItem is one bar of a Bars chart.
type BarItem struct {
	// Label names the bar, typically an indicator's name; long labels are
	// cut with "…" on screen and given whole by Bars.LabelAt.
	Label string
	// Value is the bar's length in base units (2.08e9 for 20.8亿元); nil
	// when unknown, which draws no bar rather than a misleading zero.
	Value *float64
	// Display is the value as the report writes it ("20.8亿元"), shown at
	// the bar's end; FormatAxis(Value) when empty.
	Display string
}

// maxTickObjects bounds the ticks an axis shows; more would crowd even a
// 1920-pixel slide, and a fixed pool lets Layout hide the unused ones
// instead of changing the object list.
const maxTickObjects = 11

// labelShare is the largest share of the width the label column may take,
// so that long Chinese names never squeeze the bars to nothing.
const labelShare = 0.35

// Bars is a horizontal bar chart: one labelled bar per item on a shared
// scale with a tick axis along the bottom. Bars start from a zero line, so
// negative values extend to its left. Create it with NewBars.
type Bars struct {
	widget.BaseWidget

	// Missing is shown where a bar's value is nil; "—" when empty.
	Missing string

	items []BarItem
}

// NewBars returns a bar chart of items.
func NewBars(items []BarItem) *Bars {
	b := &Bars{items: append([]BarItem(nil), items...)}
	b.ExtendBaseWidget(b)
	return b
}

// SetItems replaces the chart's items and redraws it at once, as a section
// page does after a cell edit.
func (b *Bars) SetItems(items []BarItem) {
	b.items = append(b.items[:0:0], items...)
	b.Refresh()
}

// Items returns a copy of the chart's items.
func (b *Bars) Items() []BarItem {
	return append([]BarItem(nil), b.items...)
}

// LabelAt returns the full label of the bar whose row contains pos (in the
// chart's coordinates), or "" outside every row. Fyne 2.7 has no tooltips,
// so a caller shows this on hover or tap to reveal a label cut with "…".
func (b *Bars) LabelAt(pos fyne.Position) string {
	size := b.Size()
	if len(b.items) == 0 || pos.X < 0 || pos.X > size.Width {
		return ""
	}
	g := b.geometry(size)
	if pos.Y < g.top {
		return ""
	}
	i := int((pos.Y - g.top) / g.rowH)
	if i < 0 || i >= len(b.items) {
		return ""
	}
	return b.items[i].Label
}

// CreateRenderer is called by Fyne to draw the chart.
func (b *Bars) CreateRenderer() fyne.WidgetRenderer {
	r := &barsRenderer{b: b, axis: canvas.NewLine(nil), zero: canvas.NewLine(nil)}
	for range maxTickObjects {
		r.grid = append(r.grid, canvas.NewLine(nil))
		r.ticks = append(r.ticks, canvas.NewText("", nil))
	}
	r.Refresh()
	return r
}

// missingText is what a nil value shows.
func (b *Bars) missingText() string {
	if b.Missing == "" {
		return "—"
	}
	return b.Missing
}

// display is the text at the end of item i's bar.
func (b *Bars) display(i int) string {
	it := b.items[i]
	switch {
	case it.Value == nil:
		return b.missingText()
	case it.Display != "":
		return it.Display
	}
	return FormatAxis(*it.Value)
}

// barsGeometry is where everything goes at one size, computed in one place
// so that Layout, LabelAt and the tests agree.
type barsGeometry struct {
	textSize, tickSize float32
	pad, gap           float32
	labelRight         float32   // labels are right-aligned to this x
	labels             []string  // labels cut to the label column
	x0, x1             float32   // the plot area, lo at x0, hi at x1
	lo, hi             float64   // the scale
	ticks              []float64 // empty when no item has a value
	top, rowH, barH    float32   // rows start at top, rowH apart
	axisY              float32   // the axis line, under the last row
}

// x is the horizontal position of value v.
func (g *barsGeometry) x(v float64) float32 {
	return g.x0 + float32((v-g.lo)/(g.hi-g.lo))*(g.x1-g.x0)
}

// rowCenter is the vertical centre of row i.
func (g *barsGeometry) rowCenter(i int) float32 {
	return g.top + (float32(i)+0.5)*g.rowH
}

// geometry lays the chart out at size.
func (b *Bars) geometry(size fyne.Size) *barsGeometry {
	g := &barsGeometry{
		textSize: themeSize(b, theme.SizeNameText),
		pad:      themeSize(b, theme.SizeNameInnerPadding),
		gap:      themeSize(b, theme.SizeNamePadding),
	}
	g.layoutRows(size, max(len(b.items), 1))
	minV, maxV, known := b.layoutColumns(g, size)

	g.lo, g.hi = 0, 1
	if !known {
		return g
	}
	g.fitTicks(minV, maxV)
	return g
}

// layoutRows divides the height into n rows above the axis and sizes the
// text and bars to them.
func (g *barsGeometry) layoutRows(size fyne.Size, n int) {
	// Rows need 1.3 lines each to keep labels apart; when the chart is
	// squeezed the text shrinks with it rather than overlapping.
	var lineH, axisH, avail float32
	measure := func() {
		g.tickSize = g.textSize * 0.85
		lineH = lineHeight(g.textSize)
		axisH = g.gap + lineHeight(g.tickSize) + g.gap
		avail = size.Height - 2*g.pad - axisH
	}
	measure()
	if need := float32(n) * lineH * 1.3; avail < need && avail > 0 {
		g.textSize = max(minTextSize, g.textSize*avail/need)
		measure()
	}
	g.top = g.pad
	g.rowH = max(avail, 0) / float32(n)
	// Bars fill most of a row but stay bar-like when there are only a few.
	g.barH = min(g.rowH*0.62, lineH*1.6)
	g.axisY = g.top + g.rowH*float32(n)
}

// layoutColumns places the label column and the plot area beside it, which
// leaves room for the value texts at the bars' ends; it needs the text size
// layoutRows settled on. It returns the range of the known values, and
// whether there are any.
func (b *Bars) layoutColumns(g *barsGeometry, size fyne.Size) (minV, maxV float64, known bool) {
	// The scale: zero to the largest value, or through zero when some
	// values are negative, rounded out to nice ticks.
	style := fyne.TextStyle{}
	hasNeg := false
	var labelW, valueW float32
	for i, it := range b.items {
		labelW = max(labelW, textWidth(it.Label, g.textSize, style))
		valueW = max(valueW, textWidth(b.display(i), g.textSize, style))
		if it.Value == nil || math.IsNaN(*it.Value) || math.IsInf(*it.Value, 0) {
			continue
		}
		known = true
		minV, maxV = math.Min(minV, *it.Value), math.Max(maxV, *it.Value)
		hasNeg = hasNeg || *it.Value < 0
	}
	labelW = min(labelW, size.Width*labelShare)
	g.labelRight = g.pad + labelW
	g.labels = make([]string, len(b.items))
	for i, it := range b.items {
		g.labels[i] = truncate(it.Label, labelW, g.textSize, style)
	}
	g.x0 = g.labelRight + 2*g.gap
	if hasNeg { // a negative bar's value text sits left of the bar
		g.x0 += valueW + g.gap
	}
	g.x1 = max(size.Width-g.pad-valueW-g.gap, g.x0+1)
	return minV, maxV, known
}

// fitTicks picks the axis ticks for values from minV to maxV and sets the
// scale to the range they span.
func (g *barsGeometry) fitTicks(minV, maxV float64) {
	style := fyne.TextStyle{}
	// As many ticks as fit with their labels apart, found by trying fewer
	// until the widest label fits its slot.
	slot := textWidth("-00.0万", g.tickSize, style) + 2*g.gap
	count := min(max(int((g.x1-g.x0)/slot)+1, 2), maxTickObjects)
	for ; ; count-- {
		g.ticks = NiceTicks(minV, maxV, count)
		var widest float32
		for _, t := range g.ticks {
			widest = max(widest, textWidth(FormatAxis(t), g.tickSize, style))
		}
		if count <= 2 || len(g.ticks) < 2 || (g.x1-g.x0)/float32(len(g.ticks)-1) >= widest+2*g.gap {
			break
		}
	}
	if len(g.ticks) >= 2 {
		g.lo, g.hi = g.ticks[0], g.ticks[len(g.ticks)-1]
	}
}

// barRow holds the objects of one bar.
type barRow struct {
	label, value *canvas.Text
	bar          *canvas.Rectangle
}

// barsRenderer draws a Bars chart.
type barsRenderer struct {
	b       *Bars
	rows    []barRow
	grid    []*canvas.Line // one per tick, behind the bars
	ticks   []*canvas.Text
	axis    *canvas.Line
	zero    *canvas.Line
	objects []fyne.CanvasObject
	geom    *barsGeometry // the last layout, kept for tests
}

// Destroy has nothing to release.
func (r *barsRenderer) Destroy() {}

// Objects lists the chart's canvas objects, bars only for known values.
func (r *barsRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is room for every row's text, a short bar and the axis.
func (r *barsRenderer) MinSize() fyne.Size {
	b := r.b
	ts := themeSize(b, theme.SizeNameText)
	pad, gap := themeSize(b, theme.SizeNameInnerPadding), themeSize(b, theme.SizeNamePadding)
	lineH := lineHeight(ts)
	var labelW, valueW float32
	for i, it := range b.items {
		labelW = max(labelW, textWidth(it.Label, ts, fyne.TextStyle{}))
		valueW = max(valueW, textWidth(b.display(i), ts, fyne.TextStyle{}))
	}
	// Six characters of label are enough to recognise most indicators.
	labelW = min(labelW, textWidth("国国国国国国", ts, fyne.TextStyle{}))
	w := 2*pad + labelW + 2*gap + 8*lineH + gap + valueW
	h := 2*pad + float32(max(len(b.items), 1))*lineH*1.3 + 2*gap + lineHeight(ts*0.85)
	return fyne.NewSize(w, h)
}

// Refresh matches the objects to the items and the theme, then lays out.
func (r *barsRenderer) Refresh() {
	b := r.b
	for len(r.rows) < len(b.items) {
		r.rows = append(r.rows, barRow{
			label: canvas.NewText("", nil),
			value: canvas.NewText("", nil),
			bar:   canvas.NewRectangle(nil),
		})
	}
	r.rows = r.rows[:len(b.items)]

	fg := themeColor(b, theme.ColorNameForeground)
	muted := themeColor(b, theme.ColorNamePlaceHolder)
	r.axis.StrokeColor, r.axis.StrokeWidth = muted, 1
	r.zero.StrokeColor, r.zero.StrokeWidth = fg, 1
	for i := range r.grid {
		r.grid[i].StrokeColor, r.grid[i].StrokeWidth = themeColor(b, theme.ColorNameSeparator), 1
		r.ticks[i].Color = muted
	}

	// Grid first so bars paint over it; texts last so nothing hides them.
	r.objects = r.objects[:0]
	for _, l := range r.grid {
		r.objects = append(r.objects, l)
	}
	for i, row := range r.rows {
		row.bar.FillColor = themeColor(b, theme.ColorNamePrimary)
		row.label.Color = fg
		row.value.Text = b.display(i)
		row.value.Color = fg
		if b.items[i].Value == nil {
			row.value.Color = muted
			continue // no bar at all: an unknown value is not a zero
		}
		r.objects = append(r.objects, row.bar)
	}
	r.objects = append(r.objects, r.zero, r.axis)
	for _, row := range r.rows {
		r.objects = append(r.objects, row.label, row.value)
	}
	for _, t := range r.ticks {
		r.objects = append(r.objects, t)
	}
	r.Layout(b.Size())
	refreshAll(r.objects)
}

// Layout places every object for size; all positions come from geometry.
func (r *barsRenderer) Layout(size fyne.Size) {
	g := r.b.geometry(size)
	r.geom = g
	zeroX := g.x(0)
	for i, row := range r.rows {
		cy := g.rowCenter(i)
		row.label.Text = g.labels[i]
		placeText(row.label, g.labelRight-textWidth(g.labels[i], g.textSize, row.label.TextStyle), cy, g.textSize)

		v := r.b.items[i].Value
		if v == nil {
			placeText(row.value, zeroX+g.gap, cy, g.textSize)
			continue
		}
		left, right := g.x(math.Min(*v, 0)), g.x(math.Max(*v, 0))
		row.bar.Move(fyne.NewPos(left, cy-g.barH/2))
		row.bar.Resize(fyne.NewSize(right-left, g.barH))
		if *v < 0 {
			placeText(row.value, left-g.gap-textWidth(row.value.Text, g.textSize, row.value.TextStyle), cy, g.textSize)
		} else {
			placeText(row.value, right+g.gap, cy, g.textSize)
		}
	}

	for i := range r.grid {
		if i >= len(g.ticks) {
			r.grid[i].Hide()
			r.ticks[i].Hide()
			continue
		}
		x := g.x(g.ticks[i])
		r.grid[i].Position1, r.grid[i].Position2 = fyne.NewPos(x, g.top), fyne.NewPos(x, g.axisY)
		r.grid[i].Show()
		t := r.ticks[i]
		t.Text = FormatAxis(g.ticks[i])
		w := textWidth(t.Text, g.tickSize, t.TextStyle)
		// Centred under its tick, but never cut by the chart's edges.
		tx := min(max(x-w/2, 0), size.Width-w)
		placeText(t, tx, g.axisY+g.gap+lineHeight(g.tickSize)/2, g.tickSize)
		t.Show()
	}
	r.axis.Position1, r.axis.Position2 = fyne.NewPos(g.x0, g.axisY), fyne.NewPos(g.x1, g.axisY)
	r.zero.Position1, r.zero.Position2 = fyne.NewPos(zeroX, g.top), fyne.NewPos(zeroX, g.axisY)
	r.axis.Hidden = len(g.ticks) == 0
	r.zero.Hidden = len(r.b.items) == 0
}
