package views

import (
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"plandesk/icons"
	"plandesk/plan"
	"plandesk/store"
)

// reviewFixture is a report screen whose review marks go to a real store
// and come back through the signals, as the window wires them.
type reviewFixture struct {
	*screenFixture
	store   *store.Store
	signals *Signals
}

func newReviewFixture(t *testing.T) *reviewFixture {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := seededStore(t)
	f := &reviewFixture{store: st, signals: NewSignals(), screenFixture: &screenFixture{
		screen: NewReportScreen(st, nopEditor{}), shown: make(chan int64, 16), report: report}}
	f.screen.OnSectionShown = func(_, id int64) { f.shown <- id }
	f.screen.OnError = func(err error) { t.Errorf("screen error: %v", err) }
	f.screen.Follow(f.signals)
	f.screen.OnReview = func(id int64, state string) {
		c, err := st.SetSectionReview(id, state, "张三")
		if err != nil {
			t.Errorf("SetSectionReview: %v", err)
			return
		}
		f.signals.ReviewsChanged.Emit(ReviewsChange{ReportID: report.ID, States: map[int64]string{id: c[0].NewText}})
	}
	f.win = test.NewTempWindow(t, f.screen)
	f.win.Resize(fyne.NewSize(1100, 700))
	f.screen.LoadReport(report.ID, 0)
	f.wait(t)
	return f
}

// row is the tree's drawn row of section id, or nil when it is not drawn.
func (f *reviewFixture) row(id int64) *outlineRow {
	for _, o := range test.LaidOutObjects(f.screen.tree) {
		if r, ok := o.(*outlineRow); ok && r.id == id && r.Visible() {
			return r
		}
	}
	return nil
}

// TestTreeIconFollowsTheReviewState: a mark set on the page shows in the
// tree at once, and the tree's context menu sets another.
func TestTreeIconFollowsTheReviewState(t *testing.T) {
	f := newReviewFixture(t)
	id := f.screen.Current()
	row := f.row(id)
	if row == nil || row.icon.Resource != nil {
		t.Fatalf("an unreviewed row: %+v, want no mark", row)
	}
	test.Tap(f.screen.page.review.buttons[1]) // 已审阅
	if got := f.screen.ReviewState(id); got != plan.ReviewDone {
		t.Fatalf("after tapping Reviewed: %q", got)
	}
	if r := f.row(id); r == nil || r.icon.Resource == nil || r.icon.Resource.Name() != reviewIcon(plan.ReviewDone).Name() {
		t.Errorf("the tree's mark after Reviewed: %+v", r.icon.Resource)
	}
	if b := f.screen.page.review.buttons[1]; b.Importance != widget.HighImportance {
		t.Errorf("the Reviewed button does not stand out: %v", b.Importance)
	}

	// The context menu of another row ticks its state and sets another.
	other := f.screen.outline.Next(id)
	f.row(other).TappedSecondary(&fyne.PointEvent{})
	if f.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no context menu")
	}
	menu := reviewMenu(plan.ReviewNone, func(state string) { f.screen.setReview(other, state) }, nil)
	if !menu.Items[0].Checked || menu.Items[2].Checked {
		t.Error("the menu does not tick the section's state")
	}
	menu.Items[2].Action() // 需修改
	if r := f.row(other); r == nil || r.icon.Resource.Name() != reviewIcon(plan.ReviewNeedsChanges).Name() {
		t.Errorf("the tree's mark after Needs changes: %+v", r)
	}

	// An undo says only that states changed: the screen reads them again.
	history, _ := f.store.SectionRevisions(other)
	if _, err := f.store.Revert(plan.Change{history[0]}, "张三"); err != nil {
		t.Fatal(err)
	}
	loaded := make(chan struct{}, 1)
	f.screen.OnReviewsShown = func() { loaded <- struct{}{} }
	f.signals.ReviewsChanged.Emit(ReviewsChange{ReportID: f.report.ID})
	select {
	case <-loaded:
	case <-time.After(5 * time.Second):
		t.Fatal("the states were never read again")
	}
	if got := f.screen.ReviewState(other); got != plan.ReviewNone {
		t.Errorf("after the undo: %q", got)
	}
	if r := f.row(other); r == nil || r.icon.Resource != nil {
		t.Errorf("after the undo the mark stays: %+v", r)
	}
}

// TestOverviewShowsReviewProgress: 已审阅 N/M 节, with the sections that
// need changes, over a bar.
func TestOverviewShowsReviewProgress(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := seededStore(t)
	sections, err := st.Sections(report.ID)
	if err != nil {
		t.Fatal(err)
	}
	for i, state := range []string{plan.ReviewDone, plan.ReviewNeedsChanges, plan.ReviewDone} {
		if _, err := st.SetSectionReview(sections[i].ID, state, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	s := NewOverviewScreen(st)
	shown := make(chan struct{}, 1)
	s.OnShown = func() { shown <- struct{}{} }
	s.OnError = func(err error) { t.Error(err) }
	test.NewTempWindow(t, s)
	s.Load(report.ID)
	<-shown
	want := "Reviewed 3/" + strconv.Itoa(len(sections)) + " sections · 1 need changes"
	if got := s.ReviewLine(); got != want {
		t.Errorf("review line %q, want %q", got, want)
	}
	if s.reviews.bar.Value != 3 || s.reviews.bar.Max != float64(len(sections)) {
		t.Errorf("bar %v of %v", s.reviews.bar.Value, s.reviews.bar.Max)
	}
}
