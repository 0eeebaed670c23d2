// Package views holds PlanDesk's Fyne screens and widgets: the overview
// (a report's first page), the section tree and section page with its
// indicator table and charts, the all-indicators page, the presentation
// with its slides (drawn for the screen and, with the software painter,
// for PNG and PDF export), and the theme they are drawn with.
//
// Views never touch the database and never import store, GORM or SQLite:
// each screen declares the small interface it needs (ReportSource,
// OverviewSource, DeckSource, IndicatorEditor, …), the app hands it the
// store, and the screens follow the changes they show through Signals.
package views
