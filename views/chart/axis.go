package chart

import (
	"math"

	"plandesk/cnnum"
)

// NiceTicks chooses at most maxTicks axis ticks covering min..max (min and
// max may come in either order) on a "nice" step of 1, 2 or 5 × 10^n. The
// first tick is at or below min and the last at or above max, so a chart
// can use them as its scale and end on a labelled value. A range of one
// point takes 0 in, as bar charts always start from zero; 0..0 gives just
// [0]. maxTicks below 2 counts as 2. Non-finite input gives nil.
func NiceTicks(min, max float64, maxTicks int) []float64 {
	if math.IsNaN(min) || math.IsNaN(max) || math.IsInf(min, 0) || math.IsInf(max, 0) {
		return nil
	}
	if min > max {
		min, max = max, min
	}
	if min == max {
		if min == 0 {
			return []float64{0}
		}
		min, max = math.Min(min, 0), math.Max(max, 0)
	}
	if maxTicks < 2 {
		maxTicks = 2
	}
	rough := (max - min) / float64(maxTicks-1)
	mag := math.Pow(10, math.Floor(math.Log10(rough)))
	// The smallest candidate step that needs no more than maxTicks wins;
	// rounding the ends outwards can add a tick, hence the loop rather than
	// a single pick from rough.
	for _, m := range []float64{1, 2, 5, 10, 20, 50, 100} {
		step := m * mag
		// The epsilon keeps 0.6/0.2 = 2.9999… from adding a tick below.
		first := math.Floor(min/step + 1e-9)
		last := math.Ceil(max/step - 1e-9)
		n := int(last-first) + 1
		if n > maxTicks {
			continue
		}
		ticks := make([]float64, n)
		for i := range ticks {
			ticks[i] = roundToStep(float64(int64(first)+int64(i))*step, step)
		}
		return ticks
	}
	return []float64{min, max} // unreachable: a step of 100×mag always fits
}

// roundToStep removes the binary noise of k×step (3×0.1 =
// 0.30000000000000004) so that ticks print as written and compare equal.
func roundToStep(v, step float64) float64 {
	decimals := -math.Floor(math.Log10(step))
	if decimals < 0 {
		decimals = 0
	}
	p := math.Pow(10, decimals)
	v = math.Round(v*p) / p
	if v == 0 {
		return 0 // no "-0"
	}
	return v
}

// FormatAxis writes an axis value as Chinese reports write numbers
// (cnnum.Compact): 150000 → "15万", 2.08e9 → "20.8亿", 800 → "800".
func FormatAxis(v float64) string { return cnnum.Compact(v) }
