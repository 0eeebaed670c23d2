package chart

import (
	"math"
	"slices"
	"testing"
)

func TestNiceTicks(t *testing.T) {
	for _, tc := range []struct {
		min, max float64
		n        int
		want     []float64
	}{
		{0, 420, 6, []float64{0, 100, 200, 300, 400, 500}},
		{0, 420, 3, []float64{0, 500}},
		{0, 100, 6, []float64{0, 20, 40, 60, 80, 100}},
		{0, 1, 5, []float64{0, 0.5, 1}},
		{-50, 200, 6, []float64{-50, 0, 50, 100, 150, 200}},
		{-30, -10, 5, []float64{-30, -25, -20, -15, -10}},
		{0, 0, 5, []float64{0}},
		{5, 5, 5, []float64{0, 2, 4, 6}},         // one point takes 0 in
		{300, 0, 4, []float64{0, 100, 200, 300}}, // reversed
		{0.1, 0.3, 3, []float64{0.1, 0.2, 0.3}},  // no 0.30000000000000004
		{0, 0.6, 4, []float64{0, 0.2, 0.4, 0.6}},
		{0, 2.08e9, 5, []float64{0, 1e9, 2e9, 3e9}},
		{0, 150000, 4, []float64{0, 50000, 100000, 150000}},
		{0, 12000, 7, []float64{0, 2000, 4000, 6000, 8000, 10000, 12000}},
		{0, 10, 1, []float64{0, 10}}, // maxTicks below 2 counts as 2
		{math.NaN(), 1, 5, nil},
	} {
		got := NiceTicks(tc.min, tc.max, tc.n)
		if !slices.Equal(got, tc.want) {
			t.Errorf("NiceTicks(%v, %v, %d) = %v, want %v", tc.min, tc.max, tc.n, got, tc.want)
		}
		if len(got) > max(tc.n, 2) {
			t.Errorf("NiceTicks(%v, %v, %d): %d ticks, more than asked", tc.min, tc.max, tc.n, len(got))
		}
	}
}
