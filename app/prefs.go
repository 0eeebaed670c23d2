package app

import (
	"fmt"

	"fyne.io/fyne/v2"

	"plandesk/views"
)

// Preference keys.
const (
	prefLanguage     = "language" // "zh" or "en"
	prefTheme        = "theme"    // views.Variant*
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
)

// The first window fits a 1366×768 laptop and a 1024×768 projector, taskbar
// and title bar included (Fyne 2.7 cannot tell the screen's size); after
// that the window opens at the size it was closed at, never below the
// smallest that keeps every control in reach.
const (
	firstWidth, firstHeight = 1024, 680
	leastWidth, leastHeight = 800, 560
)

// windowSize is the size the main window opens at.
func windowSize(p fyne.Preferences) fyne.Size {
	w := p.FloatWithFallback(prefWindowWidth, firstWidth)
	h := p.FloatWithFallback(prefWindowHeight, firstHeight)
	return fyne.NewSize(float32(max(w, leastWidth)), float32(max(h, leastHeight)))
}

// rememberWindowSize keeps the size the window is closed at.
func rememberWindowSize(p fyne.Preferences, size fyne.Size) {
	if size.Width < leastWidth || size.Height < leastHeight {
		return // a window being torn down, or never shown
	}
	p.SetFloat(prefWindowWidth, float64(size.Width))
	p.SetFloat(prefWindowHeight, float64(size.Height))
}

// lastPlaceKey is where the last open report and section of one database
// file are kept: ids mean nothing in another file.
func lastPlaceKey(dbPath string) string { return "lastPlace:" + dbPath }

// lastPlace reads the report and section last shown from dbPath.
func lastPlace(p fyne.Preferences, dbPath string) (reportID, sectionID int64) {
	_, _ = fmt.Sscanf(p.String(lastPlaceKey(dbPath)), "%d/%d", &reportID, &sectionID)
	return reportID, sectionID
}

func setLastPlace(p fyne.Preferences, dbPath string, reportID, sectionID int64) {
	p.SetString(lastPlaceKey(dbPath), fmt.Sprintf("%d/%d", reportID, sectionID))
}

// themeVariant is the variant to draw with: the one chosen, or the
// system's, which is light where the system says nothing.
func themeVariant(p fyne.Preferences) string {
	v := p.StringWithFallback(prefTheme, views.VariantSystem)
	if v == views.VariantSystem && systemSaysNothing() {
		return views.VariantLight
	}
	return v
}
