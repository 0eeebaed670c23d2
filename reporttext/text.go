package reporttext

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// wrapWidth describes how the source was hard-wrapped: full lines are about
// full display columns wide. A paragraph ends on a line that closes a
// sentence and stops visibly short of that width (the PDF's line was not
// full). Text that was not hard-wrapped ends a paragraph at every sentence end
// that also ends a line.
type wrapWidth struct {
	full    int
	wrapped bool
}

// measureWrap measures the width of the text lines, leaving out the lines
// that look like headings, which are short whatever the width, and the
// title block: the lines before the first of them, when there is one.
func measureWrap(lines []line) wrapWidth {
	var widths []int
	body := false
	for _, l := range lines {
		if _, ok := matchHeading(l.text); ok {
			if !body {
				body, widths = true, widths[:0]
			}
			continue
		}
		widths = append(widths, l.cols)
	}
	if len(widths) == 0 {
		return wrapWidth{}
	}
	slices.Sort(widths)
	full := widths[len(widths)*9/10]
	nearFull := 0
	for _, w := range widths {
		if w*100 >= full*85 {
			nearFull++
		}
	}
	return wrapWidth{full: full, wrapped: len(widths) >= minWrapLines && nearFull*2 >= len(widths)}
}

// minWrapLines is how many lines of text it takes to tell the width a text
// was wrapped at: a few short lines are a text that was not hard-wrapped.
const minWrapLines = 8

// isFull reports whether a line of cols columns fills the width a
// hard-wrapped text was wrapped at. In a text that was not hard-wrapped no
// line is full.
func (w wrapWidth) isFull(cols int) bool {
	return w.wrapped && w.full > 0 && cols*100 >= w.full*85
}

// isAboutFull reports whether a line of cols columns is about as wide as a
// full line of a hard-wrapped text: a line of prose, not a title centred
// above it.
func (w wrapWidth) isAboutFull(cols int) bool {
	return w.isFull(cols) && cols*100 <= w.full*115
}

// shortBy is how many display columns short of full a line must stop to count
// as the last line of its paragraph (a full-width character is two columns).
const shortBy = 3

func (w wrapWidth) endsParagraph(l line) bool {
	trimmed := strings.TrimRightFunc(l.text, isClosingMark)
	if !strings.ContainsRune("。！？!?…", lastRune(trimmed)) {
		return false
	}
	return !w.wrapped || l.cols <= w.full-shortBy
}

// endsSentence reports whether a line ends a sentence or clause list, after
// which a numbered heading may follow.
func endsSentence(text string) bool {
	return strings.ContainsRune("。！？!?…；;：:", lastRune(strings.TrimRightFunc(text, isClosingMark)))
}

// pageMark is a page number PDF extraction leaves on a line of its own
// (- 3 -, — 3 —, 第3页, 第3页 共10页, 3/10). pageMarkInside is one joined into
// a paragraph, where a page break fell in the middle of a sentence.
var (
	pageMark       = regexp.MustCompile(`^(?:[-—–－]\s*[0-9０-９]{1,4}\s*[-—–－]|第\s*[0-9０-９]{1,4}\s*页(?:\s*[，,/]?\s*共\s*[0-9０-９]{1,4}\s*页)?|[0-9]{1,4}\s*/\s*[0-9]{1,4})$`)
	pageMarkInside = regexp.MustCompile(`[-—–－]\s*[0-9０-９]{1,4}\s*[-—–－]`)
)

// isPageMark reports whether a trimmed line is only a page number: it ends
// no sentence and begins none, so the outline reads across it.
func isPageMark(text string) bool { return pageMark.MatchString(text) }

// withoutPageMarks drops the page numbers a paragraph holds where a page
// break fell inside a sentence (提高到- 2 -2022年的…), so the sentence reads
// whole. Only a mark between two Chinese characters or a Chinese character
// and a digit is one: 2021-2022 or 5-10 are not.
func withoutPageMarks(paragraph string) string {
	if !strings.ContainsAny(paragraph, "-—–－") {
		return paragraph
	}
	var b strings.Builder
	last := 0
	for _, m := range pageMarkInside.FindAllStringIndex(paragraph, -1) {
		before, _ := utf8.DecodeLastRuneInString(paragraph[:m[0]])
		after, _ := utf8.DecodeRuneInString(paragraph[m[1]:])
		if !isWide(before) || !(isWide(after) || unicode.IsDigit(after)) {
			continue
		}
		b.WriteString(paragraph[last:m[0]])
		last = m[1]
	}
	if last == 0 {
		return paragraph
	}
	b.WriteString(paragraph[last:])
	return b.String()
}

func isClosingMark(r rune) bool { return strings.ContainsRune("”’」』）)\"'", r) }

// joinLines rejoins hard-wrapped lines: nothing between them, except one
// space where a Latin word was split across two lines.
func joinLines(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		l = cleanSpaces(l)
		if i > 0 && b.Len() > 0 && isLatinLetter(lastRune(b.String())) && isLatinLetter(firstRune(l)) {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

// cleanSpaces drops white space next to Chinese characters and punctuation,
// which PDF extraction inserts around numbers ("突破 210家"), and folds other
// runs of white space into one space.
func cleanSpaces(s string) string {
	runes := []rune(strings.TrimFunc(s, isSpace))
	var b strings.Builder
	for i := 0; i < len(runes); i++ {
		if !isSpace(runes[i]) {
			b.WriteRune(runes[i])
			continue
		}
		j := i
		for j < len(runes) && isSpace(runes[j]) {
			j++
		}
		if !isWide(runes[i-1]) && !isWide(runes[j]) {
			b.WriteByte(' ')
		}
		i = j - 1
	}
	return b.String()
}

// isSpace reports whether r is white space: Unicode's, the ideographic
// space, and U+FEFF, a byte-order mark left inside the text (a second one,
// or one of a file pasted into another), which shows as nothing.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' || r == '\uFEFF' }

// isWide reports whether r is a CJK character or punctuation, next to which
// Chinese typesetting puts no space.
func isWide(r rune) bool {
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
		return true
	}
	return r >= 0x2000 && r <= 0x206F || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

func isLatinLetter(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// runeOffset is the byte offset of s's n-th rune, or len(s).
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
