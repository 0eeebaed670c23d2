package messages

import (
	"testing"

	"plandesk/plan"
	"plandesk/sheet"
)

// TestChineseLabelsAreTheSheetsWords: what the window shows in Chinese for
// a status, direction, target kind or state is the word an exported sheet
// writes for it, so a reviewer reads one vocabulary everywhere.
func TestChineseLabelsAreTheSheetsWords(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	for _, st := range plan.Statuses() {
		if got, want := StatusLabel(st), sheet.StatusLabel(st); got != want {
			t.Errorf("status %s: window %q, sheet %q", st, got, want)
		}
	}
	for _, c := range []struct {
		field plan.Field
		value string
	}{
		{plan.FieldDirection, plan.DirectionUp}, {plan.FieldDirection, plan.DirectionDown},
		{plan.FieldTargetKind, plan.TargetLevel}, {plan.FieldTargetKind, plan.TargetCumulative},
		{plan.FieldState, plan.StateProposed}, {plan.FieldState, plan.StateConfirmed},
	} {
		if got, want := ChoiceLabel(c.field, c.value), sheet.DisplayText(c.field, c.value); got != want {
			t.Errorf("%s %s: window %q, sheet %q", c.field, c.value, got, want)
		}
	}
}

// TestStatusSaysWhatIsMissingAndMovesNameTheirSections: an indicator
// without a status names the missing numbers in Chinese, and an undone
// move names both sections. The numbers are illustrative.
func TestStatusSaysWhatIsMissingAndMovesNameTheirSections(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	v := 0.97
	cases := map[string]plan.Indicator{
		"缺目标值":     {MidtermValue: &v},
		"缺中期值":     {TargetValue: &v},
		"缺目标值和中期值": {},
		"定性目标":     {TargetKind: plan.TargetQualitative},
	}
	for want, ind := range cases {
		if got := StatusOf(&ind); got != want {
			t.Errorf("%+v: %q, want %q", ind, got, want)
		}
	}
	from := plan.Placement{SectionID: 3, Seq: 0, Heading: "2.数字经济稳步发展"}.String()
	to := plan.Placement{SectionID: 4, Seq: 2, Heading: "3.产业体系持续巩固"}.String()
	move := plan.Change{{Action: plan.ActionMove, OldText: from, NewText: to}}
	if got := Replayed(true, move); got != "已撤销：移动：2.数字经济稳步发展 → 3.产业体系持续巩固" {
		t.Errorf("undo of a move says %q", got)
	}
	if got := Moved("数字经济类企业", move); got != "已将“数字经济类企业”移到 3.产业体系持续巩固。撤销（Ctrl+Z）可移回。" {
		t.Errorf("a move says %q", got)
	}
}
