package plan

import (
	"errors"
	"math"
	"testing"
)

// The indicators and numbers below are illustrative, not from a report.

// withTarget is an indicator with texts set and read as the store reads them.
func withTarget(t *testing.T, name, unit, baseline, target, midterm string) Indicator {
	t.Helper()
	ind := Indicator{Name: name, Unit: unit, Baseline: baseline, Target: target, Midterm: midterm, Direction: DirectionUp}
	if err := ind.ReadValues(); err != nil {
		t.Fatalf("%s %q: %v", name, target, err)
	}
	return ind
}

// TestTargetKindIsReadFromTheText: each form a plan writes gives its kind,
// and a growth rate without 年均 or 累计 is left for the reviewer.
func TestTargetKindIsReadFromTheText(t *testing.T) {
	for _, c := range []struct{ name, unit, target, want string }{
		{"地区生产总值", "亿元", "到2025年达到210亿元", TargetLevel},
		{"地区生产总值", "亿元", "210", TargetLevel},
		{"地区生产总值年均增长", "%", "7", TargetAnnual},
		{"地区生产总值", "%", "年均增长7%左右", TargetAnnual},
		{"单位地区生产总值能耗降低", "%", "[13.5]", TargetCumulative},
		{"单位地区生产总值能耗降低", "%", "〔13.5〕", TargetCumulative},
		{"单位地区生产总值能耗", "%", "累计下降13.5%", TargetCumulative},
		{"城镇新增就业", "万人", "累计新增10万人", TargetCumulative},
		{"城镇调查失业率", "%", "不超过5.5%", TargetCap},
		{"城镇调查失业率", "%", "控制在5.5%以内", TargetCap},
		{"森林覆盖率", "%", "不低于40%", TargetFloor},
		{"空气质量优良天数比例", "%", "85%以上", TargetFloor},
		{"地区生产总值增长", "%", "6%-6.5%", TargetRange},
		{"地区生产总值增长", "%", "6～6.5%", TargetRange},
		{"粮食安全", "", "确保完成省下达任务", TargetQualitative},
		{"地区生产总值增长", "%", "7%", ""},
		{"常住人口城镇化率", "%", "70%", TargetLevel},
		{"居民人均可支配收入", "元", "翻一番", TargetLevel},
		{"任何指标", "家", "", ""},
	} {
		if got := InferTargetKind(c.name, c.unit, c.target); got != c.want {
			t.Errorf("%s %q: kind %q, want %q", c.name, c.target, got, c.want)
		}
	}
}

// TestTargetValuesAsPlansWriteThem: the number is read from the words
// around it, a range gives both ends, and a relative target is the
// baseline times its factor, with no value while the baseline has none.
func TestTargetValuesAsPlansWriteThem(t *testing.T) {
	for _, c := range []struct {
		unit, baseline, target string
		want, high             float64 // high < 0: no range
	}{
		{"亿元", "", "到2025年达到210亿元", 210e8, -1},
		{"%", "", "年均增长7%左右", 7, -1},
		{"%", "", "[13.5]", 13.5, -1},
		{"%", "", "累计下降13.5%", 13.5, -1},
		{"%", "", "控制在5.5%以内", 5.5, -1},
		{"%", "", "6%-6.5%", 6, 6.5},
		{"元", "30000元", "翻一番", 60000, -1},
		{"元", "30000元", "翻两番", 120000, -1},
		{"亿元", "100亿元", "比2020年增长20%", 120e8, -1},
		{"万人", "", "54100人", 54100, -1},
	} {
		ind := withTarget(t, "某指标", c.unit, c.baseline, c.target, "")
		if ind.TargetValue == nil || math.Abs(*ind.TargetValue-c.want) > 1e-6*math.Abs(c.want) {
			t.Errorf("%q: target value %v, want %v", c.target, ind.TargetValue, c.want)
		}
		if (c.high >= 0) != (ind.TargetHighValue != nil) || c.high >= 0 && *ind.TargetHighValue != c.high {
			t.Errorf("%q: high end %v, want %v", c.target, ind.TargetHighValue, c.high)
		}
	}
	ind := withTarget(t, "居民人均可支配收入", "元", "", "翻一番", "45000元")
	if ind.TargetValue != nil || !ind.TargetRelative {
		t.Errorf("翻一番 without a baseline: value %v, relative %v", ind.TargetValue, ind.TargetRelative)
	}
	if got := ind.Gaps(); len(got) != 1 || got[0] != GapBaseline {
		t.Errorf("翻一番 without a baseline: gaps %v, want the baseline", got)
	}
}

