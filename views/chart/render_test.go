package chart

import (
	"bytes"
	"image/png"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// assertGolden renders obj at size with the software painter and compares
// it with testdata/name; on a mismatch Fyne writes testdata/failed/name.
func assertGolden(t *testing.T, name string, obj fyne.CanvasObject, size fyne.Size) {
	t.Helper()
	c := software.NewCanvas()
	c.SetPadded(false)
	c.SetContent(obj)
	c.Resize(size)
	test.AssertRendersToImage(t, name, c)
}

// goldenBars is a section's values with a long name, a missing value and
// amounts that need 亿 on the axis.
func goldenBars() []BarItem {
	return []BarItem{
		{Label: "地区生产总值", Value: f(1.25e11), Display: "1250亿元"},
		{Label: "一般公共预算收入", Value: f(2.08e10), Display: "208亿元"},
		{Label: "数字经济核心产业增加值占地区生产总值比重对应金额", Value: f(9.8e10), Display: "980亿元"},
		{Label: "社会消费品零售总额", Value: nil},
		{Label: "全社会研发经费投入", Value: f(4.2e10), Display: "420亿元"},
	}
}

func TestGoldenBars(t *testing.T) {
	newApp(t, theme.VariantLight)
	assertGolden(t, "bars_light.png", NewBars(goldenBars()), fyne.NewSize(640, 300))
}

func TestGoldenBarsDark(t *testing.T) {
	newApp(t, theme.VariantDark)
	assertGolden(t, "bars_dark.png", NewBars(goldenBars()), fyne.NewSize(640, 300))
}

func TestGoldenBarsNegative(t *testing.T) {
	newApp(t, theme.VariantLight)
	b := NewBars([]BarItem{
		{Label: "常住人口增长", Value: f(12000), Display: "1.2万人"},
		{Label: "户籍人口增长", Value: f(-4500), Display: "-4500人"},
		{Label: "城镇新增就业", Value: f(150000), Display: "15万人"},
	})
	assertGolden(t, "bars_negative.png", b, fyne.NewSize(560, 200))
}

func TestGoldenProgress(t *testing.T) {
	newApp(t, theme.VariantLight)
	// A form layout gives the labels one column, as a section page would,
	// so the bars' baseline and target marks must line up.
	var rows []fyne.CanvasObject
	row := func(label string, b, tg, m *float64, down bool) {
		p := NewProgress()
		p.Set(b, tg, m, down, "未设目标")
		rows = append(rows, widget.NewLabel(label), p)
	}
	row("研发投入强度", f(2.1), f(2.8), f(2.485), false)
	row("单位GDP能耗", f(10), f(5), f(7), true)
	row("PM2.5浓度", f(35), f(30), f(38), true)
	row("常住人口城镇化率", f(60), f(65), f(66), false)
	row("居民人均可支配收入", f(100), nil, f(120), false)
	obj := container.New(layout.NewFormLayout(), rows...)
	assertGolden(t, "progress.png", obj, fyne.NewSize(520, 200))
}

func TestGoldenStatus(t *testing.T) {
	newApp(t, theme.VariantLight)
	assertGolden(t, "status.png", NewStatusChart(sampleCounts()), fyne.NewSize(520, 110))
}

func TestToPNG(t *testing.T) {
	newApp(t, theme.VariantLight)
	out, err := ToPNG(NewBars(goldenBars()), fyne.NewSize(320, 180))
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if b := img.Bounds(); b.Dx() != 320 || b.Dy() != 180 {
		t.Fatalf("image is %dx%d, want 320x180", b.Dx(), b.Dy())
	}
	first := img.At(0, 0)
	colours := 0
	seen := map[[4]uint32]bool{}
	for y := 0; y < 180; y++ {
		for x := 0; x < 320; x++ {
			r, g, b, a := img.At(x, y).RGBA()
			if k := [4]uint32{r, g, b, a}; !seen[k] {
				seen[k] = true
				colours++
			}
		}
	}
	if colours < 3 {
		t.Errorf("image has %d colours (first %v): blank", colours, first)
	}
	if _, err := ToPNG(NewBars(nil), fyne.NewSize(0, 10)); err == nil {
		t.Error("a zero-sized image rendered without error")
	}
	// A chart whose MinSize exceeds the asked size still gives that size.
	out, err = ToPNG(NewBars(goldenBars()), fyne.NewSize(100, 40))
	if err != nil {
		t.Fatal(err)
	}
	if cfg, _ := png.DecodeConfig(bytes.NewReader(out)); cfg.Width != 100 || cfg.Height != 40 {
		t.Errorf("small export is %dx%d, want 100x40", cfg.Width, cfg.Height)
	}
}

func BenchmarkBarsRefresh(b *testing.B) {
	newApp(b, theme.VariantLight)
	items := make([]BarItem, 10)
	for i := range items {
		items[i] = BarItem{Label: "指标名称较长的第几项", Value: f(float64(i+1) * 1.7e8), Display: FormatAxis(float64(i+1) * 1.7e8)}
	}
	bars := NewBars(items)
	bars.Resize(fyne.NewSize(800, 400))
	r := test.WidgetRenderer(bars)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		items[i%10].Value = f(float64(i%97+1) * 1e8)
		bars.SetItems(items) // Refresh lays out too
		r.Layout(fyne.NewSize(800, 400))
	}
}

func BenchmarkToPNG1920x1080(b *testing.B) {
	newApp(b, theme.VariantLight)
	for b.Loop() {
		if _, err := ToPNG(NewBars(goldenBars()), fyne.NewSize(1920, 1080)); err != nil {
			b.Fatal(err)
		}
	}
}
