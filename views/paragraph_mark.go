package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// setMark highlights the bytes [start, end) of the paragraph's text, as
// a search hit; start == end clears the highlight.
func (p *paragraph) setMark(start, end int) {
	if start < 0 || end > len(p.text) || start > end {
		start, end = 0, 0
	}
	p.markStart, p.markEnd = start, end
	p.markUnseen = end > start
	p.Refresh()
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

// placeMarks draws the highlight behind the part of each line the marked
// span covers, and tells the page where it is the first time it shows.
func (r *paragraphRenderer) placeMarks() {
	p := r.p
	n := 0
	th := fyne.MeasureText("汉", r.textSize(), p.style).Height
	for i, line := range r.lines {
		if i >= len(r.starts) {
			break
		}
		ls := r.starts[i]
		a, b := max(p.markStart, ls), min(p.markEnd, ls+len(line.Text))
		if a >= b {
			continue
		}
		if n == len(r.marks) {
			r.marks = append(r.marks, &canvas.Rectangle{})
		}
		m := r.marks[n]
		n++
		x := line.Position().X + fyne.MeasureText(p.text[ls:a], r.textSize(), p.style).Width
		w := fyne.MeasureText(p.text[a:b], r.textSize(), p.style).Width
		m.FillColor = theme.ColorForWidget(theme.ColorNameSelection, p)
		m.Move(fyne.NewPos(x, line.Position().Y))
		m.Resize(fyne.NewSize(w, th))
		m.Refresh()
	}
	r.marks = r.marks[:n]
	if n > 0 && p.markUnseen && p.onMarkPlaced != nil {
		p.markUnseen = false
		p.onMarkPlaced(p, r.marks[0].Position().Y)
	}
}
