package chart

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// progressAt returns a Progress set to the values, laid out at 400×40.
func progressAt(t *testing.T, b, tg, m *float64, down bool) (*Progress, *progressRenderer) {
	t.Helper()
	p := NewProgress()
	p.Resize(fyne.NewSize(400, 40))
	r := test.WidgetRenderer(p).(*progressRenderer)
	p.Set(b, tg, m, down, "未设目标")
	return p, r
}

func TestProgressFill(t *testing.T) {
	newApp(t, theme.VariantLight)
	_, r := progressAt(t, f(100), f(300), f(210), false)
	g := r.geom
	span := g.targetX - g.baseX
	if span <= 0 {
		t.Fatalf("target mark at %.1f is not right of the baseline mark at %.1f", g.targetX, g.baseX)
	}
	if w := r.fill.Size().Width; !near(w, 0.55*span) {
		t.Errorf("fill %.1f wide, want 55%% of %.1f = %.1f", w, span, 0.55*span)
	}
	if !near(r.fill.Position().X, g.baseX) {
		t.Errorf("fill starts at %.1f, baseline mark at %.1f", r.fill.Position().X, g.baseX)
	}
	if !near(r.base.Position1.X, g.baseX) || !near(r.target.Position1.X, g.targetX) {
		t.Error("marks are not where the geometry puts them")
	}
	if r.text.Text != "55%" {
		t.Errorf("text %q, want 55%%", r.text.Text)
	}
	if end := r.text.Position().X + r.text.Size().Width; end > 400 {
		t.Errorf("percentage ends at %.1f, beyond the bar", end)
	}
}

func TestProgressNoTarget(t *testing.T) {
	newApp(t, theme.VariantLight)
	for name, v := range map[string][3]*float64{
		"no target":        {f(100), nil, f(210)},
		"no mid-term":      {f(100), f(300), nil},
		"no baseline":      {nil, f(300), f(210)},
		"target=baseline":  {f(100), f(100), f(210)},
		"nothing provided": {nil, nil, nil},
	} {
		_, r := progressAt(t, v[0], v[1], v[2], false)
		if r.fill.Visible() || contains(visible(r.Objects()), r.fill) {
			t.Errorf("%s: a fill is drawn", name)
		}
		if r.text.Text != "未设目标" {
			t.Errorf("%s: text %q, want 未设目标", name, r.text.Text)
		}
		if r.base.Visible() || r.target.Visible() {
			t.Errorf("%s: marks drawn without the numbers", name)
		}
	}
}

func TestProgressLowerIsBetter(t *testing.T) {
	newApp(t, theme.VariantLight)
	// Energy use per unit of GDP: baseline 10, target 5, now 7 → 60 %.
	_, r := progressAt(t, f(10), f(5), f(7), true)
	g := r.geom
	if r.text.Text != "60%" {
		t.Errorf("text %q, want 60%%", r.text.Text)
	}
	if w := r.fill.Size().Width; !near(w, 0.6*(g.targetX-g.baseX)) || !near(r.fill.Position().X, g.baseX) {
		t.Errorf("fill at %.1f, %.1f wide; want from the baseline %.1f, 60%% of the span", r.fill.Position().X, w, g.baseX)
	}
	// Gone the wrong way, up to 12: the fill runs left of the baseline.
	_, r = progressAt(t, f(10), f(5), f(12), true)
	if r.text.Text != "-40%" {
		t.Errorf("text %q, want -40%%", r.text.Text)
	}
	if end := r.fill.Position().X + r.fill.Size().Width; !near(end, r.geom.baseX) || r.fill.Size().Width < 1 {
		t.Errorf("a move the wrong way should fill left of the baseline mark")
	}
	// Beyond the target: fill passes the target mark.
	_, r = progressAt(t, f(10), f(5), f(4), true)
	if r.text.Text != "120%" || r.fill.Position().X+r.fill.Size().Width <= r.geom.targetX {
		t.Errorf("120%%: text %q, fill end %.1f, target mark %.1f", r.text.Text, r.fill.Position().X+r.fill.Size().Width, r.geom.targetX)
	}
}

// visible filters objs to those shown.
func visible(objs []fyne.CanvasObject) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for _, o := range objs {
		if o.Visible() {
			out = append(out, o)
		}
	}
	return out
}

// TestProgressProjectionIsDashed: the projection runs in dashes from the
// fill's end towards the projected share, and is gone without one.
func TestProgressProjectionIsDashed(t *testing.T) {
	newApp(t, theme.VariantLight)
	p, r := progressAt(t, f(100), f(300), f(200), false)
	p.SetProjection(f(350))
	g := r.geom
	var shown []float32
	for _, d := range r.dashes {
		if !d.Hidden {
			shown = append(shown, d.Position1.X)
		}
	}
	if len(shown) < 3 {
		t.Fatalf("%d dashes for a projection from 50%% to 125%%", len(shown))
	}
	if from := g.x(0.5); !near(shown[0], from) {
		t.Errorf("dashes start at %.1f, the fill ends at %.1f", shown[0], from)
	}
	if last := shown[len(shown)-1]; last > g.x(1.25) || last < g.x(1.0) {
		t.Errorf("last dash at %.1f, want between the target %.1f and %.1f", last, g.x(1.0), g.x(1.25))
	}
	p.SetProjection(nil)
	for _, d := range r.dashes {
		if !d.Hidden {
			t.Fatal("a dash is left without a projection")
		}
	}
}
