package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"plandesk/plan"
)

// commentMargin is the section page's margin (批注栏), as WPS shows its
// 批注: one card per thread anchored in the section, each level with the
// paragraph it is on and pushed down below the card before it where they
// would overlap; comments on the section, its indicators or projects, and
// those whose text is gone, stand at the top.
type commentMargin struct {
	// box holds the cards; the page's row lays it out (marginRow).
	box   *fyne.Container
	cards []*commentCard
	// anchors are the paragraphs the cards are level with, nil for a card
	// at the top.
	anchors []fyne.CanvasObject
}

func newCommentMargin() *commentMargin {
	m := &commentMargin{box: container.NewWithoutLayout()}
	m.box.Hidden = true
	return m
}

// set shows a section's threads; paragraphOf gives the paragraph widget a
// thread's anchor stands in now (nil when its text is gone, or for an
// anchor outside the text).
func (m *commentMargin) set(threads []plan.Thread, found func(plan.Comment) bool, paragraphOf func(plan.Comment) fyne.CanvasObject,
	actions CommentActions, onAnchor func(plan.Comment)) {
	m.cards, m.anchors = m.cards[:0], m.anchors[:0]
	objects := make([]fyne.CanvasObject, 0, len(threads))
	// The top first, then the text's in reading order (the threads come
	// oldest first; the layout keeps each level with its paragraph).
	for pass := 0; pass < 2; pass++ {
		for _, th := range threads {
			para := paragraphOf(th.Comment)
			if (para == nil) != (pass == 0) {
				continue
			}
			card := newCommentCard(th, found(th.Comment), actions, onAnchor)
			m.cards = append(m.cards, card)
			m.anchors = append(m.anchors, para)
			objects = append(objects, card)
		}
	}
	m.box.Objects = objects
	m.box.Hidden = len(objects) == 0
	m.box.Refresh()
}

// card is the card of the thread of comment id (its first comment or a
// reply), if the margin shows it.
func (m *commentMargin) card(id int64) (*commentCard, bool) {
	for _, c := range m.cards {
		if c.holds(id) {
			return c, true
		}
	}
	return nil, false
}

// selectCard draws the card of comment id's thread as selected and every
// other as not.
func (m *commentMargin) selectCard(id int64) {
	for _, c := range m.cards {
		if on := c.holds(id); c.selected != on {
			c.setSelected(on)
		}
	}
}

// marginRow lays out the section's text with the margin at its right: the
// text takes the width the margin leaves, the margin a third of the page
// at most. Its height is the taller of the two.
type marginRow struct {
	text   *fyne.Container
	margin *commentMargin
	// bottom is where the margin's last card ended at the last layout.
	bottom float32
}

// The margin's width: a third of the page, at least enough for a card's
// buttons, at most a comfortable column.
const (
	minMarginWidth = 260
	maxMarginWidth = 380
)

// marginWidth is the margin's width on a page of width w.
func marginWidth(w float32) float32 {
	return min(max(w/3, minMarginWidth), maxMarginWidth)
}

func (l *marginRow) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	textWidth := size.Width
	if !l.margin.box.Hidden {
		textWidth -= marginWidth(size.Width) + pad
	}
	l.text.Move(fyne.NewPos(0, 0))
	l.text.Resize(fyne.NewSize(textWidth, l.text.MinSize().Height))
	if l.margin.box.Hidden {
		l.bottom = 0
		return
	}
	mw := marginWidth(size.Width)
	l.margin.box.Move(fyne.NewPos(textWidth+pad, 0))
	y := float32(0)
	for i, card := range l.margin.cards {
		if a := l.margin.anchors[i]; a != nil {
			y = max(y, a.Position().Y)
		}
		// A card's height follows its width (its labels wrap).
		card.Resize(fyne.NewSize(mw, card.MinSize().Height))
		card.Resize(fyne.NewSize(mw, card.MinSize().Height))
		card.Move(fyne.NewPos(0, y))
		y += card.Size().Height + pad
	}
	l.margin.box.Resize(fyne.NewSize(mw, y))
	if y != l.bottom {
		l.bottom = y
		// The row's height may have changed with the cards: the page lays
		// out again (as a paragraph does when its lines change).
		l.text.Refresh()
	}
}

func (l *marginRow) MinSize(_ []fyne.CanvasObject) fyne.Size {
	min := l.text.MinSize()
	if l.margin.box.Hidden {
		return min
	}
	return fyne.NewSize(min.Width+minMarginWidth+theme.Padding(), max(min.Height, l.bottom))
}
