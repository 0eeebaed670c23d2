// Package data holds PlanDesk's storage: the GORM models of a plan
// evaluation report, the SQLite store with its versioned migrations, the
// importer that turns a report's extracted text into a section tree, the
// indicators with their revisions and statuses, backups and restores,
// sheet import/export, and the PDF writer for exported slides.
//
// It never imports Fyne: views reach it only through the Store's methods.
package data
