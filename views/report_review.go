package views

import "plandesk/plan"

// setReview asks for a section's review state to be set.
func (r *ReportScreen) setReview(id int64, state string) {
	if id != 0 && r.OnReview != nil {
		r.OnReview(id, state)
	}
}

// ReviewState is a section's review state as the screen shows it.
func (r *ReportScreen) ReviewState(id int64) string {
	s, _ := r.outline.Section(id)
	return s.ReviewState
}

// NextUnreviewed is the first section after the one on screen (or on its
// way) that is not yet reviewed, from the top after the last; 0 when there
// is none.
func (r *ReportScreen) NextUnreviewed() int64 { return r.outline.NextUnreviewed(r.from()) }

// SetReviews shows sections in the states stored for them: the tree's
// marks, and the page's control when it shows one of them.
func (r *ReportScreen) SetReviews(states map[int64]string) {
	for id, state := range states {
		if s, ok := r.outline.Section(id); !ok || s.ReviewState == state {
			continue
		}
		r.outline = r.outline.WithReview(id, state)
		r.tree.outline = r.outline
		r.tree.RefreshItem(nodeID(id))
		if id == r.current {
			r.page.review.set(state)
		}
	}
}

// onReviewsChanged shows the states a change stored, or reads them all
// again after an undo or redo, which says only that they changed.
func (r *ReportScreen) onReviewsChanged(c ReviewsChange) {
	if c.ReportID != r.reportID {
		return
	}
	if len(c.States) > 0 {
		r.SetReviews(c.States)
		return
	}
	reportID := r.reportID
	fetch := func() ([]plan.Section, error) { return r.source.Sections(reportID) }
	loadThen(&r.reviewLoads, fetch, func(sections []plan.Section) {
		if reportID != r.reportID {
			return
		}
		states := make(map[int64]string, len(sections))
		for _, s := range sections {
			states[s.ID] = s.ReviewState
		}
		r.SetReviews(states)
		if r.OnReviewsShown != nil {
			r.OnReviewsShown()
		}
	})
}
