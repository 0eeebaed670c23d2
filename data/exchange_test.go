package data

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
	"strconv"
	"strings"
	"testing"

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

func xchFind(t testing.TB, s *Store, name string) Indicator {
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
	return Indicator{}
}

// xchNote needs quoting in CSV and escaping in JSON and XML.
const xchNote = "含规上企业, \"重点\" <b>&\n另计"

// xchEdit edits three of the seed's indicators through EditIndicator, so
// that every field has a value somewhere, and returns their ids.
func xchEdit(t testing.TB, s *Store) []int64 {
	t.Helper()
	edits := []struct {
		name  string
		field Field
		text  string
	}{
		{"数字经济类企业", FieldBaseline, "150家"},
		{"数字经济类企业", FieldBaselineYear, "2020"},
		{"数字经济类企业", FieldTarget, "300家"},
		{"数字经济类企业", FieldTargetYear, "2025"},
		{"数字经济类企业", FieldAttribute, AttributeExpected},
		{"数字经济类企业", FieldDirection, DirectionDown},
		{"数字经济类企业", FieldNote, xchNote},
		{"数字经济类企业", FieldTargetKind, TargetLevel},
		{"数字经济类企业", FieldMidtermAsOf, "2022年底"},
		{"旅游业收入", FieldTargetKind, TargetQualitative},
		{"旅游业收入", FieldTarget, "确保完成国家要求"},
		{"旅游业收入", FieldAttribute, AttributeObligatory},
		{"新增就业", FieldBaseline, "4.8万人"},
		{"新增就业", FieldTarget, "25"},
		{"新增就业", FieldTargetKind, TargetCumulative},
	}
	var ids []int64
	for _, e := range edits {
		ind := xchFind(t, s, e.name)
		if _, err := s.EditIndicator(ind.ID, e.field, e.text, "张三"); err != nil {
			t.Fatalf("edit %s %s: %v", e.name, e.field, err)
		}
		if len(ids) == 0 || ids[len(ids)-1] != ind.ID {
			ids = append(ids, ind.ID)
		}
	}
	return ids
}

// xchRow returns the exported row of an indicator.
func xchRow(t testing.TB, sheet IndicatorSheet, id int64) SheetRow {
	t.Helper()
	for _, row := range sheet.Rows {
		if c := sheet.Value(row, ColIndicatorID); c.Number != nil && int64(*c.Number) == id {
			return row
		}
	}
	t.Fatalf("no row for indicator %d", id)
	return SheetRow{}
}

// xchSameSheet compares two sheets cell by cell: the same header, the same
// texts, and numbers where numbers were.
func xchSameSheet(t testing.TB, want, got IndicatorSheet) {
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
	if err := s.db.Model(&Revision{}).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return int(n)
}

