package store

import (
	"fmt"

	"gorm.io/gorm"

	"plandesk/plan"
	"plandesk/sheet"
)

// ExportIndicators returns the indicators of a report as a sheet, or those
// of every report in the database when reportID is 0; the 报告 column then
// tells them apart.
func (s *Store) ExportIndicators(reportID int64) (sheet.IndicatorSheet, error) {
	var reports []plan.Report
	if reportID == 0 {
		var err error
		if reports, err = s.Reports(); err != nil {
			return sheet.IndicatorSheet{}, fmt.Errorf("export indicators: %w", err)
		}
	} else {
		r, err := s.Report(reportID)
		if err != nil {
			return sheet.IndicatorSheet{}, fmt.Errorf("export indicators of report %d: %w", reportID, err)
		}
		reports = []plan.Report{r}
	}
	parts := make([]sheet.ReportIndicators, 0, len(reports))
	for _, r := range reports {
		sections, err := s.Sections(r.ID)
		if err != nil {
			return sheet.IndicatorSheet{}, fmt.Errorf("export report %d: %w", r.ID, err)
		}
		list, err := s.Indicators(r.ID)
		if err != nil {
			return sheet.IndicatorSheet{}, fmt.Errorf("export report %d: %w", r.ID, err)
		}
		projects, err := s.Projects(r.ID)
		if err != nil {
			return sheet.IndicatorSheet{}, fmt.Errorf("export report %d: %w", r.ID, err)
		}
		parts = append(parts, sheet.ReportIndicators{Report: r, Sections: sections, Indicators: list, Projects: projects})
	}
	return sheet.Export(parts), nil
}

// PlanIndicatorImport works out, changing nothing, what importing a sheet
// into a report would do (see sheet.Plan for the rules).
func (s *Store) PlanIndicatorImport(sh sheet.IndicatorSheet, reportID int64) (sheet.ImportPlan, error) {
	if err := sh.CheckHeader(); err != nil {
		return sheet.ImportPlan{}, fmt.Errorf("plan indicator import into report %d: %w", reportID, err)
	}
	if _, err := s.Report(reportID); err != nil {
		return sheet.ImportPlan{}, fmt.Errorf("plan indicator import: %w", err)
	}
	sections, err := s.Sections(reportID)
	if err != nil {
		return sheet.ImportPlan{}, fmt.Errorf("plan indicator import into report %d: %w", reportID, err)
	}
	list, err := s.Indicators(reportID)
	if err != nil {
		return sheet.ImportPlan{}, fmt.Errorf("plan indicator import into report %d: %w", reportID, err)
	}
	return sheet.Plan(sh, reportID, sections, list), nil
}

// ApplyIndicatorImport carries out a plan in one transaction: every update
// and every new indicator, with their revisions recorded as EditIndicator
// and AddIndicator record them. It refuses a plan with row errors, and an
// indicator changed since the plan was made; then nothing changes. The
// returned Change holds every revision, so Revert undoes the whole import.
// The state a row gives wins over the confirmation an edit implies.
func (s *Store) ApplyIndicatorImport(p sheet.ImportPlan, reviewer string) (plan.Change, error) {
	if n := p.ErrorRows(); n > 0 {
		return nil, fmt.Errorf("apply indicator import into report %d: %d rows: %w", p.ReportID, n, sheet.ErrPlanHasErrors)
	}
	var change plan.Change
	err := s.write(func(tx *gorm.DB) error {
		for _, row := range p.Rows {
			step, err := applyRow(tx, p.ReportID, row, reviewer)
			if err != nil {
				return fmt.Errorf("row %d: %w", row.Row, err)
			}
			change = append(change, step...)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("apply indicator import into report %d: %w", p.ReportID, err)
	}
	return change, nil
}

// applyRow carries out one row of a plan inside the import's transaction.
func applyRow(tx *gorm.DB, reportID int64, row sheet.PlanRow, reviewer string) (plan.Change, error) {
	switch row.Action {
	case sheet.ImportUpdate:
		return applyUpdate(tx, reportID, row, reviewer)
	case sheet.ImportCreate:
		ind := row.Want
		ind.ID, ind.Seq = 0, 0
		if ind.ReportID != reportID || ind.SectionID == 0 {
			return nil, fmt.Errorf("new indicator without a section of report %d", reportID)
		}
		return createIndicator(tx, &ind, reviewer)
	}
	return nil, nil
}

// applyUpdate makes one row's edits with editIndicator after checking that
// the indicator still holds the texts the plan saw.
func applyUpdate(tx *gorm.DB, reportID int64, row sheet.PlanRow, reviewer string) (plan.Change, error) {
	var cur plan.Indicator
	if err := tx.Take(&cur, row.IndicatorID).Error; err != nil {
		return nil, fmt.Errorf("indicator %d: %w", row.IndicatorID, err)
	}
	if cur.ReportID != reportID {
		return nil, fmt.Errorf("indicator %d: %w", row.IndicatorID, sheet.ErrPlanStale)
	}
	for _, ch := range row.Changes {
		if cur.Get(ch.Field) != ch.Old {
			return nil, fmt.Errorf("indicator %d, %s: %w", row.IndicatorID, ch.Field, sheet.ErrPlanStale)
		}
	}
	var change plan.Change
	for _, ch := range row.Changes {
		if ch.Field == plan.FieldState {
			continue
		}
		step, err := editIndicator(tx, row.IndicatorID, ch.Field, ch.New, reviewer)
		if err != nil {
			return nil, fmt.Errorf("indicator %d: %w", row.IndicatorID, err)
		}
		change = append(change, step...)
	}
	if err := tx.Take(&cur, row.IndicatorID).Error; err != nil {
		return nil, fmt.Errorf("indicator %d: %w", row.IndicatorID, err)
	}
	if row.SetsState && cur.State != row.Want.State {
		step, err := editIndicator(tx, row.IndicatorID, plan.FieldState, row.Want.State, reviewer)
		if err != nil {
			return nil, fmt.Errorf("indicator %d: %w", row.IndicatorID, err)
		}
		change = append(change, step...)
	}
	return change, nil
}
