package cnnum

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Qualifier says how the written number relates to the true value.
type Qualifier string

// The qualifiers a report writes around its numbers. The values are the
// mathematical signs, so a Qualifier reads well in logs and tests.
const (
	// Exact is a number written plainly: "75.3%".
	Exact Qualifier = ""
	// About is 约 / 大约 / 近 before the number or 左右 after it: "约15万个".
	About Qualifier = "≈"
	// More is 余 / 多 after the number or its scale word: "20余个", "4.1万余人".
	More Qualifier = "+"
	// Over is 超 / 超过 / 突破 / 逾 / ">" before the number: "超20.8亿元".
	Over Qualifier = ">"
	// AtLeast is 以上 after the number or 不低于 / "≥" before it: "98%以上".
	AtLeast Qualifier = "≥"
	// Under is 低于 / 少于 / "<" before the number: "低于5%".
	Under Qualifier = "<"
	// AtMost is 以下 after the number or 不超过 / "≤" before it: "5%以下".
	AtMost Qualifier = "≤"
)

// Number is a number as written in a report or typed by a user, keeping the
// text next to what was read from it.
type Number struct {
	// Text is the input, trimmed, exactly as written ("约15万个").
	Text string
	// Qualifier says whether the number is exact, approximate or a bound.
	Qualifier Qualifier
	// Value is the digits as written, before the scale: 15 for 15万, 75.3
	// for 75.3%, 120 for 一百二十万; for a share in 成, ten times them (30
	// for 三成).
	Value float64
	// Decimals counts the digits after the decimal point as written (75.30
	// → 2, 零点五 → 1), so Format gives them back; for 成, one fewer (2.5成
	// is 25%, 0 decimals).
	Decimals int
	// Scale is what the scale word multiplies by: 1 when there is none,
	// 1e3 (千, only where it ends the number: "3千", "3千余人"), 1e4 (万),
	// 1e6 (百万), 1e7 (千万), 1e8 (亿), 1e10 (百亿), 1e11 (千亿) or 1e12
	// (万亿). A Chinese numeral ending in 万, 亿 or 万亿 has that scale
	// (一百二十万: Value 120, Scale 1e4); any other has scale 1 (一万二千:
	// Value 12000).
	Scale float64
	// Unit is what follows the number and scale: "个", "元", "%", "元/人",
	// "人次", or "" when none. Full-width forms are folded ("％" → "%"). A
	// share written in 成 is in percent: 三成 is Value 30, Unit "%".
	Unit string
}

// NumberRule says what the field being parsed accepts.
type NumberRule struct {
	// Required makes empty input an error; otherwise it parses to the zero
	// Number with no error.
	Required bool
	// Share marks a field that is a part of a whole (a rate or percentage):
	// more than 100% is rejected.
	Share bool
}

// NumberProblem says why ParseNumber or ParseRange refused a text.
type NumberProblem int

// The problems ParseNumber and ParseRange report; ParseNumber reports only
// those up to NumberMalformed. Zero is left unused so that a forgotten
// Problem never reads as a real one.
const (
	// NumberEmpty means the field is required but nothing was written.
	NumberEmpty NumberProblem = iota + 1
	// NumberTwoNumbers means the text holds a range or a second number:
	// "5 6", "5到6", "5-6万".
	NumberTwoNumbers
	// NumberAmbiguousScale means the text uses 兆, which is 1e6 in some
	// contexts and 1e12 in others.
	NumberAmbiguousScale
	// NumberLetters means the text holds a Latin letter: "12abc", "5G".
	NumberLetters
	// NumberShareOver100 means a share field holds more than 100%.
	NumberShareOver100
	// NumberMalformed means the text cannot be read as a number for any
	// other reason: "约", "万", "1.2.3", "%", "1,23".
	NumberMalformed
	// NumberRangeUnits means a range's ends are in different units: "6%-7个".
	NumberRangeUnits
	// NumberRangeOrder means a range's low end is above its high end: "7-6%".
	NumberRangeOrder
)

