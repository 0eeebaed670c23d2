package reporttext

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// numberStyle is a way of numbering headings; each level of an outline uses one.
type numberStyle int

const (
	styleChineseComma numberStyle = iota + 1 // 一、
	styleArabicDot                           // 1. or 1．
	styleArabicComma                         // 1、
	styleChineseParen                        // （一） or (一)
	styleArabicParen                         // （1） or (1)
	styleCircled                             // ①
	// styleAppendix is no numbering: an appendix title line (附件1：…),
	// after which the numbering starts again as a new top-level part.
	styleAppendix
)

// runsIn reports whether headings of the style may run into their text on
// one line (1.创新能力显著增强。全年…). The fourth-level items （1） and ①
// are headings only on a line of their own: inside a paragraph they number
// a list.
func (s numberStyle) runsIn() bool {
	return s == styleChineseComma || s == styleArabicDot || s == styleArabicComma || s == styleChineseParen
}

var (
	chineseCommaHeading = regexp.MustCompile(`^([一二三四五六七八九十]+)、(.+)$`)
	arabicHeading       = regexp.MustCompile(`^([0-9０-９]{1,2})([.．、])(.+)$`)
	parenHeading        = regexp.MustCompile(`^([（(])([一二三四五六七八九十]+|[0-9０-９]{1,2})([）)])(.+)$`)
	circledHeading      = regexp.MustCompile(`^([①-⑳])(.+)$`)
	appendixHeading     = regexp.MustCompile(`^(?:附件|附表)\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})?(?:$|[\s：:、.．—-])`)
)

// heading is a line that looks like a numbered heading.
type heading struct {
	style     numberStyle
	number    int
	numbering string
	title     string
	// mark is the 。 or ： that ended the title, dropped from it: a run-in
	// heading's, or a heading's that ends in a colon.
	mark string
	// rest is the text after a run-in heading's mark, the start of its body.
	rest string
	// stopped says the heading is a line of its own ended by 。, which only
	// continues a level of run-in headings (4.强化安全发展。 after 3.…。…):
	// the first of a level would be a one-sentence list item.
	stopped bool
}

// Bounds on a heading's title: a longer line is a sentence. (MaxTitleRunes
// bounds the report's title.)
const (
	// maxHeadingRunes bounds a heading on a line of its own.
	maxHeadingRunes = 40
	// maxRunInRunes bounds the phrase a run-in heading opens its line with.
	maxRunInRunes = 30
	// maxWrappedHeadingRunes bounds a heading wrapped over two lines, and
	// maxHeadingTailRunes the line it wraps onto.
	maxWrappedHeadingRunes = 60
	maxHeadingTailRunes    = 20
	// In a text that was not hard-wrapped, only a heading of at least
	// minCutHeadingRunes is taken to go on over a line of at most
	// maxCutTailRunes (see cutHeading).
	minCutHeadingRunes = 16
	maxCutTailRunes    = 8
)

// numbered splits a trimmed line into a numbering it starts with and the
// text after it. ok is false when the line starts with no numbering, or
// with a number that is a decimal or a list of numbers (4.1万, 1、2号线).
func numbered(text string) (h heading, ok bool) {
	if m := chineseCommaHeading.FindStringSubmatch(text); m != nil {
		h = heading{style: styleChineseComma, number: chineseNumber(m[1]), numbering: m[1] + "、", title: m[2]}
	} else if m := arabicHeading.FindStringSubmatch(text); m != nil {
		if unicode.IsDigit(firstRune(strings.TrimLeftFunc(m[3], isSpace))) {
			return heading{}, false
		}
		style := styleArabicDot
		if m[2] == "、" {
			style = styleArabicComma
		}
		h = heading{style: style, number: arabicNumber(m[1]), numbering: m[1] + m[2], title: m[3]}
	} else if m := parenHeading.FindStringSubmatch(text); m != nil {
		h = heading{style: styleChineseParen, number: chineseNumber(m[2]), numbering: m[1] + m[2] + m[3], title: m[4]}
		if unicode.IsDigit(firstRune(m[2])) {
			h.style, h.number = styleArabicParen, arabicNumber(m[2])
		}
	} else if m := circledHeading.FindStringSubmatch(text); m != nil {
		h = heading{style: styleCircled, number: int(firstRune(m[1])-'①') + 1, numbering: m[1], title: m[2]}
	} else {
		return heading{}, false
	}
	h.title = strings.TrimFunc(h.title, isSpace)
	return h, h.number > 0 && h.title != ""
}

