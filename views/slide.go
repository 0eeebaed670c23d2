package views

import (
	"image/color"
	"strconv"
	"strings"

	"plandesk/messages"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"plandesk/plan"
	"plandesk/views/chart"
)

// SlideStyle is how slides are drawn, as the presenter chose.
type SlideStyle struct {
	// Zoom scales all type on top of the scaling to the screen; 1 draws the
	// 1920×1080 design filling the screen. Projectors report their DPI
	// unreliably, so the presenter corrects by eye.
	Zoom float32
	// HighContrast draws white on black with saturated status colours,
	// for projectors that wash pale colours out.
	HighContrast bool
}

// Zoom limits and step of Ctrl + and Ctrl −.
const (
	MinZoom  = 0.6
	MaxZoom  = 2.0
	ZoomStep = 0.1
)

// designSize is the slide size the layout is written in; every length is
// scaled by the screen's size relative to it, so type grows with the room.
var designSize = fyne.NewSize(1920, 1080)

// slideScale is how many pixels one design unit takes at size: the slide
// keeps its 16:9 proportions and fills the narrower direction, so a
// 1024×768 screen shows the same slide with a band to spare, not cut off.
func slideScale(size fyne.Size) float32 {
	return min(size.Width/designSize.Width, size.Height/designSize.Height)
}

// Slide type sizes in design units (pixels at 1920×1080).
const (
	slideMargin     = 84
	slideTitleSize  = 60
	slideTitleMin   = 48
	slideCrumbSize  = 28
	slideFooterSize = 24
	slideBodyMax    = 40 // body text starts this large and shrinks to fit
	slideBodyMin    = 28 // and never below this: legible from the back row
	slideLineHeight = 1.55
)

// slidePalette is the colours of a slide.
type slidePalette struct {
	bg, fg, muted, accent, card color.Color
	// status colours each status's strip, card and dot.
	status map[plan.Status]color.Color
}

// paletteFor returns the app theme's colours, or the high-contrast set.
func paletteFor(style SlideStyle) slidePalette {
	if style.HighContrast {
		return slidePalette{
			bg:     color.Black,
			fg:     color.White,
			muted:  color.NRGBA{R: 0xd8, G: 0xd8, B: 0xd8, A: 0xff},
			accent: color.NRGBA{R: 0xff, G: 0xd6, B: 0x00, A: 0xff},
			card:   color.NRGBA{R: 0x1c, G: 0x1c, B: 0x1c, A: 0xff},
			status: map[plan.Status]color.Color{
				plan.StatusAchieved: color.NRGBA{R: 0x00, G: 0xe6, B: 0x76, A: 0xff},
				plan.StatusAhead:    color.NRGBA{R: 0xb9, G: 0xf6, B: 0xca, A: 0xff},
				plan.StatusOnTrack:  color.NRGBA{R: 0x40, G: 0xc4, B: 0xff, A: 0xff},
				plan.StatusLagging:  color.NRGBA{R: 0xff, G: 0x52, B: 0x52, A: 0xff},
				plan.StatusUnknown:  color.NRGBA{R: 0xbd, G: 0xbd, B: 0xbd, A: 0xff},
			},
		}
	}
	p := slidePalette{
		bg:     theme.Color(theme.ColorNameBackground),
		fg:     theme.Color(theme.ColorNameForeground),
		muted:  theme.Color(theme.ColorNamePlaceHolder),
		accent: theme.Color(theme.ColorNamePrimary),
		card:   theme.Color(theme.ColorNameInputBackground),
		status: make(map[plan.Status]color.Color),
	}
	for _, s := range plan.Statuses() {
		p.status[s] = chart.DefaultStatusColor(s)
	}
	return p
}

// slideTheme is the app theme with sizes scaled for a slide and, in high
// contrast, the palette's colours: the charts on a slide read their text
// sizes and colours from it.
type slideTheme struct {
	fyne.Theme
	scale float32
	pal   slidePalette
	high  bool
}

