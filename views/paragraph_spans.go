package views

import (
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
)

// spanLayer is one kind of span a paragraph draws: each kind is set as a
// whole, by whoever owns it, and the later layers are drawn over the
// earlier ones (the search mark over a link).
type spanLayer int

const (
	// layerComments are the spans reviewers commented on
	// (report_comments.go), under everything else.
	layerComments spanLayer = iota
	// layerLinks are the numbers indicators were read from (number_links.go).
	layerLinks
	// layerMark is the search hit, or the sentence a row asked to be
	// shown in the text.
	layerMark
	// layerSelection is the text the reviewer selected with the mouse
	// (paragraph_select.go), over everything.
	layerSelection
	layerCount
)

// span is a styled range of a paragraph's text: the bytes [start, end)
// with a background, a colour of their own, an underline, a tap.
type span struct {
	start, end int
	// fill is the background behind the text, none when empty.
	fill fyne.ThemeColorName
	// ink is the text's colour (and the underline's), the foreground's
	// when empty.
	ink       fyne.ThemeColorName
	underline bool
	// reveal asks the page to scroll to the span once it is drawn
	// (paragraph.onReveal).
	reveal bool
	// onTap, when set, makes the span clickable; it is given the absolute
	// position just under the part of the span tapped, for a tip.
	onTap func(under fyne.Position)
}

// spanHit is where a tappable span is drawn: one rectangle per line it
// covers.
type spanHit struct {
	pos  fyne.Position
	size fyne.Size
	span span
}

// setSpans replaces the spans of one layer and draws them.
func (p *paragraph) setSpans(layer spanLayer, spans []span) {
	kept := spans[:0:0]
	for _, s := range spans {
		if s.start >= 0 && s.end <= len(p.text) && s.start < s.end {
			kept = append(kept, s)
		}
	}
	p.spans[layer] = kept
	p.revealUnseen = p.revealing()
	p.Refresh()
}

// spansOf are the spans of one layer.
func (p *paragraph) spansOf(layer spanLayer) []span { return p.spans[layer] }

// setMark highlights the bytes [start, end) of the paragraph's text, as
// a search hit, and scrolls the page to it; start == end clears it.
func (p *paragraph) setMark(start, end int) {
	p.setSpans(layerMark, []span{{start: start, end: end, fill: theme.ColorNameSelection, reveal: true}})
}

// revealing reports whether a span asks to be scrolled to.
func (p *paragraph) revealing() bool {
	for _, layer := range p.spans {
		for _, s := range layer {
			if s.reveal {
				return true
			}
		}
	}
	return false
}

// Tapped clears a selection, and runs the tap of the topmost span under
// the pointer.
func (p *paragraph) Tapped(e *fyne.PointEvent) {
	p.clearSelection()
	if h, ok := p.hitAt(e.Position); ok {
		under := e.AbsolutePosition.Subtract(e.Position).Add(h.pos).AddXY(0, h.size.Height)
		h.span.onTap(under)
	}
}

// hitAt is the topmost tappable span drawn at pos.
func (p *paragraph) hitAt(pos fyne.Position) (spanHit, bool) {
	for i := len(p.hits) - 1; i >= 0; i-- {
		h := p.hits[i]
		if pos.X >= h.pos.X && pos.X < h.pos.X+h.size.Width && pos.Y >= h.pos.Y && pos.Y < h.pos.Y+h.size.Height {
			return h, true
		}
	}
	return spanHit{}, false
}

// MouseIn, MouseMoved and MouseOut follow the pointer so that it turns
// into a hand over a tappable span.
func (p *paragraph) MouseIn(e *desktop.MouseEvent) { p.MouseMoved(e) }

// MouseMoved notes whether the pointer is over a tappable span.
func (p *paragraph) MouseMoved(e *desktop.MouseEvent) {
	_, p.overTap = p.hitAt(e.Position)
}

// MouseOut notes the pointer left.
func (p *paragraph) MouseOut() { p.overTap = false }

// Cursor is a hand over a tappable span.
func (p *paragraph) Cursor() desktop.Cursor {
	if p.overTap {
		return desktop.PointerCursor
	}
	return desktop.DefaultCursor
}

// lineStarts returns where each of lines, cut from text in order with
// the spaces at breaks dropped, starts in text.
func lineStarts(text string, lines []string) []int {
	starts := make([]int, len(lines))
	at := 0
	for i, l := range lines {
		if j := strings.Index(text[at:], l); j >= 0 {
			at += j
		}
		starts[i] = at
		at += len(l)
	}
	return starts
}

