package views

import (
	"image/color"
	"strconv"

	"plandesk/messages"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
	"plandesk/views/chart"
)

// OverviewSource is what the overview needs from storage.
type OverviewSource interface {
	Overview(reportID int64) (plan.Overview, error)
}

// OverviewScreen is a report's first page: its title and date, a card per
// status with its count, the status chart, how each section stands, and
// every indicator with the lagging ones first. Every section and indicator
// listed opens where it is when clicked.
type OverviewScreen struct {
	widget.BaseWidget
	source   OverviewSource
	loader   loader
	overview plan.Overview
	// stale says the report's indicators changed since the overview was
	// loaded; CatchUp loads it again.
	stale bool

	title    *widget.Label
	subtitle *widget.Label
	cards    []*statusCard
	eval     *evaluationBlock
	chart    *chart.StatusChart
	projects *projectSummary
	reviews  *reviewSummary
	sections *fyne.Container
	lagNote  *widget.Label
	list     *fyne.Container
	scroll   *container.Scroll
	// sectionsShown and itemsShown are how many sections and indicators
	// the lists show; a button under each shows the next overviewPage.
	sectionsShown, itemsShown int

	// OnSection is called when a section is clicked.
	OnSection func(sectionID int64)
	// OnIndicator is called when an indicator is clicked.
	OnIndicator func(ind plan.Indicator)
	// OnStatus is called when a status card is clicked.
	OnStatus func(st plan.Status)
	// OnWarnings is called to list the obligatory indicators that lag.
	OnWarnings func()
	// OnImportTargets is called by 导入纲要指标表…; nil hides the button.
	OnImportTargets func()
	// OnFillTargets is called by 逐项填写: list the indicators without a target.
	OnFillTargets func()
	// OnConfirmAll is called by 确认全部提议; nil hides the button.
	OnConfirmAll func()
	// OnShown is called on the UI thread after a load was applied.
	OnShown func()
	// OnError is called on the UI thread when loading fails.
	OnError func(err error)
}

// NewOverviewScreen returns an empty overview; Load fills it.
func NewOverviewScreen(source OverviewSource) *OverviewScreen {
	s := &OverviewScreen{
		source:   source,
		title:    &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameHeadingText},
		subtitle: &widget.Label{},
		chart:    chart.NewStatusChart(nil),
		projects: newProjectSummary(),
		reviews:  newReviewSummary(),
		sections: container.NewVBox(),
		lagNote:  &widget.Label{Wrapping: fyne.TextWrapWord},
		list:     container.NewVBox(),
	}
	s.loader.fail = s.fail
	s.eval = newEvaluationBlock(s)
	cards := container.NewGridWithColumns(len(plan.Statuses()))
	for _, st := range plan.Statuses() {
		c := newStatusCard(st, s.onStatus)
		s.cards = append(s.cards, c)
		cards.Add(c)
	}
	heading := func(key string) *widget.Label {
		return &widget.Label{Text: lang.L(key), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	}
	body := container.NewVBox(
		s.title, s.subtitle, s.reviews, s.eval.warnRow, cards, s.eval.empty, s.eval.steps, s.chart,
		s.eval.outlook, s.eval.unlikely, s.eval.noValue, s.eval.missing, s.projects,
		widget.NewSeparator(),
		heading("Sections"), s.sections,
		widget.NewSeparator(),
		heading("Indicators, lagging first"), s.lagNote, s.list,
	)
	s.scroll = container.NewVScroll(container.NewPadded(body))
	s.ExtendBaseWidget(s)
	return s
}

func (s *OverviewScreen) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(s.scroll)
}

// Load reads report reportID's overview off the UI thread and shows it.
func (s *OverviewScreen) Load(reportID int64) {
	fetch := func() (plan.Overview, error) { return s.source.Overview(reportID) }
	loadThen(&s.loader, fetch, func(o plan.Overview) {
		s.stale = false
		s.ShowOverview(o)
		if s.OnShown != nil {
			s.OnShown()
		}
	})
}

