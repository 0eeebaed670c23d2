package store

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"plandesk/cnnum"
	"plandesk/plan"
	"plandesk/reporttext"
	"plandesk/sheet"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// xchSeeded opens a real database file in dir holding the shipped report
// and its proposed indicators.
func xchSeeded(t testing.TB, dir, name string) *Store {
	t.Helper()
	s, err := Open(filepath.Join(dir, name))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	return s
}

func xchFind(t testing.TB, s *Store, name string) plan.Indicator {
	t.Helper()
	list, err := s.Indicators(1)
	if err != nil {
		t.Fatal(err)
	}
	for _, ind := range list {
		if ind.Name == name {
			return ind
		}
	}
	t.Fatalf("no indicator %q", name)
	return plan.Indicator{}
}

// xchNote needs quoting in CSV and escaping in JSON and XML.
const xchNote = "含规上企业, \"重点\" <b>&\n另计"

// xchEdit edits three of the seed's indicators through EditIndicator, so
// that every field has a value somewhere, and returns their ids.
func xchEdit(t testing.TB, s *Store) []int64 {
	t.Helper()
	edits := []struct {
		name  string
		field plan.Field
		text  string
	}{
		{"数字经济类企业", plan.FieldBaseline, "150家"},
		{"数字经济类企业", plan.FieldBaselineYear, "2020"},
		{"数字经济类企业", plan.FieldTarget, "300家"},
		{"数字经济类企业", plan.FieldTargetYear, "2025"},
		{"数字经济类企业", plan.FieldAttribute, plan.AttributeExpected},
		{"数字经济类企业", plan.FieldDirection, plan.DirectionDown},
		{"数字经济类企业", plan.FieldNote, xchNote},
		{"数字经济类企业", plan.FieldTargetKind, plan.TargetLevel},
		{"数字经济类企业", plan.FieldMidtermAsOf, "2022年底"},
		{"旅游业收入", plan.FieldTargetKind, plan.TargetQualitative},
		{"旅游业收入", plan.FieldTarget, "确保完成国家要求"},
		{"旅游业收入", plan.FieldAttribute, plan.AttributeObligatory},
		{"新增就业", plan.FieldBaseline, "4.8万人"},
		{"新增就业", plan.FieldTarget, "25"},
		{"新增就业", plan.FieldTargetKind, plan.TargetCumulative},
	}
	var ids []int64
	for _, e := range edits {
		ind := xchFind(t, s, e.name)
		if _, _, err := s.EditIndicator(ind.ID, e.field, e.text, "张三"); err != nil {
			t.Fatalf("edit %s %s: %v", e.name, e.field, err)
		}
		if len(ids) == 0 || ids[len(ids)-1] != ind.ID {
			ids = append(ids, ind.ID)
		}
	}
	return ids
}

// xchRow returns the exported row of an indicator.
func xchRow(t testing.TB, sh sheet.IndicatorSheet, id int64) sheet.SheetRow {
	t.Helper()
	for _, row := range sh.Rows {
		if c := sh.Value(row, sheet.ColIndicatorID); c.Number != nil && int64(*c.Number) == id {
			return row
		}
	}
	t.Fatalf("no row for indicator %d", id)
	return sheet.SheetRow{}
}

// xchSameSheet compares two sheets cell by cell: the same header, the same
// texts, and numbers where numbers were.
func xchSameSheet(t testing.TB, want, got sheet.IndicatorSheet) {
	t.Helper()
	if strings.Join(got.Header, ",") != strings.Join(want.Header, ",") {
		t.Fatalf("header = %v\nwant %v", got.Header, want.Header)
	}
	if len(got.Rows) != len(want.Rows) {
		t.Fatalf("%d rows, want %d", len(got.Rows), len(want.Rows))
	}
	for r := range want.Rows {
		if got.Rows[r].Number != want.Rows[r].Number {
			t.Errorf("row %d numbered %d", want.Rows[r].Number, got.Rows[r].Number)
		}
		for _, col := range want.Header {
			w, g := want.Value(want.Rows[r], col), got.Value(got.Rows[r], col)
			if (w.Number == nil) != (g.Number == nil) || w.Number != nil && *w.Number != *g.Number || w.String() != g.String() {
				t.Errorf("row %d, %s = %q (number %v), want %q (number %v)", want.Rows[r].Number, col, g.String(), g.Number != nil, w.String(), w.Number != nil)
			}
		}
	}
}

func xchRevisionCount(t testing.TB, s *Store) int {
	t.Helper()
	var n int64
	if err := s.db.Model(&plan.Revision{}).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return int(n)
}

