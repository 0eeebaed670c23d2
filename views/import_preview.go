package views

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
	"plandesk/sheet"
)

// NewImportPreview shows what importing a sheet will do before anything
// changes: a summary, then one line per row with its changes or, in red,
// its errors.
func NewImportPreview(pl sheet.ImportPlan) fyne.CanvasObject {
	summary := &widget.Label{Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}, Text: lang.L(
		"{{.Update}} rows update an indicator, {{.Create}} add one, {{.Same}} change nothing, {{.Errors}} have errors.",
		map[string]any{"Update": pl.Count(sheet.ImportUpdate), "Create": pl.Count(sheet.ImportCreate),
			"Same": pl.Count(sheet.ImportUnchanged), "Errors": pl.ErrorRows()})}
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
			if len(rows[i].Errors) > 0 {
				label.Importance = widget.DangerImportance
			}
			label.SetText(PlanRowText(rows[i]))
		})
	return container.NewBorder(summary, nil, nil, nil, list)
}

// PlanRowText describes what one row does, or what is wrong with it.
func PlanRowText(r sheet.PlanRow) string {
	prefix := lang.L("Row {{.Row}}", map[string]any{"Row": r.Row}) + "  《" + r.Name + "》 "
	if len(r.Errors) > 0 {
		msgs := make([]string, len(r.Errors))
		for i, e := range r.Errors {
			msgs[i] = ExplainRowError(e)
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
		changes[i] = fmt.Sprintf("%s: %s → %s", FieldLabel(c.Field), shown(c.Old), shown(c.New))
	}
	return prefix + strings.Join(changes, "，")
}

// ExplainRowError says which cell of an imported sheet is wrong and why.
func ExplainRowError(e *sheet.RowError) string {
	where := lang.L("column {{.Column}} (“{{.Text}}”)", map[string]any{"Column": e.Column, "Text": e.Text})
	var why string
	var fe *plan.FieldError
	switch {
	case errors.As(e.Err, &fe):
		why = ExplainEditError(fe)
	case errors.Is(e.Err, sheet.ErrBadIndicatorID):
		why = lang.L("the indicator id is not a whole number")
	case errors.Is(e.Err, sheet.ErrUnknownIndicator):
		why = lang.L("no indicator of this report has this id")
	case errors.Is(e.Err, sheet.ErrDuplicateIndicator):
		why = lang.L("the indicator appears in an earlier row too")
	case errors.Is(e.Err, sheet.ErrNoSection):
		why = lang.L("no section of this report has this heading")
	case errors.Is(e.Err, sheet.ErrAmbiguousSection):
		why = lang.L("several sections have this heading")
	case errors.Is(e.Err, sheet.ErrOtherSection):
		why = lang.L("the indicator is in another section; an import does not move indicators")
	default:
		why = e.Err.Error()
	}
	return where + "：" + why
}
