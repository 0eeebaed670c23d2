package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
	"plandesk/views"
)

// commentStore is what the undo history needs from the store for
// comments; Revert and Reapply (indicatorStore) undo and redo them too.
type commentStore interface {
	AddComment(c plan.Comment, reviewer string) (plan.Comment, plan.Change, error)
	EditComment(id int64, f plan.Field, text, reviewer string) (plan.Comment, plan.Change, error)
	DeleteComment(id int64, reviewer string) (plan.Change, error)
}

// errNoComments is returned by a comment change when the history has no
// store for comments (never in the window, which always gives one).
var errNoComments = errors.New("no store for comments")

// AddComment stores a comment or a reply under the reviewer's name, its
// own transaction and revision, on the undo stack; done gets it as stored.
func (h *undoHistory) AddComment(c plan.Comment, done func(plan.Comment, error)) {
	var added plan.Comment
	h.commentChange(func(reviewer string) (change plan.Change, err error) {
		added, change, err = h.comments.AddComment(c, reviewer)
		return change, err
	}, func(err error) { done(added, err) })
}

// EditComment sets a field of a comment (its text, kind, state or proposed
// wording).
func (h *undoHistory) EditComment(id int64, f plan.Field, text string, done func(plan.Comment, error)) {
	var edited plan.Comment
	h.commentChange(func(reviewer string) (change plan.Change, err error) {
		edited, change, err = h.comments.EditComment(id, f, text, reviewer)
		return change, err
	}, func(err error) { done(edited, err) })
}

// DeleteComment deletes a comment, a thread with its replies; Undo brings
// them back.
func (h *undoHistory) DeleteComment(id int64, done func(error)) {
	h.commentChange(func(reviewer string) (plan.Change, error) {
		return h.comments.DeleteComment(id, reviewer)
	}, done)
}

// commentChange runs a write of comments in the background, pushes its
// change on the undo stack and tells the screens once it is on the disk.
func (h *undoHistory) commentChange(write func(reviewer string) (plan.Change, error), done func(error)) {
	if h.comments == nil {
		done(errNoComments)
		return
	}
	var c plan.Change
	h.namedWrite(func(reviewer string) (err error) {
		c, err = write(reviewer)
		if err == nil {
			h.pushDone(c)
		}
		return err
	}, func(err error) {
		done(err)
		if err == nil && len(c) > 0 {
			h.notifyComments(views.CommentsChange{ReportID: c[0].ReportID})
		}
	})
}

func (h *undoHistory) notifyComments(c views.CommentsChange) {
	if h.commentsChanged != nil {
		h.commentsChanged(c)
	}
}

// onCommentsChanged tells the screens that a change of comments is on the
// disk. The window comes to rest when the section page has read its
// comments again (OnCommentsShown), and the review pane or the overview,
// if shown, theirs.
func (d *desk) onCommentsChanged(c views.CommentsChange) {
	if d.signals == nil {
		return
	}
	d.signals.CommentsChanged.Emit(c)
}

// commentActions are the desk's answers to what the screens ask of
// comments (views.CommentActions): dialogs to write them, then the undo
// history to store them.
type commentActions struct{ d *desk }

// NewComment asks for a comment on draft's anchor: its kind, its text, and
// for a 建议修改 the wording proposed.
func (a commentActions) NewComment(draft plan.Comment) {
	d := a.d
	if d.store == nil || d.presentingNow() {
		return
	}
	draft.ReportID = d.report.ID
	form := newCommentForm(draft)
	dlg := dialog.NewForm(lang.L("Add comment"), lang.L("Add"), lang.L("Cancel"), form.items(), func(ok bool) {
		if !ok {
			return
		}
		c := form.comment()
		d.history.AddComment(c, func(_ plan.Comment, err error) {
			if err != nil {
				d.showTitledError(lang.L("Cannot add the comment"), err)
				return
			}
			d.status.SetText(lang.L("Comment added. Undo (Ctrl+Z) takes it back."))
		})
	}, d.win)
	dlg.Resize(fyne.NewSize(640, 420))
	dlg.Show()
	d.win.Canvas().Focus(form.text)
}

// Reply asks for a reply to a thread.
func (a commentActions) Reply(thread plan.Comment) {
	d := a.d
	if d.store == nil || d.presentingNow() {
		return
	}
	text := newCommentEntry()
	dlg := dialog.NewForm(lang.L("Reply"), lang.L("Reply"), lang.L("Cancel"), []*widget.FormItem{
		{Text: lang.L("Comment"), Widget: widget.NewLabel(messages.Clip(thread.Text, 60))},
		{Text: lang.L("Reply"), Widget: text},
	}, func(ok bool) {
		if !ok {
			return
		}
		d.history.AddComment(plan.Comment{ParentID: thread.ID, Text: text.Text}, func(_ plan.Comment, err error) {
			if err != nil {
				d.showTitledError(lang.L("Cannot add the comment"), err)
			}
		})
	}, d.win)
	dlg.Resize(fyne.NewSize(600, 320))
	dlg.Show()
	d.win.Canvas().Focus(text)
}