func (t *slideTheme) Size(name fyne.ThemeSizeName) float32 {
	return t.Theme.Size(name) * t.scale
}

func (t *slideTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch name {
	case theme.ColorNameBackground:
		return t.pal.bg
	case theme.ColorNameForeground:
		return t.pal.fg
	}
	if t.high {
		switch name {
		case theme.ColorNamePrimary:
			return t.pal.accent
		case theme.ColorNameDisabled, theme.ColorNamePlaceHolder:
			return t.pal.muted
		case theme.ColorNameSeparator, theme.ColorNameInputBorder:
			return t.pal.muted
		}
	}
	return t.Theme.Color(name, v)
}

// textMeasure caches the widths of text pieces at a reference size; a
// width at any other size is proportional, so fitting a slide's text at
// several sizes measures each character once.
type textMeasure struct {
	widths map[measureKey]float32
}

type measureKey struct {
	text string
	bold bool
}

// measureRef is the text size widths are measured at.
const measureRef = 100

func (m *textMeasure) width(s string, size float32, bold bool) float32 {
	if m.widths == nil {
		m.widths = make(map[measureKey]float32)
	}
	k := measureKey{s, bold}
	w, ok := m.widths[k]
	if !ok {
		w = fyne.MeasureText(s, measureRef, fyne.TextStyle{Bold: bold}).Width
		m.widths[k] = w
	}
	return w * size / measureRef
}

// wrap breaks s into lines of at most width at size by the Chinese rules
// of the paragraph widget, the first line indented by indent.
func (m *textMeasure) wrap(s string, size, width, indent float32, bold bool) []string {
	units := breakUnits(s)
	widths := make([]float32, len(units))
	for i, u := range units {
		widths[i] = m.width(u, size, bold)
	}
	return fillLines(units, widths, width, indent)
}

// fit shortens s with "…" until it is at most width wide at size.
func (m *textMeasure) fit(s string, size, width float32, bold bool) string {
	if m.width(s, size, bold) <= width {
		return s
	}
	runes := []rune(s)
	for n := len(runes) - 1; n > 0; n-- {
		cut := string(runes[:n]) + "…"
		if m.width(cut, size, bold) <= width {
			return cut
		}
	}
	return ""
}

// slideBuilder draws one slide at one size as positioned canvas objects.
type slideBuilder struct {
	deck    *Deck
	measure *textMeasure
	size    fyne.Size
	u       float32 // pixels per design unit, zoom included
	pal     slidePalette
	style   SlideStyle
	objects []fyne.CanvasObject
}

// buildSlide returns slide i of deck drawn for a screen of size. live adds
// the read-only badge a running presentation shows and the background;
// exported images leave the badge out and fill the background themselves,
// faster than the software painter fills a rectangle.
func buildSlide(deck *Deck, measure *textMeasure, i int, size fyne.Size, style SlideStyle, live bool) fyne.CanvasObject {
	if style.Zoom <= 0 {
		style.Zoom = 1
	}
	b := &slideBuilder{deck: deck, measure: measure, size: size, style: style,
		u: slideScale(size) * style.Zoom, pal: paletteFor(style)}
	if live {
		bg := canvas.NewRectangle(b.pal.bg)
		bg.Resize(size)
		b.objects = append(b.objects, bg)
	}
	footerTop := b.footer(i, live)
	if s, ok := deck.Section(i); ok {
		b.sectionSlide(s, footerTop)
	} else {
		b.overviewSlide(footerTop)
	}
	slide := container.NewWithoutLayout(b.objects...)
	slide.Resize(size)
	return slide
}

// px converts design units to pixels.
func (b *slideBuilder) px(units float32) float32 { return units * b.u }

// margin is the slide's side margin; it does not grow with zoom, so that
// zooming in gives the text more room rather than less.
func (b *slideBuilder) margin() float32 { return slideMargin * slideScale(b.size) }

