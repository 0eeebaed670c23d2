package plan

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"plandesk/cnnum"
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
	TargetCap         = "cap"         // a ceiling not to pass (不超过X, 控制在X以内): lower is better
	TargetFloor       = "floor"       // a floor not to fall below (不低于X, X以上)
	TargetRange       = "range"       // a band to stay in (6%–6.5%)
)

// Indicator is one quantity a plan is evaluated on (指标), with the numbers
// as written next to the values read from them.
type Indicator struct {
	// ID is the indicator's row id; a deleted indicator's id is never given
	// to another.
	ID int64
	// UID is the indicator's identity beyond this database: a re-imported
	// sheet row must carry it to change the indicator. Derived from the
	// report's text and the place for a proposal (so that two laptops
	// importing the same report agree), random for one a reviewer adds.
	UID string
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
	// TargetKind is one of the Target* kinds, or empty when not set (Kind
	// then reads it from the text).
	TargetKind string
	// TargetHighValue is a range target's upper end in base units (6.5 of
	// 6%–6.5%), nil for any other target; read from Target, not stored.
	TargetHighValue *float64 `gorm:"-" json:"-"`
	// TargetQualifier is the qualifier written with the target (左右 is
	// cnnum.About, 不超过 cnnum.AtMost); read from Target, not stored.
	TargetQualifier cnnum.Qualifier `gorm:"-" json:"-"`
	// TargetRelative says the target is written relative to the baseline
	// (翻一番, 比2020年增长20%), so its value needs the baseline's; read from
	// Target, not stored.
	TargetRelative bool `gorm:"-" json:"-"`
	// inferred caches the kind the texts say (see Kind).
	inferred kindCache
	// Midterm is the mid-term value as written (突破210家).
	Midterm string
	// MidtermValue is Midterm read as a number in base units, or nil.
	MidtermValue *float64
	// MidtermAsOf is when the mid-term value was measured, as written (2022年底).
	MidtermAsOf string
	// ManualStatus is the status a reviewer gave a qualitative target
	// (StatusAchieved 已完成, StatusOnTrack 推进中, StatusLagging 滞后), which
	// no number can give; empty until judged, and ignored for any other kind.
	ManualStatus string
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
	// FieldManualStatus is the reviewer's judgement of a qualitative target.
	FieldManualStatus Field = "manual_status"
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
		FieldTarget, FieldTargetYear, FieldTargetKind, FieldMidterm, FieldMidtermAsOf, FieldManualStatus, FieldNote, FieldState}
}

// Get returns the text of field f.
func (ind *Indicator) Get(f Field) string {
	if p := ind.textField(f); p != nil {
		return *p
	}
	return ""
}

// Put stores text in field f as it is, without checking it or reading its
// number: a sheet import fills every field of a row first and then checks
// them with Set and ReadValues. An unknown field is ignored.
func (ind *Indicator) Put(f Field, text string) {
	if p := ind.textField(f); p != nil {
		*p = text
	}
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
	case FieldManualStatus:
		return &ind.ManualStatus
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
	if err := next.readValues(f); err != nil {
		return err
	}
	next.rescale(f)
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
	ProblemBadManualStatus
	ProblemNumber  // Number holds the parser's error
	ProblemTooLong // Limit holds the most characters the field takes
	ProblemUnit    // Unit holds the indicator's unit, which the value's is not
)

// MaxLength is the most characters field f takes: a name that fits a
// table, a note of a few pages. Longer text is prose pasted into the wrong
// place, and a spreadsheet cell holds at most 32,767 characters anyway.
func MaxLength(f Field) int {
	switch f {
	case FieldName:
		return 200
	case FieldNote:
		return 10000
	case FieldTarget:
		return 500 // a qualitative target is words
	case FieldUnit:
		return 32
	}
	return 100
}

