package store

import (
	"testing"

	"plandesk/reporttext"
)

// TestTablesAreStoredWithTheirSections: a document's tables are stored
// under their section with their merged cells, read back in order, and
// deleted with the report. The table is illustrative.
func TestTablesAreStoredWithTheirSections(t *testing.T) {
	s := openTemp(t)
	p, err := reporttext.ParseReport([]byte("某区评估报告\n一、主要指标\n主要指标完成情况见下表。\n"))
	if err != nil {
		t.Fatal(err)
	}
	cell := func(text string) reporttext.TableCell {
		return reporttext.TableCell{Text: text, ColSpan: 1, RowSpan: 1}
	}
	p.Sections[0].Tables = []reporttext.Table{{After: 1, Rows: [][]reporttext.TableCell{
		{cell("类别"), cell("指标"), cell("2020年")},
		{{Text: "经济", ColSpan: 1, RowSpan: 2}, cell("地区生产总值"), cell("100")},
		{{Covered: true}, cell("人均地区生产总值"), cell("7.2")},
	}}}
	imported, err := s.ImportReport(p, "tables.docx")
	if err != nil {
		t.Fatal(err)
	}
	sections, _ := s.Sections(imported.Report.ID)
	tables, err := s.SectionTables(sections[0].ID)
	if err != nil || len(tables) != 1 {
		t.Fatalf("tables %v, %v", tables, err)
	}
	tbl := tables[0]
	if tbl.After != 1 || tbl.Columns() != 3 || tbl.Rows[1][0].RowSpan != 2 || !tbl.Rows[2][0].Covered || tbl.Texts()[2][0] != "经济" {
		t.Errorf("table read back as %+v", tbl)
	}
	byReport, _ := s.ReportTables(imported.Report.ID)
	if len(byReport[sections[0].ID]) != 1 {
		t.Errorf("report tables %v", byReport)
	}
	if _, _, err := s.DeleteReport(imported.Report.ID, "张三"); err != nil {
		t.Fatal(err)
	}
	s.purgeRemoved()
	if left, _ := s.SectionTables(sections[0].ID); len(left) != 0 {
		t.Errorf("%d tables outlive their report", len(left))
	}
}

// TestAnIndicatorTableGivesProposals: a report's own table of indicators
// (指标 | 单位 | 2020年 | 2022年 | 2025年 | 属性) gives a proposal per row
// with its baseline, mid-term value and target and their years, so the
// status is the report's own; a table that is no indicator table gives
// none. The figures are illustrative.
func TestAnIndicatorTableGivesProposals(t *testing.T) {
	s := openTemp(t)
	p, err := reporttext.ParseReport([]byte("某区评估报告\n一、主要指标\n主要指标完成情况见下表。\n二、项目\n项目安排见下表。\n"))
	if err != nil {
		t.Fatal(err)
	}
	cell := func(text string) reporttext.TableCell {
		return reporttext.TableCell{Text: text, ColSpan: 1, RowSpan: 1}
	}
	row := func(texts ...string) []reporttext.TableCell {
		out := make([]reporttext.TableCell, len(texts))
		for i, x := range texts {
			out[i] = cell(x)
		}
		return out
	}
	p.Sections[0].Tables = []reporttext.Table{{After: 1, Rows: [][]reporttext.TableCell{
		row("指标", "单位", "2020年", "2022年", "2025年", "属性"),
		row("地区生产总值", "亿元", "1000", "1200", "1500", "预期性"),
		row("城镇调查失业率", "%", "4.5", "4.8", "≤5.5", "约束性"),
	}}}
	p.Sections[1].Tables = []reporttext.Table{{Rows: [][]reporttext.TableCell{row("项目名称", "建设单位"), row("滨江大道", "区建设局")}}}
	imported, err := s.ImportReport(p, "tables.docx")
	if err != nil {
		t.Fatal(err)
	}
	list, _ := s.Indicators(imported.Report.ID)
	var fromTable []string
	for _, ind := range list {
		if ind.SourceParagraphID == nil {
			fromTable = append(fromTable, ind.Name)
			if ind.State != "proposed" || ind.Source == "" || ind.BaselineYear != "2020" || ind.MidtermAsOf != "2022" || ind.TargetYear != "2025" {
				t.Errorf("%s: %+v", ind.Name, ind)
			}
		}
		if ind.Name == "城镇调查失业率" && (ind.Kind() != "cap" || ind.Status() != "on_track" || ind.Attribute != "约束性") {
			t.Errorf("失业率: kind %s, status %s, attribute %q", ind.Kind(), ind.Status(), ind.Attribute)
		}
		if ind.Name == "地区生产总值" && ind.SourceParagraphID == nil && ind.Outlook().Verdict == "" {
			t.Errorf("地区生产总值 has no outlook: %+v", ind.Outlook())
		}
	}
	if len(fromTable) != 2 {
		t.Errorf("table proposals %v, want the two indicator rows", fromTable)
	}
}
