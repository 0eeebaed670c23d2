package targets

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"plandesk/plan"
	"plandesk/sheet"
)

// Errors of matches given to Apply, the Err of a *MatchError.
var (
	// ErrMatchedTwice means two rows are matched to one indicator.
	ErrMatchedTwice = errors.New("the indicator is matched to an earlier row too")
	// ErrNoIndicator means a row is matched to an indicator the report does
	// not have (deleted since, or of another report).
	ErrNoIndicator = errors.New("no indicator of the report has this id")
)

// MatchError refuses matches Apply cannot carry out: which row, which
// indicator, and why.
type MatchError struct {
	// Line is the row's number in the table.
	Line int
	// IndicatorID is the indicator the row is matched to.
	IndicatorID int64
	// Err is ErrMatchedTwice or ErrNoIndicator.
	Err error
}

func (e *MatchError) Error() string {
	return fmt.Sprintf("row %d, indicator %d: %v", e.Line, e.IndicatorID, e.Err)
}

// Unwrap exposes the cause.
func (e *MatchError) Unwrap() error { return e.Err }

// LeftOut is a value of a plan row that Apply does not write, since the
// indicator cannot hold it (Indicator.Set refuses it): a range, which no
// field reads yet, or words around a number. The field keeps its value.
type LeftOut struct {
	// Line is the row's number in the table.
	Line int
	// IndicatorID is the indicator the row is matched to.
	IndicatorID int64
	// Field is the field the value was for.
	Field plan.Field
	// Text is the value as the table writes it.
	Text string
	// Err is why: a *plan.FieldError, or a *sheet.RowError when the row's
	// changes together cannot be made.
	Err error
}

// Application is what applying matches will do: the import plan the store
// carries out, and the values it leaves out.
type Application struct {
	// Plan updates the matched indicators; store.ApplyIndicatorImport
	// carries it out as one change. It has no row errors.
	Plan sheet.ImportPlan
	// LeftOut are the values not written, in row order.
	LeftOut []LeftOut
}

// Changes counts the fields the plan changes.
func (a Application) Changes() int {
	n := 0
	for _, r := range a.Plan.Rows {
		n += len(r.Changes)
	}
	return n
}

// Apply turns matches (Match's, or a user's edit of them) into an import
// plan for the report: for each matched row, the indicator's baseline,
// base year, target, target year, target kind and attribute as the row
// gives them, and, for a cap, the direction down (lower is better). A
// value the row does not give (empty, or a dash) leaves its field as it
// is; only fields that
// change are listed; every one is checked with Indicator.Set. A value is
// written as the table writes it when the field reads it, else without the
// brackets and words plans put around a number (〔5.5〕 is 5.5 with the kind
// cumulative; 年均增长6% is 6%), and a bare number in a unit of another
// scale than the indicator's with the row's unit (5 in 万人 is 5万人). What
// cannot be written either way is LeftOut, with its target's kind and
// direction. A match naming no indicator of the report, or one another
// row has, is a *MatchError and nothing is planned.
func Apply(reportID int64, matches []RowMatch, indicators []plan.Indicator) (Application, error) {
	byID := make(map[int64]plan.Indicator, len(indicators))
	for _, ind := range indicators {
		byID[ind.ID] = ind
	}
	seen := map[int64]bool{}
	app := Application{Plan: sheet.ImportPlan{ReportID: reportID}}
	for _, m := range matches {
		if m.IndicatorID == 0 {
			continue
		}
		ind, ok := byID[m.IndicatorID]
		switch {
		case !ok || ind.ReportID != reportID:
			return Application{}, &MatchError{Line: m.Row.Line, IndicatorID: m.IndicatorID, Err: ErrNoIndicator}
		case seen[m.IndicatorID]:
			return Application{}, &MatchError{Line: m.Row.Line, IndicatorID: m.IndicatorID, Err: ErrMatchedTwice}
		}
		seen[m.IndicatorID] = true
		pr, left := planRow(m.Row, ind)
		app.LeftOut = append(app.LeftOut, left...)
		if pr != nil {
			app.Plan.Rows = append(app.Plan.Rows, *pr)
		}
	}
	return app, nil
}

// planRow plans one matched row: the indicator as the row leaves it, and
// what it leaves out. A row whose changes together cannot be made is left
// out whole (nil), each of its errors a LeftOut.
func planRow(row Row, ind plan.Indicator) (*sheet.PlanRow, []LeftOut) {
	want, columns, left := wanted(row, ind)
	pr := sheet.PlanUpdate(row.Line, ind, want, columns)
	if len(pr.Errors) > 0 {
		for _, e := range pr.Errors {
			f := plan.FieldTarget
			var fe *plan.FieldError
			if errors.As(e, &fe) {
				f = fe.Field
			}
			left = append(left, LeftOut{Line: row.Line, IndicatorID: ind.ID, Field: f, Text: e.Text, Err: e})
		}
		return nil, left
	}
	return &pr, left
}

