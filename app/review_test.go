package app

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
)

// TestCtrlEnterMarksAndMovesToTheNextUnreviewed: Ctrl+Enter marks the
// section on screen 已审阅 and opens the next one not yet reviewed,
// skipping those reviewed already; Ctrl+Z takes the mark back.
func TestCtrlEnterMarksAndMovesToTheNextUnreviewed(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "review.db"))
	d.wait(t)
	d.toSections(t)
	first := d.screen.Current()
	o := d.screen.Outline()
	second := o.Next(first)
	third := o.Next(second)
	if _, err := d.store.SetSectionReview(second, plan.ReviewNeedsChanges, "张三"); err != nil {
		t.Fatal(err)
	}
	d.screen.SetReviews(map[int64]string{second: plan.ReviewNeedsChanges})

	d.win.Canvas().(fyne.Shortcutable).TypedShortcut(reviewShortcut)
	d.waitQuiet(t)
	if got := d.screen.ReviewState(first); got != plan.ReviewDone {
		t.Errorf("the section left is %q, want reviewed", got)
	}
	if got := d.screen.Current(); got != third {
		t.Errorf("Ctrl+Enter opened %d, want %d (the next one is marked 需修改)", got, third)
	}
	o2, err := d.store.Overview(d.report.ID)
	if err != nil || o2.Reviews.Reviewed() != 2 {
		t.Errorf("stored: %d reviewed, %v", o2.Reviews.Reviewed(), err)
	}

	// In a cell being edited Ctrl+Enter is the cell's: nothing is marked.
	d.screen.Table().Select(widget.TableCellID{Row: 0, Col: 0})
	d.screen.Table().StartEdit()
	cell := d.win.Canvas().Focused()
	if _, ok := cell.(interface{ SelectedText() string }); !ok {
		t.Fatalf("editing a cell focuses %T", cell)
	}
	d.win.Canvas().(fyne.Shortcutable).TypedShortcut(reviewShortcut)
	select {
	case <-d.settled:
		t.Fatal("Ctrl+Enter in a cell made a change")
	case <-time.After(300 * time.Millisecond):
	}
	if got := d.screen.ReviewState(third); got != plan.ReviewNone || d.screen.Current() != third {
		t.Fatalf("Ctrl+Enter in a cell marked %q and moved to %d", got, d.screen.Current())
	}
	cell.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	d.win.Canvas().Unfocus()

	d.undo()
	d.waitQuiet(t)
	if got := d.screen.ReviewState(first); got != plan.ReviewNone {
		t.Errorf("after Ctrl+Z the section is %q, want not reviewed", got)
	}
	if got := d.status.Text; got != messages.Replayed(true, plan.Change{{SectionID: first, Action: plan.ActionEdit, Field: plan.FieldReview, OldText: plan.ReviewNone, NewText: plan.ReviewDone}}) {
		t.Errorf("status after undo: %q", got)
	}
}

// TestReviewerNameIsAskedAtTheFirstEdit: without a remembered name the
// first change asks for one, offering the system account's; the name
// given is remembered, recorded with the change and shown in the status
// line, and the next change asks nothing.
func TestReviewerNameIsAskedAtTheFirstEdit(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "name.db"))
	d.app.Preferences().RemoveValue(prefReviewer)
	d.wait(t)
	d.toSections(t)
	id := d.screen.Current()

	answer := make(chan error, 1)
	d.history.SetSectionReview(id, plan.ReviewDone, func(_ plan.Change, err error) { answer <- err })
	if d.nameDialog == nil {
		t.Fatal("the first change asked for no name")
	}
	if got := d.nameEntry.Text; got != osUserName() || got == "" {
		t.Errorf("the name offered is %q, want the account's %q", got, osUserName())
	}
	d.nameEntry.SetText("王五")
	d.nameDialog.Submit()
	if err := d.answer(t, answer); err != nil {
		t.Fatal(err)
	}
	d.waitQuiet(t)
	if got := d.app.Preferences().String(prefReviewer); got != "王五" {
		t.Errorf("remembered %q", got)
	}
	history, err := d.store.SectionRevisions(id)
	if err != nil || len(history) != 1 || history[0].Reviewer != "王五" {
		t.Fatalf("recorded: %+v, %v", history, err)
	}
	if got := d.reviewer.Text; got != "审阅人：王五" {
		t.Errorf("status line says %q", got)
	}

	asked := d.nameDialog
	if err := d.edit(t, mustFirstIndicator(t, d), plan.FieldNote, "已核"); err != nil {
		t.Fatal(err)
	}
	if d.nameDialog != asked {
		t.Error("the second change asked for the name again")
	}
}

// mustFirstIndicator is the id of the shipped report's first indicator.
func mustFirstIndicator(t *testing.T, d *testDesk) int64 {
	t.Helper()
	list, err := d.store.Indicators(d.report.ID)
	if err != nil || len(list) == 0 {
		t.Fatalf("indicators: %d, %v", len(list), err)
	}
	return list[0].ID
}
