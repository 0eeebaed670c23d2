package chart

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"plandesk/plan"
)

// sampleCounts is a report's status counts with a zero among them.
func sampleCounts() []StatusCount {
	labels := map[plan.Status]string{
		plan.StatusAchieved: "已达目标", plan.StatusAhead: "快于预期", plan.StatusOnTrack: "符合预期",
		plan.StatusLagging: "滞后", plan.StatusUnknown: "无目标或数据",
	}
	n := map[plan.Status]int{plan.StatusAchieved: 3, plan.StatusAhead: 0, plan.StatusOnTrack: 5, plan.StatusLagging: 2, plan.StatusUnknown: 1}
	var out []StatusCount
	for _, s := range plan.Statuses() {
		out = append(out, StatusCount{Label: labels[s], Count: n[s], Color: DefaultStatusColor(s)})
	}
	return out
}

func TestStatusChart(t *testing.T) {
	newApp(t, theme.VariantLight)
	counts := sampleCounts()
	c := NewStatusChart(counts)
	c.Resize(fyne.NewSize(500, 120))
	r := test.WidgetRenderer(c).(*statusRenderer)
	g := r.geom
	perOne := (g.x1 - g.x0) / 11
	x := g.x0
	for i, s := range counts {
		seg := r.entries[i].segment
		if w := seg.Size().Width; !near(w, float32(s.Count)*perOne) {
			t.Errorf("%s: segment %.1f wide, want %.1f", s.Label, w, float32(s.Count)*perOne)
		}
		if s.Count == 0 && (seg.Size().Width != 0 || seg.Visible()) {
			t.Errorf("%s: a zero count takes width", s.Label)
		}
		if !near(seg.Position().X, x) {
			t.Errorf("%s: segment at %.1f, want %.1f (stacked)", s.Label, seg.Position().X, x)
		}
		x += seg.Size().Width
		e := r.entries[i]
		if e.label.Text != s.Label || e.count.Text != strconv.Itoa(s.Count) || !contains(r.Objects(), e.label) || !contains(r.Objects(), e.swatch) {
			t.Errorf("%s: legend entry missing (label %q, count %q)", s.Label, e.label.Text, e.count.Text)
		}
		if e.label.Position().Y+e.label.Size().Height > 120 || e.count.Position().X+e.count.Size().Width > 500 {
			t.Errorf("%s: legend entry outside the chart", s.Label)
		}
	}
	if !near(x, g.x1) {
		t.Errorf("segments end at %.1f, bar at %.1f", x, g.x1)
	}
	if DefaultStatusColor(plan.StatusAchieved) == DefaultStatusColor(plan.StatusAhead) {
		t.Error("achieved and ahead share a colour and would merge in the bar")
	}

	c.SetCounts(nil)
	if len(r.entries) != 0 || len(r.Objects()) != 1 {
		t.Errorf("after SetCounts(nil): %d entries, %d objects", len(r.entries), len(r.Objects()))
	}
}