// FieldError reports a refused edit: which field and why.
type FieldError struct {
	// Field is the field that was being set.
	Field Field
	// Problem says what is wrong.
	Problem FieldProblem
	// Number is the parser's error for ProblemNumber.
	Number *cnnum.NumberError
	// Limit is MaxLength(Field) for ProblemTooLong.
	Limit int
	// Unit is the indicator's unit for ProblemUnit.
	Unit string
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
	if limit := MaxLength(f); utf8.RuneCountInString(ind.Get(f)) > limit {
		return &FieldError{Field: f, Problem: ProblemTooLong, Limit: limit}
	}
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
		case "", TargetLevel, TargetAnnual, TargetCumulative, TargetQualitative, TargetCap, TargetFloor, TargetRange:
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
	case FieldManualStatus:
		switch Status(ind.ManualStatus) {
		case "", StatusAchieved, StatusOnTrack, StatusLagging:
		default:
			return bad(ProblemBadManualStatus)
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

// ReadValues reads the numbers of the value fields in the indicator's
// unit. A qualitative target has no value; a range's low end is its value
// and its high end TargetHighValue; a target relative to the baseline
// (翻一番, 比2020年增长20%) has a value only where the baseline has one. A
// share (a rate in %) cannot exceed 100 %, and a value in another unit than
// the indicator's is refused, one at another scale of the same unit read
// at that scale (54100人 in 万人).
func (ind *Indicator) ReadValues() error { return ind.readValues("") }

// readValues reads the values, checking the units of field strict only:
// the one being entered. A value written before its indicator's unit was
// changed still reads, so changing a unit and then its values (in either
// order, as a sheet import may) is possible.
func (ind *Indicator) readValues(strict Field) error {
	ind.inferred = kindCache{}
	if ind.Target != "" {
		ind.inferred = kindCache{ind.Name, ind.Unit, ind.Target, InferTargetKind(ind.Name, ind.Unit, ind.Target)}
	}
	rule := cnnum.NumberRule{Share: ind.isShare()}
	ind.TargetHighValue, ind.TargetQualifier, ind.TargetRelative = nil, cnnum.Exact, false
	if err := ind.readValue(FieldBaseline, ind.Baseline, rule, strict, &ind.BaselineValue); err != nil {
		return err
	}
	if err := ind.readTarget(rule, strict == FieldTarget); err != nil {
		return err
	}
	return ind.readValue(FieldMidterm, ind.Midterm, rule, strict, &ind.MidtermValue)
}

// readValue reads one value field's text into a number in base units.
func (ind *Indicator) readValue(f Field, text string, rule cnnum.NumberRule, strict Field, into **float64) error {
	*into = nil
	if text == "" {
		return nil
	}
	n, err := cnnum.ParseNumber(text, rule)
	if err != nil {
		ne, _ := err.(*cnnum.NumberError)
		return &FieldError{Field: f, Problem: ProblemNumber, Number: ne}
	}
	v, err := ind.inUnit(f, n, f == strict)
	if err != nil {
		return err
	}
	*into = &v
	return nil
}

// inUnit is n in base units, checked against the indicator's unit: a bare
// number is in the indicator's unit (5.41 in 万人); a number with a unit
// must have the indicator's unit at some scale (54100人 or 5.41万人, not
// 3家), checked when strict (the field being entered).
func (ind *Indicator) inUnit(f Field, n cnnum.Number, strict bool) (float64, error) {
	word, scale := cnnum.ScaleOf(ind.Unit)
	v := n.Base()
	if n.Unit == "" && n.Scale == 1 {
		return v * scale, nil
	}
	if strict && ind.Unit == "%" && n.Unit == "" {
		// A scale word without a unit (3.5万) is no share or rate.
		return 0, &FieldError{Field: f, Problem: ProblemUnit, Unit: ind.Unit}
	}
	if base := ind.Unit[len(word):]; strict && ind.Unit != "" && n.Unit != "" && n.Unit != base {
		return 0, &FieldError{Field: f, Problem: ProblemUnit, Unit: ind.Unit}
	}
	return v, nil
}

// readTarget reads the target as plans write it (see readTargetText).
func (ind *Indicator) readTarget(rule cnnum.NumberRule, strict bool) error {
	ind.TargetValue = nil
	if ind.Target == "" || ind.Kind() == TargetQualitative {
		return nil
	}
	form := readTargetText(ind.Target)
	if form.factor != 0 {
		ind.TargetRelative = true
		if ind.BaselineValue != nil {
			v := *ind.BaselineValue * form.factor
			ind.TargetValue = &v
		}
		return nil
	}
	if form.kind == TargetCumulative || form.kind == TargetAnnual {
		rule.Share = false // 年均增长7%, 累计下降13.5%: rates, not shares
	}
	if lo, hi, err := cnnum.ParseRange(form.number, rule); err == nil {
		l, err := ind.inUnit(FieldTarget, lo, strict)
		if err != nil {
			return err
		}
		h, err := ind.inUnit(FieldTarget, hi, strict)
		if err != nil {
			return err
		}
		ind.TargetValue, ind.TargetHighValue, ind.TargetQualifier = &l, &h, lo.Qualifier
		return nil
	}
	n, err := cnnum.ParseNumber(form.number, rule)
	if err != nil {
		ne, _ := err.(*cnnum.NumberError)
		return &FieldError{Field: FieldTarget, Problem: ProblemNumber, Number: ne}
	}
	if ind.Kind() == TargetAnnual && (n.Unit == "%" || n.Unit == "") && n.Scale == 1 {
		// An annual growth target is a rate in %, whatever the unit of the
		// levels it is a rate of (地区生产总值 in 亿元, 年均增长7%).
		v := n.Value
		ind.TargetValue, ind.TargetQualifier = &v, n.Qualifier
		return nil
	}
	v, err := ind.inUnit(FieldTarget, n, strict)
	if err != nil {
		return err
	}
	ind.TargetValue, ind.TargetQualifier = &v, n.Qualifier
	return nil
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
