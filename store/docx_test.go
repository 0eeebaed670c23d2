package store

import (
	"path/filepath"
	"testing"

	"plandesk/docx"
	"plandesk/plan"
)

// TestStatusesFromAWordDocumentsOwnTable: a .docx made by LibreOffice
// with a 主要指标 table (类别 merged over its rows; 2020年 | 2022年 |
// 2025年目标 | 属性) imports with the table kept and an indicator per row
// whose status is computed from the report itself. The figures are the
// fixture's, illustrative.
func TestStatusesFromAWordDocumentsOwnTable(t *testing.T) {
	res, err := docx.ReadFile(filepath.Join("..", "docx", "testdata", "evaluation-table.docx"))
	if err != nil {
		t.Fatal(err)
	}
	s := openTemp(t)
	imported, err := s.ImportReport(res.Report, "evaluation-table.docx")
	if err != nil {
		t.Fatal(err)
	}
	sections, _ := s.Sections(imported.Report.ID)
	var tables []plan.Table
	for _, sec := range sections {
		ts, _ := s.SectionTables(sec.ID)
		tables = append(tables, ts...)
	}
	if len(tables) != 1 || len(tables[0].Rows) != 8 || tables[0].Rows[1][0].RowSpan != 3 {
		t.Fatalf("tables %+v", tables)
	}
	list, _ := s.Indicators(imported.Report.ID)
	want := map[string]plan.Status{
		"地区生产总值": plan.StatusOnTrack, "数字经济核心产业增加值占比": plan.StatusLagging, "规模以上工业增加值年均增长": plan.StatusLagging,
		"城镇调查失业率": plan.StatusOnTrack, "新增城镇就业": plan.StatusOnTrack, "森林覆盖率": plan.StatusLagging,
	}
	for _, ind := range list {
		st, ok := want[ind.Name]
		if !ok {
			continue
		}
		delete(want, ind.Name)
		if ind.Status() != st {
			t.Errorf("%s: %s, want %s (kind %s, %+v)", ind.Name, ind.Status(), st, ind.Kind(), ind.Gaps())
		}
		if ind.Name == "森林覆盖率" && !ind.Warning() {
			t.Error("森林覆盖率 (约束性, lagging) is no warning")
		}
	}
	if len(want) > 0 {
		t.Errorf("no indicator for %v", want)
	}
}
