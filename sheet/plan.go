package sheet

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"plandesk/plan"
)

// ImportAction is what importing a row does.
type ImportAction string

// The import actions.
const (
	// ImportUpdate edits an existing indicator.
	ImportUpdate ImportAction = "update"
	// ImportCreate adds a new indicator to a section.
	ImportCreate ImportAction = "create"
	// ImportUnchanged leaves an existing indicator as it is.
	ImportUnchanged ImportAction = "unchanged"
)

// Errors of an import plan's rows, and of applying a plan. A RowError wraps
// one of these or an Indicator.Set *FieldError.
var (
	// ErrBadIndicatorID means the 指标ID cell is not a whole number.
	ErrBadIndicatorID = errors.New("indicator id is not a whole number")
	// ErrUnknownIndicator means no indicator of the report has the row's 指标ID.
	ErrUnknownIndicator = errors.New("no such indicator in the report")
	// ErrOtherIndicator means the row's 指标标识 is not that of the
	// indicator its 指标ID names here: the row came from another database,
	// or the indicator it was exported for is gone.
	ErrOtherIndicator = errors.New("the row belongs to another indicator")
	// ErrDuplicateIndicator means two rows name the same 指标ID.
	ErrDuplicateIndicator = errors.New("indicator appears in an earlier row")
	// ErrNoSection means the row has no 指标ID and its 章节 is empty or
	// names no section of the report.
	ErrNoSection = errors.New("no section of the report has this heading")
	// ErrAmbiguousSection means several sections of the report have the heading.
	ErrAmbiguousSection = errors.New("several sections of the report have this heading")
	// ErrOtherSection means the row's 章节 is not the section its indicator is in;
	// an import does not move indicators.
	ErrOtherSection = errors.New("indicator is in another section")
	// ErrUncalculated means the cell that says which indicator the row is
	// about (指标ID, or 章节 for a new one) holds a formula whose value was
	// never computed, so the row cannot be matched (see Cell.Uncalculated).
	ErrUncalculated = errors.New("the cell holds a formula without a computed value")
	// ErrConflictingChanges means a row's changes cannot be made one field
	// at a time, each edit leaving a valid indicator.
	ErrConflictingChanges = errors.New("changes cannot be applied one at a time")
	// ErrPlanHasErrors means ApplyIndicatorImport was given a plan with row errors.
	ErrPlanHasErrors = errors.New("import plan has errors")
	// ErrPlanStale means an indicator changed after its import was planned.
	ErrPlanStale = errors.New("indicator changed since the import was planned")
)

// RowError is a problem with one cell of an imported sheet.
type RowError struct {
	// Row is the row's number, the header being row 1.
	Row int
	// Column names the column at fault.
	Column string
	// Text is the cell's text.
	Text string
	// Err is a *FieldError from Indicator.Set or one of the ErrBadIndicatorID…ErrConflictingChanges sentinels.
	Err error
}

// Error names the row and column.
func (e *RowError) Error() string {
	return fmt.Sprintf("row %d, column %s (%q): %v", e.Row, e.Column, e.Text, e.Err)
}

// Unwrap exposes the cause.
func (e *RowError) Unwrap() error { return e.Err }

// FieldChange is one field an import changes: its text before and after.
type FieldChange struct {
	// Field is the field changed.
	Field plan.Field
	// Column is the sheet column the new text came from.
	Column string
	// Old is the stored text before (empty for a new indicator).
	Old string
	// New is the stored text after.
	New string
}

// PlanRow is what importing one sheet row will do.
type PlanRow struct {
	// Row is the row's number, the header being row 1.
	Row int
	// Action is what the row does; with Errors it does nothing.
	Action ImportAction
	// IndicatorID is the indicator updated or left unchanged; 0 for a new one.
	IndicatorID int64
	// SectionID is the section of the indicator, if it was found.
	SectionID int64
	// Name is the indicator's name after the import (or as the row gives it).
	Name string
	// Changes are the fields that change, in the order they will be applied.
	Changes []FieldChange
	// Errors are the row's problems; a plan with any cannot be applied.
	Errors []*RowError
	// Skipped names the columns whose cell holds a formula without a
	// computed value (Cell.Uncalculated): no value was given, so their
	// fields are left as they are. It is no error; the preview says so.
	Skipped []string

	// Want is the indicator as the row leaves it, every field checked.
	Want plan.Indicator
	// SetsState says the row gives the indicator's state (确认状态), which
	// then wins over the confirmation an edit implies.
	SetsState bool
}

