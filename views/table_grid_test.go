package views

import (
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"plandesk/icons"
	"plandesk/reporttext"
	"plandesk/store"
)

// TestSectionPageShowsItsTables: a report's own table stands among the
// section's paragraphs where the document has it, with its merged 类别
// cell drawn over both its rows. The table is illustrative.
func TestSectionPageShowsItsTables(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, err := store.Open(filepath.Join(t.TempDir(), "tables.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	p, err := reporttext.ParseReport([]byte("某区评估报告\n一、主要指标\n主要指标完成情况见下表。\n表后的说明。\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := func(text string) reporttext.TableCell {
		return reporttext.TableCell{Text: text, ColSpan: 1, RowSpan: 1}
	}
	p.Sections[0].Tables = []reporttext.Table{{After: 1, Rows: [][]reporttext.TableCell{
		{c("类别"), c("指标"), c("单位"), c("2020年"), c("2022年"), c("2025年")},
		{{Text: "经济发展", ColSpan: 1, RowSpan: 2}, c("地区生产总值"), c("亿元"), c("1000"), c("1200"), c("1500")},
		{{Covered: true}, c("规模以上工业增加值年均增长"), c("%"), c("—"), c("6.8"), c("7")},
	}}}
	imported, err := st.ImportReport(p, "tables.docx")
	if err != nil {
		t.Fatal(err)
	}
	screen := NewReportScreen(st, nopEditor{})
	shown := make(chan int64, 4)
	screen.OnSectionShown = func(_, id int64) { shown <- id }
	w := test.NewTempWindow(t, screen)
	w.Resize(fyne.NewSize(1100, 700))
	screen.LoadReport(imported.Report.ID, 0)
	select {
	case <-shown:
	case <-time.After(5 * time.Second):
		t.Fatal("no section shown")
	}
	var grid *tableGrid
	at := -1
	for i, o := range screen.page.text.Objects {
		if g, ok := o.(*tableGrid); ok {
			grid, at = g, i
		}
	}
	if grid == nil || at != 1 {
		t.Fatalf("table at %d of the page, want right after the first paragraph", at)
	}
	r := test.WidgetRenderer(grid).(*tableGridRenderer)
	if len(r.cells) != 17 {
		t.Errorf("%d cells drawn, want 18 less the covered one", len(r.cells))
	}
	for _, cell := range r.cells {
		if cell.label.Text == "经济发展" && cell.back.Size().Height < 1.5*r.cells[0].back.Size().Height {
			t.Errorf("the merged 类别 cell is %v high, a row %v", cell.back.Size().Height, r.cells[0].back.Size().Height)
		}
	}
	if out := os.Getenv("PLANDESK_SHOT"); out != "" {
		f, _ := os.Create(out)
		_ = png.Encode(f, w.Canvas().Capture())
		_ = f.Close()
	}
}

// TestSectionSlideShowsItsTable: the section's slide draws its table's
// cells under its text, none cut off or overlapping the text.
func TestSectionSlideShowsItsTable(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, err := store.Open(filepath.Join(t.TempDir(), "tables.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = st.Close() })
	p, _ := reporttext.ParseReport([]byte("某区评估报告\n一、主要指标\n主要指标完成情况见下表。\n"))
	c := func(text string) reporttext.TableCell {
		return reporttext.TableCell{Text: text, ColSpan: 1, RowSpan: 1}
	}
	p.Sections[0].Tables = []reporttext.Table{{After: 1, Rows: [][]reporttext.TableCell{
		{c("指标"), c("单位"), c("2020年"), c("2025年")}, {c("地区生产总值"), c("亿元"), c("1000"), c("1500")},
	}}}
	imported, err := st.ImportReport(p, "tables.docx")
	if err != nil {
		t.Fatal(err)
	}
	deck, err := LoadDeck(st, imported.Report.ID)
	if err != nil {
		t.Fatal(err)
	}
	var m textMeasure
	size := fyne.NewSize(1920, 1080)
	slide := buildSlide(deck, &m, 1, size, SlideStyle{}, false)
	found := map[string]bool{}
	list := texts(slide)
	for a, ta := range list {
		found[ta.Text] = true
		ra := rectOf(ta, m)
		for _, tb := range list[a+1:] {
			if ra.Overlaps(rectOf(tb, m)) {
				t.Errorf("%q overlaps %q", ta.Text, tb.Text)
			}
		}
	}
	for _, want := range []string{"指标", "地区生产总值", "1500"} {
		if !found[want] {
			t.Errorf("the slide does not show %q", want)
		}
	}
	if out := os.Getenv("PLANDESK_SHOT"); out != "" {
		img, _ := NewSlideRenderer(deck, SlideStyle{}).Render(1, size)
		f, _ := os.Create(out)
		_ = png.Encode(f, img)
		_ = f.Close()
	}
}
