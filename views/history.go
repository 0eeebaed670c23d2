package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
)

// FieldLabel is a field's name in the UI language.
func FieldLabel(f plan.Field) string {
	labels := map[plan.Field]string{
		plan.FieldName: "Indicator", plan.FieldUnit: "Unit", plan.FieldAttribute: "Attribute",
		plan.FieldDirection: "Direction", plan.FieldBaseline: "Baseline", plan.FieldBaselineYear: "Base year",
		plan.FieldTarget: "Target", plan.FieldTargetYear: "Target year", plan.FieldTargetKind: "Target kind",
		plan.FieldMidterm: "Mid-term", plan.FieldMidtermAsOf: "As of", plan.FieldNote: "Note",
		plan.FieldState: "Confirmation", plan.FieldStatus: "Status",
	}
	if l, ok := labels[f]; ok {
		return lang.L(l)
	}
	return string(f)
}

// NewHistoryList lists revisions, newest first: when, who, which indicator
// and what changed. name gives an indicator's name by id.
func NewHistoryList(revisions []plan.Revision, name func(id int64) string) fyne.CanvasObject {
	if len(revisions) == 0 {
		return widget.NewLabel(lang.L("No changes yet."))
	}
	list := widget.NewList(
		func() int { return len(revisions) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(RevisionText(revisions[i], name(revisions[i].IndicatorID)))
		})
	return list
}

// RevisionText describes one revision on one line.
func RevisionText(r plan.Revision, indicator string) string {
	when := r.At.Local().Format("2006-01-02 15:04:05")
	who := r.Reviewer
	if who == "" {
		who = "—"
	}
	var what string
	switch r.Action {
	case plan.ActionCreate:
		what = lang.L("added")
	case plan.ActionDelete:
		what = lang.L("deleted")
	default:
		what = fmt.Sprintf("%s: %s → %s", FieldLabel(r.Field), shown(r.OldText), shown(r.NewText))
	}
	return fmt.Sprintf("%s  %s  《%s》 %s", when, who, indicator, what)
}

func shown(s string) string {
	if s == "" {
		return lang.L("(empty)")
	}
	return s
}
