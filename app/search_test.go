package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// TestDeskFindsFromTheEditMenu: 编辑 → 查找… (Ctrl+F) opens the search
// over the report from the overview; typing lists the hits, Enter opens
// the first one's section, F3 from the window selects the indicator's
// row, Esc closes the bar and PageDown still turns the section.
func TestDeskFindsFromTheEditMenu(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "find.db"))
	d.wait(t)
	find := menuItem(t, d, "编辑", "查找…")
	if s, ok := find.Shortcut.(*desktop.CustomShortcut); !ok || s.KeyName != fyne.KeyF {
		t.Errorf("查找… is bound to %v", find.Shortcut)
	}
	find.Action()
	d.waitQuiet(t)
	if d.tabs.SelectedIndex() != tabSections || !d.screen.SearchOpen() {
		t.Fatal("查找… did not open the search on the sections tab")
	}
	field := d.screen.SearchFieldForTest()
	test.Type(field, "突破210家")
	field.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d.waitQuiet(t)
	hit, ok := d.screen.SearchHitForTest()
	if !ok || d.screen.Current() != hit.SectionID {
		t.Fatalf("Enter: hit %+v, section %d on screen", hit, d.screen.Current())
	}
	assertShows(t, d.win, "2.数字经济稳步发展")

	d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyF3})
	if sel, ok := d.screen.Table().Selected(); !ok || sel.Name != "数字经济类企业" {
		t.Errorf("F3 selected %+v %v", sel, ok)
	}
	d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if d.screen.SearchOpen() {
		t.Error("Esc did not close the search")
	}
	from := d.screen.Current()
	d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyPageDown})
	d.waitQuiet(t)
	if d.screen.Current() == from {
		t.Error("PageDown no longer turns the section")
	}
}
