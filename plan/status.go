package plan

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
	case ind.TargetKind == TargetCumulative:
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
	// GapQualitative: the target is qualitative, not a number to measure against.
	GapQualitative Gap = "qualitative"
	// GapTarget: the report gives no target value.
	GapTarget Gap = "target"
	// GapMidterm: there is no mid-term value.
	GapMidterm Gap = "midterm"
	// GapBaseline: progress towards the target needs a baseline value.
	GapBaseline Gap = "baseline"
	// GapFlatTarget: the target equals the baseline, so progress has no measure.
	GapFlatTarget Gap = "flat_target"
)

// Gaps says what the indicator lacks for a status: empty exactly when
// Status is not StatusUnknown. The window says this instead of one word
// for all unknowns, so a reviewer sees which cell to fill.
func (ind *Indicator) Gaps() []Gap {
	if ind.TargetKind == TargetQualitative {
		return []Gap{GapQualitative}
	}
	var gaps []Gap
	if ind.TargetValue == nil {
		gaps = append(gaps, GapTarget)
	}
	if ind.MidtermValue == nil {
		gaps = append(gaps, GapMidterm)
	}
	if gaps != nil || ind.Status() != StatusUnknown {
		return gaps
	}
	// Both numbers are there and the target is not yet met: what is left
	// is the measure of progress.
	if ind.TargetKind != TargetCumulative && ind.BaselineValue == nil {
		return []Gap{GapBaseline}
	}
	return []Gap{GapFlatTarget}
}

// Status computes the indicator's status.
func (ind *Indicator) Status() Status {
	if ind.MidtermValue == nil || ind.TargetValue == nil || ind.TargetKind == TargetQualitative {
		return StatusUnknown
	}
	m, t := *ind.MidtermValue, *ind.TargetValue
	better := func(a, b float64) bool { // a is at least as good as b
		if ind.Direction == DirectionDown {
			return a <= b
		}
		return a >= b
	}
	if ind.TargetKind == TargetAnnual {
		// A growth-rate target is compared with the growth achieved so far.
		ahead := t + tolerance*abs(t)
		if ind.Direction == DirectionDown {
			ahead = t - tolerance*abs(t)
		}
		switch {
		case better(m, ahead) && m != t:
			return StatusAhead
		case better(m, t):
			return StatusOnTrack
		}
		return StatusLagging
	}
	if better(m, t) {
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
