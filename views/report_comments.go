package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
)

// SectionCommentSource is what the report screen reads of comments.
type SectionCommentSource interface {
	SectionComments(sectionID int64) ([]plan.Comment, error)
}

// UseComments shows each section's comments in its page's margin, read
// from source, with actions to write, answer, edit and delete them.
func (r *ReportScreen) UseComments(source SectionCommentSource, actions CommentActions) {
	r.commentSource, r.page.commentActions = source, actions
	r.commentLoads.fail = r.fail
	r.tree.onComment = func(id int64) {
		s, _ := r.outline.Section(id)
		actions.NewComment(plan.Comment{Anchor: plan.AnchorSection, SectionID: id, Quote: s.Heading()})
	}
	r.page.table.onComment = func(ind plan.Indicator) {
		actions.NewComment(plan.Comment{Anchor: plan.AnchorIndicator, SectionID: ind.SectionID, IndicatorID: ind.ID, Quote: ind.Name})
	}
	r.page.projects.OnComment = func(pr plan.Project) {
		actions.NewComment(plan.Comment{Anchor: plan.AnchorProject, SectionID: pr.SectionID, ProjectID: pr.ID, Quote: pr.Name})
	}
}

// sectionComments reads a section's comments, none when the screen has no
// source of them.
func (r *ReportScreen) sectionComments(id int64) ([]plan.Comment, error) {
	if r.commentSource == nil {
		return nil, nil
	}
	return r.commentSource.SectionComments(id)
}

// onCommentsChanged reads the section's comments again, at once when the
// screen is shown and on CatchUp otherwise, and tells the search bar its
// index is out of date.
func (r *ReportScreen) onCommentsChanged(c CommentsChange) {
	r.find.stale(c.ReportID)
	if c.ReportID != r.reportID || r.current == 0 || r.commentSource == nil {
		return
	}
	if !r.Visible() {
		r.commentsStale = true
		return
	}
	r.reloadComments()
}

// reloadComments reads the section's comments again and shows them.
func (r *ReportScreen) reloadComments() {
	id := r.current
	loadThen(&r.commentLoads, func() ([]plan.Comment, error) { return r.commentSource.SectionComments(id) }, func(list []plan.Comment) {
		if r.current == id {
			r.page.showComments(list)
		}
		if r.OnCommentsShown != nil {
			r.OnCommentsShown()
		}
	})
}

// ShowComment opens a comment's section and shows its anchor: the span or
// paragraph marked and scrolled to, the indicator's row selected, and its
// card in the margin selected.
func (r *ReportScreen) ShowComment(c plan.Comment) {
	if c.SectionID == r.current && r.pending == 0 {
		r.page.revealComment(c)
		return
	}
	r.commentOnShow = &c
	r.ShowSection(c.SectionID)
}

// revealPending shows the comment ShowComment was asked for once its
// section is on screen.
func (r *ReportScreen) revealPending() {
	if c := r.commentOnShow; c != nil {
		r.commentOnShow = nil
		if c.SectionID == r.current {
			r.page.revealComment(*c)
		}
	}
}

// CommentDraft is a new comment on what the reviewer points at in the
// section on screen (Ctrl+Alt+M): the text selected in a paragraph, else
// the indicator selected in its table, else the section; ok is false
// before a section is shown.
func (r *ReportScreen) CommentDraft() (plan.Comment, bool) {
	if r.current == 0 {
		return plan.Comment{}, false
	}
	if d, ok := r.page.selectionDraft(); ok {
		return d, true
	}
	if ind, ok := r.page.table.Selected(); ok {
		return plan.Comment{Anchor: plan.AnchorIndicator, SectionID: r.current, IndicatorID: ind.ID, Quote: ind.Name}, true
	}
	s, _ := r.outline.Section(r.current)
	return plan.Comment{Anchor: plan.AnchorSection, SectionID: r.current, Quote: s.Heading()}, true
}

