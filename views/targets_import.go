package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
	"plandesk/targets"
)

// TargetsSource is what importing a plan's target table needs from
// storage: the report's indicators to choose from, the matching and the
// plan of the update.
type TargetsSource interface {
	Indicators(reportID int64) ([]plan.Indicator, error)
	Sections(reportID int64) ([]plan.Section, error)
	MatchTargets(reportID int64, rows []targets.Row) (targets.Matching, error)
	PlanTargets(reportID int64, matches []targets.RowMatch) (targets.Application, error)
}

// TargetsImport brings the plan's main-indicator table (纲要指标表) into a
// report: the table pasted from WPS or Excel (Ctrl+V into the box) or read
// from a file, the column each header was recognised as (each can be given
// another role), every plan row with the indicator it was matched to and
// how surely (each can be changed or refused), the rows and indicators
// left unmatched, and what will change. Nothing changes until OnApply.
type TargetsImport struct {
	widget.BaseWidget
	source   TargetsSource
	reportID int64

	cells      [][]string
	mapping    targets.Mapping
	matching   targets.Matching
	app        targets.Application
	indicators []plan.Indicator

	sections []plan.Section

	paste   *widget.Entry
	add     *widget.Check  // add the unmatched plan rows to the report
	section *widget.Select // the section they are added to
	columns *fyne.Container
	matches *fyne.Container
	lists   *widget.Label
	summary *widget.Label
	apply   *widget.Button
	body    fyne.CanvasObject

	// OnApply is called with the update to make once the user applies it.
	OnApply func(app targets.Application)
	// OnOpenFile is called by 从文件读取…; the caller shows a file dialog
	// and passes the cells to ShowCells.
	OnOpenFile func()
	// OnError is called when the table cannot be read or matched.
	OnError func(err error)
}

// NewTargetsImport returns the import for report reportID, empty until a
// table is pasted or ShowCells is called.
func NewTargetsImport(source TargetsSource, reportID int64) *TargetsImport {
	t := &TargetsImport{source: source, reportID: reportID,
		paste:   widget.NewMultiLineEntry(),
		columns: container.NewGridWrap(fyne.NewSize(170, 76)),
		matches: container.NewVBox(),
		lists:   &widget.Label{Wrapping: fyne.TextWrapWord},
		summary: &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}},
	}
	t.paste.SetPlaceHolder(lang.L("Paste the table here (Ctrl+V): copy its cells in WPS or Excel, header row included."))
	t.paste.SetMinRowsVisible(4)
	t.paste.OnChanged = t.onPasted
	read := widget.NewButtonWithIcon(lang.L("Read from a file…"), theme.FolderOpenIcon(), t.onOpenFile)
	t.apply = widget.NewButtonWithIcon(lang.L("Apply"), theme.ConfirmIcon(), t.onApply)
	t.apply.Importance = widget.HighImportance
	t.apply.Disable()
	t.add = widget.NewCheck(lang.L("Add the plan indicators the report lacks, without a mid-term value, to section"), func(bool) { t.replan() })
	t.section = widget.NewSelect(nil, func(string) {
		if t.add.Checked {
			t.replan()
		}
	})
	top := container.NewBorder(nil, nil, nil, read, t.paste)
	heading := func(key string) *widget.Label {
		return &widget.Label{Text: lang.L(key), TextStyle: fyne.TextStyle{Bold: true}}
	}
	addRow := container.NewBorder(nil, nil, t.add, nil, t.section)
	scroll := container.NewVScroll(container.NewVBox(heading("Columns"), t.columns, heading("Matches"), t.matches, t.lists, addRow))
	t.body = container.NewBorder(top, container.NewBorder(nil, nil, nil, t.apply, t.summary), nil, nil, scroll)
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer is called by Fyne to draw the import.
func (t *TargetsImport) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.body) }

// onPasted reads the pasted text as a table once it has a tab in it (a
// copied range of cells always does).
func (t *TargetsImport) onPasted(text string) {
	if !strings.Contains(text, "\t") {
		return
	}
	cells, err := targets.PastedRows(text)
	if err != nil {
		t.fail(err)
		return
	}
	t.ShowCells(cells)
}

// ShowCells reads a table's cells, recognises its columns and matches it.
func (t *TargetsImport) ShowCells(cells [][]string) {
	m, err := targets.Recognise(cells)
	if err != nil {
		t.fail(err)
		return
	}
	t.cells, t.mapping = cells, m
	t.rematch()
}

