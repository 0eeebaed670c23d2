package app

import (
	"fmt"

	"fyne.io/fyne/v2"
)

// Preference keys.
const (
	prefLanguage = "language" // "zh" or "en"
	prefTheme    = "theme"    // views.Variant*
)

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
