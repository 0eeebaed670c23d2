package plan

import (
	"math"
	"slices"
	"testing"
)

// outlookCase is an indicator written as texts, with the outlook computed
// by hand. The numbers are illustrative.
type outlookCase struct {
	what                                          string
	name, unit, direction                         string
	base, baseYear, target, targetYear, mid, asOf string
	verdict                                       Verdict
	projected                                     float64 // in the indicator's unit
	neededRate, neededStep                        float64 // NaN: none
}

func (c outlookCase) indicator(t *testing.T) Indicator {
	t.Helper()
	ind := Indicator{Name: c.name, Unit: c.unit, Direction: c.direction, Baseline: c.base, BaselineYear: c.baseYear,
		Target: c.target, TargetYear: c.targetYear, Midterm: c.mid, MidtermAsOf: c.asOf}
	if ind.Direction == "" {
		ind.Direction = DirectionUp
	}
	if err := ind.ReadValues(); err != nil {
		t.Fatalf("%s: %v", c.what, err)
	}
	return ind
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-3*math.Max(1, math.Abs(b)) }

// TestOutlookByHand: each kind projected as a reviewer would by hand.
func TestOutlookByHand(t *testing.T) {
	none := math.NaN()
	for _, c := range []outlookCase{
		// 100 → 120 in two years is 10 a year: 150 in 2025. Needed: 30 in
		// three years, 10 a year, (150/120)^(1/3) − 1 = 7.72 % a year.
		{"a level on pace", "地区生产总值", "亿元", "", "100亿元", "2020", "150亿元", "2025", "120亿元", "2022", VerdictLikely, 150, 7.7217, 10},
		// 5 a year gives 125; 40 in three years needs 13.33 a year, 10.87 %.
		{"a level behind", "地区生产总值", "亿元", "", "100亿元", "2020", "150亿元", "2025", "110亿元", "2022", VerdictUnlikely, 125, 10.8918, 13.3333},
		// Down 2 a year from 40: 30 in 2025, the target; 2 a year more.
		{"a decline", "PM2.5平均浓度", "微克/立方米", DirectionDown, "40", "2020", "30", "2025", "36", "2022", VerdictLikely, 30, -5.8964, -2},
		// From zero, 4.5 in two years is 2.25 a year: 11.25 by 2025; 5.5 in three years is 1.83 a year.
		{"a cumulative target", "城镇新增就业", "万人", "", "", "2020", "累计新增10万人", "2025", "4.5万人", "2022", VerdictLikely, 11.25, none, 1.8333},
		// Met already: nothing more is needed.
		{"a target met", "高新技术企业", "家", "", "100家", "2020", "150家", "2025", "160家", "2022", VerdictMet, 250, none, none},
		// Falling 1 a year from a target equal to the baseline: 45 by 2025; 2 back in three years.
		{"a baseline equal to the target", "森林蓄积量", "万立方米", "", "50", "2020", "50", "2025", "48", "2022", VerdictUnlikely, 45, 1.3700, 0.6667},
		// 6.4 % a year for two years; (1.07^5 / 1.064^2)^(1/3) − 1 = 7.40 % for the three left.
		{"an annual rate", "地区生产总值年均增长", "%", "", "", "2020", "7%", "2025", "6.4%", "2022", VerdictUnlikely, 6.4, 7.4019, none},
		// 100 → 112.36 is 6 % a year; at 6 %, 133.82 by 2025 against 100 × 1.07^5 = 140.26; (140.26/112.36)^(1/3) − 1 = 7.67 %.
		{"annual growth of a level", "地区生产总值", "亿元", "", "100亿元", "2020", "年均增长7%", "2025", "112.36亿元", "2022", VerdictUnlikely, 133.8226, 7.6719, 9.2984},
		// A cap held and rising 0.15 a year: 5.25 in 2025, still within 5.5.
		{"a cap held", "城镇调查失业率", "%", "", "4.5%", "2020", "不超过5.5%", "2025", "4.8%", "2022", VerdictLikely, 5.25, none, 0.2333},
	} {
		ind := c.indicator(t)
		o := ind.Outlook()
		scale := 1.0
		if ind.Unit == "亿元" {
			scale = 1e8
		} else if ind.Unit == "万人" || ind.Unit == "万立方米" {
			scale = 1e4
		}
		if o.Verdict != c.verdict || !near(o.Projected/scale, c.projected) {
			t.Errorf("%s: verdict %q, projected %.4f; want %q, %.4f", c.what, o.Verdict, o.Projected/scale, c.verdict, c.projected)
		}
		if math.IsNaN(c.neededRate) == o.HasNeededRate || o.HasNeededRate && !near(o.NeededRate, c.neededRate) {
			t.Errorf("%s: needed rate %v %.4f, want %.4f", c.what, o.HasNeededRate, o.NeededRate, c.neededRate)
		}
		if math.IsNaN(c.neededStep) == o.HasNeededStep || o.HasNeededStep && !near(o.NeededStep/scale, c.neededStep) {
			t.Errorf("%s: needed step %v %.4f, want %.4f", c.what, o.HasNeededStep, o.NeededStep/scale, c.neededStep)
		}
		if o.YearsLeft != 3 {
			t.Errorf("%s: %d years left, want 3", c.what, o.YearsLeft)
		}
	}
}