// matchHeading reports whether a trimmed line looks like a numbered heading:
// a short title on a line of its own (a colon that ends it is dropped from
// it), or a short phrase ended by 。 or ： that the heading's text follows
// on the same line. Whether it really is a heading depends on the outline
// so far (see outline.accept).
func matchHeading(text string) (heading, bool) {
	h, ok := numbered(text)
	if !ok {
		return heading{}, false
	}
	own := h
	if r := lastRune(own.title); r == '：' || r == ':' {
		own.title = strings.TrimRightFunc(own.title[:len(own.title)-utf8.RuneLen(r)], isSpace)
		own.mark = string(r)
	}
	if plainTitle(own.title, maxHeadingRunes) {
		return own, true
	}
	if !h.style.runsIn() {
		return heading{}, false
	}
	if r, ok := runIn(h); ok {
		return r, true
	}
	// A run-in heading with no text after it on its line (4.强化安全发展。):
	// its 。 ends the heading, not a sentence, where the outline has the
	// level already (see heading.stopped).
	if title, ok := strings.CutSuffix(h.title, "。"); ok && plainTitle(title, maxRunInRunes) &&
		!strings.ContainsAny(title, "：:") && strings.IndexFunc(title, unicode.IsDigit) < 0 {
		h.title, h.mark, h.stopped = title, "。", true
		return h, true
	}
	return heading{}, false
}

// runIn splits a run-in heading's line at the first 。 or ： into the
// heading's title and the start of its text. The title holds no digit: a
// phrase that states a quantity is a sentence, and its number belongs in
// a paragraph, where it is proposed as an indicator.
func runIn(h heading) (heading, bool) {
	i := strings.IndexAny(h.title, "。：:")
	if i <= 0 {
		return heading{}, false
	}
	_, size := utf8.DecodeRuneInString(h.title[i:])
	title := strings.TrimRightFunc(h.title[:i], isSpace)
	rest := strings.TrimLeftFunc(h.title[i+size:], isSpace)
	hasWord := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
	if !hasWord || !plainTitle(title, maxRunInRunes) || strings.IndexFunc(title, unicode.IsDigit) >= 0 {
		return heading{}, false
	}
	h.title, h.mark, h.rest = title, h.title[i:i+size], rest
	return h, true
}

// plainTitle reports whether s reads as a heading's title of at most max
// characters: no sentence inside it, no clause left open at its end.
func plainTitle(s string, max int) bool {
	if s == "" || utf8.RuneCountInString(s) > max || strings.ContainsAny(s, "。！？") {
		return false
	}
	return !strings.ContainsRune("，、；：,;:", lastRune(s))
}

// matchAppendix reports whether a trimmed line is an appendix's title line
// (附件, 附件1, 附表2：…), which PlanDesk keeps as a top-level section,
// titled as written, after which the numbering starts again.
func matchAppendix(text string) (heading, bool) {
	if !appendixHeading.MatchString(text) || utf8.RuneCountInString(text) > maxHeadingRunes ||
		strings.ContainsAny(text, "。！？；;") {
		return heading{}, false
	}
	return heading{style: styleAppendix, title: text}, true
}

// endsOpen reports whether a heading's title stops on punctuation, so that
// it cannot be wrapped onto the next line.
func endsOpen(title string) bool {
	return strings.ContainsRune("。！？!?；;，,、：:．.…", lastRune(title))
}

// arabicNumber reads 1 … 99 in ASCII or full-width digits.
func arabicNumber(s string) int {
	n, _ := strconv.Atoi(width.Narrow.String(s))
	return n
}

// chineseNumber reads 一 … 九十九; it returns 0 for anything else.
func chineseNumber(s string) int {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	runes := []rune(s)
	switch {
	case len(runes) == 1 && runes[0] == '十':
		return 10
	case len(runes) == 1:
		return digits[runes[0]]
	case len(runes) == 2 && runes[0] == '十' && digits[runes[1]] > 0:
		return 10 + digits[runes[1]]
	case len(runes) == 2 && runes[1] == '十':
		return digits[runes[0]] * 10
	case len(runes) == 3 && runes[1] == '十':
		if digits[runes[0]] == 0 || digits[runes[2]] == 0 {
			return 0
		}
		return digits[runes[0]]*10 + digits[runes[2]]
	}
	return 0
}
