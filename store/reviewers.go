package store

import (
	"fmt"
	"sort"

	"plandesk/plan"
)

// ReviewerSummary is who did what to a report, as the coordinator sees it
// after merging everyone's packages: per reviewer, the sections whose
// latest review mark (已审阅 or 需修改) they set, the comments and replies
// they wrote, and the changes they made to indicators and projects. The
// busiest reviewer comes first.
func (s *Store) ReviewerSummary(reportID int64) ([]plan.ReviewerStats, error) {
	stats := map[string]*plan.ReviewerStats{}
	of := func(name string) *plan.ReviewerStats {
		if stats[name] == nil {
			stats[name] = &plan.ReviewerStats{Reviewer: name}
		}
		return stats[name]
	}
	var marks []struct {
		Reviewer string
		N        int
	}
	// Each section's newest mark, counted where the section stands
	// reviewed: a mark undone since counts for nobody.
	err := s.db.Raw(`SELECT r.reviewer, count(*) AS n FROM revisions r
		JOIN sections s ON s.id = r.section_id
		WHERE r.report_id = ? AND r.field = ? AND s.review_state IN (?, ?)
		  AND r.id = (SELECT max(id) FROM revisions WHERE section_id = r.section_id AND field = ?)
		GROUP BY r.reviewer`, reportID, plan.FieldReview, plan.ReviewDone, plan.ReviewNeedsChanges, plan.FieldReview).Scan(&marks).Error
	if err != nil {
		return nil, fmt.Errorf("summarise the reviewers of report %d: %w", reportID, err)
	}
	for _, m := range marks {
		of(m.Reviewer).SectionsReviewed = m.N
	}
	var counts []struct {
		Reviewer string
		N        int
	}
	if err := s.db.Raw(`SELECT reviewer, count(*) AS n FROM comments WHERE report_id = ? GROUP BY reviewer`, reportID).Scan(&counts).Error; err != nil {
		return nil, fmt.Errorf("summarise the reviewers of report %d: %w", reportID, err)
	}
	for _, c := range counts {
		of(c.Reviewer).Comments = c.N
	}
	counts = counts[:0]
	// A change is what one action did: its revisions share their time (an
	// edit of a proposal also confirms it, two revisions, one change).
	if err := s.db.Raw(`SELECT reviewer, count(DISTINCT at) AS n FROM revisions
		WHERE report_id = ? AND (indicator_id != 0 OR project_id != 0) GROUP BY reviewer`, reportID).Scan(&counts).Error; err != nil {
		return nil, fmt.Errorf("summarise the reviewers of report %d: %w", reportID, err)
	}
	for _, c := range counts {
		of(c.Reviewer).Changes = c.N
	}
	out := make([]plan.ReviewerStats, 0, len(stats))
	for _, st := range stats {
		out = append(out, *st)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if ta, tb := a.SectionsReviewed+a.Comments+a.Changes, b.SectionsReviewed+b.Comments+b.Changes; ta != tb {
			return ta > tb
		}
		return a.Reviewer < b.Reviewer
	})
	return out, nil
}
