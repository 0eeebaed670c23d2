package targets

import (
	"errors"
	"testing"

	"plandesk/cnnum"
	"plandesk/plan"
	"plandesk/sheet"
)

// changesOf is a plan row's changes, field → new text.
func changesOf(pr sheet.PlanRow) map[plan.Field]string {
	out := map[plan.Field]string{}
	for _, ch := range pr.Changes {
		out[ch.Field] = ch.New
	}
	return out
}

// planFor applies one row matched to one indicator.
func planFor(t *testing.T, row Row, ind plan.Indicator) (sheet.PlanRow, []LeftOut) {
	t.Helper()
	if err := ind.ReadValues(); err != nil {
		t.Fatal(err)
	}
	app, err := Apply(1, []RowMatch{{Row: row, IndicatorID: ind.ID}}, []plan.Indicator{ind})
	if err != nil {
		t.Fatal(err)
	}
	if len(app.Plan.Rows) != 1 {
		return sheet.PlanRow{}, app.LeftOut
	}
	return app.Plan.Rows[0], app.LeftOut
}

// TestApplyWritesTheRowsValuesReadably: each value as written when the
// indicator reads it, else without brackets and leading words (a target
// is checked by the value the indicator reads from it, since what Set
// reads as written grows), and in the row's unit when that is the
// indicator's at another scale; every field given, with its year; a cap
// makes lower better.
func TestApplyWritesTheRowsValuesReadably(t *testing.T) {
	cases := []struct {
		name   string
		row    Row
		ind    plan.Indicator
		want   map[plan.Field]string
		target float64 // the target's value in base units
	}{
		{"a level with its years and attribute",
			Row{Line: 4, Name: "高新技术企业", Unit: "家", Baseline: "200", BaselineYear: "2020", Target: "320", TargetYear: "2025",
				TargetKind: plan.TargetLevel, Attribute: plan.AttributeExpected},
			indicator(1, "高新技术企业", "家", "286家"),
			map[plan.Field]string{plan.FieldBaseline: "200", plan.FieldBaselineYear: "2020", plan.FieldTarget: "320",
				plan.FieldTargetYear: "2025", plan.FieldTargetKind: plan.TargetLevel, plan.FieldAttribute: plan.AttributeExpected}, 320},
		{"a total in brackets",
			Row{Line: 5, Name: "新增就业", Unit: "万人", Target: "〔6〕", TargetYear: "2025", TargetKind: plan.TargetCumulative},
			indicator(1, "新增就业", "万人", "5.41万人"),
			map[plan.Field]string{plan.FieldTargetYear: "2025", plan.FieldTargetKind: plan.TargetCumulative}, 60000},
		{"another scale",
			Row{Line: 6, Name: "就业创业补贴人数", Unit: "人", Target: "〔50000〕", TargetKind: plan.TargetCumulative},
			indicator(1, "就业创业补贴", "万人", "4.1万余人"),
			map[plan.Field]string{plan.FieldTargetKind: plan.TargetCumulative}, 50000},
		{"another scale with a qualifier",
			Row{Line: 6, Name: "常住人口", Unit: "万人", Target: "65左右", Baseline: "—", TargetKind: plan.TargetLevel},
			indicator(1, "常住人口", "人", "630000"),
			map[plan.Field]string{plan.FieldTargetKind: plan.TargetLevel}, 650000},
		{"a floor as written",
			Row{Line: 7, Name: "路网建成率", Unit: "％", Baseline: "70", Target: "≥80", TargetKind: plan.TargetFloor},
			indicator(1, "规划路网建成率", "%", "75.3%"),
			map[plan.Field]string{plan.FieldBaseline: "70", plan.FieldTarget: "≥80", plan.FieldTargetKind: plan.TargetFloor}, 80},
		{"a cap is lower-better",
			Row{Line: 8, Name: "城镇调查失业率", Unit: "%", Target: "控制在5.5%以内", TargetKind: plan.TargetCap},
			indicator(1, "城镇调查失业率", "%", "4.9%"),
			map[plan.Field]string{plan.FieldTargetKind: plan.TargetCap, plan.FieldDirection: plan.DirectionDown}, 5.5},
		{"an annual rate after its words",
			Row{Line: 9, Name: "地区生产总值", Unit: "%", Target: "年均增长6%", TargetKind: plan.TargetAnnual},
			indicator(1, "地区生产总值增长", "%", "6.2%"),
			map[plan.Field]string{plan.FieldTargetKind: plan.TargetAnnual}, 6},
		{"words",
			Row{Line: 10, Name: "国企改革六大类任务", Unit: "项", Target: "完成省、市下达任务", TargetKind: plan.TargetQualitative},
			indicator(1, "国企改革六大类任务", "项", "75项"),
			map[plan.Field]string{plan.FieldTarget: "完成省、市下达任务", plan.FieldTargetKind: plan.TargetQualitative}, 0},
	}
	for _, c := range cases {
		pr, left := planFor(t, c.row, c.ind)
		if len(left) > 0 || pr.Action != sheet.ImportUpdate || pr.Row != c.row.Line || pr.IndicatorID != c.ind.ID {
			t.Errorf("%s: plan %+v, left out %+v", c.name, pr, left)
			continue
		}
		got := changesOf(pr)
		if _, ok := c.want[plan.FieldTarget]; !ok {
			c.want[plan.FieldTarget] = got[plan.FieldTarget] // checked by its value
		}
		if len(got) != len(c.want) {
			t.Errorf("%s: changes %v, want %v", c.name, got, c.want)
		}
		for f, v := range c.want {
			if got[f] != v {
				t.Errorf("%s: %s = %q, want %q", c.name, f, got[f], v)
			}
		}
		switch v := pr.Want.TargetValue; {
		case c.target == 0 && v != nil, c.target != 0 && (v == nil || *v != c.target):
			t.Errorf("%s: target %q reads %v, want %v", c.name, got[plan.FieldTarget], v, c.target)
		}
	}
}

