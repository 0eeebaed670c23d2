package views

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"plandesk/icons"
	"plandesk/plan"
	"plandesk/store"
)

// seededStore opens a real database in a temp dir holding the shipped report.
func seededStore(t testing.TB) (*store.Store, plan.Report) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "plandesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	reports, err := s.Reports()
	if err != nil {
		t.Fatal(err)
	}
	return s, reports[0]
}

// screenFixture is a report screen in a test window, with the sections it
// shows reported on a channel.
type screenFixture struct {
	screen *ReportScreen
	win    fyne.Window
	shown  chan int64
	report plan.Report
}

func newScreenFixture(t *testing.T, variant string) *screenFixture {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), variant))
	st, report := seededStore(t)
	f := &screenFixture{screen: NewReportScreen(st, nopEditor{}), shown: make(chan int64, 16), report: report}
	f.screen.OnSectionShown = func(_, id int64) { f.shown <- id }
	f.screen.OnError = func(err error) { t.Errorf("screen error: %v", err) }
	f.win = test.NewTempWindow(t, f.screen)
	f.win.Resize(fyne.NewSize(1100, 700))
	return f
}

// wait returns the next section shown, failing after a few seconds.
func (f *screenFixture) wait(t *testing.T) int64 {
	t.Helper()
	select {
	case id := <-f.shown:
		return id
	case <-time.After(5 * time.Second):
		t.Fatal("no section shown")
		return 0
	}
}

// heading is the page's title as shown.
func (f *screenFixture) heading() string { return f.screen.page.title.Text }

// bodyText joins what the page shows under the title.
func (f *screenFixture) bodyText() string {
	var parts []string
	objects := append(append([]fyne.CanvasObject(nil), f.screen.page.text.Objects...), f.screen.page.body.Objects[1:]...)
	for _, o := range objects {
		switch w := o.(type) {
		case *paragraph:
			parts = append(parts, w.text)
		case *widget.Label:
			parts = append(parts, w.Text)
		case *widget.Button:
			parts = append(parts, "→"+w.Text)
		}
	}
	return strings.Join(parts, "|")
}

func TestReportScreenNavigates(t *testing.T) {
	f := newScreenFixture(t, VariantLight)
	f.screen.LoadReport(f.report.ID, 0)
	f.wait(t)
	if f.heading() != "一、纲要重大任务推进情况" {
		t.Fatalf("first page = %q", f.heading())
	}
	if !f.screen.page.prev.Disabled() || f.screen.page.next.Disabled() {
		t.Error("on the first section Previous should be disabled and Next enabled")
	}
	if got := strings.Count(f.bodyText(), "|→"); got != 9 {
		t.Errorf("part one links %d subsections, want 9: %s", got, f.bodyText())
	}

	f.screen.PageKey(fyne.KeyPageDown)
	f.wait(t)
	if f.heading() != "1.空间布局持续优化" || f.screen.page.crumb.Text != "一、纲要重大任务推进情况" {
		t.Fatalf("after PageDown: %q under %q", f.heading(), f.screen.page.crumb.Text)
	}
	if !strings.HasPrefix(f.bodyText(), "“四区支撑”全面提升。") {
		t.Errorf("body = %q", f.bodyText())
	}

	test.Tap(f.screen.page.next)
	f.wait(t)
	if f.heading() != "2.数字经济稳步发展" {
		t.Fatalf("after Next: %q", f.heading())
	}

	// Paging works while the tree has the keyboard focus.
	f.win.Canvas().Focus(f.screen.tree)
	f.screen.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyPageUp})
	f.wait(t)
	if f.heading() != "1.空间布局持续优化" {
		t.Fatalf("after PageUp in the tree: %q", f.heading())
	}
	// Arrow keys in the tree: Down opens the next section, Left the parent.
	f.screen.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	f.wait(t)
	if f.heading() != "2.数字经济稳步发展" {
		t.Fatalf("after Down in the tree: %q", f.heading())
	}
	f.screen.tree.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft})
	f.wait(t)
	if f.heading() != "一、纲要重大任务推进情况" {
		t.Fatalf("after Left in the tree: %q", f.heading())
	}
	// Steps taken while a section loads are not lost: three quick Nexts
	// move three sections.
	f.screen.Next()
	f.screen.Next()
	f.screen.Next()
	for f.wait(t) != f.screen.Current() || f.heading() != "3.产业体系持续巩固" {
		if f.screen.pending == 0 {
			t.Fatalf("three quick Nexts ended on %q", f.heading())
		}
	}
}