// String names the problem in English, as NumberError.Error uses it.
func (p NumberProblem) String() string {
	switch p {
	case NumberEmpty:
		return "empty"
	case NumberTwoNumbers:
		return "two numbers"
	case NumberAmbiguousScale:
		return "ambiguous scale"
	case NumberLetters:
		return "letters"
	case NumberShareOver100:
		return "share over 100%"
	case NumberMalformed:
		return "malformed"
	case NumberRangeUnits:
		return "range ends in different units"
	case NumberRangeOrder:
		return "range low end above high end"
	}
	return "NumberProblem(" + strconv.Itoa(int(p)) + ")"
}

// NumberError reports why a text is not an acceptable number.
type NumberError struct {
	// Text is the input as given to ParseNumber or ParseRange.
	Text string
	// Problem says what is wrong with it.
	Problem NumberProblem
}

func (e *NumberError) Error() string {
	return fmt.Sprintf("number %q: %v", e.Text, e.Problem)
}

// Limits on what ParseNumber reads. A field holds one number with a short
// unit; anything longer is prose pasted into the wrong place, and the bounds
// keep Format's output within what ParseNumber accepts back.
const (
	// numMaxText bounds the trimmed input, in bytes.
	numMaxText = 256
	// numMaxDigits bounds the digits written, counting leading zeros.
	numMaxDigits = 40
	// numMaxDecimals bounds the digits after the decimal point.
	numMaxDecimals = 10
	// numMaxValue bounds the value before its scale: below it Format never
	// writes more than 30 integer digits, so with numMaxDecimals its output
	// stays within numMaxDigits.
	numMaxValue = 1e30
	// numMaxUnit bounds the unit, in runes: "万元/平方公里" is 7.
	numMaxUnit = 16
)

// numWord is a word written before or after the number.
type numWord struct {
	word  string
	first rune // the word's first rune, so a scan tries only the words that can match
	q     Qualifier
	verb  bool // a verb such as 达到, read and ignored
}

// numWords fills in each word's first rune.
func numWords(words ...numWord) []numWord {
	for i := range words {
		words[i].first, _ = utf8.DecodeRuneInString(words[i].word)
	}
	return words
}

// numPrefixes lists the words accepted before the number, each longer word
// ahead of any word it begins with (达到 before 达, >= before >). It is
// never modified after it is built.
var numPrefixes = numWords(
	numWord{word: "不低于", q: AtLeast},
	numWord{word: "不少于", q: AtLeast},
	numWord{word: "不小于", q: AtLeast},
	numWord{word: "不超过", q: AtMost},
	numWord{word: "不高于", q: AtMost},
	numWord{word: "不大于", q: AtMost},
	numWord{word: "不足", q: Under},
	numWord{word: "大约", q: About},
	numWord{word: "大于", q: Over},
	numWord{word: "将近", q: About},
	numWord{word: "接近", q: About},
	numWord{word: "超过", q: Over},
	numWord{word: "超", q: Over},
	numWord{word: "突破", q: Over},
	numWord{word: "高于", q: Over},
	numWord{word: "多于", q: Over},
	numWord{word: "低于", q: Under},
	numWord{word: "少于", q: Under},
	numWord{word: "小于", q: Under},
	numWord{word: ">=", q: AtLeast},
	numWord{word: ">", q: Over},
	numWord{word: "<=", q: AtMost},
	numWord{word: "<", q: Under},
	numWord{word: "达到", verb: true},
	numWord{word: "达", verb: true},
	numWord{word: "约", q: About},
	numWord{word: "近", q: About},
	numWord{word: "≈", q: About},
	numWord{word: "逾", q: Over},
	numWord{word: "≥", q: AtLeast},
	numWord{word: "≤", q: AtMost},
)

// numSuffixes lists the words accepted after the unit. It is never modified
// after it is built.
var numSuffixes = numWords(
	numWord{word: "左右", q: About},
	numWord{word: "上下", q: About},
	numWord{word: "以上", q: AtLeast},
	numWord{word: "以下", q: AtMost},
	numWord{word: "以内", q: AtMost},
)

