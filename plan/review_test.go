package plan

import "testing"

func TestNextUnreviewedGoesOnFromTheTop(t *testing.T) {
	one, two := int64(1), int64(2)
	o := NewOutline([]Section{
		{ID: 1, ReviewState: ReviewNone},
		{ID: 2, ParentID: &one, ReviewState: ReviewDone},
		{ID: 3, ParentID: &two, ReviewState: ReviewNeedsChanges},
		{ID: 4, ReviewState: ReviewNone},
	})
	if got := o.NextUnreviewed(1); got != 4 {
		t.Errorf("after 1: %d, want 4 (2 and 3 are reviewed)", got)
	}
	if got := o.NextUnreviewed(4); got != 1 {
		t.Errorf("after 4: %d, want 1 from the top", got)
	}
	marked := o.WithReview(1, ReviewDone)
	if s, _ := o.Section(1); s.ReviewState != ReviewNone {
		t.Error("WithReview changed the outline it was called on")
	}
	if got := marked.NextUnreviewed(4); got != 0 {
		t.Errorf("all but 4 reviewed: %d, want 0", got)
	}
	c := CountReviews(marked.Sections())
	if c.Total != 4 || c.Reviewed() != 3 || c.ByState[ReviewNone] != 1 {
		t.Errorf("counts = %+v", c)
	}
}