// TestOutlookNeedsYearsAndNumbers: nothing is projected without the years
// or a number, and the outlook says which.
func TestOutlookNeedsYearsAndNumbers(t *testing.T) {
	for _, c := range []struct {
		c    outlookCase
		want []Gap
	}{
		{outlookCase{what: "no base year", name: "地区生产总值", unit: "亿元", base: "100", target: "150", targetYear: "2025", mid: "120", asOf: "2022"}, []Gap{GapYears}},
		{outlookCase{what: "no as-of year", name: "地区生产总值", unit: "亿元", base: "100", baseYear: "2020", target: "150", targetYear: "2025", mid: "120"}, []Gap{GapYears}},
		{outlookCase{what: "no baseline", name: "地区生产总值", unit: "亿元", baseYear: "2020", target: "150", targetYear: "2025", mid: "120", asOf: "2022"}, []Gap{GapBaseline}},
		{outlookCase{what: "no target", name: "地区生产总值", unit: "亿元", base: "100", baseYear: "2020", targetYear: "2025", mid: "120", asOf: "2022"}, []Gap{GapTarget}},
		{outlookCase{what: "years out of order", name: "地区生产总值", unit: "亿元", base: "100", baseYear: "2022", target: "150", targetYear: "2025", mid: "120", asOf: "2021"}, []Gap{GapYears}},
	} {
		ind := c.c.indicator(t)
		if o := ind.Outlook(); o.Verdict != VerdictUnknown || !slices.Equal(o.Missing, c.want) {
			t.Errorf("%s: %+v, want missing %v", c.c.what, o, c.want)
		}
	}
}

// BenchmarkStatusAndOutlook10k: status and outlook of 10,000 indicators,
// as the overview computes them on every change.
func BenchmarkStatusAndOutlook10k(b *testing.B) {
	list := make([]Indicator, 10000)
	targets := []string{"150亿元", "年均增长7%", "不超过5.5%", "6%-6.5%", "[13.5]", "确保完成", "7%左右"}
	for i := range list {
		list[i] = Indicator{Name: "地区生产总值", Unit: "亿元", Direction: DirectionUp, Baseline: "100亿元", BaselineYear: "2020",
			Target: targets[i%len(targets)], TargetYear: "2025", Midterm: "120亿元", MidtermAsOf: "2022"}
		_ = list[i].ReadValues()
	}
	for b.Loop() {
		n := 0
		for i := range list {
			if list[i].Status() == StatusLagging {
				n++
			}
			if list[i].Outlook().Verdict == VerdictUnlikely {
				n++
			}
		}
		_ = n
	}
}