// text adds a line of text with its top-left corner at x, y.
func (b *slideBuilder) text(s string, x, y, size float32, c color.Color, bold bool) *canvas.Text {
	t := canvas.NewText(s, c)
	t.TextSize = size
	t.TextStyle.Bold = bold
	t.Move(fyne.NewPos(x, y))
	t.Resize(fyne.NewSize(b.measure.width(s, size, bold)+1, size*1.3))
	b.objects = append(b.objects, t)
	return t
}

// rect adds a filled rectangle.
func (b *slideBuilder) rect(x, y, w, h float32, c color.Color, radius float32) {
	r := canvas.NewRectangle(c)
	r.CornerRadius = radius
	r.Move(fyne.NewPos(x, y))
	r.Resize(fyne.NewSize(w, h))
	b.objects = append(b.objects, r)
}

// heading adds a bold title wrapped over at most two lines and an accent
// rule under it, and returns the y below them.
func (b *slideBuilder) heading(crumbs []string, title string, y float32) float32 {
	x, w := b.margin(), b.size.Width-2*b.margin()
	if len(crumbs) > 0 {
		size := b.px(slideCrumbSize)
		b.text(b.measure.fit(strings.Join(crumbs, "  ›  "), size, w, false), x, y, size, b.pal.muted, false)
		y += size * 1.5
	}
	size := b.px(slideTitleSize)
	lines := b.measure.wrap(title, size, w, 0, true)
	// A title a little too long for one line reads better a little smaller
	// than broken before its last few characters.
	if len(lines) > 1 && b.measure.width(title, b.px(slideTitleMin), true) <= w {
		size = min(size, w/b.measure.width(title, 1, true))
		lines = []string{title}
	}
	if len(lines) > 2 {
		lines = append(lines[:1], b.measure.fit(strings.Join(lines[1:], ""), size, w, true))
	}
	for _, l := range lines {
		b.text(l, x, y, size, b.pal.fg, true)
		y += size * 1.25
	}
	y += b.px(14)
	b.rect(x, y, b.px(140), b.px(8), b.pal.accent, b.px(4))
	return y + b.px(8) + b.px(40)
}

// footer draws the report's title, the slide number and, live, the
// read-only badge along the bottom, and returns the footer's top.
func (b *slideBuilder) footer(i int, live bool) float32 {
	size := b.px(slideFooterSize)
	top := b.size.Height - size*2.6
	x, w := b.margin(), b.size.Width-2*b.margin()
	b.rect(x, top, w, max(1, b.px(2)), b.pal.muted, 0)
	y := top + size*0.7
	number := strconv.Itoa(i+1) + " / " + strconv.Itoa(b.deck.Len())
	nw := b.measure.width(number, size, false)
	b.text(number, x+w-nw, y, size, b.pal.muted, false)
	titleW := w * 0.55
	if live {
		badge := lang.L("Read-only while presenting")
		bw := b.measure.width(badge, size, false)
		bx := x + w - nw - size*2 - bw
		b.lock(bx-size*1.3, y+size*0.1, size)
		b.text(badge, bx, y, size, b.pal.muted, false)
		titleW = min(titleW, bx-size*2-x)
	}
	b.text(b.measure.fit(b.deck.Overview.Report.Title, size, titleW, false), x, y, size, b.pal.muted, false)
	return top
}

// lock draws a small padlock of height h at x, y: a shackle ring whose lower
// half the body covers.
func (b *slideBuilder) lock(x, y, h float32) {
	ring := &canvas.Circle{StrokeColor: b.pal.muted, StrokeWidth: max(1.5, h*0.12)}
	ring.Move(fyne.NewPos(x+h*0.2, y))
	ring.Resize(fyne.NewSize(h*0.6, h*0.7))
	b.objects = append(b.objects, ring)
	b.rect(x+h*0.05, y+h*0.4, h*0.9, h*0.65, b.pal.muted, h*0.1)
}

