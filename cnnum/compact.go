package cnnum

import (
	"cmp"
	"math"
	"slices"
	"strconv"
)

// Compact writes a value the way Chinese reports write numbers, for chart
// axes and labels:
// from ten thousand up with 万, 亿 or 万亿 and at most two decimals
// (150000 → "15万", 12000 → "1.2万", 2.08e9 → "20.8亿"), below that as a
// plain number (800 → "800", 0.25 → "0.25").
func Compact(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "—"
	}
	if v == 0 {
		return "0" // -0 too
	}
	if v < 0 {
		if s := Compact(-v); s != "0" {
			return "-" + s
		}
		return "0"
	}
	words := myriadScales()
	for i, u := range words {
		if v < u.scale {
			continue
		}
		x := math.Round(v/u.scale*100) / 100
		// 99,999,999 rounds to 10000万: say 1亿 instead.
		if i > 0 && x >= words[i-1].scale/u.scale {
			u = words[i-1]
			x = math.Round(v/u.scale*100) / 100
		}
		return strconv.FormatFloat(x, 'f', -1, 64) + u.word
	}
	// Six significant digits keep small ticks (0.001) and drop float noise.
	x, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 6, 64), 64)
	if x >= 1e4 {
		return Compact(x) // 9999.9999 rounded up to 10000
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

// myriadScales are the scale words of numScales a reader expects in a
// compact number, largest first: 万亿, 亿, 万 (not 千万: 2.08e9 reads as
// 20.8亿).
func myriadScales() []numScale {
	var out []numScale
	for _, s := range numScales {
		if s.first == '万' || s.first == '亿' {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b numScale) int { return cmp.Compare(b.scale, a.scale) })
	return out
}