// Follow makes the overview follow the indicator changes of its report: a
// change of a whole report loads it again at once when it is shown; a cell
// edit, made on another tab, and any change while hidden wait for CatchUp.
func (s *OverviewScreen) Follow(sig *Signals) {
	sig.IndicatorsChanged.AddListener(s.onIndicatorsChanged)
	sig.ProjectsChanged.AddListener(s.onProjectsChanged)
	sig.ReviewsChanged.AddListener(s.onReviewsChanged)
	sig.CommentsChanged.AddListener(s.onCommentsChanged)
}

func (s *OverviewScreen) onIndicatorsChanged(c IndicatorsChange) {
	if c.ReportID != s.overview.Report.ID {
		return
	}
	if len(c.Updated) == 0 && s.Visible() {
		s.Load(c.ReportID)
		return
	}
	s.stale = true
}

// CatchUp loads the overview of report reportID if it shows another one or
// missed a change, and reports whether it started a load (OnShown follows).
func (s *OverviewScreen) CatchUp(reportID int64) bool {
	if !s.stale && reportID == s.overview.Report.ID {
		return false
	}
	s.Load(reportID)
	return true
}

// Overview is the overview on screen.
func (s *OverviewScreen) Overview() plan.Overview { return s.overview }

// ShowOverview fills the page with o.
func (s *OverviewScreen) ShowOverview(o plan.Overview) {
	if o.Report.ID != s.overview.Report.ID || s.sectionsShown == 0 {
		// Another report starts at the first page; the same one, loaded
		// again after a change, keeps the pages the reviewer opened.
		s.sectionsShown, s.itemsShown = overviewPage, overviewPage
	}
	s.overview = o
	s.title.SetText(o.Report.Title)
	s.subtitle.SetText(overviewSubtitle(o))
	counts := make([]chart.StatusCount, 0, len(s.cards))
	for i, st := range plan.Statuses() {
		s.cards[i].setCount(o.Counts[st])
		counts = append(counts, chart.StatusCount{Label: messages.StatusLabel(st), Count: o.Counts[st], Color: chart.DefaultStatusColor(st)})
	}
	s.chart.SetCounts(counts)
	s.chart.Hidden = o.Total == 0
	s.eval.show(o)
	s.projects.show(o.Projects)
	s.reviews.show(o.Reviews, o.Comments, o.Reviewers)

	s.showSections()
	lagging := o.Counts[plan.StatusLagging]
	switch {
	case o.Total == 0:
		s.lagNote.SetText(lang.L("This report lists no indicators yet."))
	case lagging == 0:
		s.lagNote.SetText(lang.L("No indicator lags."))
	default:
		s.lagNote.SetText(lang.L("{{.Count}} indicators lag behind the plan.", map[string]any{"Count": lagging}))
	}
	s.showItems()
	s.Refresh()
}

// overviewPage is how many rows a list of the overview adds at a time:
// each row is text to shape, and a report of a thousand sections would
// take seconds to show them all at once.
const overviewPage = 100

// showSections lists the first sectionsShown sections, then a button for
// the next page when there are more.
func (s *OverviewScreen) showSections() {
	o := s.overview
	rows := s.sectionRows(o.Sections[:min(s.sectionsShown, len(o.Sections))])
	if len(rows) == 0 {
		rows = append(rows, &widget.Label{Text: lang.L("This report lists no indicators yet.")})
	}
	alignTitles(rows)
	if left := len(o.Sections) - s.sectionsShown; left > 0 {
		rows = append(rows, s.moreButton(left, func() { s.sectionsShown += overviewPage; s.showSections() }))
	}
	s.sections.Objects = rows
	s.sections.Refresh()
}

// showItems lists the first itemsShown indicators, lagging first, then a
// button for the next page when there are more.
func (s *OverviewScreen) showItems() {
	o := s.overview
	headings := map[int64]string{}
	for _, so := range o.Sections {
		headings[so.Section.ID] = so.Section.Heading()
	}
	shown := o.Indicators[:min(s.itemsShown, len(o.Indicators))]
	items := make([]fyne.CanvasObject, 0, len(shown)+1)
	for _, ind := range shown {
		ind := ind
		items = append(items, newOverviewRow(ind.Status(), ind.Name, indicatorLine(ind, headings[ind.SectionID]), func() { s.onIndicator(ind) }))
	}
	alignTitles(items)
	if left := len(o.Indicators) - s.itemsShown; left > 0 {
		items = append(items, s.moreButton(left, func() { s.itemsShown += overviewPage; s.showItems() }))
	}
	s.list.Objects = items
	s.list.Refresh()
}

