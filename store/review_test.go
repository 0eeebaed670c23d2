package store

import (
	"errors"
	"testing"

	"plandesk/plan"
)

// TestSectionReviewSetUndoRedo: marking a section is one revision on the
// real file, undone and redone like an edit, and refused once the section
// was marked again since.
func TestSectionReviewSetUndoRedo(t *testing.T) {
	s, sections := seededSections(t)
	sec := sections[1]
	if sec.ReviewState != plan.ReviewNone {
		t.Fatalf("a new section's state is %q, want %q", sec.ReviewState, plan.ReviewNone)
	}
	c, err := s.SetSectionReview(sec.ID, plan.ReviewDone, "张三")
	if err != nil || len(c) != 1 {
		t.Fatalf("SetSectionReview = %+v, %v", c, err)
	}
	if r := c[0]; r.SectionID != sec.ID || r.IndicatorID != 0 || r.ProjectID != 0 || r.Field != plan.FieldReview ||
		r.OldText != plan.ReviewNone || r.NewText != plan.ReviewDone || r.Reviewer != "张三" {
		t.Errorf("revision = %+v", r)
	}
	stateOf := func() string {
		t.Helper()
		list, err := s.Sections(sec.ReportID)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range list {
			if x.ID == sec.ID {
				return x.ReviewState
			}
		}
		t.Fatal("section gone")
		return ""
	}
	if again, err := s.SetSectionReview(sec.ID, plan.ReviewDone, "张三"); err != nil || len(again) != 0 {
		t.Errorf("setting the same state again = %+v, %v; want no change", again, err)
	}
	if _, err := s.Revert(c, "张三"); err != nil {
		t.Fatalf("undo: %v", err)
	}
	if got := stateOf(); got != plan.ReviewNone {
		t.Errorf("after undo: %q", got)
	}
	if _, err := s.Reapply(c, "张三"); err != nil {
		t.Fatalf("redo: %v", err)
	}
	if got := stateOf(); got != plan.ReviewDone {
		t.Errorf("after redo: %q", got)
	}
	if _, err := s.SetSectionReview(sec.ID, plan.ReviewNeedsChanges, "李四"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Revert(c, "张三"); !errors.Is(err, ErrChangedSince) {
		t.Errorf("undo over a later mark: %v, want ErrChangedSince", err)
	}
	if _, err := s.SetSectionReview(sec.ID, "done", "张三"); !errors.Is(err, ErrBadReview) {
		t.Errorf("a state that is no code: %v", err)
	}
	history, err := s.SectionRevisions(sec.ID)
	if err != nil || len(history) != 4 {
		t.Fatalf("history = %d, %v; want set, undo, redo, set", len(history), err)
	}
	if history[2].Replay != plan.ReplayUndo || history[1].Replay != plan.ReplayRedo {
		t.Errorf("replays = %q, %q", history[2].Replay, history[1].Replay)
	}
}

// TestOverviewCountsReviews: the overview counts the sections by state,
// 需修改 among the reviewed.
func TestOverviewCountsReviews(t *testing.T) {
	s, sections := seededSections(t)
	for i, state := range []string{plan.ReviewDone, plan.ReviewDone, plan.ReviewNeedsChanges} {
		if _, err := s.SetSectionReview(sections[i].ID, state, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	o, err := s.Overview(sections[0].ReportID)
	if err != nil {
		t.Fatal(err)
	}
	c := o.Reviews
	if c.Total != len(sections) || c.Reviewed() != 3 || c.ByState[plan.ReviewDone] != 2 ||
		c.ByState[plan.ReviewNeedsChanges] != 1 || c.ByState[plan.ReviewNone] != len(sections)-3 {
		t.Errorf("review counts = %+v of %d sections", c, len(sections))
	}
}

// TestUpgradeToReviewStatesKeepsData: a file of schema 6 with a section,
// an indicator and an edit opens at schema 7 with a backup, every section
// not reviewed, its edit still undoable and its sections markable.
func TestUpgradeToReviewStatesKeepsData(t *testing.T) {
	s := upgradedFrom(t, 6,
		`INSERT INTO reports (id, title, imported_at) VALUES (1, '示例报告', '2026-01-01 00:00:00')`,
		`INSERT INTO sections (id, report_id, seq, depth, numbering, title) VALUES (1, 1, 0, 0, '一、', '示例')`,
		`INSERT INTO paragraphs (section_id, seq, text) VALUES (1, 0, '道路建成。')`,
		`INSERT INTO indicators (id, uid, report_id, section_id, seq, name, note, updated_at) VALUES (1, 'u1', 1, 1, 0, '甲', '新', '2026-01-01 00:00:00')`,
		`INSERT INTO revisions (report_id, indicator_id, action, field, old_text, new_text, at) VALUES (1, 1, 'edit', 'note', '旧', '新', '2026-01-01 00:00:00')`,
	)
	sections, err := s.Sections(1)
	if err != nil || len(sections) != 1 || sections[0].Title != "示例" || sections[0].ReviewState != plan.ReviewNone {
		t.Fatalf("sections after the upgrade: %+v, %v", sections, err)
	}
	if paras, err := s.Paragraphs(1); err != nil || len(paras) != 1 || paras[0].Text != "道路建成。" {
		t.Errorf("paragraphs after the upgrade: %+v, %v", paras, err)
	}
	history, err := s.IndicatorRevisions(1)
	if err != nil || len(history) != 1 || history[0].SectionID != 0 {
		t.Fatalf("history after the upgrade: %+v, %v", history, err)
	}
	if _, err := s.Revert(plan.Change{history[0]}, "张三"); err != nil {
		t.Errorf("undo of an edit made before the upgrade: %v", err)
	}
	if _, err := s.SetSectionReview(1, plan.ReviewNeedsChanges, "张三"); err != nil {
		t.Errorf("marking a section after the upgrade: %v", err)
	}
}
