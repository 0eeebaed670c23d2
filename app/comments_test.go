package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
	"plandesk/reviewdoc"
)

// settle drops what the window said before an action, then waits for
// the action's own rest: the wait cannot return on an earlier one while
// the action's loads are still being applied (the test driver applies
// them on their own goroutines).
func (d *testDesk) settle(t *testing.T, action func()) {
	t.Helper()
	for {
		select {
		case <-d.settled:
			continue
		default:
		}
		break
	}
	action()
	d.waitQuiet(t)
}

// writeInDialog types text into the open dialog's comment box and taps
// its button labelled button.
func (d *testDesk) writeInDialog(t *testing.T, text, button string) {
	t.Helper()
	top := d.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	var box *widget.Entry
	for _, e := range find[*widget.Entry](top) {
		if e.MultiLine {
			box = e
		}
	}
	if box == nil {
		t.Fatalf("the dialog has no comment box; it shows:\n%s", visibleText(top))
	}
	box.SetText(text)
	for _, b := range find[*widget.Button](top) {
		if b.Text == button {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("the dialog has no %q button; it shows:\n%s", button, visibleText(top))
}

// TestCommentFromCtrlAltMToMarginPaneAndUndo: Ctrl+Alt+M on a section
// asks for a comment; once added it is stored under the reviewer's name,
// shown in the page's margin, listed in the review pane and counted on
// the overview; its state is set from the pane's card, its anchor line
// opens its section, and Ctrl+Z takes back the state, then the comment.
func TestCommentFromCtrlAltMToMarginPaneAndUndo(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "comments.db"))
	d.wait(t)
	d.toSections(t)
	section := d.screen.Current()
	d.win.Canvas().(fyne.Shortcutable).TypedShortcut(commentShortcut)
	d.settle(t, func() { d.writeInDialog(t, "请补充数据来源", "添加") })

	list, err := d.store.Comments(d.report.ID)
	if err != nil || len(list) != 1 {
		t.Fatalf("stored comments: %+v, %v", list, err)
	}
	c := list[0]
	if c.Anchor != plan.AnchorSection || c.SectionID != section || c.Reviewer != "测试审阅人" || c.State != plan.CommentOpen || c.Kind != plan.KindRemark {
		t.Errorf("stored comment = %+v", c)
	}
	assertShows(t, d.win, "请补充数据来源")
	assertShows(t, d.win, "本节")

	d.settle(t, func() { d.tabs.SelectIndex(tabReview) })
	if shown := d.review.Shown(); len(shown) != 1 || shown[0].ID != c.ID {
		t.Fatalf("review pane lists %+v", shown)
	}
	if got := d.review.Summary(); !strings.Contains(got, "1 条意见待处理") {
		t.Errorf("pane summary %q", got)
	}
	var state *widget.Select
	for _, s := range find[*widget.Select](d.review) {
		if len(s.Options) == 4 && s.Selected == "待处理" {
			state = s
		}
	}
	if state == nil {
		t.Fatal("the pane's card has no state choice")
	}
	d.settle(t, func() { state.SetSelected("已解决") })
	if got, _ := d.store.Comment(c.ID); got.State != plan.CommentResolved {
		t.Errorf("state stored %q, want resolved", got.State)
	}
	if got := d.review.Summary(); !strings.Contains(got, "0 条意见待处理") {
		t.Errorf("pane summary after resolving: %q", got)
	}
	d.settle(t, func() { d.tabs.SelectIndex(tabOverview) })
	if got := d.overview.ReviewLine(); !strings.Contains(got, "0 条意见待处理") {
		t.Errorf("overview line %q", got)
	}

	// The card's anchor line opens the comment's section.
	d.settle(t, func() { d.screen.ShowSection(d.screen.Outline().Next(section)) })
	d.tabs.SelectIndex(tabReview)
	d.settle(t, func() {
		for _, b := range find[*widget.Button](d.review) {
			if strings.HasPrefix(b.Text, "本节") {
				test.Tap(b)
			}
		}
	})
	if d.tabs.SelectedIndex() != tabSections || d.screen.Current() != section {
		t.Errorf("the anchor opened tab %d section %d, want the sections tab at %d", d.tabs.SelectedIndex(), d.screen.Current(), section)
	}

	d.settle(t, d.undo)
	if got, _ := d.store.Comment(c.ID); got.State != plan.CommentOpen {
		t.Errorf("after Ctrl+Z the state is %q", got.State)
	}
	d.settle(t, d.undo)
	if list, _ := d.store.Comments(d.report.ID); len(list) != 0 {
		t.Errorf("after the second Ctrl+Z %d comments remain", len(list))
	}
	if got := visibleText(d.win.Content()); strings.Contains(got, "请补充数据来源") {
		t.Error("the margin still shows the comment undone")
	}
}

// TestCtrlPWritesTheReviewReportAndOpensIt: Ctrl+P writes the review
// report as a PDF into PlanDesk's cache folder and says it is open in the
// viewer; the export writes a .docx where it is asked to.
func TestCtrlPWritesTheReviewReportAndOpensIt(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	d := newTestDesk(t, filepath.Join(t.TempDir(), "print.db"))
	d.wait(t)
	d.win.Canvas().(fyne.Shortcutable).TypedShortcut(printShortcut)
	d.waitQuiet(t)
	pdfs, _ := filepath.Glob(filepath.Join(os.Getenv("XDG_CACHE_HOME"), "PlanDesk", "print", "*.pdf"))
	if len(pdfs) != 1 {
		t.Fatalf("Ctrl+P wrote %v", pdfs)
	}
	if b, err := os.ReadFile(pdfs[0]); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("%s is not a PDF: %v", pdfs[0], err)
	}
	if !strings.Contains(d.status.Text, pdfs[0]) {
		t.Errorf("status %q", d.status.Text)
	}
	out := filepath.Join(t.TempDir(), "审阅.docx")
	d.writeReviewReport(out, reviewdoc.DOCX, func() {})
	d.waitQuiet(t)
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("the .docx export: %v", err)
	}
}
