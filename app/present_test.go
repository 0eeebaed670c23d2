package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"plandesk/icons"
	"plandesk/plan"
	"plandesk/views"
)

func TestDeskPresentsReadOnlyAndComesBack(t *testing.T) {
	d := openDigitalEconomy(t, "present.db")
	section := d.screen.Current()
	ind := d.screen.Table().Rows()[0]
	content, menu := d.win.Content(), d.win.MainMenu()

	// Shift+F5 presents from the section on screen.
	d.presentFromHere()
	d.wait(t)
	show, ok := d.win.Content().(*views.Presentation)
	if !ok {
		t.Fatalf("window shows %T while presenting", d.win.Content())
	}
	if !d.win.FullScreen() || d.win.MainMenu() != nil || d.win.Padded() {
		t.Errorf("presenting: full screen %v, menu %v, padded %v; want full screen without menu or padding",
			d.win.FullScreen(), d.win.MainMenu() != nil, d.win.Padded())
	}
	if sec, _ := show.Deck().Section(show.Index()); sec.ID != section {
		t.Errorf("presentation starts at %s, want the section on screen", sec.Heading())
	}

	// Keys reach the presentation through the window.
	d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	d.onTypedRune('b')
	if show.Index() != 4 || show.Blanked() == nil {
		t.Errorf("PageDown then B: slide %d, blanked %v", show.Index()+1, show.Blanked())
	}
	d.onTypedRune('b')

	// Nothing can change while presenting: not an edit, an add, an undo.
	if err := d.edit(t, ind.ID, plan.FieldTarget, "300家"); err == nil {
		t.Error("an edit went through while presenting")
	}
	if err := d.add(t, plan.Indicator{ReportID: d.report.ID, SectionID: section, Name: "新"}); err == nil {
		t.Error("an add went through while presenting")
	}
	d.undo()
	d.addIndicator()
	if got, _ := d.store.Indicator(ind.ID); got.Target != "" {
		t.Errorf("target changed to %q during the presentation", got.Target)
	}
	if revs, _ := d.store.ReportRevisions(d.report.ID); len(revs) != 0 {
		t.Errorf("%d revisions written while presenting", len(revs))
	}
	if overlays := d.win.Canvas().Overlays().List(); len(overlays) != 0 {
		t.Errorf("%d dialogs opened over the slides", len(overlays))
	}
	// The lock is on screen.
	if !showsText(show, "演示中 · 只读") {
		t.Error("the read-only badge is not on the slide")
	}

	// Esc ends it: window, menu and section as before, at the last slide's section.
	d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	d.wait(t) // the section it ended on is shown
	if d.win.Content() != content || d.win.MainMenu() != menu || d.win.FullScreen() {
		t.Error("the window did not come back as it was")
	}
	last, _ := show.Deck().Section(show.Index())
	if d.screen.Current() != last.ID {
		t.Errorf("after the presentation the window shows section %d, want %s", d.screen.Current(), last.Heading())
	}
	if err := d.edit(t, ind.ID, plan.FieldTarget, "300家"); err != nil {
		t.Errorf("editing after the presentation: %v", err)
	}
}

func TestDeskPresentationKeepsZoomAndContrast(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "zoom.db"))
	d.wait(t)
	d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyF5})
	d.wait(t)
	show := d.win.Content().(*views.Presentation)
	if show.Index() != 0 {
		t.Errorf("F5 starts on slide %d, want the overview", show.Index()+1)
	}
	show.ZoomBy(views.ZoomStep)
	d.onTypedRune('c')
	d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	d.wait(t)
	got := d.slideStyle()
	if got.Zoom < 1.09 || got.Zoom > 1.11 || !got.HighContrast {
		t.Errorf("kept style %+v, want zoom 1.1 with high contrast", got)
	}
}

// showsText reports whether a canvas text in the tree reads want.
func showsText(o fyne.CanvasObject, want string) bool {
	switch v := o.(type) {
	case *canvas.Text:
		return v.Text == want
	case *fyne.Container:
		for _, c := range v.Objects {
			if showsText(c, want) {
				return true
			}
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			if showsText(c, want) {
				return true
			}
		}
	}
	return false
}