// wanted is ind as row leaves it, the column each field came from, and
// the values it cannot hold.
func wanted(row Row, ind plan.Indicator) (plan.Indicator, map[plan.Field]string, []LeftOut) {
	want := ind
	columns := map[plan.Field]string{}
	var left []LeftOut
	put := func(f plan.Field, text string) {
		want.Put(f, text)
		columns[f] = row.Columns[f]
		if columns[f] == "" {
			columns[f] = sheet.ColumnOf(f)
		}
	}
	leave := func(f plan.Field, text string, err error) {
		left = append(left, LeftOut{Line: row.Line, IndicatorID: ind.ID, Field: f, Text: text, Err: err})
	}
	if !noValue(row.Target) {
		probe := want
		probe.TargetKind = row.TargetKind
		if text, err := storable(probe, plan.FieldTarget, row.Target, row.Unit); err != nil {
			leave(plan.FieldTarget, row.Target, err)
		} else {
			put(plan.FieldTargetKind, row.TargetKind)
			put(plan.FieldTarget, text)
			if row.TargetYear != "" {
				put(plan.FieldTargetYear, row.TargetYear)
			}
			if row.TargetKind == plan.TargetCap {
				put(plan.FieldDirection, plan.DirectionDown)
			}
		}
	}
	if noValue(row.Baseline) && row.PeriodStart != "" && ind.BaselineYear == "" &&
		(want.Kind() == plan.TargetCumulative || want.Kind() == plan.TargetAnnual) {
		// A total or a growth rate counts from the base year, baseline or not.
		put(plan.FieldBaselineYear, row.PeriodStart)
	}
	if !noValue(row.Baseline) {
		if text, err := storable(want, plan.FieldBaseline, row.Baseline, row.Unit); err != nil {
			leave(plan.FieldBaseline, row.Baseline, err)
		} else {
			put(plan.FieldBaseline, text)
			if row.BaselineYear != "" {
				put(plan.FieldBaselineYear, row.BaselineYear)
			}
		}
	}
	if !noValue(row.Midterm) {
		if text, err := storable(want, plan.FieldMidterm, row.Midterm, row.Unit); err != nil {
			leave(plan.FieldMidterm, row.Midterm, err)
		} else {
			put(plan.FieldMidterm, text)
			if row.MidtermAsOf != "" {
				put(plan.FieldMidtermAsOf, row.MidtermAsOf)
			}
		}
	}
	if row.Attribute != "" {
		put(plan.FieldAttribute, row.Attribute)
	}
	return want, columns, left
}

// TableProposals are the indicators a report's own table gives, one per
// row, when its header reads as an indicator table (see Read); none when
// it is some other table. cells is the table's grid with merged cells
// repeated (plan.Table.Texts). Each carries its row's line in the table.
func TableProposals(cells [][]string) []TableProposal {
	read, err := Read(cells)
	if err != nil {
		return nil // not an indicator table: kept as a table only
	}
	var out []TableProposal
	for _, row := range read.Rows {
		if ind, _, ok := Proposal(row, cells[row.Line-1]); ok {
			out = append(out, TableProposal{Line: row.Line, Indicator: ind})
		}
	}
	return out
}

// TableProposal is one row of a report's table as an indicator proposal.
type TableProposal struct {
	// Line is the row's number in the table, from 1.
	Line int
	// Indicator is the proposal, without its report, section or place.
	Indicator plan.Indicator
}

// Proposal is a row of a report's own indicator table as an indicator
// waiting for a reviewer (待确认): its name, unit, baseline, target and
// mid-term value as the table writes them, each with its year, the target's
// kind and the attribute, and the row's cells as its source. Values no
// field reads are left out, as Apply leaves them; ok is false for a row
// that gives no value at all.
func Proposal(row Row, cells []string) (ind plan.Indicator, left []LeftOut, ok bool) {
	base := plan.Indicator{Name: row.Name, Unit: row.Unit, Direction: plan.DirectionUp, State: plan.StateProposed,
		Source: strings.Join(nonEmpty(cells), " | ")}
	want, _, left := wanted(row, base)
	if err := want.ReadValues(); err != nil {
		return plan.Indicator{}, append(left, LeftOut{Line: row.Line, Field: plan.FieldName, Text: row.Name, Err: err}), false
	}
	if want.Baseline == "" && want.Target == "" && want.Midterm == "" {
		return plan.Indicator{}, left, false
	}
	return want, left, true
}