// sectionSlide draws a section: heading, text on the left and, when it
// has indicators, key figures and a chart on the right.
func (b *slideBuilder) sectionSlide(s plan.Section, footerTop float32) {
	top := b.heading(b.deck.parents(s.ID), s.Heading(), b.px(56))
	x, w := b.margin(), b.size.Width-2*b.margin()
	h := footerTop - b.px(28) - top
	indicators := b.deck.Indicators[s.ID]
	projects := b.deck.Projects[s.ID]
	textW := w
	if len(indicators) > 0 || len(projects) > 0 {
		textW = w * 0.55
		gap := b.px(56)
		rx, rw, figH := x+textW+gap, w-textW-gap, h
		if len(projects) > 0 {
			// The projects go under the cards, which keep the rest, or
			// at the top of the column when there are no cards.
			ph := b.projectsHeight(len(projects), h, len(indicators) > 0)
			figH = h - ph
			py := top + figH
			if len(indicators) == 0 {
				py = top
			}
			b.projects(projects, rx, py, rw, ph)
		}
		if len(indicators) > 0 {
			b.figures(indicators, rx, top, rw, figH-b.px(20))
		}
	}
	paragraphs := b.deck.Paragraphs[s.ID]
	if tables := b.deck.Tables[s.ID]; len(tables) > 0 {
		// The section's first table under its text, which keeps the top.
		th := h * 0.55
		if len(paragraphs) == 0 {
			th = h
		}
		b.table(tables[0], x, top+h-th, textW, th)
		h -= th + b.px(20)
	}
	switch {
	case len(paragraphs) > 0:
		texts := make([]string, len(paragraphs))
		for i, p := range paragraphs {
			texts[i] = p.Text
		}
		b.body(texts, x, top, textW, h)
	case len(b.deck.children(s.ID)) > 0:
		b.agenda(b.deck.children(s.ID), x, top, textW, h)
	default:
		size := b.px(slideBodyMin)
		b.text(lang.L("This section has no text of its own."), x, top, size, b.pal.muted, false)
	}
}

// table draws one of the section's tables in the box: a grid of cells,
// merged cells spanning theirs, the header row on the card colour, each
// cell's text fitted to its width (cut with …), as many rows as fit.
func (b *slideBuilder) table(t plan.Table, x, y, w, h float32) {
	cols := max(t.Columns(), 1)
	cw := w / float32(cols)
	size := b.px(22)
	rh := max(size*1.7, min(h/float32(max(len(t.Rows), 1)), b.px(56)))
	rows := min(len(t.Rows), int(h/rh))
	for i, row := range t.Rows[:rows] {
		for j, c := range row {
			if c.Covered {
				continue
			}
			spanW := cw * float32(max(c.ColSpan, 1))
			spanH := rh * float32(min(max(c.RowSpan, 1), rows-i))
			cx, cy := x+cw*float32(j), y+rh*float32(i)
			if i == 0 {
				b.rect(cx, cy, spanW, spanH, b.pal.card, 0)
			}
			b.rect(cx, cy+spanH-1, spanW, 1, b.pal.muted, 0)
			text := b.measure.fit(strings.ReplaceAll(c.Text, "\n", " "), size, spanW-b.px(12), i == 0)
			b.text(text, cx+b.px(6), cy+(rh-size*1.2)/2, size, b.pal.fg, i == 0)
		}
	}
}

// body sets paragraphs in the largest type that fits the box, down to
// slideBodyMin; text that still does not fit is condensed to each
// paragraph's leading sentences, the cut marked with "……".
func (b *slideBuilder) body(paragraphs []string, x, y, w, h float32) {
	for size := float32(slideBodyMax); size >= slideBodyMin; size -= 2 {
		if lines, ok := b.setText(paragraphs, b.px(size), w, h); ok {
			b.placeLines(lines, x, y, b.px(size))
			return
		}
	}
	size := b.px(slideBodyMin)
	sentences := make([][]string, len(paragraphs))
	most := 0
	for i, p := range paragraphs {
		sentences[i] = splitSentences(p)
		most = max(most, len(sentences[i]))
	}
	for keep := most - 1; keep >= 1; keep-- {
		if lines, ok := b.setText(condense(sentences, keep, len(paragraphs)), size, w, h); ok {
			b.placeLines(lines, x, y, size)
			return
		}
	}
	// Even one sentence each is too much: as many leading paragraphs as fit.
	for n := len(paragraphs) - 1; n >= 1; n-- {
		if lines, ok := b.setText(condense(sentences, 1, n), size, w, h); ok {
			b.placeLines(lines, x, y, size)
			return
		}
	}
	lines, _ := b.setText(condense(sentences, 1, 1), size, w, h)
	b.placeLines(clipLines(lines, int(h/(size*slideLineHeight))), x, y, size)
}