// numScale is a scale word and what it multiplies by.
type numScale struct {
	word  string
	first rune
	scale float64
}

// numScales lists the scale words, 万亿 ahead of 万 so the longer word wins.
// 千 and 百 alone are not scales: 千米, 千克 and 百分点 are units. The table
// is never modified.
var numScales = []numScale{
	{"万亿", '万', 1e12},
	{"万", '万', 1e4},
	{"亿", '亿', 1e8},
	{"千亿", '千', 1e11},
	{"千万", '千', 1e7},
	{"百亿", '百', 1e10},
	{"百万", '百', 1e6},
}

// ParseNumber reads one number as officials write it: an optional qualifier
// (约, 超过, 不低于, ≥ …), an optional sign, digits with optional thousands
// separators and decimals, an optional scale word (万, 亿, 万亿, 千万 …), an
// optional 余 or 多, a unit ("个", "%", "元/人") and an optional 左右, 以上
// or 以下.
// Full-width digits and punctuation are read like ASCII, 〇 like 0. The
// number may be written in Chinese numerals instead of digits (一百二十万,
// 两千余家, 零点五, 壹佰贰拾); their unit must then be a measure word or
// unit (个, 家, 亩, 千瓦 …), so that names such as 四川 or 两会 are not read
// as numbers. 千 after digits is a scale when nothing but 余, 多 or a
// qualifier follows it (3千, 3千余人); before a unit it is part of the unit
// (5千米, 3千元), as UnitScale reads it. 成 counts tenths: 三成 and 2成 are
// 30% and 20%.
// It refuses ranges (ParseRange reads those), Latin letters and 兆, and
// with rule.Share a share above 100%; the error is always a *NumberError.
func ParseNumber(text string, rule NumberRule) (Number, error) {
	var n Number
	if _, p := parseNumber(&n, text, rule); p != 0 {
		return Number{}, &NumberError{Text: text, Problem: p}
	}
	return n, nil
}

// numForm is how a number was written, beyond what Number keeps. ParseRange
// needs it to give one end's unit to the other: 三至五成 is 30% to 50%,
// not 3% to 50%.
type numForm struct {
	chinese bool // written in Chinese numerals, not digits
	tenths  bool // written in 成: Value is ten times what was written
}

// parseNumber is ParseNumber filling in n, which must be zero, with the
// problem, 0 when there is none, in place of the error, and with how the
// number was written. It writes n in place rather than returning it: a
// Number is nine words, and copying one up through each layer showed in
// BenchmarkParseNumber.
func parseNumber(n *Number, text string, rule NumberRule) (numForm, NumberProblem) {
	t := strings.TrimFunc(text, unicode.IsSpace)
	if t == "" {
		if rule.Required {
			return numForm{}, NumberEmpty
		}
		return numForm{}, 0
	}
	if p := numForeign(t); p != 0 {
		return numForm{}, p
	}
	if len(t) > numMaxText {
		return numForm{}, NumberMalformed
	}

	sc := numScanner{s: t}
	q, ok := sc.prefix()
	if !ok {
		return numForm{}, NumberMalformed
	}
	// The number itself: Chinese numerals, or digits. Every numeral
	// character is encoded with a lead byte from 0xE3 (〇) to 0xE9 (零,
	// 陆), so one byte tells ASCII and full-width digits (0xEF) apart
	// before any call.
	var form numForm
	var more bool
	var p NumberProblem
	if sc.i < len(sc.s) && 0xE3 <= sc.s[sc.i] && sc.s[sc.i] <= 0xE9 && sc.numeralStart() {
		form.chinese = true
		if p = sc.chinese(n); p == 0 {
			more = sc.numeralMore(n)
		}
	} else if p = sc.number(n); p == 0 {
		n.Scale, more = sc.scale()
	}
	if p == 0 {
		form.tenths, p = numTail(n, form.chinese, q, more, sc.s[sc.i:])
	}
	if p == 0 && rule.Share && numShareOver(*n) {
		p = NumberShareOver100
	}
	if p != 0 {
		return numForm{}, p
	}
	n.Text = t
	return form, 0
}