// showComments fills the margin with a section's comment threads, each
// card beside the paragraph its anchor stands in now, and highlights the
// spans commented on; a highlight tapped selects its card.
func (p *sectionPage) showComments(list []plan.Comment) {
	p.comments = list
	threads := plan.Threads(list)
	found := func(c plan.Comment) bool { return commentFound(c, p.paragraphList) }
	p.margin.set(threads, found, p.paragraphOf, p.commentActions, p.revealComment)
	spans := map[int64][]span{}
	for _, th := range threads {
		if th.Anchor != plan.AnchorSpan {
			continue
		}
		place := th.Locate(p.paragraphList)
		if !place.Found() {
			continue
		}
		id := th.ID
		spans[place.ParagraphID] = append(spans[place.ParagraphID], span{start: place.Start, end: place.End,
			fill: ColorNameComment, onTap: func(fyne.Position) { p.showCard(id) }})
	}
	for pid, para := range p.paragraphs {
		// A selection a comment was just written on has done its work.
		para.clearSelection()
		para.setSpans(layerComments, spans[pid])
	}
	p.body.Refresh()
}

// showCard selects a thread's card in the margin and scrolls to it.
func (p *sectionPage) showCard(id int64) {
	p.margin.selectCard(id)
	if card, ok := p.margin.card(id); ok {
		p.scrollIntoView(card)
	}
}

// paragraphOf is the paragraph widget a comment's anchor stands in now;
// nil when its text is gone or it is not on the text.
func (p *sectionPage) paragraphOf(c plan.Comment) fyne.CanvasObject {
	place := c.Locate(p.paragraphList)
	if !place.Found() {
		return nil
	}
	if w, ok := p.paragraphs[place.ParagraphID]; ok {
		return w
	}
	return nil
}

// revealComment shows what a comment is on and selects its card.
func (p *sectionPage) revealComment(c plan.Comment) {
	for _, para := range p.paragraphs {
		para.setMark(0, 0)
	}
	p.margin.selectCard(c.ID)
	switch c.Anchor {
	case plan.AnchorParagraph, plan.AnchorSpan:
		place := c.Locate(p.paragraphList)
		if para, ok := p.paragraphs[place.ParagraphID]; ok && place.Found() {
			para.onReveal = p.scrollTo
			para.setMark(place.Start, place.End)
			return
		}
	case plan.AnchorIndicator:
		p.table.SelectIndicator(c.IndicatorID)
		p.scrollTo(p.table, 0)
		return
	case plan.AnchorProject:
		p.scrollTo(p.projects, 0)
		return
	}
	if card, ok := p.margin.card(c.ID); ok {
		p.scrollTo(card, 0)
	}
}

// selectionDraft is a comment on the text selected in one of the page's
// paragraphs, if any.
func (p *sectionPage) selectionDraft() (plan.Comment, bool) {
	for _, para := range p.paragraphList {
		if w, ok := p.paragraphs[para.ID]; ok && !w.selection.empty() {
			return plan.Comment{Anchor: plan.AnchorSpan, SectionID: para.SectionID, ParagraphSeq: para.Seq,
				Start: w.selection.start, End: w.selection.end, Quote: w.selected()}, true
		}
	}
	return plan.Comment{}, false
}

// onTextSelected keeps one selection on the page: a new one in a
// paragraph clears any other.
func (p *sectionPage) onTextSelected(w *paragraph) {
	for _, other := range p.paragraphs {
		if other != w {
			other.clearSelection()
		}
	}
}

// onParagraphMenu shows a paragraph's context menu where it was asked for.
func (p *sectionPage) onParagraphMenu(w *paragraph, e *fyne.PointEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(w)
	if c == nil || p.commentActions == nil {
		return
	}
	widget.ShowPopUpMenuAtPosition(p.paragraphMenu(w), c, e.AbsolutePosition)
}

// paragraphMenu is a paragraph's context menu: 添加意见 on the text
// selected in it (else on the paragraph), and 复制 for the selection.
func (p *sectionPage) paragraphMenu(w *paragraph) *fyne.Menu {
	draft, ok := p.selectionDraft()
	if !ok || draft.Quote != w.selected() {
		for _, para := range p.paragraphList {
			if p.paragraphs[para.ID] == w {
				draft = plan.Comment{Anchor: plan.AnchorParagraph, SectionID: para.SectionID, ParagraphSeq: para.Seq, Quote: para.Text}
			}
		}
	}
	items := []*fyne.MenuItem{fyne.NewMenuItem(lang.L("Add comment…"), func() { p.commentActions.NewComment(draft) })}
	if sel := w.selected(); sel != "" {
		items = append(items, fyne.NewMenuItem(lang.L("Copy"), func() { fyne.CurrentApp().Clipboard().SetContent(sel) }))
	}
	return fyne.NewMenu("", items...)
}