// setLines is a paragraph broken into lines.
type setLines [][]string

// setText breaks paragraphs for width w at size and says whether they fit
// in height h.
func (b *slideBuilder) setText(paragraphs []string, size, w, h float32) (setLines, bool) {
	var out setLines
	used := float32(0)
	for i, p := range paragraphs {
		lines := b.measure.wrap(p, size, w, 2*size, false)
		out = append(out, lines)
		used += float32(len(lines)) * size * slideLineHeight
		if i > 0 {
			used += size * 0.5
		}
	}
	return out, used <= h
}

// placeLines adds set paragraphs as text objects from y down.
func (b *slideBuilder) placeLines(paragraphs setLines, x, y, size float32) {
	lh := size * slideLineHeight
	for _, lines := range paragraphs {
		for i, l := range lines {
			indent := float32(0)
			if i == 0 {
				indent = 2 * size
			}
			b.text(l, x+indent, y+(lh-size*1.3)/2, size, b.pal.fg, false)
			y += lh
		}
		y += size * 0.5
	}
}

// clipLines keeps the first n lines in all, the last one ending in "……".
func clipLines(paragraphs setLines, n int) setLines {
	var out setLines
	for _, lines := range paragraphs {
		if n <= 0 {
			break
		}
		if len(lines) > n {
			lines = append(append([]string(nil), lines[:n-1]...), lines[n-1]+"……")
		}
		out = append(out, lines)
		n -= len(lines)
	}
	return out
}

// splitSentences cuts a paragraph after each sentence-ending mark, keeping
// the marks.
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i, r := range p {
		if strings.ContainsRune("。！？；", r) {
			end := i + len(string(r))
			out = append(out, p[start:end])
			start = end
		}
	}
	if start < len(p) {
		out = append(out, p[start:])
	}
	return out
}

// condense keeps the first keep sentences of each of the first n
// paragraphs; a shortened paragraph ends with "……" so that the cut shows.
func condense(sentences [][]string, keep, n int) []string {
	out := make([]string, 0, n)
	for _, s := range sentences[:n] {
		if len(s) > keep {
			out = append(out, strings.Join(s[:keep], "")+"……")
		} else {
			out = append(out, strings.Join(s, ""))
		}
	}
	if n < len(sentences) && n > 0 {
		out[n-1] = strings.TrimSuffix(out[n-1], "……") + "……"
	}
	return out
}

// agenda lists a part's subsections, for a part without text of its own.
func (b *slideBuilder) agenda(children []plan.Section, x, y, w, h float32) {
	size := b.px(slideBodyMax)
	if float32(len(children))*size*1.8 > h {
		size = max(b.px(slideBodyMin), h/float32(len(children))/1.8)
	}
	for _, c := range children {
		b.rect(x, y+size*0.55, size*0.3, size*0.3, b.pal.accent, size*0.15)
		b.text(b.measure.fit(c.Heading(), size, w-size, false), x+size*0.8, y, size, b.pal.fg, false)
		y += size * 1.8
	}
}

