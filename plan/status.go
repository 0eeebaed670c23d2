package plan

import (
	"math"

	"plandesk/cnnum"
)

// Status is how an indicator stands at mid-term, computed from its
// baseline, target, mid-term value and direction; never guessed where one of
// them is missing.
type Status string

// The status levels, best first.
const (
	StatusAchieved Status = "achieved" // 提前完成/已达目标
	StatusAhead    Status = "ahead"    // 快于预期
	StatusOnTrack  Status = "on_track" // 符合预期
	StatusLagging  Status = "lagging"  // 滞后
	StatusUnknown  Status = "unknown"  // 无目标/无数据
)

// Statuses lists the levels, best first.
func Statuses() []Status {
	return []Status{StatusAchieved, StatusAhead, StatusOnTrack, StatusLagging, StatusUnknown}
}

// midtermShare is how far through the plan period a mid-term evaluation
// stands when the years do not say otherwise: halfway, by definition.
const midtermShare = 0.5

// tolerance is how far progress may stray from the expected share and still
// count as on track (ten percentage points either way).
const tolerance = 0.1

// Progress is how far the mid-term value has come from the baseline towards
// the target (0 = baseline, 1 = target reached). A cumulative target counts
// from zero. ok is false when a number it needs is missing.
func (ind *Indicator) Progress() (progress float64, ok bool) {
	if ind.MidtermValue == nil || ind.TargetValue == nil {
		return 0, false
	}
	m, t := *ind.MidtermValue, *ind.TargetValue
	var b float64
	switch {
	case ind.Kind() == TargetCumulative:
		b = 0
	case ind.BaselineValue != nil:
		b = *ind.BaselineValue
	default:
		return 0, false
	}
	if t == b {
		return 0, false
	}
	return (m - b) / (t - b), true
}

// ExpectedProgress is the share of the plan period gone by at the mid-term
// value's date: from the baseline year and target year when they and the
// as-of year are written, halfway otherwise.
func (ind *Indicator) ExpectedProgress() float64 {
	base, okB := yearOf(ind.BaselineYear)
	target, okT := yearOf(ind.TargetYear)
	asOf, okA := yearOf(ind.MidtermAsOf)
	if okB && okT && okA && target > base && asOf >= base && asOf <= target {
		return float64(asOf-base) / float64(target-base)
	}
	return midtermShare
}

// Gap is one thing an indicator lacks for its status to be computed.
type Gap string

// The gaps, in the order Gaps lists them.
const (
	// GapQualitative: the target is qualitative, not a number to measure
	// against, and the reviewer has not judged it (ManualStatus).
	GapQualitative Gap = "qualitative"
	// GapTarget: the report gives no target value.
	GapTarget Gap = "target"
	// GapMidterm: there is no mid-term value.
	GapMidterm Gap = "midterm"
	// GapBaseline: progress towards the target, a growth rate from levels or
	// a target relative to the baseline (翻一番) needs a baseline value.
	GapBaseline Gap = "baseline"
	// GapFlatTarget: the target equals the baseline, so progress has no measure.
	GapFlatTarget Gap = "flat_target"
	// GapKind: the target's kind cannot be read from its text (a growth
	// rate without 年均 or 累计) and the reviewer has not set it.
	GapKind Gap = "kind"
	// GapYears: a growth rate from levels needs the baseline year and the
	// year of the mid-term value.
	GapYears Gap = "years"
)

// Gaps says what the indicator lacks for a status: empty exactly when
// Status is not StatusUnknown. The window says this instead of one word
// for all unknowns, so a reviewer sees which cell to fill.
func (ind *Indicator) Gaps() []Gap {
	kind := ind.Kind()
	if kind == TargetQualitative {
		if ind.ManualStatus != "" {
			return nil
		}
		return []Gap{GapQualitative}
	}
	var gaps []Gap
	switch {
	case ind.TargetValue != nil:
	case ind.TargetRelative && ind.BaselineValue == nil:
		gaps = append(gaps, GapBaseline)
	default:
		gaps = append(gaps, GapTarget)
	}
	if ind.MidtermValue == nil {
		gaps = append(gaps, GapMidterm)
	}
	if gaps != nil || ind.Status() != StatusUnknown {
		return gaps
	}
	// Both numbers are there and the target is not yet met: what is left
	// is the kind, or what the kind needs to measure progress.
	switch {
	case kind == "":
		return []Gap{GapKind}
	case kind == TargetAnnual && ind.BaselineValue == nil:
		return []Gap{GapBaseline}
	case kind == TargetAnnual:
		return []Gap{GapYears}
	case kind != TargetCumulative && ind.BaselineValue == nil:
		return []Gap{GapBaseline}
	}
	return []Gap{GapFlatTarget}
}

