package store

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"gorm.io/gorm"

	"plandesk/cnnum"
	"plandesk/plan"
)

// seededWithIndicators opens a real database file holding the shipped
// report and its proposed indicators.
func seededWithIndicators(t testing.TB) (*Store, []plan.Indicator) {
	t.Helper()
	s := openTemp(t)
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	reports, _ := s.Reports()
	list, err := s.Indicators(reports[0].ID)
	if err != nil || len(list) == 0 {
		t.Fatalf("indicators: %v, %v", len(list), err)
	}
	return s, list
}

func byName(t testing.TB, list []plan.Indicator, name string) plan.Indicator {
	t.Helper()
	for _, ind := range list {
		if ind.Name == name {
			return ind
		}
	}
	t.Fatalf("no indicator %q", name)
	return plan.Indicator{}
}

func TestEditRecordsRevisionAndUndoRedo(t *testing.T) {
	s, list := seededWithIndicators(t)
	ind := byName(t, list, "数字经济类企业")

	_, change, err := s.EditIndicator(ind.ID, plan.FieldTarget, "300家", "张三")
	if err != nil {
		t.Fatal(err)
	}
	// The edit confirms the proposal in the same transaction.
	if len(change) != 2 || change[0].Field != plan.FieldTarget || change[0].OldText != "" || change[0].NewText != "300家" ||
		change[1].Field != plan.FieldState || change[1].NewText != plan.StateConfirmed || change[0].Reviewer != "张三" {
		t.Fatalf("change = %+v", change)
	}
	got, _ := s.Indicator(ind.ID)
	if got.Target != "300家" || got.TargetValue == nil || *got.TargetValue != 300 || got.State != plan.StateConfirmed {
		t.Fatalf("after edit: %+v", got)
	}
	history, _ := s.IndicatorRevisions(ind.ID)
	if len(history) != 2 {
		t.Fatalf("history has %d rows, want 2", len(history))
	}

	if _, err := s.Revert(change, "张三"); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Indicator(ind.ID)
	if got.Target != "" || got.TargetValue != nil || got.State != plan.StateProposed {
		t.Fatalf("after undo: %+v", got)
	}
	if _, err := s.Reapply(change, "张三"); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Indicator(ind.ID)
	if got.Target != "300家" || got.State != plan.StateConfirmed {
		t.Fatalf("after redo: %+v", got)
	}
	history, _ = s.IndicatorRevisions(ind.ID)
	if len(history) != 6 {
		t.Errorf("history has %d rows after edit, undo, redo; want 6", len(history))
	}
}

func TestRefusedEditChangesNothing(t *testing.T) {
	s, list := seededWithIndicators(t)
	ind := byName(t, list, "规划路网建成率")
	for text, problem := range map[string]cnnum.NumberProblem{
		"12abc":  cnnum.NumberLetters,
		"5兆":     cnnum.NumberAmbiguousScale,
		"5到6":    cnnum.NumberTwoNumbers,
		"100.5%": cnnum.NumberShareOver100, // a rate cannot pass 100 %
	} {
		_, _, err := s.EditIndicator(ind.ID, plan.FieldMidterm, text, "李四")
		var ne *cnnum.NumberError
		if !errors.As(err, &ne) || ne.Problem != problem {
			t.Errorf("%q: err = %v, want problem %v", text, err, problem)
		}
	}
	if _, _, err := s.EditIndicator(ind.ID, plan.FieldName, " ", "李四"); err == nil {
		t.Error("empty name accepted")
	}
	if _, _, err := s.EditIndicator(ind.ID, plan.FieldTargetYear, "明年", "李四"); err == nil {
		t.Error("a year that is not a year accepted")
	}
	got, _ := s.Indicator(ind.ID)
	if got.Midterm != ind.Midterm || got.Name != ind.Name || got.State != plan.StateProposed {
		t.Errorf("refused edits changed the indicator: %+v", got)
	}
	if history, _ := s.IndicatorRevisions(ind.ID); len(history) != 0 {
		t.Errorf("refused edits recorded %d revisions", len(history))
	}
	// Unchanged text records nothing.
	if _, change, err := s.EditIndicator(ind.ID, plan.FieldMidterm, ind.Midterm, "李四"); err != nil || len(change) != 0 {
		t.Errorf("unchanged edit = %v, %v", change, err)
	}
}

