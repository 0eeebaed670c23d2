package views

import (
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// textSelection is a range of a paragraph's text selected with the mouse:
// the bytes [start, end), none while they are equal; from is where the
// drag began.
type textSelection struct {
	start, end, from int
	dragging         bool
}

// empty reports whether nothing is selected.
func (s textSelection) empty() bool { return s.start >= s.end }

// Dragged selects the text from where the drag began to the pointer, as a
// word processor does; the page hears of it when the drag ends.
func (p *paragraph) Dragged(e *fyne.DragEvent) {
	at := p.offsetAt(e.Position)
	if !p.selection.dragging {
		p.selection = textSelection{from: p.offsetAt(e.Position.Subtract(e.Dragged)), dragging: true}
	}
	p.selection.start, p.selection.end = min(p.selection.from, at), max(p.selection.from, at)
	p.drawSelection()
}

// DragEnd ends a selection; a selection of nothing is none.
func (p *paragraph) DragEnd() {
	p.selection.dragging = false
	if !p.selection.empty() && p.onSelected != nil {
		p.onSelected(p)
	}
}

// TappedSecondary asks the page for the paragraph's context menu.
func (p *paragraph) TappedSecondary(e *fyne.PointEvent) {
	if p.onMenu != nil {
		p.onMenu(p, e)
	}
}

// selected is the text selected, "" for none.
func (p *paragraph) selected() string {
	if p.selection.empty() {
		return ""
	}
	return p.text[p.selection.start:p.selection.end]
}

// clearSelection drops the selection, if any.
func (p *paragraph) clearSelection() {
	if p.selection.empty() && !p.selection.dragging {
		return
	}
	p.selection = textSelection{}
	p.drawSelection()
}

func (p *paragraph) drawSelection() {
	var spans []span
	if !p.selection.empty() {
		spans = []span{{start: p.selection.start, end: p.selection.end, fill: theme.ColorNameSelection}}
	}
	p.setSpans(layerSelection, spans)
}

// offsetAt is the byte offset in the text nearest to pos, in the
// paragraph's coordinates: the rune boundary closest to it on the line
// under it (before the first line, the start; after the last, the end).
func (p *paragraph) offsetAt(pos fyne.Position) int {
	r := p.laid
	if r == nil || len(r.lines) == 0 || len(r.starts) != len(r.lines) {
		return 0
	}
	line := int(pos.Y / r.lineHeight())
	switch {
	case line < 0:
		return 0
	case line >= len(r.lines):
		return len(p.text)
	}
	size, x := r.textSize(), pos.X-r.origins[line].X
	text, start := r.lines[line], r.starts[line]
	prev := float32(0)
	for i := 0; i < len(text); {
		_, n := utf8.DecodeRuneInString(text[i:])
		w := fyne.MeasureText(text[:i+n], size, p.style).Width
		if x < (prev+w)/2 {
			return start + i
		}
		prev = w
		i += n
	}
	return start + len(text)
}
