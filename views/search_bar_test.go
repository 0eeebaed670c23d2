package views

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"plandesk/messages"
	"plandesk/search"
)

// openSearch shows the fixture's report and opens its search bar, waiting
// for the index.
func openSearch(t *testing.T, f *screenFixture, shift *bool) {
	t.Helper()
	ready := make(chan struct{}, 4)
	f.screen.UseSearch(f.screen.source.(SearchSource), func() bool { return *shift }, func() { ready <- struct{}{} })
	f.screen.LoadReport(f.report.ID, 0)
	f.wait(t)
	f.screen.OpenSearch()
	select {
	case <-ready:
	case <-time.After(5 * time.Second):
		t.Fatal("the search index was not built")
	}
}

func key(e fyne.Focusable, name fyne.KeyName) { e.TypedKey(&fyne.KeyEvent{Name: name}) }

// TestSearchBarListsHitsAsTypedAndGoesToThem: typing lists the hits with
// their kind; Enter opens the first one's section with the span
// highlighted in its paragraph, Enter again selects the indicator's row,
// Shift+F3 goes back, Esc closes.
func TestSearchBarListsHitsAsTypedAndGoesToThem(t *testing.T) {
	f := newScreenFixture(t, VariantLight)
	shift := false
	openSearch(t, f, &shift)
	b := f.screen.find
	if !f.screen.SearchOpen() || f.win.Canvas().Focused() != b.entry {
		t.Fatal("Ctrl+F did not open the bar with the focus in its field")
	}
	test.Type(b.entry, "２１０家")
	if b.list.Hidden || b.list.Length() != 2 {
		t.Fatalf("typing listed %d hits: %+v", b.list.Length(), b.result.Hits)
	}
	if first, second := b.result.Hits[0], b.result.Hits[1]; first.Kind != search.KindParagraph || second.Kind != search.KindIndicator {
		t.Fatalf("hits %s, %s", first.Kind, second.Kind)
	}
	if b.count.Text != messages.SearchCount("２１０家", 2, 2) {
		t.Errorf("count %q", b.count.Text)
	}

	key(b.entry, fyne.KeyReturn)
	hit := b.result.Hits[0]
	if id := f.wait(t); id != hit.SectionID {
		t.Fatalf("Enter showed section %d, want %d", id, hit.SectionID)
	}
	para := f.screen.page.paragraphs[hit.ID]
	if para == nil || len(para.spansOf(layerMark)) != 1 || para.spansOf(layerMark)[0].start != hit.Start || para.spansOf(layerMark)[0].end != hit.End || hit.Text[hit.Start:hit.End] != "210家" {
		t.Fatalf("the paragraph is not marked at %d:%d", hit.Start, hit.End)
	}
	test.WidgetRenderer(para).Layout(fyne.NewSize(600, 400))
	if marks := test.WidgetRenderer(para).(*paragraphRenderer).fills; len(marks) == 0 || marks[0].Size().Width <= 0 {
		t.Errorf("the span is not highlighted: %d rectangles", len(marks))
	}
	if b.count.Text != "1 / 2" {
		t.Errorf("count %q after Enter", b.count.Text)
	}

	key(b.entry, fyne.KeyF3)
	if sel, ok := f.screen.Table().Selected(); !ok || sel.ID != b.result.Hits[1].ID {
		t.Errorf("F3 did not select the indicator's row: %+v %v", sel, ok)
	}
	if len(para.spansOf(layerMark)) != 0 {
		t.Error("the paragraph's highlight stayed on the next hit")
	}
	shift = true
	key(b.entry, fyne.KeyF3)
	if h, _ := f.screen.SearchHitForTest(); h.Kind != search.KindParagraph || len(para.spansOf(layerMark)) == 0 {
		t.Errorf("Shift+F3 went to %s", h.Kind)
	}

	key(b.entry, fyne.KeyEscape)
	if f.screen.SearchOpen() || !b.list.Hidden {
		t.Error("Esc did not close the bar")
	}
}

func TestSearchBarSaysWhenNothingIsFound(t *testing.T) {
	f := newScreenFixture(t, VariantLight)
	shift := false
	openSearch(t, f, &shift)
	b := f.screen.find
	test.Type(b.entry, "不存在的词语")
	if b.list.Length() != 0 || b.count.Text != messages.SearchCount("不存在的词语", 0, 0) {
		t.Errorf("%d hits, count %q", b.list.Length(), b.count.Text)
	}
	key(b.entry, fyne.KeyReturn) // nothing to go to
	if _, ok := f.screen.SearchHitForTest(); ok {
		t.Error("Enter chose a hit where there is none")
	}
}
