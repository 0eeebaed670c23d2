package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
)

// CommentSource is what the review pane reads: a report's comments, and
// its sections and paragraphs to say where each comment is and whether its
// text is still there.
type CommentSource interface {
	Comments(reportID int64) ([]plan.Comment, error)
	Sections(reportID int64) ([]plan.Section, error)
	ReportParagraphs(reportID int64) (map[int64][]plan.Paragraph, error)
	ReviewerSummary(reportID int64) ([]plan.ReviewerStats, error)
}

// reviewContent is what the pane loads of a report.
type reviewContent struct {
	comments   []plan.Comment
	sections   []plan.Section
	paragraphs map[int64][]plan.Paragraph
	reviewers  []plan.ReviewerStats
}

// ReviewPane (审阅窗格, Ctrl+4) lists every comment thread of a report as
// a card, with filters by reviewer, state, kind and section, and a count
// of what is open; a card's anchor line opens its place in the report.
type ReviewPane struct {
	widget.BaseWidget
	source   CommentSource
	actions  CommentActions
	reportID int64
	content  reviewContent
	filter   plan.CommentFilter
	loader   loader
	// stale says the comments changed while the pane was hidden.
	stale bool

	reviewer, state, kind, section *widget.Select
	summary, who                   *widget.Label
	cards                          *fyne.Container
	scroll                         *container.Scroll
	// reviewers and sectionIDs are the values behind the choices of the
	// reviewer and section filters, after their first "all" choice.
	reviewers  []string
	sectionIDs []int64

	// OnOpen is called with a comment whose anchor line was tapped.
	OnOpen func(c plan.Comment)
	// OnError is called on the UI thread when loading fails.
	OnError func(err error)
	// OnLoaded is called on the UI thread after the comments were read.
	OnLoaded func()
}

// NewReviewPane returns an empty pane; Load fills it.
func NewReviewPane(source CommentSource, actions CommentActions) *ReviewPane {
	p := &ReviewPane{
		source: source, actions: actions,
		reviewer: &widget.Select{PlaceHolder: lang.L("All reviewers")},
		state:    &widget.Select{PlaceHolder: lang.L("All states")},
		kind:     &widget.Select{PlaceHolder: lang.L("All kinds")},
		section:  &widget.Select{PlaceHolder: lang.L("All sections")},
		summary:  &widget.Label{Wrapping: fyne.TextWrapWord},
		who:      &widget.Label{Wrapping: fyne.TextWrapWord},
		cards:    container.NewVBox(),
	}
	p.loader.fail = p.fail
	states, _ := choiceLists(messages.CommentStateChoices())
	p.state.Options = append([]string{lang.L("All states")}, states...)
	kinds, _ := choiceLists(messages.CommentKindChoices())
	p.kind.Options = append([]string{lang.L("All kinds")}, kinds...)
	p.reviewer.OnChanged = func(string) { p.onFilterChanged() }
	p.state.OnChanged = func(string) { p.onFilterChanged() }
	p.kind.OnChanged = func(string) { p.onFilterChanged() }
	p.section.OnChanged = func(string) { p.onFilterChanged() }
	p.scroll = container.NewVScroll(container.NewPadded(p.cards))
	p.ExtendBaseWidget(p)
	return p
}

func (p *ReviewPane) CreateRenderer() fyne.WidgetRenderer {
	filters := container.NewGridWithColumns(4, p.reviewer, p.state, p.kind, p.section)
	return widget.NewSimpleRenderer(container.NewBorder(container.NewVBox(filters, p.summary, p.who), nil, nil, nil, p.scroll))
}

// Load reads a report's comments off the UI thread and lists them.
func (p *ReviewPane) Load(reportID int64) {
	fetch := func() (reviewContent, error) {
		var c reviewContent
		var err error
		if c.comments, err = p.source.Comments(reportID); err != nil {
			return c, err
		}
		if c.sections, err = p.source.Sections(reportID); err != nil {
			return c, err
		}
		if c.paragraphs, err = p.source.ReportParagraphs(reportID); err != nil {
			return c, err
		}
		c.reviewers, err = p.source.ReviewerSummary(reportID)
		return c, err
	}
	loadThen(&p.loader, fetch, func(c reviewContent) {
		if reportID != p.reportID {
			p.filter = plan.CommentFilter{}
		}
		p.reportID, p.content, p.stale = reportID, c, false
		p.fillChoices()
		p.show()
		if p.OnLoaded != nil {
			p.OnLoaded()
		}
	})
}