// inkAt is the colour of the text at byte i: the topmost span's that
// colours it, the foreground's elsewhere.
func (r *paragraphRenderer) inkAt(i int) color.Color {
	for layer := layerCount - 1; layer >= 0; layer-- {
		for _, s := range r.p.spans[layer] {
			if s.ink != "" && s.start <= i && i < s.end {
				return r.inkOf(s)
			}
		}
	}
	return r.inkOf(span{})
}

// cuts are where line i's colour may change: its start, the inked
// spans' ends inside it, and its end.
func (r *paragraphRenderer) cuts(i int) []int {
	ls, le := r.starts[i], r.starts[i]+len(r.lines[i])
	cuts := []int{ls}
	for _, layer := range r.p.spans {
		for _, s := range layer {
			for _, c := range []int{s.start, s.end} {
				if s.ink != "" && c > ls && c < le {
					cuts = append(cuts, c)
				}
			}
		}
	}
	cuts = append(cuts, le)
	slices.Sort(cuts)
	return cuts
}

// placeRuns draws each line as runs of text of one colour.
func (r *paragraphRenderer) placeRuns() {
	n := 0
	size, th := r.textSize(), r.glyphHeight()
	for i := range r.lines {
		if i >= len(r.starts) {
			break
		}
		cuts, ls := r.cuts(i), r.starts[i]
		for k := 0; k+1 < len(cuts); k++ {
			a, b := cuts[k], cuts[k+1]
			if a == b {
				continue
			}
			if n == len(r.runs) {
				r.runs = append(r.runs, &canvas.Text{})
			}
			t := r.runs[n]
			n++
			t.Text, t.TextSize, t.TextStyle, t.Color = r.p.text[a:b], size, r.p.style, r.inkAt(a)
			t.Move(r.origins[i].AddXY(fyne.MeasureText(r.p.text[ls:a], size, r.p.style).Width, 0))
			t.Resize(fyne.NewSize(fyne.MeasureText(t.Text, size, r.p.style).Width, th))
			t.Refresh()
		}
	}
	r.runs = r.runs[:n]
}

// placeSpans draws the spans' backgrounds and underlines over the part of
// each line they cover, notes where the tappable ones are, and tells the
// page where the first to reveal is the first time it shows.
func (r *paragraphRenderer) placeSpans() {
	p := r.p
	fills, unders := 0, 0
	p.hits = p.hits[:0]
	revealAt := float32(-1)
	size, th := r.textSize(), r.glyphHeight()
	rule := max(1, size/12) // an underline a projector still shows
	for _, layer := range p.spans {
		for _, s := range layer {
			for i := range r.lines {
				if i >= len(r.starts) {
					break
				}
				ls := r.starts[i]
				a, b := max(s.start, ls), min(s.end, ls+len(r.lines[i]))
				if a >= b {
					continue
				}
				pos := r.origins[i].AddXY(fyne.MeasureText(p.text[ls:a], size, p.style).Width, 0)
				w := fyne.MeasureText(p.text[a:b], size, p.style).Width
				if s.fill != "" {
					r.fills = placeRect(r.fills, fills, pos, fyne.NewSize(w, th), theme.ColorForWidget(s.fill, p))
					fills++
				}
				if s.underline {
					r.unders = placeRect(r.unders, unders, pos.AddXY(0, th), fyne.NewSize(w, rule), r.inkOf(s))
					unders++
				}
				if s.onTap != nil {
					p.hits = append(p.hits, spanHit{pos: pos, size: fyne.NewSize(w, th+rule), span: s})
				}
				if s.reveal && revealAt < 0 {
					revealAt = pos.Y
				}
			}
		}
	}
	r.fills, r.unders = r.fills[:fills], r.unders[:unders]
	if revealAt >= 0 && p.revealUnseen && p.onReveal != nil {
		p.revealUnseen = false
		p.onReveal(p, revealAt)
	}
}

// inkOf is a span's colour.
func (r *paragraphRenderer) inkOf(s span) color.Color {
	if s.ink == "" {
		return theme.ColorForWidget(theme.ColorNameForeground, r.p)
	}
	return theme.ColorForWidget(s.ink, r.p)
}

// placeRect puts the n-th rectangle of rects, made if need be, at pos.
func placeRect(rects []*canvas.Rectangle, n int, pos fyne.Position, size fyne.Size, c color.Color) []*canvas.Rectangle {
	if n == len(rects) {
		rects = append(rects, &canvas.Rectangle{})
	}
	m := rects[n]
	m.FillColor = c
	m.Move(pos)
	m.Resize(size)
	m.Refresh()
	return rects
}
