package docx

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// tidy is a paragraph's text as a report paragraph: white space (tabs,
// soft line breaks, ideographic spaces for indentation) dropped next to
// Chinese characters and punctuation and at both ends, and folded into one
// space between other characters, as reporttext treats a text's spaces;
// U+FEFF, which shows as nothing, is dropped too.
func tidy(s string) string {
	s = strings.TrimFunc(s, isSpace)
	var b strings.Builder
	b.Grow(len(s))
	var before rune // the last character written
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isSpace(r) {
			b.WriteRune(r)
			before, i = r, i+size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if !isSpace(r) {
				break
			}
			j += size
		}
		// The trim leaves a character after every run of spaces.
		after, _ := utf8.DecodeRuneInString(s[j:])
		if !isWide(before) && !isWide(after) {
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
}

// isSpace reports whether r is white space, as reporttext counts it.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\uFEFF' }

// isWide reports whether r is a CJK character or punctuation, next to
// which Chinese typesetting puts no space.
func isWide(r rune) bool {
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
		return true
	}
	return r >= 0x2000 && r <= 0x206F || r >= 0x2460 && r <= 0x24FF || r >= 0x3000 && r <= 0x303F ||
		r >= 0x3200 && r <= 0x32FF || r >= 0xFF00 && r <= 0xFFEF
}

// nonSpace counts the characters of s that are not white space.
func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !isSpace(r) {
			n++
		}
	}
	return n
}

// withLabel puts a list label before a paragraph's text as Word shows
// it: the suffix (a tab or a space) becomes one space, which tidy drops
// next to Chinese text (一、总体情况, 1. Overview).
func withLabel(label, suffix, text string) string {
	if label == "" {
		return text
	}
	if suffix == "nothing" || text == "" {
		return tidy(label + text)
	}
	return tidy(label + " " + text)
}

// noteText is a footnote's or endnote's text as it is kept in the
// paragraph that refers to it.
func noteText(note string) string { return "〔注：" + note + "〕" }

// The marker that stands for a picture, a drawing, a text box or an
// embedded object, with a text box's words inside it when it has any.
const (
	imageMarker       = "〔图〕"
	imageMarkerPrefix = "〔图："
	imageMarkerSuffix = "〕"
)

func imageText(words string) string {
	if words = tidy(words); words != "" {
		return imageMarkerPrefix + words + imageMarkerSuffix
	}
	return imageMarker
}