// numTail reads what follows the number, its scale and 余 or 多 into n:
// the qualifier written after it and the unit, or 成. It reports whether
// the number was in 成.
func numTail(n *Number, chinese bool, q Qualifier, more bool, tail string) (bool, NumberProblem) {
	// A digit after the number means a second number: a range ("5-6万",
	// "5到6", "五至六") or a list ("5 6", "三五个"). Ranges are refused as
	// a whole rather than read as their first end. Numerals are looked for
	// only once the qualifier words, which hold none, are cut off: the
	// look costs more per character than the one for digits.
	if strings.IndexFunc(tail, func(r rune) bool { r = numFold(r); return '0' <= r && r <= '9' }) >= 0 {
		return false, NumberTwoNumbers
	}
	suffix, tail := numSuffix(tail)
	if numSecond(tail) {
		return false, NumberTwoNumbers
	}
	tenths := false
	if n.Scale == 1 && !more && strings.HasPrefix(tail, "成") {
		tenths, more = numTenths(tail[len("成"):])
		if tenths {
			tail = ""
		}
	}
	var ok bool
	if n.Qualifier, ok = numQualifier(q, suffix, more); !ok {
		return false, NumberMalformed
	}
	unit, ok := numUnit(tail)
	if !ok || chinese && !numMeasure(unit) {
		return false, NumberMalformed
	}
	if n.Scale != 1 && numIsPercent(unit) {
		return false, NumberMalformed // "5万%" has no meaning
	}
	n.Unit = unit
	if tenths {
		if n.Value, n.Decimals, ok = numTimesTen(n.Value, n.Decimals); !ok {
			return false, NumberMalformed
		}
		n.Unit = "%"
	}
	return tenths, 0
}

// numTenths reads what follows 成 once the qualifier after it is cut off:
// nothing (三成) or 余 or 多 (三成多) makes 成 a share in tenths, and the
// second result says 余 or 多 was written. Anything else leaves 成 to the
// unit (3成员), as it was before 成 was read.
func numTenths(rest string) (tenths, more bool) {
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	switch rest {
	case "":
		return true, false
	case "余", "多":
		return true, true
	}
	return false, false
}

// numSecond reports whether the text after a number holds a Chinese
// numeral that starts a second number. Right after a "/" (and after the
// numeral it starts) one names the base of a rate, 人/十万人, not a second
// number; after anything else it does, as in 元/人至六元/人.
func numSecond(tail string) bool {
	base := false // inside a numeral that directly follows "/"
	for _, r := range tail {
		switch {
		case r < utf8.RuneSelf:
			base = r == '/'
		case r == '／':
			base = true
		case r < '〇' || r > '零':
			base = false // full-width signs and symbols (％, ℃): no numeral lies outside 〇 … 零
		case numeralCounts(r):
			if !base {
				return true
			}
		default:
			base = base && numeralIsPart(r)
		}
	}
	return false
}

// numEnds reports whether rest, the text after 千, ends the number: it is
// empty, starts with 余 or 多, or is only a qualifier (以上, 左右 …). 千 is a
// scale only there; elsewhere it begins a unit (千米, 千元).
func numEnds(rest string) bool {
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	if rest == "" || strings.HasPrefix(rest, "余") || strings.HasPrefix(rest, "多") {
		return true
	}
	_, left := numSuffix(rest)
	return left == ""
}

// numForeign is the problem of a text holding a Latin letter or 兆, or 0.
// Letters and 兆 are refused wherever they are, ahead of any structural
// problem, because they name the fix most precisely ("5G" is not a
// malformed number, it is not a number at all).
func numForeign(t string) NumberProblem {
	ambiguous := false
	for _, r := range t {
		r = numFold(r)
		if r < utf8.RuneSelf && ('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
			return NumberLetters
		}
		if r == '兆' {
			ambiguous = true
		}
	}
	if ambiguous {
		return NumberAmbiguousScale
	}
	return 0
}

