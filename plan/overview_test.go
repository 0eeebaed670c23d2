package plan

import "testing"

// TestOverviewSaysWhatAnEvaluationFinds: warnings come first, the
// indicators unlikely to be met are listed, and the ones without a target
// or without a mid-term value are counted. The numbers are illustrative.
func TestOverviewSaysWhatAnEvaluationFinds(t *testing.T) {
	mk := func(id int64, name, attribute, target, mid string) Indicator {
		ind := Indicator{ID: id, SectionID: 1, Seq: int(id), Name: name, Unit: "亿元", Direction: DirectionUp, Attribute: attribute,
			Baseline: "100", BaselineYear: "2020", Target: target, TargetYear: "2025", Midterm: mid, MidtermAsOf: "2022", State: StateConfirmed}
		if err := ind.ReadValues(); err != nil {
			t.Fatal(err)
		}
		return ind
	}
	list := []Indicator{
		mk(1, "on pace", "", "150", "120"),
		mk(2, "lagging, expected", AttributeExpected, "150", "101"),
		mk(3, "lagging, obligatory", AttributeObligatory, "150", "102"),
		mk(4, "no target", "", "", "120"),
		mk(5, "no value", "", "150", ""),
	}
	list[3].State = StateProposed
	o := Summarize(Report{ID: 1}, []Section{{ID: 1}}, list)
	if o.Indicators[0].ID != 3 || o.Indicators[1].ID != 2 {
		t.Errorf("order %d, %d…: the warning first, then the other lagging one", o.Indicators[0].ID, o.Indicators[1].ID)
	}
	if o.Warnings != 1 || o.NoTarget != 1 || o.Proposed != 1 || len(o.NoValue) != 1 || o.NoValue[0].ID != 5 || o.Projected != 3 {
		t.Errorf("warnings %d, no target %d, proposed %d, no value %v, projected %d", o.Warnings, o.NoTarget, o.Proposed, o.NoValue, o.Projected)
	}
	if len(o.Unlikely) != 2 || o.Unlikely[0].ID != 3 || o.Unlikely[1].ID != 2 {
		t.Errorf("unlikely %v, want 3 then 2", o.Unlikely)
	}
	sorted := FilterIndicators(list, IndicatorFilter{Attribute: AttributeAny})
	SortIndicators(sorted, FieldStatus, false)
	if sorted[0].ID != 3 {
		t.Errorf("sorted by status, %d comes first; the warning should", sorted[0].ID)
	}
	for _, c := range []struct {
		f    IndicatorFilter
		want int
	}{
		{IndicatorFilter{Attribute: AttributeAny, Gap: GapTarget}, 1},
		{IndicatorFilter{Attribute: AttributeAny, Gap: GapMidterm}, 1},
		{IndicatorFilter{Attribute: AttributeAny, Warnings: true}, 1},
		{IndicatorFilter{Attribute: AttributeAny, Verdict: VerdictUnlikely}, 2},
	} {
		if got := FilterIndicators(list, c.f); len(got) != c.want {
			t.Errorf("filter %+v keeps %d, want %d", c.f, len(got), c.want)
		}
	}
}