// figures lays out every indicator of a section as a card, and under the
// cards a bar chart of the values most of them share a unit in. The cards
// come first: the chart gives up its room to them (it repeats what the
// cards say), and they shrink, and take a third column, until every one is
// on the slide. No figure is ever hidden from the presenter.
func (b *slideBuilder) figures(indicators []plan.Indicator, x, y, w, h float32) {
	group, unit := largestUnitGroup(indicators)
	l := b.cardLayout(len(indicators), w, h, len(group) >= 2)
	for i, ind := range indicators {
		cx := x + float32(i%l.cols)*(l.w+l.gap)
		cy := y + float32(i/l.cols)*(l.h+l.gap)
		b.card(ind, cx, cy, l.w, l.h)
	}
	rows := (len(indicators) + l.cols - 1) / l.cols
	top := y + float32(rows)*(l.h+l.gap) + b.px(12)
	// The chart also goes where the cards, laid out alone, left it room.
	if len(group) >= 2 && (l.chart || y+h-top >= b.px(chartMinRoom)) {
		b.unitChart(group, unit, x, top, w, y+h-top)
	}
}

// cardSize is how the cards of a section slide are laid out.
type cardSize struct {
	cols      int
	w, h, gap float32
	// chart says there is room left for the bar chart under the cards.
	chart bool
}

// The height of a card at full size and the smallest still legible from
// the back of a meeting room, in design pixels; and the least room a bar
// chart needs under the cards.
const (
	cardFull     = 136
	cardMin      = 92
	chartMinRoom = 220
)

// cardLayout finds the largest cards that fit n of them in w×h: one column
// for a few, two otherwise, three when two would need cards smaller than
// cardMin. withChart asks for half the height, or at least chartMinRoom,
// for a bar chart, given only when the cards still fit at full size.
func (b *slideBuilder) cardLayout(n int, w, h float32, withChart bool) cardSize {
	gap := b.px(20)
	fit := func(cols int, room float32) cardSize {
		rows := float32((n + cols - 1) / cols)
		cardH := min(b.px(cardFull), (room-gap*(rows-1))/rows)
		return cardSize{cols: cols, w: (w - gap*float32(cols-1)) / float32(cols), h: cardH, gap: gap}
	}
	cols := 2
	if n <= 3 {
		cols = 1 // a few cards read better at full width, names uncut
	}
	if withChart {
		room := h - max(h*0.5, b.px(chartMinRoom))
		if l := fit(cols, room); l.h >= b.px(cardFull)-0.5 {
			l.chart = true
			return l
		}
	}
	l := fit(cols, h)
	if l.h < b.px(cardMin) && cols < 3 {
		l = fit(3, h)
	}
	return l
}

// unitChart draws the bar chart of the mid-term values of group, which
// share unit, in w×h at x, y.
func (b *slideBuilder) unitChart(group []plan.Indicator, unit string, x, top, w, h float32) {
	size := b.px(26)
	b.text(lang.L("Mid-term values ({{.Unit}})", map[string]any{"Unit": unit}), x, top, size, b.pal.muted, false)
	top += size * 1.6
	h -= size * 1.6
	items := make([]chart.BarItem, len(group))
	for i, ind := range group {
		items[i] = chart.BarItem{Label: ind.Name, Value: ind.MidtermValue, Display: ind.Midterm}
	}
	bars := chart.NewBars(items)
	bars.Missing = lang.L("No value")
	framed := container.NewThemeOverride(bars, &slideTheme{Theme: fyne.CurrentApp().Settings().Theme(),
		scale: b.u * 1.9, pal: b.pal, high: b.style.HighContrast})
	framed.Move(fyne.NewPos(x, top))
	// Bars no thicker than a line of body text: a chart of two values
	// should not fill the column with two slabs.
	chartH := min(h, b.px(96)*float32(len(group))+b.px(72))
	framed.Resize(fyne.NewSize(w, max(0, chartH)))
	b.objects = append(b.objects, framed)
}

