// Package reporttext turns a report's extracted text into an outline of
// numbered sections with their paragraphs, keeping every character, and
// finds the quantitative statements in it that PlanDesk proposes as
// indicators.
//
// It is pure Go: it imports neither GORM nor Fyne, and nothing that stores.
package reporttext