// rematch reads the rows with the mapping as it stands and matches them.
func (t *TargetsImport) rematch() {
	list, err := t.source.Indicators(t.reportID)
	if err != nil {
		t.fail(err)
		return
	}
	matching, err := t.source.MatchTargets(t.reportID, targets.Extract(t.cells, t.mapping))
	if err != nil {
		t.fail(err)
		return
	}
	sections, err := t.source.Sections(t.reportID)
	if err != nil {
		t.fail(err)
		return
	}
	t.indicators, t.matching, t.sections = list, matching, sections
	t.showColumns()
	t.showSections()
	t.replan()
}

// showSections offers the report's sections for the unmatched rows, the
// first one chosen.
func (t *TargetsImport) showSections() {
	options := make([]string, len(t.sections))
	for i, sec := range t.sections {
		options[i] = headingText(sec)
	}
	t.section.Options = options
	if t.section.SelectedIndex() < 0 && len(options) > 0 {
		t.section.SetSelectedIndex(0)
	}
	t.section.Refresh()
}

// replan works out the update for the matches as they stand and shows it.
func (t *TargetsImport) replan() {
	if t.cells == nil {
		return
	}
	app, err := t.source.PlanTargets(t.reportID, t.matching.Matches)
	if err != nil {
		t.fail(err)
		return
	}
	if i := t.section.SelectedIndex(); t.add.Checked && i >= 0 && i < len(t.sections) {
		app = targets.AddUnmatched(app, t.sections[i].ID, t.unmatchedRows())
	}
	t.app = app
	t.showMatches()
	t.showLists()
	t.summary.SetText(lang.L("{{.Fields}} fields of {{.Indicators}} indicators will change; one Undo (Ctrl+Z) takes it all back.",
		map[string]any{"Fields": app.Changes(), "Indicators": len(app.Plan.Rows)}))
	t.add.SetText(lang.L("Add the {{.Count}} plan indicators the report lacks, without a mid-term value, to section",
		map[string]any{"Count": len(t.unmatchedRows())}))
	if app.Changes() > 0 {
		t.apply.Enable()
	} else {
		t.apply.Disable()
	}
}

// showColumns gives each column its header and a menu of roles.
func (t *TargetsImport) showColumns() {
	roles := targets.Roles()
	labels := make([]string, len(roles))
	for i, r := range roles {
		labels[i] = messages.RoleLabel(r)
	}
	objects := make([]fyne.CanvasObject, 0, len(t.mapping.Columns))
	for i, c := range t.mapping.Columns {
		col := i
		pick := widget.NewSelect(labels, nil)
		pick.SetSelected(messages.RoleLabel(c.Role))
		pick.OnChanged = func(string) { t.onRole(col, roles[pick.SelectedIndex()]) }
		head := &widget.Label{Text: targets.ColumnLetter(i) + "  " + c.Header, Truncation: fyne.TextTruncateEllipsis}
		objects = append(objects, container.NewVBox(head, pick))
	}
	t.columns.Objects = objects
	t.columns.Refresh()
}

// onRole gives column col another role and reads the table again.
func (t *TargetsImport) onRole(col int, r targets.Role) {
	if col < len(t.mapping.Columns) && t.mapping.Columns[col].Role == r {
		return
	}
	t.mapping = t.mapping.Assign(col, r)
	t.rematch()
}

// showMatches lists each plan row with a menu of the report's indicators
// (refuse: 不匹配), the match's confidence and reason, and its changes.
func (t *TargetsImport) showMatches() {
	options := []string{lang.L("No match")}
	for _, ind := range t.indicators {
		options = append(options, fmt.Sprintf("#%d %s（%s）", ind.ID, ind.Name, ind.Unit))
	}
	changes := map[int]string{}
	for _, pr := range t.app.Plan.Rows {
		changes[pr.Row] = PlanRowText(pr)
	}
	rows := make([]fyne.CanvasObject, 0, len(t.matching.Matches))
	for i, m := range t.matching.Matches {
		rows = append(rows, t.matchRow(i, m, options, changes[m.Row.Line]))
	}
	t.matches.Objects = rows
	t.matches.Refresh()
}

