// Package views holds PlanDesk's Fyne screens and widgets: the report's
// section tree, the section page and the theme they are drawn with.
//
// Views never touch the database: each screen declares the small interface
// it needs (see ReportSource) and the app hands it the store.
package views