// ImportPlan is what importing a sheet into a report will do, row by row.
// PlanIndicatorImport makes it; ApplyIndicatorImport carries it out.
type ImportPlan struct {
	// ReportID is the report the rows are imported into.
	ReportID int64
	// Rows are the sheet's rows with something written in them, in order.
	Rows []PlanRow
}

// Count returns how many rows without errors have the action.
func (p ImportPlan) Count(a ImportAction) int {
	n := 0
	for _, r := range p.Rows {
		if r.Action == a && len(r.Errors) == 0 {
			n++
		}
	}
	return n
}

// ErrorRows returns how many rows have errors.
func (p ImportPlan) ErrorRows() int {
	n := 0
	for _, r := range p.Rows {
		if len(r.Errors) > 0 {
			n++
		}
	}
	return n
}

// Errors returns every row error of the plan, in row order.
func (p ImportPlan) Errors() []*RowError {
	var all []*RowError
	for _, r := range p.Rows {
		all = append(all, r.Errors...)
	}
	return all
}

// SkippedCells returns how many cells of the rows without errors were
// left out because their formula has no computed value.
func (p ImportPlan) SkippedCells() int {
	n := 0
	for _, r := range p.Rows {
		if len(r.Errors) == 0 {
			n += len(r.Skipped)
		}
	}
	return n
}

// valueFields are the fields read as numbers.
var valueFields = []plan.Field{plan.FieldBaseline, plan.FieldTarget, plan.FieldMidterm}

// Plan works out what importing a sheet into a report would do, given the
// report's sections and indicators; it changes nothing. A row with a 指标ID
// updates that indicator of the report; a row without one adds an
// indicator to the section whose heading is its 章节. Every field is
// checked with Indicator.Set; a problem is a RowError naming the row and
// column, and no row is ever dropped. The text as written (…原文) wins over
// the number column beside it, which is used only when the text cell is
// empty. 报告ID, 报告, 进度 and 状态 are derived and ignored; 来源 is kept
// only for new indicators. Columns the sheet lacks leave their fields as
// they are; an empty cell empties its field, except 方向 and 确认状态, which
// an empty cell leaves as they are. A formula cell without a computed value
// (Cell.Uncalculated) gives no value: its field is left as it is and the
// row's Skipped names the column; in 指标ID, or in 章节 of a new row, it is
// an ErrUncalculated error. The caller checks the header first
// (CheckHeader).
func Plan(sh IndicatorSheet, reportID int64, sections []plan.Section, list []plan.Indicator) ImportPlan {
	pl := planner{
		sheet:      sh,
		reportID:   reportID,
		byID:       make(map[int64]plan.Indicator, len(list)),
		byHeading:  make(map[string][]int64),
		headingOf:  make(map[int64]string, len(sections)),
		seenInRows: make(map[int64]int),
	}
	for _, ind := range list {
		pl.byID[ind.ID] = ind
	}
	for _, sec := range sections {
		h := sec.Heading()
		pl.byHeading[h] = append(pl.byHeading[h], sec.ID)
		pl.headingOf[sec.ID] = h
	}
	p := ImportPlan{ReportID: reportID}
	for _, row := range sh.Rows {
		p.Rows = append(p.Rows, pl.planRow(row))
	}
	return p
}

type planner struct {
	sheet      IndicatorSheet
	reportID   int64
	byID       map[int64]plan.Indicator
	byHeading  map[string][]int64
	headingOf  map[int64]string
	seenInRows map[int64]int // indicator id → the row that named it first
}

// cell returns a row's trimmed text in a column, and whether the sheet has
// the column at all.
func (pl *planner) cell(row SheetRow, column string) (Cell, bool) {
	i := pl.sheet.Column(column)
	if i < 0 {
		return Cell{}, false
	}
	if i >= len(row.Cells) {
		return Cell{}, true
	}
	c := row.Cells[i]
	c.Text = strings.TrimSpace(c.Text)
	return c, true
}

// planRow works out what one row does: which indicator it names, the
// indicator as the row leaves it, whether every field it gives is valid, and
// the changes that take the indicator there. Each step records its problems
// in the row; changes are listed only for a row without any, since a plan
// with errors is never applied.
func (pl *planner) planRow(row SheetRow) PlanRow {
	pr := PlanRow{Row: row.Number}
	existing := pl.locate(row, &pr)
	want, given := pl.wanted(row, &pr, existing)
	pr.Name = want.Name
	checkFields(&pr, &want, given)
	if len(pr.Errors) > 0 {
		return pr
	}
	pr.Want = want

	if existing == nil {
		pr.Changes = newChanges(want, given)
		return pr
	}
	pr.Changes, pr.Errors = orderChanges(*existing, want, given, row.Number)
	if len(pr.Changes) == 0 && len(pr.Errors) == 0 {
		pr.Action = ImportUnchanged
	}
	return pr
}

