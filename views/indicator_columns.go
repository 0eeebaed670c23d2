package views

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2/lang"

	"plandesk/messages"
	"plandesk/plan"
)

// column is one column of an indicator table: its header, width, the field
// a cell edits (none for computed columns) and how a cell shows its row.
type column struct {
	title   string
	width   float32
	field   plan.Field
	text    func(ind *plan.Indicator) string
	choices []messages.Choice // an enumerated field is edited from a menu
}

// editable reports whether cells of the column can be edited.
func (c column) editable() bool { return c.field != "" && c.field != plan.FieldStatus }

func textOf(f plan.Field) func(*plan.Indicator) string {
	return func(ind *plan.Indicator) string { return ind.Get(f) }
}

// labelOf shows an enumerated value by its menu label.
func labelOf(f plan.Field) func(*plan.Indicator) string {
	return func(ind *plan.Indicator) string { return messages.ChoiceLabel(f, ind.Get(f)) }
}

// kindText is the target kind: the one set, or the one the target's text
// says, marked as read from the text so the reviewer knows to check it.
func kindText(ind *plan.Indicator) string {
	if ind.TargetKind != "" {
		return messages.ChoiceLabel(plan.FieldTargetKind, ind.TargetKind)
	}
	if k := ind.Kind(); k != "" && ind.Target != "" {
		return lang.L("{{.Kind}} (from the text)", map[string]any{"Kind": messages.ChoiceLabel(plan.FieldTargetKind, k)})
	}
	return ""
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
		{title: "Status", width: 200, field: plan.FieldStatus, text: messages.StatusCell},
		{title: "Outlook", width: 250, text: messages.OutlookCell},
	}
}

// allColumns are the columns of the all-indicators page: the section
// table's columns first, so values and status show without scrolling.
func allColumns(sectionHeading func(id int64) string) []column {
	cols := []column{{title: "Section", width: 170, text: func(ind *plan.Indicator) string { return sectionHeading(ind.SectionID) }}}
	cols = append(cols, sectionColumns()...)
	return append(cols,
		column{title: "Progress", width: 70, text: progressText},
		column{title: "Attribute", width: 90, field: plan.FieldAttribute, text: labelOf(plan.FieldAttribute), choices: messages.Choices(plan.FieldAttribute)},
		column{title: "Direction", width: 90, field: plan.FieldDirection, text: labelOf(plan.FieldDirection), choices: messages.Choices(plan.FieldDirection)},
		column{title: "Base year", width: 70, field: plan.FieldBaselineYear, text: textOf(plan.FieldBaselineYear)},
		column{title: "Target year", width: 70, field: plan.FieldTargetYear, text: textOf(plan.FieldTargetYear)},
		column{title: "Target kind", width: 130, field: plan.FieldTargetKind, text: kindText, choices: messages.Choices(plan.FieldTargetKind)},
		column{title: "Judgement", width: 90, field: plan.FieldManualStatus, text: labelOf(plan.FieldManualStatus), choices: messages.Choices(plan.FieldManualStatus)},
		column{title: "As of", width: 80, field: plan.FieldMidtermAsOf, text: textOf(plan.FieldMidtermAsOf)},
		column{title: "Note", width: 160, field: plan.FieldNote, text: textOf(plan.FieldNote)},
	)
}
