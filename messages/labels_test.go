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
