package messages

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2/lang"

	"plandesk/plan"
)

// StatusLabel is a status in the UI language. In Chinese these are the
// words sheet writes in its 状态 column; a test keeps them equal.
func StatusLabel(s plan.Status) string {
	switch s {
	case plan.StatusAchieved:
		return lang.L("Achieved")
	case plan.StatusAhead:
		return lang.L("Ahead of plan")
	case plan.StatusOnTrack:
		return lang.L("On track")
	case plan.StatusLagging:
		return lang.L("Lagging")
	}
	return lang.L("No target or data")
}

// StatusOf is an indicator's status in the UI language; where none can be
// computed it says what is missing (缺目标值, 缺中期值…), not one word for
// every unknown.
func StatusOf(ind *plan.Indicator) string {
	if gaps := ind.Gaps(); len(gaps) > 0 {
		return GapsLabel(gaps)
	}
	if ind.Kind() == plan.TargetQualitative {
		return ChoiceLabel(plan.FieldManualStatus, ind.ManualStatus)
	}
	return StatusLabel(ind.Status())
}

// GapsLabel says what indicators lack for a status, in the UI language.
func GapsLabel(gaps []plan.Gap) string {
	has := func(g plan.Gap) bool { return slices.Contains(gaps, g) }
	var parts []string
	switch {
	case has(plan.GapTarget) && has(plan.GapMidterm):
		parts = append(parts, lang.L("No target or mid-term value"))
	case has(plan.GapTarget):
		parts = append(parts, lang.L("No target value"))
	case has(plan.GapMidterm):
		parts = append(parts, lang.L("No mid-term value"))
	}
	if has(plan.GapBaseline) {
		parts = append(parts, lang.L("No baseline value"))
	}
	if has(plan.GapFlatTarget) {
		parts = append(parts, lang.L("Target equals baseline"))
	}
	if has(plan.GapQualitative) {
		parts = append(parts, lang.L("Qualitative target"))
	}
	if has(plan.GapKind) {
		parts = append(parts, lang.L("Target kind not set"))
	}
	if has(plan.GapYears) {
		parts = append(parts, lang.L("No years"))
	}
	if len(parts) == 0 {
		return StatusLabel(plan.StatusUnknown)
	}
	return strings.Join(parts, lang.L(", "))
}

// fieldLabel names each field by its English label, the key of its
// translation.
func fieldLabel(f plan.Field) (string, bool) {
	switch f {
	case plan.FieldName:
		return "Indicator", true
	case plan.FieldUnit:
		return "Unit", true
	case plan.FieldAttribute:
		return "Attribute", true
	case plan.FieldDirection:
		return "Direction", true
	case plan.FieldBaseline:
		return "Baseline", true
	case plan.FieldBaselineYear:
		return "Base year", true
	case plan.FieldTarget:
		return "Target", true
	case plan.FieldTargetYear:
		return "Target year", true
	case plan.FieldTargetKind:
		return "Target kind", true
	case plan.FieldMidterm:
		return "Mid-term", true
	case plan.FieldMidtermAsOf:
		return "As of", true
	case plan.FieldManualStatus:
		return "Judgement", true
	case plan.FieldNote:
		return "Note", true
	case plan.FieldState:
		return "Confirmation", true
	case plan.FieldStatus:
		return "Status", true
	case plan.FieldReview:
		return "Review state", true
	}
	return string(f), false
}

// FieldLabel is a field's name in the UI language.
func FieldLabel(f plan.Field) string {
	if l, ok := fieldLabel(f); ok {
		return lang.L(l)
	}
	return string(f)
}

// Choice is one value of an enumerated field with its label.
type Choice struct {
	// Label is the value in the UI language.
	Label string
	// Value is the value as stored.
	Value string
}

// Choices lists the values an enumerated field takes (attribute,
// direction, target kind, confirmation state), labelled in the UI
// language; nil for any other field.
func Choices(f plan.Field) []Choice {
	switch f {
	case plan.FieldAttribute:
		return []Choice{{lang.L("Expected (预期性)"), plan.AttributeExpected}, {lang.L("Obligatory (约束性)"), plan.AttributeObligatory}, {lang.L("Not stated"), plan.AttributeUnspecified}}
	case plan.FieldDirection:
		return []Choice{{lang.L("Higher is better"), plan.DirectionUp}, {lang.L("Lower is better"), plan.DirectionDown}}
	case plan.FieldTargetKind:
		return []Choice{{lang.L("Level"), plan.TargetLevel}, {lang.L("Annual growth (年均)"), plan.TargetAnnual},
			{lang.L("Cumulative (累计)"), plan.TargetCumulative}, {lang.L("Cap (不超过)"), plan.TargetCap},
			{lang.L("Floor (不低于)"), plan.TargetFloor}, {lang.L("Range (区间)"), plan.TargetRange},
			{lang.L("Qualitative"), plan.TargetQualitative}, {lang.L("Not set"), ""}}
	case plan.FieldState:
		return []Choice{{lang.L("Confirmed"), plan.StateConfirmed}, {lang.L("To confirm"), plan.StateProposed}}
	case plan.FieldManualStatus:
		return []Choice{{lang.L("Done (已完成)"), string(plan.StatusAchieved)}, {lang.L("In progress (推进中)"), string(plan.StatusOnTrack)},
			{lang.L("Lagging"), string(plan.StatusLagging)}, {lang.L("Not judged"), ""}}
	case plan.FieldReview:
		return ReviewChoices()
	}
	return nil
}

// ChoiceLabel is a stored value of an enumerated field in the UI language,
// or "" when the value is empty or not one of its choices.
func ChoiceLabel(f plan.Field, value string) string {
	if value == "" {
		return ""
	}
	for _, c := range Choices(f) {
		if c.Value == value {
			return c.Label
		}
	}
	return ""
}
