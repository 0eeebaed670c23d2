package app

import (
	"os"
	"os/user"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
	"plandesk/views"
)

// reviewStore is what the undo history needs from the store to mark
// sections; Revert and Reapply (indicatorStore) undo and redo the marks.
type reviewStore interface {
	SetSectionReview(sectionID int64, state, reviewer string) (plan.Change, error)
}

// SetSectionReview marks a section 未审阅, 已审阅 or 需修改 in its own
// transaction and revision, on the undo stack with every other change.
func (h *undoHistory) SetSectionReview(sectionID int64, state string, done func(plan.Change, error)) {
	h.named(func() {
		if err := h.lockedBy(); err != nil {
			done(nil, err)
			return
		}
		reviewer := h.reviewer()
		var c plan.Change
		h.jobs.run(func() (err error) {
			c, err = h.reviews.SetSectionReview(sectionID, state, reviewer)
			if err == nil {
				h.pushDone(c)
			}
			return err
		}, func(err error) {
			done(c, err)
			if err == nil && len(c) > 0 && h.reviewsChanged != nil {
				h.reviewsChanged(views.ReviewsChange{ReportID: c[0].ReportID, States: map[int64]string{sectionID: c[0].NewText}})
			}
		})
	})
}

// named runs then once the reviewer has given a name, asking for it first
// at the first change of a session without one (askName).
func (h *undoHistory) named(then func()) {
	if h.askName == nil {
		then()
		return
	}
	h.askName(then)
}

// notifyReviews tells the screens that review states changed (an undo or
// redo of marks); they read them again.
func (h *undoHistory) notifyReviews(c views.ReviewsChange) {
	if h.reviewsChanged != nil {
		h.reviewsChanged(c)
	}
}

// onReviewsChanged tells the screens that a mark is on the disk.
func (d *desk) onReviewsChanged(c views.ReviewsChange) {
	if d.signals == nil {
		return
	}
	d.signals.ReviewsChanged.Emit(c)
	if len(c.States) > 0 {
		d.notifySettled()
	}
}

// setReview marks a section, as its page, the tree's context menu or the
// Review menu asks; then, if set, runs once the mark is on the disk.
func (d *desk) setReview(sectionID int64, state string, then func()) {
	if d.store == nil || sectionID == 0 || d.presentingNow() {
		return
	}
	d.history.SetSectionReview(sectionID, state, func(_ plan.Change, err error) {
		if err != nil {
			d.showTitledError(lang.L("Cannot set the review state"), err)
			return
		}
		if then != nil {
			then()
		}
	})
}

// markReviewedNext (Ctrl+Enter) marks the section on screen 已审阅 and
// opens the next one not yet reviewed, or says that none is left.
func (d *desk) markReviewedNext() {
	id := d.screen.Current()
	if d.tabs == nil || id == 0 || d.editingText() {
		return
	}
	d.setReview(id, plan.ReviewDone, func() {
		next := d.screen.NextUnreviewed()
		if next == 0 {
			d.status.SetText(lang.L("Every section is reviewed."))
			d.notifySettled()
			return
		}
		d.showSectionsTab(next)
		d.screen.ShowSection(next)
	})
}

// editingText reports whether a text field has the keyboard focus. The
// menu's shortcuts reach the window before the field; Ctrl+Enter must not
// take the page away from a cell being edited.
func (d *desk) editingText() bool {
	_, ok := d.win.Canvas().Focused().(interface{ SelectedText() string })
	return ok
}

// reviewMenu holds the marks of the section on screen.
func (d *desk) reviewMenu() *fyne.Menu {
	next := fyne.NewMenuItem(lang.L("Mark reviewed and go to the next unreviewed"), d.markReviewedNext)
	next.Shortcut = reviewShortcut
	mark := func(state string) *fyne.MenuItem {
		return fyne.NewMenuItem(messages.ReviewLabel(state), func() { d.setReview(d.screen.Current(), state, nil) })
	}
	comment := fyne.NewMenuItem(lang.L("Add comment…"), d.addCommentHere)
	comment.Shortcut = commentShortcut
	return fyne.NewMenu(lang.L("Review"), comment, fyne.NewMenuItemSeparator(), next, fyne.NewMenuItemSeparator(),
		mark(plan.ReviewDone), mark(plan.ReviewNeedsChanges), mark(plan.ReviewNone))
}

