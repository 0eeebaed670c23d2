package reporttext

import (
	"strings"

	"plandesk/cnnum"
)

// countUnits are the measure words and units a quantity must carry to be
// proposed, longest first where one begins another (吨标准煤 before 吨).
// A number followed by anything else is a year (2022年), a duration
// (15分钟), a rank (100强), a name (5G) or part of a formula (1+2+N).
var countUnits = []string{
	"微克/立方米", "吨标准煤", "个百分点", "平方公里", "平方米", "标准箱",
	"人次", "公里", "千米", "公顷", "公斤", "千克", "千瓦时", "千瓦", "兆瓦", "TEU", "km", "㎡", "美元",
	"家", "个", "场", "栋", "项", "人", "元", "所", "座", "条", "亩", "吨", "辆",
	"户", "套", "间", "张", "件", "处", "台", "名", "位", "倍", "斤", "头", "只",
	"席", "岁", "%", "％",
}

// quantity is one quantity found in a clause: where it stands (with a
// leading 达/达到), the part written as its value, and its unit.
type quantity struct {
	start, end           int // the whole match, 达 included
	valueStart, valueEnd int // the quantity as written: 约15万个, 98%以上
	unit                 string
	// suffix is the qualifier written after it (以上, 左右, 以内), so a
	// list sharing one (7%、8%左右) can give it to each.
	suffix string
}

// value is the quantity as the clause writes it.
func (q quantity) value(clause string) string { return clause[q.valueStart:q.valueEnd] }

// Words around a quantity's digits, longest first so that 超过 wins over 超.
var (
	linkPrefixes      = []string{"达到", "达"}
	qualifierPrefixes = []string{"不超过", "不低于", "不少于", "超过", "突破", "约", "超", "逾", "近"}
	moreWords         = []string{"余", "多"}
	qualifierSuffixes = []string{"以上", "左右", "以内", "以下"}
)

// QuantitySpans returns where text states a quantity with its unit, as
// byte ranges [start, end) of what is written as the value: "0.97万人",
// "约15万个", "98%以上". The window keeps each on one line, so a number is
// never parted from its unit at a line break; the grammar is the one the
// proposals are read with.
func QuantitySpans(text string) [][2]int {
	qs := findQuantities(text)
	spans := make([][2]int, len(qs))
	for i, q := range qs {
		spans[i] = [2]int{q.valueStart, q.valueEnd}
	}
	return spans
}

// findQuantities scans a clause for quantities: an optional 达/达到, a
// qualifier, the digits, a scale word, 余/多, a unit from countUnits and
// 以上/左右. Digits without a known unit are not a quantity.
func findQuantities(clause string) []quantity {
	var out []quantity
	for i := 0; i < len(clause); {
		if !isDigit(clause[i]) || i > 0 && (isDigit(clause[i-1]) || clause[i-1] == '.') {
			i++
			continue
		}
		q, ok := quantityAt(clause, i)
		if !ok {
			i++
			continue
		}
		out = append(out, q)
		i = q.end
	}
	return out
}

// quantityAt reads the quantity whose digits start at i.
func quantityAt(clause string, i int) (quantity, bool) {
	q := quantity{start: i, valueStart: i}
	if p, ok := suffixOf(clause[:i], qualifierPrefixes); ok {
		q.valueStart -= len(p)
		q.start = q.valueStart
	}
	if p, ok := suffixOf(clause[:q.start], linkPrefixes); ok {
		q.start -= len(p)
	}
	j := digitsEnd(clause, i)
	scale, _ := cnnum.ScaleOf(clause[j:])
	j += len(scale)
	if m, ok := prefixOf(clause[j:], moreWords); ok {
		j += len(m)
	}
	unit, ok := prefixOf(clause[j:], countUnits)
	if !ok {
		return quantity{}, false
	}
	j += len(unit)
	if sfx, ok := prefixOf(clause[j:], qualifierSuffixes); ok {
		j += len(sfx)
		q.suffix = sfx
	}
	q.end, q.valueEnd = j, j
	q.unit = scale + strings.ReplaceAll(unit, "％", "%")
	return q, true
}

// digitsEnd is where the number starting at i ends: digits, groups of
// three after a comma (1,234) and one decimal part.
func digitsEnd(s string, i int) int {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	for j+3 < len(s) && s[j] == ',' && isDigit(s[j+1]) && isDigit(s[j+2]) && isDigit(s[j+3]) && (j+4 == len(s) || !isDigit(s[j+4])) {
		j += 4
	}
	if j+1 < len(s) && s[j] == '.' && isDigit(s[j+1]) {
		j++
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	return j
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// prefixOf returns the first of words that s starts with.
func prefixOf(s string, words []string) (string, bool) {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w, true
		}
	}
	return "", false
}

// suffixOf returns the first of words that s ends with.
func suffixOf(s string, words []string) (string, bool) {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return w, true
		}
	}
	return "", false
}