func TestExportHasHeaderNumbersAndTexts(t *testing.T) {
	s := xchSeeded(t, t.TempDir(), "x.db")
	xchEdit(t, s)
	sh, err := s.ExportIndicators(1)
	if err != nil {
		t.Fatal(err)
	}
	want := "指标ID,指标标识,报告ID,报告,章节,指标名称,单位,属性,方向,基期值,基期值原文,基期年份,目标值,目标值原文,目标年份,目标类型,中期值,中期值原文,中期值截至,进度,状态,预警,人工判定,预计期末值,预计能否完成,所需年均增速,确认状态,备注,来源"
	if got := strings.Join(sh.Header, ","); got != want {
		t.Fatalf("header = %s", got)
	}
	if len(sh.Rows) < 20 {
		t.Fatalf("only %d rows for the seed", len(sh.Rows))
	}
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	cases := []struct {
		name  string
		cells map[string]string
	}{
		{"数字经济类企业", map[string]string{
			sheet.ColReport: "汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告", sheet.ColSection: "2.数字经济稳步发展",
			sheet.ColUnit: "家", sheet.ColAttribute: "预期性", sheet.ColDirection: "越小越好",
			sheet.ColBaselineValue: num(150), sheet.ColBaseline: "150家", sheet.ColBaselineYear: "2020",
			sheet.ColTargetValue: num(300), sheet.ColTarget: "300家", sheet.ColTargetYear: "2025", sheet.ColTargetKind: "水平值",
			sheet.ColMidtermValue: num(210), sheet.ColMidterm: "突破210家", sheet.ColMidtermAsOf: "2022年底",
			sheet.ColProgress: "0.4", sheet.ColStatus: "提前完成/已达目标", sheet.ColState: "已确认", sheet.ColNote: xchNote,
		}},
		{"旅游业收入", map[string]string{
			sheet.ColUnit: "亿元", sheet.ColMidtermValue: "20.8", sheet.ColMidterm: "超20.8亿元", sheet.ColTargetValue: "", sheet.ColTarget: "确保完成国家要求",
			sheet.ColTargetKind: "定性", sheet.ColAttribute: "约束性", sheet.ColStatus: "无目标/无数据", sheet.ColProgress: "",
		}},
		{"新增就业", map[string]string{
			sheet.ColUnit: "万人", sheet.ColBaselineValue: "4.8", sheet.ColTargetValue: "25", sheet.ColMidtermValue: "5.41", sheet.ColTargetKind: "累计",
			sheet.ColProgress: "0.2164", sheet.ColDirection: "越大越好",
		}},
		{"高新技术企业", map[string]string{
			sheet.ColMidtermValue: "286", sheet.ColMidterm: "286家", sheet.ColState: "待确认", sheet.ColStatus: "无目标/无数据", sheet.ColTargetKind: "",
		}},
	}
	for _, c := range cases {
		row := xchRow(t, sh, xchFind(t, s, c.name).ID)
		for col, want := range c.cells {
			cell := sh.Value(row, col)
			if cell.String() != want {
				t.Errorf("%s %s = %q, want %q", c.name, col, cell.String(), want)
			}
			if sheet.IsNumberColumn(col) && cell.Text != "" {
				t.Errorf("%s %s is text %q, want a number", c.name, col, cell.Text)
			}
		}
		if src := sh.Value(row, sheet.ColSource).Text; !strings.Contains(src, c.name) && c.name != "新增就业" {
			t.Errorf("%s source = %q", c.name, src)
		}
	}
}

func TestExportEveryReportOrOne(t *testing.T) {
	s := xchSeeded(t, t.TempDir(), "x.db")
	parsed, err := reporttext.ParseReport([]byte("某县规划评估\n一、成效\n新增企业突破30家。\n"))
	if err != nil {
		t.Fatal(err)
	}
	county, err := s.ImportReport(parsed, "county.txt")
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.ExportIndicators(0)
	if err != nil {
		t.Fatal(err)
	}
	one, err := s.ExportIndicators(county.ID)
	if err != nil {
		t.Fatal(err)
	}
	seed, _ := s.ExportIndicators(1)
	if len(one.Rows) != 1 || len(all.Rows) != len(seed.Rows)+1 {
		t.Fatalf("rows: all %d, seed %d, county %d", len(all.Rows), len(seed.Rows), len(one.Rows))
	}
	last := all.Rows[len(all.Rows)-1]
	if all.Value(last, sheet.ColReport).Text != "某县规划评估" || all.Value(last, sheet.ColSection).Text != "一、成效" ||
		all.Value(last, sheet.ColReportID).String() != fmt.Sprint(county.ID) || last.Number != len(all.Rows)+1 {
		t.Errorf("last row = %+v", last)
	}
	if _, err := s.ExportIndicators(99); err == nil {
		t.Error("exported a report that does not exist")
	}
}

func TestExportReimportRoundTripsEveryField(t *testing.T) {
	for _, format := range []sheet.SheetFormat{sheet.FormatXLSX, sheet.FormatCSV, sheet.FormatJSON} {
		t.Run(string(format), func(t *testing.T) {
			dir := t.TempDir()
			a := xchSeeded(t, dir, "a.db")
			edited := xchEdit(t, a)
			exported, err := a.ExportIndicators(0)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "indicators."+string(format))
			if err := sheet.WriteIndicatorFile(path, format, exported); err != nil {
				t.Fatal(err)
			}
			read, err := sheet.ReadIndicatorFile(path)
			if err != nil {
				t.Fatal(err)
			}
			xchSameSheet(t, exported, read)

			// Against the database it came from, nothing changes.
			pl, err := a.PlanIndicatorImport(read, 1)
			if err != nil {
				t.Fatal(err)
			}
			if n := pl.Count(sheet.ImportUnchanged); n != len(read.Rows) || pl.ErrorRows() != 0 {
				for _, r := range pl.Rows {
					t.Logf("row %d: %s %+v %v", r.Row, r.Action, r.Changes, r.Errors)
				}
				t.Fatalf("%d of %d rows unchanged", n, len(read.Rows))
			}

			// Into a fresh copy, the plan restores exactly the exported texts.
			b := xchSeeded(t, dir, "b.db")
			fresh, _ := b.ExportIndicators(0)
			pl, err = b.PlanIndicatorImport(read, 1)
			if err != nil {
				t.Fatal(err)
			}
			var updated []int64
			for _, r := range pl.Rows {
				if len(r.Errors) > 0 {
					t.Fatalf("row %d: %v", r.Row, r.Errors)
				}
				if r.Action != sheet.ImportUpdate {
					continue
				}
				updated = append(updated, r.IndicatorID)
				row := xchRow(t, exported, r.IndicatorID)
				for _, ch := range r.Changes {
					if got, want := sheet.DisplayText(ch.Field, ch.New), exported.Value(row, ch.Column).String(); got != want {
						t.Errorf("row %d: %s → %q, exported %q", r.Row, ch.Column, got, want)
					}
					if ch.Column != sheet.ColumnOf(ch.Field) {
						t.Errorf("row %d: %s taken from %s", r.Row, ch.Field, ch.Column)
					}
				}
			}
			if fmt.Sprint(updated) != fmt.Sprint(edited) || pl.Count(sheet.ImportCreate) != 0 {
				t.Fatalf("updates %v, want %v; %d creates", updated, edited, pl.Count(sheet.ImportCreate))
			}
			before := xchRevisionCount(t, b)
			change, err := b.ApplyIndicatorImport(pl, "导入员")
			if err != nil {
				t.Fatal(err)
			}
			if got := xchRevisionCount(t, b) - before; got != len(change) || len(change) == 0 || change[0].Reviewer != "导入员" {
				t.Fatalf("%d revisions recorded for a change of %d", got, len(change))
			}
			after, err := b.ExportIndicators(0)
			if err != nil {
				t.Fatal(err)
			}
			xchSameSheet(t, exported, after) // status, progress and state included

			// The whole import is undone at once.
			if _, err := b.Revert(change, "导入员"); err != nil {
				t.Fatal(err)
			}
			undone, _ := b.ExportIndicators(0)
			xchSameSheet(t, fresh, undone)
		})
	}
}

