package views

import (
	"fmt"

	"plandesk/messages"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
)

// IndicatorSource is what the all-indicators page needs from storage.
type IndicatorSource interface {
	Sections(reportID int64) ([]plan.Section, error)
	Indicators(reportID int64) ([]plan.Indicator, error)
}

// AllIndicatorsScreen lists every indicator of a report in one table that
// sorts by a tap on a header and filters by section, status, attribute,
// proposals and text. Its cells are edited like a section's table.
type AllIndicatorsScreen struct {
	widget.BaseWidget
	source    IndicatorSource
	table     *IndicatorTable
	section   *widget.Select
	status    *widget.Select
	attribute *widget.Select
	proposed  *widget.Check
	search    *searchEntry
	count     *widget.Label
	loader    loader
	reportID  int64
	all       []plan.Indicator
	outline   plan.Outline
	filter    plan.IndicatorFilter
	sortBy    plan.Field
	sortDesc  bool
	// stale says the report's indicators changed while the page was
	// hidden; CatchUp reads them again.
	stale bool

	// OnLoaded is called on the UI thread after the indicators were (re)loaded.
	OnLoaded func()
	// OnError is called on the UI thread when loading fails.
	OnError func(err error)
	// OnWindowKey gets F5 when the table or the search box has the focus.
	OnWindowKey func(*fyne.KeyEvent)
}

// NewAllIndicatorsScreen returns an empty page; Load fills it.
func NewAllIndicatorsScreen(source IndicatorSource, editor IndicatorEditor) *AllIndicatorsScreen {
	s := &AllIndicatorsScreen{
		source:    source,
		section:   &widget.Select{PlaceHolder: lang.L("All sections")},
		status:    &widget.Select{PlaceHolder: lang.L("All statuses")},
		attribute: &widget.Select{PlaceHolder: lang.L("All attributes")},
		proposed:  widget.NewCheck(lang.L("Only to confirm"), nil),
		search:    newSearchEntry(lang.L("Search name, value, note or source")),
		count:     &widget.Label{},
		filter:    plan.IndicatorFilter{Attribute: plan.AttributeAny},
	}
	s.loader.fail = s.fail
	s.table = newIndicatorTable(allColumns(s.sectionHeading), editor, false)
	s.table.OnSort = s.onSort
	s.table.onWindowKey = s.windowKey
	s.search.onWindowKey = s.windowKey
	s.section.OnChanged = s.onSectionChanged
	s.status.Options = statusOptions()
	s.status.OnChanged = s.onStatusChanged
	s.attribute.Options = []string{lang.L("All attributes"), plan.AttributeExpected, plan.AttributeObligatory, lang.L("Not stated")}
	s.attribute.OnChanged = s.onAttributeChanged
	s.proposed.OnChanged = s.onProposedChanged
	s.search.OnChanged = s.onSearchChanged
	s.ExtendBaseWidget(s)
	return s
}

func (s *AllIndicatorsScreen) CreateRenderer() fyne.WidgetRenderer {
	filters := container.NewBorder(nil, nil,
		container.NewHBox(widget.NewIcon(theme.SearchIcon()), container.NewGridWrap(fyne.NewSize(200, s.section.MinSize().Height), s.section),
			container.NewGridWrap(fyne.NewSize(150, s.status.MinSize().Height), s.status),
			container.NewGridWrap(fyne.NewSize(130, s.attribute.MinSize().Height), s.attribute), s.proposed),
		s.count, s.search)
	return widget.NewSimpleRenderer(container.NewBorder(container.NewPadded(filters), nil, nil, nil, s.table))
}

// windowKey hands on F5 from the table or the search box; the page has no
// sections to turn, so PageUp and PageDown stay with the table.
func (s *AllIndicatorsScreen) windowKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyF5 && s.OnWindowKey != nil {
		s.OnWindowKey(e)
	}
}

// searchEntry is the page's search box; it hands F5 to the window.
type searchEntry struct {
	widget.Entry
	onWindowKey windowKeys
}

