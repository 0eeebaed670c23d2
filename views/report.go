package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
	"plandesk/search"
)

// ReportSource is what the report screen needs from storage.
type ReportSource interface {
	Sections(reportID int64) ([]plan.Section, error)
	Paragraphs(sectionID int64) ([]plan.Paragraph, error)
	SectionIndicators(sectionID int64) ([]plan.Indicator, error)
}

// sectionContent is what a section page shows besides its heading.
type sectionContent struct {
	paragraphs []plan.Paragraph
	tables     []plan.Table
	indicators []plan.Indicator
	projects   []plan.Project
	comments   []plan.Comment
}

// ReportScreen shows one report: its section tree beside the selected
// section's page. Data is loaded off the UI thread and applied with fyne.Do;
// a load that a newer one overtook is dropped.
type ReportScreen struct {
	widget.BaseWidget
	source   ReportSource
	tree     *outlineTree
	page     *sectionPage
	split    *container.Split
	reportID int64
	outline  plan.Outline
	current  int64
	pending  int64  // the section being loaded, where the next step starts
	loader   loader // section loads
	tables   loader // reloads of the section's indicator table
	// projectSource, when set, lists each section's projects under its
	// table; projectLoads are their reloads.
	projectSource ProjectSource
	projectLoads  loader
	// stale says the section's indicators changed while the screen was
	// hidden; CatchUp reads them again.
	stale bool
	// reloadAfter says the indicators changed while a section was loading:
	// its load may have read them before the change, so the table is read
	// again once it is shown, rather than at once beside it.
	reloadAfter bool
	// find is the search bar (Ctrl+F) and body the split of its hits over
	// the tree and page; hitOnShow is the hit to mark once its section is
	// shown.
	find      *searchBar
	body      *container.Split
	hitOnShow *search.Hit

	// OnSectionShown is called on the UI thread after a section is shown.
	OnSectionShown func(reportID, sectionID int64)
	// OnError is called on the UI thread when loading fails.
	OnError func(err error)
	// OnIndicatorsShown is called on the UI thread after the section's
	// indicator table was reloaded.
	OnIndicatorsShown func()
	// OnExportChart is called when the user asks to save the section's
	// charts as an image.
	OnExportChart func(sectionID int64, indicators []plan.Indicator)
	// OnConfirmSection is called to confirm every proposal of a section at
	// once; nil hides the page's button.
	OnConfirmSection func(sectionID int64)
	// OnWindowKey gets the window's keys (F5, PageUp, PageDown) that the
	// tree or the table had the focus for; PageKey when not set.
	OnWindowKey func(*fyne.KeyEvent)
	// OnReview is called when the reviewer sets a section's review state
	// on its page or in the tree's context menu; the screen shows it once
	// SetReviews (or the signal) says it is stored.
	OnReview func(sectionID int64, state string)
	// OnReviewsShown is called on the UI thread after the review states
	// were read again (after an undo or redo).
	OnReviewsShown func()
	// reviewLoads are the reloads of the review states after an undo.
	reviewLoads loader
	// commentSource, when set, gives each section's comments for its
	// margin; commentLoads are their reloads, commentOnShow the comment
	// to show once its section is (ShowComment).
	commentSource SectionCommentSource
	commentLoads  loader
	commentOnShow *plan.Comment
	// commentsStale says the comments changed while the screen was hidden;
	// CatchUp reads them again.
	commentsStale bool
	// OnCommentsShown is called on the UI thread after the section's
	// comments were read again (after a change of comments).
	OnCommentsShown func()
}

// NewReportScreen returns an empty screen; LoadReport fills it. Edits of
// the section tables go to editor.
func NewReportScreen(source ReportSource, editor IndicatorEditor) *ReportScreen {
	r := &ReportScreen{source: source}
	r.loader.fail = r.fail
	r.tables.fail = r.fail
	r.projectLoads.fail = r.fail
	r.tree = newOutlineTree(r.ShowSection, r.PageKey)
	r.page = newSectionPage(r.Prev, r.Next, r.ShowSection, editor)
	r.page.onExportChart = r.onExportChart
	r.page.onConfirmAll = r.onConfirmSection
	r.reviewLoads.fail = r.fail
	r.tree.onReview = r.setReview
	r.page.review.onSet = func(state string) { r.setReview(r.current, state) }
	r.tree.onWindowKey = r.windowKey
	r.page.table.onWindowKey = r.windowKey
	r.page.tip.onWindowKey = r.windowKey
	r.split = container.NewHSplit(r.tree, r.page)
	r.split.Offset = 0.3
	r.find = newSearchBar(r.fail)
	r.find.onHit = r.showHit
	r.find.onResults = r.fitResults
	r.find.entry.onWindowKey = r.windowKey
	r.body = container.NewVSplit(r.find.list, r.split)
	r.body.Offset = 0.3
	r.ExtendBaseWidget(r)
	return r
}

