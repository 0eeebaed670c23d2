package views

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2/lang"

	"plandesk/plan"
)

// column is one column of an indicator table: its header, width, the field
// a cell edits (none for computed columns) and how a cell shows its row.
type column struct {
	title   string
	width   float32
	field   plan.Field
	text    func(ind *plan.Indicator) string
	choices []choice // an enumerated field is edited from a menu
}

// choice is one entry of an enumerated field's menu.
type choice struct{ label, value string }

// editable reports whether cells of the column can be edited.
func (c column) editable() bool { return c.field != "" && c.field != plan.FieldStatus }

func textOf(f plan.Field) func(*plan.Indicator) string {
	return func(ind *plan.Indicator) string { return ind.Get(f) }
}

func attributeChoices() []choice {
	return []choice{{lang.L("Expected (预期性)"), plan.AttributeExpected}, {lang.L("Obligatory (约束性)"), plan.AttributeObligatory}, {lang.L("Not stated"), plan.AttributeUnspecified}}
}

func directionChoices() []choice {
	return []choice{{lang.L("Higher is better"), plan.DirectionUp}, {lang.L("Lower is better"), plan.DirectionDown}}
}

func targetKindChoices() []choice {
	return []choice{{lang.L("Level"), plan.TargetLevel}, {lang.L("Annual growth (年均)"), plan.TargetAnnual},
		{lang.L("Cumulative (累计)"), plan.TargetCumulative}, {lang.L("Qualitative"), plan.TargetQualitative}, {lang.L("Not set"), ""}}
}

func stateChoices() []choice {
	return []choice{{lang.L("Confirmed"), plan.StateConfirmed}, {lang.L("To confirm"), plan.StateProposed}}
}

// labelOf shows an enumerated value by its menu label.
func labelOf(choices func() []choice, f plan.Field) func(*plan.Indicator) string {
	return func(ind *plan.Indicator) string {
		v := ind.Get(f)
		for _, c := range choices() {
			if c.value == v && v != "" {
				return c.label
			}
		}
		return ""
	}
}

// StatusLabel is a status in the UI language.
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

// statusText is the status column: a proposal waiting for review says so
// first, as it is counted separately until confirmed.
func statusText(ind *plan.Indicator) string {
	status := ind.Status()
	if ind.State != plan.StateProposed {
		return StatusLabel(status)
	}
	if status == plan.StatusUnknown {
		return lang.L("To confirm")
	}
	return lang.L("To confirm") + " · " + StatusLabel(status)
}

// progressText shows progress towards the target as a percentage.
func progressText(ind *plan.Indicator) string {
	p, ok := ind.Progress()
	if !ok || math.IsInf(p, 0) || math.IsNaN(p) {
		return ""
	}
	return fmt.Sprintf("%.0f%%", p*100)
}

// sectionColumns are the columns of a section page's table.
func sectionColumns() []column {
	return []column{
		{title: "Indicator", width: 180, field: plan.FieldName, text: textOf(plan.FieldName)},
		{title: "Unit", width: 60, field: plan.FieldUnit, text: textOf(plan.FieldUnit)},
		{title: "Baseline", width: 90, field: plan.FieldBaseline, text: textOf(plan.FieldBaseline)},
		{title: "Target", width: 90, field: plan.FieldTarget, text: textOf(plan.FieldTarget)},
		{title: "Mid-term", width: 100, field: plan.FieldMidterm, text: textOf(plan.FieldMidterm)},
		{title: "Status", width: 150, field: plan.FieldStatus, text: statusText},
	}
}

// allColumns are the columns of the all-indicators page: the section
// table's columns first, so values and status show without scrolling.
func allColumns(sectionHeading func(id int64) string) []column {
	cols := []column{{title: "Section", width: 170, text: func(ind *plan.Indicator) string { return sectionHeading(ind.SectionID) }}}
	cols = append(cols, sectionColumns()...)
	return append(cols,
		column{title: "Progress", width: 70, text: progressText},
		column{title: "Attribute", width: 90, field: plan.FieldAttribute, text: labelOf(attributeChoices, plan.FieldAttribute), choices: attributeChoices()},
		column{title: "Direction", width: 90, field: plan.FieldDirection, text: labelOf(directionChoices, plan.FieldDirection), choices: directionChoices()},
		column{title: "Base year", width: 70, field: plan.FieldBaselineYear, text: textOf(plan.FieldBaselineYear)},
		column{title: "Target year", width: 70, field: plan.FieldTargetYear, text: textOf(plan.FieldTargetYear)},
		column{title: "Target kind", width: 90, field: plan.FieldTargetKind, text: labelOf(targetKindChoices, plan.FieldTargetKind), choices: targetKindChoices()},
		column{title: "As of", width: 80, field: plan.FieldMidtermAsOf, text: textOf(plan.FieldMidtermAsOf)},
		column{title: "Note", width: 160, field: plan.FieldNote, text: textOf(plan.FieldNote)},
	)
}
