package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// scrollPass lies over a widget that scrolls but is shown whole inside a
// scrolling page (a section's table, as tall as its rows): Fyne gives the
// mouse wheel to the innermost scroller under the pointer, which would
// swallow it, so the page would not move while the pointer is over the
// table. It takes only the wheel and hands it to the page; taps, drags and
// hovering reach the widget below, as it implements nothing else.
type scrollPass struct {
	widget.BaseWidget
	to func(*fyne.ScrollEvent)
}

func newScrollPass(to func(*fyne.ScrollEvent)) *scrollPass {
	p := &scrollPass{to: to}
	p.ExtendBaseWidget(p)
	return p
}

// Scrolled hands the wheel to the page.
func (p *scrollPass) Scrolled(e *fyne.ScrollEvent) {
	if p.to != nil {
		p.to(e)
	}
}

func (p *scrollPass) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}
