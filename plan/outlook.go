package plan

import "math"

// Verdict is whether an indicator is expected to meet its target by the
// target year at the pace so far (趋势判断).
type Verdict string

// The verdicts.
const (
	// VerdictUnknown: a number or year the projection needs is missing.
	VerdictUnknown Verdict = ""
	// VerdictMet: the target is met already (已达目标).
	VerdictMet Verdict = "met"
	// VerdictLikely: at the pace so far it will be met (预计可完成).
	VerdictLikely Verdict = "likely"
	// VerdictUnlikely: at the pace so far it will not (预计难以完成).
	VerdictUnlikely Verdict = "unlikely"
)

// Outlook is an indicator projected to its target year at the pace so far,
// and the pace the years left need to reach the target.
type Outlook struct {
	// Verdict says whether the projection reaches the target.
	Verdict Verdict
	// Projected is the value expected in the target year, in base units;
	// for an annual-growth target given as a rate, the average rate (%).
	Projected float64
	// YearsLeft counts the years from the mid-term value to the target year.
	YearsLeft int
	// NeededRate is the average annual growth (%) the years left need,
	// valid when HasNeededRate: growth targets and levels in amounts.
	NeededRate    float64
	HasNeededRate bool
	// NeededStep is the average change a year (base units; percentage
	// points for a rate in %) the years left need, valid when HasNeededStep.
	NeededStep    float64
	HasNeededStep bool
	// Missing says what the projection lacks when Verdict is unknown.
	Missing []Gap
}

// planYears are the years an outlook counts with: base year, the year of
// the mid-term value and target year.
type planYears struct{ base, asOf, target int }

// years reads the indicator's years; ok only when base < asOf ≤ target.
func (ind *Indicator) years() (planYears, bool) {
	b, okB := yearOf(ind.BaselineYear)
	a, okA := yearOf(ind.MidtermAsOf)
	t, okT := yearOf(ind.TargetYear)
	return planYears{b, a, t}, okB && okA && okT && b < a && a <= t
}

// Outlook projects the indicator to its target year: linearly for levels,
// caps, floors, ranges and cumulative targets, compounding for growth
// targets, using the years as written. Nothing is projected without a
// baseline (cumulative targets count from zero), a mid-term value, a
// target and the three years.
func (ind *Indicator) Outlook() Outlook {
	kind := ind.Kind()
	if kind == TargetQualitative || kind == "" {
		return Outlook{Missing: ind.Gaps()}
	}
	var missing []Gap
	if ind.TargetValue == nil {
		missing = append(missing, GapTarget)
	}
	if ind.MidtermValue == nil {
		missing = append(missing, GapMidterm)
	}
	// A cumulative total counts from zero, and an average growth rate in %
	// goes on from itself: neither needs a baseline value.
	if ind.BaselineValue == nil && kind != TargetCumulative && (kind != TargetAnnual || ind.Unit != "%") {
		missing = append(missing, GapBaseline)
	}
	y, ok := ind.years()
	if !ok {
		missing = append(missing, GapYears)
	}
	if missing != nil {
		return Outlook{Missing: missing}
	}
	var o Outlook
	switch kind {
	case TargetAnnual:
		o = ind.annualOutlook(y)
	case TargetCumulative:
		o = ind.linearOutlook(y, 0)
	default:
		o = ind.linearOutlook(y, *ind.BaselineValue)
	}
	o.YearsLeft = y.target - y.asOf
	if o.YearsLeft == 0 || o.Verdict == VerdictMet {
		o.HasNeededRate, o.HasNeededStep = false, false // nothing is left to need
	}
	return o
}

// linearOutlook carries the average yearly change from the baseline (b)
// to the mid-term value on to the target year.
func (ind *Indicator) linearOutlook(y planYears, b float64) Outlook {
	m := *ind.MidtermValue
	pace := (m - b) / float64(y.asOf-y.base)
	o := Outlook{Projected: m + pace*float64(y.target-y.asOf)}
	goal := ind.goal()
	o.Verdict = ind.verdict(m, o.Projected, goal)
	if left := float64(y.target - y.asOf); left > 0 {
		o.NeededStep, o.HasNeededStep = (goal-m)/left, true
		// A growth rate is what a level in amounts is steered by; a
		// cumulative total or a rate in % needs only the yearly step.
		if ind.Unit != "%" && ind.Kind() != TargetCumulative && m > 0 && goal > 0 {
			o.NeededRate, o.HasNeededRate = (math.Pow(goal/m, 1/left)-1)*100, true
		}
	}
	return o
}

// annualOutlook keeps the growth so far going: for a rate, the average
// stays what it is and the needed rate is what the years left must
// average for the whole period to reach the target's; for levels, the
// compound rate so far carries the level on, against the level the target
// rate gives from the baseline.
func (ind *Indicator) annualOutlook(y planYears) Outlook {
	m, t := *ind.MidtermValue, *ind.TargetValue
	n, k := float64(y.target-y.base), float64(y.asOf-y.base)
	left := n - k
	if ind.Unit == "%" {
		o := Outlook{Projected: m, Verdict: ind.verdict(m, m, t)}
		if left > 0 {
			need := math.Pow(math.Pow(1+t/100, n)/math.Pow(1+m/100, k), 1/left) - 1
			o.NeededRate, o.HasNeededRate = need*100, true
		}
		return o
	}
	b := *ind.BaselineValue
	rate, ok := ind.AchievedRate()
	if !ok {
		return Outlook{Missing: []Gap{GapBaseline}}
	}
	goal := b * math.Pow(1+t/100, n)
	o := Outlook{Projected: m * math.Pow(1+rate/100, left)}
	o.Verdict = ind.verdict(rate, o.Projected, goal)
	if left > 0 && m > 0 && goal > 0 {
		o.NeededRate, o.HasNeededRate = (math.Pow(goal/m, 1/left)-1)*100, true
		o.NeededStep, o.HasNeededStep = (goal-m)/left, true
	}
	return o
}

// goal is the value a projection must reach: the target, or for a range
// the end of the band on the worse side (the band is met from there on).
func (ind *Indicator) goal() float64 {
	t := *ind.TargetValue
	if ind.Kind() == TargetRange && ind.TargetHighValue != nil && ind.LowerIsBetter() {
		return *ind.TargetHighValue
	}
	return t
}

// verdict judges a projection against the goal; now is the mid-term value
// (for growth from levels, the rate so far), which may meet it already.
func (ind *Indicator) verdict(now, projected, goal float64) Verdict {
	if ind.Kind() != TargetAnnual && (ind.better(now, goal) || math.Abs(now-goal) <= ind.slack(goal)) {
		switch ind.Kind() {
		case TargetCap, TargetFloor, TargetRange:
			// A bound holds now but must hold to the end: judged on the projection.
		default:
			return VerdictMet
		}
	}
	if ind.better(projected, goal) || math.Abs(projected-goal) <= ind.slack(goal) {
		return VerdictLikely
	}
	return VerdictUnlikely
}
