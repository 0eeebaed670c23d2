package store

import (
	"fmt"

	"plandesk/plan"
)

// Reports lists every report in the database, oldest first.
func (s *Store) Reports() ([]plan.Report, error) {
	var reports []plan.Report
	if err := s.db.Order("id").Find(&reports).Error; err != nil {
		return nil, fmt.Errorf("list reports: %w", err)
	}
	return reports, nil
}

// Report returns one report by id.
func (s *Store) Report(id int64) (plan.Report, error) {
	var r plan.Report
	if err := s.db.Take(&r, id).Error; err != nil {
		return plan.Report{}, fmt.Errorf("load report %d: %w", id, err)
	}
	return r, nil
}
