// Package data holds PlanDesk's storage: the GORM models of a plan
// evaluation report, the SQLite store with its versioned migrations, and the
// importer that turns a report's extracted text into a section tree.
//
// It never imports Fyne: views reach it only through the Store's methods.
package data