// TestValuesInAnotherUnit: another scale of the indicator's unit is
// converted and written in the indicator's scale; another unit is refused
// with the indicator's unit named.
func TestValuesInAnotherUnit(t *testing.T) {
	for _, c := range []struct{ unit, text, want string }{
		{"万人", "54100人", "5.41万人"},
		{"亿元", "8000万元", "0.8亿元"},
		{"人", "5.41万人", "54100人"},
		{"万人", "约54100人", "约5.41万人"},
		{"万人", "5.41", "5.41"},
		{"万人", "5.41万人", "5.41万人"},
	} {
		ind := Indicator{Name: "某指标", Unit: c.unit, Direction: DirectionUp, State: StateConfirmed}
		if err := ind.Set(FieldMidterm, c.text); err != nil || ind.Midterm != c.want {
			t.Errorf("%q in %s: %q, %v; want %q", c.text, c.unit, ind.Midterm, err, c.want)
		}
	}
	for _, c := range []struct{ unit, text string }{{"家", "1.2万人次"}, {"%", "3.5万"}, {"%", "0.5个百分点"}, {"亿元", "12家"}} {
		ind := Indicator{Name: "某指标", Unit: c.unit, Direction: DirectionUp, State: StateConfirmed}
		var fe *FieldError
		if err := ind.Set(FieldMidterm, c.text); !errors.As(err, &fe) || fe.Problem != ProblemUnit || fe.Unit != c.unit || ind.Midterm != "" {
			t.Errorf("%q in %s: %v, want a unit error naming %s", c.text, c.unit, err, c.unit)
		}
	}
}

// TestStatusOfEachKind: caps, floors, ranges and 左右 are scored as their
// words say.
func TestStatusOfEachKind(t *testing.T) {
	for _, c := range []struct {
		what                          string
		name, unit, base, target, mid string
		want                          Status
	}{
		{"a cap held", "城镇调查失业率", "%", "4.5%", "不超过5.5%", "4.8%", StatusOnTrack},
		{"a cap passed", "城镇调查失业率", "%", "4.5%", "不超过5.5%", "5.8%", StatusLagging},
		{"a cap to reach, on pace", "单位产值能耗", "吨标准煤", "0.6吨标准煤", "0.5吨标准煤以下", "0.55吨标准煤", StatusOnTrack},
		{"a cap reached", "单位产值能耗", "吨标准煤", "0.6吨标准煤", "0.5吨标准煤以下", "0.49吨标准煤", StatusAchieved},
		{"a floor held", "森林覆盖率", "%", "41%", "不低于40%", "41.5%", StatusOnTrack},
		{"a floor broken", "森林覆盖率", "%", "41%", "不低于40%", "39%", StatusLagging},
		{"inside a range", "地区生产总值增长", "%", "", "6%-6.5%", "6.2%", StatusOnTrack},
		{"above a range", "地区生产总值增长", "%", "", "6%-6.5%", "7%", StatusAhead},
		{"below a range", "地区生产总值增长", "%", "", "6%-6.5%", "5.5%", StatusLagging},
		{"左右 within half a point", "地区生产总值年均增长", "%", "", "7%左右", "6.6%", StatusOnTrack},
		{"左右 beyond half a point", "地区生产总值年均增长", "%", "", "7%左右", "6.4%", StatusLagging},
		{"a level 左右 within 5 %", "常住人口", "万人", "80万人", "100万人左右", "96万人", StatusAchieved},
		{"a kind to set", "地区生产总值增长", "%", "", "7%", "6%", StatusUnknown},
	} {
		ind := withTarget(t, c.name, c.unit, c.base, c.target, c.mid)
		if got := ind.Status(); got != c.want {
			t.Errorf("%s: status %s, want %s (kind %q)", c.what, got, c.want, ind.Kind())
		}
	}
	ind := withTarget(t, "地区生产总值增长", "%", "", "7%", "6%")
	if got := ind.Gaps(); len(got) != 1 || got[0] != GapKind {
		t.Errorf("a growth rate without 年均: gaps %v, want the kind", got)
	}
	ind.TargetKind = TargetAnnual
	if ind.Status() != StatusLagging {
		t.Errorf("with the kind set: %s", ind.Status())
	}
	ind.Direction = DirectionUp
	if cap := withTarget(t, "城镇调查失业率", "%", "", "不超过5.5%", ""); !cap.LowerIsBetter() {
		t.Error("a cap is lower-is-better whatever the direction field says")
	}
}

// TestQualitativeTargetsAreJudgedByHand: a qualitative target has the
// status the reviewer gives it, and says so until then.
func TestQualitativeTargetsAreJudgedByHand(t *testing.T) {
	ind := withTarget(t, "生态保护红线", "", "", "确保面积不减少、性质不改变", "")
	ind.State = StateConfirmed
	if ind.Status() != StatusUnknown || len(ind.Gaps()) != 1 || ind.Gaps()[0] != GapQualitative {
		t.Fatalf("unjudged: %s %v", ind.Status(), ind.Gaps())
	}
	if err := ind.Set(FieldManualStatus, string(StatusLagging)); err != nil {
		t.Fatal(err)
	}
	if ind.Status() != StatusLagging || ind.Gaps() != nil {
		t.Errorf("judged lagging: %s %v", ind.Status(), ind.Gaps())
	}
	ind.Attribute = AttributeObligatory
	if !ind.Warning() {
		t.Error("an obligatory indicator that lags is a warning")
	}
	if err := ind.Set(FieldManualStatus, "ahead"); err == nil {
		t.Error("a judgement other than 已完成/推进中/滞后 was taken")
	}
}