// fitResults gives the search results as much of the screen as n of them
// take, up to a third: two hits do not push the page down by a third.
func (r *ReportScreen) fitResults(n int) {
	h := r.body.Size().Height
	if h <= 0 || n == 0 {
		return
	}
	row := newHitRow().MinSize().Height + theme.SizeForWidget(theme.SizeNamePadding, r)
	r.body.Offset = min(0.3, float64(row*(float32(n)+0.5))/float64(h))
	r.body.Refresh()
}

func (r *ReportScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(r.find.bar, nil, nil, nil, r.body))
}

// Current is the section on screen, or 0 before one is shown.
func (r *ReportScreen) Current() int64 { return r.current }

// Outline is the loaded report's section tree.
func (r *ReportScreen) Outline() plan.Outline { return r.outline }

// LoadReport shows a report, opening section want if it belongs to the
// report and the first section otherwise.
func (r *ReportScreen) LoadReport(reportID, want int64) {
	fetch := func() ([]plan.Section, error) { return r.source.Sections(reportID) }
	loadThen(&r.loader, fetch, func(sections []plan.Section) {
		r.reportID = reportID
		r.outline = plan.NewOutline(sections)
		r.current, r.pending = 0, 0
		r.tree.setOutline(r.outline)
		if r.find.isOpen() {
			r.find.open(reportID) // the bar searches the report on screen
		}
		if _, ok := r.outline.Section(want); !ok {
			want = r.outline.First()
		}
		r.ShowSection(want)
	})
}

// ShowSection loads and shows one section of the current report.
func (r *ReportScreen) ShowSection(id int64) {
	if _, ok := r.outline.Section(id); !ok || id == r.current && r.pending == 0 {
		return
	}
	r.pending = id
	fetch := func() (sectionContent, error) {
		paragraphs, err := r.source.Paragraphs(id)
		if err != nil {
			return sectionContent{}, err
		}
		indicators, err := r.source.SectionIndicators(id)
		if err != nil {
			return sectionContent{}, err
		}
		var tables []plan.Table
		if ts, ok := r.source.(TableSource); ok {
			if tables, err = ts.SectionTables(id); err != nil {
				return sectionContent{}, err
			}
		}
		projects, err := r.sectionProjects(id)
		if err != nil {
			return sectionContent{}, err
		}
		comments, err := r.sectionComments(id)
		return sectionContent{paragraphs, tables, indicators, projects, comments}, err
	}
	loadThen(&r.loader, fetch, func(content sectionContent) {
		if _, ok := r.outline.Section(id); !ok {
			return // a section of a report no longer on screen
		}
		reload := r.reloadAfter
		r.current, r.pending, r.stale, r.reloadAfter = id, 0, false, false
		r.commentsStale = false
		r.page.tables = content.tables
		r.page.show(r.outline.Path(id), content.paragraphs, r.children(id), r.outline.Prev(id) != 0, r.outline.Next(id) != 0)
		r.page.showIndicators(content.indicators)
		r.page.projects.SetProjects(id, content.projects)
		r.page.showComments(content.comments)
		r.tree.selectSection(id)
		// The hit is marked before the section is said to be shown, so
		// that whoever waits for it finds the page as it stays.
		r.markHit()
		r.revealPending()
		if r.OnSectionShown != nil {
			r.OnSectionShown(r.reportID, id)
		}
		if reload {
			r.ReloadIndicators()
		}
	})
}

// loader counts a screen's loads, on the UI thread, so that a load that a
// newer one overtook is dropped.
type loader struct {
	loads int
	fail  func(err error)
}

// loadThen runs fetch off the UI thread, then apply on it with the result,
// unless a newer load started in the meantime (the user moved on).
func loadThen[T any](l *loader, fetch func() (T, error), apply func(T)) {
	l.loads++
	load := l.loads
	go func() {
		v, err := fetch()
		fyne.Do(func() {
			if load != l.loads {
				return
			}
			if err != nil {
				l.fail(err)
				return
			}
			apply(v)
		})
	}()
}

