package reviewdoc

import (
	"cmp"
	"slices"

	"plandesk/messages"
	"plandesk/plan"
)

// timeLayout is how comments and changes give their time.
const timeLayout = "2006-01-02 15:04"

// sectionPages is the second part: every section in reading order with
// its review state, indicators, projects and comments.
func (b *builder) sectionPages() {
	b.heading(1, b.w.Sections)
	for _, s := range b.in.Sections {
		b.heading(min(s.Depth+2, 4), messages.Heading(s.Heading()))
		b.text(Note, messages.ReviewStateLine(s.ReviewState))
		if list := b.indicators[s.ID]; len(list) > 0 {
			b.indicatorTable(list)
		}
		if list := b.projects[s.ID]; len(list) > 0 {
			b.projectTable(list)
		}
		b.comments(s.ID, b.threads[s.ID])
	}
	// Comments whose section is gone (a report imported again) still say
	// what they were on.
	var orphans []plan.Thread
	for id, list := range b.threads {
		if _, ok := b.sections[id]; !ok {
			orphans = append(orphans, list...)
		}
	}
	if len(orphans) > 0 {
		slices.SortFunc(orphans, func(a, c plan.Thread) int { return cmp.Compare(a.ID, c.ID) })
		b.heading(2, b.w.Orphans)
		b.comments(0, orphans)
	}
}

// indicatorTable is a section's indicators as its page shows them.
func (b *builder) indicatorTable(list []plan.Indicator) {
	w := b.w
	t := &Table{
		Header: []string{w.Indicator, w.Unit, w.Baseline, w.Target, w.Midterm, w.Status, w.Outlook},
		Widths: []int{20, 8, 11, 12, 11, 17, 21},
	}
	for _, ind := range list {
		t.Rows = append(t.Rows, []string{ind.Name, ind.Unit, ind.Baseline, ind.Target, ind.Midterm,
			messages.StatusCell(&ind), messages.OutlookCell(&ind)})
	}
	b.table(t)
}

// projectTable is a section's projects and tasks.
func (b *builder) projectTable(list []plan.Project) {
	w := b.w
	b.text(Label, w.SectionProjects)
	t := &Table{Header: []string{w.Project, w.Planned, w.Progress, w.Note}, Widths: []int{40, 18, 14, 28}}
	for _, p := range list {
		t.Rows = append(t.Rows, []string{p.Name, p.PlannedCompletion, messages.ProgressLabel(p.Progress), p.Note})
	}
	b.table(t)
}

// comments are a section's comment threads, each with its replies.
func (b *builder) comments(sectionID int64, threads []plan.Thread) {
	b.text(Label, b.w.Comments)
	if len(threads) == 0 {
		b.text(Note, b.w.NoComments)
		return
	}
	for _, t := range threads {
		b.thread(sectionID, t)
	}
}

// thread is one comment: kind, state, who and when; what it is on; its
// text; a proposed wording; the replies.
func (b *builder) thread(sectionID int64, t plan.Thread) {
	c := t.Comment
	head := messages.CommentKindLabel(c.Kind) + " · " + messages.CommentStateLabel(c.State) + " · " + c.Reviewer + " · " + c.CreatedAt.Local().Format(timeLayout)
	b.para(Note, Run{Text: head, Bold: true})
	b.text(Quote, b.anchor(sectionID, c))
	b.text(Body, c.Text)
	if c.Kind == plan.KindChange && c.Replacement != "" {
		b.text(Quote, messages.ProposedWording(c.Replacement))
	}
	for _, r := range t.Replies {
		b.para(Reply, Run{Text: messages.ReplyLine(r.Reviewer, r.CreatedAt.Local().Format(timeLayout)), Bold: true}, Run{Text: r.Text})
	}
}

// anchor says what a comment is on, and that its text is gone when the
// report's text no longer holds it.
func (b *builder) anchor(sectionID int64, c plan.Comment) string {
	switch c.Anchor {
	case plan.AnchorIndicator, plan.AnchorProject:
		// The store keeps the name as the quote: it names one since deleted.
		name := b.indicatorName(c.IndicatorID, "")
		if c.Anchor == plan.AnchorProject {
			name = b.projectName(c.ProjectID, "")
		}
		if name == messages.DeletedName(c.Anchor == plan.AnchorProject) && c.Quote != "" {
			name = c.Quote
		}
		return messages.CommentAnchor(c, name)
	case plan.AnchorParagraph, plan.AnchorSpan:
		line := messages.CommentAnchor(c, "")
		if sectionID == 0 || !c.Locate(b.in.Paragraphs[sectionID]).Found() {
			line += b.w.TextGone
		}
		return line
	}
	return messages.CommentAnchor(c, "")
}