func TestReportScreenOpensRememberedSectionAndFollowsTree(t *testing.T) {
	f := newScreenFixture(t, VariantLight)
	sections := plan.NewOutline(mustSections(t, f))
	last := sections.Children(0)[2] // 三、
	want := sections.Children(last)[4]
	f.screen.LoadReport(f.report.ID, want)
	if got := f.wait(t); got != want || f.heading() != "（五）坚持生态优先，打造宜居之城" {
		t.Fatalf("restored %d %q", got, f.heading())
	}
	if f.screen.page.next.Disabled() == false {
		t.Error("Next should be disabled on the last section")
	}
	// Selecting in the tree navigates.
	second := sections.Children(0)[1]
	f.screen.tree.Select(nodeID(second))
	f.wait(t)
	if f.heading() != "二、《纲要》实施面临的挑战和问题" {
		t.Fatalf("after selecting in the tree: %q", f.heading())
	}
	// An id from elsewhere falls back to the first section.
	f.screen.LoadReport(f.report.ID, 99999)
	f.wait(t)
	if f.heading() != "一、纲要重大任务推进情况" {
		t.Fatalf("unknown section opened %q", f.heading())
	}
}

func mustSections(t *testing.T, f *screenFixture) []plan.Section {
	t.Helper()
	sections, err := f.screen.source.Sections(f.report.ID)
	if err != nil {
		t.Fatal(err)
	}
	return sections
}

func TestSectionPageRendersWithBundledFont(t *testing.T) {
	for _, variant := range []string{VariantLight, VariantDark} {
		t.Run(variant, func(t *testing.T) {
			f := newScreenFixture(t, variant)
			f.screen.LoadReport(f.report.ID, 0)
			f.wait(t)
			f.screen.Next()
			f.wait(t)
			f.screen.Next() // 2.数字经济稳步发展, with two proposed indicators
			f.wait(t)
			test.AssertRendersToImage(t, "section_"+variant+".png", f.win.Canvas())
		})
	}
}

func BenchmarkSectionView(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := seededStore(b)
	sections, err := st.Sections(report.ID)
	if err != nil {
		b.Fatal(err)
	}
	o := plan.NewOutline(sections)
	id := o.Children(o.Children(0)[0])[6] // 7.公共服务持续完善, the longest
	size := fyne.NewSize(900, 700)
	for b.Loop() {
		paragraphs, err := st.Paragraphs(id)
		if err != nil {
			b.Fatal(err)
		}
		page := newSectionPage(func() {}, func() {}, func(int64) {}, nopEditor{})
		page.show(o.Path(id), paragraphs, nil, true, true)
		page.Resize(size)
		test.WidgetRenderer(page).Layout(size)
	}
}

// nopEditor accepts no edits; the navigation tests do not edit.
type nopEditor struct{}

func (nopEditor) Edit(_ int64, _ plan.Field, _ string, done func(plan.Indicator, error)) {
	done(plan.Indicator{}, nil)
}

// TestSectionTableShowsEveryRowAndTheWheelScrollsThePage: the table of
// 7.公共服务持续完善 sits whole in the scrolling page, its seventh row as
// well, and the wheel over it moves the page rather than a scroller of its
// own.
func TestSectionTableShowsEveryRowAndTheWheelScrollsThePage(t *testing.T) {
	f := newScreenFixture(t, VariantLight)
	f.win.Resize(fyne.NewSize(1024, 700))
	sections := plan.NewOutline(mustSections(t, f))
	public := sections.Children(sections.Children(0)[0])[6]
	f.screen.LoadReport(f.report.ID, public)
	if got := f.wait(t); got != public {
		t.Fatalf("opened %d", got)
	}
	table := f.screen.page.table
	if len(table.Rows()) != 7 {
		t.Fatalf("%d rows", len(table.Rows()))
	}
	// Lay the table out whole, as the page does, and find its last row.
	table.Resize(table.MinSize())
	test.WidgetRenderer(table).Layout(table.Size())
	test.WidgetRenderer(table.table).Layout(table.Size())
	d := fyne.CurrentApp().Driver()
	bottom := d.AbsolutePositionForObject(table).Y + table.Size().Height
	var last *tableCell
	for id, c := range table.cells {
		if id.Row == 6 && c.id == id {
			last = c
		}
	}
	if last == nil {
		t.Fatal("the seventh row was not drawn: the table is shorter than its rows")
	}
	if end := d.AbsolutePositionForObject(last).Y + last.Size().Height; end > bottom+0.5 {
		t.Errorf("the seventh row ends at %.0f, below the table's bottom at %.0f", end, bottom)
	}

	page := f.screen.page
	f.win.Resize(fyne.NewSize(1024, 500))
	test.WidgetRenderer(page.scroll).Layout(page.scroll.Size())
	page.scroll.Offset = fyne.NewPos(0, 0)
	var pass *scrollPass
	for _, o := range test.WidgetRenderer(table).Objects() {
		if stack, ok := o.(*fyne.Container); ok {
			for _, c := range stack.Objects {
				if p, ok := c.(*scrollPass); ok {
					pass = p
				}
			}
		}
	}
	if pass == nil {
		t.Fatal("no wheel pass over the fitted table")
	}
	pass.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -120)})
	if page.scroll.Offset.Y <= 0 {
		t.Errorf("the wheel over the table left the page at %v", page.scroll.Offset)
	}
}
