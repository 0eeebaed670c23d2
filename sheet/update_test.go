package sheet

import (
	"errors"
	"testing"

	"plandesk/plan"
)

// TestPlanUpdateOrdersAndChecksChanges: words for a target come after the
// kind that makes them a qualitative target; a bad year is the error of
// the column it came from; a row that changes nothing is unchanged.
func TestPlanUpdateOrdersAndChecksChanges(t *testing.T) {
	existing := plan.Indicator{ID: 7, SectionID: 3, Name: "营商环境", Unit: "%", Direction: plan.DirectionUp,
		Target: "90%", TargetKind: plan.TargetLevel, State: plan.StateConfirmed}
	if err := existing.ReadValues(); err != nil {
		t.Fatal(err)
	}
	want := existing
	want.Target, want.TargetKind, want.TargetYear = "确保完成省下达任务", plan.TargetQualitative, "2025"
	columns := map[plan.Field]string{plan.FieldTarget: "2025年", plan.FieldTargetKind: "年均/累计", plan.FieldTargetYear: "2025年"}
	pr := PlanUpdate(12, existing, want, columns)
	if len(pr.Errors) > 0 || pr.Action != ImportUpdate || pr.IndicatorID != 7 || pr.SectionID != 3 || pr.Row != 12 {
		t.Fatalf("plan row = %+v", pr)
	}
	var order []plan.Field
	for _, ch := range pr.Changes {
		order = append(order, ch.Field)
	}
	kind, target := -1, -1
	for i, f := range order {
		switch f {
		case plan.FieldTargetKind:
			kind = i
		case plan.FieldTarget:
			target = i
		}
	}
	if len(order) != 3 || kind < 0 || target < kind || pr.Changes[target].Column != "2025年" {
		t.Errorf("changes = %+v", pr.Changes)
	}

	bad := existing
	bad.BaselineYear = "二〇二〇"
	pr = PlanUpdate(5, existing, bad, map[plan.Field]string{plan.FieldBaselineYear: "基期"})
	var fe *plan.FieldError
	if len(pr.Errors) != 1 || pr.Errors[0].Column != "基期" || !errors.As(pr.Errors[0], &fe) || fe.Problem != plan.ProblemBadYear {
		t.Errorf("bad year: %+v", pr.Errors)
	}
	if pr := PlanUpdate(5, existing, existing, nil); pr.Action != ImportUnchanged || len(pr.Changes) != 0 {
		t.Errorf("no change: %+v", pr)
	}
}