func newSearchEntry(placeholder string) *searchEntry {
	e := &searchEntry{}
	e.PlaceHolder = placeholder
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey presents on F5 and types everything else.
func (e *searchEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyF5 && e.onWindowKey.pass(k) {
		return
	}
	e.Entry.TypedKey(k)
}

// Table is the page's indicator table.
func (s *AllIndicatorsScreen) Table() *IndicatorTable { return s.table }

// Load shows the indicators of a report.
func (s *AllIndicatorsScreen) Load(reportID int64) {
	type loaded struct {
		sections   []plan.Section
		indicators []plan.Indicator
	}
	fetch := func() (loaded, error) {
		sections, err := s.source.Sections(reportID)
		if err != nil {
			return loaded{}, err
		}
		list, err := s.source.Indicators(reportID)
		return loaded{sections, list}, err
	}
	loadThen(&s.loader, fetch, func(l loaded) {
		if reportID != s.reportID {
			s.filter.SectionID = 0
			s.section.ClearSelected()
		}
		s.reportID, s.stale = reportID, false
		s.outline = plan.NewOutline(l.sections)
		s.all = l.indicators
		options := []string{lang.L("All sections")}
		for _, sec := range l.sections {
			options = append(options, sec.Heading())
		}
		s.section.Options = options
		s.section.Refresh()
		s.apply()
		if s.OnLoaded != nil {
			s.OnLoaded()
		}
	})
}

// Follow makes the page follow the indicator changes of its report: a cell
// edit patches the rows in place (filter and sort applied again), anything
// else reads the report again, at once when the page is shown and on
// CatchUp otherwise.
func (s *AllIndicatorsScreen) Follow(sig *Signals) {
	sig.IndicatorsChanged.AddListener(s.onIndicatorsChanged)
}

func (s *AllIndicatorsScreen) onIndicatorsChanged(c IndicatorsChange) {
	if c.ReportID != s.reportID || s.reportID == 0 {
		return
	}
	switch {
	case len(c.Updated) > 0:
		for _, u := range c.Updated {
			for i := range s.all {
				if s.all[i].ID == u.ID {
					s.all[i] = u
				}
			}
		}
		s.apply()
	case s.Visible():
		s.Load(s.reportID)
	default:
		s.stale = true
	}
}

// CatchUp loads report reportID if the page shows another one or missed a
// change while hidden, and reports whether it started a load (OnLoaded
// follows).
func (s *AllIndicatorsScreen) CatchUp(reportID int64) bool {
	if !s.stale && reportID == s.reportID {
		return false
	}
	s.Load(reportID)
	return true
}

// refilter applies a changed filter: the table goes back to its top, as
// the rows below may be gone, and every visible row is drawn anew.
func (s *AllIndicatorsScreen) refilter() {
	s.apply()
	s.table.ScrollToTop()
}

// apply filters and sorts the loaded indicators into the table.
func (s *AllIndicatorsScreen) apply() {
	rows := plan.FilterIndicators(s.all, s.filter)
	if s.sortBy != "" {
		plan.SortIndicators(rows, s.sortBy, s.sortDesc)
	}
	s.table.ShowSorted(s.sortBy, s.sortDesc)
	s.table.SetRows(rows)
	proposed := 0
	for i := range s.all {
		if s.all[i].State == plan.StateProposed {
			proposed++
		}
	}
	s.count.SetText(lang.L("{{.Shown}} of {{.Total}} shown, {{.Proposed}} to confirm",
		map[string]any{"Shown": len(rows), "Total": len(s.all), "Proposed": proposed}))
}

func (s *AllIndicatorsScreen) sectionHeading(id int64) string {
	sec, _ := s.outline.Section(id)
	return sec.Heading()
}

func (s *AllIndicatorsScreen) onSort(f plan.Field) {
	if s.sortBy == f {
		s.sortDesc = !s.sortDesc
	} else {
		s.sortBy, s.sortDesc = f, false
	}
	s.apply()
}

func (s *AllIndicatorsScreen) onSectionChanged(string) {
	s.filter.SectionID = 0
	if i := s.section.SelectedIndex(); i > 0 {
		if secs := s.outlineSections(); i-1 < len(secs) {
			s.filter.SectionID = secs[i-1]
		}
	}
	s.refilter()
}

// outlineSections lists section ids in reading order, as the menu shows them.
func (s *AllIndicatorsScreen) outlineSections() []int64 {
	var ids []int64
	for id := s.outline.First(); id != 0; id = s.outline.Next(id) {
		ids = append(ids, id)
	}
	return ids
}

// FilterStatus shows only the indicators with status st, as a click on
// the overview's card of that status asks.
func (s *AllIndicatorsScreen) FilterStatus(st plan.Status) {
	for i, each := range plan.Statuses() {
		if each == st {
			s.status.SetSelectedIndex(i + 1) // after "All statuses"
		}
	}
}

func (s *AllIndicatorsScreen) onStatusChanged(string) {
	s.filter.Status, s.filter.Gap, s.filter.Warnings, s.filter.Verdict = "", "", false, ""
	if i := s.status.SelectedIndex(); i > 0 {
		statusChoices()[i-1].apply(&s.filter)
	}
	s.refilter()
}

func (s *AllIndicatorsScreen) onAttributeChanged(string) {
	switch s.attribute.SelectedIndex() {
	case 1:
		s.filter.Attribute = plan.AttributeExpected
	case 2:
		s.filter.Attribute = plan.AttributeObligatory
	case 3:
		s.filter.Attribute = plan.AttributeUnspecified
	default:
		s.filter.Attribute = plan.AttributeAny
	}
	s.refilter()
}

func (s *AllIndicatorsScreen) onProposedChanged(on bool) {
	s.filter.Proposed = on
	s.refilter()
}

func (s *AllIndicatorsScreen) onSearchChanged(text string) {
	s.filter.Text = text
	s.refilter()
}

func (s *AllIndicatorsScreen) fail(err error) {
	if s.OnError != nil {
		s.OnError(fmt.Errorf("indicators of report %d: %w", s.reportID, err))
	}
}

func statusOptions() []string {
	options := []string{lang.L("All statuses")}
	for _, c := range statusChoices() {
		options = append(options, c.label)
	}
	return options
}

// statusChoice is one entry of the status menu: a status, or a reason a
// reviewer looks for (预警, 预计难以完成, what the status lacks).
type statusChoice struct {
	label string
	apply func(f *plan.IndicatorFilter)
}

// statusChoices are the status menu's entries after 全部状态, in order.
func statusChoices() []statusChoice {
	var out []statusChoice
	for _, st := range plan.Statuses() {
		out = append(out, statusChoice{messages.StatusLabel(st), func(f *plan.IndicatorFilter) { f.Status = st }})
	}
	out = append(out,
		statusChoice{lang.L("Warning"), func(f *plan.IndicatorFilter) { f.Warnings = true }},
		statusChoice{messages.VerdictLabel(plan.VerdictUnlikely), func(f *plan.IndicatorFilter) { f.Verdict = plan.VerdictUnlikely }})
	for _, g := range []plan.Gap{plan.GapTarget, plan.GapMidterm, plan.GapBaseline, plan.GapQualitative, plan.GapKind, plan.GapYears} {
		out = append(out, statusChoice{messages.GapsLabel([]plan.Gap{g}), func(f *plan.IndicatorFilter) { f.Gap = g }})
	}
	return out
}

// FilterGap shows only the indicators whose status lacks g, as the
// overview's 逐项填写 asks for the ones without a target.
func (s *AllIndicatorsScreen) FilterGap(g plan.Gap) {
	s.selectChoice(messages.GapsLabel([]plan.Gap{g}))
}

// FilterWarnings shows only the obligatory indicators that lag.
func (s *AllIndicatorsScreen) FilterWarnings() { s.selectChoice(lang.L("Warning")) }

// FilterUnlikely shows only the indicators unlikely to be met.
func (s *AllIndicatorsScreen) FilterUnlikely() {
	s.selectChoice(messages.VerdictLabel(plan.VerdictUnlikely))
}

func (s *AllIndicatorsScreen) selectChoice(label string) {
	for i, c := range statusChoices() {
		if c.label == label {
			s.status.SetSelectedIndex(i + 1) // after "All statuses"
		}
	}
}

// SearchForTest is the search box, for tests that type into it.
func (s *AllIndicatorsScreen) SearchForTest() fyne.Focusable { return s.search }