func TestExportHasHeaderNumbersAndTexts(t *testing.T) {
	s := xchSeeded(t, t.TempDir(), "x.db")
	xchEdit(t, s)
	sheet, err := s.ExportIndicators(1)
	if err != nil {
		t.Fatal(err)
	}
	want := "指标ID,报告ID,报告,章节,指标名称,单位,属性,方向,基期值,基期值原文,基期年份,目标值,目标值原文,目标年份,目标类型,中期值,中期值原文,中期值截至,进度,状态,确认状态,备注,来源"
	if got := strings.Join(sheet.Header, ","); got != want {
		t.Fatalf("header = %s", got)
	}
	if len(sheet.Rows) < 20 {
		t.Fatalf("only %d rows for the seed", len(sheet.Rows))
	}
	num := func(v float64) string { return formatNumber(v) }
	cases := []struct {
		name  string
		cells map[string]string
	}{
		{"数字经济类企业", map[string]string{
			ColReport: "汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告", ColSection: "2.数字经济稳步发展",
			ColUnit: "家", ColAttribute: "预期性", ColDirection: "越小越好",
			ColBaselineValue: num(150), ColBaseline: "150家", ColBaselineYear: "2020",
			ColTargetValue: num(300), ColTarget: "300家", ColTargetYear: "2025", ColTargetKind: "水平值",
			ColMidtermValue: num(210), ColMidterm: "突破210家", ColMidtermAsOf: "2022年底",
			ColProgress: "0.4", ColStatus: "提前完成/已达目标", ColState: "已确认", ColNote: xchNote,
		}},
		{"旅游业收入", map[string]string{
			ColUnit: "亿元", ColMidtermValue: "20.8", ColMidterm: "超20.8亿元", ColTargetValue: "", ColTarget: "确保完成国家要求",
			ColTargetKind: "定性", ColAttribute: "约束性", ColStatus: "无目标/无数据", ColProgress: "",
		}},
		{"新增就业", map[string]string{
			ColUnit: "万人", ColBaselineValue: "4.8", ColTargetValue: "25", ColMidtermValue: "5.41", ColTargetKind: "累计",
			ColProgress: "0.2164", ColDirection: "越大越好",
		}},
		{"高新技术企业", map[string]string{
			ColMidtermValue: "286", ColMidterm: "286家", ColState: "待确认", ColStatus: "无目标/无数据", ColTargetKind: "",
		}},
	}
	for _, c := range cases {
		row := xchRow(t, sheet, xchFind(t, s, c.name).ID)
		for col, want := range c.cells {
			cell := sheet.Value(row, col)
			if cell.String() != want {
				t.Errorf("%s %s = %q, want %q", c.name, col, cell.String(), want)
			}
			if IsNumberColumn(col) && cell.Text != "" {
				t.Errorf("%s %s is text %q, want a number", c.name, col, cell.Text)
			}
		}
		if src := sheet.Value(row, ColSource).Text; !strings.Contains(src, c.name) && c.name != "新增就业" {
			t.Errorf("%s source = %q", c.name, src)
		}
	}
}

func TestExportEveryReportOrOne(t *testing.T) {
	s := xchSeeded(t, t.TempDir(), "x.db")
	parsed, err := ParseReport([]byte("某县规划评估\n一、成效\n新增企业突破30家。\n"))
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
	if all.Value(last, ColReport).Text != "某县规划评估" || all.Value(last, ColSection).Text != "一、成效" ||
		all.Value(last, ColReportID).String() != fmt.Sprint(county.ID) || last.Number != len(all.Rows)+1 {
		t.Errorf("last row = %+v", last)
	}
	if _, err := s.ExportIndicators(99); err == nil {
		t.Error("exported a report that does not exist")
	}
}