// commentShortcut is Ctrl+Alt+M, as in Word and WPS.
var commentShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyM, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierAlt}

// addCommentHere (Ctrl+Alt+M) asks for a comment on what the reviewer
// points at in the section on screen: the selected text, else the
// selected indicator, else the section.
func (d *desk) addCommentHere() {
	if d.tabs == nil || d.presentingNow() {
		return
	}
	draft, ok := d.screen.CommentDraft()
	if !ok {
		return
	}
	d.showSectionsTab(draft.SectionID)
	commentActions{d}.NewComment(draft)
}

// reviewShortcut is Ctrl+Enter (Cmd+Enter on a Mac).
var reviewShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyReturn, Modifier: fyne.KeyModifierShortcutDefault}

// addReviewShortcut lets Ctrl+Enter mark and move on whatever has the
// focus outside a field.
func (d *desk) addReviewShortcut() {
	d.win.Canvas().AddShortcut(reviewShortcut, func(fyne.Shortcut) { d.markReviewedNext() })
	d.win.Canvas().AddShortcut(commentShortcut, func(fyne.Shortcut) { d.addCommentHere() })
}

// osUserName is the name the reviewer dialog offers first: the system
// account's, else $USER (or %USERNAME% on Windows).
func osUserName() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if name := os.Getenv("USER"); name != "" {
		return name
	}
	return os.Getenv("USERNAME")
}

// askNameOnce asks for the reviewer's name before the first change of a
// session when none is remembered yet, offering the system account's;
// OK remembers it, Later keeps the account's name for this session and
// asks again at the next start. then runs after either.
func (d *desk) askNameOnce(then func()) {
	if d.nameAsked || d.app.Preferences().String(prefReviewer) != "" {
		then()
		return
	}
	d.nameAsked = true
	entry := widget.NewEntry()
	entry.SetText(osUserName())
	dlg := dialog.NewForm(lang.L("Reviewer"), lang.L("OK"), lang.L("Later"), []*widget.FormItem{
		{Text: lang.L("Name"), Widget: entry, HintText: lang.L("Recorded with every change you make; change it in Settings.")},
	}, func(ok bool) {
		if ok && entry.Text != "" {
			d.app.Preferences().SetString(prefReviewer, entry.Text)
			d.showReviewer()
		}
		then()
	}, d.win)
	entry.OnSubmitted = func(string) { dlg.Submit() }
	dlg.Resize(fyne.NewSize(480, 200))
	d.nameDialog, d.nameEntry = dlg, entry
	dlg.Show()
	d.win.Canvas().Focus(entry)
	d.notifySettled()
}

// useReviews lets the section page and the tree mark sections.
func (d *desk) useReviews() {
	d.screen.OnReview = func(id int64, state string) { d.setReview(id, state, nil) }
	d.screen.OnReviewsShown = d.notifySettled
}

// statusLine is the window's bottom line: what Undo or Redo did (d.status),
// and at its right end who changes are recorded under.
func (d *desk) statusLine() fyne.CanvasObject {
	d.reviewer = &widget.Label{Importance: widget.LowImportance}
	d.showReviewer()
	return container.NewBorder(nil, nil, nil, d.reviewer, d.status)
}

// showReviewer puts the reviewer's name in the status line.
func (d *desk) showReviewer() {
	if d.reviewer != nil {
		d.reviewer.SetText(messages.ReviewerLine(d.reviewerName()))
	}
}

// sectionName is how the history names a section whose mark changed.
func sectionName(o plan.Outline, id int64) string {
	if s, ok := o.Section(id); ok {
		return messages.Heading(s.Heading())
	}
	return lang.L("deleted section")
}