func (r *ReportScreen) children(id int64) []plan.Section {
	ids := r.outline.Children(id)
	children := make([]plan.Section, 0, len(ids))
	for _, c := range ids {
		s, _ := r.outline.Section(c)
		children = append(children, s)
	}
	return children
}

// ReloadIndicators reloads the current section's table, after an edit or
// an undo.
func (r *ReportScreen) ReloadIndicators() {
	id := r.current
	if id == 0 {
		return
	}
	if r.pending != 0 {
		// The section on its way replaces this table; read it after.
		r.reloadAfter = true
		return
	}
	fetch := func() ([]plan.Indicator, error) { return r.source.SectionIndicators(id) }
	loadThen(&r.tables, fetch, func(list []plan.Indicator) {
		if r.current == id {
			r.page.showIndicators(list)
			if r.OnIndicatorsShown != nil {
				r.OnIndicatorsShown()
			}
		}
	})
}

// Follow makes the screen follow the indicator changes of its report: a
// cell edit patches the row in place, anything else reads the section's
// table again, at once when the screen is shown and on CatchUp otherwise.
func (r *ReportScreen) Follow(s *Signals) {
	s.IndicatorsChanged.AddListener(r.onIndicatorsChanged)
	s.ProjectsChanged.AddListener(r.onProjectsChanged)
	s.IndicatorsChanged.AddListener(func(c IndicatorsChange) { r.find.stale(c.ReportID) })
	s.ProjectsChanged.AddListener(func(c ProjectsChange) { r.find.stale(c.ReportID) })
	s.ReviewsChanged.AddListener(r.onReviewsChanged)
	s.CommentsChanged.AddListener(r.onCommentsChanged)
}

func (r *ReportScreen) onIndicatorsChanged(c IndicatorsChange) {
	if c.ReportID != r.reportID || r.current == 0 {
		return
	}
	switch {
	case len(c.Updated) > 0:
		r.page.patchIndicators(c.Updated)
	case r.Visible():
		r.ReloadIndicators()
	default:
		r.stale = true
	}
}

// CatchUp reads the section's table again if it missed a change while
// hidden, and reports whether it started a load (OnIndicatorsShown follows).
func (r *ReportScreen) CatchUp(int64) bool {
	if r.current == 0 {
		return false
	}
	if r.commentsStale {
		r.commentsStale = false
		r.reloadComments()
		if !r.stale {
			return true
		}
	}
	if !r.stale {
		return false
	}
	r.stale = false
	r.ReloadIndicators()
	return true
}

func (r *ReportScreen) onConfirmSection() {
	if r.OnConfirmSection != nil {
		r.OnConfirmSection(r.current)
	}
}

func (r *ReportScreen) onExportChart(list []plan.Indicator) {
	if r.OnExportChart != nil {
		r.OnExportChart(r.current, list)
	}
}

// Table is the current section's indicator table.
func (r *ReportScreen) Table() *IndicatorTable { return r.page.table }

// Next shows the section after the current one in reading order. Steps
// taken while a section is still loading count from that section, so that
// quick presses of a clicker are not lost.
func (r *ReportScreen) Next() { r.ShowSection(r.outline.Next(r.from())) }

// Prev shows the section before the current one in reading order.
func (r *ReportScreen) Prev() { r.ShowSection(r.outline.Prev(r.from())) }

func (r *ReportScreen) from() int64 {
	if r.pending != 0 {
		return r.pending
	}
	return r.current
}

// windowKey hands on a window key a widget of the screen had the focus for.
func (r *ReportScreen) windowKey(e *fyne.KeyEvent) {
	if r.OnWindowKey != nil {
		r.OnWindowKey(e)
		return
	}
	r.PageKey(e.Name)
}

// PageKey handles PageUp/PageDown from anywhere in the window.
func (r *ReportScreen) PageKey(key fyne.KeyName) {
	switch key {
	case fyne.KeyPageDown:
		r.Next()
	case fyne.KeyPageUp:
		r.Prev()
	}
}

func (r *ReportScreen) fail(err error) {
	if r.OnError != nil {
		r.OnError(fmt.Errorf("report %d: %w", r.reportID, err))
	}
}

// TreeForTest is the section tree, for tests that give it the focus.
func (r *ReportScreen) TreeForTest() fyne.Focusable { return r.tree }