// fail records a problem with one cell of the row; a row collects all its
// problems rather than stopping at the first.
func (pr *PlanRow) fail(column, text string, err error) {
	pr.Errors = append(pr.Errors, &RowError{Row: pr.Row, Column: column, Text: text, Err: err})
}

// locate finds which indicator the row updates, or which section a new one
// goes to, and sets the row's action. It returns the indicator, or nil for
// a new one or when the row names none that can be updated.
func (pl *planner) locate(row SheetRow, pr *PlanRow) *plan.Indicator {
	var existing *plan.Indicator
	idCell, _ := pl.cell(row, ColIndicatorID)
	heading, hasSection := pl.cell(row, ColSection)
	if idCell.Uncalculated {
		pr.Action = ImportUpdate
		pr.fail(ColIndicatorID, "", ErrUncalculated)
		return nil
	}
	if idText := idCell.String(); idText != "" {
		pr.Action = ImportUpdate
		id, err := strconv.ParseInt(strings.TrimSpace(idText), 10, 64)
		switch ind, ok := pl.byID[id]; {
		case err != nil:
			pr.fail(ColIndicatorID, idText, ErrBadIndicatorID)
		case !ok:
			pr.fail(ColIndicatorID, idText, ErrUnknownIndicator)
		case pl.seenInRows[id] != 0:
			pr.fail(ColIndicatorID, idText, fmt.Errorf("%w (row %d)", ErrDuplicateIndicator, pl.seenInRows[id]))
		case !pl.sameIdentity(row, ind):
			uid, _ := pl.cell(row, ColIndicatorUID)
			pr.fail(ColIndicatorUID, uid.Text, ErrOtherIndicator)
		default:
			pl.seenInRows[id] = row.Number
			existing = &ind
			pr.IndicatorID, pr.SectionID, pr.Name = ind.ID, ind.SectionID, ind.Name
			if hasSection && heading.Text != "" && heading.Text != pl.headingOf[ind.SectionID] {
				pr.fail(ColSection, heading.Text, fmt.Errorf("%w %q", ErrOtherSection, pl.headingOf[ind.SectionID]))
			}
		}
	} else {
		pr.Action = ImportCreate
		switch ids := pl.byHeading[heading.Text]; {
		case heading.Uncalculated:
			pr.fail(ColSection, "", ErrUncalculated)
		case heading.Text == "" || len(ids) == 0:
			pr.fail(ColSection, heading.Text, ErrNoSection)
		case len(ids) > 1:
			pr.fail(ColSection, heading.Text, ErrAmbiguousSection)
		default:
			pr.SectionID = ids[0]
		}
	}
	return existing
}

// sameIdentity reports whether the row may change ind: it gives no
// 指标标识 (a sheet written by hand, or before identities existed) or the
// one ind has.
func (pl *planner) sameIdentity(row SheetRow, ind plan.Indicator) bool {
	uid, ok := pl.cell(row, ColIndicatorUID)
	return !ok || uid.Text == "" || uid.Text == ind.UID
}

// wanted is the indicator as the row leaves it: every field the sheet has a
// column for, as written, unchecked. It also returns, for each field the row
// gives, the column its text came from, so errors and changes name the cell
// the user wrote.
func (pl *planner) wanted(row SheetRow, pr *PlanRow, existing *plan.Indicator) (plan.Indicator, map[plan.Field]string) {
	var want plan.Indicator
	if existing != nil {
		want = *existing
	} else {
		want = plan.Indicator{ReportID: pl.reportID, SectionID: pr.SectionID, Direction: plan.DirectionUp, State: plan.StateConfirmed}
		switch c, ok := pl.cell(row, ColSource); {
		case c.Uncalculated:
			pr.Skipped = append(pr.Skipped, ColSource)
		case ok:
			want.Source = c.Text
		}
	}
	given := make(map[plan.Field]string) // field → the column its text came from
	for _, fc := range fieldColumns {
		text, column, ok := pl.fieldCell(row, fc.text, fc.number)
		if !ok {
			if column != "" {
				pr.Skipped = append(pr.Skipped, column)
			}
			continue
		}
		if text.Text == "" && (fc.field == plan.FieldDirection || fc.field == plan.FieldState) {
			continue
		}
		want.Put(fc.field, storedText(fc.field, text.Text))
		given[fc.field] = column
		if fc.field == plan.FieldState {
			pr.SetsState = true
		}
	}
	return want, given
}

