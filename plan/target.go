package plan

import (
	"strings"
	"unicode"

	"plandesk/cnnum"
)

// targetText is what a target's text says around its number: the number
// part to read, the kind its words give, and for a target relative to the
// baseline (翻一番, 比2020年增长20%) the factor the baseline is multiplied by.
type targetText struct {
	// number is the part of the text ParseNumber reads (5.5%以内).
	number string
	// kind is the kind the words give (年均 → annual, 累计 or [ ] →
	// cumulative), or "".
	kind string
	// factor is what the baseline is multiplied by for a relative target,
	// 0 for an absolute one.
	factor float64
}

// Words that only lead a target's number (到2025年达到, 力争): they say when
// and how firmly, not how much.
var targetLeads = []string{"力争", "确保", "争取", "预计", "达到", "达", "保持在", "稳定在", "控制在", "提高到", "提升到", "增加到", "降低到", "下降到", "降到", "降至"}

// readTargetText splits a target as plans write it: "年均增长7%左右",
// "[13.5]", "累计下降13.5%", "到2025年达到210亿元", "控制在5.5%以内",
// "翻一番", "比2020年增长20%".
func readTargetText(text string) targetText {
	t := strings.TrimSpace(text)
	t = trimTargetYear(t)
	var out targetText
	if f, ok := doublings[t]; ok {
		return targetText{factor: f, kind: TargetLevel}
	}
	if rest, ok := strings.CutPrefix(t, "比"); ok {
		if i := strings.Index(rest, "年"); i > 0 && i <= 4+len("年") {
			rel := rest[i+len("年"):]
			for _, w := range []struct {
				word string
				sign float64
			}{{"增长", 1}, {"提高", 1}, {"增加", 1}, {"下降", -1}, {"降低", -1}, {"减少", -1}} {
				if r, ok := strings.CutPrefix(rel, w.word); ok {
					if n, err := cnnum.ParseNumber(r, cnnum.NumberRule{}); err == nil && n.Unit == "%" {
						return targetText{factor: 1 + w.sign*n.Value/100, kind: TargetLevel}
					}
				}
			}
		}
	}
	for _, w := range []string{"年均增长", "年均提高", "年均增速", "年均"} {
		if rest, ok := strings.CutPrefix(t, w); ok {
			out.kind, t = TargetAnnual, rest
			break
		}
	}
	if out.kind == "" {
		if inner, ok := bracketed(t); ok {
			out.kind, t = TargetCumulative, inner
		}
	}
	for _, w := range []string{"累计下降", "累计降低", "累计减少", "累计增长", "累计提高", "累计新增", "累计增加", "累计"} {
		if rest, ok := strings.CutPrefix(t, w); ok {
			out.kind, t = TargetCumulative, rest
			break
		}
	}
	for _, w := range targetLeads {
		if rest, ok := strings.CutPrefix(t, w); ok {
			t = rest
			break
		}
	}
	out.number = strings.TrimSpace(t)
	return out
}

// doublings are the relative targets plans write as words.
var doublings = map[string]float64{"翻一番": 2, "翻番": 2, "实现翻番": 2, "翻两番": 4, "翻二番": 4}

// trimTargetYear removes the year a target opens with (到2025年, 2025年):
// the year belongs in the target year.
func trimTargetYear(t string) string {
	s := strings.TrimPrefix(t, "到")
	if len(s) >= 4+len("年") && strings.Trim(s[:4], "0123456789") == "" && strings.HasPrefix(s[4:], "年") {
		return strings.TrimLeft(s[4+len("年"):], "，, ")
	}
	return t
}

// bracketed returns what [ ] or 〔 〕 enclose: plans mark cumulative
// targets so ([13.5], 〔5.5〕).
func bracketed(t string) (string, bool) {
	for _, pair := range [][2]string{{"[", "]"}, {"〔", "〕"}, {"［", "］"}, {"【", "】"}} {
		if inner, ok := strings.CutPrefix(t, pair[0]); ok {
			if inner, ok := strings.CutSuffix(inner, pair[1]); ok {
				return inner, true
			}
		}
	}
	return "", false
}

// hasDigit reports whether s holds a digit, ASCII, full-width or a Chinese
// numeral: words without one are a qualitative target.
func hasDigit(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsDigit(r) || strings.ContainsRune("一二两三四五六七八九十百千万〇零", r)
	}) >= 0
}

// InferTargetKind is the kind of target the name, unit and target text
// say, as a reviewer reads them: the words first (年均, 累计, [ ], 不超过,
// 以上, a range), then the name (年均增长…). A growth rate with neither 年均
// nor 累计 (地区生产总值增长 7%) can be a year's growth or an average, so its
// kind is left "" for the reviewer to set.
func InferTargetKind(name, unit, target string) string {
	if strings.TrimSpace(target) == "" {
		return ""
	}
	form := readTargetText(target)
	switch {
	case form.kind != "":
		return form.kind
	case !hasDigit(form.number):
		return TargetQualitative
	}
	if _, _, err := cnnum.ParseRange(form.number, cnnum.NumberRule{}); err == nil {
		return TargetRange
	}
	if n, err := cnnum.ParseNumber(form.number, cnnum.NumberRule{}); err == nil {
		switch n.Qualifier {
		case cnnum.AtMost, cnnum.Under:
			return TargetCap
		case cnnum.AtLeast, cnnum.Over:
			return TargetFloor
		}
	}
	switch {
	case strings.Contains(name, "年均"):
		return TargetAnnual
	case strings.Contains(name, "累计"):
		return TargetCumulative
	case unit == "%" && isChangeName(name):
		return ""
	}
	return TargetLevel
}

// isChangeName reports whether a name is that of a change (增长, 增速,
// 下降) rather than a level or a share.
func isChangeName(name string) bool {
	for _, w := range []string{"增长", "增速", "下降", "降低", "提高", "减少"} {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// Kind is the target's kind as the status reads it: the one a reviewer set,
// or else the one the text says (InferTargetKind); a value given without
// text (a computed one) is a level.
func (ind *Indicator) Kind() string {
	if ind.TargetKind != "" {
		return ind.TargetKind
	}
	if strings.TrimSpace(ind.Target) == "" {
		if ind.TargetValue != nil {
			return TargetLevel
		}
		return ""
	}
	if c := ind.inferred; c.target == ind.Target && c.name == ind.Name && c.unit == ind.Unit {
		return c.kind
	}
	return InferTargetKind(ind.Name, ind.Unit, ind.Target)
}

// kindCache keeps the kind InferTargetKind read from the texts it was read
// from: the status, the outlook and the tables ask for it many times per
// indicator, and reading it parses the target. ReadValues fills it; Kind
// uses it only while the texts are still those.
type kindCache struct{ name, unit, target, kind string }

// LowerIsBetter reports which way the indicator improves as the status
// reads it: a cap says lower, a floor higher, whatever the direction
// field says; otherwise the direction field.
func (ind *Indicator) LowerIsBetter() bool {
	switch ind.Kind() {
	case TargetCap:
		return true
	case TargetFloor:
		return false
	}
	return ind.Direction == DirectionDown
}

// better reports whether a is at least as good as b.
func (ind *Indicator) better(a, b float64) bool {
	if ind.LowerIsBetter() {
		return a <= b
	}
	return a >= b
}
