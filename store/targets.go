package store

import (
	"fmt"

	"plandesk/targets"
)

// MatchTargets matches the rows of a plan's target table to the indicators
// of a report (see targets.Match for the rules); it changes nothing.
func (s *Store) MatchTargets(reportID int64, rows []targets.Row) (targets.Matching, error) {
	if _, err := s.Report(reportID); err != nil {
		return targets.Matching{}, fmt.Errorf("match targets: %w", err)
	}
	list, err := s.Indicators(reportID)
	if err != nil {
		return targets.Matching{}, fmt.Errorf("match targets to report %d: %w", reportID, err)
	}
	return targets.Match(rows, list), nil
}

// PlanTargets works out, changing nothing, what bringing the matched rows'
// baselines and targets into the report's indicators does, against the
// indicators as they stand now (see targets.Apply). ApplyIndicatorImport
// carries out its Plan in one transaction, one revision per field changed
// (and per proposal it confirms), as one change that Revert undoes.
func (s *Store) PlanTargets(reportID int64, matches []targets.RowMatch) (targets.Application, error) {
	if _, err := s.Report(reportID); err != nil {
		return targets.Application{}, fmt.Errorf("plan targets: %w", err)
	}
	list, err := s.Indicators(reportID)
	if err != nil {
		return targets.Application{}, fmt.Errorf("plan targets of report %d: %w", reportID, err)
	}
	app, err := targets.Apply(reportID, matches, list)
	if err != nil {
		return targets.Application{}, fmt.Errorf("plan targets of report %d: %w", reportID, err)
	}
	return app, nil
}
