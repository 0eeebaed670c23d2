package store

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"plandesk/plan"
)

// ErrBadReview means a review state that is none of plan.Reviews().
var ErrBadReview = errors.New("not a review state")

// SetSectionReview marks a section 未审阅, 已审阅 or 需修改 (a plan.Review*
// code) in one transaction with its revision, so Undo takes it back.
// Nothing is recorded when the section is in that state already (the
// Change is empty).
func (s *Store) SetSectionReview(sectionID int64, state, reviewer string) (plan.Change, error) {
	if !plan.ValidReview(state) {
		return nil, fmt.Errorf("review of section %d: %q: %w", sectionID, state, ErrBadReview)
	}
	var change plan.Change
	err := s.write(func(tx *gorm.DB) error {
		var sec plan.Section
		if err := tx.Take(&sec, sectionID).Error; err != nil {
			return err
		}
		if sec.ReviewState == state {
			return nil
		}
		if err := saveReview(tx, sectionID, state); err != nil {
			return err
		}
		var err error
		change, err = record(tx, plan.Change{{ReportID: sec.ReportID, SectionID: sectionID, Action: plan.ActionEdit,
			Field: plan.FieldReview, OldText: sec.ReviewState, NewText: state}}, reviewer)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("review of section %d: %w", sectionID, err)
	}
	return change, nil
}

func saveReview(tx *gorm.DB, sectionID int64, state string) error {
	return tx.Model(&plan.Section{}).Where("id = ?", sectionID).Update("review_state", state).Error
}

// replayReviewStep undoes or redoes a change of a section's review state,
// after checking that the section still stands as the revision left it (or,
// for a redo, found it), as replayStep does for indicators.
func replayReviewStep(tx *gorm.DB, rev plan.Revision, reviewer string, undo bool) (plan.Change, error) {
	if rev.Action != plan.ActionEdit || rev.Field != plan.FieldReview {
		return nil, fmt.Errorf("section %d: unknown revision %s of %s", rev.SectionID, rev.Action, rev.Field)
	}
	text, expect := rev.NewText, rev.OldText
	if undo {
		text, expect = rev.OldText, rev.NewText
	}
	var sec plan.Section
	if err := tx.Take(&sec, rev.SectionID).Error; errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, fmt.Errorf("section %d: %w", rev.SectionID, ErrChangedSince)
	} else if err != nil {
		return nil, err
	}
	if sec.ReviewState != expect {
		return nil, fmt.Errorf("section %d, review is %q, not %q: %w", rev.SectionID, sec.ReviewState, expect, ErrChangedSince)
	}
	if err := saveReview(tx, sec.ID, text); err != nil {
		return nil, err
	}
	return record(tx, plan.Change{{ReportID: sec.ReportID, SectionID: sec.ID, Action: plan.ActionEdit,
		Field: plan.FieldReview, OldText: expect, NewText: text}}, reviewer)
}

// SectionRevisions returns a section's history of review states, newest
// first.
func (s *Store) SectionRevisions(id int64) ([]plan.Revision, error) {
	var list []plan.Revision
	if err := s.db.Where("section_id = ?", id).Order("id DESC").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("load history of section %d: %w", id, err)
	}
	return list, nil
}
