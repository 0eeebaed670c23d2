// Package cjk holds rules about Chinese text that several packages share:
// how wide a line of mixed Chinese and Latin text is when laid out, and
// which encodings text saved on an official's computer comes in. It is
// pure Go and imports nothing of PlanDesk, GORM or Fyne.
package cjk

import "golang.org/x/text/width"

// Width counts columns as a PDF or a spreadsheet lays text out: two for
// CJK characters and full-width or ambiguous punctuation, one for the rest.
func Width(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth, width.EastAsianAmbiguous:
			n += 2
		default:
			n++
		}
	}
	return n
}
