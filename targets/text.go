package targets

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold makes text comparable as plans write it: full-width letters, digits
// and signs as their ASCII forms (ＧＤＰ, ５．５％), the ideographic space as
// a space, ASCII letters in lower case.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(foldRune(r))
	}
	return b.String()
}

// foldRune is fold for one character.
func foldRune(r rune) rune {
	switch {
	case 0xFF01 <= r && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000:
		r = ' '
	}
	if 'A' <= r && r <= 'Z' {
		r += 'a' - 'A'
	}
	return r
}

// cleanCell is a cell's text as written, trimmed, with each run of white
// space made one space; a line break inside Chinese text (a cell wrapped
// with Alt+Enter) is dropped, since Chinese puts no space between words.
func cleanCell(s string) string {
	s = strings.TrimFunc(s, unicode.IsSpace)
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	var b strings.Builder
	var prev rune
	space, broke := false, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			broke = broke || r == '\n' || r == '\r'
			continue
		}
		if space && !(broke && (prev >= utf8.RuneSelf || r >= utf8.RuneSelf)) {
			b.WriteByte(' ')
		}
		space, broke = false, false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// noValue reports whether a cell says there is no value: empty, or a dash,
// a slash or an ellipsis as tables write for "not applicable".
func noValue(s string) bool {
	s = strings.TrimFunc(fold(s), unicode.IsSpace)
	switch s {
	case "", "-", "--", "---", "—", "——", "–", "－", "－－", "―", "/", "\\", "…", "……", "...", "无", "n/a", "na", "x", "×":
		return true
	}
	return false
}

// hasDigit reports whether s holds an ASCII or full-width digit.
func hasDigit(s string) bool {
	for _, r := range s {
		if r = foldRune(r); '0' <= r && r <= '9' {
			return true
		}
	}
	return false
}

// yearsIn returns the four-digit years from 1949 to 2100 that s names
// (2020年, 2021-2025年, “十四五”(2025)), in order.
func yearsIn(s string) []string {
	var years []string
	s = fold(s)
	for i := 0; i+4 <= len(s); i++ {
		if i > 0 && isDigit(s[i-1]) {
			continue
		}
		if !isDigit(s[i]) || !isDigit(s[i+1]) || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
			continue
		}
		if i+4 < len(s) && isDigit(s[i+4]) {
			continue
		}
		y := s[i : i+4]
		if y >= "1949" && y <= "2100" {
			years = append(years, y)
		}
	}
	return years
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
