package store

import (
	"errors"
	"testing"

	"plandesk/plan"
)

// TestMoveIndicatorUndoAndRedo: a move puts the indicator at the end of the
// other section's table, is one revision naming both headings, and undo
// puts it back in its old row; a move into another report is refused.
func TestMoveIndicatorUndoAndRedo(t *testing.T) {
	s, list := seededWithIndicators(t)
	ind := list[0]
	sections, err := s.Sections(ind.ReportID)
	if err != nil {
		t.Fatal(err)
	}
	var target plan.Section
	for _, sec := range sections {
		if sec.ID != ind.SectionID {
			if rows, _ := s.SectionIndicators(sec.ID); len(rows) > 0 {
				target = sec
				break
			}
		}
	}
	before, _ := s.SectionIndicators(target.ID)
	moved, change, err := s.MoveIndicator(ind.ID, target.ID, "张三")
	if err != nil {
		t.Fatal(err)
	}
	after, _ := s.SectionIndicators(target.ID)
	if moved.SectionID != target.ID || len(after) != len(before)+1 || after[len(after)-1].ID != ind.ID {
		t.Fatalf("moved into section %d as row %d of %d; want the last row of %d", moved.SectionID, moved.Seq, len(after), target.ID)
	}
	if len(change) != 1 || change[0].Action != plan.ActionMove || plan.HeadingOf(change[0].NewText) != target.Heading() {
		t.Fatalf("change %+v", change)
	}
	if _, err := s.Revert(change, "张三"); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Indicator(ind.ID)
	if back.SectionID != ind.SectionID || back.Seq != ind.Seq {
		t.Errorf("undo left it in section %d row %d, want %d row %d", back.SectionID, back.Seq, ind.SectionID, ind.Seq)
	}
	if _, err := s.Reapply(change, "张三"); err != nil {
		t.Fatal(err)
	}
	if again, _ := s.Indicator(ind.ID); again.SectionID != target.ID {
		t.Errorf("redo left it in section %d", again.SectionID)
	}
	// Undoing twice: the indicator is no longer where the undo expects.
	if _, err := s.Revert(change, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Revert(change, "张三"); !errors.Is(err, ErrChangedSince) {
		t.Errorf("a second undo: %v, want ErrChangedSince", err)
	}
	revs, _ := s.IndicatorRevisions(ind.ID)
	if len(revs) != 4 || revs[0].Replay != plan.ReplayUndo {
		t.Errorf("%d revisions, newest %+v; want the move, its undo, redo and undo", len(revs), revs[0])
	}

	if _, c, err := s.MoveIndicator(ind.ID, ind.SectionID, "张三"); err != nil || len(c) != 0 {
		t.Errorf("a move to its own section: %v, %v; want nothing recorded", c, err)
	}
	other := importSecondReport(t, s)
	otherSections, _ := s.Sections(other)
	if _, _, err := s.MoveIndicator(ind.ID, otherSections[0].ID, "张三"); !errors.Is(err, ErrOtherReport) {
		t.Errorf("a move into another report: %v, want ErrOtherReport", err)
	}
}

// importSecondReport imports the shipped report again, as a second report,
// and returns its id.
func importSecondReport(t *testing.T, s *Store) int64 {
	t.Helper()
	r, err := s.ImportReportAgain(parseSeed(t), "second.txt")
	if err != nil {
		t.Fatal(err)
	}
	return r.ID
}
