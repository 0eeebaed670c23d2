package data

import (
	"regexp"
	"strings"
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

// quantityPattern finds a quantity: an optional 达/达到, a qualifier, the
// digits, a scale word, 余/多, a unit and 以上/左右.
var quantityPattern = regexp.MustCompile(`(?:达到|达)?((?:约|超过|超|突破|逾|近)?(\d+(?:\.\d+)?)(万亿|亿|万)?(?:余|多)?(` +
	strings.Join(quoteAll(countUnits), "|") + `)(?:以上|左右)?)`)

func quoteAll(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = regexp.QuoteMeta(s)
	}
	return out
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
	matches := quantityPattern.FindAllStringSubmatchIndex(clause, -1)
	var out []Proposal
	prevEnd := 0
	prevNames := []string(nil)
	for i, m := range matches {
		start, end := m[0], m[1]
		if !standsAlone(clause[:start], clause[end:]) {
			prevEnd = end
			continue
		}
		nextStart := len(clause)
		if i+1 < len(matches) {
			nextStart = matches[i+1][0]
		}
		before := strings.Trim(clause[prevEnd:start], "、和及 ")
		after := strings.Trim(clause[end:nextStart], "、和及 ")
		names := proposalNames(before, after)
		if len(names) == 0 {
			names = prevNames
		}
		// Groups: 1 the quantity as written, 2 digits, 3 scale word, 4 unit.
		unit := strings.ReplaceAll(clause[m[8]:m[9]], "％", "%")
		if m[6] >= 0 {
			unit = clause[m[6]:m[7]] + unit
		}
		for _, name := range names {
			out = append(out, Proposal{Name: name, Unit: unit, Value: clause[m[2]:m[3]], Sentence: strings.TrimSpace(sentence)})
		}
		prevNames, prevEnd = names, end
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