// fillChoices offers the report's reviewers and its sections that have
// comments in the filters.
func (p *ReviewPane) fillChoices() {
	p.reviewers = plan.Reviewers(p.content.comments)
	p.reviewer.Options = append([]string{lang.L("All reviewers")}, p.reviewers...)
	has := map[int64]bool{}
	for _, c := range p.content.comments {
		has[c.SectionID] = true
	}
	p.sectionIDs = p.sectionIDs[:0]
	p.section.Options = []string{lang.L("All sections")}
	for _, s := range p.content.sections {
		if has[s.ID] {
			p.sectionIDs = append(p.sectionIDs, s.ID)
			p.section.Options = append(p.section.Options, headingText(s))
		}
	}
	p.reviewer.Refresh()
	p.section.Refresh()
}

// onFilterChanged reads the four filters and lists what they let through.
func (p *ReviewPane) onFilterChanged() {
	_, states := choiceLists(messages.CommentStateChoices())
	_, kinds := choiceLists(messages.CommentKindChoices())
	f := plan.CommentFilter{}
	if i := p.reviewer.SelectedIndex() - 1; i >= 0 && i < len(p.reviewers) {
		f.Reviewer = p.reviewers[i]
	}
	if i := p.state.SelectedIndex() - 1; i >= 0 {
		f.State = states[i]
	}
	if i := p.kind.SelectedIndex() - 1; i >= 0 {
		f.Kind = kinds[i]
	}
	if i := p.section.SelectedIndex() - 1; i >= 0 && i < len(p.sectionIDs) {
		f.SectionID = p.sectionIDs[i]
	}
	if f != p.filter {
		p.filter = f
		p.show()
	}
}

// show lists the threads the filter lets through, each under its
// section's heading.
func (p *ReviewPane) show() {
	all := plan.Threads(p.content.comments)
	shown := p.filter.Filter(all)
	p.summary.SetText(messages.CommentProgress(plan.CommentCounts(p.content.comments)) + " · " +
		lang.L("{{.Shown}} of {{.Total}} shown", map[string]any{"Shown": len(shown), "Total": len(all)}))
	// Who did what, once several reviewers' work is here (merged packages).
	p.who.SetText(reviewerLines(p.content.reviewers))
	p.who.Hidden = len(p.content.reviewers) < 2
	headings := make(map[int64]string, len(p.content.sections))
	for _, s := range p.content.sections {
		headings[s.ID] = headingText(s)
	}
	objects := make([]fyne.CanvasObject, 0, 2*len(shown))
	last := int64(-1)
	for _, th := range shown {
		if th.SectionID != last {
			last = th.SectionID
			objects = append(objects, &widget.Label{Text: headings[th.SectionID], TextStyle: fyne.TextStyle{Bold: true}})
		}
		found := commentFound(th.Comment, p.content.paragraphs[th.SectionID])
		objects = append(objects, newCommentCard(th, found, p.actions, p.open))
	}
	if len(all) == 0 {
		objects = append(objects, &widget.Label{Text: lang.L("No comments yet. Select text in a section and press Ctrl+Alt+M, or right-click a paragraph, an indicator or a section, to add one."), Wrapping: fyne.TextWrapWord})
	}
	p.cards.Objects = objects
	p.cards.Refresh()
}

// commentFound reports whether a comment's anchor still holds: always for
// an anchor outside the text, for a paragraph or span when Locate finds its
// quote among the section's paragraphs.
func commentFound(c plan.Comment, paragraphs []plan.Paragraph) bool {
	if c.Anchor != plan.AnchorParagraph && c.Anchor != plan.AnchorSpan {
		return true
	}
	return c.Locate(paragraphs).Found()
}

func (p *ReviewPane) open(c plan.Comment) {
	if p.OnOpen != nil {
		p.OnOpen(c)
	}
}

// Follow makes the pane read the comments again when they change: at once
// when it is shown, on CatchUp otherwise.
func (p *ReviewPane) Follow(s *Signals) {
	s.CommentsChanged.AddListener(func(c CommentsChange) {
		if c.ReportID != p.reportID {
			return
		}
		if p.Visible() {
			p.Load(c.ReportID)
			return
		}
		p.stale = true
	})
}

// CatchUp reads the comments again if they changed while the pane was
// hidden, and reports whether it started a load.
func (p *ReviewPane) CatchUp(reportID int64) bool {
	if !p.stale && reportID == p.reportID {
		return false
	}
	p.Load(reportID)
	return true
}

// Shown lists the threads shown, for tests.
func (p *ReviewPane) Shown() []plan.Thread { return p.filter.Filter(plan.Threads(p.content.comments)) }

// SetFilterForTest sets the filters as a user choosing them would.
func (p *ReviewPane) SetFilterForTest(reviewer, state string) {
	p.reviewer.SetSelected(reviewer)
	p.state.SetSelected(state)
}

// Summary is the pane's count line.
func (p *ReviewPane) Summary() string { return p.summary.Text }

func (p *ReviewPane) fail(err error) {
	if p.OnError != nil {
		p.OnError(err)
	}
}