// fieldCell picks the cell a field's new text comes from, and its column:
// the text column, or the number column beside it (number, if the field
// has one) when the text cell is empty. ok is false when the row gives no
// value: the sheet has neither column, or the cell that would give it holds
// a formula without a computed value, which then is the column returned.
func (pl *planner) fieldCell(row SheetRow, text, number string) (c Cell, column string, ok bool) {
	c, ok = pl.cell(row, text)
	if c.Uncalculated {
		return Cell{}, text, false
	}
	if number != "" && (!ok || c.Text == "") {
		switch num, hasNumber := pl.cell(row, number); {
		case num.Uncalculated:
			// The text is empty, but the number that would stand in for
			// it is unknown: emptying the field could lose a value.
			return Cell{}, number, false
		case hasNumber && !num.IsEmpty():
			return Cell{Text: numberText(num)}, number, true
		}
	}
	if !ok {
		return Cell{}, "", false
	}
	return c, text, true
}

// checkFields checks each field given on its own, in the context of the
// others (unit, name, target kind) but without the other values, so that
// every bad cell is reported, not only the first. Checking them together
// reads the values into want, which the store creates a new indicator from.
func checkFields(pr *PlanRow, want *plan.Indicator, given map[plan.Field]string) {
	reported := make(map[plan.Field]bool)
	for _, f := range plan.Fields() {
		column, ok := given[f]
		if !ok {
			continue
		}
		probe := *want
		for _, vf := range valueFields {
			if vf != f {
				probe.Put(vf, "")
			}
		}
		if err := probe.Set(f, want.Get(f)); err != nil {
			pr.fail(column, want.Get(f), err)
			reported[f] = true
		}
	}
	if len(reported) == 0 {
		// All together: a new unit must suit the values the row leaves as they are.
		if err := want.ReadValues(); err != nil {
			f := plan.FieldName
			var fe *plan.FieldError
			if errors.As(err, &fe) {
				f = fe.Field
			}
			column, ok := given[f]
			if !ok {
				column = ColumnOf(f)
			}
			pr.fail(column, want.Get(f), err)
		}
	}
}

// newChanges lists the fields a new indicator is created with, to show what
// the row will do. The store creates it whole from PlanRow.Want, so unlike
// orderChanges the order needs no care.
func newChanges(want plan.Indicator, given map[plan.Field]string) []FieldChange {
	var changes []FieldChange
	for _, f := range plan.Fields() {
		if v := want.Get(f); v != "" {
			column, ok := given[f]
			if !ok {
				column = ColumnOf(f)
			}
			changes = append(changes, FieldChange{Field: f, Column: column, New: v})
		}
	}
	return changes
}

// orderChanges lists the fields in which want differs from existing, in an
// order in which editing them one by one (as editIndicator does) leaves a
// valid indicator after every step: a new unit may need its new values
// first, or the other way round. The state comes last.
func orderChanges(existing, want plan.Indicator, given map[plan.Field]string, row int) ([]FieldChange, []*RowError) {
	var pending []FieldChange
	var state *FieldChange
	for _, f := range plan.Fields() {
		if existing.Get(f) == want.Get(f) {
			continue
		}
		ch := FieldChange{Field: f, Column: given[f], Old: existing.Get(f), New: want.Get(f)}
		if ch.Column == "" {
			ch.Column = ColumnOf(f)
		}
		if f == plan.FieldState {
			state = &ch
			continue
		}
		pending = append(pending, ch)
	}
	var ordered []FieldChange
	cur := existing
	for len(pending) > 0 {
		var firstErr error
		applied := -1
		for i, ch := range pending {
			trial := cur
			err := trial.Set(ch.Field, ch.New)
			if err == nil {
				cur, applied = trial, i
				break
			}
			if firstErr == nil {
				firstErr = err
			}
		}
		if applied < 0 {
			return nil, []*RowError{{Row: row, Column: pending[0].Column, Text: pending[0].New,
				Err: fmt.Errorf("%w: %w", ErrConflictingChanges, firstErr)}}
		}
		ordered = append(ordered, pending[applied])
		pending = append(pending[:applied], pending[applied+1:]...)
	}
	if state != nil {
		ordered = append(ordered, *state)
	}
	return ordered, nil
}

// numberText is a number column's cell as the value to store: the number
// as written when it was written as text (99999999999999999999 stays so,
// not 1e20), else as read from the workbook's number.
func numberText(c Cell) string {
	if t := strings.TrimSpace(c.Text); t != "" {
		return t
	}
	return strings.TrimSpace(c.String())
}
