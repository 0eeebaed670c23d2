package cnnum

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ParseRange reads a target range as plans write it: two numbers joined by
// a dash (-, –, —, ——, －, ~, ～, 〜), 至 or 到: "6%–6.5%", "6-6.5%",
// "6%至6.5%", "6到6.5万人", "三至五成", "5.5-6%左右". Each end is read as
// ParseNumber reads a number, Chinese numerals and 成 included, and its
// Text is its own part of text.
//
// An end written without a unit takes the other end's unit and, when it has
// no scale word either, the other's scale: "6-6.5%" is 6% to 6.5%, "3至5万人"
// is 3万人 to 5万人, "三至五成" is 30% to 50%. A qualifier written at one end
// only is meant for both: "5.5-6%左右" is about 5.5% to about 6%, "约6-6.5%"
// about 6% to about 6.5%.
//
// The error is always a *NumberError naming the whole text. It is
// NumberTwoNumbers when the text is no range at all (one number, "6.5%",
// or none), so that a caller can try ParseNumber next; a blank text is no
// range either, and gives NumberEmpty whatever rule.Required says, since a
// nil error means a range was written. A range is refused with
// NumberRangeOrder when its low end is above its high end,
// NumberRangeUnits when its ends are in different units, NumberMalformed
// when they have different qualifiers, and with what ParseNumber says of
// either end; rule.Share holds for both ends.
func ParseRange(text string, rule NumberRule) (low, high Number, err error) {
	fail := func(p NumberProblem) (Number, Number, error) {
		return Number{}, Number{}, &NumberError{Text: text, Problem: p}
	}
	t := strings.TrimFunc(text, unicode.IsSpace)
	if t == "" {
		return fail(NumberEmpty)
	}
	if len(t) > numMaxText {
		return fail(NumberMalformed)
	}
	i, j := numRangeDash(t)
	if i < 0 {
		return fail(NumberTwoNumbers)
	}
	// Each end must be there, and it is checked against rule.Share only
	// once it has its unit: the 6 of "6-6.5%" is no share until it is 6%.
	end := NumberRule{Required: true}
	lowForm, p := parseNumber(&low, t[:i], end)
	var highForm numForm
	if p == 0 {
		highForm, p = parseNumber(&high, t[j:], end)
	}
	if p == NumberEmpty {
		p = NumberMalformed // "5-": a dash with one end missing
	}
	if p == 0 {
		p = numRangeJoin(&low, lowForm, &high, highForm)
	}
	if p == 0 && rule.Share && (numShareOver(low) || numShareOver(high)) {
		p = NumberShareOver100
	}
	if p != 0 {
		return fail(p)
	}
	return low, high, nil
}

// numRangeDash finds the word joining the two ends of a range and returns
// where it starts and ends in t, or -1, -1. It looks only after the first
// digit or numeral, so that a sign ("-3%至-1%") and a prefix holding 到
// (达到5-6%) are not taken for it; "——" is one dash.
func numRangeDash(t string) (int, int) {
	digit := false
	for i, c := range t {
		r := numFold(c)
		if !digit {
			digit = '0' <= r && r <= '9' || r >= utf8.RuneSelf && numeralCounts(r)
			continue
		}
		switch r {
		case '-', '~', '–', '―', '〜', '至', '到':
			return i, i + utf8.RuneLen(c) // the width as written: "－" is three bytes
		case '—':
			j := i + len("—")
			if strings.HasPrefix(t[j:], "—") {
				j += len("—")
			}
			return i, j
		}
	}
	return -1, -1
}

// numRangeJoin gives each end of a range what was written only at the
// other: the qualifier, the unit and the scale. It then checks that the
// ends agree and come in order.
func numRangeJoin(low *Number, lowForm numForm, high *Number, highForm numForm) NumberProblem {
	switch {
	case low.Qualifier == high.Qualifier:
	case low.Qualifier == Exact:
		low.Qualifier = high.Qualifier
	case high.Qualifier == Exact:
		high.Qualifier = low.Qualifier
	default:
		return NumberMalformed // "约5-超6": no one qualifier for the range
	}
	// ParseNumber takes any Chinese word for a unit, 到 and 至 too, but a
	// range's high end with one ("5至6至") is no range anyone wrote, and
	// given to the low end the word would split the range elsewhere when
	// read again. The low end cannot hold one: the first joining word ends
	// it.
	if strings.ContainsAny(high.Unit, "至到") {
		return NumberMalformed
	}
	if p := numRangeUnit(low, lowForm, *high, highForm); p != 0 {
		return p
	}
	if p := numRangeUnit(high, highForm, *low, lowForm); p != 0 {
		return p
	}
	if low.Unit != high.Unit {
		return NumberRangeUnits
	}
	if low.Base() > high.Base() {
		return NumberRangeOrder
	}
	return 0
}

// numRangeUnit gives n, one end of a range, the unit of the other end,
// from, if n has none, and from's scale if n has no scale word either. A
// bare end beside 成 counts tenths too (三至五成), so it becomes percent as
// 成 does.
func numRangeUnit(n *Number, form numForm, from Number, fromForm numForm) NumberProblem {
	if n.Unit != "" {
		return 0
	}
	if fromForm.tenths {
		var ok bool
		if n.Value, n.Decimals, ok = numTimesTen(n.Value, n.Decimals); !ok || n.Scale != 1 {
			return NumberMalformed // "3万至5成"
		}
		n.Unit = "%"
		return 0
	}
	if n.Scale == 1 {
		n.Scale = from.Scale
	}
	n.Unit = from.Unit
	if n.Scale != 1 && numIsPercent(n.Unit) {
		return NumberMalformed // "5万-6%", as ParseNumber refuses "5万%"
	}
	if form.chinese && !numMeasure(n.Unit) {
		return NumberMalformed // "三至5农": 三农 is no number
	}
	return 0
}
