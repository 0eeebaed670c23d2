// Package sheet holds indicator sheets: the columns and their Chinese
// header labels, reading and writing them as .xlsx, .csv and .json, and the
// pure planner that works out, row by row, what importing a sheet into a
// report would change. It also reads other tables (a plan's
// main-indicator table) as rows of cell text, within the same limits, for
// packages that find their header themselves.
//
// It imports neither GORM nor Fyne; store applies the plans it makes.
package sheet
