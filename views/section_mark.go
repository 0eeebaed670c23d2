package views

import (
	"fyne.io/fyne/v2"

	"plandesk/search"
)

// mark shows a search hit on the page: the matched span highlighted in
// its paragraph, the indicator's row selected, a comment's card selected,
// or the heading or project list scrolled into view.
func (p *sectionPage) mark(h search.Hit) {
	for _, para := range p.paragraphs {
		para.setMark(0, 0)
	}
	switch h.Kind {
	case search.KindParagraph:
		para, ok := p.paragraphs[h.ID]
		if !ok {
			return
		}
		para.onReveal = p.scrollTo
		para.setMark(h.Start, h.End)
	case search.KindIndicator:
		p.table.SelectIndicator(h.ID)
		p.scrollTo(p.table, 0)
	case search.KindProject:
		p.scrollTo(p.projects, 0)
	case search.KindComment:
		p.showCard(h.ID)
	default:
		p.scroll.ScrollToTop()
	}
}

// scrollTo scrolls the page so that the point y below the top of o, one
// of the page's objects (a paragraph inside the text column, a card in
// the margin), shows a third of the way down.
func (p *sectionPage) scrollTo(o fyne.CanvasObject, y float32) {
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(p.scroll.Content).Y
	top := at + y - p.scroll.Size().Height/3
	p.scroll.ScrollToOffset(fyne.NewPos(0, max(top, 0)))
}

// scrollIntoView scrolls the page to o only when o is not already wholly
// on screen: a card beside the highlight just tapped stays where it is.
func (p *sectionPage) scrollIntoView(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	at := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(p.scroll.Content).Y
	top := p.scroll.Offset.Y
	if at >= top && at+o.Size().Height <= top+p.scroll.Size().Height {
		return
	}
	p.scrollTo(o, 0)
}
