package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"plandesk/plan"

	"gorm.io/gorm"
)

// EditIndicator sets one field of an indicator to text, validating it
// first; a refused edit returns a *FieldError and changes nothing. Editing a
// proposed indicator also confirms it. Nothing is recorded when the text is
// unchanged (the returned Change is empty). It returns the indicator as
// stored after the edit.
func (s *Store) EditIndicator(id int64, f plan.Field, text, reviewer string) (plan.Indicator, plan.Change, error) {
	var change plan.Change
	err := s.write(func(tx *gorm.DB) error {
		var err error
		change, err = editIndicator(tx, id, f, text, reviewer)
		return err
	})
	if err != nil {
		return plan.Indicator{}, nil, fmt.Errorf("edit %s of indicator %d: %w", f, id, err)
	}
	// The row as every page reads it, so a table patched with it shows
	// what a reload would.
	ind, err := s.Indicator(id)
	if err != nil {
		return plan.Indicator{}, change, fmt.Errorf("edit %s of indicator %d: saved, but %w", f, id, err)
	}
	return ind, change, nil
}

func editIndicator(tx *gorm.DB, id int64, f plan.Field, text, reviewer string) (plan.Change, error) {
	var ind plan.Indicator
	if err := tx.Take(&ind, id).Error; err != nil {
		return nil, err
	}
	old := ind.Get(f)
	if err := ind.Set(f, text); err != nil {
		return nil, err
	}
	if ind.Get(f) == old {
		return nil, nil
	}
	change := plan.Change{{ReportID: ind.ReportID, IndicatorID: id, Action: plan.ActionEdit, Field: f, OldText: old, NewText: ind.Get(f)}}
	if ind.State == plan.StateProposed && f != plan.FieldState {
		ind.State = plan.StateConfirmed
		change = append(change, plan.Revision{ReportID: ind.ReportID, IndicatorID: id, Action: plan.ActionEdit, Field: plan.FieldState, OldText: plan.StateProposed, NewText: plan.StateConfirmed})
	}
	if err := saveFields(tx, &ind, f, plan.FieldState); err != nil {
		return nil, err
	}
	return record(tx, change, reviewer)
}

// saveFields writes the given fields of an indicator, the values read from
// them and its time of change; the other columns are left alone.
func saveFields(tx *gorm.DB, ind *plan.Indicator, fields ...plan.Field) error {
	ind.UpdatedAt = time.Now()
	columns := []string{"updated_at", "baseline_value", "target_value", "midterm_value"}
	for _, f := range fields {
		columns = append(columns, string(f))
	}
	return tx.Model(ind).Select(columns).Updates(ind).Error
}

// record stores a change's revisions with their reviewer and time, made
// on this laptop.
func record(tx *gorm.DB, change plan.Change, reviewer string) (plan.Change, error) {
	now := time.Now()
	for i := range change {
		change[i].Reviewer, change[i].At = reviewer, now
	}
	return recordStamped(tx, change)
}

// recordStamped stores revisions whose reviewer and time are set, giving
// each its uid, its laptop (this one's, unless a merge named another) and
// the uid of what it changed.
func recordStamped(tx *gorm.DB, change plan.Change) (plan.Change, error) {
	if len(change) == 0 {
		return change, nil
	}
	// This laptop's uid is read only when a revision is this laptop's own:
	// a merge records thousands made elsewhere, each naming its laptop.
	var laptop string
	var err error
	for i := range change {
		if change[i].UID, err = randomUID(); err != nil {
			return nil, err
		}
		if change[i].Laptop == "" {
			if laptop == "" {
				if laptop, err = laptopUID(tx); err != nil {
					return nil, fmt.Errorf("record revision: %w", err)
				}
			}
			change[i].Laptop = laptop
		}
	}
	if err := stampEntities(tx, change); err != nil {
		return nil, fmt.Errorf("record revision: %w", err)
	}
	if err := tx.Create(&change).Error; err != nil {
		return nil, fmt.Errorf("record revision: %w", err)
	}
	return change, nil
}

