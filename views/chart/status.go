package chart

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
)

// StatusCount is one status in a StatusChart.
type StatusCount struct {
	// Label is the status in the UI language (views.StatusLabel).
	Label string
	// Count is how many indicators have the status.
	Count int
	// Color paints the status's segment and legend swatch, typically
	// DefaultStatusColor; nil draws it in the theme's disabled colour.
	Color color.Color
}

// DefaultStatusColor is the colour of a status in the current app's theme:
// green for achieved and ahead, blue for on track, red for lagging and grey
// for unknown. Ahead is a lighter green than achieved so that the two stay
// apart where their segments meet in a stacked bar. The colour is looked
// up at the call, so callers ask again after a theme change; without a
// running app it falls back to Fyne's default theme.
func DefaultStatusColor(s plan.Status) color.Color {
	th, variant := theme.DefaultTheme(), theme.VariantLight
	if a := fyne.CurrentApp(); a != nil {
		th, variant = a.Settings().Theme(), a.Settings().ThemeVariant()
	}
	c := func(name fyne.ThemeColorName) color.Color { return th.Color(name, variant) }
	switch s {
	case plan.StatusAchieved:
		return c(theme.ColorNameSuccess)
	case plan.StatusAhead:
		return blend(c(theme.ColorNameSuccess), c(theme.ColorNameBackground), 0.6)
	case plan.StatusOnTrack:
		return c(theme.ColorNamePrimary)
	case plan.StatusLagging:
		return c(theme.ColorNameError)
	}
	return c(theme.ColorNameDisabled)
}

// StatusChart shows how many indicators have each status as one stacked
// horizontal bar, segments in status order and proportional to the counts,
// above a legend with a coloured swatch, the label and the count of every
// status, zero counts included. Create it with NewStatusChart.
type StatusChart struct {
	widget.BaseWidget

	counts []StatusCount
}

// NewStatusChart returns a status chart of counts, in the order given.
func NewStatusChart(counts []StatusCount) *StatusChart {
	c := &StatusChart{counts: append([]StatusCount(nil), counts...)}
	c.ExtendBaseWidget(c)
	return c
}

// SetCounts replaces the counts and redraws the chart at once.
func (c *StatusChart) SetCounts(counts []StatusCount) {
	c.counts = append(c.counts[:0:0], counts...)
	c.Refresh()
}

// CreateRenderer is called by Fyne to draw the chart.
func (c *StatusChart) CreateRenderer() fyne.WidgetRenderer {
	r := &statusRenderer{c: c, track: canvas.NewRectangle(nil)}
	r.Refresh()
	return r
}

// statusGeometry is where the bar and legend go at one size.
type statusGeometry struct {
	textSize float32
	lineH    float32
	x0, x1   float32 // the bar
	barY     float32
	barH     float32
	segX     []float32 // left edge of each segment
	segW     []float32
	itemPos  []fyne.Position // top-left of each legend entry (its swatch)
	swatch   float32
	labelDX  float32   // label text offset from the entry's left
	countDX  []float32 // count text offset from the entry's left
}

// legendEntryWidth is how wide legend entry i is drawn at text size ts,
// and where its count starts.
func (c *StatusChart) legendEntryWidth(i int, ts, gap float32) (w, countDX float32) {
	sw := lineHeight(ts) * 0.8
	countDX = sw + gap + textWidth(c.counts[i].Label, ts, fyne.TextStyle{}) + gap
	return countDX + textWidth(strconv.Itoa(c.counts[i].Count), ts, fyne.TextStyle{Bold: true}), countDX
}

// legendFlow places the legend entries left to right from x0, wrapping
// before x1, and returns their positions relative to the legend's top and
// the number of lines used.
func (c *StatusChart) legendFlow(x0, x1, ts, gap float32) (pos []fyne.Position, countDX []float32, lines int) {
	lineH := lineHeight(ts)
	x, y := x0, float32(0)
	lines = min(len(c.counts), 1)
	for i := range c.counts {
		w, dx := c.legendEntryWidth(i, ts, gap)
		if x > x0 && x+w > x1 {
			x, y = x0, y+lineH+gap
			lines++
		}
		pos = append(pos, fyne.NewPos(x, y))
		countDX = append(countDX, dx)
		x += w + legendSpacing*gap
	}
	return pos, countDX, lines
}

// legendSpacing is the space between legend entries in theme paddings:
// wide enough that a count is not read as belonging to the next label.
const legendSpacing = 5

// geometry lays the chart out at size: the legend first, as its text must
// stay whole, then the bar in the height left (within limits).
func (c *StatusChart) geometry(size fyne.Size) *statusGeometry {
	pad := themeSize(c, theme.SizeNameInnerPadding)
	gap := themeSize(c, theme.SizeNamePadding)
	g := &statusGeometry{textSize: themeSize(c, theme.SizeNameText)}
	g.lineH = lineHeight(g.textSize)
	g.swatch = g.lineH * 0.8
	g.labelDX = g.swatch + gap
	g.x0, g.x1 = pad, max(size.Width-pad, pad+1)

	pos, dx, lines := c.legendFlow(g.x0, g.x1, g.textSize, gap)
	legendH := float32(lines)*g.lineH + float32(max(lines-1, 0))*gap
	g.barY = pad
	g.barH = min(max(size.Height-2*pad-2*gap-legendH, g.lineH), g.lineH*2.5)
	legendTop := g.barY + g.barH + 2*gap
	for _, p := range pos {
		g.itemPos = append(g.itemPos, p.AddXY(0, legendTop))
	}
	g.countDX = dx

	total := 0
	for _, s := range c.counts {
		total += max(s.Count, 0)
	}
	x := g.x0
	for _, s := range c.counts {
		w := float32(0)
		if total > 0 {
			w = float32(max(s.Count, 0)) / float32(total) * (g.x1 - g.x0)
		}
		g.segX = append(g.segX, x)
		g.segW = append(g.segW, w)
		x += w
	}
	return g
}