func TestExportReimportRoundTripsEveryField(t *testing.T) {
	for _, format := range []SheetFormat{FormatXLSX, FormatCSV, FormatJSON} {
		t.Run(string(format), func(t *testing.T) {
			dir := t.TempDir()
			a := xchSeeded(t, dir, "a.db")
			edited := xchEdit(t, a)
			exported, err := a.ExportIndicators(0)
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "indicators."+string(format))
			if err := WriteIndicatorFile(path, format, exported); err != nil {
				t.Fatal(err)
			}
			read, err := ReadIndicatorFile(path)
			if err != nil {
				t.Fatal(err)
			}
			xchSameSheet(t, exported, read)

			// Against the database it came from, nothing changes.
			plan, err := a.PlanIndicatorImport(read, 1)
			if err != nil {
				t.Fatal(err)
			}
			if n := plan.Count(ImportUnchanged); n != len(read.Rows) || plan.ErrorRows() != 0 {
				for _, r := range plan.Rows {
					t.Logf("row %d: %s %+v %v", r.Row, r.Action, r.Changes, r.Errors)
				}
				t.Fatalf("%d of %d rows unchanged", n, len(read.Rows))
			}

			// Into a fresh copy, the plan restores exactly the exported texts.
			b := xchSeeded(t, dir, "b.db")
			fresh, _ := b.ExportIndicators(0)
			plan, err = b.PlanIndicatorImport(read, 1)
			if err != nil {
				t.Fatal(err)
			}
			var updated []int64
			for _, r := range plan.Rows {
				if len(r.Errors) > 0 {
					t.Fatalf("row %d: %v", r.Row, r.Errors)
				}
				if r.Action != ImportUpdate {
					continue
				}
				updated = append(updated, r.IndicatorID)
				row := xchRow(t, exported, r.IndicatorID)
				for _, ch := range r.Changes {
					if got, want := DisplayText(ch.Field, ch.New), exported.Value(row, ch.Column).String(); got != want {
						t.Errorf("row %d: %s → %q, exported %q", r.Row, ch.Column, got, want)
					}
					if ch.Column != ColumnOf(ch.Field) {
						t.Errorf("row %d: %s taken from %s", r.Row, ch.Field, ch.Column)
					}
				}
			}
			if fmt.Sprint(updated) != fmt.Sprint(edited) || plan.Count(ImportCreate) != 0 {
				t.Fatalf("updates %v, want %v; %d creates", updated, edited, plan.Count(ImportCreate))
			}
			before := xchRevisionCount(t, b)
			change, err := b.ApplyIndicatorImport(plan, "导入员")
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
	sheet, _ := s.ExportIndicators(1)
	var buf bytes.Buffer
	if err := WriteCSV(&buf, sheet); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	if !bytes.HasPrefix(out, []byte{0xEF, 0xBB, 0xBF}) {
		t.Fatalf("no BOM: % x", out[:8])
	}
	if !bytes.HasPrefix(out[3:], []byte("指标ID,报告ID,报告,章节,指标名称,")) || !bytes.Contains(out, []byte("\r\n")) {
		t.Fatalf("header line: %q", out[:80])
	}
	if !bytes.Contains(out, []byte(`"含规上企业, ""重点"" <b>&`+"\r\n"+`另计"`)) {
		t.Error("the note is not quoted as RFC 4180 wants")
	}
	records, err := csv.NewReader(bytes.NewReader(out[3:])).ReadAll()
	if err != nil || len(records) != len(sheet.Rows)+1 {
		t.Fatalf("%d records, %v", len(records), err)
	}

	// Without its BOM, or saved as GB18030 by a Chinese Excel, it reads the same.
	for name, content := range map[string][]byte{"no BOM": out[3:], "GB18030": xchGB18030(t, out[3:])} {
		got, err := ReadCSV(bytes.NewReader(content))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i := range got.Rows {
			// encoding/csv reads a quoted CRLF as LF, which is what was stored.
			if got.Value(got.Rows[i], ColNote).Text != sheet.Value(sheet.Rows[i], ColNote).Text {
				t.Errorf("%s: note of row %d = %q", name, got.Rows[i].Number, got.Value(got.Rows[i], ColNote).Text)
			}
		}
		xchSameSheet(t, sheet, got)
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
	sheet, _ := s.ExportIndicators(1)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, sheet); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "[\n  {\n    \"指标ID\": 1,\n    \"报告ID\": 1,\n    \"报告\": \"汉阳区") {
		t.Fatalf("starts %q", out[:80])
	}
	if !strings.Contains(out, `<b>&`) || strings.Contains(out, `\u003c`) {
		t.Error("HTML characters were escaped")
	}
	var objects []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &objects); err != nil || len(objects) != len(sheet.Rows) {
		t.Fatalf("%d objects, %v", len(objects), err)
	}
	first := objects[0]
	if _, ok := first[ColMidtermValue].(float64); !ok {
		t.Errorf("中期值 is %T", first[ColMidtermValue])
	}
	if v, ok := first[ColBaselineValue]; !ok || (v != nil && first[ColBaseline] == "") {
		t.Errorf("基期值 = %v", v)
	}
	if _, ok := first[ColMidterm].(string); !ok || len(first) != len(IndicatorColumns()) {
		t.Errorf("first object = %v", first)
	}
	var empty bytes.Buffer
	if err := WriteJSON(&empty, IndicatorSheet{Header: IndicatorColumns()}); err != nil || empty.String() != "[]\n" {
		t.Errorf("empty sheet = %q, %v", empty.String(), err)
	}
}

