package views

import (
	"fmt"

	"plandesk/messages"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
)

// NewHistoryList lists revisions, newest first: when, who, which indicator
// or project and what changed. name gives the name of what a revision
// changed.
func NewHistoryList(revisions []plan.Revision, name func(r plan.Revision) string) fyne.CanvasObject {
	if len(revisions) == 0 {
		return widget.NewLabel(lang.L("No changes yet."))
	}
	list := widget.NewList(
		func() int { return len(revisions) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(RevisionText(revisions[i], name(revisions[i])))
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
	case plan.ActionRemoveReport:
		what = lang.L("report deleted")
	case plan.ActionReplaceText:
		what = lang.L("new text: {{.Old}} → {{.New}}", map[string]any{"Old": r.OldText, "New": r.NewText})
	case plan.ActionMove:
		what = messages.MoveText(r)
	case plan.ActionEdit:
		if r.CommentID != 0 {
			what = messages.CommentEditText(r)
			break
		}
		if r.ProjectID != 0 {
			what = messages.ProjectEditText(r)
			break
		}
		fallthrough
	default:
		what = fmt.Sprintf("%s: %s → %s", messages.FieldLabel(r.Field), messages.ShownField(r.Field, r.OldText), messages.ShownField(r.Field, r.NewText))
	}
	switch r.Replay {
	case plan.ReplayUndo:
		what = lang.L("undo") + " · " + what
	case plan.ReplayRedo:
		what = lang.L("redo") + " · " + what
	}
	return fmt.Sprintf("%s  %s  《%s》 %s", when, who, indicator, what)
}
