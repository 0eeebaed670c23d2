package views

import "fyne.io/fyne/v2"

// isWindowKey reports whether a key belongs to the window whatever has the
// focus: F5 presents, PageUp/PageDown turn the section, F3 goes to the
// next search hit. A widget that
// takes the focus hands these on (see windowKeys) instead of swallowing
// them, so they work from the tree, a table or a filter box alike; only a
// cell editor, where the user is typing, keeps every key.
func isWindowKey(name fyne.KeyName) bool {
	switch name {
	case fyne.KeyF5, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyF3:
		return true
	}
	return false
}

// windowKeys hands a window key on to the window's handler, if set, and
// reports whether it did.
type windowKeys func(*fyne.KeyEvent)

func (w windowKeys) pass(e *fyne.KeyEvent) bool {
	if w == nil || !isWindowKey(e.Name) {
		return false
	}
	w(e)
	return true
}
