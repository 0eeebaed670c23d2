package targets

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names of one indicator as a plan's table and a report write them differ
// in ways that do not change what is measured; normalise sets those aside
// so that equal keys mean the same indicator.

// leadPattern finds what may stand before a name: 其中, a list number
// (1. 2、 ③). Brackets (（一）) go with stripParens.
var leadPattern = regexp.MustCompile(`^\s*(?:其中\s*[:：]?)?\s*(?:[0-9]+\s*[.、．)）]|[①-⑳])?`)

// placeWords are the words of place a name may start with (全区地区生产总值
// is 地区生产总值): a district's table and its report mean the same place.
var placeWords = []string{"全区", "全市", "全县", "全省", "全国", "本区", "我区", "本市", "我市", "本县", "我县", "全域"}

// nameRewrites are the wordings of one thing, longest first within each,
// applied in order to a name without punctuation: 占GDP比重, 占地区生产总值
// 比重 and 比重 are 占比; 年均增长, 增速 and 增长率 are 增长.
var nameRewrites = []struct {
	from []string
	to   string
}{
	{[]string{"占地区生产总值的比重", "占地区生产总值比重", "占国内生产总值比重", "占全区生产总值比重", "占全市生产总值比重",
		"占生产总值比重", "占gdp的比重", "占gdp比重"}, "占比"},
	{[]string{"所占比重", "比重", "比例"}, "占比"},
	{[]string{"占占比"}, "占比"},
	{[]string{"地区生产总值", "国内生产总值", "生产总值"}, "gdp"},
	{[]string{"年均增长率", "年均增长", "年均增速", "年均增幅", "平均增长", "增长率", "增速", "增幅"}, "增长"},
	{[]string{"降低率", "下降率", "降低"}, "下降"},
	{[]string{"能源消耗"}, "能耗"},
	{[]string{"二氧化碳排放"}, "碳排放"},
	{[]string{"研究与试验发展", "研究与开发", "r&d"}, "研发"},
}

// countTails end a name as the count of what it names (企业数量, 就业人数,
// 高新技术企业数): the count and the thing are one indicator. A lone 数
// goes too, but not from a word it belongs to (指数, 系数, 天数).
var (
	countTails   = []string{"数量", "人数", "个数", "家数", "总数"}
	keepsItsShu  = "指系倍参函分基次天户"
	minKeyLength = 2
)

// normalise is a name as names are compared: folded (full-width forms,
// case), without brackets and what they hold (units, GDP, notes), a list
// number, 其中, white space and punctuation, a leading word of place, its
// wordings rewritten and a trailing count word dropped.
func normalise(name string) string {
	s := fold(name)
	s = strings.ReplaceAll(s, "r&d", "研发")
	s = stripParens(s)
	s = leadPattern.ReplaceAllString(s, "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
	for _, p := range placeWords {
		if strings.HasPrefix(s, p) && len(s) > len(p) {
			s = s[len(p):]
			break
		}
	}
	for _, rw := range nameRewrites {
		for _, f := range rw.from {
			s = strings.ReplaceAll(s, f, rw.to)
		}
	}
	return dropCountTail(s)
}

// dropCountTail drops a trailing count word, keeping at least a word of
// two characters.
func dropCountTail(s string) string {
	for _, t := range countTails {
		if rest, ok := strings.CutSuffix(s, t); ok && utf8.RuneCountInString(rest) >= minKeyLength {
			return rest
		}
	}
	if rest, ok := strings.CutSuffix(s, "数"); ok && utf8.RuneCountInString(rest) >= minKeyLength {
		if last, _ := utf8.DecodeLastRuneInString(rest); !strings.ContainsRune(keepsItsShu, last) {
			return rest
		}
	}
	return s
}

// brackets pairs each opening bracket with its closing one.
var brackets = map[rune]rune{'(': ')', '（': '）', '[': ']', '［': '］', '〔': '〕', '【': '】'}

// stripParens drops bracketed parts of a name, brackets included, nested
// ones too; a bracket never closed is dropped alone, keeping the text
// after it.
func stripParens(s string) string {
	if !strings.ContainsAny(s, "([（［〔【") {
		return s
	}
	var b strings.Builder
	var open []rune // the closing brackets awaited
	var pending strings.Builder
	for _, r := range s {
		if c, ok := brackets[r]; ok {
			open = append(open, c)
			continue
		}
		if n := len(open); n > 0 {
			if r == open[n-1] {
				open = open[:n-1]
				if len(open) == 0 {
					pending.Reset()
				}
				continue
			}
			pending.WriteRune(r)
			continue
		}
		b.WriteRune(r)
	}
	b.WriteString(pending.String())
	return b.String()
}

// unitFromName is the unit a name gives in brackets at its end
// (地区生产总值（亿元）, 城镇化率(%)), or "".
// bracketedTail is the bracketed part a name ends with, brackets
// included, when it is a unit (the （亿元） of 地区生产总值（亿元）), or "".
func bracketedTail(name string) string {
	u := unitFromName(name)
	if u == "" {
		return ""
	}
	s := strings.TrimRightFunc(name, unicode.IsSpace)
	last, size := utf8.DecodeLastRuneInString(s)
	for o, c := range brackets {
		if c == last {
			if i := strings.LastIndex(s[:len(s)-size], string(o)); i >= 0 {
				return s[i:]
			}
		}
	}
	return ""
}

func unitFromName(name string) string {
	s := strings.TrimRightFunc(name, unicode.IsSpace)
	last, size := utf8.DecodeLastRuneInString(s)
	var opener rune
	for o, c := range brackets {
		if c == last {
			opener = o
		}
	}
	if opener == 0 {
		return ""
	}
	body := s[:len(s)-size]
	i := strings.LastIndex(body, string(opener))
	if i < 0 {
		return ""
	}
	if u := strings.TrimSpace(body[i+utf8.RuneLen(opener):]); looksLikeUnit(u) {
		return u
	}
	return ""
}

// nameKey is a name made ready for scoring: its normal form, how many
// characters it has, and the distinct pairs of neighbouring characters in
// it (one character alone for a name of one), sorted.
type nameKey struct {
	text  string
	runes int
	grams []uint64
}

// keyOf makes a name's key.
func keyOf(name string) nameKey {
	text := normalise(name)
	rs := []rune(text)
	k := nameKey{text: text, runes: len(rs)}
	if len(rs) == 1 {
		k.grams = []uint64{uint64(rs[0])}
	}
	for i := 0; i+1 < len(rs); i++ {
		k.grams = append(k.grams, uint64(rs[i])<<32|uint64(rs[i+1]))
	}
	slices.Sort(k.grams)
	k.grams = slices.Compact(k.grams)
	return k
}
