package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/search"
)

// SearchSource is what the search bar reads a report's texts from.
type SearchSource interface {
	SearchContent(reportID int64) (search.Content, error)
}

// searchBar is the report's search (Ctrl+F): a field, the count, buttons
// for the previous and next hit and one to close, over a list of hits
// with their kind and context that follows the field as the user types.
// The index is built off the UI thread when the bar opens and dropped when
// the report's indicators or projects change; a query itself takes well
// under a millisecond, so it runs on the UI thread at every keystroke.
type searchBar struct {
	source   SearchSource
	entry    *findEntry
	count    *widget.Label
	list     *widget.List
	bar      *fyne.Container
	reportID int64
	index    *search.Index
	indexOf  int64 // the report index is of
	loads    loader
	result   search.Result
	at       int  // the hit chosen, -1 before one is
	choosing bool // set while the list is selected from code
	// onHit shows a hit; onClose is called after the bar closed; onReady
	// after an index was built and the query run on it (tests wait on it).
	onHit, onClose, onReady func()
	// onResults hears how many hits a query found, for the screen to fit
	// the list to them.
	onResults func(n int)
}

func newSearchBar(fail func(error)) *searchBar {
	b := &searchBar{count: &widget.Label{Importance: widget.LowImportance}, at: -1}
	b.loads.fail = fail
	b.entry = newFindEntry(b)
	b.entry.OnChanged = func(string) { b.run() }
	b.entry.OnSubmitted = func(string) { b.step(1) }
	b.list = widget.NewList(func() int { return len(b.result.Hits) }, newHitRow, b.updateRow)
	b.list.OnSelected = func(i widget.ListItemID) {
		if !b.choosing {
			b.choose(i)
		}
	}
	prev := &widget.Button{Icon: theme.MoveUpIcon(), Importance: widget.LowImportance, OnTapped: func() { b.step(-1) }}
	next := &widget.Button{Icon: theme.MoveDownIcon(), Importance: widget.LowImportance, OnTapped: func() { b.step(1) }}
	closeButton := &widget.Button{Icon: theme.CancelIcon(), Importance: widget.LowImportance, OnTapped: b.close}
	b.bar = container.NewBorder(nil, nil, nil, container.NewHBox(b.count, prev, next, closeButton), b.entry)
	b.bar.Hidden, b.list.Hidden = true, true
	return b
}

// newHitRow is a row of the list: the hit's kind, then its context.
func newHitRow() fyne.CanvasObject {
	kind := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	context := &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	return container.NewBorder(nil, nil, kind, nil, context)
}

func (b *searchBar) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(b.result.Hits) {
		return
	}
	h := b.result.Hits[i]
	row := o.(*fyne.Container)
	row.Objects[1].(*widget.Label).SetText(messages.HitKind(h.Kind))
	row.Objects[0].(*widget.Label).SetText(messages.HitContext(h))
}

// open shows the bar over report reportID with the focus in its field,
// reading the report's texts if the index is not of it.
func (b *searchBar) open(reportID int64) {
	b.reportID = reportID
	b.bar.Hidden = false
	b.bar.Refresh()
	if c := fyne.CurrentApp().Driver().CanvasForObject(b.entry); c != nil {
		c.Focus(b.entry)
	}
	if b.index == nil || b.indexOf != reportID {
		b.load()
		return
	}
	b.run()
}

// load builds the index of the bar's report off the UI thread, then runs
// the query typed meanwhile.
func (b *searchBar) load() {
	id := b.reportID
	fetch := func() (*search.Index, error) {
		c, err := b.source.SearchContent(id)
		if err != nil {
			return nil, err
		}
		return search.New(c), nil
	}
	loadThen(&b.loads, fetch, func(ix *search.Index) {
		b.index, b.indexOf = ix, id
		b.run()
		if b.onReady != nil {
			b.onReady()
		}
	})
}

// stale drops the index of report id after a change to its indicators or
// projects; an open bar reads it again at once.
func (b *searchBar) stale(id int64) {
	if b.indexOf != id {
		return
	}
	b.index = nil
	if !b.bar.Hidden {
		b.load()
	}
}

// isOpen reports whether the bar is shown.
func (b *searchBar) isOpen() bool { return !b.bar.Hidden }

// run finds the field's text and lists the hits.
func (b *searchBar) run() {
	query := b.entry.Text
	b.result, b.at = search.Result{}, -1
	if b.index != nil && b.indexOf == b.reportID {
		b.result = b.index.Find(query)
	}
	b.list.UnselectAll()
	b.list.Hidden = query == ""
	b.list.Refresh()
	b.showCount()
	if b.onResults != nil {
		b.onResults(len(b.result.Hits))
	}
}

func (b *searchBar) showCount() {
	query := b.entry.Text
	switch {
	case query == "" || b.index == nil:
		b.count.SetText("")
	case b.at >= 0:
		b.count.SetText(fmt.Sprintf("%d / %d", b.at+1, b.result.Total))
	default:
		b.count.SetText(messages.SearchCount(query, len(b.result.Hits), b.result.Total))
	}
}

// step goes to the next hit (by 1) or the previous one (by -1), round
// from the last to the first.
func (b *searchBar) step(by int) {
	n := len(b.result.Hits)
	if n == 0 {
		return
	}
	i := (b.at + by + n) % n
	if b.at < 0 && by < 0 {
		i = n - 1
	}
	b.choosing = true
	b.list.Select(i)
	b.list.ScrollTo(i)
	b.choosing = false
	b.choose(i)
}

// choose shows hit i.
func (b *searchBar) choose(i int) {
	if i < 0 || i >= len(b.result.Hits) {
		return
	}
	b.at = i
	b.showCount()
	if b.onHit != nil {
		b.onHit()
	}
}

// current is the hit chosen last.
func (b *searchBar) current() (search.Hit, bool) {
	if b.at < 0 || b.at >= len(b.result.Hits) {
		return search.Hit{}, false
	}
	return b.result.Hits[b.at], true
}

// close hides the bar and its list; the query stays for the next Ctrl+F.
func (b *searchBar) close() {
	if b.bar.Hidden {
		return
	}
	b.bar.Hidden, b.list.Hidden = true, true
	b.bar.Refresh()
	b.list.Refresh()
	if c := fyne.CurrentApp().Driver().CanvasForObject(b.entry); c != nil {
		c.Unfocus()
	}
	if b.onClose != nil {
		b.onClose()
	}
}

// findEntry is the search field: Enter and F3 go to the next hit,
// Shift+F3 to the previous, Esc closes; F5 and PageUp/PageDown go to the
// window as from every field.
type findEntry struct {
	widget.Entry
	bar         *searchBar
	onWindowKey windowKeys
	// shiftHeld says whether Shift is down: Fyne hands Shift+F3 to a
	// field as a plain F3.
	shiftHeld func() bool
}

func newFindEntry(b *searchBar) *findEntry {
	e := &findEntry{bar: b}
	e.PlaceHolder = lang.L("Find in this report: headings, text, indicators, projects")
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey steps and closes, and types everything else.
func (e *findEntry) TypedKey(k *fyne.KeyEvent) {
	switch {
	case k.Name == fyne.KeyEscape:
		e.bar.close()
	case k.Name == fyne.KeyF3 && e.shiftHeld != nil && e.shiftHeld():
		e.bar.step(-1)
	case k.Name == fyne.KeyF3:
		e.bar.step(1)
	case e.onWindowKey.pass(k):
	default:
		e.Entry.TypedKey(k)
	}
}
