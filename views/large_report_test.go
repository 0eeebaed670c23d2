package views

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"plandesk/icons"
	"plandesk/plan"
	"plandesk/reporttext"
	"plandesk/store"
)

// largeReportText is a made-up report of parts sections in total, twenty
// parts of equal size, each subsection with one sentence that proposes an
// indicator. Its numbers are illustrative.
func largeReportText(sections int) string {
	var b strings.Builder
	b.WriteString("示例区规划实施中期评估报告（测试用）\n\n")
	parts := 20
	for p := 1; p <= parts; p++ {
		fmt.Fprintf(&b, "%s、示例部分%d\n", chineseNumeral(p), p)
		for s := 1; s < sections/parts; s++ {
			fmt.Fprintf(&b, "%d.示例章节%d-%d\n本节为测试文字，示例指标达到%d家。\n", s, p, s, s)
		}
	}
	return b.String()
}

// chineseNumeral writes 1…99 as 一…九十九.
func chineseNumeral(n int) string {
	digits := []rune("一二三四五六七八九")
	tens, ones := n/10, n%10
	var b strings.Builder
	if tens > 1 {
		b.WriteRune(digits[tens-1])
	}
	if tens > 0 {
		b.WriteRune('十')
	}
	if ones > 0 {
		b.WriteRune(digits[ones-1])
	}
	return b.String()
}

// largeStore is a store holding one report of about sections sections.
func largeStore(t testing.TB, sections int) (*store.Store, plan.Report) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "large.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	parsed, err := reporttext.ParseReport([]byte(largeReportText(sections)))
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.ImportReport(parsed, "large.txt")
	if err != nil {
		t.Fatal(err)
	}
	return s, r.Report
}

// BenchmarkOverviewOf1000Sections: the overview of a 1,000-section report
// filled and laid out in a window, as at start.
func BenchmarkOverviewOf1000Sections(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := largeStore(b, 1000)
	o, err := st.Overview(report.ID)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(o.Sections)), "sections")
	for b.Loop() {
		s := NewOverviewScreen(st)
		w := test.NewTempWindow(b, s)
		w.Resize(fyne.NewSize(1280, 800))
		s.ShowOverview(o)
		w.Canvas().Refresh(s)
		test.WidgetRenderer(s).Layout(s.Size())
	}
}

// BenchmarkTreeOf1000Sections: a 1,000-section outline set in the tree and
// its first section selected, laid out in a window.
func BenchmarkTreeOf1000Sections(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := largeStore(b, 1000)
	sections, err := st.Sections(report.ID)
	if err != nil {
		b.Fatal(err)
	}
	o := plan.NewOutline(sections)
	for b.Loop() {
		tree := newOutlineTree(func(int64) {}, func(fyne.KeyName) {})
		w := test.NewTempWindow(b, tree)
		w.Resize(fyne.NewSize(400, 800))
		tree.setOutline(o)
		tree.selectSection(o.First())
		test.WidgetRenderer(tree).Layout(tree.Size())
	}
}

// TestOverviewOfALargeReportShowsPagesOfRows: a report of a thousand
// sections shows a hundred rows of each list, with a button that says how
// many are left and shows the next hundred; a reload after a change keeps
// the pages opened.
func TestOverviewOfALargeReportShowsPagesOfRows(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := largeStore(t, 1000)
	o, err := st.Overview(report.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(o.Sections) < 2*overviewPage || len(o.Indicators) < 2*overviewPage {
		t.Fatalf("the made-up report has %d sections and %d indicators with indicators; the test needs more", len(o.Sections), len(o.Indicators))
	}
	s := NewOverviewScreen(st)
	test.NewTempWindow(t, s)
	s.ShowOverview(o)
	sectionRows := func() (rows int, more *widget.Button) {
		for _, obj := range s.sections.Objects {
			switch w := obj.(type) {
			case *overviewRow:
				if !w.heading {
					rows++
				}
			case *widget.Button:
				more = w
			}
		}
		return rows, more
	}
	rows, more := sectionRows()
	if rows != overviewPage || more == nil || !strings.Contains(more.Text, strconv.Itoa(len(o.Sections)-overviewPage)) {
		t.Fatalf("%d section rows, button %v; want %d and a button naming the %d left", rows, more, overviewPage, len(o.Sections)-overviewPage)
	}
	test.Tap(more)
	if rows, _ = sectionRows(); rows != 2*overviewPage {
		t.Errorf("after one tap %d section rows, want %d", rows, 2*overviewPage)
	}
	if n := len(s.list.Objects); n != overviewPage+1 {
		t.Errorf("the indicator list has %d rows, want %d and a button", n, overviewPage)
	}
	s.ShowOverview(o) // as after a change
	if rows, _ = sectionRows(); rows != 2*overviewPage {
		t.Errorf("a reload of the same report went back to %d rows", rows)
	}
}
