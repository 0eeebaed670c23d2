package targets

import (
	"strings"
	"unicode/utf8"

	"plandesk/cnnum"
)

// UnitAgreement says how a plan row's unit and an indicator's agree.
type UnitAgreement int

// The agreements, best first.
const (
	// UnitSame: the same unit (％ and % are one).
	UnitSame UnitAgreement = iota + 1
	// UnitScaled: the same quantity at another scale (万人 and 人, 亿元 and 万元).
	UnitScaled
	// UnitAkin: two counting words for the same kind of count (个 and 家).
	UnitAkin
	// UnitUnknown: one of them has no unit.
	UnitUnknown
	// UnitDiffers: different quantities (家 and 亿元, % and 百分点).
	UnitDiffers
)

// unitFactor weighs a name's score by how the units agree: a perfect name
// with a unit of another quantity stays under MinConfidence, since 累计发放
// 补贴 in 亿元 and in 万人 are two indicators.
func unitFactor(a UnitAgreement) float64 {
	switch a {
	case UnitSame:
		return 1
	case UnitScaled:
		return 0.97
	case UnitUnknown:
		return 0.9
	case UnitAkin:
		return 0.85
	}
	return 0.35
}

// unitWords are the spellings of one unit, as a unit is compared.
var unitWords = map[string]string{
	"百分比": "%", "百分率": "%", "个百分点": "百分点", "公里": "千米", "km": "千米",
	"平方千米": "平方公里", "km2": "平方公里", "km²": "平方公里", "人民币元": "元", "人民币": "元",
}

// countWords are the measure words a count of things is given in; one
// table's 个 is another's 家.
const countWords = "个家项所座栋件场处条户台套只辆名位部"

// normUnit is a unit as units are compared, split into its scale and what
// is counted: 万人 is 1e4 人.
func normUnit(u string) (base string, scale float64) {
	u = strings.TrimSpace(stripParens(fold(u)))
	u = strings.ReplaceAll(u, " ", "")
	if w, ok := unitWords[u]; ok {
		u = w
	}
	word, scale := cnnum.ScaleOf(u)
	base = u[len(word):]
	if w, ok := unitWords[base]; ok {
		base = w
	}
	return base, scale
}

// unitKey is a unit made ready for comparing: what it counts, at what
// scale.
type unitKey struct {
	base  string
	scale float64
}

func unitKeyOf(u string) unitKey {
	base, scale := normUnit(u)
	return unitKey{base, scale}
}

// agreement compares two units.
func (a unitKey) agreement(b unitKey) UnitAgreement {
	switch {
	case a.base == "" && a.scale == 1, b.base == "" && b.scale == 1:
		return UnitUnknown
	case a == b:
		return UnitSame
	case a.base == b.base:
		return UnitScaled
	case isCountWord(a.base) && isCountWord(b.base):
		return UnitAkin
	}
	return UnitDiffers
}

// unitAgreement compares two units as written.
func unitAgreement(a, b string) UnitAgreement { return unitKeyOf(a).agreement(unitKeyOf(b)) }

func isCountWord(s string) bool {
	r, size := utf8.DecodeRuneInString(s)
	return size == len(s) && size > 0 && strings.ContainsRune(countWords, r)
}

// unitEnds are what a unit is made of, for telling a unit in a name's
// brackets (（亿元）, (%)) from a note (（GDP）, （新口径）).
var unitEnds = []string{"%", "‰", "元", "人", "人次", "个", "家", "项", "所", "座", "栋", "件", "场", "处", "条", "户", "台",
	"套", "张", "床", "辆", "只", "名", "位", "亩", "公顷", "平方公里", "平方米", "米", "千米", "公里", "吨", "克", "公斤",
	"千瓦", "千瓦时", "度", "岁", "年", "天", "小时", "分钟", "次", "百分点", "倍", "标准煤", "立方米", "标箱", "册", "部"}

// looksLikeUnit reports whether a short text is a unit: a scale word and
// a known unit, or a rate of one to another (元/人).
func looksLikeUnit(u string) bool {
	u = fold(strings.TrimSpace(u))
	if u == "" || utf8.RuneCountInString(u) > 8 || hasDigit(strings.TrimSuffix(u, "²")) {
		return false
	}
	for _, part := range strings.Split(u, "/") {
		base, _ := normUnit(part)
		known := false
		for _, e := range unitEnds {
			if base == e || strings.HasSuffix(base, e) && utf8.RuneCountInString(base) <= 4 {
				known = true
				break
			}
		}
		if !known {
			return false
		}
	}
	return true
}