func TestAddDeleteAndUndoDelete(t *testing.T) {
	s, list := seededWithIndicators(t)
	section := list[0].SectionID
	added, change, err := s.AddIndicator(plan.Indicator{ReportID: list[0].ReportID, SectionID: section, Name: "5G基站", Unit: "个", Target: "500"}, "王五")
	if err != nil || len(change) != 1 || change[0].Action != plan.ActionCreate {
		t.Fatalf("add = %+v, %v, %v", added, change, err)
	}
	if added.TargetValue == nil || *added.TargetValue != 500 || added.State != plan.StateConfirmed {
		t.Errorf("added = %+v", added)
	}
	del, err := s.DeleteIndicator(added.ID, "王五")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Indicator(added.ID); err == nil {
		t.Fatal("deleted indicator still there")
	}
	if _, err := s.Revert(del, "王五"); err != nil {
		t.Fatal(err)
	}
	back, err := s.Indicator(added.ID)
	if err != nil || back.Name != "5G基站" || back.Target != "500" || back.SectionID != section {
		t.Fatalf("restored = %+v, %v", back, err)
	}
	// Undoing the creation deletes it again.
	if _, err := s.Revert(change, "王五"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Indicator(added.ID); err == nil {
		t.Error("undone creation still there")
	}
	if _, _, err := s.AddIndicator(plan.Indicator{ReportID: list[0].ReportID, SectionID: section}, "王五"); err == nil {
		t.Error("indicator without a name added")
	}
}

func TestEditsSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "edits.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	reports, _ := s.Reports()
	list, _ := s.Indicators(reports[0].ID)
	if _, _, err := s.EditIndicator(list[0].ID, plan.FieldBaseline, "150家", "张三"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Indicator(list[0].ID)
	if err != nil || got.Baseline != "150家" || *got.BaselineValue != 150 {
		t.Fatalf("after reopen: %+v, %v", got, err)
	}
}

func ptr(v float64) *float64 { return &v }

func TestStatus(t *testing.T) {
	cases := []struct {
		name string
		ind  plan.Indicator
		want plan.Status
	}{
		{"no target", plan.Indicator{MidtermValue: ptr(210)}, plan.StatusUnknown},
		{"no mid-term value", plan.Indicator{TargetValue: ptr(300)}, plan.StatusUnknown},
		{"target reached", plan.Indicator{BaselineValue: ptr(100), TargetValue: ptr(300), MidtermValue: ptr(300)}, plan.StatusAchieved},
		{"ahead", plan.Indicator{BaselineValue: ptr(100), TargetValue: ptr(300), MidtermValue: ptr(250)}, plan.StatusAhead},
		{"on track", plan.Indicator{BaselineValue: ptr(100), TargetValue: ptr(300), MidtermValue: ptr(200)}, plan.StatusOnTrack},
		{"lagging", plan.Indicator{BaselineValue: ptr(100), TargetValue: ptr(300), MidtermValue: ptr(120)}, plan.StatusLagging},
		{"no baseline, not reached", plan.Indicator{TargetValue: ptr(300), MidtermValue: ptr(200)}, plan.StatusUnknown},
		{"lower is better, reached", plan.Indicator{Direction: plan.DirectionDown, BaselineValue: ptr(10), TargetValue: ptr(5), MidtermValue: ptr(4)}, plan.StatusAchieved},
		{"lower is better, lagging", plan.Indicator{Direction: plan.DirectionDown, BaselineValue: ptr(10), TargetValue: ptr(5), MidtermValue: ptr(9.5)}, plan.StatusLagging},
		{"cumulative counts from zero", plan.Indicator{TargetKind: plan.TargetCumulative, TargetValue: ptr(20), MidtermValue: ptr(10)}, plan.StatusOnTrack},
		{"annual growth above target", plan.Indicator{TargetKind: plan.TargetAnnual, TargetValue: ptr(7), MidtermValue: ptr(8)}, plan.StatusAhead},
		{"annual growth on target", plan.Indicator{TargetKind: plan.TargetAnnual, TargetValue: ptr(7), MidtermValue: ptr(7.2)}, plan.StatusOnTrack},
		{"annual growth below", plan.Indicator{TargetKind: plan.TargetAnnual, TargetValue: ptr(7), MidtermValue: ptr(5)}, plan.StatusLagging},
		{"qualitative", plan.Indicator{TargetKind: plan.TargetQualitative, MidtermValue: ptr(1)}, plan.StatusUnknown},
		// 2 of 5 years gone: 40 % expected; 45 % done is on track, 55 % ahead.
		{"years say 40% expected", plan.Indicator{BaselineYear: "2020", TargetYear: "2025", MidtermAsOf: "2022年底", BaselineValue: ptr(0), TargetValue: ptr(100), MidtermValue: ptr(45)}, plan.StatusOnTrack},
		{"years, ahead", plan.Indicator{BaselineYear: "2020", TargetYear: "2025", MidtermAsOf: "2022年", BaselineValue: ptr(0), TargetValue: ptr(100), MidtermValue: ptr(55)}, plan.StatusAhead},
	}
	for _, c := range cases {
		if got := c.ind.Status(); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}

func TestFilterAndSort(t *testing.T) {
	_, list := seededWithIndicators(t)
	rates := plan.FilterIndicators(list, plan.IndicatorFilter{Text: "覆盖率", Attribute: plan.AttributeAny})
	if len(rates) != 2 {
		t.Fatalf("text filter kept %d, want 2", len(rates))
	}
	one := plan.FilterIndicators(list, plan.IndicatorFilter{SectionID: list[0].SectionID, Attribute: plan.AttributeAny})
	for _, ind := range one {
		if ind.SectionID != list[0].SectionID {
			t.Fatal("section filter leaked")
		}
	}
	if got := plan.FilterIndicators(list, plan.IndicatorFilter{Status: plan.StatusLagging, Attribute: plan.AttributeAny}); len(got) != 0 {
		t.Errorf("no proposal has a target, yet %d lag", len(got))
	}
	if got := plan.FilterIndicators(list, plan.IndicatorFilter{Attribute: plan.AttributeObligatory}); len(got) != 0 {
		t.Errorf("attribute filter kept %d", len(got))
	}
	sorted := append([]plan.Indicator(nil), list...)
	plan.SortIndicators(sorted, plan.FieldMidterm, true)
	if sorted[0].Name != "旅游业收入" || *sorted[0].MidtermValue != 2.08e9 {
		t.Errorf("largest mid-term value first: %s %v", sorted[0].Name, *sorted[0].MidtermValue)
	}
	for i := 1; i < len(sorted); i++ {
		if *sorted[i].MidtermValue > *sorted[i-1].MidtermValue {
			t.Fatalf("not descending at %d", i)
		}
	}
}

// BenchmarkLoadAndFilter10k loads 10,000 indicators from a real file and
// filters them by text and status.
func BenchmarkLoadAndFilter10k(b *testing.B) {
	s, list := seededWithIndicators(b)
	tx := s.db.Begin()
	for i := 0; i < 10000-len(list); i++ {
		ind := plan.Indicator{ReportID: list[0].ReportID, SectionID: list[i%len(list)].SectionID, Seq: 1000 + i,
			Name: fmt.Sprintf("指标%d", i), Unit: "家", Midterm: fmt.Sprintf("%d家", i), State: plan.StateConfirmed}
		if err := ind.ReadValues(); err != nil {
			b.Fatal(err)
		}
		if err := insertIndicator(tx, &ind); err != nil {
			b.Fatal(err)
		}
	}
	if err := tx.Commit().Error; err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		all, err := s.Indicators(list[0].ReportID)
		if err != nil || len(all) != 10000 {
			b.Fatalf("%d, %v", len(all), err)
		}
		_ = plan.FilterIndicators(all, plan.IndicatorFilter{Text: "指标99", Status: plan.StatusUnknown, Attribute: plan.AttributeAny})
	}
}

// BenchmarkEditCell commits one cell edit with its revision on a real file
// (WAL, synchronous=FULL).
func BenchmarkEditCell(b *testing.B) {
	s, list := seededWithIndicators(b)
	id := list[0].ID
	i := 0
	for b.Loop() {
		i++
		if _, _, err := s.EditIndicator(id, plan.FieldMidterm, fmt.Sprintf("%d家", 200+i%2), "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestIndicatorsReadsEveryColumn compares the hand-scanned list with GORM's
// reading of the same rows.
func TestIndicatorsReadsEveryColumn(t *testing.T) {
	s, list := seededWithIndicators(t)
	if _, _, err := s.EditIndicator(list[0].ID, plan.FieldBaseline, "1,234.5家", "张三"); err != nil {
		t.Fatal(err)
	}
	fast, err := s.Indicators(list[0].ReportID)
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range fast {
		var want plan.Indicator
		if err := s.db.Take(&want, got.ID).Error; err != nil {
			t.Fatal(err)
		}
		if d := got.UpdatedAt.Sub(want.UpdatedAt); d > time.Millisecond || d < -time.Millisecond {
			t.Errorf("%s: updated %v, want %v", got.Name, got.UpdatedAt, want.UpdatedAt)
		}
		got.UpdatedAt, want.UpdatedAt = time.Time{}, time.Time{}
		if fmt.Sprintf("%+v", deref(got)) != fmt.Sprintf("%+v", deref(want)) {
			t.Errorf("scanned %+v\nGORM    %+v", deref(got), deref(want))
		}
	}
}

// deref shows an indicator's pointer fields by value for comparison.
func deref(ind plan.Indicator) []any {
	v := func(p *float64) any {
		if p == nil {
			return nil
		}
		return *p
	}
	var para any
	if ind.SourceParagraphID != nil {
		para = *ind.SourceParagraphID
	}
	ind2 := ind
	ind2.BaselineValue, ind2.TargetValue, ind2.MidtermValue, ind2.SourceParagraphID = nil, nil, nil, nil
	return []any{ind2, v(ind.BaselineValue), v(ind.TargetValue), v(ind.MidtermValue), para}
}

// TestOneReadPathForIndicators: a report's list, a section's table and a
// single load give every indicator with exactly the same fields.
func TestOneReadPathForIndicators(t *testing.T) {
	s, list := seededWithIndicators(t)
	if _, _, err := s.EditIndicator(list[0].ID, plan.FieldTarget, "300家", "测试"); err != nil {
		t.Fatal(err)
	}
	all, err := s.Indicators(list[0].ReportID)
	if err != nil {
		t.Fatal(err)
	}
	bySection := map[int64][]plan.Indicator{}
	for _, ind := range all {
		if _, ok := bySection[ind.SectionID]; !ok {
			if bySection[ind.SectionID], err = s.SectionIndicators(ind.SectionID); err != nil {
				t.Fatal(err)
			}
		}
	}
	seen := 0
	for _, ind := range all {
		one, err := s.Indicator(ind.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(one, ind) {
			t.Errorf("Indicator(%d) = %+v\nIndicators gives %+v", ind.ID, one, ind)
		}
		for _, row := range bySection[ind.SectionID] {
			if row.ID == ind.ID {
				seen++
				if !reflect.DeepEqual(row, ind) {
					t.Errorf("SectionIndicators row %d = %+v\nIndicators gives %+v", ind.ID, row, ind)
				}
			}
		}
	}
	if seen != len(all) {
		t.Errorf("section tables hold %d of %d indicators", seen, len(all))
	}
	if _, err := s.Indicator(999999); !errors.Is(err, gorm.ErrRecordNotFound) {
		t.Errorf("missing indicator: %v", err)
	}
}

// TestUndoRefusesToOverwriteALaterChange: undoing an edit whose field was
// changed again since (by another edit, an import, the command line) is
// refused and changes nothing; an undo that goes through is recorded as
// one.
func TestUndoRefusesToOverwriteALaterChange(t *testing.T) {
	s, list := seededWithIndicators(t)
	id := list[0].ID
	_, first, err := s.EditIndicator(id, plan.FieldTarget, "300家", "张三")
	if err != nil {
		t.Fatal(err)
	}
	_, second, err := s.EditIndicator(id, plan.FieldTarget, "400家", "李四")
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.IndicatorRevisions(id)
	if _, err := s.Revert(first, "张三"); !errors.Is(err, ErrChangedSince) {
		t.Fatalf("undoing the first edit over the second: %v, want ErrChangedSince", err)
	}
	if got, _ := s.Indicator(id); got.Target != "400家" {
		t.Errorf("the refused undo changed the target to %q", got.Target)
	}
	if after, _ := s.IndicatorRevisions(id); len(after) != len(before) {
		t.Errorf("the refused undo recorded %d revisions", len(after)-len(before))
	}
	undone, err := s.Revert(second, "李四")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Indicator(id); got.Target != "300家" {
		t.Errorf("after undoing the second edit: %q", got.Target)
	}
	revs, _ := s.IndicatorRevisions(id)
	if len(undone) != 1 || undone[0].Replay != plan.ReplayUndo || revs[0].Replay != plan.ReplayUndo {
		t.Errorf("the undo is not recorded as one: %+v / %+v", undone, revs[0])
	}
	if _, err := s.Reapply(second, "李四"); err != nil {
		t.Fatal(err)
	}
	if revs, _ := s.IndicatorRevisions(id); revs[0].Replay != plan.ReplayRedo {
		t.Errorf("the redo is recorded as %q", revs[0].Replay)
	}
	// A deletion undone twice: the second time the indicator is there.
	del, err := s.DeleteIndicator(list[1].ID, "张三")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Revert(del, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Revert(del, "张三"); !errors.Is(err, ErrChangedSince) {
		t.Errorf("restoring an indicator that is there: %v", err)
	}
}

// TestQualitativeJudgementIsStoredAndUndone: a reviewer's judgement of a
// qualitative target is a field like any other: stored in the file, read
// back as the status, recorded and undone. The target is illustrative.
func TestQualitativeJudgementIsStoredAndUndone(t *testing.T) {
	s, list := seededWithIndicators(t)
	id := list[0].ID
	if _, _, err := s.EditIndicator(id, plan.FieldTarget, "确保完成上级下达任务", "张三"); err != nil {
		t.Fatal(err)
	}
	ind, change, err := s.EditIndicator(id, plan.FieldManualStatus, string(plan.StatusLagging), "张三")
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Indicator(id); got.ManualStatus != string(plan.StatusLagging) || got.Status() != plan.StatusLagging || ind.Kind() != plan.TargetQualitative {
		t.Errorf("stored: %q, status %s, kind %s", got.ManualStatus, got.Status(), ind.Kind())
	}
	if _, err := s.Revert(change, "张三"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Indicator(id); got.ManualStatus != "" || got.Status() != plan.StatusUnknown {
		t.Errorf("after undo: %q, %s", got.ManualStatus, got.Status())
	}
}