// moreButton shows the next page of a list, saying how many rows are left.
func (s *OverviewScreen) moreButton(left int, next func()) *widget.Button {
	text := lang.L("Show {{.Count}} more ({{.Left}} not shown)", map[string]any{"Count": min(left, overviewPage), "Left": left})
	b := widget.NewButtonWithIcon(text, theme.MoreVerticalIcon(), next)
	b.Importance = widget.LowImportance
	b.Alignment = widget.ButtonAlignLeading
	return b
}

// sectionRows lists the sections with indicators, each under the parts
// that enclose it: a part is shown once, as a heading, before its first
// listed section, so 2.数字经济稳步发展 reads under 一、纲要重大任务推进情况.
func (s *OverviewScreen) sectionRows(sections []plan.SectionOverview) []fyne.CanvasObject {
	rows := make([]fyne.CanvasObject, 0, len(sections))
	var shown []int64 // the previous row's parents and itself, outermost first
	for _, so := range sections {
		for i, p := range so.Parents {
			if i < len(shown) && shown[i] == p.ID {
				continue
			}
			shown = shown[:min(i, len(shown))]
			shown = append(shown, p.ID)
			id := p.ID
			rows = append(rows, newOverviewHeading(p.Heading(), i, func() { s.onSection(id) }))
		}
		// The row itself counts as shown: a section listed with its own
		// indicators heads the subsections that follow it.
		shown = append(shown[:min(len(so.Parents), len(shown))], so.Section.ID)
		id := so.Section.ID
		status := messages.StatusLabel(so.Worst)
		if so.Worst == plan.StatusUnknown {
			status = messages.GapsLabel(so.Gaps)
		}
		detail := lang.L("{{.Count}} indicators", map[string]any{"Count": so.Count}) + " · " + status
		if so.Lagging > 0 {
			detail += " · " + lang.L("{{.Count}} lagging", map[string]any{"Count": so.Lagging})
		}
		row := newOverviewRow(so.Worst, so.Section.Heading(), detail, func() { s.onSection(id) })
		row.indent = len(so.Parents)
		rows = append(rows, row)
	}
	return rows
}

// indicatorLine is what a list row says of an indicator: its section, its
// mid-term value and target as written, and its status.
func indicatorLine(ind plan.Indicator, section string) string {
	midterm := ind.Midterm
	if midterm == "" {
		midterm = lang.L("No value")
	}
	target := lang.L("No target set")
	if ind.Target != "" {
		target = lang.L("Target {{.Target}}", map[string]any{"Target": ind.Target})
	}
	line := section + " · " + midterm + " · " + target
	// A missing value or target is said above already; a status, or any
	// other gap, is not.
	alreadySaid := (ind.MidtermValue == nil || ind.TargetValue == nil) && ind.TargetKind != plan.TargetQualitative
	if !alreadySaid {
		line += " · " + messages.StatusOf(&ind)
	}
	if ind.State == plan.StateProposed {
		line += " · " + lang.L("To confirm")
	}
	return line
}

func (s *OverviewScreen) onSection(id int64) {
	if s.OnSection != nil {
		s.OnSection(id)
	}
}

func (s *OverviewScreen) onIndicator(ind plan.Indicator) {
	if s.OnIndicator != nil {
		s.OnIndicator(ind)
	}
}

func (s *OverviewScreen) onStatus(st plan.Status) {
	if s.OnStatus != nil {
		s.OnStatus(st)
	}
}

func (s *OverviewScreen) fail(err error) {
	if s.OnError != nil {
		s.OnError(err)
	}
}

// statusCard is a traffic-light card: a strip in the status colour, the
// number of indicators with the status in large type, and its name. A
// click lists the indicators with the status.
type statusCard struct {
	widget.BaseWidget
	status   plan.Status
	onTapped func(st plan.Status)
	count    *canvas.Text
	label    *canvas.Text
	strip    *canvas.Rectangle
	back     *canvas.Rectangle
}