func TestCSVHasBOMAndQuotes(t *testing.T) {
	s := xchSeeded(t, t.TempDir(), "x.db")
	xchEdit(t, s)
	sh, _ := s.ExportIndicators(1)
	var buf bytes.Buffer
	if err := sheet.WriteCSV(&buf, sh); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if !bytes.HasPrefix(out, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("no BOM: % x", out[:8])
	}
	if !bytes.HasPrefix(out[3:], []byte("指标ID,指标标识,报告ID,报告,章节,指标名称,")) || !bytes.Contains(out, []byte("\r\n")) {
		t.Fatalf("header line: %q", out[:80])
	}
	if !bytes.Contains(out, []byte(`"含规上企业, ""重点"" <b>&`+"\r\n"+`另计"`)) {
		t.Error("the note is not quoted as RFC 4180 wants")
	}
	// The projects follow the indicators under their own header, in
	// records as wide, so a strict reader reads the whole file.
	records, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil || len(records) != len(sh.Rows)+1+len(sh.Projects.Rows)+1 || records[len(sh.Rows)+1][0] != sheet.ColProjectID {
		t.Fatalf("%d records, %v", len(records), err)
	}

	// Without its BOM, or saved as GB18030 by a Chinese Excel, it reads the same.
	for name, content := range map[string][]byte{"no BOM": out[3:], "GB18030": xchGB18030(t, out[3:])} {
		got, err := sheet.ReadCSV(bytes.NewReader(content))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i := range got.Rows {
			// encoding/csv reads a quoted CRLF as LF, which is what was stored.
			if got.Value(got.Rows[i], sheet.ColNote).Text != sh.Value(sh.Rows[i], sheet.ColNote).Text {
				t.Errorf("%s: note of row %d = %q", name, got.Rows[i].Number, got.Value(got.Rows[i], sheet.ColNote).Text)
			}
		}
		xchSameSheet(t, sh, got)
	}
}

func xchGB18030(t *testing.T, utf8Text []byte) []byte {
	t.Helper()
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes(utf8Text)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestJSONIsOrderedObjectsWithNumbers(t *testing.T) {
	s := xchSeeded(t, t.TempDir(), "x.db")
	xchEdit(t, s)
	sh, _ := s.ExportIndicators(1)
	var buf bytes.Buffer
	if err := sheet.WriteJSON(&buf, sh); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	// With projects the indicators are under 指标 and the projects under 项目.
	if !regexp.MustCompile(`^\{\n  "指标": \[\n    \{\n      "指标ID": 1,\n      "指标标识": "[0-9a-f]{32}",\n      "报告ID": 1,\n      "报告": "汉阳区`).MatchString(out) {
		t.Fatalf("starts %q", out[:80])
	}
	if !strings.Contains(out, `<b>&`) || strings.Contains(out, `\u003c`) {
		t.Error("HTML characters were escaped")
	}
	var parts struct {
		Indicators []map[string]any `json:"指标"`
		Projects   []map[string]any `json:"项目"`
	}
	if err := json.Unmarshal(buf.Bytes(), &parts); err != nil || len(parts.Indicators) != len(sh.Rows) || len(parts.Projects) != len(sh.Projects.Rows) {
		t.Fatalf("%d indicators, %d projects, %v", len(parts.Indicators), len(parts.Projects), err)
	}
	objects := parts.Indicators
	if p := parts.Projects[0]; p[sheet.ColProjectName] != "琴台中央文化艺术区美术馆" || p[sheet.ColProjectProgress] != "已完成" || p[sheet.ColState] != "待确认" {
		t.Errorf("first project = %v", p)
	}
	first := objects[0]
	if _, ok := first[sheet.ColMidtermValue].(float64); !ok {
		t.Errorf("中期值 is %T", first[sheet.ColMidtermValue])
	}
	if v, ok := first[sheet.ColBaselineValue]; !ok || (v != nil && first[sheet.ColBaseline] == "") {
		t.Errorf("基期值 = %v", v)
	}
	if _, ok := first[sheet.ColMidterm].(string); !ok || len(first) != len(sheet.IndicatorColumns()) {
		t.Errorf("first object = %v", first)
	}
	var empty bytes.Buffer
	if err := sheet.WriteJSON(&empty, sheet.IndicatorSheet{Header: sheet.IndicatorColumns()}); err != nil || empty.String() != "[]\n" {
		t.Errorf("empty sheet = %q, %v", empty.String(), err)
	}
}

func TestXLSXHasNumericCellsAndFrozenBoldHeader(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	xchEdit(t, s)
	sh, _ := s.ExportIndicators(1)
	path := filepath.Join(dir, "x.xlsx")
	if err := sheet.WriteIndicatorFile(path, sheet.FormatXLSX, sh); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if list := f.GetSheetList(); len(list) != 2 || list[0] != sheet.SheetName || list[1] != sheet.ProjectSheetName {
		t.Fatalf("sheets = %v", list)
	}
	first := xchRow(t, sh, xchFind(t, s, "数字经济类企业").ID).Number
	// A numeric cell is one without a type attribute (ECMA-376 §18.18.11:
	// t defaults to "n"), which excelize reports as CellTypeUnset, or t="n".
	for col, want := range map[string]excelize.CellType{
		sheet.ColIndicatorID: excelize.CellTypeNumber, sheet.ColBaselineValue: excelize.CellTypeNumber,
		sheet.ColTargetValue: excelize.CellTypeNumber, sheet.ColMidtermValue: excelize.CellTypeNumber, sheet.ColProgress: excelize.CellTypeNumber,
		sheet.ColBaseline: excelize.CellTypeInlineString, sheet.ColTarget: excelize.CellTypeInlineString, sheet.ColMidterm: excelize.CellTypeInlineString,
		sheet.ColBaselineYear: excelize.CellTypeInlineString, sheet.ColName: excelize.CellTypeInlineString, sheet.ColNote: excelize.CellTypeInlineString,
	} {
		cell, _ := excelize.CoordinatesToCellName(sh.Column(col)+1, first)
		got, err := f.GetCellType(sheet.SheetName, cell)
		if got == excelize.CellTypeUnset {
			got = excelize.CellTypeNumber
		}
		raw, _ := f.GetCellValue(sheet.SheetName, cell, excelize.Options{RawCellValue: true})
		if _, perr := strconv.ParseFloat(raw, 64); err != nil || got != want || want == excelize.CellTypeNumber && perr != nil {
			t.Errorf("%s (%s) = %q has type %v, want %v (%v)", col, cell, raw, got, want, err)
		}
	}
	cell, _ := excelize.CoordinatesToCellName(sh.Column(sheet.ColBaselineValue)+1, first)
	if v, _ := f.GetCellValue(sheet.SheetName, cell); v != "150" {
		t.Errorf("基期值 = %q", v)
	}
	cell, _ = excelize.CoordinatesToCellName(sh.Column(sheet.ColProgress)+1, first)
	if v, _ := f.GetCellValue(sheet.SheetName, cell); v != "40.00%" {
		t.Errorf("进度 shows %q, want 40.00%%", v)
	}
	styleID, _ := f.GetCellStyle(sheet.SheetName, "A1")
	style, err := f.GetStyle(styleID)
	if err != nil || style.Font == nil || !style.Font.Bold {
		t.Errorf("header style = %+v, %v", style, err)
	}
	panes, err := f.GetPanes(sheet.SheetName)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes = %+v, %v", panes, err)
	}
	source, _ := excelize.ColumnNumberToName(sh.Column(sheet.ColSource) + 1)
	if w, _ := f.GetColWidth(sheet.SheetName, source); w < 30 {
		t.Errorf("来源 is %v wide", w)
	}
	if w, _ := f.GetColWidth(sheet.SheetName, "A"); w > 12 {
		t.Errorf("指标ID is %v wide", w)
	}
}