// AddIndicator stores a new indicator at the end of its section's table.
// Its name must not be empty and its numbers must read.
func (s *Store) AddIndicator(ind plan.Indicator, reviewer string) (plan.Indicator, plan.Change, error) {
	var change plan.Change
	err := s.write(func(tx *gorm.DB) error {
		var err error
		change, err = createIndicator(tx, &ind, reviewer)
		return err
	})
	if err != nil {
		return plan.Indicator{}, nil, fmt.Errorf("add indicator %q: %w", ind.Name, err)
	}
	return ind, change, nil
}

func createIndicator(tx *gorm.DB, ind *plan.Indicator, reviewer string) (plan.Change, error) {
	if ind.Name == "" {
		return nil, &plan.FieldError{Field: plan.FieldName, Problem: plan.ProblemEmptyName}
	}
	if err := ind.ReadValues(); err != nil {
		return nil, err
	}
	if err := insertIndicator(tx, ind); err != nil {
		return nil, err
	}
	snapshot, err := json.Marshal(ind)
	if err != nil {
		return nil, err
	}
	return record(tx, plan.Change{{ReportID: ind.ReportID, IndicatorID: ind.ID, Action: plan.ActionCreate, NewText: string(snapshot)}}, reviewer)
}

// DeleteIndicator removes an indicator, keeping it in its revision so the
// deletion can be undone.
func (s *Store) DeleteIndicator(id int64, reviewer string) (plan.Change, error) {
	var change plan.Change
	err := s.write(func(tx *gorm.DB) error {
		var err error
		change, err = deleteIndicator(tx, id, reviewer)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("delete indicator %d: %w", id, err)
	}
	return change, nil
}

func deleteIndicator(tx *gorm.DB, id int64, reviewer string) (plan.Change, error) {
	var ind plan.Indicator
	if err := tx.Take(&ind, id).Error; err != nil {
		return nil, err
	}
	snapshot, err := json.Marshal(ind)
	if err != nil {
		return nil, err
	}
	if err := tx.Delete(&plan.Indicator{}, id).Error; err != nil {
		return nil, err
	}
	return record(tx, plan.Change{{ReportID: ind.ReportID, IndicatorID: id, Action: plan.ActionDelete, OldText: string(snapshot)}}, reviewer)
}

// restoreIndicator puts back an indicator from a revision's snapshot, with
// its old id.
func restoreIndicator(tx *gorm.DB, snapshot, reviewer string) (plan.Change, error) {
	var ind plan.Indicator
	if err := json.Unmarshal([]byte(snapshot), &ind); err != nil {
		return nil, fmt.Errorf("read indicator snapshot: %w", err)
	}
	ind.UpdatedAt = time.Now()
	if err := tx.Create(&ind).Error; err != nil {
		return nil, err
	}
	return record(tx, plan.Change{{ReportID: ind.ReportID, IndicatorID: ind.ID, Action: plan.ActionCreate, NewText: snapshot}}, reviewer)
}

// Revert undoes a change in one transaction and returns the change that
// did it (itself recorded, so the history shows the undo).
func (s *Store) Revert(c plan.Change, reviewer string) (plan.Change, error) {
	return s.replay(c, reviewer, true)
}

// Reapply redoes a change that Revert undid.
func (s *Store) Reapply(c plan.Change, reviewer string) (plan.Change, error) {
	return s.replay(c, reviewer, false)
}

func (s *Store) replay(c plan.Change, reviewer string, undo bool) (plan.Change, error) {
	var done plan.Change
	err := s.write(func(tx *gorm.DB) error {
		for i := range c {
			rev := c[i]
			if undo {
				rev = c[len(c)-1-i]
			}
			step, err := replayOne(tx, rev, reviewer, undo)
			if err != nil {
				return err
			}
			done = append(done, step...)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("undo/redo: %w", err)
	}
	return done, nil
}

// replayOne undoes or redoes one revision, after checking that the
// indicator still stands as that revision left it (or, for a redo, found
// it): a change made since, here or by an import, is never overwritten
// blind. The revisions it records are marked as an undo or a redo.
func replayOne(tx *gorm.DB, rev plan.Revision, reviewer string, undo bool) (plan.Change, error) {
	c, err := replayStep(tx, rev, reviewer, undo)
	if err != nil {
		return nil, err
	}
	kind := plan.ReplayRedo
	if undo {
		kind = plan.ReplayUndo
	}
	ids := make([]int64, len(c))
	for i := range c {
		c[i].Replay, ids[i] = kind, c[i].ID
	}
	if err := tx.Model(&plan.Revision{}).Where("id IN ?", ids).Update("replay", kind).Error; err != nil {
		return nil, err
	}
	return c, nil
}

func replayStep(tx *gorm.DB, rev plan.Revision, reviewer string, undo bool) (plan.Change, error) {
	if rev.Action == plan.ActionRemoveReport {
		if err := setRemoved(tx, rev.ReportID, !undo); err != nil {
			return nil, err
		}
		return record(tx, plan.Change{{ReportID: rev.ReportID, Action: plan.ActionRemoveReport, OldText: rev.NewText, NewText: rev.NewText}}, reviewer)
	}
	if rev.CommentID != 0 {
		return replayCommentStep(tx, rev, reviewer, undo)
	}
	if rev.ProjectID != 0 {
		return replayProjectStep(tx, rev, reviewer, undo)
	}
	if rev.SectionID != 0 {
		return replayReviewStep(tx, rev, reviewer, undo)
	}
	var exists int64
	if err := tx.Model(&plan.Indicator{}).Where("id = ?", rev.IndicatorID).Count(&exists).Error; err != nil {
		return nil, err
	}
	// A creation is undone, and a deletion redone, by deleting: the
	// indicator must be there. The other way round it must not be.
	wantThere := rev.Action == plan.ActionEdit || rev.Action == plan.ActionMove || rev.Action == plan.ActionCreate && undo || rev.Action == plan.ActionDelete && !undo
	if (exists > 0) != wantThere {
		return nil, fmt.Errorf("indicator %d: %w", rev.IndicatorID, ErrChangedSince)
	}
	switch {
	case rev.Action == plan.ActionMove:
		return replayMove(tx, rev, reviewer, undo)
	case rev.Action == plan.ActionEdit:
		text, expect := rev.NewText, rev.OldText
		if undo {
			text, expect = rev.OldText, rev.NewText
		}
		var ind plan.Indicator
		if err := tx.Take(&ind, rev.IndicatorID).Error; err != nil {
			return nil, err
		}
		old := ind.Get(rev.Field)
		if old != expect {
			return nil, fmt.Errorf("indicator %d, %s is %q, not %q: %w", rev.IndicatorID, rev.Field, old, expect, ErrChangedSince)
		}
		if err := ind.Set(rev.Field, text); err != nil {
			return nil, err
		}
		if err := saveFields(tx, &ind, rev.Field); err != nil {
			return nil, err
		}
		return record(tx, plan.Change{{ReportID: ind.ReportID, IndicatorID: ind.ID, Action: plan.ActionEdit, Field: rev.Field, OldText: old, NewText: text}}, reviewer)
	case rev.Action == plan.ActionCreate && undo, rev.Action == plan.ActionDelete && !undo:
		return deleteIndicator(tx, rev.IndicatorID, reviewer)
	case rev.Action == plan.ActionCreate && !undo:
		return restoreIndicator(tx, rev.NewText, reviewer)
	case rev.Action == plan.ActionDelete && undo:
		return restoreIndicator(tx, rev.OldText, reviewer)
	}
	return nil, errors.New("unknown revision action " + rev.Action)
}

// IndicatorRevisions returns an indicator's history, newest first.
func (s *Store) IndicatorRevisions(id int64) ([]plan.Revision, error) {
	var list []plan.Revision
	if err := s.db.Where("indicator_id = ?", id).Order("id DESC").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("load history of indicator %d: %w", id, err)
	}
	return list, nil
}

// ReportRevisions returns a report's history, newest first.
func (s *Store) ReportRevisions(reportID int64) ([]plan.Revision, error) {
	var list []plan.Revision
	if err := s.db.Where("report_id = ?", reportID).Order("id DESC").Find(&list).Error; err != nil {
		return nil, fmt.Errorf("load history of report %d: %w", reportID, err)
	}
	return list, nil
}
