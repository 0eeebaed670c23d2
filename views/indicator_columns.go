package views

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2/lang"

	"plandesk/data"
)

// column is one column of an indicator table: its header, width, the field
// a cell edits (none for computed columns) and how a cell shows its row.
type column struct {
	title   string
	width   float32
	field   data.Field
	text    func(ind *data.Indicator) string
	choices []choice // an enumerated field is edited from a menu
}

// choice is one entry of an enumerated field's menu.
type choice struct{ label, value string }

// editable reports whether cells of the column can be edited.
func (c column) editable() bool { return c.field != "" && c.field != data.FieldStatus }

func textOf(f data.Field) func(*data.Indicator) string {
	return func(ind *data.Indicator) string { return ind.Get(f) }
}

func attributeChoices() []choice {
	return []choice{{lang.L("Expected (预期性)"), data.AttributeExpected}, {lang.L("Obligatory (约束性)"), data.AttributeObligatory}, {lang.L("Not stated"), data.AttributeUnspecified}}
}

func directionChoices() []choice {
	return []choice{{lang.L("Higher is better"), data.DirectionUp}, {lang.L("Lower is better"), data.DirectionDown}}
}

func targetKindChoices() []choice {
	return []choice{{lang.L("Level"), data.TargetLevel}, {lang.L("Annual growth (年均)"), data.TargetAnnual},
		{lang.L("Cumulative (累计)"), data.TargetCumulative}, {lang.L("Qualitative"), data.TargetQualitative}, {lang.L("Not set"), ""}}
}

func stateChoices() []choice {
	return []choice{{lang.L("Confirmed"), data.StateConfirmed}, {lang.L("To confirm"), data.StateProposed}}
}

// labelOf shows an enumerated value by its menu label.
func labelOf(choices func() []choice, f data.Field) func(*data.Indicator) string {
	return func(ind *data.Indicator) string {
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
func StatusLabel(s data.Status) string {
	switch s {
	case data.StatusAchieved:
		return lang.L("Achieved")
	case data.StatusAhead:
		return lang.L("Ahead of plan")
	case data.StatusOnTrack:
		return lang.L("On track")
	case data.StatusLagging:
		return lang.L("Lagging")
	}
	return lang.L("No target or data")
}

// statusText is the status column: a proposal waiting for review says so
// first, as it is counted separately until confirmed.
func statusText(ind *data.Indicator) string {
	status := ind.Status()
	if ind.State != data.StateProposed {
		return StatusLabel(status)
	}
	if status == data.StatusUnknown {
		return lang.L("To confirm")
	}
	return lang.L("To confirm") + " · " + StatusLabel(status)
}

// progressText shows progress towards the target as a percentage.
func progressText(ind *data.Indicator) string {
	p, ok := ind.Progress()
	if !ok || math.IsInf(p, 0) || math.IsNaN(p) {
		return ""
	}
	return fmt.Sprintf("%.0f%%", p*100)
}

// sectionColumns are the columns of a section page's table.
func sectionColumns() []column {
	return []column{
		{title: "Indicator", width: 180, field: data.FieldName, text: textOf(data.FieldName)},
		{title: "Unit", width: 60, field: data.FieldUnit, text: textOf(data.FieldUnit)},
		{title: "Baseline", width: 90, field: data.FieldBaseline, text: textOf(data.FieldBaseline)},
		{title: "Target", width: 90, field: data.FieldTarget, text: textOf(data.FieldTarget)},
		{title: "Mid-term", width: 100, field: data.FieldMidterm, text: textOf(data.FieldMidterm)},
		{title: "Status", width: 150, field: data.FieldStatus, text: statusText},
	}
}

// allColumns are the columns of the all-indicators page: the section
// table's columns first, so values and status show without scrolling.
func allColumns(sectionHeading func(id int64) string) []column {
	cols := []column{{title: "Section", width: 170, text: func(ind *data.Indicator) string { return sectionHeading(ind.SectionID) }}}
	cols = append(cols, sectionColumns()...)
	return append(cols,
		column{title: "Progress", width: 70, text: progressText},
		column{title: "Attribute", width: 90, field: data.FieldAttribute, text: labelOf(attributeChoices, data.FieldAttribute), choices: attributeChoices()},
		column{title: "Direction", width: 90, field: data.FieldDirection, text: labelOf(directionChoices, data.FieldDirection), choices: directionChoices()},
		column{title: "Base year", width: 70, field: data.FieldBaselineYear, text: textOf(data.FieldBaselineYear)},
		column{title: "Target year", width: 70, field: data.FieldTargetYear, text: textOf(data.FieldTargetYear)},
		column{title: "Target kind", width: 90, field: data.FieldTargetKind, text: labelOf(targetKindChoices, data.FieldTargetKind), choices: targetKindChoices()},
		column{title: "As of", width: 80, field: data.FieldMidtermAsOf, text: textOf(data.FieldMidtermAsOf)},
		column{title: "Note", width: 160, field: data.FieldNote, text: textOf(data.FieldNote)},
	)
}