// card draws one indicator: a strip in its status colour, its name, its
// mid-term value large, and its target or that it has none.
func (b *slideBuilder) card(ind plan.Indicator, x, y, w, h float32) {
	status := ind.Status()
	b.rect(x, y, w, h, b.pal.card, b.px(10))
	b.rect(x, y, b.px(10), h, b.pal.status[status], b.px(5))
	// Type and spacing follow the card's height, so smaller cards (a
	// section with many indicators) keep their proportions.
	k := h / b.px(cardFull)
	at := func(units float32) float32 { return b.px(units) * k }
	pad := b.px(28)
	inner := w - pad - b.px(16)
	nameSize, valueSize, subSize := at(24), at(44), at(22)
	b.text(b.measure.fit(ind.Name, nameSize, inner, false), x+pad, y+at(12), nameSize, b.pal.muted, false)
	value, valueColor := ind.Midterm, b.pal.fg
	if value == "" {
		value, valueColor = lang.L("No value"), b.pal.muted
	}
	b.text(b.measure.fit(value, valueSize, inner, true), x+pad, y+at(42), valueSize, valueColor, true)
	sub := lang.L("No target set")
	if ind.Target != "" {
		sub = lang.L("Target {{.Target}}", map[string]any{"Target": ind.Target}) + " · " + messages.StatusOf(&ind)
	}
	if v := ind.Outlook().Verdict; v != plan.VerdictUnknown && v != plan.VerdictMet {
		sub += " · " + messages.VerdictLabel(v)
	}
	if ind.Warning() {
		sub = lang.L("Warning") + " · " + sub
	}
	b.text(b.measure.fit(sub, subSize, inner, false), x+pad, y+at(100), subSize, b.pal.muted, false)
}

// largestUnitGroup returns the indicators of the unit most of them share,
// in table order, and the unit; a chart compares values of one unit only.
func largestUnitGroup(indicators []plan.Indicator) ([]plan.Indicator, string) {
	count := map[string]int{}
	best := ""
	for _, ind := range indicators {
		if ind.Unit == "" {
			continue
		}
		count[ind.Unit]++
		if count[ind.Unit] > count[best] {
			best = ind.Unit
		}
	}
	var group []plan.Indicator
	for _, ind := range indicators {
		if best != "" && ind.Unit == best {
			group = append(group, ind)
		}
	}
	return group, best
}

// overviewSlide draws the first slide: the report's title and date, a card
// per status, the status chart, the lagging indicators and the sections.
func (b *slideBuilder) overviewSlide(footerTop float32) {
	o := b.deck.Overview
	y := b.heading(nil, o.Report.Title, b.px(56)) - b.px(20)
	x, w := b.margin(), b.size.Width-2*b.margin()
	size := b.px(28)
	b.text(overviewSubtitle(o), x, y, size, b.pal.muted, false)
	y += size * 1.8

	statuses := plan.Statuses()
	gap := b.px(20)
	cw, ch := (w-gap*float32(len(statuses)-1))/float32(len(statuses)), b.px(150)
	for i, s := range statuses {
		cx := x + float32(i)*(cw+gap)
		b.rect(cx, y, cw, ch, b.pal.card, b.px(10))
		b.rect(cx, y, cw, b.px(12), b.pal.status[s], b.px(6))
		count := strconv.Itoa(o.Counts[s])
		b.text(count, cx+b.px(24), y+b.px(24), b.px(64), b.pal.fg, true)
		b.text(b.measure.fit(messages.StatusLabel(s), b.px(26), cw-b.px(40), false), cx+b.px(24), y+b.px(106), b.px(26), b.pal.muted, false)
	}
	y += ch + b.px(24)
	y = b.statusBar(o, x, y, w) + b.px(36)

	// Two lists side by side: what lags, and how each section stands.
	colW := (w - b.px(56)) / 2
	h := footerTop - b.px(24) - y
	b.laggingList(o, x, y, colW, h)
	b.sectionList(o, x+colW+b.px(56), y, colW, h)
}

// statusBar draws the share of each status as one stacked bar across the
// slide, and returns the y below it; nothing when there are no indicators.
func (b *slideBuilder) statusBar(o plan.Overview, x, y, w float32) float32 {
	if o.Total == 0 {
		return y
	}
	h := b.px(22)
	for _, s := range plan.Statuses() {
		n := o.Counts[s]
		if n == 0 {
			continue
		}
		sw := w * float32(n) / float32(o.Total)
		b.rect(x, y, sw, h, b.pal.status[s], 0)
		x += sw
	}
	return y + h
}

