package chart

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

func sampleBars() []BarItem {
	return []BarItem{
		{Label: "地区生产总值", Value: f(210), Display: "210亿元"},
		{Label: "研发经费投入", Value: f(98), Display: "98亿元"},
		{Label: "数字经济核心产业增加值", Value: nil},
		{Label: "社会消费品零售总额", Value: f(420), Display: "420亿元"},
	}
}

func TestBarsGeometry(t *testing.T) {
	newApp(t, theme.VariantLight)
	b := NewBars(sampleBars())
	b.Resize(fyne.NewSize(600, 300))
	r := test.WidgetRenderer(b).(*barsRenderer)
	r.Layout(b.Size())

	perUnit := r.rows[3].bar.Size().Width / 420
	x0 := r.rows[0].bar.Position().X
	for i, v := range []float64{210, 98, 0, 420} {
		bar := r.rows[i].bar
		if b.items[i].Value == nil {
			if contains(r.Objects(), bar) {
				t.Errorf("item %d has no value but a bar is drawn", i)
			}
			if r.rows[i].value.Text != "—" {
				t.Errorf("missing value shows %q, want —", r.rows[i].value.Text)
			}
			continue
		}
		if !contains(r.Objects(), bar) {
			t.Errorf("item %d: bar not drawn", i)
		}
		if w := bar.Size().Width; !near(w, float32(v)*perUnit) {
			t.Errorf("item %d: width %.1f, want %.1f (proportional to %v)", i, w, float32(v)*perUnit, v)
		}
		if x := bar.Position().X; !near(x, x0) {
			t.Errorf("item %d starts at x=%.1f, others at %.1f", i, x, x0)
		}
	}
	if perUnit <= 0 {
		t.Fatal("bars have no width")
	}
	// The longest bar must leave room for its value text inside the chart.
	last := r.rows[3]
	if end := last.value.Position().X + last.value.Size().Width; end > b.Size().Width {
		t.Errorf("value text of the longest bar ends at %.1f, beyond the chart's %.1f", end, b.Size().Width)
	}
	if got := r.geom.ticks; len(got) < 3 || got[0] != 0 || got[len(got)-1] < 420 {
		t.Errorf("ticks %v do not cover 0..420", got)
	}
}

func TestBarsNegative(t *testing.T) {
	newApp(t, theme.VariantLight)
	b := NewBars([]BarItem{
		{Label: "增长", Value: f(100), Display: "100"},
		{Label: "下降", Value: f(-50), Display: "-50"},
	})
	b.Resize(fyne.NewSize(500, 200))
	r := test.WidgetRenderer(b).(*barsRenderer)
	zero := r.geom.x(0)
	pos, neg := r.rows[0].bar, r.rows[1].bar
	if !near(pos.Position().X, zero) {
		t.Errorf("positive bar starts at %.1f, zero line at %.1f", pos.Position().X, zero)
	}
	if end := neg.Position().X + neg.Size().Width; !near(end, zero) || neg.Position().X >= zero {
		t.Errorf("negative bar spans %.1f..%.1f, want it to end at the zero line %.1f", neg.Position().X, end, zero)
	}
	if !near(neg.Size().Width*2, pos.Size().Width) {
		t.Errorf("-50 is %.1f wide, 100 is %.1f: not proportional", neg.Size().Width, pos.Size().Width)
	}
	if v := r.rows[1].value; v.Position().X+v.Size().Width > neg.Position().X {
		t.Error("the negative value's text overlaps its bar")
	}
	if v := r.rows[1].value; v.Position().X < r.geom.labelRight {
		t.Error("the negative value's text runs into the label column")
	}
}

func TestBarsLabels(t *testing.T) {
	newApp(t, theme.VariantLight)
	long := "城镇新增就业人数及城镇调查失业率与居民人均可支配收入增长"
	b := NewBars([]BarItem{{Label: long, Value: f(5)}, {Label: "短", Value: f(3)}})
	b.Resize(fyne.NewSize(400, 120))
	r := test.WidgetRenderer(b).(*barsRenderer)
	shown := r.rows[0].label.Text
	if !strings.HasSuffix(shown, "…") || len([]rune(shown)) >= len([]rune(long)) {
		t.Errorf("long label shown as %q, want it cut with …", shown)
	}
	if w := r.rows[0].label.Size().Width; w > 400*labelShare+1 {
		t.Errorf("label is %.1f wide, beyond its column", w)
	}
	if r.rows[1].label.Text != "短" {
		t.Errorf("short label shown as %q", r.rows[1].label.Text)
	}
	if got := b.LabelAt(fyne.NewPos(10, r.geom.rowCenter(0))); got != long {
		t.Errorf("LabelAt row 0 = %q, want the full label", got)
	}
	if got := b.LabelAt(fyne.NewPos(300, r.geom.rowCenter(1))); got != "短" {
		t.Errorf("LabelAt row 1 = %q", got)
	}
	if got := b.LabelAt(fyne.NewPos(10, r.geom.axisY+5)); got != "" {
		t.Errorf("LabelAt below the rows = %q, want empty", got)
	}
	// Display falls back to the formatted value.
	if got := r.rows[0].value.Text; got != "5" {
		t.Errorf("value text %q, want 5", got)
	}
}

func TestBarsSetItems(t *testing.T) {
	newApp(t, theme.VariantLight)
	b := NewBars(sampleBars())
	b.Missing = "无数据"
	b.Resize(fyne.NewSize(600, 300))
	r := test.WidgetRenderer(b).(*barsRenderer)
	items := sampleBars()
	items[0].Value, items[0].Display = f(840), "840亿元"
	b.SetItems(items)
	if got, want := r.rows[0].bar.Size().Width, r.rows[3].bar.Size().Width*2; !near(got, want) {
		t.Errorf("after SetItems the edited bar is %.1f wide, want %.1f", got, want)
	}
	if r.rows[2].value.Text != "无数据" {
		t.Errorf("missing text %q, want the Missing field", r.rows[2].value.Text)
	}
	b.SetItems(nil)
	if len(r.rows) != 0 {
		t.Errorf("%d rows left after SetItems(nil)", len(r.rows))
	}
	b.SetItems([]BarItem{{Label: "无", Value: nil}})
	if r.geom.ticks != nil {
		t.Error("axis ticks drawn with no value at all")
	}
}
