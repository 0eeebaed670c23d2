package cnnum

import (
	"math"
	"testing"
)

func TestCompact(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0, "0"},
		{800, "800"},
		{9999, "9999"},
		{10000, "1万"},
		{12000, "1.2万"},
		{150000, "15万"},
		{100000, "10万"},
		{50000000, "5000万"},
		{99999999, "1亿"}, // would be 10000万
		{1e8, "1亿"},
		{2.08e9, "20.8亿"},
		{1.2e12, "1.2万亿"},
		{-50000, "-5万"},
		{-800, "-800"},
		{0.5, "0.5"},
		{2.5, "2.5"},
		{0.001, "0.001"},
		{0.1 + 0.2, "0.3"}, // float noise dropped
		{9999.99999, "1万"},
		{math.Copysign(0, -1), "0"},
		{math.NaN(), "—"},
	} {
		if got := Compact(tc.v); got != tc.want {
			t.Errorf("Compact(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}