// EditComment asks for a comment's new text (and a 建议修改's wording);
// each field changed is its own revision, undone together.
func (a commentActions) EditComment(c plan.Comment) {
	d := a.d
	if d.store == nil || d.presentingNow() {
		return
	}
	text := newCommentEntry()
	text.SetText(c.Text)
	items := []*widget.FormItem{{Text: lang.L("Comment"), Widget: text}}
	replacement := widget.NewEntry()
	if c.Kind == plan.KindChange {
		replacement.SetText(c.Replacement)
		items = append(items, &widget.FormItem{Text: lang.L("Proposed wording"), Widget: replacement})
	}
	dlg := dialog.NewForm(lang.L("Edit comment"), lang.L("Save"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		report := func(_ plan.Comment, err error) {
			if err != nil {
				d.showTitledError(lang.L("Cannot change the comment"), err)
			}
		}
		d.history.EditComment(c.ID, plan.FieldCommentText, text.Text, report)
		if c.Kind == plan.KindChange {
			d.history.EditComment(c.ID, plan.FieldReplacement, replacement.Text, report)
		}
	}, d.win)
	dlg.Resize(fyne.NewSize(600, 320))
	dlg.Show()
	d.win.Canvas().Focus(text)
}

// SetCommentState sets a thread's state at once (undoable).
func (a commentActions) SetCommentState(c plan.Comment, state string) {
	d := a.d
	d.history.EditComment(c.ID, plan.FieldCommentState, state, func(_ plan.Comment, err error) {
		if err != nil {
			d.showTitledError(lang.L("Cannot change the comment"), err)
			return
		}
		d.status.SetText(lang.L("Comment marked {{.State}}. Undo (Ctrl+Z) takes it back.", map[string]any{"State": messages.CommentStateLabel(state)}))
	})
}

// DeleteComment asks, then deletes a comment with its replies (undoable).
func (a commentActions) DeleteComment(c plan.Comment) {
	d := a.d
	if d.presentingNow() {
		return
	}
	dialog.ShowConfirm(lang.L("Delete comment"),
		lang.L("Delete the comment “{{.Text}}” and its replies? Undo (Ctrl+Z) brings them back.", map[string]any{"Text": messages.Clip(c.Text, 30)}),
		func(yes bool) {
			if !yes {
				return
			}
			d.history.DeleteComment(c.ID, func(err error) {
				if err != nil {
					d.showTitledError(lang.L("Cannot delete the comment"), err)
				}
			})
		}, d.win)
}

// commentForm is the fields of a new comment: its kind, its text, and the
// wording a 建议修改 proposes (shown only for that kind).
type commentForm struct {
	draft       plan.Comment
	kind        *widget.RadioGroup
	text        *widget.Entry
	replacement *widget.Entry
	kinds       []messages.Choice
}

func newCommentForm(draft plan.Comment) *commentForm {
	f := &commentForm{draft: draft, text: newCommentEntry(), replacement: widget.NewEntry(), kinds: messages.CommentKindChoices()}
	var labels []string
	for _, k := range f.kinds {
		labels = append(labels, k.Label)
	}
	f.kind = widget.NewRadioGroup(labels, f.onKind)
	f.kind.Horizontal = true
	f.kind.Required = true
	f.kind.SetSelected(labels[0])
	f.replacement.SetPlaceHolder(lang.L("The wording you propose instead"))
	return f
}

func (f *commentForm) items() []*widget.FormItem {
	return []*widget.FormItem{
		{Text: lang.L("On"), Widget: widget.NewLabel(messages.AnchorText(f.draft, true))},
		{Text: lang.L("Comment kind"), Widget: f.kind},
		{Text: lang.L("Comment"), Widget: f.text},
		{Text: lang.L("Proposed wording"), Widget: f.replacement},
	}
}

// onKind offers the proposed wording only for a 建议修改.
func (f *commentForm) onKind(label string) {
	if f.replacement == nil {
		return
	}
	if f.code(label) == plan.KindChange {
		f.replacement.Enable()
		if f.replacement.Text == "" {
			f.replacement.SetText(f.draft.Quote)
		}
	} else {
		f.replacement.Disable()
	}
}

func (f *commentForm) code(label string) string {
	for _, k := range f.kinds {
		if k.Label == label {
			return k.Value
		}
	}
	return plan.KindRemark
}

// comment is the draft with what was typed.
func (f *commentForm) comment() plan.Comment {
	c := f.draft
	c.Kind = f.code(f.kind.Selected)
	c.Text = f.text.Text
	if c.Kind == plan.KindChange {
		c.Replacement = f.replacement.Text
	}
	return c
}

// newCommentEntry is a box for a comment's text: a few lines, wrapping.
func newCommentEntry() *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(4)
	e.SetPlaceHolder(lang.L("Your comment"))
	return e
}

// buildReviewPane makes the review pane (Ctrl+4) and wires its jumps.
func (d *desk) buildReviewPane() {
	d.review = views.NewReviewPane(d.store, commentActions{d})
	d.review.Follow(d.signals)
	d.review.OnError = d.showError
	d.review.OnLoaded = d.notifySettled
	d.review.OnOpen = d.openComment
}

// openComment shows a comment's place: its section on the sections tab,
// its anchor marked and its card selected.
func (d *desk) openComment(c plan.Comment) {
	d.showSectionsTab(c.SectionID)
	d.screen.ShowComment(c)
}
