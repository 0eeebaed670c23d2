package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
)

// drawLinks underlines, in every paragraph of the page, the numbers the
// section's indicators were read from, each in its indicator's status
// colour; a click on one selects its row and shows its tip. It runs
// again whenever the indicators change, so a link follows its status.
func (p *sectionPage) drawLinks() {
	for id, w := range p.paragraphs {
		links := plan.NumberLinks(plan.Paragraph{ID: id, Text: w.text}, p.indicators)
		w.setSpans(layerLinks, p.linkSpans(links))
	}
}

// linkSpans are the spans of a paragraph's links: one per number, which
// two indicators read from one number (办结率、满意率达到100%) share.
func (p *sectionPage) linkSpans(links []plan.Link) []span {
	var spans []span
	for i := 0; i < len(links); {
		j := i + 1
		for j < len(links) && links[j].Start == links[i].Start && links[j].End == links[i].End {
			j++
		}
		group := links[i:j]
		ind, ok := p.indicator(group[0].IndicatorID)
		if ok {
			spans = append(spans, span{start: group[0].Start, end: group[0].End, ink: statusInk(&ind), underline: true,
				onTap: func(under fyne.Position) { p.linkTapped(group, under) }})
		}
		i = j
	}
	return spans
}

// indicator is the page's indicator id.
func (p *sectionPage) indicator(id int64) (plan.Indicator, bool) {
	return indicatorByID(p.indicators, id)
}

// indicatorByID is the indicator of list with the id, if any.
func indicatorByID(list []plan.Indicator, id int64) (plan.Indicator, bool) {
	for _, ind := range list {
		if ind.ID == id {
			return ind, true
		}
	}
	return plan.Indicator{}, false
}

// statusInk is the colour a status is shown in, as the table's status
// column shows it; a status without one of its own is drawn as a link.
func statusInk(ind *plan.Indicator) fyne.ThemeColorName {
	switch statusImportance(ind) {
	case widget.SuccessImportance:
		return theme.ColorNameSuccess
	case widget.DangerImportance:
		return theme.ColorNameError
	case widget.WarningImportance:
		return theme.ColorNameWarning
	}
	return theme.ColorNamePrimary
}

// linkTapped selects the row of the number's indicator and shows, under
// the number, its status, target and outlook.
func (p *sectionPage) linkTapped(group []plan.Link, under fyne.Position) {
	p.table.SelectIndicator(group[0].IndicatorID)
	c := fyne.CurrentApp().Driver().CanvasForObject(p)
	if c == nil {
		return
	}
	var blocks []fyne.CanvasObject
	for i, l := range group {
		if ind, ok := p.indicator(l.IndicatorID); ok {
			if i > 0 {
				blocks = append(blocks, widget.NewSeparator(), &widget.Label{Text: lang.L("Also read from this number"), Importance: widget.LowImportance})
			}
			blocks = append(blocks, tipLines(&ind, l)...)
		}
	}
	id := group[0].IndicatorID
	blocks = append(blocks, &widget.Button{Text: lang.L("Show in the table"), Icon: theme.NavigateNextIcon(), Importance: widget.LowImportance,
		Alignment: widget.ButtonAlignLeading, OnTapped: func() { p.tip.close(); p.showRow(id) }})
	p.tip.show(c, under, blocks)
}

// tipLines are what a number's tip says of its indicator: its name, its
// status and why, its target, its outlook, and the value it has now
// beside the text's when a reviewer edited it.
func tipLines(ind *plan.Indicator, l plan.Link) []fyne.CanvasObject {
	lines := []fyne.CanvasObject{
		&widget.Label{Text: ind.Name, TextStyle: fyne.TextStyle{Bold: true}},
		&widget.Label{Text: messages.StatusCell(ind), Importance: statusImportance(ind), TextStyle: fyne.TextStyle{Bold: true}},
	}
	if why := messages.StatusReason(ind); why != "" {
		lines = append(lines, widget.NewLabel(why))
	}
	if l.Edited(ind) {
		lines = append(lines, &widget.Label{Text: messages.AsWrittenAndNow(l.AsWritten, ind.Get(l.Field)), Importance: widget.WarningImportance, TextStyle: fyne.TextStyle{Bold: true}})
	} else if v := messages.MidtermOf(ind); v != "" && l.Field == plan.FieldMidterm {
		lines = append(lines, widget.NewLabel(v))
	}
	if target := messages.TargetOf(ind); target != "" {
		lines = append(lines, widget.NewLabel(target))
	}
	if o := messages.OutlookCell(ind); o != "" {
		lines = append(lines, widget.NewLabel(lang.L("Outlook: {{.Outlook}}", map[string]any{"Outlook": o})))
	}
	return lines
}

