// Package store keeps PlanDesk's data in one SQLite file through GORM: it
// opens the file (one connection, WAL, synchronous=FULL, an exclusive
// lock), refuses files it must not touch, upgrades the schema with
// versioned plain-SQL migrations after a backup, imports reports (the
// shipped one is embedded here), and reads and writes sections,
// indicators and their revisions, each write in one transaction. It also
// makes and restores backups.
//
// It never imports Fyne: the screens reach it through interfaces they
// declare. The domain types it stores live in plan.
package store
