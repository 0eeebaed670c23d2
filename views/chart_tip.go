package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"plandesk/views/chart"
)

// barTips lies over a bar chart and shows, under the mouse, the whole name
// of the bar pointed at: long Chinese indicator names are cut with "…" in
// the chart, and Fyne 2.7 has no tooltips.
type barTips struct {
	widget.BaseWidget
	bars  *chart.Bars
	tip   *widget.PopUp
	label *widget.Label
	shown string
}

func newBarTips(bars *chart.Bars) *barTips {
	t := &barTips{bars: bars, label: widget.NewLabel("")}
	t.ExtendBaseWidget(t)
	return t
}

// CreateRenderer draws nothing: the layer only listens to the mouse.
func (t *barTips) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// MouseIn shows the name under the mouse.
func (t *barTips) MouseIn(e *desktop.MouseEvent) { t.MouseMoved(e) }

// MouseMoved follows the mouse from bar to bar.
func (t *barTips) MouseMoved(e *desktop.MouseEvent) {
	name := t.bars.LabelAt(e.Position)
	if name == "" {
		t.MouseOut()
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(t)
	if c == nil {
		return
	}
	if t.tip == nil || t.tip.Canvas != c {
		t.tip = widget.NewPopUp(t.label, c)
	}
	if name != t.shown {
		t.label.SetText(name)
		t.shown = name
	}
	// Below and right of the pointer, where it hides nothing it points at.
	t.tip.ShowAtPosition(e.AbsolutePosition.Add(fyne.NewPos(12, 16)))
}

// MouseOut hides the name.
func (t *barTips) MouseOut() {
	if t.tip != nil {
		t.tip.Hide()
	}
	t.shown = ""
}

// Shown is the name on display, "" when none is.
func (t *barTips) Shown() string { return t.shown }
