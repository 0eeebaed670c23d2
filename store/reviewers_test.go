package store

import (
	"testing"

	"plandesk/plan"
)

// TestReviewerSummaryCountsWhoDidWhat: marks, comments and edits are
// counted by reviewer; a mark undone since counts for nobody, and a
// section marked again counts for its latest marker.
func TestReviewerSummaryCountsWhoDidWhat(t *testing.T) {
	s, sections := seededSections(t)
	rid := sections[0].ReportID
	mark := func(i int, state, who string) plan.Change {
		t.Helper()
		c, err := s.SetSectionReview(sections[i].ID, state, who)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	mark(0, plan.ReviewDone, "张三")
	mark(1, plan.ReviewDone, "张三")
	mark(1, plan.ReviewNeedsChanges, "李四") // the latest mark is 李四's
	undone := mark(2, plan.ReviewDone, "李四")
	if _, err := s.Revert(undone, "李四"); err != nil {
		t.Fatal(err)
	}
	inds, _ := s.Indicators(rid)
	if _, _, err := s.EditIndicator(inds[0].ID, plan.FieldNote, "甲", "张三"); err != nil {
		t.Fatal(err)
	}
	for _, who := range []string{"李四", "李四", "王五"} {
		if _, _, err := s.AddComment(plan.Comment{SectionID: sections[0].ID, Anchor: plan.AnchorSection, Text: "意见"}, who); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.ReviewerSummary(rid)
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]plan.ReviewerStats{}
	for _, st := range got {
		by[st.Reviewer] = st
	}
	if z := by["张三"]; z.SectionsReviewed != 1 || z.Changes != 1 || z.Comments != 0 {
		t.Errorf("张三 = %+v", z)
	}
	if l := by["李四"]; l.SectionsReviewed != 1 || l.Comments != 2 || l.Changes != 0 {
		t.Errorf("李四 = %+v (the undone mark must not count)", l)
	}
	if w := by["王五"]; w.Comments != 1 || len(got) != 3 {
		t.Errorf("王五 = %+v; %d reviewers", w, len(got))
	}
	if got[0].Reviewer != "李四" && got[0].Reviewer != "张三" {
		t.Errorf("the busiest first: %+v", got)
	}
}