// numSuffix splits a qualifier word (左右, 以上 …) off the end of the text
// after the number and returns its qualifier, Exact when there is none, and
// the text before it. Only the end counts: a word inside the unit ("5以上个")
// stays there for numUnit to refuse.
func numSuffix(tail string) (Qualifier, string) {
	tail = strings.TrimFunc(tail, unicode.IsSpace)
	for _, w := range numSuffixes {
		if rest, found := strings.CutSuffix(tail, w.word); found {
			return w.q, strings.TrimFunc(rest, unicode.IsSpace)
		}
	}
	return Exact, tail
}

// numQualifier combines the qualifiers written before the number, after the
// unit and as 余 or 多; false when they disagree.
func numQualifier(q, suffix Qualifier, more bool) (Qualifier, bool) {
	// One qualifier at most; the same one twice ("约15万个左右") is only
	// emphasis, but two different ones ("超过98%以上") contradict or stack
	// in ways no single Qualifier can keep.
	for _, other := range []Qualifier{suffix, moreQualifier(more)} {
		if other == Exact {
			continue
		}
		if q != Exact && q != other {
			return Exact, false
		}
		q = other
	}
	return q, true
}

// moreQualifier is More when 余 or 多 was written.
func moreQualifier(more bool) Qualifier {
	if more {
		return More
	}
	return Exact
}

// numShareOver reports whether n cannot be a share: more than the whole, or
// at least the whole and said to be beyond it ("超100%"). Only shares written
// as a percentage, per mille or bare number are checked; a share field with
// another unit ("个百分点") holds a change, not a share.
func numShareOver(n Number) bool {
	var whole float64
	switch n.Unit {
	case "", "%":
		whole = 100
	case "‰":
		whole = 1000
	case "‱":
		whole = 10000
	default:
		return false
	}
	b := n.Base()
	return b > whole || b == whole && (n.Qualifier == Over || n.Qualifier == More)
}

// numIsPercent reports whether unit says the number is a part per hundred,
// thousand or ten thousand.
func numIsPercent(unit string) bool {
	return unit == "%" || unit == "‰" || unit == "‱"
}

// numUnit checks the text left after the number, scale and qualifiers and
// returns it folded to ASCII punctuation. A unit is Chinese characters with
// "/" between them ("元/人"), a percent sign on its own, or a few unit
// symbols (℃, ㎡); anything else is prose or punctuation the parser would
// only be guessing about.
func numUnit(raw string) (string, bool) {
	if raw == "" {
		return "", true
	}
	if r, size := utf8.DecodeRuneInString(raw); size == len(raw) && numFold(r) == '%' {
		return "%", true // "％" is common enough to spare the copy strings.Map makes
	}
	unit := strings.Map(numFold, raw) // returns raw itself when nothing folds
	if numIsPercent(unit) {
		return unit, true
	}
	if utf8.RuneCountInString(unit) > numMaxUnit {
		return "", false
	}
	// A unit beginning with a scale word or 余 means the parts came in an
	// order Format would not give back ("5万万", "5余余"); a scale word or 余
	// before the "/" means a scale the table does not know ("5千余万").
	first, _ := utf8.DecodeRuneInString(unit)
	if first == '多' {
		return "", false
	}
	numerator, _, _ := strings.Cut(unit, "/")
	if strings.ContainsAny(numerator, "万亿余") {
		return "", false
	}
	// A second qualifier word inside the unit ("5以上个") would be read back
	// by Format as part of the unit, hiding what it says.
	for _, w := range numSuffixes {
		if strings.Contains(unit, w.word) {
			return "", false
		}
	}
	prev := '/'
	for _, r := range unit {
		switch {
		case r == '/':
			if prev == '/' {
				return "", false // leading "/" or "//"
			}
		case unicode.Is(unicode.Han, r), r == '°', r == '℃', r == '℉', '\u3380' <= r && r <= '\u33FF':
			// Chinese characters, degrees and the squared unit signs ㎡ ㎞ ㎏.
		default:
			return "", false
		}
		prev = r
	}
	if prev == '/' {
		return "", false // trailing "/"
	}
	return unit, true
}