func newStatusCard(st plan.Status, onTapped func(st plan.Status)) *statusCard {
	c := &statusCard{status: st, onTapped: onTapped, count: &canvas.Text{Text: "0", TextStyle: fyne.TextStyle{Bold: true}},
		label: &canvas.Text{}, strip: &canvas.Rectangle{}, back: &canvas.Rectangle{}}
	c.ExtendBaseWidget(c)
	return c
}

func (c *statusCard) setCount(n int) {
	c.count.Text = strconv.Itoa(n)
	c.Refresh()
}

// Tapped lists the indicators with the card's status.
func (c *statusCard) Tapped(*fyne.PointEvent) {
	if c.onTapped != nil {
		c.onTapped(c.status)
	}
}

// Cursor shows a hand: the card is a link.
func (c *statusCard) Cursor() desktop.Cursor { return desktop.PointerCursor }

// Count is the number on the card.
func (c *statusCard) Count() string { return c.count.Text }

func (c *statusCard) CreateRenderer() fyne.WidgetRenderer {
	return &statusCardRenderer{c: c}
}

type statusCardRenderer struct{ c *statusCard }

func (r *statusCardRenderer) sizes() (pad, countSize, labelSize float32) {
	c := r.c
	return theme.SizeForWidget(theme.SizeNameInnerPadding, c),
		2.2 * theme.SizeForWidget(theme.SizeNameHeadingText, c),
		theme.SizeForWidget(theme.SizeNameText, c)
}

func (r *statusCardRenderer) Layout(size fyne.Size) {
	c := r.c
	pad, countSize, labelSize := r.sizes()
	c.back.Resize(size)
	c.strip.Resize(fyne.NewSize(size.Width, pad/2))
	c.count.TextSize, c.label.TextSize = countSize, labelSize
	c.count.Move(fyne.NewPos(pad, pad))
	c.count.Resize(fyne.NewSize(size.Width-2*pad, countSize*1.3))
	c.label.Move(fyne.NewPos(pad, pad+countSize*1.3))
	c.label.Resize(fyne.NewSize(size.Width-2*pad, labelSize*1.4))
}

func (r *statusCardRenderer) MinSize() fyne.Size {
	pad, countSize, labelSize := r.sizes()
	w := max(fyne.MeasureText(r.c.label.Text, labelSize, fyne.TextStyle{}).Width, countSize*2)
	return fyne.NewSize(w+2*pad, 2*pad+countSize*1.3+labelSize*1.4)
}

func (r *statusCardRenderer) Refresh() {
	c := r.c
	c.label.Text = messages.StatusLabel(c.status)
	c.back.FillColor = theme.ColorForWidget(theme.ColorNameInputBackground, c)
	c.back.CornerRadius = theme.SizeForWidget(theme.SizeNameInputRadius, c)
	c.strip.FillColor = chart.DefaultStatusColor(c.status)
	c.strip.CornerRadius = c.back.CornerRadius
	c.count.Color = theme.ColorForWidget(theme.ColorNameForeground, c)
	c.label.Color = theme.ColorForWidget(theme.ColorNamePlaceHolder, c)
	r.Layout(c.Size())
	for _, o := range r.Objects() {
		o.Refresh()
	}
}

func (r *statusCardRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.c.back, r.c.strip, r.c.count, r.c.label}
}

func (r *statusCardRenderer) Destroy() {}

// overviewRow is a clickable list row: a dot in a status colour, a title
// and a line of detail.
type overviewRow struct {
	widget.BaseWidget
	status   plan.Status
	title    string
	detail   string
	onTapped func()
	hovered  bool
	// indent is the row's level under the headings above it.
	indent int
	// heading marks a part's heading among the sections: no dot, no detail.
	heading bool
	// titleWidth is the width of the title column of the row's list.
	titleWidth float32
}

func newOverviewRow(st plan.Status, title, detail string, onTapped func()) *overviewRow {
	r := &overviewRow{status: st, title: title, detail: detail, onTapped: onTapped}
	r.ExtendBaseWidget(r)
	return r
}

// newOverviewHeading is the heading of a part that encloses listed
// sections; it opens the part when tapped, as its sections do.
func newOverviewHeading(title string, indent int, onTapped func()) *overviewRow {
	r := &overviewRow{title: title, indent: indent, heading: true, onTapped: onTapped}
	r.ExtendBaseWidget(r)
	return r
}