// TestApplyChecksEveryValue: the planned indicator reads the value in its
// own unit as the table meant it (50000 人 into 万人 is 5万).
func TestApplyChecksEveryValue(t *testing.T) {
	pr, _ := planFor(t, Row{Line: 3, Name: "补贴人数", Unit: "人", Target: "〔50000〕", TargetKind: plan.TargetCumulative},
		indicator(1, "补贴", "万人", "4.1万余人"))
	if pr.Want.TargetValue == nil || *pr.Want.TargetValue != 50000 || *pr.Want.MidtermValue != 41000 {
		t.Errorf("want = %+v", pr.Want)
	}
}

// TestApplyLeavesOutWhatTheIndicatorCannotHold: a value the indicator
// does not read (words for a baseline; a range, for as long as
// Indicator.Set reads no range) leaves its field as it was, with the
// target's kind and direction; the rest of the row is written. Once Set
// reads ranges, the range is written as it stands, with the kind range.
func TestApplyLeavesOutWhatTheIndicatorCannotHold(t *testing.T) {
	row := Row{Line: 12, Name: "带动就业", Unit: "万人", Baseline: "1.1", BaselineYear: "2020", Target: "〔2–2.5〕",
		TargetYear: "2025", TargetKind: plan.TargetRange, Attribute: plan.AttributeExpected}
	pr, left := planFor(t, row, indicator(3, "带动就业", "万人", "1.23万人"))
	got := changesOf(pr)
	if got[plan.FieldBaseline] != "1.1" || got[plan.FieldBaselineYear] != "2020" || got[plan.FieldAttribute] != plan.AttributeExpected {
		t.Errorf("changes %v", got)
	}
	var fe *plan.FieldError
	switch {
	case len(left) == 0:
		if got[plan.FieldTarget] != "〔2–2.5〕" || got[plan.FieldTargetKind] != plan.TargetRange {
			t.Errorf("a range read: changes %v", got)
		}
	case len(left) != 1 || left[0].Field != plan.FieldTarget || left[0].Line != 12 || left[0].IndicatorID != 3 || left[0].Text != "〔2–2.5〕" ||
		!errors.As(left[0].Err, &fe) || fe.Number == nil || fe.Number.Problem != cnnum.NumberTwoNumbers:
		t.Errorf("left out %+v", left)
	case len(got) != 3:
		t.Errorf("with the target left out, changes %v", got)
	}
	_, left = planFor(t, Row{Line: 2, Name: "x", Unit: "%", Baseline: "基本持平"}, indicator(1, "x", "%", ""))
	if len(left) != 1 || left[0].Field != plan.FieldBaseline || left[0].Text != "基本持平" {
		t.Errorf("left out %+v", left)
	}
}

