package views

import (
	"fmt"
	"strings"

	"plandesk/messages"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/sheet"
)

// NewImportPreview shows what importing a sheet will do before anything
// changes: a summary, then one line per row with its changes or, in red,
// its errors. Cells left out for a formula without a computed value are
// counted in the summary and named in their rows, in the warning colour.
func NewImportPreview(pl sheet.ImportPlan) fyne.CanvasObject {
	summary := &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}, Text: lang.L(
		"{{.Update}} rows update an indicator, {{.Create}} add one, {{.Same}} change nothing, {{.Errors}} have errors.",
		map[string]any{"Update": pl.Count(sheet.ImportUpdate), "Create": pl.Count(sheet.ImportCreate),
			"Same": pl.Count(sheet.ImportUnchanged), "Errors": pl.ErrorRows()})}
	if n := pl.SkippedCells(); n > 0 {
		summary.Importance = widget.WarningImportance
		summary.Text += "\n" + messages.SkippedSummary(n)
	}
	if pl.ErrorRows() > 0 {
		summary.Importance = widget.DangerImportance
		summary.Text += "\n" + lang.L("Nothing is imported until every error is corrected in the file.")
	}
	rows := pl.Rows
	list := widget.NewList(
		func() int { return len(rows) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			label := o.(*widget.Label)
			label.Importance = widget.MediumImportance
			switch {
			case len(rows[i].Errors) > 0:
				label.Importance = widget.DangerImportance
			case len(rows[i].Skipped) > 0:
				label.Importance = widget.WarningImportance
			}
			label.SetText(PlanRowText(rows[i]))
		})
	return container.NewBorder(summary, nil, nil, nil, list)
}

// PlanRowText describes what one row does, or what is wrong with it, and
// which of its cells are left out.
func PlanRowText(r sheet.PlanRow) string {
	text := planRowAction(r)
	if len(r.Errors) == 0 && len(r.Skipped) > 0 {
		text += "；" + messages.SkippedCells(r.Skipped)
	}
	return text
}

// planRowAction is the first part of PlanRowText.
func planRowAction(r sheet.PlanRow) string {
	prefix := lang.L("Row {{.Row}}", map[string]any{"Row": r.Row}) + "  《" + r.Name + "》 "
	if len(r.Errors) > 0 {
		msgs := make([]string, len(r.Errors))
		for i, e := range r.Errors {
			msgs[i] = messages.ExplainRow(e)
		}
		return prefix + strings.Join(msgs, "；")
	}
	switch r.Action {
	case sheet.ImportCreate:
		return prefix + lang.L("new indicator")
	case sheet.ImportUnchanged:
		return prefix + lang.L("unchanged")
	}
	changes := make([]string, len(r.Changes))
	for i, c := range r.Changes {
		changes[i] = fmt.Sprintf("%s: %s → %s", messages.FieldLabel(c.Field), messages.ShownField(c.Field, c.Old), messages.ShownField(c.Field, c.New))
	}
	return prefix + strings.Join(changes, "，")
}
