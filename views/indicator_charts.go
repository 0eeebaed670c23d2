package views

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
	"plandesk/views/chart"
)

// indicatorCharts draws a section's indicators: a bar chart of the
// mid-term values of each unit that several indicators share (values in
// different units are never put on one scale), and each indicator's
// progress against its target.
type indicatorCharts struct {
	widget.BaseWidget
	box *fyne.Container

	// The charts of the last list, reused while the list keeps its shape
	// (the same units, the same number of indicators), so that redrawing
	// after a cell edit only refreshes them.
	shape    string
	bars     []*chart.Bars
	units    []string
	progress []*chart.Progress
	names    []*widget.Label
}

func newIndicatorCharts() *indicatorCharts {
	c := &indicatorCharts{box: container.NewVBox()}
	c.ExtendBaseWidget(c)
	return c
}

func (c *indicatorCharts) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.box)
}

// setIndicators draws list, rebuilding the charts only when its shape
// changed.
func (c *indicatorCharts) setIndicators(list []plan.Indicator) {
	units := sharedUnits(list)
	shape := fmt.Sprintf("%d|%s", len(list), strings.Join(units, "|"))
	if shape != c.shape {
		c.build(units, len(list))
		c.shape = shape
	}
	for i, unit := range c.units {
		c.bars[i].SetItems(barItems(list, unit))
	}
	for i := range list {
		ind := &list[i]
		c.names[i].SetText(ind.Name)
		c.progress[i].Set(progressBase(ind), ind.TargetValue, ind.MidtermValue, ind.LowerIsBetter(), lang.L("No target set"))
		c.progress[i].SetProjection(projectionOf(ind))
	}
}

// build makes a bar chart per shared unit and a progress row per indicator.
func (c *indicatorCharts) build(units []string, count int) {
	c.units = units
	c.bars, c.progress, c.names = nil, nil, nil
	var objects []fyne.CanvasObject
	for _, unit := range units {
		bars := chart.NewBars(nil)
		bars.Missing = lang.L("No value")
		c.bars = append(c.bars, bars)
		objects = append(objects, chartHeading(lang.L("Mid-term values ({{.Unit}})", map[string]any{"Unit": unit})),
			container.NewStack(bars, newBarTips(bars)))
	}
	if count > 0 {
		objects = append(objects, chartHeading(lang.L("Progress against target")))
	}
	for range count {
		name := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
		bar := chart.NewProgress()
		c.names = append(c.names, name)
		c.progress = append(c.progress, bar)
		objects = append(objects, container.New(&shareLayout{share: 0.3}, name, bar))
	}
	c.box.Objects = objects
	c.box.Refresh()
}

func chartHeading(text string) *widget.Label {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}}
}

// sharedUnits lists, in order of first use, the units at least two
// indicators of list share.
func sharedUnits(list []plan.Indicator) []string {
	count := map[string]int{}
	var order []string
	for _, ind := range list {
		if ind.Unit == "" {
			continue
		}
		if count[ind.Unit] == 0 {
			order = append(order, ind.Unit)
		}
		count[ind.Unit]++
	}
	var shared []string
	for _, u := range order {
		if count[u] >= 2 {
			shared = append(shared, u)
		}
	}
	return shared
}

// barItems is the mid-term value of every indicator of list in unit.
func barItems(list []plan.Indicator, unit string) []chart.BarItem {
	var items []chart.BarItem
	for _, ind := range list {
		if ind.Unit == unit {
			items = append(items, chart.BarItem{Label: ind.Name, Value: ind.MidtermValue, Display: ind.Midterm})
		}
	}
	return items
}

// projectionOf is the value an indicator is expected to reach by its
// target year, where the outlook gives one on the progress bar's scale
// (not for a growth target, whose bar measures levels against a rate).
func projectionOf(ind *plan.Indicator) *float64 {
	o := ind.Outlook()
	if o.Verdict == plan.VerdictUnknown || ind.Kind() == plan.TargetAnnual {
		return nil
	}
	return &o.Projected
}

// progressBase is where progress is counted from: zero for a cumulative
// target (a total over the period), the baseline otherwise.
func progressBase(ind *plan.Indicator) *float64 {
	if ind.Kind() == plan.TargetCumulative {
		zero := 0.0
		return &zero
	}
	return ind.BaselineValue
}

// shareLayout puts two objects side by side, the first taking a fixed share
// of the width: names in a column, their bars lined up beside them.
type shareLayout struct{ share float32 }

func (l *shareLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) != 2 {
		return
	}
	w := size.Width * l.share
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(fyne.NewSize(w, size.Height))
	objects[1].Move(fyne.NewPos(w, 0))
	objects[1].Resize(fyne.NewSize(size.Width-w, size.Height))
}

func (l *shareLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var w, h float32
	for _, o := range objects {
		m := o.MinSize()
		w += m.Width
		h = max(h, m.Height)
	}
	return fyne.NewSize(w, h)
}

// SectionChartPNG draws the charts of a section's indicators as a PNG image
// width pixels wide, as tall as they need. It needs a Fyne app for the
// theme.
func SectionChartPNG(list []plan.Indicator, width float32) ([]byte, error) {
	c := newIndicatorCharts()
	c.setIndicators(list)
	padded := container.NewPadded(c)
	h := max(padded.MinSize().Height, 200)
	png, err := chart.ToPNG(padded, fyne.NewSize(width, h))
	if err != nil {
		return nil, fmt.Errorf("chart image: %w", err)
	}
	return png, nil
}

// Compile-time check that the charts are a widget.
var _ fyne.Widget = (*indicatorCharts)(nil)
