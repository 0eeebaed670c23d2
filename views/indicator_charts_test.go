package views

import (
	"bytes"
	"image/png"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"plandesk/icons"
	"plandesk/plan"
	"plandesk/store"
)

// publicServices returns the indicators of 7.公共服务持续完善, whose 万人
// values several indicators share, and the store they came from.
func publicServices(t testing.TB) ([]plan.Indicator, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := seededStore(t)
	sections, _ := st.Sections(report.ID)
	for _, s := range sections {
		if s.Title == "公共服务持续完善" {
			list, err := st.SectionIndicators(s.ID)
			if err != nil {
				t.Fatal(err)
			}
			return list, st
		}
	}
	t.Fatal("no section 7.公共服务持续完善")
	return nil, nil
}

func TestChartsGroupValuesByUnit(t *testing.T) {
	list, _ := publicServices(t)
	c := newIndicatorCharts()
	c.setIndicators(list)
	// 万人 is shared by four indicators, 万个/亿元/% are used once each.
	if len(c.bars) != 1 || c.units[0] != "万人" {
		t.Fatalf("bar charts for units %v, want only 万人", c.units)
	}
	var want []string
	for _, ind := range list {
		if ind.Unit == "万人" {
			want = append(want, ind.Name)
		}
	}
	items := c.bars[0].Items()
	if len(items) != len(want) || len(items) < 2 {
		t.Fatalf("万人 chart has %d bars, want %d", len(items), len(want))
	}
	for i, it := range items {
		if it.Label != want[i] || it.Value == nil {
			t.Errorf("bar %d = %q (%v), want %q with its value, in table order", i, it.Label, it.Value, want[i])
		}
	}
	if len(c.progress) != len(list) {
		t.Errorf("%d progress rows for %d indicators", len(c.progress), len(list))
	}
	for i, p := range c.progress {
		if _, ok := p.Value(); ok || p.Text() != "No target set" {
			t.Errorf("row %d: %q; the report gives no targets, so no progress", i, p.Text())
		}
	}
}

func TestChartsFollowAnEditWithoutRebuilding(t *testing.T) {
	list, st := publicServices(t)
	c := newIndicatorCharts()
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(800, 600))
	c.setIndicators(list)
	bars, progress := c.bars[0], c.progress[0]

	// Give the first 万人 indicator a baseline and target, and a new value.
	var id int64
	for _, ind := range list {
		if ind.Unit == "万人" {
			id = ind.ID
			break
		}
	}
	for _, e := range []struct {
		f    plan.Field
		text string
	}{{plan.FieldBaseline, "0万人"}, {plan.FieldTarget, "10万人"}, {plan.FieldMidterm, "8万人"}} {
		if _, _, err := st.EditIndicator(id, e.f, e.text, "测试"); err != nil {
			t.Fatal(err)
		}
	}
	fresh, _ := st.SectionIndicators(list[0].SectionID)
	c.setIndicators(fresh)
	if c.bars[0] != bars || c.progress[0] != progress {
		t.Error("charts were rebuilt for an edit that kept the shape")
	}
	if v := c.bars[0].Items()[0].Value; v == nil || *v != 80000 {
		t.Errorf("edited bar value = %v, want 80000 (8万人)", v)
	}
	for i, ind := range fresh {
		if ind.ID != id {
			continue
		}
		share, ok := c.progress[i].Value()
		if !ok || share < 0.79 || share > 0.81 {
			t.Errorf("progress of the edited indicator = %v %v, want 80 %%", share, ok)
		}
	}

	// Deleting an indicator changes the shape: the charts are rebuilt.
	if _, err := st.DeleteIndicator(id, "测试"); err != nil {
		t.Fatal(err)
	}
	fewer, _ := st.SectionIndicators(list[0].SectionID)
	c.setIndicators(fewer)
	if len(c.progress) != len(fewer) {
		t.Errorf("%d progress rows after a delete, want %d", len(c.progress), len(fewer))
	}
}

func TestSectionChartPNG(t *testing.T) {
	list, _ := publicServices(t)
	raw, err := SectionChartPNG(list, 1200)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1200 || b.Dy() < 300 {
		t.Errorf("chart image is %v, want 1200 wide and tall enough for its rows", b.Size())
	}
	if colours(img) < 3 {
		t.Error("chart image looks blank")
	}
}

// BenchmarkChartRedrawAfterEdit is the UI work after a cell edit: the page
// gets the section's new list and the table and charts are redrawn.
func BenchmarkChartRedrawAfterEdit(b *testing.B) {
	list, _ := publicServices(b)
	page := newSectionPage(func() {}, func() {}, func(int64) {}, nopEditor{})
	w := test.NewWindow(page)
	defer w.Close()
	w.Resize(fyne.NewSize(1280, 800))
	page.showIndicators(list)
	v := *list[3].MidtermValue
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		edited := append([]plan.Indicator(nil), list...)
		value := v + float64(i%7)*1000
		edited[3].MidtermValue = &value
		page.showIndicators(edited)
		test.WidgetRenderer(page.charts).Layout(page.charts.Size())
	}
}

func TestBarTipsShowTheWholeName(t *testing.T) {
	list, _ := publicServices(t)
	c := newIndicatorCharts()
	w := test.NewTempWindow(t, c)
	w.Resize(fyne.NewSize(500, 700))
	c.setIndicators(list)
	bars := c.bars[0]
	stack := c.box.Objects[1].(*fyne.Container)
	if stack.Objects[0] != bars {
		t.Fatal("the first chart is not the 万人 bars")
	}
	tips := stack.Objects[1].(*barTips)
	// The first 万人 indicator, 累计发放各类就业创业补贴, is cut in a narrow chart.
	first := bars.Items()[0].Label
	var pos fyne.Position
	for y := float32(0); y < bars.Size().Height; y++ {
		if bars.LabelAt(fyne.NewPos(10, y)) == first {
			pos = fyne.NewPos(10, y)
			break
		}
	}
	tips.MouseMoved(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos, AbsolutePosition: pos}})
	if tips.Shown() != first {
		t.Errorf("hovering the first bar shows %q, want %q", tips.Shown(), first)
	}
	tips.MouseOut()
	if tips.Shown() != "" {
		t.Error("the name stays after the mouse left")
	}
}
