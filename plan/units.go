package plan

import (
	"math"
	"strconv"
	"strings"

	"plandesk/cnnum"
)

// rescale rewrites a value field written at another scale of the
// indicator's unit in the indicator's own (54100人 → 5.41万人, 8000万元 →
// 0.8亿元), so a table of 万人 reads in 万人. Only a field that is a number
// and nothing else is rewritten; words around a target (年均增长, 到2025年)
// stay as written, and so does a number already in the indicator's unit.
func (ind *Indicator) rescale(f Field) {
	if f != FieldBaseline && f != FieldTarget && f != FieldMidterm || ind.Unit == "" {
		return
	}
	text := ind.Get(f)
	n, err := cnnum.ParseNumber(text, cnnum.NumberRule{})
	if err != nil || n.IsEmpty() || n.Unit == "" && n.Scale == 1 {
		return
	}
	word, scale := cnnum.ScaleOf(ind.Unit)
	if n.Scale == scale && n.Unit == ind.Unit[len(word):] {
		return
	}
	value := n.Base() / scale
	out := cnnum.Number{Qualifier: n.Qualifier, Value: value, Decimals: decimalsOf(value), Scale: scale, Unit: ind.Unit[len(word):]}
	ind.Put(f, out.Format())
}

// decimalsOf is how many decimals write v without the noise of binary
// fractions (5.410000000001 is 5.41), at most six.
func decimalsOf(v float64) int {
	s := strconv.FormatFloat(v, 'g', 12, 64)
	if strings.ContainsAny(s, "eE") {
		s = strconv.FormatFloat(math.Round(v*1e6)/1e6, 'f', -1, 64)
	}
	_, frac, found := strings.Cut(s, ".")
	if !found {
		return 0
	}
	return min(len(strings.TrimRight(frac, "0")), 6)
}
