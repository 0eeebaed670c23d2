package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Indicator states: a proposal found in the text waits for a reviewer.
const (
	// StateProposed marks an indicator PlanDesk found in the text (待确认).
	StateProposed = "proposed"
	// StateConfirmed marks an indicator a reviewer entered, accepted or edited.
	StateConfirmed = "confirmed"
)

// Attributes of an indicator as plans classify them.
const (
	AttributeExpected    = "预期性"
	AttributeObligatory  = "约束性"
	AttributeUnspecified = ""
)

// Directions say which way an indicator improves.
const (
	DirectionUp   = "up"   // higher is better
	DirectionDown = "down" // lower is better
)

// Target kinds say how a target is to be read.
const (
	TargetLevel       = "level"       // a value to reach by the target year
	TargetAnnual      = "annual"      // an average annual growth rate (年均)
	TargetCumulative  = "cumulative"  // a total over the plan period ([累计])
	TargetQualitative = "qualitative" // words, not a number (确保完成国家要求)
)

// Indicator is one quantity a plan is evaluated on (指标), with the numbers
// as written next to the values read from them.
type Indicator struct {
	// ID is the indicator's row id.
	ID int64
	// ReportID is the report the indicator belongs to.
	ReportID int64
	// SectionID is the section whose table lists the indicator.
	SectionID int64
	// Seq orders the indicators of one section.
	Seq int
	// Name is what is measured (数字经济类企业).
	Name string
	// Unit is the unit values are given in, with its scale word (家, %, 亿元, 万人).
	Unit string
	// Attribute is 预期性, 约束性, or empty when the plan does not say.
	Attribute string
	// Direction is DirectionUp or DirectionDown.
	Direction string
	// Baseline is the base-year value as written; empty when unknown.
	Baseline string
	// BaselineValue is Baseline read as a number in base units (no scale), or nil.
	BaselineValue *float64
	// BaselineYear is the base year as written (2020).
	BaselineYear string
	// Target is the target as written: a number, or words for a qualitative target.
	Target string
	// TargetValue is Target read as a number in base units, or nil.
	TargetValue *float64
	// TargetYear is the target year as written (2025).
	TargetYear string
	// TargetKind is one of the Target* kinds, or empty when not set.
	TargetKind string
	// Midterm is the mid-term value as written (突破210家).
	Midterm string
	// MidtermValue is Midterm read as a number in base units, or nil.
	MidtermValue *float64
	// MidtermAsOf is when the mid-term value was measured, as written (2022年底).
	MidtermAsOf string
	// Note is the reviewer's remark.
	Note string
	// Source is the report sentence the indicator was found in, if any.
	Source string
	// SourceParagraphID is the paragraph holding Source, if any.
	SourceParagraphID *int64
	// State is StateProposed until a reviewer accepts or edits it.
	State string
	// UpdatedAt is when the indicator last changed.
	UpdatedAt time.Time
}

// Field names an editable field of an indicator, as revisions record it.
type Field string

// The editable fields.
const (
	FieldName         Field = "name"
	FieldUnit         Field = "unit"
	FieldAttribute    Field = "attribute"
	FieldDirection    Field = "direction"
	FieldBaseline     Field = "baseline"
	FieldBaselineYear Field = "baseline_year"
	FieldTarget       Field = "target"
	FieldTargetYear   Field = "target_year"
	FieldTargetKind   Field = "target_kind"
	FieldMidterm      Field = "midterm"
	FieldMidtermAsOf  Field = "midterm_as_of"
	FieldNote         Field = "note"
	FieldState        Field = "state"
	// FieldStatus is the computed status; it sorts but cannot be edited.
	FieldStatus Field = "status"
)

// Fields lists the editable fields in table order.
func Fields() []Field {
	return []Field{FieldName, FieldUnit, FieldAttribute, FieldDirection, FieldBaseline, FieldBaselineYear,
		FieldTarget, FieldTargetYear, FieldTargetKind, FieldMidterm, FieldMidtermAsOf, FieldNote, FieldState}
}

// Get returns the text of field f.
func (ind *Indicator) Get(f Field) string {
	if p := ind.textField(f); p != nil {
		return *p
	}
	return ""
}

func (ind *Indicator) textField(f Field) *string {
	switch f {
	case FieldName:
		return &ind.Name
	case FieldUnit:
		return &ind.Unit
	case FieldAttribute:
		return &ind.Attribute
	case FieldDirection:
		return &ind.Direction
	case FieldBaseline:
		return &ind.Baseline
	case FieldBaselineYear:
		return &ind.BaselineYear
	case FieldTarget:
		return &ind.Target
	case FieldTargetYear:
		return &ind.TargetYear
	case FieldTargetKind:
		return &ind.TargetKind
	case FieldMidterm:
		return &ind.Midterm
	case FieldMidtermAsOf:
		return &ind.MidtermAsOf
	case FieldNote:
		return &ind.Note
	case FieldState:
		return &ind.State
	}
	return nil
}