// overviewSubtitle is the line under the report's title: its evaluation
// date when the report gives one, and how many indicators it has.
func overviewSubtitle(o plan.Overview) string {
	parts := []string{}
	if o.Report.EvaluationDate != "" {
		parts = append(parts, lang.L("Evaluated {{.Date}}", map[string]any{"Date": o.Report.EvaluationDate}))
	}
	parts = append(parts, lang.L("{{.Count}} indicators", map[string]any{"Count": o.Total}))
	if o.Proposed > 0 {
		parts = append(parts, lang.L("{{.Count}} to confirm", map[string]any{"Count": o.Proposed}))
	}
	if o.Warnings > 0 {
		parts = append(parts, lang.L("{{.Count}} warnings", map[string]any{"Count": o.Warnings}))
	}
	if o.Projected > 0 {
		parts = append(parts, lang.L("{{.Count}} unlikely to be met", map[string]any{"Count": len(o.Unlikely)}))
	}
	return strings.Join(parts, " · ")
}

// listRows is how many rows of a list fit under its heading in h.
func (b *slideBuilder) listRows(h, size float32) int {
	return max(0, int((h-size*1.8)/(size*1.6)))
}

// laggingList names the lagging indicators, worst section first.
func (b *slideBuilder) laggingList(o plan.Overview, x, y, w, h float32) {
	size := b.px(28)
	lagging := o.Counts[plan.StatusLagging]
	b.text(lang.L("Lagging indicators ({{.Count}})", map[string]any{"Count": lagging}), x, y, size, b.pal.fg, true)
	y += size * 1.8
	if lagging == 0 {
		b.text(lang.L("No indicator lags."), x, y, size, b.pal.muted, false)
		return
	}
	rows := b.listRows(h, size)
	for i, ind := range o.Indicators[:lagging] {
		if i == rows-1 && lagging > rows {
			b.text(lang.L("{{.Count}} more indicators", map[string]any{"Count": lagging - i}), x, y, size, b.pal.muted, false)
			return
		}
		if i >= rows {
			return
		}
		b.dot(x, y, size, b.pal.status[plan.StatusLagging])
		line := ind.Name
		if ind.Warning() {
			line = lang.L("Warning") + " · " + line
		}
		if ind.Midterm != "" {
			line += "  " + ind.Midterm
		}
		b.text(b.measure.fit(line, size, w-size, false), x+size, y, size, b.pal.fg, false)
		y += size * 1.6
	}
}

// sectionList gives each section with indicators its count and worst
// status.
func (b *slideBuilder) sectionList(o plan.Overview, x, y, w, h float32) {
	size := b.px(28)
	b.text(lang.L("Sections"), x, y, size, b.pal.fg, true)
	y += size * 1.8
	rows := b.listRows(h, size)
	for i, so := range o.Sections {
		if i == rows-1 && len(o.Sections) > rows {
			b.text(lang.L("{{.Count}} more sections", map[string]any{"Count": len(o.Sections) - i}), x, y, size, b.pal.muted, false)
			return
		}
		b.dot(x, y, size, b.pal.status[so.Worst])
		count := lang.L("{{.Count}} indicators", map[string]any{"Count": so.Count})
		cwid := b.measure.width(count, size, false)
		b.text(count, x+w-cwid, y, size, b.pal.muted, false)
		b.text(b.measure.fit(so.Section.Heading(), size, w-size-cwid-size, false), x+size, y, size, b.pal.fg, false)
		y += size * 1.6
	}
}

// dot draws a status dot before a list row of text size.
func (b *slideBuilder) dot(x, y, size float32, c color.Color) {
	d := canvas.NewCircle(c)
	d.Move(fyne.NewPos(x+size*0.15, y+size*0.5))
	d.Resize(fyne.NewSize(size*0.5, size*0.5))
	b.objects = append(b.objects, d)
}
