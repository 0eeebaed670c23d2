package store

import (
	"fmt"

	"plandesk/plan"
)

// Overview loads and summarises one report.
func (s *Store) Overview(reportID int64) (plan.Overview, error) {
	report, err := s.Report(reportID)
	if err != nil {
		return plan.Overview{}, fmt.Errorf("overview: %w", err)
	}
	sections, err := s.Sections(reportID)
	if err != nil {
		return plan.Overview{}, fmt.Errorf("overview: %w", err)
	}
	indicators, err := s.Indicators(reportID)
	if err != nil {
		return plan.Overview{}, fmt.Errorf("overview: %w", err)
	}
	projects, err := s.Projects(reportID)
	if err != nil {
		return plan.Overview{}, fmt.Errorf("overview: %w", err)
	}
	comments, err := s.Comments(reportID)
	if err != nil {
		return plan.Overview{}, fmt.Errorf("overview: %w", err)
	}
	o := plan.Summarize(report, sections, indicators)
	o.Comments = plan.CommentCounts(comments)
	o.Projects = plan.CountProjects(projects)
	o.Reviews = plan.CountReviews(sections)
	if o.Reviewers, err = s.ReviewerSummary(reportID); err != nil {
		return plan.Overview{}, fmt.Errorf("overview: %w", err)
	}
	return o, nil
}