// AddUnmatched plans adding the plan rows no indicator matched to section
// sectionID of the report, as confirmed indicators with the row's name,
// unit, baseline, target and attribute and no mid-term value: the overview
// then lists each as a target the report gives no mid-term value for, an
// evaluation's finding in itself. The rows join app's plan, which
// ApplyIndicatorImport carries out as one change; a row that cannot be
// stored whole (no name, or a value no field reads) is left out.
func AddUnmatched(app Application, sectionID int64, rows []Row) Application {
	for _, row := range rows {
		if strings.TrimSpace(row.Name) == "" {
			continue
		}
		base := plan.Indicator{ReportID: app.Plan.ReportID, SectionID: sectionID, Name: row.Name, Unit: row.Unit,
			Direction: plan.DirectionUp, State: plan.StateConfirmed}
		want, _, left := wanted(row, base)
		app.LeftOut = append(app.LeftOut, left...)
		if err := want.ReadValues(); err != nil {
			app.LeftOut = append(app.LeftOut, LeftOut{Line: row.Line, Field: plan.FieldName, Text: row.Name, Err: err})
			continue
		}
		pr := sheet.PlanRow{Row: row.Line, Action: sheet.ImportCreate, SectionID: sectionID, Name: row.Name, Want: want}
		for _, f := range plan.Fields() {
			if v := want.Get(f); v != "" && f != plan.FieldState && f != plan.FieldDirection {
				pr.Changes = append(pr.Changes, sheet.FieldChange{Field: f, Column: sheet.ColumnOf(f), New: v})
			}
		}
		app.Plan.Rows = append(app.Plan.Rows, pr)
	}
	return app
}

// storable is the text field f of ind is to hold for a value as a table
// writes it: the first of its spellings (as written, then without
// brackets and leading words) that Indicator.Set takes, checked against
// ind's unit and target kind but not its other values, each put in the
// row's unit when that is of another scale than ind's. The error is Set's
// for the last spelling, the one closest to a plain number.
func storable(ind plan.Indicator, f plan.Field, text, rowUnit string) (string, error) {
	var lastErr error
	for _, c := range spellings(text) {
		c = inUnit(c, rowUnit, ind.Unit)
		probe := ind
		for _, vf := range []plan.Field{plan.FieldBaseline, plan.FieldTarget, plan.FieldMidterm} {
			if vf != f {
				probe.Put(vf, "")
			}
		}
		err := probe.Set(f, c)
		if err == nil {
			return probe.Get(f), nil
		}
		lastErr = err
	}
	return "", lastErr
}

// leadWords are the words a plan's table may put before a number that no
// field keeps: the kind of target says them.
var leadWords = []string{"年均增长", "年均增速", "年均", "累计增长", "累计", "增长", "控制在", "保持在", "下降", "降低",
	"提高到", "提高至", "提升到", "提升至", "力争"}

// spellings are the texts a value may be stored as, best first: as
// written, then without the brackets plans put around totals (〔5.5〕,
// [13.5]) and the words before the number.
func spellings(text string) []string {
	out := []string{text}
	s := strings.TrimSpace(text)
	for changed := true; changed; {
		changed = false
		if r, ok := unbracket(s); ok {
			s, changed = r, true
		}
		for _, w := range leadWords {
			if rest, ok := strings.CutPrefix(s, w); ok {
				s, changed = strings.TrimSpace(rest), true
			}
		}
	}
	if s != text && s != "" {
		out = append(out, s)
	}
	return out
}

// unbracket takes off a pair of brackets around the whole of s.
func unbracket(s string) (string, bool) {
	for open, closing := range brackets {
		if rest, ok := strings.CutPrefix(s, string(open)); ok {
			if inner, ok := strings.CutSuffix(rest, string(closing)); ok {
				return strings.TrimSpace(inner), true
			}
		}
	}
	return s, false
}

// inUnit writes a bare number in the row's unit when that is the
// indicator's at another scale: the indicator reads a bare number in its
// own unit, so 5 in 万人 is stored as 5万人, not 5 人, and 〔50000〕 in 人
// as 〔50000人〕. The unit goes after the last number when nothing but a
// qualifier (左右, 以上, 余) or a closing bracket follows it; a number that
// has a unit already is left as it is.
func inUnit(text, rowUnit, indUnit string) string {
	if unitAgreement(rowUnit, indUnit) != UnitScaled {
		return text
	}
	end := strings.LastIndexFunc(text, func(r rune) bool { r = foldRune(r); return '0' <= r && r <= '9' })
	if end < 0 {
		return text
	}
	end += utf8.RuneLen([]rune(text[end:])[0])
	rest := strings.TrimSpace(text[end:])
	for _, q := range bareTails {
		rest = strings.TrimPrefix(rest, q)
	}
	if strings.TrimRightFunc(rest, isClosing) != "" {
		return text
	}
	return text[:end] + strings.TrimSpace(rowUnit) + text[end:]
}

// bareTails may follow a number that has no unit: decimals written after
// a point are digits, so only qualifiers remain.
var bareTails = []string{"余", "多", "左右", "上下", "以上", "以下", "以内"}

// isClosing reports whether r closes a bracket or is white space.
func isClosing(r rune) bool {
	for _, c := range brackets {
		if r == c {
			return true
		}
	}
	return unicode.IsSpace(r)
}
