package views

import (
	"fyne.io/fyne/v2"

	"plandesk/search"
)

// UseSearch lets the screen search its report (OpenSearch), reading the
// texts from source. Call it before OpenSearch; shiftHeld says whether
// Shift is down, for Shift+F3 (nil: never); ready, if set, is called on
// the UI thread each time the report's texts were read for a search.
func (r *ReportScreen) UseSearch(source SearchSource, shiftHeld func() bool, ready func()) {
	r.find.source = source
	r.find.entry.shiftHeld = shiftHeld
	r.find.onReady = ready
}

// OpenSearch shows the search bar over the report with the focus in its
// field (Ctrl+F); the list of hits follows what is typed.
func (r *ReportScreen) OpenSearch() {
	if r.find.source == nil || r.reportID == 0 {
		return
	}
	// The bar stands above the page in the screen's layout, which makes
	// room for it only when laid out again; its box takes the focus once
	// laid out, through the screen's canvas (a box just shown has none
	// yet). Both before the index starts loading in the background.
	r.find.bar.Hidden = false
	r.Refresh()
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r.find.entry)
	}
	r.find.open(r.reportID)
}

// CloseSearch hides the search bar (Esc); the highlight stays until another
// section is shown.
func (r *ReportScreen) CloseSearch() {
	r.find.close()
	r.Refresh()
}

// SearchOpen reports whether the search bar is shown.
func (r *ReportScreen) SearchOpen() bool { return r.find.isOpen() }

// SearchNext goes to the next hit (F3); SearchPrev to the previous one
// (Shift+F3). Both open the bar when it is closed.
func (r *ReportScreen) SearchNext() { r.searchStep(1) }

// SearchPrev goes to the previous hit.
func (r *ReportScreen) SearchPrev() { r.searchStep(-1) }

func (r *ReportScreen) searchStep(by int) {
	if !r.find.isOpen() {
		r.OpenSearch()
	}
	r.find.step(by)
}

// showHit opens the chosen hit's section, or marks the hit at once when
// its section is on screen.
func (r *ReportScreen) showHit() {
	h, ok := r.find.current()
	if !ok {
		return
	}
	r.hitOnShow = &h
	if h.SectionID == r.current && r.pending == 0 {
		r.markHit()
		return
	}
	r.ShowSection(h.SectionID)
}

// markHit marks the hit waiting for its section, now shown: the span in
// its paragraph, the indicator's row selected, the project list or the
// heading scrolled into view.
func (r *ReportScreen) markHit() {
	h := r.hitOnShow
	r.hitOnShow = nil
	if h == nil || h.SectionID != r.current {
		return
	}
	r.page.mark(*h)
}

// SearchHitForTest is the hit the search shows, for tests.
func (r *ReportScreen) SearchHitForTest() (search.Hit, bool) { return r.find.current() }

// SearchFieldForTest is the search bar's field, for tests that type in it.
func (r *ReportScreen) SearchFieldForTest() fyne.Focusable { return r.find.entry }
