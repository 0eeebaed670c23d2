package store

import (
	"fmt"

	"plandesk/plan"

	"gorm.io/gorm"
)

// ConfirmProposals confirms the proposed indicators among ids as they
// stand, in one transaction: one revision each, one Change, so a whole
// section's or report's proposals are accepted, and undone, in one step.
// Ids of indicators already confirmed are left alone; an unknown id
// refuses the whole change.
func (s *Store) ConfirmProposals(ids []int64, reviewer string) (plan.Change, error) {
	var change plan.Change
	err := s.write(func(tx *gorm.DB) error {
		for _, id := range ids {
			var ind plan.Indicator
			if err := tx.Take(&ind, id).Error; err != nil {
				return fmt.Errorf("indicator %d: %w", id, err)
			}
			if ind.State != plan.StateProposed {
				continue
			}
			step, err := editIndicator(tx, id, plan.FieldState, plan.StateConfirmed, reviewer)
			if err != nil {
				return fmt.Errorf("indicator %d: %w", id, err)
			}
			change = append(change, step...)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("confirm %d proposals: %w", len(ids), err)
	}
	return change, nil
}

// proposalIDs lists the ids of a report's proposals, or one section's when
// sectionID is not 0, in table order.
func proposalIDs(tx *gorm.DB, reportID, sectionID int64) ([]int64, error) {
	q := tx.Model(&plan.Indicator{}).Where("report_id = ? AND state = ?", reportID, plan.StateProposed)
	if sectionID != 0 {
		q = q.Where("section_id = ?", sectionID)
	}
	var ids []int64
	err := q.Order("section_id, seq, id").Pluck("id", &ids).Error
	return ids, err
}

// Proposals lists the ids of the indicators of a report still waiting for
// confirmation, or of one of its sections when sectionID is not 0.
func (s *Store) Proposals(reportID, sectionID int64) ([]int64, error) {
	ids, err := proposalIDs(s.db, reportID, sectionID)
	if err != nil {
		return nil, fmt.Errorf("list proposals of report %d: %w", reportID, err)
	}
	return ids, nil
}