// Set validates text for field f and stores it, with the value read from
// it for the numeric fields. On error the indicator is unchanged.
func (ind *Indicator) Set(f Field, text string) error {
	text = strings.TrimSpace(text)
	p := ind.textField(f)
	if p == nil {
		return &FieldError{Field: f, Problem: ProblemUnknownField}
	}
	next := *ind
	*next.textField(f) = text
	if err := next.validate(f); err != nil {
		return err
	}
	if err := next.readValues(); err != nil {
		return err
	}
	*ind = next
	return nil
}

// FieldProblem says why a field's new text was refused.
type FieldProblem int

// The problems a field edit can have besides a malformed number.
const (
	ProblemUnknownField FieldProblem = iota + 1
	ProblemEmptyName
	ProblemBadAttribute
	ProblemBadDirection
	ProblemBadTargetKind
	ProblemBadYear
	ProblemBadState
	ProblemNumber // Number holds the parser's error
)

// FieldError reports a refused edit: which field and why.
type FieldError struct {
	// Field is the field that was being set.
	Field Field
	// Problem says what is wrong.
	Problem FieldProblem
	// Number is the parser's error for ProblemNumber.
	Number *NumberError
}

func (e *FieldError) Error() string {
	if e.Number != nil {
		return fmt.Sprintf("field %s: %v", e.Field, e.Number)
	}
	return fmt.Sprintf("field %s: problem %d", e.Field, e.Problem)
}

// Unwrap exposes the number error.
func (e *FieldError) Unwrap() error {
	if e.Number == nil {
		return nil
	}
	return e.Number
}

func (ind *Indicator) validate(f Field) error {
	bad := func(p FieldProblem) error { return &FieldError{Field: f, Problem: p} }
	switch f {
	case FieldName:
		if ind.Name == "" {
			return bad(ProblemEmptyName)
		}
	case FieldAttribute:
		if ind.Attribute != AttributeExpected && ind.Attribute != AttributeObligatory && ind.Attribute != AttributeUnspecified {
			return bad(ProblemBadAttribute)
		}
	case FieldDirection:
		if ind.Direction != DirectionUp && ind.Direction != DirectionDown {
			return bad(ProblemBadDirection)
		}
	case FieldTargetKind:
		switch ind.TargetKind {
		case "", TargetLevel, TargetAnnual, TargetCumulative, TargetQualitative:
		default:
			return bad(ProblemBadTargetKind)
		}
	case FieldBaselineYear, FieldTargetYear:
		if y := ind.Get(f); y != "" && !isYear(y) {
			return bad(ProblemBadYear)
		}
	case FieldState:
		if ind.State != StateProposed && ind.State != StateConfirmed {
			return bad(ProblemBadState)
		}
	}
	return nil
}

// isYear accepts a four-digit year from 1949 to 2100, optionally with 年.
func isYear(s string) bool {
	s = strings.TrimSuffix(s, "年")
	if len(s) != 4 {
		return false
	}
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
		n = n*10 + int(r-'0')
	}
	return n >= 1949 && n <= 2100
}

// readValues reads the numbers of the value fields in the indicator's
// unit. A qualitative target has no value. A share (a rate in %) cannot
// exceed 100 %.
func (ind *Indicator) readValues() error {
	scale := unitScale(ind.Unit)
	rule := NumberRule{Share: ind.isShare()}
	read := func(f Field, text string, into **float64) error {
		*into = nil
		if text == "" {
			return nil
		}
		n, err := ParseNumber(text, rule)
		if err != nil {
			ne, _ := err.(*NumberError)
			return &FieldError{Field: f, Problem: ProblemNumber, Number: ne}
		}
		v := n.Base()
		if n.Unit == "" && n.Scale == 1 {
			v *= scale // a bare number is in the indicator's unit (5.41 in 万人)
		}
		*into = &v
		return nil
	}
	if err := read(FieldBaseline, ind.Baseline, &ind.BaselineValue); err != nil {
		return err
	}
	if ind.TargetKind == TargetQualitative {
		ind.TargetValue = nil
	} else if err := read(FieldTarget, ind.Target, &ind.TargetValue); err != nil {
		return err
	}
	return read(FieldMidterm, ind.Midterm, &ind.MidtermValue)
}

// isShare reports whether the indicator is a share of a whole that cannot
// pass 100 %: a rate in percent that is not a growth rate.
func (ind *Indicator) isShare() bool {
	if ind.Unit != "%" {
		return false
	}
	if strings.Contains(ind.Name, "增长") || strings.Contains(ind.Name, "增速") {
		return false
	}
	return strings.HasSuffix(ind.Name, "率") || strings.Contains(ind.Name, "比重") || strings.Contains(ind.Name, "占比")
}

// unitScale is the factor of a unit's scale word: 1e4 for 万人, 1 for 家.
func unitScale(unit string) float64 {
	switch {
	case strings.HasPrefix(unit, "万亿"):
		return 1e12
	case strings.HasPrefix(unit, "亿"):
		return 1e8
	case strings.HasPrefix(unit, "万"):
		return 1e4
	}
	return 1
}