// matchRow is one plan row's line: its name, the indicator menu, how sure
// the match is and why, and what it changes.
func (t *TargetsImport) matchRow(i int, m targets.RowMatch, options []string, change string) fyne.CanvasObject {
	name := &widget.Label{Text: lang.L("Row {{.Row}}", map[string]any{"Row": m.Row.Line}) + "  " + m.Row.Name, TextStyle: fyne.TextStyle{Bold: true}}
	pick := widget.NewSelect(options, nil)
	pick.SetSelectedIndex(0)
	for j, ind := range t.indicators {
		if ind.ID == m.IndicatorID {
			pick.SetSelectedIndex(j + 1)
		}
	}
	pick.OnChanged = func(string) { t.onPick(i, pick.SelectedIndex()) }
	detail := lang.L("not matched")
	if m.IndicatorID != 0 {
		detail = fmt.Sprintf("%.0f%% · %s", m.Confidence*100, messages.MatchReason(m.Reason))
	}
	info := &widget.Label{Text: detail, Truncation: fyne.TextTruncateEllipsis}
	changed := &widget.Label{Text: change, Wrapping: fyne.TextWrapWord}
	changed.Hidden = change == ""
	return container.NewVBox(container.NewGridWithColumns(3, name, pick, info), changed, widget.NewSeparator())
}

// onPick matches row i to the indicator at menu index k (0: none).
func (t *TargetsImport) onPick(i, k int) {
	id := int64(0)
	if k > 0 && k <= len(t.indicators) {
		id = t.indicators[k-1].ID
	}
	if i >= len(t.matching.Matches) || t.matching.Matches[i].IndicatorID == id {
		return
	}
	for j := range t.matching.Matches {
		if j != i && id != 0 && t.matching.Matches[j].IndicatorID == id {
			t.matching.Matches[j].IndicatorID = 0 // an indicator takes one row
		}
	}
	t.matching.Matches[i].IndicatorID = id
	t.matching.Matches[i].Confidence = 1
	t.replan()
}

// showLists says which plan rows have no indicator, which matched ones
// have no mid-term value, which indicators no row matched, and which
// values cannot be written.
func (t *TargetsImport) showLists() {
	var b strings.Builder
	var unmatched, noValue []string
	for _, m := range t.matching.Matches {
		ind, ok := t.indicatorOf(m.IndicatorID)
		switch {
		case m.IndicatorID == 0:
			unmatched = append(unmatched, m.Row.Name)
		case ok && ind.MidtermValue == nil:
			noValue = append(noValue, m.Row.Name)
		}
	}
	matched := map[int64]bool{}
	for _, m := range t.matching.Matches {
		matched[m.IndicatorID] = true
	}
	var unused []string
	for _, ind := range t.indicators {
		if !matched[ind.ID] {
			unused = append(unused, ind.Name)
		}
	}
	list := func(key string, names []string) {
		fmt.Fprintf(&b, "%s\n", lang.L(key, map[string]any{"Count": len(names), "Names": strings.Join(names, "、")}))
	}
	list("Plan indicators without a report indicator ({{.Count}}): {{.Names}}", unmatched)
	list("Matched, but the report gives no mid-term value ({{.Count}}): {{.Names}}", noValue)
	list("Report indicators no plan row matches ({{.Count}}): {{.Names}}", unused)
	for _, lo := range t.app.LeftOut {
		fmt.Fprintf(&b, "%s\n", lang.L("Row {{.Row}}: “{{.Text}}” is not written: {{.Why}}",
			map[string]any{"Row": lo.Line, "Text": lo.Text, "Why": messages.Explain(lo.Err)}))
	}
	t.lists.SetText(strings.TrimSpace(b.String()))
}

// unmatchedRows are the plan rows matched to no indicator, as the user
// left them.
func (t *TargetsImport) unmatchedRows() []targets.Row {
	var rows []targets.Row
	for _, m := range t.matching.Matches {
		if m.IndicatorID == 0 {
			rows = append(rows, m.Row)
		}
	}
	return rows
}

func (t *TargetsImport) indicatorOf(id int64) (plan.Indicator, bool) {
	return indicatorByID(t.indicators, id)
}

// Application is the update the import would make now.
func (t *TargetsImport) Application() targets.Application { return t.app }

// Matching is the matching on screen, with the user's changes.
func (t *TargetsImport) Matching() targets.Matching { return t.matching }

// PasteForTest is the paste box, for tests that type into it.
func (t *TargetsImport) PasteForTest() *widget.Entry { return t.paste }

func (t *TargetsImport) onApply() {
	if t.OnApply != nil && t.app.Changes() > 0 {
		t.OnApply(t.app)
	}
}

func (t *TargetsImport) onOpenFile() {
	if t.OnOpenFile != nil {
		t.OnOpenFile()
	}
}

func (t *TargetsImport) fail(err error) {
	if t.OnError != nil {
		t.OnError(err)
	}
}