// statusEntry holds the objects of one status.
type statusEntry struct {
	segment, swatch *canvas.Rectangle
	label, count    *canvas.Text
	inside          *canvas.Text // the count on the segment, when it fits
}

// statusRenderer draws a StatusChart.
type statusRenderer struct {
	c       *StatusChart
	track   *canvas.Rectangle // shows the bar's extent when all counts are 0
	entries []statusEntry
	objects []fyne.CanvasObject
	geom    *statusGeometry // the last layout, kept for tests
}

// Destroy has nothing to release.
func (r *statusRenderer) Destroy() {}

// Objects lists the chart's canvas objects.
func (r *statusRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is as wide as the widest legend entry and high enough for the
// bar and the legend wrapped at the chart's current width, so that a
// narrow chart grows taller instead of cutting its legend.
func (r *statusRenderer) MinSize() fyne.Size {
	c := r.c
	ts := themeSize(c, theme.SizeNameText)
	pad, gap := themeSize(c, theme.SizeNameInnerPadding), themeSize(c, theme.SizeNamePadding)
	var widest, all float32
	for i := range c.counts {
		w, _ := c.legendEntryWidth(i, ts, gap)
		widest = max(widest, w)
		all += w + legendSpacing*gap
	}
	width := c.Size().Width
	if width <= 2*pad {
		width = 2*pad + all // not laid out yet: assume one line
	}
	_, _, lines := c.legendFlow(pad, width-pad, ts, gap)
	lineH := lineHeight(ts)
	legendH := float32(lines)*lineH + float32(max(lines-1, 0))*gap
	return fyne.NewSize(2*pad+widest, 2*pad+lineH+2*gap+legendH)
}

// Refresh matches the objects to the counts and theme, then lays out.
func (r *statusRenderer) Refresh() {
	c := r.c
	for len(r.entries) < len(c.counts) {
		r.entries = append(r.entries, statusEntry{
			segment: canvas.NewRectangle(nil), swatch: canvas.NewRectangle(nil),
			label: canvas.NewText("", nil), count: canvas.NewText("", nil),
			inside: canvas.NewText("", nil),
		})
	}
	r.entries = r.entries[:len(c.counts)]
	r.track.FillColor = themeColor(c, theme.ColorNameInputBackground)
	fg := themeColor(c, theme.ColorNameForeground)
	r.objects = append(r.objects[:0], r.track)
	for i, e := range r.entries {
		col := c.counts[i].Color
		if col == nil {
			col = themeColor(c, theme.ColorNameDisabled)
		}
		e.segment.FillColor, e.swatch.FillColor = col, col
		e.label.Text, e.label.Color = c.counts[i].Label, fg
		e.count.Text, e.count.Color = strconv.Itoa(c.counts[i].Count), fg
		e.count.TextStyle = fyne.TextStyle{Bold: true}
		e.inside.Text, e.inside.Color = e.count.Text, contrastText(col)
		e.inside.TextStyle = fyne.TextStyle{Bold: true}
		r.objects = append(r.objects, e.segment)
	}
	for _, e := range r.entries {
		r.objects = append(r.objects, e.inside, e.swatch, e.label, e.count)
	}
	r.Layout(c.Size())
	refreshAll(r.objects)
}

// Layout places the segments and legend for size.
func (r *statusRenderer) Layout(size fyne.Size) {
	g := r.c.geometry(size)
	r.geom = g
	r.track.Move(fyne.NewPos(g.x0, g.barY))
	r.track.Resize(fyne.NewSize(g.x1-g.x0, g.barH))
	for i, e := range r.entries {
		e.segment.Move(fyne.NewPos(g.segX[i], g.barY))
		e.segment.Resize(fyne.NewSize(g.segW[i], g.barH))
		e.segment.Hidden = g.segW[i] == 0 // takes no width, not even a hairline
		// The count is written on its segment too, read from the back of a
		// room without the legend, but only where it fits with a margin.
		placeText(e.inside, 0, g.barY+g.barH/2, g.textSize)
		iw := e.inside.Size().Width
		e.inside.Move(fyne.NewPos(g.segX[i]+(g.segW[i]-iw)/2, e.inside.Position().Y))
		e.inside.Hidden = iw+2*g.swatch > g.segW[i] || g.barH < g.lineH
		p := g.itemPos[i]
		cy := p.Y + g.lineH/2
		e.swatch.Move(fyne.NewPos(p.X, cy-g.swatch/2))
		e.swatch.Resize(fyne.NewSquareSize(g.swatch))
		placeText(e.label, p.X+g.labelDX, cy, g.textSize)
		placeText(e.count, p.X+g.countDX[i], cy, g.textSize)
	}
}