func TestDeskOverviewOpensSectionsAndIndicators(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "overview.db"))
	d.wait(t)
	o := d.overview.Overview()
	if o.Total != 24 {
		t.Fatalf("overview of the shipped report counts %d indicators, want 24", o.Total)
	}
	var seventh plan.SectionOverview
	for _, so := range o.Sections {
		if so.Section.Title == "公共服务持续完善" {
			seventh = so
		}
	}
	d.overview.OnSection(seventh.Section.ID)
	d.wait(t)
	if d.tabs.SelectedIndex() != tabSections || d.screen.Current() != seventh.Section.ID {
		t.Fatalf("clicking 7. shows tab %d, section %d", d.tabs.SelectedIndex(), d.screen.Current())
	}

	// An indicator of another section: its section opens with its row selected.
	var target plan.Indicator
	for _, ind := range o.Indicators {
		if ind.Name == "高新技术企业" {
			target = ind
		}
	}
	d.tabs.SelectIndex(tabOverview)
	d.wait(t)
	d.overview.OnIndicator(target)
	d.wait(t)
	if d.screen.Current() != target.SectionID {
		t.Fatalf("clicking %s shows section %d, want %d", target.Name, d.screen.Current(), target.SectionID)
	}
	if got, ok := d.screen.Table().Selected(); !ok || got.ID != target.ID {
		t.Errorf("selected row %q, want %q", got.Name, target.Name)
	}

	// A status card lists the indicators with that status.
	d.tabs.SelectIndex(tabOverview)
	d.wait(t)
	d.overview.OnStatus(plan.StatusUnknown)
	d.wait(t)
	if d.tabs.SelectedIndex() != tabAll || len(d.all.Table().Rows()) != 24 {
		t.Errorf("the unknown card shows tab %d with %d rows, want all 24 indicators", d.tabs.SelectedIndex(), len(d.all.Table().Rows()))
	}
	d.all.FilterStatus(plan.StatusLagging)
	if n := len(d.all.Table().Rows()); n != 0 {
		t.Errorf("%d lagging indicators listed; the shipped report has none", n)
	}
}

func TestDeskStartsPresentingWhenAsked(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(views.NewTheme(icons.FontRegular(), icons.FontBold(), views.VariantLight))
	d := &testDesk{desk: newDesk(a, filepath.Join(t.TempDir(), "start.db")), settled: make(chan struct{}, 16)}
	d.desk.settled = func() { d.settled <- struct{}{} }
	d.desk.redrawLater = func(fyne.CanvasObject) {}
	d.presentAtStart = 3 // plandesk present --slide 3
	t.Cleanup(d.close)
	d.start()
	var show *views.Presentation
	for range 4 {
		d.wait(t)
		if s, ok := d.win.Content().(*views.Presentation); ok {
			show = s
			break
		}
	}
	if show == nil {
		t.Fatal("plandesk present did not start the presentation")
	}
	if show.Index() != 2 {
		t.Errorf("presentation starts on slide %d, want 3", show.Index()+1)
	}
}

// TestF5PresentsFromEveryFocus: F5 starts the presentation with the focus
// on the section tree, on a table cell or in the search box, and PageDown
// turns the section from a table cell.
func TestF5PresentsFromEveryFocus(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "f5.db"))
	d.wait(t)
	d.toSections(t)
	d.screen.Next()
	d.wait(t)
	d.screen.Next() // 2.数字经济稳步发展, with a table
	d.wait(t)
	f5 := &fyne.KeyEvent{Name: fyne.KeyF5}
	focused := map[string]fyne.Focusable{
		"tree":  d.screen.TreeForTest(),
		"table": d.screen.Table().TableForTest(),
	}
	for name, w := range focused {
		d.win.Canvas().Focus(w)
		w.TypedKey(f5)
		d.wait(t)
		if d.show == nil {
			t.Fatalf("F5 with the focus on the %s did not present", name)
		}
		d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
		d.wait(t)
	}
	before := d.screen.Current()
	table := d.screen.Table().TableForTest()
	d.win.Canvas().Focus(table)
	table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	d.wait(t)
	if d.screen.Current() == before {
		t.Error("PageDown in a table cell did not turn the section")
	}
	d.tabs.SelectIndex(tabAll)
	d.wait(t)
	search := d.all.SearchForTest()
	d.win.Canvas().Focus(search)
	search.TypedKey(f5)
	d.wait(t)
	if d.show == nil {
		t.Error("F5 in the search box did not present")
	}
}