// Status computes the indicator's status from its numbers and its target's
// kind; a qualitative target has the status the reviewer gave it.
func (ind *Indicator) Status() Status {
	kind := ind.Kind()
	if kind == TargetQualitative {
		switch st := Status(ind.ManualStatus); st {
		case StatusAchieved, StatusOnTrack, StatusLagging:
			return st
		}
		return StatusUnknown
	}
	if ind.MidtermValue == nil || ind.TargetValue == nil || kind == "" {
		return StatusUnknown
	}
	switch kind {
	case TargetAnnual:
		return ind.annualStatus()
	case TargetRange:
		if ind.TargetHighValue != nil {
			return ind.rangeStatus()
		}
	case TargetCap, TargetFloor:
		if !ind.boundToReach() {
			return ind.boundStatus()
		}
	}
	return ind.levelStatus()
}

// slack is how far from a target written with 左右 a value may be and still
// meet it: half a percentage point for a rate in %, 5 % of the target for
// anything else (README, 状态).
func (ind *Indicator) slack(t float64) float64 {
	if ind.TargetQualifier != cnnum.About {
		return 0
	}
	if ind.Unit == "%" {
		return 0.5
	}
	return 0.05 * abs(t)
}

// levelStatus is the status of a level to reach (or a cumulative total):
// met, or progress from the baseline against the time gone by.
func (ind *Indicator) levelStatus() Status {
	m, t := *ind.MidtermValue, *ind.TargetValue
	if ind.better(m, t) || abs(m-t) <= ind.slack(t) {
		return StatusAchieved
	}
	p, ok := ind.Progress()
	if !ok {
		return StatusUnknown
	}
	e := ind.ExpectedProgress()
	switch {
	case p >= e+tolerance:
		return StatusAhead
	case p >= e-tolerance:
		return StatusOnTrack
	}
	return StatusLagging
}

// annualStatus compares the growth achieved so far with an annual growth
// target: ahead by a tenth of the target, on track when at least the
// target (or within the slack of 左右).
func (ind *Indicator) annualStatus() Status {
	r, ok := ind.AchievedRate()
	if !ok {
		return StatusUnknown
	}
	t := *ind.TargetValue
	ahead := t + tolerance*abs(t)
	if ind.LowerIsBetter() {
		ahead = t - tolerance*abs(t)
	}
	switch {
	case ind.better(r, ahead) && r != t:
		return StatusAhead
	case ind.better(r, t) || abs(r-t) <= ind.slack(t):
		return StatusOnTrack
	}
	return StatusLagging
}

// AchievedRate is the average annual growth so far, in percent: the
// mid-term value itself when the indicator is a rate in %, otherwise the
// compound rate from the baseline to the mid-term value over the years
// between them. ok is false when a number or a year it needs is missing.
func (ind *Indicator) AchievedRate() (rate float64, ok bool) {
	if ind.MidtermValue == nil {
		return 0, false
	}
	m := *ind.MidtermValue
	if ind.Unit == "%" || ind.Unit == "" {
		return m, true // the value is the rate itself (年均增长6.4%)
	}
	base, okB := yearOf(ind.BaselineYear)
	asOf, okA := yearOf(ind.MidtermAsOf)
	if ind.BaselineValue == nil || !okB || !okA || asOf <= base || *ind.BaselineValue <= 0 || m <= 0 {
		return 0, false
	}
	return (math.Pow(m / *ind.BaselineValue, 1/float64(asOf-base)) - 1) * 100, true
}

// rangeStatus is on track inside the band, ahead beyond it on the better
// side, lagging on the worse.
func (ind *Indicator) rangeStatus() Status {
	m, lo, hi := *ind.MidtermValue, *ind.TargetValue, *ind.TargetHighValue
	switch {
	case m >= lo && m <= hi:
		return StatusOnTrack
	case (m > hi) != ind.LowerIsBetter():
		return StatusAhead
	}
	return StatusLagging
}

// boundToReach reports whether a cap or floor is a level still to reach:
// the baseline is on the wrong side of it (a rate to bring below a cap),
// so progress is measured as for a level.
func (ind *Indicator) boundToReach() bool {
	if ind.BaselineValue == nil {
		return false
	}
	return !ind.better(*ind.BaselineValue, *ind.TargetValue)
}

// boundStatus is the status of a cap or floor that held at the baseline:
// on track while it holds, lagging once it is passed.
func (ind *Indicator) boundStatus() Status {
	if ind.better(*ind.MidtermValue, *ind.TargetValue) {
		return StatusOnTrack
	}
	return StatusLagging
}

// Warning reports an obligatory (约束性) indicator that lags: the
// evaluation must flag it (预警), and lists show it first.
func (ind *Indicator) Warning() bool {
	return ind.Attribute == AttributeObligatory && ind.Status() == StatusLagging
}

// yearOf reads the first four-digit year in s (2022年底 → 2022).
func yearOf(s string) (int, bool) {
	digits := 0
	year := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			year = year*10 + int(r-'0')
			digits++
			if digits == 4 {
				return year, year >= 1949 && year <= 2100
			}
			continue
		}
		digits, year = 0, 0
	}
	return 0, false
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
