package store

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"plandesk/plan"
)

// ErrOtherReport means a move names a section of another report: an
// indicator belongs to its report's outline.
var ErrOtherReport = errors.New("the section belongs to another report")

// MoveIndicator moves an indicator to the end of another section's table,
// in one transaction, recorded as one revision so it can be undone. Moving
// it to the section it is in changes nothing (the Change is empty). It
// returns the indicator as stored after the move.
func (s *Store) MoveIndicator(id, sectionID int64, reviewer string) (plan.Indicator, plan.Change, error) {
	var change plan.Change
	err := s.write(func(tx *gorm.DB) error {
		var ind plan.Indicator
		if err := tx.Take(&ind, id).Error; err != nil {
			return err
		}
		if ind.SectionID == sectionID {
			return nil
		}
		from, err := placementOf(tx, ind)
		if err != nil {
			return err
		}
		var to plan.Section
		if err := tx.Take(&to, sectionID).Error; err != nil {
			return err
		}
		if to.ReportID != ind.ReportID {
			return fmt.Errorf("section %d: %w", sectionID, ErrOtherReport)
		}
		change, err = moveTo(tx, ind, from, plan.Placement{SectionID: to.ID, Seq: -1, Heading: to.Heading()}, reviewer)
		return err
	})
	if err != nil {
		return plan.Indicator{}, nil, fmt.Errorf("move indicator %d to section %d: %w", id, sectionID, err)
	}
	ind, err := s.Indicator(id)
	if err != nil {
		return plan.Indicator{}, change, fmt.Errorf("move indicator %d: moved, but %w", id, err)
	}
	return ind, change, nil
}

// placementOf is where an indicator stands now.
func placementOf(tx *gorm.DB, ind plan.Indicator) (plan.Placement, error) {
	var sec plan.Section
	if err := tx.Take(&sec, ind.SectionID).Error; err != nil {
		return plan.Placement{}, err
	}
	return plan.Placement{SectionID: sec.ID, Seq: ind.Seq, Heading: sec.Heading()}, nil
}

// moveTo puts an indicator at a placement and records the move. The row
// it asks for is kept when it is free (an undo puts the indicator back
// where it was); otherwise, and when it asks for none, the indicator goes
// to the end of the section's table.
func moveTo(tx *gorm.DB, ind plan.Indicator, from, to plan.Placement, reviewer string) (plan.Change, error) {
	var taken int64
	if err := tx.Model(&plan.Indicator{}).Where("section_id = ? AND seq = ?", to.SectionID, to.Seq).Count(&taken).Error; err != nil {
		return nil, err
	}
	if taken > 0 || to.Seq < 0 {
		var last *int
		if err := tx.Model(&plan.Indicator{}).Where("section_id = ?", to.SectionID).Select("max(seq)").Scan(&last).Error; err != nil {
			return nil, err
		}
		to.Seq = 0
		if last != nil {
			to.Seq = *last + 1
		}
	}
	ind.SectionID, ind.Seq = to.SectionID, to.Seq
	if err := tx.Model(&ind).Select("section_id", "seq", "updated_at").Updates(&ind).Error; err != nil {
		return nil, err
	}
	// The indicator's comments go with it: they are listed in the section
	// that shows it.
	if err := tx.Model(&plan.Comment{}).Where("anchor = ? AND indicator_id = ?", plan.AnchorIndicator, ind.ID).
		Update("section_id", ind.SectionID).Error; err != nil {
		return nil, err
	}
	return record(tx, plan.Change{{ReportID: ind.ReportID, IndicatorID: ind.ID, Action: plan.ActionMove, OldText: from.String(), NewText: to.String()}}, reviewer)
}

// replayMove undoes or redoes a move, after checking that the indicator
// still stands where the move left it (or, for a redo, found it).
func replayMove(tx *gorm.DB, rev plan.Revision, reviewer string, undo bool) (plan.Change, error) {
	from, err := plan.ParsePlacement(rev.OldText)
	if err != nil {
		return nil, err
	}
	to, err := plan.ParsePlacement(rev.NewText)
	if err != nil {
		return nil, err
	}
	if undo {
		from, to = to, from
	}
	var ind plan.Indicator
	if err := tx.Take(&ind, rev.IndicatorID).Error; err != nil {
		return nil, err
	}
	if ind.SectionID != from.SectionID {
		return nil, fmt.Errorf("indicator %d is in section %d, not %d: %w", ind.ID, ind.SectionID, from.SectionID, ErrChangedSince)
	}
	from.Seq = ind.Seq
	return moveTo(tx, ind, from, to, reviewer)
}