// showRow scrolls the page to indicator id's row, selected.
func (p *sectionPage) showRow(id int64) {
	p.table.SelectIndicator(id)
	p.scrollTo(p.table, 0)
}

// showInText scrolls the text to the sentence indicator ind was read from
// and highlights it, as a search hit is (在原文中显示).
func (p *sectionPage) showInText(ind plan.Indicator) {
	if ind.SourceParagraphID == nil || ind.Source == "" {
		return
	}
	w, ok := p.paragraphs[*ind.SourceParagraphID]
	if !ok {
		return
	}
	at := strings.Index(w.text, ind.Source)
	if at < 0 {
		return
	}
	for _, other := range p.paragraphs {
		other.setMark(0, 0)
	}
	w.onReveal = p.scrollTo
	w.setMark(at, at+len(ind.Source))
}

// inText reports whether the page shows the sentence ind was read from.
func (p *sectionPage) inText(ind plan.Indicator) bool {
	if ind.SourceParagraphID == nil || ind.Source == "" {
		return false
	}
	w, ok := p.paragraphs[*ind.SourceParagraphID]
	return ok && strings.Contains(w.text, ind.Source)
}

// linkTip is the tip a number of the text shows when clicked: a pop-up
// that takes the keyboard focus so that Esc closes it, as a click
// anywhere else does; the window's keys (PageDown…) pass through.
type linkTip struct {
	widget.BaseWidget
	box   *fyne.Container
	popUp *widget.PopUp
	// onWindowKey gets the window's keys while the tip has the focus.
	onWindowKey windowKeys
}

func newLinkTip() *linkTip {
	t := &linkTip{box: container.NewVBox()}
	t.ExtendBaseWidget(t)
	return t
}

func (t *linkTip) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.box) }

// show shows lines in the tip at under, the point just below the number,
// or above the number when there is no room below.
func (t *linkTip) show(c fyne.Canvas, under fyne.Position, lines []fyne.CanvasObject) {
	t.box.Objects = lines
	t.box.Refresh()
	if t.popUp == nil || t.popUp.Canvas != c {
		t.popUp = widget.NewPopUp(t, c)
	}
	size := t.popUp.MinSize()
	pos := under.AddXY(0, theme.Padding())
	if pos.Y+size.Height > c.Size().Height {
		lh := theme.TextSize() * lineSpacing
		pos.Y = max(0, under.Y-lh-size.Height-theme.Padding())
	}
	pos.X = max(0, min(pos.X, c.Size().Width-size.Width))
	t.popUp.ShowAtPosition(pos)
	c.Focus(t)
}

// shown reports whether the tip is on screen.
func (t *linkTip) shown() bool { return t.popUp != nil && t.popUp.Visible() }

// close hides the tip and gives the focus back.
func (t *linkTip) close() {
	if t.popUp == nil {
		return
	}
	t.popUp.Hide()
	if c := t.popUp.Canvas; c != nil && c.Focused() == t {
		c.Unfocus()
	}
}

// FocusGained and FocusLost are a Focusable's; the tip needs neither.
func (t *linkTip) FocusGained() {}

// FocusLost: see FocusGained.
func (t *linkTip) FocusLost() {}

// TypedRune ignores typing.
func (t *linkTip) TypedRune(rune) {}

// TypedKey closes the tip on Esc and hands the window's keys on.
func (t *linkTip) TypedKey(e *fyne.KeyEvent) {
	if e.Name == fyne.KeyEscape {
		t.close()
		return
	}
	if t.onWindowKey.pass(e) {
		t.close()
	}
}

// ShowSelectedInText scrolls the section's text to the sentence the
// selected row of its table was read from and highlights it (编辑 →
// 在原文中显示), as the row's context menu does.
func (r *ReportScreen) ShowSelectedInText() {
	if ind, ok := r.page.table.Selected(); ok {
		r.page.showInText(ind)
	}
}
