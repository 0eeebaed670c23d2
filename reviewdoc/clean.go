package reviewdoc

import (
	"strings"
	"unicode/utf8"
)

// clean makes text safe for XML 1.0 and for the PDF: invalid UTF-8 becomes
// U+FFFD, and the characters XML forbids (C0 controls but tab, newline
// and carriage return; lone surrogates; U+FFFE and U+FFFF) are dropped, so
// a pasted control character never makes a document Word refuses.
// Carriage returns become newlines.
func clean(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if strings.IndexFunc(s, func(r rune) bool { return !xmlChar(r) || r == '\r' }) < 0 {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\r':
			return '\n'
		case !xmlChar(r):
			return -1
		}
		return r
	}, s)
}

// xmlChar reports whether XML 1.0 allows r in text (its Char production).
func xmlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r <= 0xD7FF:
		return true
	case r < 0xE000:
		return false
	case r <= 0xFFFD:
		return true
	}
	return r >= 0x10000 && r <= 0x10FFFF
}
