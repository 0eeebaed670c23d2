// Package targets brings a plan's targets into a report's indicators: it
// reads the plan's main-indicator table (纲要指标表) as published, from a
// workbook, a CSV file or text pasted from WPS or Excel; recognises its
// columns from their header words, Chinese or English, in a mapping a
// preview can show and a user can change; reads each row's baseline and
// target as written with their years, the kind of target and the
// indicator's attribute; matches each row to the report indicator that
// measures the same thing; and turns the matches into a sheet.ImportPlan,
// which the store applies as one undoable change.
//
// It is pure Go: it imports neither GORM nor Fyne, and nothing that
// stores. Nothing in it words a sentence for a person; messages does.
package targets
