// Package sheet holds indicator sheets: the columns and their Chinese
// header labels, reading and writing them as .xlsx, .csv and .json, and the
// pure planner that works out, row by row, what importing a sheet into a
// report would change.
//
// It imports neither GORM nor Fyne; store applies the plans it makes.
package sheet
