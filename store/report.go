package store

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"plandesk/plan"
)

// Reports lists every report in the database, oldest first; a report
// deleted in this session is not among them.
func (s *Store) Reports() ([]plan.Report, error) {
	var reports []plan.Report
	if err := s.db.Where("removed_at IS NULL").Order("id").Find(&reports).Error; err != nil {
		return nil, fmt.Errorf("list reports: %w", err)
	}
	return reports, nil
}

// Report returns one report by id, unless it was deleted.
func (s *Store) Report(id int64) (plan.Report, error) {
	var r plan.Report
	if err := s.db.Where("removed_at IS NULL").Take(&r, id).Error; err != nil {
		return plan.Report{}, fmt.Errorf("load report %d: %w", id, err)
	}
	return r, nil
}

// DeleteReport deletes a report with everything in it, after copying the
// database beside itself (<file>.before-delete-<id>-<time>.bak), whose
// path it returns. Until the store is closed the report is only hidden, so
// Revert brings it back; Close (or the next Open, after a crash) purges
// it for good.
func (s *Store) DeleteReport(id int64, reviewer string) (plan.Change, string, error) {
	r, err := s.Report(id)
	if err != nil {
		return nil, "", fmt.Errorf("delete report %d: %w", id, err)
	}
	backup := fmt.Sprintf("%s.before-delete-%d-%s.bak", s.path, id, time.Now().Format("20060102-150405"))
	if err := s.BackupTo(backup); err != nil {
		return nil, "", fmt.Errorf("delete report %d: %w", id, err)
	}
	var change plan.Change
	err = s.write(func(tx *gorm.DB) error {
		if err := setRemoved(tx, id, true); err != nil {
			return err
		}
		change, err = record(tx, plan.Change{{ReportID: id, Action: plan.ActionRemoveReport, NewText: r.Title}}, reviewer)
		return err
	})
	if err != nil {
		return nil, backup, fmt.Errorf("delete report %d: %w", id, err)
	}
	return change, backup, nil
}

// setRemoved hides a report (removed) or brings it back; it must be in
// the other state.
func setRemoved(tx *gorm.DB, id int64, removed bool) error {
	var at any
	state := "removed_at IS NOT NULL"
	if removed {
		at, state = time.Now(), "removed_at IS NULL"
	}
	res := tx.Model(&plan.Report{}).Where("id = ? AND "+state, id).Update("removed_at", at)
	if res.Error != nil {
		return res.Error
	}
	if res.RowsAffected != 1 {
		return fmt.Errorf("report %d: %w", id, ErrChangedSince)
	}
	return nil
}

// purgeRemoved deletes for good the reports deleted in a session now over,
// with their sections, paragraphs, indicators and revisions.
func (s *Store) purgeRemoved() {
	if s.readOnly {
		return
	}
	_ = s.db.Exec("DELETE FROM reports WHERE removed_at IS NOT NULL").Error
}
