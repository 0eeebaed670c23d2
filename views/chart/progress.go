package chart

import (
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The track runs from the baseline (0) to progressCeil, so that the
// baseline and target marks of bars stacked in a list line up and a bar
// may pass its target a little; beyond that it is clipped, while the
// percentage text stays exact. Only a move the wrong way (below 0) adds
// room left of the baseline, down to progressFloor, drawn in the error
// colour so that the shifted marks read as a warning, not as misalignment.
const (
	progressFloor = -0.25
	progressCeil  = 1.25
)

// Progress is a progress bar against a target: a track with a baseline
// mark and a target mark, the part from the baseline to the mid-term value
// filled, and the percentage of the way covered. Without the numbers that
// percentage needs it draws no fill and shows a given text instead, never
// a made-up figure. Create it with NewProgress and fill it with Set.
type Progress struct {
	widget.BaseWidget

	baseline, target, midterm *float64
	down                      bool
	noTarget                  string
	// projected is the value expected in the target year (plan.Outlook),
	// drawn dashed on from the fill's end; nil draws none.
	projected *float64
}

// progressDashes is how many dashes the projection is drawn with at most.
const progressDashes = 16

// NewProgress returns an empty progress bar, showing nothing until Set.
func NewProgress() *Progress {
	p := &Progress{}
	p.ExtendBaseWidget(p)
	return p
}

// Set gives the bar its values in base units and redraws it. down says
// lower is better: progress then runs from the baseline down to the target
// (baseline 10, target 5, mid-term 7 is 60 %), and is still drawn filling
// from the baseline mark towards the target mark, so that more fill always
// means better. noTargetText (the caller passes "未设目标") is shown when
// the target, the mid-term value or the baseline is nil, or the target
// equals the baseline; a cumulative target, counted from zero, is passed
// with a zero baseline.
func (p *Progress) Set(baseline, target, midterm *float64, down bool, noTargetText string) {
	p.baseline, p.target, p.midterm = baseline, target, midterm
	p.down, p.noTarget = down, noTargetText
	p.Refresh()
}

// SetProjection gives the value the indicator is expected to reach by the
// target year, in base units, drawn as a dashed line from the mid-term
// value's end of the fill towards it; nil removes it.
func (p *Progress) SetProjection(projected *float64) {
	p.projected = projected
	p.Refresh()
}

// Projection is the share of the way the projected value reaches (1.1 for
// a projection 10 % past the target); ok is false without one.
func (p *Progress) Projection() (share float64, ok bool) {
	if p.projected == nil {
		return 0, false
	}
	if _, ok := p.Value(); !ok {
		return 0, false
	}
	return p.shareOf(*p.projected), true
}

// Value is the share of the way from baseline to target the mid-term value
// has come (0.55 for 55 %); ok is false when it cannot be computed.
func (p *Progress) Value() (share float64, ok bool) {
	if p.baseline == nil || p.target == nil || p.midterm == nil {
		return 0, false
	}
	b, t, m := *p.baseline, *p.target, *p.midterm
	if t == b || math.IsNaN(b+t+m) || math.IsInf(b+t+m, 0) {
		return 0, false
	}
	return p.shareOf(m), true
}

// shareOf is how far v is from the baseline towards the target.
func (p *Progress) shareOf(v float64) float64 {
	b, t := *p.baseline, *p.target
	if p.down {
		return (b - v) / (b - t)
	}
	return (v - b) / (t - b)
}

// Text is what the bar writes: the percentage, or the no-target text.
func (p *Progress) Text() string {
	share, ok := p.Value()
	if !ok {
		return p.noTarget
	}
	return strconv.FormatFloat(math.Round(share*100), 'f', -1, 64) + "%"
}

// CreateRenderer is called by Fyne to draw the bar.
func (p *Progress) CreateRenderer() fyne.WidgetRenderer {
	r := &progressRenderer{
		p:      p,
		track:  canvas.NewRectangle(nil),
		fill:   canvas.NewRectangle(nil),
		base:   canvas.NewLine(nil),
		target: canvas.NewLine(nil),
		text:   canvas.NewText("", nil),
	}
	r.objects = []fyne.CanvasObject{r.track, r.fill, r.base, r.target, r.text}
	for range progressDashes {
		d := canvas.NewLine(nil)
		r.dashes = append(r.dashes, d)
		r.objects = append(r.objects, d)
	}
	r.Refresh()
	return r
}

// progressGeometry is where the bar's parts go at one size.
type progressGeometry struct {
	textSize       float32
	x0, x1         float32 // the track
	lo, hi         float64 // progress shown at x0 and x1
	cy, trackH     float32
	markH          float32
	textX          float32
	baseX, targetX float32
}

// x is the horizontal position of a progress share.
func (g *progressGeometry) x(share float64) float32 {
	share = math.Min(math.Max(share, g.lo), g.hi)
	return g.x0 + float32((share-g.lo)/(g.hi-g.lo))*(g.x1-g.x0)
}

// geometry lays the bar out at size.
func (p *Progress) geometry(size fyne.Size) *progressGeometry {
	pad := themeSize(p, theme.SizeNameInnerPadding)
	gap := themeSize(p, theme.SizeNamePadding)
	g := &progressGeometry{textSize: themeSize(p, theme.SizeNameText), cy: size.Height / 2}
	if lh := lineHeight(g.textSize); lh > size.Height && size.Height > 0 {
		g.textSize = max(minTextSize, g.textSize*size.Height/lh)
	}
	lineH := lineHeight(g.textSize)
	g.trackH = max(min(lineH*0.6, size.Height-2*gap), 2)
	g.markH = min(g.trackH+2*gap, size.Height)
	// The text column is wide enough for any percentage up to "-100%" so
	// that bars stacked in a list share one track length.
	textW := max(textWidth("-100%", g.textSize, fyne.TextStyle{Bold: true}),
		textWidth(p.Text(), g.textSize, fyne.TextStyle{Bold: true}))
	g.x0 = pad
	g.x1 = max(size.Width-pad-textW-2*gap, g.x0+1)
	g.textX = g.x1 + 2*gap
	share, ok := p.Value()
	if !ok {
		g.textX = pad
		share = 0
	}
	g.lo, g.hi = 0, progressCeil
	if share < 0 {
		g.lo = progressFloor
	}
	g.baseX, g.targetX = g.x(0), g.x(1)
	return g
}

// progressRenderer draws a Progress bar.
type progressRenderer struct {
	p            *Progress
	track, fill  *canvas.Rectangle
	base, target *canvas.Line
	text         *canvas.Text
	dashes       []*canvas.Line // the projection, drawn dashed
	objects      []fyne.CanvasObject
	geom         *progressGeometry // the last layout, kept for tests
}

// Destroy has nothing to release.
func (r *progressRenderer) Destroy() {}

// Objects lists the bar's canvas objects.
func (r *progressRenderer) Objects() []fyne.CanvasObject { return r.objects }

// MinSize is a line of text high and room for a short track.
func (r *progressRenderer) MinSize() fyne.Size {
	ts := themeSize(r.p, theme.SizeNameText)
	pad := themeSize(r.p, theme.SizeNameInnerPadding)
	w := max(textWidth(r.p.Text(), ts, fyne.TextStyle{Bold: true}), 6*lineHeight(ts))
	return fyne.NewSize(2*pad+w+6*lineHeight(ts), lineHeight(ts)+2*themeSize(r.p, theme.SizeNamePadding))
}

// Refresh applies the values and theme, then lays out.
func (r *progressRenderer) Refresh() {
	p := r.p
	share, ok := p.Value()
	r.text.Text = p.Text()
	r.text.TextStyle = fyne.TextStyle{Bold: ok}
	r.track.FillColor = themeColor(p, theme.ColorNameInputBackground)
	r.base.StrokeColor = themeColor(p, theme.ColorNamePlaceHolder)
	r.target.StrokeColor = themeColor(p, theme.ColorNameForeground)
	r.base.StrokeWidth, r.target.StrokeWidth = 2, 2
	switch {
	case share < 0: // moved away from the target
		r.fill.FillColor = themeColor(p, theme.ColorNameError)
	case share >= 1:
		r.fill.FillColor = themeColor(p, theme.ColorNameSuccess)
	default:
		r.fill.FillColor = themeColor(p, theme.ColorNamePrimary)
	}
	// No numbers, no bar: an empty track would read as 0 %.
	if ok {
		r.text.Color = themeColor(p, theme.ColorNameForeground)
	} else {
		r.text.Color = themeColor(p, theme.ColorNamePlaceHolder)
	}
	r.track.Hidden, r.fill.Hidden = !ok, !ok
	r.base.Hidden, r.target.Hidden = !ok, !ok
	for _, d := range r.dashes {
		d.StrokeColor, d.StrokeWidth = themeColor(p, theme.ColorNameForeground), 2
	}
	r.Layout(p.Size())
	refreshAll(r.objects)
}

// Layout places the track, fill, marks and text for size.
func (r *progressRenderer) Layout(size fyne.Size) {
	g := r.p.geometry(size)
	r.geom = g
	r.track.Move(fyne.NewPos(g.x0, g.cy-g.trackH/2))
	r.track.Resize(fyne.NewSize(g.x1-g.x0, g.trackH))
	share, _ := r.p.Value()
	left, right := min(g.baseX, g.x(share)), max(g.baseX, g.x(share))
	r.fill.Move(fyne.NewPos(left, g.cy-g.trackH/2))
	r.fill.Resize(fyne.NewSize(right-left, g.trackH))
	for _, m := range []struct {
		line *canvas.Line
		x    float32
	}{{r.base, g.baseX}, {r.target, g.targetX}} {
		m.line.Position1 = fyne.NewPos(m.x, g.cy-g.markH/2)
		m.line.Position2 = fyne.NewPos(m.x, g.cy+g.markH/2)
	}
	placeText(r.text, g.textX, g.cy, g.textSize)
	r.layoutDashes(g, share)
}

// layoutDashes draws the projection as dashes along the track's middle,
// from the mid-term value's end of the fill to the projected share.
func (r *progressRenderer) layoutDashes(g *progressGeometry, share float64) {
	proj, ok := r.p.Projection()
	from, to := g.x(share), g.x(proj)
	if from > to {
		from, to = to, from
	}
	dash := max(g.trackH/2, 3)
	n := 0
	if ok {
		n = min(int((to-from)/(2*dash)), len(r.dashes))
	}
	for i, d := range r.dashes {
		d.Hidden = i >= n
		if d.Hidden {
			continue
		}
		x := from + float32(i)*2*dash
		d.Position1, d.Position2 = fyne.NewPos(x, g.cy), fyne.NewPos(x+dash, g.cy)
	}
}
