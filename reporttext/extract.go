package reporttext

import (
	"strings"

	"plandesk/cnnum"
)

// Proposal is an indicator PlanDesk found in a report's text: a named
// quantity, its value as written, and the sentence it came from.
type Proposal struct {
	// Name is what the sentence says was measured (数字经济类企业).
	Name string
	// Unit is the value's unit with its scale word (家, 亿元, 万人, %).
	Unit string
	// Value is the quantity as written, qualifier included (突破210家).
	Value string
	// Sentence is the sentence the quantity stands in.
	Sentence string
}

// countUnits are the measure words and units a quantity must carry to be
// proposed. A number followed by anything else is a year (2022年), a
// duration (15分钟), a rank (100强), a name (5G) or part of a formula (1+2+N).
var countUnits = []string{
	"个百分点", "平方公里", "平方米", "人次", "公里", "千米", "公顷", "千瓦",
	"家", "个", "场", "栋", "项", "人", "元", "所", "座", "条", "亩", "吨", "辆",
	"户", "套", "间", "张", "件", "处", "台", "名", "位", "倍", "%", "％",
}

// quantity is one quantity found in a clause: where it stands (with a
// leading 达/达到), the part written as its value, and its unit.
type quantity struct {
	start, end           int // the whole match, 达 included
	valueStart, valueEnd int // the quantity as written: 约15万个, 98%以上
	unit                 string
}

// Words around a quantity's digits, longest first so that 超过 wins over 超.
var (
	linkPrefixes      = []string{"达到", "达"}
	qualifierPrefixes = []string{"超过", "突破", "约", "超", "逾", "近"}
	moreWords         = []string{"余", "多"}
	qualifierSuffixes = []string{"以上", "左右"}
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
		if !isDigit(clause[i]) || i > 0 && isDigit(clause[i-1]) {
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
	j := i
	for j < len(clause) && isDigit(clause[j]) {
		j++
	}
	if j+1 < len(clause) && clause[j] == '.' && isDigit(clause[j+1]) {
		j++
		for j < len(clause) && isDigit(clause[j]) {
			j++
		}
	}
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
	}
	q.end, q.valueEnd = j, j
	q.unit = scale + strings.ReplaceAll(unit, "％", "%")
	return q, true
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

// Words trimmed off a name: where the subject is (全区) and the verbs that
// only link the subject to its number (达到, 共有).
var (
	namePrefixes = []string{"全区", "辖区", "全市", "其中"}
	linkingWords = []string{"达到", "达", "为", "共有", "共", "有", "累计达"}
	leadingVerbs = []string{"新增", "累计", "完成", "建成", "实施", "发放", "引进", "培育"}
)

// ExtractIndicators proposes the indicators a paragraph states, one per
// quantity, in the order they appear.
func ExtractIndicators(paragraph string) []Proposal {
	var out []Proposal
	for _, sentence := range splitKeeping(paragraph, "。！？；") {
		for _, clause := range splitKeeping(sentence, "，：") {
			out = append(out, clauseProposals(strings.TrimRight(clause, "，：。！？；"), sentence)...)
		}
	}
	return out
}

// clauseProposals names each quantity of one clause.
func clauseProposals(clause, sentence string) []Proposal {
	found := findQuantities(clause)
	var out []Proposal
	prevEnd := 0
	var prevNames []string
	for i, q := range found {
		if !standsAlone(clause[:q.start], clause[q.end:]) {
			prevEnd = q.end
			continue
		}
		nextStart := len(clause)
		if i+1 < len(found) {
			nextStart = found[i+1].start
		}
		before := strings.Trim(clause[prevEnd:q.start], "、和及 ")
		after := strings.Trim(clause[q.end:nextStart], "、和及 ")
		names := proposalNames(before, after)
		if len(names) == 0 {
			names = prevNames
		}
		for _, name := range names {
			out = append(out, Proposal{Name: name, Unit: q.unit, Value: clause[q.valueStart:q.valueEnd], Sentence: strings.TrimSpace(sentence)})
		}
		prevNames, prevEnd = names, q.end
	}
	return out
}

// standsAlone reports whether the quantity between before and after is a
// count in its own right, not part of a longer number, a name or a formula.
func standsAlone(before, after string) bool {
	if before != "" {
		last := lastRune(before)
		if isLatinLetter(last) || last >= '0' && last <= '9' || strings.ContainsRune(".+-/", last) {
			return false
		}
	}
	if after != "" {
		next := firstRune(after)
		if isLatinLetter(next) || next >= '0' && next <= '9' || strings.ContainsRune("+-/月", next) {
			return false
		}
	}
	return true
}

// proposalNames builds the names for a quantity from the words before and
// after it in its clause. Subjects listed with 、 before a shared number
// (办结率、满意率达到100%) give one name each.
func proposalNames(before, after string) []string {
	before = trimAny(before, namePrefixes, strings.TrimPrefix, strings.HasPrefix)
	before = trimAny(before, linkingWords, strings.TrimSuffix, strings.HasSuffix)
	before = strings.TrimSpace(before)
	switch {
	case before == "" && after == "":
		return nil
	case after == "" && strings.Contains(before, "、"):
		return strings.Split(before, "、")
	case after == "":
		return []string{before}
	case strings.Contains(before, "、"):
		// A list of names before the count: keep its verb with the noun after it.
		for _, v := range leadingVerbs {
			if strings.HasPrefix(before, v) {
				return []string{v + after}
			}
		}
		return []string{after}
	}
	return []string{before + after}
}

// trimAny removes, once, the first of words that has applies to s.
func trimAny(s string, words []string, trim func(string, string) string, has func(string, string) bool) string {
	for _, w := range words {
		if has(s, w) {
			return trim(s, w)
		}
	}
	return s
}

// splitKeeping splits s after each of the separator runes, keeping them.
func splitKeeping(s, separators string) []string {
	var parts []string
	start := 0
	for i, r := range s {
		if strings.ContainsRune(separators, r) {
			end := i + len(string(r))
			parts = append(parts, s[start:end])
			start = end
		}
	}
	if start < len(s) {
		parts = append(parts, s[start:])
	}
	return parts
}
