package targets

import (
	"regexp"
	"strings"

	"plandesk/plan"
)

// Words that make a target a ceiling (cap) or a floor, as plans write
// them around the number; fold has made full-width signs ASCII.
// The negated words come first: 不低于 holds 低于 but is a floor.
var (
	notUnderWords = []string{"不低于", "不少于", "不小于"}
	notOverWords  = []string{"不超过", "不高于", "不大于"}
	capWords      = []string{"控制在", "以内", "以下", "低于", "少于", "小于", "不足", "上限", "≤", "≦", "<"}
	floorWords    = []string{"以上", "高于", "超过", "大于", "多于", "突破", "下限", "≥", "≧", ">"}
)

// rangePattern finds two numbers joined as a band: 6–6.5, 6%~6.5%, 6至6.5.
var rangePattern = regexp.MustCompile(`[0-9](?:\.[0-9]+)?\s*%?\s*(?:-|–|—|~|～|〜|至|到)\s*[0-9]`)

// kindInput is what the kind of a row's target is inferred from.
type kindInput struct {
	target     string // the target as written
	fromMode   bool   // the target is the 年均/累计 column's
	modeHeader string // that column's header
	modeWord   string // the 年均/累计 cell when it only labels the target beside it (年均, 累计)
	name       string // the indicator's name as written
	unit       string // the row's unit
}

// targetKind infers how a target is to be read, from what the table
// writes, first rule that applies: no target, no kind; words without a
// number (years aside) are qualitative; two numbers joined are a range;
// a number in brackets, as plans write totals (〔5.5〕, [13.5]), is
// cumulative; the 年均/累计 column's header or label says annual or
// cumulative; 累计 or 年均 in the target or the name says so; 不超过,
// 以内, ≤ make a cap and 不低于, 以上, ≥ a floor; any other number is a
// level. A growth rate in percent (地区生产总值增长, %) is an annual rate
// wherever it stands. Under a header naming both 年均 and 累计, a value in
// no brackets is an annual rate for a growth rate, else a cap or floor by
// its words (城镇调查失业率 <5.5), a level for a share or a rate, and an
// annual growth rate otherwise.
func targetKind(in kindInput) string {
	t := fold(strings.TrimSpace(in.target))
	switch {
	case t == "":
		return ""
	case !hasNumber(t):
		return plan.TargetQualitative
	case rangePattern.MatchString(withoutYears(t)):
		return plan.TargetRange
	case bracketed(t):
		return plan.TargetCumulative
	}
	if in.fromMode {
		if k := modeKind(in.modeHeader); k != "" {
			return k
		}
	}
	if k := modeKind(in.modeWord); k != "" {
		return k
	}
	switch {
	case strings.Contains(t, "累计"):
		return plan.TargetCumulative
	case strings.Contains(t, "年均"):
		return plan.TargetAnnual
	case strings.Contains(in.name, "累计"):
		return plan.TargetCumulative
	case strings.Contains(in.name, "年均"), isGrowth(in.name) && (in.fromMode || isPercent(in.unit)):
		return plan.TargetAnnual
	case containsAny(t, notUnderWords):
		return plan.TargetFloor
	case containsAny(t, notOverWords), containsAny(t, capWords):
		return plan.TargetCap
	case containsAny(t, floorWords):
		return plan.TargetFloor
	case in.fromMode && !isShare(in.name):
		return plan.TargetAnnual
	}
	return plan.TargetLevel
}

// hasNumber reports whether s writes a number other than a year (确保完成
// 2025年目标 is words).
func hasNumber(s string) bool { return hasDigit(withoutYears(s)) }

// withoutYears is s without the years it names, so that 2021—2025年 is no
// range and 2025年 no number.
func withoutYears(s string) string {
	for _, y := range yearsIn(s) {
		s = strings.ReplaceAll(s, y, " ")
	}
	return s
}

// bracketed reports whether a value is written in the brackets plans put
// around totals over the period: 〔〕, [], 【】 (full-width ones folded).
func bracketed(s string) bool {
	return strings.HasPrefix(s, "〔") || strings.HasPrefix(s, "[") || strings.HasPrefix(s, "【") ||
		strings.HasSuffix(s, "〕") || strings.HasSuffix(s, "]") || strings.HasSuffix(s, "】")
}

// isGrowth reports whether a name is of a growth rate (增长, 增速).
func isGrowth(name string) bool {
	return strings.Contains(name, "增长") || strings.Contains(name, "增速") || strings.Contains(name, "增幅")
}

// isPercent reports whether a unit is percent (%, ％).
func isPercent(unit string) bool { return strings.TrimSpace(fold(unit)) == "%" }

// isShare reports whether a name is of a share or a rate (比重, 占比, …率),
// a level whatever column it stands in.
func isShare(name string) bool {
	name = strings.TrimRight(stripParens(name), " ")
	return strings.Contains(name, "比重") || strings.Contains(name, "占比") || strings.HasSuffix(name, "率") || strings.HasSuffix(name, "比例")
}

func containsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// attributeOf reads an attribute as tables write it: 预期性, 预期, 约束性,
// 约束 (or Expected, Binding); "" for anything else.
func attributeOf(s string) string {
	s = fold(s)
	switch {
	case strings.Contains(s, "预期"), strings.Contains(s, "expected"), strings.Contains(s, "anticipatory"),
		strings.Contains(s, "indicative"):
		return plan.AttributeExpected
	case strings.Contains(s, "约束"), strings.Contains(s, "binding"), strings.Contains(s, "obligatory"),
		strings.Contains(s, "mandatory"):
		return plan.AttributeObligatory
	}
	return plan.AttributeUnspecified
}
