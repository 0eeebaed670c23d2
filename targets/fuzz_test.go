package targets

import (
	"os"
	"path/filepath"
	"testing"

	"plandesk/plan"
	"plandesk/sheet"
)

// FuzzReadTable reads any pasted text as a target table, matches it to a
// few indicators and plans their update: nothing panics, every row is a
// row of the text, no indicator is matched twice, and the plan carries no
// row error (what cannot be written is left out instead).
func FuzzReadTable(f *testing.F) {
	for _, ext := range []string{".tsv", ".csv"} {
		if b, err := os.ReadFile(filepath.Join("testdata", illustrativeBase+ext)); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("指标\t单位\t基期\t规划目标\t\n\t\t2020年\t2025年\t年均/累计\n人口\t万人\t—\t\"6\n5\"\t〔2–3〕\n")
	f.Add("Indicator\tUnit\tBaseline\tTarget\nGDP growth\t%\t3\t>=6\n")
	inds := []plan.Indicator{
		{ID: 1, ReportID: 1, SectionID: 1, Name: "人口", Unit: "人", Midterm: "5万人", Direction: plan.DirectionUp, State: plan.StateProposed},
		{ID: 2, ReportID: 1, SectionID: 1, Name: "GDP增长", Unit: "%", Direction: plan.DirectionUp, State: plan.StateConfirmed},
		{ID: 3, ReportID: 1, SectionID: 1, Name: "新增就业", Unit: "万人", Target: "确保完成", TargetKind: plan.TargetQualitative,
			Direction: plan.DirectionDown, State: plan.StateConfirmed},
	}
	for i := range inds {
		if err := inds[i].ReadValues(); err != nil {
			f.Fatal(err)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		rows, err := PastedRows(text)
		if err != nil {
			return
		}
		tab, err := Read(rows)
		if err != nil {
			return
		}
		for _, r := range tab.Rows {
			if r.Line < 1 || r.Line > len(rows) || r.Name == "" {
				t.Fatalf("row %+v of %d", r, len(rows))
			}
		}
		m := Match(tab.Rows, inds)
		seen := map[int64]bool{}
		for _, mt := range m.Matches {
			if mt.IndicatorID != 0 && seen[mt.IndicatorID] {
				t.Fatalf("indicator %d matched twice", mt.IndicatorID)
			}
			seen[mt.IndicatorID] = true
		}
		app, err := Apply(1, m.Matches, inds)
		if err != nil {
			t.Fatal(err)
		}
		if n := app.Plan.ErrorRows(); n > 0 {
			t.Fatalf("%d rows with errors: %+v", n, app.Plan.Errors())
		}
		for _, pr := range app.Plan.Rows {
			if pr.Action != sheet.ImportUpdate && pr.Action != sheet.ImportUnchanged {
				t.Fatalf("action %s", pr.Action)
			}
		}
	})
}
