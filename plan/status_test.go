package plan

import (
	"slices"
	"testing"
)

func num(v float64) *float64 { return &v }

// TestGapsSayWhatIsMissing: every unknown status names what is missing, and
// an indicator with a status has no gap. The numbers are illustrative.
func TestGapsSayWhatIsMissing(t *testing.T) {
	cases := []struct {
		name string
		ind  Indicator
		want []Gap
	}{
		{"mid-term value only", Indicator{MidtermValue: num(0.97)}, []Gap{GapTarget}},
		{"target only", Indicator{TargetValue: num(2)}, []Gap{GapMidterm}},
		{"nothing", Indicator{}, []Gap{GapTarget, GapMidterm}},
		{"qualitative", Indicator{TargetKind: TargetQualitative, MidtermValue: num(1)}, []Gap{GapQualitative}},
		{"no baseline", Indicator{TargetValue: num(10), MidtermValue: num(5)}, []Gap{GapBaseline}},
		{"flat target", Indicator{BaselineValue: num(10), TargetValue: num(10), MidtermValue: num(5)}, []Gap{GapFlatTarget}},
		{"cumulative needs no baseline", Indicator{TargetKind: TargetCumulative, TargetValue: num(10), MidtermValue: num(5)}, nil},
		{"target met needs no baseline", Indicator{TargetValue: num(10), MidtermValue: num(12)}, nil},
		{"complete", Indicator{BaselineValue: num(0), TargetValue: num(10), MidtermValue: num(5)}, nil},
	}
	for _, c := range cases {
		ind := c.ind
		got := ind.Gaps()
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: Gaps() = %v, want %v", c.name, got, c.want)
		}
		if unknown := ind.Status() == StatusUnknown; unknown != (len(got) > 0) {
			t.Errorf("%s: Status() = %s but Gaps() = %v", c.name, ind.Status(), got)
		}
	}
}