func TestXLSXHasNumericCellsAndFrozenBoldHeader(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	xchEdit(t, s)
	sheet, _ := s.ExportIndicators(1)
	path := filepath.Join(dir, "x.xlsx")
	if err := WriteIndicatorFile(path, FormatXLSX, sheet); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if list := f.GetSheetList(); len(list) != 1 || list[0] != SheetName {
		t.Fatalf("sheets = %v", list)
	}
	first := xchRow(t, sheet, xchFind(t, s, "数字经济类企业").ID).Number
	// A numeric cell is one without a type attribute (ECMA-376 §18.18.11:
	// t defaults to "n"), which excelize reports as CellTypeUnset, or t="n".
	for col, want := range map[string]excelize.CellType{
		ColIndicatorID: excelize.CellTypeNumber, ColBaselineValue: excelize.CellTypeNumber,
		ColTargetValue: excelize.CellTypeNumber, ColMidtermValue: excelize.CellTypeNumber, ColProgress: excelize.CellTypeNumber,
		ColBaseline: excelize.CellTypeInlineString, ColTarget: excelize.CellTypeInlineString, ColMidterm: excelize.CellTypeInlineString,
		ColBaselineYear: excelize.CellTypeInlineString, ColName: excelize.CellTypeInlineString, ColNote: excelize.CellTypeInlineString,
	} {
		cell, _ := excelize.CoordinatesToCellName(sheet.Column(col)+1, first)
		got, err := f.GetCellType(SheetName, cell)
		if got == excelize.CellTypeUnset {
			got = excelize.CellTypeNumber
		}
		raw, _ := f.GetCellValue(SheetName, cell, excelize.Options{RawCellValue: true})
		if _, perr := strconv.ParseFloat(raw, 64); err != nil || got != want || want == excelize.CellTypeNumber && perr != nil {
			t.Errorf("%s (%s) = %q has type %v, want %v (%v)", col, cell, raw, got, want, err)
		}
	}
	cell, _ := excelize.CoordinatesToCellName(sheet.Column(ColBaselineValue)+1, first)
	if v, _ := f.GetCellValue(SheetName, cell); v != "150" {
		t.Errorf("基期值 = %q", v)
	}
	cell, _ = excelize.CoordinatesToCellName(sheet.Column(ColProgress)+1, first)
	if v, _ := f.GetCellValue(SheetName, cell); v != "40.00%" {
		t.Errorf("进度 shows %q, want 40.00%%", v)
	}
	styleID, _ := f.GetCellStyle(SheetName, "A1")
	style, err := f.GetStyle(styleID)
	if err != nil || style.Font == nil || !style.Font.Bold {
		t.Errorf("header style = %+v, %v", style, err)
	}
	panes, err := f.GetPanes(SheetName)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes = %+v, %v", panes, err)
	}
	if w, _ := f.GetColWidth(SheetName, "W"); w < 30 { // 来源
		t.Errorf("来源 is %v wide", w)
	}
	if w, _ := f.GetColWidth(SheetName, "A"); w > 12 {
		t.Errorf("指标ID is %v wide", w)
	}
}

