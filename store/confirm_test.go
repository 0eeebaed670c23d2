package store

import (
	"testing"

	"plandesk/plan"
)

// TestConfirmProposalsInOneStep: a section's proposals, then the rest of
// the report's, are confirmed in one change each, undone in one step.
func TestConfirmProposalsInOneStep(t *testing.T) {
	s, list := seededWithIndicators(t)
	report, section := list[0].ReportID, list[0].SectionID
	inSection, err := s.Proposals(report, section)
	if err != nil || len(inSection) == 0 {
		t.Fatalf("proposals of section %d: %v %v", section, inSection, err)
	}
	all, _ := s.Proposals(report, 0)
	if len(all) != seedProposalCount(t) {
		t.Fatalf("%d proposals in the report, want %d", len(all), seedProposalCount(t))
	}
	change, err := s.ConfirmProposals(inSection, "张三")
	if err != nil || len(change) != len(inSection) {
		t.Fatalf("confirm section: %d revisions, %v", len(change), err)
	}
	if left, _ := s.Proposals(report, 0); len(left) != len(all)-len(inSection) {
		t.Errorf("%d left after the section, want %d", len(left), len(all)-len(inSection))
	}
	rest, err := s.ConfirmProposals(all, "张三")
	if err != nil || len(rest) != len(all)-len(inSection) {
		t.Fatalf("confirm the rest: %d revisions, %v (the section's were confirmed already)", len(rest), err)
	}
	if _, err := s.Revert(rest, "张三"); err != nil {
		t.Fatal(err)
	}
	if left, _ := s.Proposals(report, 0); len(left) != len(all)-len(inSection) {
		t.Errorf("undo left %d proposals, want %d", len(left), len(all)-len(inSection))
	}
	if _, err := s.ConfirmProposals([]int64{999999}, "张三"); err == nil {
		t.Error("an unknown id was confirmed")
	}
	if left, _ := s.Proposals(report, 0); len(left) != len(all)-len(inSection) {
		t.Errorf("a refused confirmation changed %d", len(all)-len(inSection)-len(left))
	}
	ind, _ := s.Indicator(inSection[0])
	if ind.State != plan.StateConfirmed {
		t.Errorf("state %s", ind.State)
	}
}
