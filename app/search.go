package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

// searchItems are 编辑 → 查找… (Ctrl+F), 查找下一个 (F3) and 查找上一个
// (Shift+F3). F3 and Shift+F3 reach the window as keys (onTypedKey), as F5
// does; their menu shortcuts say so and serve where a menu takes them.
func (d *desk) searchItems() []*fyne.MenuItem {
	find := fyne.NewMenuItem(lang.L("Find…"), d.openSearch)
	find.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	next := fyne.NewMenuItem(lang.L("Find next"), func() { d.searchStep(false) })
	next.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF3}
	prev := fyne.NewMenuItem(lang.L("Find previous"), func() { d.searchStep(true) })
	prev.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyF3, Modifier: fyne.KeyModifierShift}
	return []*fyne.MenuItem{find, next, prev}
}

// openSearch opens the search bar over the report on the sections tab.
func (d *desk) openSearch() {
	if d.show != nil || d.screen == nil || d.tabs == nil {
		return
	}
	d.tabs.SelectIndex(tabSections)
	d.screen.OpenSearch()
}

// searchStep goes to the next hit, or the previous one, opening the bar
// on the sections tab first.
func (d *desk) searchStep(back bool) {
	if d.show != nil || d.screen == nil || d.tabs == nil {
		return
	}
	d.tabs.SelectIndex(tabSections)
	if back {
		d.screen.SearchPrev()
	} else {
		d.screen.SearchNext()
	}
}
