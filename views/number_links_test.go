package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
)

// digitalEconomy opens 2.数字经济稳步发展 of the shipped report, whose text
// says 数字经济类企业突破210家, and returns its paragraph and that indicator.
func digitalEconomy(t *testing.T, f *screenFixture) (*paragraph, plan.Indicator) {
	t.Helper()
	if err := messages.Use(messages.Chinese); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = messages.Use(messages.English) })
	f.screen.LoadReport(f.report.ID, 0)
	f.wait(t)
	f.screen.Next()
	f.wait(t)
	f.screen.Next()
	f.wait(t)
	if f.heading() != "2.数字经济稳步发展" {
		t.Fatalf("opened %q", f.heading())
	}
	var para *paragraph
	for _, w := range f.screen.page.paragraphs {
		if strings.Contains(w.text, "突破210家") {
			para = w
		}
	}
	for _, ind := range f.screen.page.indicators {
		if ind.Name == "数字经济类企业" && para != nil {
			return para, ind
		}
	}
	t.Fatal("no paragraph or indicator of 突破210家")
	return nil, plan.Indicator{}
}

// linkHit is where the paragraph draws its link on text, laid out at
// the width of the page.
func linkHit(t *testing.T, para *paragraph, text string) spanHit {
	t.Helper()
	test.WidgetRenderer(para).Layout(fyne.NewSize(700, 400))
	for _, h := range para.hits {
		if para.text[h.span.start:h.span.end] == text {
			return h
		}
	}
	t.Fatalf("no link on %q among %d", text, len(para.hits))
	return spanHit{}
}

// tipText joins the labels of the open tip.
func tipText(tip *linkTip) string {
	var parts []string
	for _, o := range tip.box.Objects {
		if l, ok := o.(*widget.Label); ok {
			parts = append(parts, l.Text)
		}
	}
	return strings.Join(parts, "|")
}

// TestANumberLinksToItsRow: 突破210家 is underlined in its indicator's
// status colour (待确认); clicking it selects the indicator's row and shows
// its name, status, target and outlook in a tip, which Esc closes.
func TestANumberLinksToItsRow(t *testing.T) {
	f := newScreenFixture(t, VariantLight)
	para, ind := digitalEconomy(t, f)
	h := linkHit(t, para, "突破210家")
	if !h.span.underline || h.span.ink != theme.ColorNameWarning {
		t.Errorf("the link is drawn %+v, want underlined in the warning colour of 待确认", h.span)
	}
	if under := test.WidgetRenderer(para).(*paragraphRenderer).unders; len(under) == 0 {
		t.Error("no underline drawn")
	}
	f.screen.Table().Select(widget.TableCellID{Row: 1, Col: 0})
	test.TapAt(para, h.pos.AddXY(h.size.Width/2, h.size.Height/2))
	if sel, ok := f.screen.Table().Selected(); !ok || sel.ID != ind.ID {
		t.Errorf("the click selected %+v, want %s", sel, ind.Name)
	}
	tip := f.screen.page.tip
	got := tipText(tip)
	if !tip.shown() || !strings.Contains(got, "数字经济类企业|待确认 · 缺目标值") || !strings.Contains(got, "缺目标值") {
		t.Errorf("tip shown %v: %q", tip.shown(), got)
	}
	if strings.Contains(got, "原文") {
		t.Errorf("an unedited value shows the text's beside it: %q", got)
	}
	if f.win.Canvas().Focused() != tip {
		t.Fatal("the tip does not have the focus, so Esc would not close it")
	}
	key(tip, fyne.KeyEscape)
	if tip.shown() {
		t.Error("Esc left the tip open")
	}
}

// TestShowInTextMarksTheSentence: 在原文中显示 in a row's context menu
// highlights the sentence the row was read from in its paragraph.
func TestShowInTextMarksTheSentence(t *testing.T) {
	f := newScreenFixture(t, VariantLight)
	para, ind := digitalEconomy(t, f)
	row := -1
	for i, r := range f.screen.Table().Rows() {
		if r.ID == ind.ID {
			row = i
		}
	}
	menu := f.screen.Table().RowMenuForTest(row)
	if menu == nil || len(menu.Items) != 1 || menu.Items[0].Label != "在原文中显示" || menu.Items[0].Disabled {
		t.Fatalf("row menu %+v", menu)
	}
	menu.Items[0].Action()
	marks := para.spansOf(layerMark)
	if len(marks) != 1 || para.text[marks[0].start:marks[0].end] != ind.Source {
		t.Fatalf("marked %+v, want the sentence %q", marks, ind.Source)
	}
	test.WidgetRenderer(para).Layout(fyne.NewSize(700, 400))
	if fills := test.WidgetRenderer(para).(*paragraphRenderer).fills; len(fills) == 0 {
		t.Error("the sentence is not highlighted")
	}
}

// TestAnEditedValueShowsBoth: after the reviewer corrects 突破210家 to 215家
// the text still says 突破210家, and its tip shows both numbers.
func TestAnEditedValueShowsBoth(t *testing.T) {
	f := newScreenFixture(t, VariantLight)
	para, ind := digitalEconomy(t, f)
	text := para.text
	if err := ind.Set(plan.FieldMidterm, "215家"); err != nil {
		t.Fatal(err)
	}
	ind.State = plan.StateConfirmed
	// What the store's signal brings after the edit (ReportScreen.Follow).
	f.screen.onIndicatorsChanged(IndicatorsChange{ReportID: f.report.ID, Updated: []plan.Indicator{ind}})
	if para.text != text {
		t.Fatalf("the edit changed the report's text: %q", para.text)
	}
	h := linkHit(t, para, "突破210家")
	test.TapAt(para, h.pos.AddXY(2, 2))
	if got := tipText(f.screen.page.tip); !strings.Contains(got, "原文 突破210家 · 现值 215家") {
		t.Errorf("tip %q", got)
	}
}

// TestShowSelectedInText: 编辑 → 在原文中显示 marks the selected row's
// sentence, as the row's context menu does.
func TestShowSelectedInText(t *testing.T) {
	f := newScreenFixture(t, VariantLight)
	para, ind := digitalEconomy(t, f)
	f.screen.Table().SelectIndicator(ind.ID)
	f.screen.ShowSelectedInText()
	if marks := para.spansOf(layerMark); len(marks) != 1 || para.text[marks[0].start:marks[0].end] != ind.Source {
		t.Fatalf("marked %+v, want the sentence %q", marks, ind.Source)
	}
}