// TestInUnit: a bare number goes into the row's unit, after its qualifier
// or inside its brackets' end; one with a unit or a scale word stays.
func TestInUnit(t *testing.T) {
	for text, want := range map[string]string{
		"5": "5万人", "65左右": "65万人左右", "〔50000〕": "〔50000万人〕", "≥3.5": "≥3.5万人", "2–2.5": "2–2.5万人",
		"4.1万余": "4.1万余", "5人": "5人", "确保完成": "确保完成", "６": "６万人",
	} {
		if got := inUnit(text, "万人", "人"); got != want {
			t.Errorf("inUnit(%q, 万人, 人) = %q, want %q", text, got, want)
		}
	}
	if got := inUnit("5", "万人", "万人"); got != "5" {
		t.Errorf("the same unit: %q", got)
	}
	if got := inUnit("5", "家", "个"); got != "5" {
		t.Errorf("akin units: %q", got)
	}
}

// TestApplyListsOnlyChanges: a row giving what the indicator holds already
// changes nothing; a value the row does not give is left as it is.
func TestApplyListsOnlyChanges(t *testing.T) {
	ind := indicator(1, "绿化覆盖率", "%", "41.4%")
	ind.Baseline, ind.BaselineYear, ind.Target, ind.TargetKind, ind.TargetYear, ind.Note = "40.5", "2020", "42", plan.TargetLevel, "2025", "备注"
	row := Row{Line: 4, Name: "绿化覆盖率", Unit: "%", Baseline: "40.5", BaselineYear: "2020", Target: "42", TargetYear: "2025", TargetKind: plan.TargetLevel}
	pr, _ := planFor(t, row, ind)
	if pr.Action != sheet.ImportUnchanged || len(pr.Changes) != 0 {
		t.Errorf("unchanged row: %+v", pr)
	}
	row.Baseline, row.BaselineYear = "", ""
	row.Target = "43"
	pr, _ = planFor(t, row, ind)
	if got := changesOf(pr); len(got) != 1 || got[plan.FieldTarget] != "43" {
		t.Errorf("changes %v", got)
	}
}

// TestApplyRefusesMatchesItCannotCarryOut: two rows on one indicator, an
// indicator of no report given; a row set to no indicator is skipped.
func TestApplyRefusesMatchesItCannotCarryOut(t *testing.T) {
	inds := []plan.Indicator{indicator(1, "a", "%", ""), indicator(2, "b", "%", "")}
	inds[1].ReportID = 9
	row := Row{Line: 3, Name: "a", Unit: "%", Target: "5", TargetKind: plan.TargetLevel}
	var me *MatchError
	_, err := Apply(1, []RowMatch{{Row: row, IndicatorID: 1}, {Row: Row{Line: 4, Target: "6"}, IndicatorID: 1}}, inds)
	if !errors.As(err, &me) || me.Line != 4 || !errors.Is(err, ErrMatchedTwice) {
		t.Errorf("twice: %v", err)
	}
	for _, id := range []int64{2, 7} {
		if _, err := Apply(1, []RowMatch{{Row: row, IndicatorID: id}}, inds); !errors.Is(err, ErrNoIndicator) {
			t.Errorf("indicator %d: %v", id, err)
		}
	}
	app, err := Apply(1, []RowMatch{{Row: row, IndicatorID: 0}, {Row: row, IndicatorID: 1}}, inds)
	if err != nil || len(app.Plan.Rows) != 1 || app.Changes() != 2 || app.Plan.ReportID != 1 {
		t.Errorf("plan %+v, %v", app.Plan, err)
	}
}
