// Package pdf writes PDF files of page images, one image a page, as the
// slide export needs them.
//
// It is pure Go and imports nothing of PlanDesk, GORM or Fyne.
package pdf