// TestXLSXOpensInASpreadsheetProgram reads the export with Python's
// openpyxl, or converts it with LibreOffice, and compares the values.
func TestXLSXOpensInASpreadsheetProgram(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	xchEdit(t, s)
	sh, _ := s.ExportIndicators(0)
	path := filepath.Join(dir, "x.xlsx")
	if err := sheet.WriteIndicatorFile(path, sheet.FormatXLSX, sh); err != nil {
		t.Fatal(err)
	}
	if exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run() == nil {
		xchCheckWithOpenpyxl(t, path, sh)
		return
	}
	for _, prog := range []string{"libreoffice", "soffice"} {
		if bin, err := exec.LookPath(prog); err == nil {
			xchCheckWithLibreOffice(t, bin, path, sh)
			return
		}
	}
	t.Skip("neither /usr/bin/python3 with openpyxl (apt-get install python3-openpyxl) nor libreoffice/soffice is installed")
}

const xchOpenpyxlScript = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["指标"]
rows = []
for row in ws.iter_rows(values_only=True):
    rows.append([None if v is None else (["num", v] if isinstance(v, (int, float)) else ["str", v]) for v in row])
json.dump({"sheets": wb.sheetnames, "freeze": ws.freeze_panes, "rows": rows}, sys.stdout, ensure_ascii=False)
`

func xchCheckWithOpenpyxl(t *testing.T, path string, sh sheet.IndicatorSheet) {
	t.Helper()
	cmd := exec.Command("/usr/bin/python3", "-c", xchOpenpyxlScript, path)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, stderr.String())
	}
	var got struct {
		Sheets []string
		Freeze string
		Rows   [][]*[2]any
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("openpyxl output: %v\n%s", err, out)
	}
	if len(got.Sheets) != 2 || got.Sheets[0] != sheet.SheetName || got.Sheets[1] != sheet.ProjectSheetName || got.Freeze != "A2" {
		t.Errorf("sheets %v, frozen at %q", got.Sheets, got.Freeze)
	}
	if len(got.Rows) != len(sh.Rows)+1 {
		t.Fatalf("openpyxl read %d rows, want %d", len(got.Rows), len(sh.Rows)+1)
	}
	for i, name := range sh.Header {
		if c := got.Rows[0][i]; c == nil || c[0] != "str" || c[1] != name {
			t.Errorf("header %d = %v, want %s", i, c, name)
		}
	}
	numbers := 0
	for r, row := range sh.Rows {
		for i, want := range row.Cells {
			var g *[2]any
			if i < len(got.Rows[r+1]) {
				g = got.Rows[r+1][i]
			}
			switch {
			case want.Number != nil:
				numbers++
				if g == nil || g[0] != "num" || math.Abs(g[1].(float64)-*want.Number) > 1e-12 {
					t.Errorf("row %d, %s = %v, want the number %v", row.Number, sh.Header[i], g, *want.Number)
				}
			case want.Text != "":
				if g == nil || g[0] != "str" || g[1] != want.Text {
					t.Errorf("row %d, %s = %v, want the text %q", row.Number, sh.Header[i], g, want.Text)
				}
			default:
				if g != nil {
					t.Errorf("row %d, %s = %v, want empty", row.Number, sh.Header[i], g)
				}
			}
		}
	}
	if numbers < 2*len(sh.Rows) {
		t.Errorf("only %d numbers compared", numbers)
	}
	t.Logf("openpyxl read %d rows back with the same values (%d numbers)", len(sh.Rows), numbers)
}

func xchCheckWithLibreOffice(t *testing.T, bin, path string, sh sheet.IndicatorSheet) {
	t.Helper()
	outDir := t.TempDir()
	cmd := exec.Command(bin, "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(t.TempDir()),
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", outDir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", bin, err, out)
	}
	content, err := os.ReadFile(filepath.Join(outDir, strings.TrimSuffix(filepath.Base(path), ".xlsx")+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := sheet.ReadCSV(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != len(sh.Rows) {
		t.Fatalf("LibreOffice read %d rows, want %d", len(got.Rows), len(sh.Rows))
	}
	for r, row := range sh.Rows {
		for i, want := range row.Cells {
			g := got.Value(got.Rows[r], sh.Header[i])
			if sh.Header[i] == sheet.ColProgress { // shown as a percentage
				if (want.Number != nil) != strings.HasSuffix(g.Text, "%") {
					t.Errorf("row %d, 进度 = %q", row.Number, g.Text)
				}
				continue
			}
			if want.Number != nil {
				if g.Number == nil || math.Abs(*g.Number-*want.Number) > 1e-9 {
					t.Errorf("row %d, %s = %q, want %v", row.Number, sh.Header[i], g.Text, *want.Number)
				}
				continue
			}
			if g.Text != want.Text {
				t.Errorf("row %d, %s = %q, want %q", row.Number, sh.Header[i], g.Text, want.Text)
			}
		}
	}
	t.Logf("LibreOffice read %d rows back with the same values", len(sh.Rows))
}

// TestReadXLSXAsEditedInExcel reads a workbook the way a reviewer leaves it
// after editing: a row left empty, a value typed as a percentage (stored as
// 0.8 and shown as 80.00%), a year typed as a number, the sheet renamed.
func TestReadXLSXAsEditedInExcel(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	rate := xchFind(t, s, "规划路网建成率")
	sh, _ := s.ExportIndicators(1)
	var buf bytes.Buffer
	if err := sheet.WriteXLSX(&buf, sh); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rateRow := xchRow(t, sh, rate.ID).Number
	cell := func(col string, row int) string {
		name, _ := excelize.CoordinatesToCellName(sh.Column(col)+1, row)
		return name
	}
	percent, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellFloat(sheet.SheetName, cell(sheet.ColMidterm, rateRow), 0.8, -1, 64))
	must(f.SetCellStyle(sheet.SheetName, cell(sheet.ColMidterm, rateRow), cell(sheet.ColMidterm, rateRow), percent))
	must(f.SetCellInt(sheet.SheetName, cell(sheet.ColTargetYear, rateRow), 2025))
	must(f.InsertRows(sheet.SheetName, 3, 1)) // an empty row 3
	must(f.SetSheetName(sheet.SheetName, "我的表"))
	path := filepath.Join(dir, "edited.xlsx")
	must(f.SaveAs(path))

	read, err := sheet.ReadIndicatorFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(read.Rows) != len(sh.Rows) || read.Rows[0].Number != 2 || read.Rows[1].Number != 4 {
		t.Fatalf("%d rows numbered %d, %d", len(read.Rows), read.Rows[0].Number, read.Rows[1].Number)
	}
	pl, err := s.PlanIndicatorImport(read, 1)
	if err != nil || pl.ErrorRows() != 0 {
		t.Fatalf("plan: %v %v", err, pl.Errors())
	}
	for _, r := range pl.Rows {
		if r.IndicatorID != rate.ID {
			if r.Action != sheet.ImportUnchanged {
				t.Errorf("row %d: %s %+v", r.Row, r.Action, r.Changes)
			}
			continue
		}
		if r.Row != rateRow+1 || fmt.Sprint(r.Changes) != "[{target_year 目标年份  2025} {midterm 中期值原文 75.3% 80.00%}]" {
			t.Errorf("row %d: %v", r.Row, r.Changes)
		}
	}
}

// xchWriteCSV writes a sheet to a CSV file in dir and reads it back as an
// import would.
func xchWriteCSV(t *testing.T, dir string, sh sheet.IndicatorSheet) sheet.IndicatorSheet {
	t.Helper()
	path := filepath.Join(dir, "edited.csv")
	if err := sheet.WriteIndicatorFile(path, sheet.FormatCSV, sh); err != nil {
		t.Fatal(err)
	}
	read, err := sheet.ReadIndicatorFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return read
}

func xchSet(sh sheet.IndicatorSheet, row sheet.SheetRow, column string, c sheet.Cell) {
	i := sh.Column(column)
	for len(row.Cells) <= i {
		row.Cells = append(row.Cells, sheet.Cell{})
	}
	row.Cells[i] = c
}

func TestImportBadNumbersAreRowErrorsAndChangeNothing(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	sh, _ := s.ExportIndicators(1)
	bad := []struct {
		row    sheet.SheetRow
		column string
		text   string
		check  func(error) bool
	}{
		{sh.Rows[0], sheet.ColMidterm, "12abc", func(err error) bool {
			var ne *cnnum.NumberError
			return errors.As(err, &ne) && ne.Problem == cnnum.NumberLetters
		}},
		{sh.Rows[1], sheet.ColMidterm, "5兆", func(err error) bool {
			var ne *cnnum.NumberError
			return errors.As(err, &ne) && ne.Problem == cnnum.NumberAmbiguousScale
		}},
		{sh.Rows[2], sheet.ColDirection, "斜着走", func(err error) bool {
			var fe *plan.FieldError
			return errors.As(err, &fe) && fe.Problem == plan.ProblemBadDirection
		}},
		{sh.Rows[3], sheet.ColTargetYear, "明年", func(err error) bool {
			var fe *plan.FieldError
			return errors.As(err, &fe) && fe.Problem == plan.ProblemBadYear
		}},
		{sh.Rows[4], sheet.ColIndicatorID, "999", func(err error) bool { return errors.Is(err, sheet.ErrUnknownIndicator) }},
		{sh.Rows[5], sheet.ColIndicatorID, "1", func(err error) bool { return errors.Is(err, sheet.ErrDuplicateIndicator) }},
		{sh.Rows[6], sheet.ColSection, "九十九、没有这一节", func(err error) bool { return errors.Is(err, sheet.ErrOtherSection) }},
	}
	for _, b := range bad {
		xchSet(sh, b.row, b.column, sheet.Cell{Text: b.text})
	}
	// A new row in a section that does not exist, with a bad baseline too.
	sh.Rows = append(sh.Rows, sheet.SheetRow{Number: len(sh.Rows) + 2, Cells: make([]sheet.Cell, len(sh.Header))})
	added := sh.Rows[len(sh.Rows)-1]
	xchSet(sh, added, sheet.ColSection, sheet.Cell{Text: "九十九、没有这一节"})
	xchSet(sh, added, sheet.ColName, sheet.Cell{Text: "新指标"})
	xchSet(sh, added, sheet.ColBaseline, sheet.Cell{Text: "5到6家"})
	read := xchWriteCSV(t, dir, sh)

	before, _ := s.ExportIndicators(0)
	revisions := xchRevisionCount(t, s)
	pl, err := s.PlanIndicatorImport(read, 1)
	if err != nil {
		t.Fatal(err)
	}
	errs := pl.Errors()
	if len(errs) != len(bad)+2 || pl.ErrorRows() != len(bad)+1 {
		for _, e := range errs {
			t.Log(e)
		}
		t.Fatalf("%d errors in %d rows", len(errs), pl.ErrorRows())
	}
	for i, b := range bad {
		e := errs[i]
		if e.Row != b.row.Number || e.Column != b.column || e.Text != b.text || !b.check(e) {
			t.Errorf("error %d = %v; want row %d, column %s", i, e, b.row.Number, b.column)
		}
		if !strings.Contains(e.Error(), fmt.Sprintf("row %d, column %s", b.row.Number, b.column)) {
			t.Errorf("message %q names neither row nor column", e.Error())
		}
	}
	last := errs[len(errs)-2:]
	if last[0].Column != sheet.ColSection || !errors.Is(last[0], sheet.ErrNoSection) || last[1].Column != sheet.ColBaseline || last[1].Row != added.Number {
		t.Errorf("new row errors = %v", last)
	}
	if _, err := s.ApplyIndicatorImport(pl, "张三"); !errors.Is(err, sheet.ErrPlanHasErrors) {
		t.Fatalf("applied a plan with errors: %v", err)
	}
	after, _ := s.ExportIndicators(0)
	xchSameSheet(t, before, after)
	if n := xchRevisionCount(t, s); n != revisions {
		t.Errorf("%d revisions recorded by a refused import", n-revisions)
	}
}

func TestImportCreatesUsesNumbersAndKeepsState(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	sh, _ := s.ExportIndicators(1)
	jobs := xchFind(t, s, "新增就业")
	tourism := xchFind(t, s, "旅游业收入")
	// Only the number: the text is the number, in the indicator's unit. The
	// row still says 待确认, so the indicator stays proposed.
	jobsRow := xchRow(t, sh, jobs.ID)
	xchSet(sh, jobsRow, sheet.ColMidterm, sheet.Cell{})
	xchSet(sh, jobsRow, sheet.ColMidtermValue, sheet.Cell{Text: "5.5"})
	// Changed while the row still says 待确认: the row's state wins.
	tourismRow := xchRow(t, sh, tourism.ID)
	xchSet(sh, tourismRow, sheet.ColNote, sheet.Cell{Text: "待核实"})
	// A new indicator in an existing section, by its heading.
	sh.Rows = append(sh.Rows, sheet.SheetRow{Number: len(sh.Rows) + 2, Cells: make([]sheet.Cell, len(sh.Header))})
	added := sh.Rows[len(sh.Rows)-1]
	xchSet(sh, added, sheet.ColSection, sheet.Cell{Text: "2.数字经济稳步发展"})
	xchSet(sh, added, sheet.ColName, sheet.Cell{Text: "5G基站"})
	xchSet(sh, added, sheet.ColUnit, sheet.Cell{Text: "个"})
	xchSet(sh, added, sheet.ColTarget, sheet.Cell{Text: "1200个"})
	xchSet(sh, added, sheet.ColTargetValue, sheet.Cell{Text: "1100"}) // the text wins
	xchSet(sh, added, sheet.ColDirection, sheet.Cell{Text: "越大越好"})
	xchSet(sh, added, sheet.ColSource, sheet.Cell{Text: "新建5G基站1200个。"})
	read := xchWriteCSV(t, dir, sh)

	pl, err := s.PlanIndicatorImport(read, 1)
	if err != nil {
		t.Fatal(err)
	}
	if pl.ErrorRows() != 0 || pl.Count(sheet.ImportUpdate) != 2 || pl.Count(sheet.ImportCreate) != 1 {
		t.Fatalf("plan: %d errors %v, %d updates, %d creates", pl.ErrorRows(), pl.Errors(), pl.Count(sheet.ImportUpdate), pl.Count(sheet.ImportCreate))
	}
	change, err := s.ApplyIndicatorImport(pl, "李四")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Indicator(jobs.ID)
	if got.Midterm != "5.5" || got.MidtermValue == nil || *got.MidtermValue != 55000 || got.State != plan.StateProposed {
		t.Errorf("新增就业 = %q %v %s", got.Midterm, got.MidtermValue, got.State)
	}
	got, _ = s.Indicator(tourism.ID)
	if got.Note != "待核实" || got.State != plan.StateProposed {
		t.Errorf("旅游业收入 = %q, %s", got.Note, got.State)
	}
	var created plan.Indicator
	for _, rev := range change {
		if rev.Action == plan.ActionCreate {
			created, _ = s.Indicator(rev.IndicatorID)
		}
	}
	if created.Name != "5G基站" || created.Target != "1200个" || created.TargetValue == nil || *created.TargetValue != 1200 ||
		created.Source != "新建5G基站1200个。" || created.State != plan.StateConfirmed || created.ReportID != 1 {
		t.Errorf("created = %+v", created)
	}
	if _, err := s.Revert(change, "李四"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Indicator(created.ID); err == nil {
		t.Error("undo left the created indicator")
	}
	if got, _ := s.Indicator(jobs.ID); got.Midterm != jobs.Midterm || got.State != plan.StateProposed {
		t.Errorf("after undo 新增就业 = %q %s", got.Midterm, got.State)
	}
}

func TestImportOrdersUnitAndValueChanges(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	rate := xchFind(t, s, "规划路网建成率")
	for _, e := range [][2]string{{string(plan.FieldUnit), "公里"}, {string(plan.FieldMidterm), "150"}} {
		if _, _, err := s.EditIndicator(rate.ID, plan.Field(e[0]), e[1], "张三"); err != nil {
			t.Fatal(err)
		}
	}
	// Back to a share: the unit % cannot come first, as 150 % is not a share.
	sh, _ := s.ExportIndicators(1)
	row := xchRow(t, sh, rate.ID)
	xchSet(sh, row, sheet.ColUnit, sheet.Cell{Text: "%"})
	// "80%" could not come first either: a value in % is refused while the
	// indicator counts 公里. A bare 80 is in whatever unit it has.
	xchSet(sh, row, sheet.ColMidterm, sheet.Cell{Text: "80"})
	pl, err := s.PlanIndicatorImport(xchWriteCSV(t, dir, sh), 1)
	if err != nil || pl.ErrorRows() != 0 {
		t.Fatalf("plan: %v %v", err, pl.Errors())
	}
	var order []plan.Field
	for _, r := range pl.Rows {
		if r.IndicatorID == rate.ID {
			for _, ch := range r.Changes {
				order = append(order, ch.Field)
			}
		}
	}
	if fmt.Sprint(order) != "[midterm unit]" {
		t.Fatalf("changes in order %v", order)
	}
	if _, err := s.ApplyIndicatorImport(pl, "张三"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Indicator(rate.ID); got.Unit != "%" || got.MidtermValue == nil || *got.MidtermValue != 80 {
		t.Errorf("after import: %q %v", got.Unit, got.MidtermValue)
	}
	// A plan made before someone else's edit is refused as a whole.
	xchSet(sh, row, sheet.ColNote, sheet.Cell{Text: "过期"})
	stale, _ := s.PlanIndicatorImport(xchWriteCSV(t, dir, sh), 1)
	if _, _, err := s.EditIndicator(rate.ID, plan.FieldNote, "别人改了", "王五"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyIndicatorImport(stale, "张三"); !errors.Is(err, sheet.ErrPlanStale) {
		t.Errorf("stale plan applied: %v", err)
	}
}

func TestReadIndicatorFileRejectsBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	sh, _ := s.ExportIndicators(1)
	var full bytes.Buffer
	if err := sheet.WriteXLSX(&full, sh); err != nil {
		t.Fatal(err)
	}
	var csvText bytes.Buffer
	if err := sheet.WriteCSV(&csvText, sh); err != nil {
		t.Fatal(err)
	}
	var jsonText bytes.Buffer
	if err := sheet.WriteJSON(&jsonText, sh); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		content []byte
		kind    error
	}{
		{"half.xlsx", full.Bytes()[:full.Len()/2], sheet.ErrSheetDamaged},
		{"text.xlsx", []byte("指标名称,章节\n"), sheet.ErrSheetDamaged},
		{"quote.csv", []byte("\uFEFF指标ID,指标名称,章节\n1,\"数字经济类企业,2.数字经济稳步发展\n"), sheet.ErrSheetDamaged},
		{"half.csv", append(bytes.Clone(csvText.Bytes()[:csvText.Len()/2]), '"'), sheet.ErrSheetDamaged},
		{"binary.csv", []byte{0xff, 0xfe, 0x00, 0x81, 0x30}, sheet.ErrSheetDamaged},
		{"half.json", jsonText.Bytes()[:jsonText.Len()/2], sheet.ErrSheetDamaged},
		{"object.json", []byte(`{"指标名称": "x"}`), sheet.ErrSheetDamaged},
		{"nested.json", []byte(`[{"指标名称": ["x"], "章节": "一、"}]`), sheet.ErrSheetDamaged},
		{"noname.csv", []byte("指标ID,章节\n1,一、\n"), sheet.ErrSheetColumns},
		{"nosection.csv", []byte("指标名称,单位\nx,家\n"), sheet.ErrSheetColumns},
		{"twice.csv", []byte("指标名称,章节,章节\nx,一、,二、\n"), sheet.ErrSheetColumns},
		{"empty.csv", nil, sheet.ErrSheetColumns},
		{"report.txt", []byte("指标名称,章节\n"), sheet.ErrSheetType},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, c.content, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := sheet.ReadIndicatorFile(path)
		var se *sheet.SheetError
		if !errors.Is(err, c.kind) || !errors.As(err, &se) || se.Path != path || !strings.Contains(err.Error(), c.name) {
			t.Errorf("%s: %v; want a *SheetError of kind %v naming the file", c.name, err, c.kind)
		}
	}
	if _, err := sheet.ReadIndicatorFile(filepath.Join(dir, "missing.xlsx")); !errors.Is(err, sheet.ErrSheetUnreadable) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	// The database is never touched by a file that does not read.
	if n := xchRevisionCount(t, s); n != 0 {
		t.Errorf("%d revisions", n)
	}
}

func TestWriteIndicatorFileNeverLeavesHalfAFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := sheet.WriteIndicatorFile(path, sheet.SheetFormat("ods"), sheet.IndicatorSheet{}); !errors.Is(err, sheet.ErrSheetType) {
		t.Errorf("unknown format: %v", err)
	}
	// A number JSON cannot hold is written as null, not a broken file.
	nan := math.NaN()
	sh := sheet.IndicatorSheet{Header: []string{sheet.ColName, sheet.ColProgress}, Rows: []sheet.SheetRow{{Number: 2, Cells: []sheet.Cell{{Text: "x"}, {Number: &nan}}}}}
	if err := sheet.WriteIndicatorFile(filepath.Join(dir, "nan.json"), sheet.FormatJSON, sh); err != nil {
		t.Fatal(err)
	}
	if err := sheet.WriteIndicatorFile(filepath.Join(dir, "missing", "out.csv"), sheet.FormatCSV, sh); err == nil {
		t.Error("wrote into a missing folder")
	}
	if err := sheet.WriteIndicatorFile(path, sheet.FormatCSV, sh); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if fmt.Sprint(names) != "[nan.json out.csv]" {
		t.Errorf("folder holds %v", names)
	}
	if content, _ := os.ReadFile(filepath.Join(dir, "nan.json")); !json.Valid(content) || !bytes.Contains(content, []byte(`"进度": null`)) {
		t.Errorf("nan.json = %s", content)
	}
}

func BenchmarkExportXLSX(b *testing.B) {
	s := xchSeeded(b, b.TempDir(), "bench.db")
	b.ReportAllocs()
	for b.Loop() {
		sh, err := s.ExportIndicators(1)
		if err != nil {
			b.Fatal(err)
		}
		if err := sheet.WriteXLSX(io.Discard, sh); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAReimportedRowMustBeTheSameIndicator: a sheet exported before the
// newest indicator was deleted and another added never changes the new
// one, and a row whose 指标标识 is another indicator's is an error of its
// row, not an update.
func TestAReimportedRowMustBeTheSameIndicator(t *testing.T) {
	s := xchSeeded(t, t.TempDir(), "x.db")
	before, err := s.ExportIndicators(1)
	if err != nil {
		t.Fatal(err)
	}
	list, _ := s.Indicators(1)
	newest := list[len(list)-1]
	if _, err := s.DeleteIndicator(newest.ID, "测试"); err != nil {
		t.Fatal(err)
	}
	added, _, err := s.AddIndicator(plan.Indicator{ReportID: 1, SectionID: newest.SectionID, Name: "示例新指标"}, "测试")
	if err != nil {
		t.Fatal(err)
	}
	row := xchRow(t, before, newest.ID)
	xchSet(before, row, sheet.ColNote, sheet.Cell{Text: "旧表格里的备注"})
	pl, err := s.PlanIndicatorImport(before, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range pl.Rows {
		if pr.IndicatorID == added.ID {
			t.Errorf("row %d of the old sheet would change the new indicator %d", pr.Row, added.ID)
		}
	}
	// Another indicator's identity under this id.
	sh, _ := s.ExportIndicators(1)
	first := xchRow(t, sh, list[0].ID)
	xchSet(sh, first, sheet.ColIndicatorUID, sheet.Cell{Text: list[1].UID})
	xchSet(sh, first, sheet.ColNote, sheet.Cell{Text: "改错了指标"})
	pl, err = s.PlanIndicatorImport(sh, 1)
	if err != nil {
		t.Fatal(err)
	}
	var bad *sheet.PlanRow
	for i := range pl.Rows {
		if pl.Rows[i].Row == first.Number {
			bad = &pl.Rows[i]
		}
	}
	if bad == nil || len(bad.Errors) != 1 || !errors.Is(bad.Errors[0], sheet.ErrOtherIndicator) {
		t.Fatalf("row with another indicator's 指标标识: %+v", bad)
	}
	if _, err := s.ApplyIndicatorImport(pl, "测试"); !errors.Is(err, sheet.ErrPlanHasErrors) {
		t.Errorf("a plan with a mismatched row was applied: %v", err)
	}
	if got, _ := s.Indicator(list[0].ID); got.Note == "改错了指标" {
		t.Error("the mismatched row changed the indicator")
	}
}

// TestNumberCellsReadAsReportsWriteThem: a number column is read with the
// same grammar as a value typed in: Go's syntax (0x1p4, 1_2_3, 1e-400) is
// refused for its row, and a long number keeps the digits as written.
func TestNumberCellsReadAsReportsWriteThem(t *testing.T) {
	s := xchSeeded(t, t.TempDir(), "x.db")
	list, _ := s.Indicators(1)
	var b strings.Builder
	b.WriteString("指标ID,指标名称,中期值\n")
	values := []string{"0x1p4", "1_2_3", "1e-400", "99999999999999999999"}
	for i, v := range values {
		fmt.Fprintf(&b, "%d,%s,%s\n", list[i].ID, list[i].Name, v)
	}
	sh, err := sheet.ReadCSV(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := s.PlanIndicatorImport(sh, 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range pl.Rows[:3] {
		if len(row.Errors) == 0 {
			t.Errorf("%s was read as a number: %+v", values[i], row.Changes)
		}
	}
	last := pl.Rows[3]
	if len(last.Errors) != 0 || len(last.Changes) == 0 || last.Changes[0].New != "99999999999999999999" {
		t.Errorf("a 20-digit number: errors %v, changes %+v", last.Errors, last.Changes)
	}
}

// TestExportCarriesTheOutlook: the export writes the projection a reviewer
// would compute by hand, the verdict, the needed rate (as a percentage in
// the workbook) and the warning of an obligatory indicator that lags. The
// figures are illustrative: 100 → 120 in two years is 10 a year, so 150 by
// 2025, and (150/120)^(1/3) − 1 = 7.72 % a year is what the rest needs.
func TestExportCarriesTheOutlook(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	ind := xchFind(t, s, "数字经济类企业")
	for _, e := range []struct {
		f    plan.Field
		text string
	}{
		{plan.FieldBaseline, "100家"}, {plan.FieldBaselineYear, "2020"}, {plan.FieldTarget, "150家"}, {plan.FieldTargetYear, "2025"},
		{plan.FieldMidterm, "120家"}, {plan.FieldMidtermAsOf, "2022"}, {plan.FieldAttribute, plan.AttributeObligatory},
	} {
		if _, _, err := s.EditIndicator(ind.ID, e.f, e.text, "张三"); err != nil {
			t.Fatal(err)
		}
	}
	sh, err := s.ExportIndicators(1)
	if err != nil {
		t.Fatal(err)
	}
	row := xchRow(t, sh, ind.ID)
	cell := func(col string) string { return sh.Value(row, col).String() }
	if cell(sheet.ColProjected) != "150" || cell(sheet.ColOutlook) != "预计可完成" || cell(sheet.ColNeededRate) != "0.0772" || cell(sheet.ColWarning) != "" {
		t.Errorf("outlook cells: %q %q %q %q", cell(sheet.ColProjected), cell(sheet.ColOutlook), cell(sheet.ColNeededRate), cell(sheet.ColWarning))
	}
	if _, _, err := s.EditIndicator(ind.ID, plan.FieldMidterm, "101家", "张三"); err != nil {
		t.Fatal(err)
	}
	sh, _ = s.ExportIndicators(1)
	row = xchRow(t, sh, ind.ID)
	if cell(sheet.ColWarning) != "预警" || cell(sheet.ColOutlook) != "预计难以完成" || cell(sheet.ColStatus) != "滞后" {
		t.Errorf("lagging: %q %q %q", cell(sheet.ColWarning), cell(sheet.ColOutlook), cell(sheet.ColStatus))
	}
	path := filepath.Join(dir, "out.xlsx")
	if err := sheet.WriteIndicatorFile(path, sheet.FormatXLSX, sh); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	name, _ := excelize.CoordinatesToCellName(sh.Column(sheet.ColNeededRate)+1, row.Number)
	if v, _ := f.GetCellValue(sheet.SheetName, name); !strings.HasSuffix(v, "%") {
		t.Errorf("所需年均增速 shows %q, want a percentage", v)
	}
}