// indicatorRow selects one indicator as a single text of its columns
// joined by the unit separator (U+001F). Reading one column a row instead
// of twenty makes loading 10,000 indicators several times faster with the
// pure-Go driver, which locks and copies per column. The values read from
// the numbers are not fetched: SQLite prints reals without a guaranteed
// round trip, and they are re-read from the texts they were computed from.
// The time of change comes as Unix milliseconds.
const indicatorRow = `i.id || char(31) || i.report_id || char(31) || i.section_id || char(31) || i.seq
	|| char(31) || i.name || char(31) || i.unit || char(31) || i.attribute || char(31) || i.direction
	|| char(31) || i.baseline || char(31) || i.baseline_year || char(31) || i.target || char(31) || i.target_year
	|| char(31) || i.target_kind || char(31) || i.midterm || char(31) || i.midterm_as_of || char(31) || i.note
	|| char(31) || i.source || char(31) || ifnull(i.source_paragraph_id, '') || char(31) || i.state
	|| char(31) || CAST(round((julianday(i.updated_at) - 2440587.5) * 86400000) AS INTEGER)`

// indicatorFields is how many columns indicatorRow joins.
const indicatorFields = 20

// Indicators returns a report's indicators in section and table order.
func (s *Store) Indicators(reportID int64) ([]Indicator, error) {
	// Sections get their ids in reading order when a report is imported
	// (they are never added later), so the index on (report_id,
	// section_id, seq) already holds the table order: no join, no sort.
	var count int64
	if err := s.db.Raw(`SELECT count(*) FROM indicators WHERE report_id = ?`, reportID).Scan(&count).Error; err != nil {
		return nil, fmt.Errorf("count indicators of report %d: %w", reportID, err)
	}
	rows, err := s.db.Raw(`SELECT `+indicatorRow+` FROM indicators AS i
		WHERE i.report_id = ? ORDER BY i.section_id, i.seq, i.id`, reportID).Rows()
	if err != nil {
		return nil, fmt.Errorf("load indicators of report %d: %w", reportID, err)
	}
	defer rows.Close()
	list := make([]Indicator, 0, count)
	var row string
	for rows.Next() {
		if err := rows.Scan(&row); err != nil {
			return nil, fmt.Errorf("read indicator of report %d: %w", reportID, err)
		}
		ind, err := splitIndicatorRow(row)
		if err != nil {
			return nil, fmt.Errorf("read indicator of report %d: %w", reportID, err)
		}
		list = append(list, ind)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load indicators of report %d: %w", reportID, err)
	}
	return list, nil
}

// splitIndicatorRow reads one indicatorRow.
func splitIndicatorRow(row string) (Indicator, error) {
	var f [indicatorFields]string
	rest, more := row, true
	n := 0
	for ; more && n < indicatorFields; n++ {
		f[n], rest, more = strings.Cut(rest, "\x1f")
	}
	if more || n != indicatorFields {
		return Indicator{}, fmt.Errorf("indicator row does not have %d fields", indicatorFields)
	}
	var firstErr error
	integer := func(s string) int64 {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return v
	}
	ind := Indicator{
		ID: integer(f[0]), ReportID: integer(f[1]), SectionID: integer(f[2]), Seq: int(integer(f[3])),
		Name: f[4], Unit: f[5], Attribute: f[6], Direction: f[7],
		Baseline: f[8], BaselineYear: f[9], Target: f[10], TargetYear: f[11], TargetKind: f[12],
		Midterm: f[13], MidtermAsOf: f[14], Note: f[15], Source: f[16], State: f[18],
		UpdatedAt: time.UnixMilli(integer(f[19])),
	}
	if f[17] != "" {
		id := integer(f[17])
		ind.SourceParagraphID = &id
	}
	// The texts were checked when written; one that no longer reads keeps
	// its value empty rather than failing the whole report.
	_ = ind.readValues()
	return ind, firstErr
}

// SectionIndicators returns one section's indicators in table order.
func (s *Store) SectionIndicators(sectionID int64) ([]Indicator, error) {
	var list []Indicator
	if err := s.db.Where("section_id = ?", sectionID).Order("seq, id").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("load indicators of section %d: %w", sectionID, err)
	}
	return list, nil
}

// Indicator returns one indicator by id.
func (s *Store) Indicator(id int64) (Indicator, error) {
	var ind Indicator
	if err := s.db.Take(&ind, id).Error; err != nil {
		return Indicator{}, fmt.Errorf("load indicator %d: %w", id, err)
	}
	return ind, nil
}

// insertIndicator stores a new indicator at the end of its section's table.
func insertIndicator(tx *gorm.DB, ind *Indicator) error {
	if ind.Seq == 0 {
		var last *int
		if err := tx.Model(&Indicator{}).Where("section_id = ?", ind.SectionID).Select("max(seq)").Scan(&last).Error; err != nil {
			return err
		}
		if last != nil {
			ind.Seq = *last + 1
		}
	}
	if ind.Direction == "" {
		ind.Direction = DirectionUp
	}
	if ind.State == "" {
		ind.State = StateConfirmed
	}
	ind.UpdatedAt = time.Now()
	return tx.Create(ind).Error
}