// TestXLSXOpensInASpreadsheetProgram reads the export with Python's
// openpyxl, or converts it with LibreOffice, and compares the values.
func TestXLSXOpensInASpreadsheetProgram(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	xchEdit(t, s)
	sheet, _ := s.ExportIndicators(0)
	path := filepath.Join(dir, "x.xlsx")
	if err := WriteIndicatorFile(path, FormatXLSX, sheet); err != nil {
		t.Fatal(err)
	}
	if exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run() == nil {
		xchCheckWithOpenpyxl(t, path, sheet)
		return
	}
	for _, prog := range []string{"libreoffice", "soffice"} {
		if bin, err := exec.LookPath(prog); err == nil {
			xchCheckWithLibreOffice(t, bin, path, sheet)
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

func xchCheckWithOpenpyxl(t *testing.T, path string, sheet IndicatorSheet) {
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
	if len(got.Sheets) != 1 || got.Sheets[0] != SheetName || got.Freeze != "A2" {
		t.Errorf("sheets %v, frozen at %q", got.Sheets, got.Freeze)
	}
	if len(got.Rows) != len(sheet.Rows)+1 {
		t.Fatalf("openpyxl read %d rows, want %d", len(got.Rows), len(sheet.Rows)+1)
	}
	for i, name := range sheet.Header {
		if c := got.Rows[0][i]; c == nil || c[0] != "str" || c[1] != name {
			t.Errorf("header %d = %v, want %s", i, c, name)
		}
	}
	numbers := 0
	for r, row := range sheet.Rows {
		for i, want := range row.Cells {
			var g *[2]any
			if i < len(got.Rows[r+1]) {
				g = got.Rows[r+1][i]
			}
			switch {
			case want.Number != nil:
				numbers++
				if g == nil || g[0] != "num" || math.Abs(g[1].(float64)-*want.Number) > 1e-12 {
					t.Errorf("row %d, %s = %v, want the number %v", row.Number, sheet.Header[i], g, *want.Number)
				}
			case want.Text != "":
				if g == nil || g[0] != "str" || g[1] != want.Text {
					t.Errorf("row %d, %s = %v, want the text %q", row.Number, sheet.Header[i], g, want.Text)
				}
			default:
				if g != nil {
					t.Errorf("row %d, %s = %v, want empty", row.Number, sheet.Header[i], g)
				}
			}
		}
	}
	if numbers < 2*len(sheet.Rows) {
		t.Errorf("only %d numbers compared", numbers)
	}
	t.Logf("openpyxl read %d rows back with the same values (%d numbers)", len(sheet.Rows), numbers)
}

func xchCheckWithLibreOffice(t *testing.T, bin, path string, sheet IndicatorSheet) {
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
	got, err := ReadCSV(bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Rows) != len(sheet.Rows) {
		t.Fatalf("LibreOffice read %d rows, want %d", len(got.Rows), len(sheet.Rows))
	}
	for r, row := range sheet.Rows {
		for i, want := range row.Cells {
			g := got.Value(got.Rows[r], sheet.Header[i])
			if sheet.Header[i] == ColProgress { // shown as a percentage
				if (want.Number != nil) != strings.HasSuffix(g.Text, "%") {
					t.Errorf("row %d, 进度 = %q", row.Number, g.Text)
				}
				continue
			}
			if want.Number != nil {
				if g.Number == nil || math.Abs(*g.Number-*want.Number) > 1e-9 {
					t.Errorf("row %d, %s = %q, want %v", row.Number, sheet.Header[i], g.Text, *want.Number)
				}
				continue
			}
			if g.Text != want.Text {
				t.Errorf("row %d, %s = %q, want %q", row.Number, sheet.Header[i], g.Text, want.Text)
			}
		}
	}
	t.Logf("LibreOffice read %d rows back with the same values", len(sheet.Rows))
}

// TestReadXLSXAsEditedInExcel reads a workbook the way a reviewer leaves it
// after editing: a row left empty, a value typed as a percentage (stored as
// 0.8 and shown as 80.00%), a year typed as a number, the sheet renamed.
func TestReadXLSXAsEditedInExcel(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	rate := xchFind(t, s, "规划路网建成率")
	sheet, _ := s.ExportIndicators(1)
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, sheet); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rateRow := xchRow(t, sheet, rate.ID).Number
	cell := func(col string, row int) string {
		name, _ := excelize.CoordinatesToCellName(sheet.Column(col)+1, row)
		return name
	}
	percent, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellFloat(SheetName, cell(ColMidterm, rateRow), 0.8, -1, 64))
	must(f.SetCellStyle(SheetName, cell(ColMidterm, rateRow), cell(ColMidterm, rateRow), percent))
	must(f.SetCellInt(SheetName, cell(ColTargetYear, rateRow), 2025))
	must(f.InsertRows(SheetName, 3, 1)) // an empty row 3
	must(f.SetSheetName(SheetName, "我的表"))
	path := filepath.Join(dir, "edited.xlsx")
	must(f.SaveAs(path))

	read, err := ReadIndicatorFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(read.Rows) != len(sheet.Rows) || read.Rows[0].Number != 2 || read.Rows[1].Number != 4 {
		t.Fatalf("%d rows numbered %d, %d", len(read.Rows), read.Rows[0].Number, read.Rows[1].Number)
	}
	plan, err := s.PlanIndicatorImport(read, 1)
	if err != nil || plan.ErrorRows() != 0 {
		t.Fatalf("plan: %v %v", err, plan.Errors())
	}
	for _, r := range plan.Rows {
		if r.IndicatorID != rate.ID {
			if r.Action != ImportUnchanged {
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
func xchWriteCSV(t *testing.T, dir string, sheet IndicatorSheet) IndicatorSheet {
	t.Helper()
	path := filepath.Join(dir, "edited.csv")
	if err := WriteIndicatorFile(path, FormatCSV, sheet); err != nil {
		t.Fatal(err)
	}
	read, err := ReadIndicatorFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return read
}

func xchSet(sheet IndicatorSheet, row SheetRow, column string, c Cell) {
	i := sheet.Column(column)
	for len(row.Cells) <= i {
		row.Cells = append(row.Cells, Cell{})
	}
	row.Cells[i] = c
}

func TestImportBadNumbersAreRowErrorsAndChangeNothing(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	sheet, _ := s.ExportIndicators(1)
	bad := []struct {
		row    SheetRow
		column string
		text   string
		check  func(error) bool
	}{
		{sheet.Rows[0], ColMidterm, "12abc", func(err error) bool {
			var ne *NumberError
			return errors.As(err, &ne) && ne.Problem == NumberLetters
		}},
		{sheet.Rows[1], ColMidterm, "5兆", func(err error) bool {
			var ne *NumberError
			return errors.As(err, &ne) && ne.Problem == NumberAmbiguousScale
		}},
		{sheet.Rows[2], ColDirection, "斜着走", func(err error) bool {
			var fe *FieldError
			return errors.As(err, &fe) && fe.Problem == ProblemBadDirection
		}},
		{sheet.Rows[3], ColTargetYear, "明年", func(err error) bool {
			var fe *FieldError
			return errors.As(err, &fe) && fe.Problem == ProblemBadYear
		}},
		{sheet.Rows[4], ColIndicatorID, "999", func(err error) bool { return errors.Is(err, ErrUnknownIndicator) }},
		{sheet.Rows[5], ColIndicatorID, "1", func(err error) bool { return errors.Is(err, ErrDuplicateIndicator) }},
		{sheet.Rows[6], ColSection, "九十九、没有这一节", func(err error) bool { return errors.Is(err, ErrOtherSection) }},
	}
	for _, b := range bad {
		xchSet(sheet, b.row, b.column, Cell{Text: b.text})
	}
	// A new row in a section that does not exist, with a bad baseline too.
	sheet.Rows = append(sheet.Rows, SheetRow{Number: len(sheet.Rows) + 2, Cells: make([]Cell, len(sheet.Header))})
	added := sheet.Rows[len(sheet.Rows)-1]
	xchSet(sheet, added, ColSection, Cell{Text: "九十九、没有这一节"})
	xchSet(sheet, added, ColName, Cell{Text: "新指标"})
	xchSet(sheet, added, ColBaseline, Cell{Text: "5到6家"})
	read := xchWriteCSV(t, dir, sheet)

	before, _ := s.ExportIndicators(0)
	revisions := xchRevisionCount(t, s)
	plan, err := s.PlanIndicatorImport(read, 1)
	if err != nil {
		t.Fatal(err)
	}
	errs := plan.Errors()
	if len(errs) != len(bad)+2 || plan.ErrorRows() != len(bad)+1 {
		for _, e := range errs {
			t.Log(e)
		}
		t.Fatalf("%d errors in %d rows", len(errs), plan.ErrorRows())
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
	if last[0].Column != ColSection || !errors.Is(last[0], ErrNoSection) || last[1].Column != ColBaseline || last[1].Row != added.Number {
		t.Errorf("new row errors = %v", last)
	}
	if _, err := s.ApplyIndicatorImport(plan, "张三"); !errors.Is(err, ErrPlanHasErrors) {
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
	sheet, _ := s.ExportIndicators(1)
	jobs := xchFind(t, s, "新增就业")
	tourism := xchFind(t, s, "旅游业收入")
	// Only the number: the text is the number, in the indicator's unit. The
	// row still says 待确认, so the indicator stays proposed.
	jobsRow := xchRow(t, sheet, jobs.ID)
	xchSet(sheet, jobsRow, ColMidterm, Cell{})
	xchSet(sheet, jobsRow, ColMidtermValue, Cell{Text: "5.5"})
	// Changed while the row still says 待确认: the row's state wins.
	tourismRow := xchRow(t, sheet, tourism.ID)
	xchSet(sheet, tourismRow, ColNote, Cell{Text: "待核实"})
	// A new indicator in an existing section, by its heading.
	sheet.Rows = append(sheet.Rows, SheetRow{Number: len(sheet.Rows) + 2, Cells: make([]Cell, len(sheet.Header))})
	added := sheet.Rows[len(sheet.Rows)-1]
	xchSet(sheet, added, ColSection, Cell{Text: "2.数字经济稳步发展"})
	xchSet(sheet, added, ColName, Cell{Text: "5G基站"})
	xchSet(sheet, added, ColUnit, Cell{Text: "个"})
	xchSet(sheet, added, ColTarget, Cell{Text: "1200个"})
	xchSet(sheet, added, ColTargetValue, Cell{Text: "1100"}) // the text wins
	xchSet(sheet, added, ColDirection, Cell{Text: "越大越好"})
	xchSet(sheet, added, ColSource, Cell{Text: "新建5G基站1200个。"})
	read := xchWriteCSV(t, dir, sheet)

	plan, err := s.PlanIndicatorImport(read, 1)
	if err != nil {
		t.Fatal(err)
	}
	if plan.ErrorRows() != 0 || plan.Count(ImportUpdate) != 2 || plan.Count(ImportCreate) != 1 {
		t.Fatalf("plan: %d errors %v, %d updates, %d creates", plan.ErrorRows(), plan.Errors(), plan.Count(ImportUpdate), plan.Count(ImportCreate))
	}
	change, err := s.ApplyIndicatorImport(plan, "李四")
	if err != nil {
		t.Fatal(err)
	}
	got, _ := s.Indicator(jobs.ID)
	if got.Midterm != "5.5" || got.MidtermValue == nil || *got.MidtermValue != 55000 || got.State != StateProposed {
		t.Errorf("新增就业 = %q %v %s", got.Midterm, got.MidtermValue, got.State)
	}
	got, _ = s.Indicator(tourism.ID)
	if got.Note != "待核实" || got.State != StateProposed {
		t.Errorf("旅游业收入 = %q, %s", got.Note, got.State)
	}
	var created Indicator
	for _, rev := range change {
		if rev.Action == ActionCreate {
			created, _ = s.Indicator(rev.IndicatorID)
		}
	}
	if created.Name != "5G基站" || created.Target != "1200个" || created.TargetValue == nil || *created.TargetValue != 1200 ||
		created.Source != "新建5G基站1200个。" || created.State != StateConfirmed || created.ReportID != 1 {
		t.Errorf("created = %+v", created)
	}
	if _, err := s.Revert(change, "李四"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Indicator(created.ID); err == nil {
		t.Error("undo left the created indicator")
	}
	if got, _ := s.Indicator(jobs.ID); got.Midterm != jobs.Midterm || got.State != StateProposed {
		t.Errorf("after undo 新增就业 = %q %s", got.Midterm, got.State)
	}
}

func TestImportOrdersUnitAndValueChanges(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	rate := xchFind(t, s, "规划路网建成率")
	for _, e := range [][2]string{{string(FieldUnit), "公里"}, {string(FieldMidterm), "150"}} {
		if _, err := s.EditIndicator(rate.ID, Field(e[0]), e[1], "张三"); err != nil {
			t.Fatal(err)
		}
	}
	// Back to a share: the unit % cannot come first, as 150 % is not a share.
	sheet, _ := s.ExportIndicators(1)
	row := xchRow(t, sheet, rate.ID)
	xchSet(sheet, row, ColUnit, Cell{Text: "%"})
	xchSet(sheet, row, ColMidterm, Cell{Text: "80%"})
	plan, err := s.PlanIndicatorImport(xchWriteCSV(t, dir, sheet), 1)
	if err != nil || plan.ErrorRows() != 0 {
		t.Fatalf("plan: %v %v", err, plan.Errors())
	}
	var order []Field
	for _, r := range plan.Rows {
		if r.IndicatorID == rate.ID {
			for _, ch := range r.Changes {
				order = append(order, ch.Field)
			}
		}
	}
	if fmt.Sprint(order) != "[midterm unit]" {
		t.Fatalf("changes in order %v", order)
	}
	if _, err := s.ApplyIndicatorImport(plan, "张三"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Indicator(rate.ID); got.Unit != "%" || got.MidtermValue == nil || *got.MidtermValue != 80 {
		t.Errorf("after import: %q %v", got.Unit, got.MidtermValue)
	}
	// A plan made before someone else's edit is refused as a whole.
	xchSet(sheet, row, ColNote, Cell{Text: "过期"})
	stale, _ := s.PlanIndicatorImport(xchWriteCSV(t, dir, sheet), 1)
	if _, err := s.EditIndicator(rate.ID, FieldNote, "别人改了", "王五"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ApplyIndicatorImport(stale, "张三"); !errors.Is(err, ErrPlanStale) {
		t.Errorf("stale plan applied: %v", err)
	}
}

func TestReadIndicatorFileRejectsBrokenFiles(t *testing.T) {
	dir := t.TempDir()
	s := xchSeeded(t, dir, "x.db")
	sheet, _ := s.ExportIndicators(1)
	var full bytes.Buffer
	if err := WriteXLSX(&full, sheet); err != nil {
		t.Fatal(err)
	}
	var csvText bytes.Buffer
	if err := WriteCSV(&csvText, sheet); err != nil {
		t.Fatal(err)
	}
	var jsonText bytes.Buffer
	if err := WriteJSON(&jsonText, sheet); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name    string
		content []byte
		kind    error
	}{
		{"half.xlsx", full.Bytes()[:full.Len()/2], ErrSheetDamaged},
		{"text.xlsx", []byte("指标名称,章节\n"), ErrSheetDamaged},
		{"quote.csv", []byte("\uFEFF指标ID,指标名称,章节\n1,\"数字经济类企业,2.数字经济稳步发展\n"), ErrSheetDamaged},
		{"half.csv", append(bytes.Clone(csvText.Bytes()[:csvText.Len()/2]), '"'), ErrSheetDamaged},
		{"binary.csv", []byte{0xff, 0xfe, 0x00, 0x81, 0x30}, ErrSheetDamaged},
		{"half.json", jsonText.Bytes()[:jsonText.Len()/2], ErrSheetDamaged},
		{"object.json", []byte(`{"指标名称": "x"}`), ErrSheetDamaged},
		{"nested.json", []byte(`[{"指标名称": ["x"], "章节": "一、"}]`), ErrSheetDamaged},
		{"noname.csv", []byte("指标ID,章节\n1,一、\n"), ErrSheetColumns},
		{"nosection.csv", []byte("指标名称,单位\nx,家\n"), ErrSheetColumns},
		{"twice.csv", []byte("指标名称,章节,章节\nx,一、,二、\n"), ErrSheetColumns},
		{"empty.csv", nil, ErrSheetColumns},
		{"report.txt", []byte("指标名称,章节\n"), ErrSheetType},
	}
	for _, c := range cases {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, c.content, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadIndicatorFile(path)
		var se *SheetError
		if !errors.Is(err, c.kind) || !errors.As(err, &se) || se.Path != path || !strings.Contains(err.Error(), c.name) {
			t.Errorf("%s: %v; want a *SheetError of kind %v naming the file", c.name, err, c.kind)
		}
	}
	if _, err := ReadIndicatorFile(filepath.Join(dir, "missing.xlsx")); !errors.Is(err, ErrSheetUnreadable) || !errors.Is(err, os.ErrNotExist) {
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
	if err := WriteIndicatorFile(path, SheetFormat("ods"), IndicatorSheet{}); !errors.Is(err, ErrSheetType) {
		t.Errorf("unknown format: %v", err)
	}
	// A number JSON cannot hold is written as null, not a broken file.
	nan := math.NaN()
	sheet := IndicatorSheet{Header: []string{ColName, ColProgress}, Rows: []SheetRow{{Number: 2, Cells: []Cell{{Text: "x"}, {Number: &nan}}}}}
	if err := WriteIndicatorFile(filepath.Join(dir, "nan.json"), FormatJSON, sheet); err != nil {
		t.Fatal(err)
	}
	if err := WriteIndicatorFile(filepath.Join(dir, "missing", "out.csv"), FormatCSV, sheet); err == nil {
		t.Error("wrote into a missing folder")
	}
	if err := WriteIndicatorFile(path, FormatCSV, sheet); err != nil {
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
		sheet, err := s.ExportIndicators(1)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteXLSX(io.Discard, sheet); err != nil {
			b.Fatal(err)
		}
	}
}
