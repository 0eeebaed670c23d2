package store

import (
	"errors"
	"path/filepath"
	"testing"

	"plandesk/plan"
	"plandesk/sheet"
	"plandesk/targets"
)

// illustrativeTargets reads the illustrative target table (invented
// numbers, not a real plan's) in one of its formats.
func illustrativeTargets(t *testing.T, ext string) targets.Table {
	t.Helper()
	rows, err := targets.ReadFile(filepath.Join("..", "targets", "testdata", "illustrative-targets-NOT-REAL"+ext))
	if err != nil {
		t.Fatal(err)
	}
	tab, err := targets.Read(rows)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// TestTargetsImportMatchApplyUndo brings the illustrative table into the
// shipped report on a real database file: the matches, the changes, one
// revision per field changed and per proposal confirmed, and one undo
// giving back every indicator as it was.
func TestTargetsImportMatchApplyUndo(t *testing.T) {
	s := xchSeeded(t, t.TempDir(), "targets.db")
	before, err := s.Indicators(1)
	if err != nil {
		t.Fatal(err)
	}
	m, err := s.MatchTargets(1, illustrativeTargets(t, ".xlsx").Rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Matches) != 25 || len(m.Unmatched) != 4 || len(m.Unused) != 3 {
		t.Fatalf("%d matches, %d unmatched, %d unused", len(m.Matches), len(m.Unmatched), len(m.Unused))
	}
	app, err := s.PlanTargets(1, m.Matches)
	if err != nil {
		t.Fatal(err)
	}
	// A range is left out for as long as Indicator.Set reads none.
	if len(app.LeftOut) > 1 || len(app.LeftOut) == 1 && app.LeftOut[0].Text != "〔2–2.5〕" {
		t.Errorf("left out %+v", app.LeftOut)
	}
	if app.Plan.ErrorRows() != 0 || app.Plan.Count(sheet.ImportUpdate) != 21 {
		t.Fatalf("plan: %d errors, %d updates", app.Plan.ErrorRows(), app.Plan.Count(sheet.ImportUpdate))
	}
	change, err := s.ApplyIndicatorImport(app.Plan, "审阅人甲")
	if err != nil {
		t.Fatal(err)
	}
	// Every seed indicator is a proposal: each update also confirms it.
	if want := app.Changes() + app.Plan.Count(sheet.ImportUpdate); len(change) != want {
		t.Errorf("%d revisions for %d changes of %d indicators", len(change), app.Changes(), app.Plan.Count(sheet.ImportUpdate))
	}
	ind := xchFind(t, s, "数字经济类企业")
	if ind.Baseline != "150" || ind.BaselineYear != "2020" || ind.Target != "300" || ind.TargetYear != "2025" ||
		ind.TargetKind != plan.TargetLevel || ind.Attribute != plan.AttributeExpected || ind.State != plan.StateConfirmed {
		t.Errorf("数字经济类企业 = %+v", ind)
	}
	if st := ind.Status(); st != plan.StatusOnTrack {
		t.Errorf("数字经济类企业 (150 → 210 of 300) is %s", st)
	}
	// 50000 under 人 is 5万人 in the indicator in 万人; 3.5 under 亿元 is
	// 3.5亿元.
	for _, ind := range mustIndicators(t, s) {
		if ind.Name == "累计发放各类就业创业补贴" && ind.Unit == "万人" && (ind.TargetValue == nil || *ind.TargetValue != 50000) {
			t.Errorf("补贴 in 万人: target %q", ind.Target)
		}
		if ind.Name == "累计发放各类就业创业补贴" && ind.Unit == "亿元" && (ind.TargetValue == nil || *ind.TargetValue != 3.5e8) {
			t.Errorf("补贴 in 亿元: target %q", ind.Target)
		}
	}
	// The plan is stale once applied: the indicators hold other texts now.
	if _, err := s.ApplyIndicatorImport(app.Plan, "审阅人甲"); !errors.Is(err, sheet.ErrPlanStale) {
		t.Errorf("applying the plan twice: %v", err)
	}
	if again, err := s.PlanTargets(1, m.Matches); err != nil || again.Changes() != 0 {
		t.Errorf("planning again changes %d fields: %v", again.Changes(), err)
	}

	if _, err := s.Revert(change, "审阅人甲"); err != nil {
		t.Fatal(err)
	}
	after := mustIndicators(t, s)
	for i := range before {
		b, a := before[i], after[i]
		for _, f := range plan.Fields() {
			if b.Get(f) != a.Get(f) {
				t.Errorf("after undo, %s of %s is %q, was %q", f, b.Name, a.Get(f), b.Get(f))
			}
		}
	}
}

// TestTargetsOfAMissingReport: no report, no matching.
func TestTargetsOfAMissingReport(t *testing.T) {
	s := xchSeeded(t, t.TempDir(), "targets.db")
	if _, err := s.MatchTargets(7, nil); err == nil {
		t.Error("matched targets to report 7")
	}
	if _, err := s.PlanTargets(7, nil); err == nil {
		t.Error("planned targets of report 7")
	}
	// A match naming an indicator of no report here.
	_, err := s.PlanTargets(1, []targets.RowMatch{{Row: targets.Row{Line: 3, Target: "5"}, IndicatorID: 999}})
	if !errors.Is(err, targets.ErrNoIndicator) {
		t.Errorf("indicator 999: %v", err)
	}
}

func mustIndicators(t *testing.T, s *Store) []plan.Indicator {
	t.Helper()
	list, err := s.Indicators(1)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// TestUnmatchedPlanRowsJoinTheReport: the plan rows no indicator matched
// can be added to a section; they then stand on the overview as targets
// the report gives no mid-term value for, and one Revert removes them.
func TestUnmatchedPlanRowsJoinTheReport(t *testing.T) {
	s := xchSeeded(t, t.TempDir(), "x.db")
	m, err := s.MatchTargets(1, illustrativeTargets(t, ".xlsx").Rows)
	if err != nil || len(m.Unmatched) == 0 {
		t.Fatalf("match: %v, %d unmatched", err, len(m.Unmatched))
	}
	app, err := s.PlanTargets(1, m.Matches)
	if err != nil {
		t.Fatal(err)
	}
	sections, _ := s.Sections(1)
	app = targets.AddUnmatched(app, sections[0].ID, m.Unmatched)
	change, err := s.ApplyIndicatorImport(app.Plan, "张三")
	if err != nil {
		t.Fatal(err)
	}
	o, _ := s.Overview(1)
	names := map[string]bool{}
	for _, ind := range o.NoValue {
		names[ind.Name] = true
	}
	for _, row := range m.Unmatched {
		if !names[row.Name] {
			t.Errorf("%s is not on the overview as a target without a mid-term value", row.Name)
		}
	}
	if _, err := s.Revert(change, "张三"); err != nil {
		t.Fatal(err)
	}
	if o, _ := s.Overview(1); len(o.NoValue) != 0 || o.Total != seedProposalCount(t) {
		t.Errorf("after undo: %d without value, %d indicators", len(o.NoValue), o.Total)
	}
}