// numFold maps the full-width and typographic forms that Chinese text uses
// for digits, signs and punctuation to their ASCII or canonical form, so
// "７５．３％" reads like "75.3%".
func numFold(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		return r
	case 0xFF01 <= r && r <= 0xFF5E: // full-width ASCII
		return r - 0xFEE0
	}
	switch r {
	case '\u3000':
		return ' '
	case '\u2212', '\uFE63': // minus sign, small hyphen-minus
		return '-'
	case '\uFE62': // small plus
		return '+'
	case '\uFE6A': // small percent
		return '%'
	case '≧':
		return '≥'
	case '≦':
		return '≤'
	}
	return r
}

// numScanner walks the trimmed text left to right, folding each rune as it
// reads it.
type numScanner struct {
	s string
	i int // byte offset of the next rune
}

// peek returns the next rune, folded, and its width in bytes; -1 at the end.
func (sc *numScanner) peek() (rune, int) {
	if sc.i >= len(sc.s) {
		return -1, 0
	}
	if c := sc.s[sc.i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	r, size := utf8.DecodeRuneInString(sc.s[sc.i:])
	return numFold(r), size
}

// spaces skips white space, which may stand between any two parts.
func (sc *numScanner) spaces() {
	for {
		r, size := sc.peek()
		if r < 0 || !unicode.IsSpace(r) {
			return
		}
		sc.i += size
	}
}

// word consumes w if the text continues with it once folded.
func (sc *numScanner) word(w string) bool {
	i := sc.i
	for _, want := range w {
		if i >= len(sc.s) {
			return false
		}
		r, size := utf8.DecodeRuneInString(sc.s[i:])
		if numFold(r) != want {
			return false
		}
		i += size
	}
	sc.i = i
	return true
}

// more consumes 余 or 多.
func (sc *numScanner) more() bool {
	if r, size := sc.peek(); r == '余' || r == '多' {
		sc.i += size
		return true
	}
	return false
}

// scale reads the scale word after the digits, if any, and 余 or 多. It
// returns what the scale word multiplies by, 1 when there is none, and
// whether 余 or 多 was written.
func (sc *numScanner) scale() (float64, bool) {
	// 余 or 多 comes right after the digits ("20余万人") or after the scale
	// word ("4.1万余人"); either way it is the same qualifier.
	more := false
	sc.spaces()
	if sc.more() {
		more = true
		sc.spaces()
	}
	scale := 1.0
	if r, _ := sc.peek(); r >= utf8.RuneSelf {
		for _, s := range numScales {
			if s.first == r && sc.word(s.word) {
				scale = s.scale
				sc.spaces()
				break
			}
		}
		if scale == 1 && !more && sc.kilo() {
			scale = 1e3
			sc.spaces()
		}
	}
	if !more && sc.more() {
		more = true
	}
	return scale, more
}

// kilo consumes 千 as a scale word: only where it ends the number (3千,
// 3千余人, 3千以上), since before a unit it is the unit's own (千米, 千瓦,
// 千元), as ScaleOf and UnitScale read it.
func (sc *numScanner) kilo() bool {
	if r, size := sc.peek(); r == '千' && numEnds(sc.s[sc.i+size:]) {
		sc.i += size
		return true
	}
	return false
}

// numeralMore reads 余 or 多 after a Chinese numeral and, when the numeral
// had no group word, the 万, 亿 or 万亿 after it (二十余万人, 两千余亿元).
// It reports whether 余 or 多 was written.
func (sc *numScanner) numeralMore(n *Number) bool {
	sc.spaces()
	if !sc.more() {
		return false
	}
	sc.spaces()
	if r, _ := sc.peek(); n.Scale == 1 && (r == '万' || r == '亿') {
		for _, s := range numScales {
			if s.first == r && sc.word(s.word) {
				n.Scale = s.scale
				sc.spaces()
				break
			}
		}
	}
	return true
}

// prefix reads the words before the number: at most one qualifier and at
// most one verb (达 / 达到), in either order ("达到约", "约达"). It reports
// false when a second qualifier follows the first.
func (sc *numScanner) prefix() (Qualifier, bool) {
	q, verb := Exact, false
	for {
		sc.spaces()
		r, _ := sc.peek()
		if '0' <= r && r <= '9' || r == '+' || r == '-' || r < 0 {
			return q, true // the number itself: the common way out
		}
		matched := false
		for _, w := range numPrefixes {
			if w.first != r || !sc.word(w.word) {
				continue
			}
			matched = true
			if w.verb {
				if verb {
					return Exact, false
				}
				verb = true
			} else {
				if q != Exact {
					return Exact, false
				}
				q = w.q
			}
			break
		}
		if !matched {
			return q, true
		}
	}
}

// number reads an optional sign and the digits, with thousands separators in
// groups of three and an optional decimal part. It fills Value and Decimals.
func (sc *numScanner) number(n *Number) NumberProblem {
	neg := false
	if r, size := sc.peek(); r == '+' || r == '-' {
		neg = r == '-'
		sc.i += size
	}
	// The digits go to ParseFloat as plain ASCII: the text itself when it
	// is already that, otherwise a copy without separators, so common
	// input costs no allocation.
	start := sc.i
	d := numDigits{plain: true}
	lead, _ := sc.peek()
	if lead == '〇' {
		lead = '0'
	}
	group := sc.digits(&d)
	if group == 0 {
		return NumberMalformed // a sign, qualifier or unit with no digits
	}
	if !sc.thousands(&d, group, lead) {
		return NumberMalformed
	}
	if r, size := sc.peek(); r == '.' {
		if size != 1 {
			d.plain = false
		}
		d.keep('.')
		sc.i += size
		n.Decimals = sc.digits(&d)
		if n.Decimals == 0 {
			return NumberMalformed // "75." or "1.%"
		}
	}
	if r, _ := sc.peek(); r == '.' || r == ',' {
		return NumberMalformed // "1.2.3", "1,234,56"
	}
	if d.count > numMaxDigits || n.Decimals > numMaxDecimals {
		return NumberMalformed
	}
	clean := sc.s[start:sc.i]
	if !d.plain {
		clean = string(d.buf[:d.used])
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) || v >= numMaxValue {
		return NumberMalformed
	}
	if neg && v != 0 { // no "-0": it would print as such
		v = -v
	}
	n.Value = v
	return 0
}

// numDigits gathers the digits and decimal point of a number for
// ParseFloat. It is a value on number's stack, its buffer sized to the
// longest number accepted, so that making the copy allocates nothing.
type numDigits struct {
	buf   [numMaxDigits + 1]byte // the digits and the point, up to numMaxDigits digits
	used  int                    // bytes of buf in use
	count int                    // digits read, counting those past numMaxDigits
	plain bool                   // the text itself is ASCII digits and point only
}

// keep adds c to the copy unless the number is already too long to be
// accepted, which number reports once it has read it all.
func (d *numDigits) keep(c byte) {
	if d.count < numMaxDigits {
		d.buf[d.used] = c
		d.used++
	}
}

// digits reads a run of digits into d and returns how many there were.
func (sc *numScanner) digits(d *numDigits) int {
	count := 0
	for {
		r, size := sc.peek()
		if r < '0' || r > '9' {
			if r != '〇' {
				return count
			}
			r = '0' // the zero of 二〇二五, which reports also write among digits
		}
		if size != 1 {
			d.plain = false
		}
		d.keep(byte(r))
		d.count++
		count++
		sc.i += size
	}
}

// thousands reads the groups after thousands separators, if the digits read
// so far (group of them, the first being lead) are followed by one. It
// reports false for separators in the wrong places.
func (sc *numScanner) thousands(d *numDigits, group int, lead rune) bool {
	r, size := sc.peek()
	if r != ',' {
		return true
	}
	// Thousands separators: "1,234" and "12,345,678", never "1,23",
	// "1234,567" or "0,123" (a European decimal comma).
	if group > 3 || lead == '0' {
		return false
	}
	d.plain = false
	for r == ',' {
		sc.i += size
		if sc.digits(d) != 3 {
			return false
		}
		r, size = sc.peek()
	}
	return true
}

// IsEmpty reports whether nothing was written: the zero Number that
// ParseNumber returns for blank input.
func (n Number) IsEmpty() bool { return n == Number{} }

// Base is the value with its scale applied: 54100 for 5.41万. A Number
// built without a Scale counts as unscaled.
func (n Number) Base() float64 {
	if n.Scale == 0 {
		return n.Value
	}
	return n.Value * n.Scale
}

// Format writes n the way a report would, in one canonical spelling: a
// qualifier word (约, 超, 低于 before the number; 余 after the scale; 以上,
// 以下 after the unit), ASCII digits with exactly Decimals decimals and no
// thousands separators, the scale word, then the unit. ParseNumber reads the
// result back to an Equal Number with the same Decimals, and formatting that
// gives the same text again. The empty Number formats to "".
func (n Number) Format() string {
	if n.IsEmpty() {
		return ""
	}
	var buf [96]byte
	b := buf[:0]
	switch n.Qualifier {
	case About:
		b = append(b, "约"...)
	case Over:
		b = append(b, "超"...)
	case Under:
		b = append(b, "低于"...)
	}
	scaleWord, value := "", n.Value
	switch n.Scale {
	case 0, 1:
	case 1e3:
		// 千 reads back as a scale only where it ends the number or comes
		// before 余 (kilo); before a unit it is written out in full.
		if n.Unit == "" || n.Qualifier == More {
			scaleWord = "千"
		} else {
			value = n.Base()
		}
	default:
		value = n.Base() // a scale with no word: write it out in full
		for _, s := range numScales {
			if s.scale == n.Scale {
				scaleWord, value = s.word, n.Value
				break
			}
		}
	}
	b = strconv.AppendFloat(b, value, 'f', max(n.Decimals, 0), 64)
	b = append(b, scaleWord...)
	if n.Qualifier == More {
		b = append(b, "余"...)
	}
	b = append(b, n.Unit...)
	switch n.Qualifier {
	case AtLeast:
		b = append(b, "以上"...)
	case AtMost:
		b = append(b, "以下"...)
	}
	return string(b)
}

// Equal reports whether n and m say the same thing: the same qualifier, the
// same unit and the same value once scaled (within a relative 1e-9, so
// "5.41万人" equals "54100人"). An empty Number equals only another empty one,
// not a written 0.
func (n Number) Equal(m Number) bool {
	if n.IsEmpty() || m.IsEmpty() {
		return n.IsEmpty() == m.IsEmpty()
	}
	if n.Qualifier != m.Qualifier || n.Unit != m.Unit {
		return false
	}
	a, b := n.Base(), m.Base()
	return a == b || math.Abs(a-b) <= 1e-9*max(math.Abs(a), math.Abs(b))
}

// ScaleOf returns the scale word a text starts with and what it multiplies
// by ("万人" → "万", 1e4; "千万元" → "千万", 1e7), or "" and 1 when it starts
// with none (家, %, 千米). It reads the same table ParseNumber does, so a
// bare number in an indicator's unit and the same number written with its
// scale word always agree.
func ScaleOf(text string) (word string, scale float64) {
	r, _ := utf8.DecodeRuneInString(text)
	best := numScale{scale: 1}
	for _, s := range numScales {
		if s.first == r && strings.HasPrefix(text, s.word) && len(s.word) > len(best.word) {
			best = s
		}
	}
	return best.word, best.scale
}

// UnitScale is the factor of a unit's leading scale word: 1e4 for 万人, 1e7
// for 千万元, 1 for 家.
func UnitScale(unit string) float64 {
	_, scale := ScaleOf(unit)
	return scale
}
