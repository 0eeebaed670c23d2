package cnnum

import (
	"strings"
	"unicode"
)

// rangeDashes are the marks between a range's ends, longest first where
// one begins another: dashes as Word, WPS and the web write them, and 至/到.
var rangeDashes = []string{"——", "—", "–", "－", "～", "~", "至", "到", "-"}

// ParseRange reads a range as plans write targets: "6%–6.5%", "6-6.5%",
// "6～6.5%", "3至5万人", "5.5-6%左右". The end written without a unit or
// scale takes the other's, and a qualifier written once (左右 at the end,
// 约 at the start) applies to both. Each end is read by ParseNumber with
// rule; the low end must not be above the high one, and both must be in
// one unit. The error is always a *NumberError: NumberTwoNumbers when the
// text is no range at all, so a caller can try ParseNumber next.
func ParseRange(text string, rule NumberRule) (low, high Number, err error) {
	t := strings.TrimFunc(text, unicode.IsSpace)
	fail := func(p NumberProblem) (Number, Number, error) {
		return Number{}, Number{}, &NumberError{Text: text, Problem: p}
	}
	a, b, ok := splitRange(t)
	if !ok {
		return fail(NumberTwoNumbers)
	}
	if high, err = ParseNumber(b, rule); err != nil {
		return fail(err.(*NumberError).Problem)
	}
	lowText := a
	if high.Qualifier == About && !strings.HasSuffix(a, "左右") {
		lowText += "左右" // 5.5-6%左右: about both
	}
	if low, err = ParseNumber(lowText, NumberRule{Share: rule.Share}); err != nil {
		return fail(err.(*NumberError).Problem)
	}
	if low.Qualifier == About && high.Qualifier == Exact {
		high.Qualifier = About // 约6-6.5%
	}
	if low.Unit == "" && low.Scale == 1 {
		low.Unit, low.Scale = high.Unit, high.Scale // 6-6.5%, 3至5万人
	}
	if low.Unit != high.Unit {
		return fail(NumberRangeUnits)
	}
	if low.Base() > high.Base() {
		return fail(NumberRangeOrder)
	}
	return low, high, nil
}

// splitRange splits t at a range mark standing between two numbers: a
// digit (or %) before it and a digit after, so a minus sign or a date
// (2021-2025年 has no unit and stays a range of years for the caller) is
// judged by what surrounds it.
func splitRange(t string) (a, b string, ok bool) {
	for _, d := range rangeDashes {
		i := strings.Index(t, d)
		if i <= 0 || i+len(d) >= len(t) {
			continue
		}
		before, after := t[:i], t[i+len(d):]
		last := []rune(before)[len([]rune(before))-1]
		first := []rune(after)[0]
		if isRangeEnd(numFold(last)) && unicode.IsDigit(numFold(first)) {
			return before, after, true
		}
	}
	return "", "", false
}

// isRangeEnd reports whether r can end a range's low side: a digit or a
// unit sign (6%–6.5%), or the last character of a unit word (3万人至5万人).
func isRangeEnd(r rune) bool {
	return unicode.IsDigit(r) || r == '%' || unicode.Is(unicode.Han, r)
}