// alignTitles gives the rows of one list a title column as wide as their
// widest title (a truncating label would ask for almost none).
func alignTitles(rows []fyne.CanvasObject) {
	var widest float32
	for _, o := range rows {
		if r, ok := o.(*overviewRow); ok && !r.heading {
			ts := theme.SizeForWidget(theme.SizeNameText, r)
			pad := 4 * theme.SizeForWidget(theme.SizeNameInnerPadding, r)
			widest = max(widest, fyne.MeasureText(r.title, ts, fyne.TextStyle{Bold: true}).Width+pad+r.indentWidth())
		}
	}
	for _, o := range rows {
		if r, ok := o.(*overviewRow); ok {
			r.titleWidth = widest
		}
	}
}

// Tapped opens the row's section or indicator.
func (r *overviewRow) Tapped(*fyne.PointEvent) {
	if r.onTapped != nil {
		r.onTapped()
	}
}

// Cursor shows a hand: the row is a link.
func (r *overviewRow) Cursor() desktop.Cursor { return desktop.PointerCursor }

// indentWidth is how far the row's title is moved right for its level.
func (r *overviewRow) indentWidth() float32 {
	return float32(r.indent) * 1.5 * theme.SizeForWidget(theme.SizeNameText, r)
}

func (r *overviewRow) MouseIn(*desktop.MouseEvent) { r.hovered = true; r.Refresh() }

func (r *overviewRow) MouseMoved(*desktop.MouseEvent) {}

func (r *overviewRow) MouseOut() { r.hovered = false; r.Refresh() }

func (r *overviewRow) CreateRenderer() fyne.WidgetRenderer {
	hover := canvas.NewRectangle(color.Transparent)
	dot := canvas.NewCircle(chart.DefaultStatusColor(r.status))
	title := &widget.Label{Text: r.title, TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	detail := &widget.Label{Text: r.detail, Truncation: fyne.TextTruncateEllipsis}
	return &overviewRowRenderer{row: r, hover: hover, dot: dot, title: title, detail: detail}
}

type overviewRowRenderer struct {
	row    *overviewRow
	hover  *canvas.Rectangle
	dot    *canvas.Circle
	title  *widget.Label
	detail *widget.Label
}

func (r *overviewRowRenderer) Layout(size fyne.Size) {
	ts := theme.SizeForWidget(theme.SizeNameText, r.row)
	r.hover.Resize(size)
	dot := ts * 0.8
	lead := ts * 2
	in := r.row.indentWidth()
	r.dot.Move(fyne.NewPos(in+(lead-dot)/2, (size.Height-dot)/2))
	r.dot.Resize(fyne.NewSquareSize(dot))
	r.dot.Hidden, r.detail.Hidden = r.row.heading, r.row.heading
	if r.row.heading {
		// A heading has no status: its title starts where the dots are.
		r.title.Move(fyne.NewPos(in, 0))
		r.title.Resize(fyne.NewSize(max(0, size.Width-in), size.Height))
		return
	}
	// Titles of one list share a column, so that the details line up.
	titleW := min(r.row.titleWidth, size.Width*0.45)
	r.title.Move(fyne.NewPos(in+lead, 0))
	r.title.Resize(fyne.NewSize(max(0, titleW-in), size.Height))
	r.detail.Move(fyne.NewPos(lead+titleW, 0))
	r.detail.Resize(fyne.NewSize(max(0, size.Width-lead-titleW), size.Height))
}

func (r *overviewRowRenderer) MinSize() fyne.Size {
	ts := theme.SizeForWidget(theme.SizeNameText, r.row)
	return fyne.NewSize(ts*16, max(r.title.MinSize().Height, r.detail.MinSize().Height))
}

func (r *overviewRowRenderer) Refresh() {
	r.hover.FillColor = color.Transparent
	if r.row.hovered {
		r.hover.FillColor = theme.ColorForWidget(theme.ColorNameHover, r.row)
	}
	r.dot.FillColor = chart.DefaultStatusColor(r.row.status)
	r.hover.Refresh()
	r.dot.Refresh()
	r.title.Refresh()
	r.detail.Refresh()
}

func (r *overviewRowRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.hover, r.dot, r.title, r.detail}
}

func (r *overviewRowRenderer) Destroy() {}
