package cnnum

import (
	"strings"
	"unicode/utf8"
)

// Fold maps a rune to the form a search compares: the number parser's
// folding (full-width digits, letters and punctuation to ASCII, so
// "７５．３％" reads like "75.3%"), ASCII letters to lower case (5G finds
// 5g), and the typographic quotes and dashes to their plain forms. It
// never changes the number of runes, so a place in folded text is the same
// rune count into the original; the parser keeps numFold alone, since a
// dash folded there would read 6—7 as a range.
func Fold(r rune) rune {
	r = numFold(r)
	switch {
	case 'A' <= r && r <= 'Z':
		return r + ('a' - 'A')
	case r < utf8.RuneSelf:
		return r
	}
	switch r {
	case '“', '”', '„', '″':
		return '"'
	case '‘', '’', '′':
		return '\''
	case '—', '–', '‐', '‑', '―':
		return '-'
	case '〜':
		return '~'
	}
	return r
}

// FoldString is s with every rune folded (see Fold); it returns s itself
// when nothing folds.
func FoldString(s string) string { return strings.Map(Fold, s) }
