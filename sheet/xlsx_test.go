package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"plandesk/plan"
)

// TestXLSXRefusesTextACellCannotHold: an export with a text over 32,767
// characters is refused before anything is written, naming the cell,
// instead of being cut.
func TestXLSXRefusesTextACellCannotHold(t *testing.T) {
	sh := IndicatorSheet{Header: []string{ColName, ColSource}, Rows: []SheetRow{
		{Number: 2, Cells: []Cell{{Text: "示例"}, {Text: "短句。"}}},
		{Number: 3, Cells: []Cell{{Text: "示例"}, {Text: strings.Repeat("很长的原文。", 6000)}}},
	}}
	path := filepath.Join(t.TempDir(), "指标.xlsx")
	err := WriteIndicatorFile(path, FormatXLSX, sh)
	var long *CellTooLongError
	if !errors.As(err, &long) || long.Row != 3 || long.Column != ColSource || long.Length != 36000 {
		t.Fatalf("err = %v, want row 3 %s too long", err, ColSource)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Error("a refused export left a file")
	}
}

// TestXLSXDeclaresItsRealDimension: the worksheet says which cells it
// holds, so readers that trust the declaration see the rows.
func TestXLSXDeclaresItsRealDimension(t *testing.T) {
	sh := IndicatorSheet{Header: []string{ColIndicatorID, ColName, ColNote}, Rows: []SheetRow{
		{Number: 2, Cells: []Cell{numberCell(1), {Text: "甲"}, {Text: "注"}}},
		{Number: 3, Cells: []Cell{numberCell(2), {Text: "乙"}}},
	}}
	var buf bytes.Buffer
	if err := WriteXLSX(&buf, sh); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		r, _ := f.Open()
		xml, _ := io.ReadAll(r)
		r.Close()
		if !bytes.Contains(xml, []byte(`<dimension ref="A1:C3"`)) {
			t.Errorf("the worksheet does not declare A1:C3: %.300s", xml)
		}
		return
	}
	t.Fatal("no worksheet in the workbook")
}

// planTestIndicators are the report an import test plans against: one
// section, indicators 1 to n, each with a note and a mid-term value.
func planTestIndicators(n int) ([]plan.Section, []plan.Indicator) {
	sections := []plan.Section{{ID: 10, ReportID: 1, Numbering: "1.", Title: "第一节"}}
	var list []plan.Indicator
	for id := int64(1); id <= int64(n); id++ {
		list = append(list, plan.Indicator{ID: id, ReportID: 1, SectionID: 10, Name: fmt.Sprintf("指标%d", id),
			Unit: "家", Midterm: "12家", Note: fmt.Sprintf("原备注%d", id), Direction: plan.DirectionUp, State: plan.StateConfirmed})
	}
	return sections, list
}

// rewriteWorksheet gives back the workbook with its worksheet's XML passed
// through edit: a test's way to write what excelize does not.
func rewriteWorksheet(t *testing.T, data []byte, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			body = []byte(edit(string(body)))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(body); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// worksheetXML is the worksheet part of a workbook.
func worksheetXML(t *testing.T, data []byte) string {
	t.Helper()
	var xml string
	rewriteWorksheet(t, data, func(s string) string { xml = s; return s })
	return xml
}

// TestXLSXFormulaWithoutValueLeavesTheFieldAlone: a workbook written by a
// program holds formulas without a computed value. Such a cell is no value:
// the import leaves its field (备注, 中期值) as it is and says so, where an
// empty cell empties the field and a formula with a cached value gives
// that value. In 指标ID it is an error: the row cannot be matched.
func TestXLSXFormulaWithoutValueLeavesTheFieldAlone(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", SheetName))
	must(f.SetSheetRow(SheetName, "A1", &[]any{ColIndicatorID, ColName, ColMidterm, ColMidtermValue, ColNote}))
	must(f.SetSheetRow(SheetName, "A2", &[]any{1, "指标1", "12家"}))
	must(f.SetCellFormula(SheetName, "E2", "A1&B1")) // no value: the note stays
	must(f.SetSheetRow(SheetName, "A3", &[]any{2, "指标2", "12家"}))
	must(f.SetSheetRow(SheetName, "A4", &[]any{3, "指标3", nil, nil, "原备注3"}))
	must(f.SetCellFormula(SheetName, "D4", "A4*10")) // the number for an empty 中期值原文
	must(f.SetSheetRow(SheetName, "A5", &[]any{4, "指标4", "12家"}))
	must(f.SetCellFormula(SheetName, "E5", "B5")) // given a cached value below
	array, ref := excelize.STCellFormulaTypeArray, "E6:E7"
	must(f.SetSheetRow(SheetName, "A6", &[]any{5, "指标5", "12家"}))
	must(f.SetSheetRow(SheetName, "A7", &[]any{6, "指标6", "12家"}))
	must(f.SetCellFormula(SheetName, "E6", "B6:B7", excelize.FormulaOpts{Type: &array, Ref: &ref}))
	must(f.SetSheetRow(SheetName, "B8", &[]any{"指标7"}))
	must(f.SetCellFormula(SheetName, "A8", "1+6"))
	var buf bytes.Buffer
	must(f.Write(&buf))
	data := rewriteWorksheet(t, buf.Bytes(), func(s string) string {
		return strings.Replace(s, `<f>B5</f></c>`, `<f>B5</f><v>算好的备注</v></c>`, 1)
	})
	xml := worksheetXML(t, data)
	for ref, cached := range map[string]bool{"E2": false, "D4": false, "E5": true, "E6": false, "A8": false} {
		cell := regexp.MustCompile(`<c r="` + ref + `"[^>]*>.*?</c>`).FindString(xml)
		if !strings.Contains(cell, "<f") || strings.Contains(cell, "<v>") != cached {
			t.Fatalf("cell %s is %q, want a formula with a cached value %v", ref, cell, cached)
		}
	}

	sh, err := ReadXLSX(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if c := sh.Value(sh.Rows[0], ColNote); !c.Uncalculated || !c.IsEmpty() {
		t.Fatalf("E2 reads as %+v, want an empty Uncalculated cell", c)
	}
	sections, list := planTestIndicators(7)
	p := Plan(sh, 1, sections, list)
	want := []struct {
		action  ImportAction
		skipped string
		changes string
	}{
		{ImportUnchanged, "[备注]", "[]"},
		{ImportUpdate, "[]", "[{note 备注 原备注2 }]"},
		{ImportUnchanged, "[中期值]", "[]"},
		{ImportUpdate, "[]", "[{note 备注 原备注4 算好的备注}]"},
		{ImportUnchanged, "[备注]", "[]"},
		{ImportUnchanged, "[备注]", "[]"},
	}
	if len(p.Rows) != len(want)+1 {
		t.Fatalf("%d rows planned, want %d", len(p.Rows), len(want)+1)
	}
	for i, w := range want {
		r := p.Rows[i]
		if r.Action != w.action || fmt.Sprint(r.Skipped) != w.skipped || fmt.Sprint(r.Changes) != w.changes || len(r.Errors) > 0 {
			t.Errorf("row %d: %s, skipped %v, changes %v, errors %v; want %s, skipped %s, changes %s",
				r.Row, r.Action, r.Skipped, r.Changes, r.Errors, w.action, w.skipped, w.changes)
		}
	}
	if r := p.Rows[0]; r.Want.Note != "原备注1" {
		t.Errorf("row 2 leaves the note as %q", r.Want.Note)
	}
	if r := p.Rows[len(want)]; len(r.Errors) != 1 || r.Errors[0].Column != ColIndicatorID || !errors.Is(r.Errors[0], ErrUncalculated) {
		t.Errorf("row 8 (a formula in 指标ID): errors %v", r.Errors)
	}
	if n := p.SkippedCells(); n != 4 {
		t.Errorf("%d skipped cells, want 4", n)
	}
}

// streamWorkbook writes a workbook of n data rows below a 指标ID, 章节,
// 指标名称 header with excelize's stream writer, as an export does.
func streamWorkbook(t *testing.T, path string, n int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{ColIndicatorID, ColSection, ColName}); err != nil {
		t.Fatal(err)
	}
	for r := 2; r <= n+1; r++ {
		if err := sw.SetRow("A"+strconv.Itoa(r), []any{r - 1, "1.第一节", "指标"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestXLSXRefusesASheetPastTheRowLimit: a sheet with one row more than
// MaxSheetRows is refused with the typed error, and reading stops there:
// what follows is never read (here it is not even XML). A sheet of exactly
// MaxSheetRows rows is read whole.
func TestXLSXRefusesASheetPastTheRowLimit(t *testing.T) {
	dir := t.TempDir()
	over := filepath.Join(dir, "over.xlsx")
	streamWorkbook(t, over, MaxSheetRows+1)
	data, err := os.ReadFile(over)
	if err != nil {
		t.Fatal(err)
	}
	data = rewriteWorksheet(t, data, func(s string) string {
		return strings.Replace(s, "</sheetData>", `<row r="<<not xml`, 1)
	})
	if err := os.WriteFile(over, data, 0o644); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	_, part, err := chooseWorksheet(zr)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := scanWorksheet(zr, part, MaxSheetRows); !errors.Is(err, ErrSheetTooLarge) {
		t.Fatalf("the first pass: err = %v", err)
	}
	_, err = ReadIndicatorFile(over)
	var tooMany *TooManyRowsError
	if !errors.Is(err, ErrSheetTooLarge) || !errors.As(err, &tooMany) || tooMany.Limit != MaxSheetRows {
		t.Fatalf("err = %v, want a TooManyRowsError of limit %d", err, MaxSheetRows)
	}

	exact := filepath.Join(dir, "exact.xlsx")
	streamWorkbook(t, exact, MaxSheetRows)
	sh, err := ReadIndicatorFile(exact)
	if err != nil {
		t.Fatal(err)
	}
	if len(sh.Rows) != MaxSheetRows || sh.Rows[MaxSheetRows-1].Number != MaxSheetRows+1 {
		t.Fatalf("%d rows read, want %d", len(sh.Rows), MaxSheetRows)
	}
}

// TestXLSXRowLimitCountsRowsWithSomethingWritten: empty rows, and rows
// with something only right of the header, do not count towards the limit;
// the second guard, while reading the rows, refuses as the first pass does.
func TestXLSXRowLimitCountsRowsWithSomethingWritten(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetRow("Sheet1", "A1", &[]any{ColSection, ColName}))
	must(f.SetSheetRow("Sheet1", "A2", &[]any{"1.第一节", "甲"}))
	must(f.SetSheetRow("Sheet1", "A9", &[]any{"1.第一节", "乙"}))
	must(f.SetCellValue("Sheet1", "F5", "草稿"))
	must(f.SetRowHeight("Sheet1", 7, 30))
	var buf bytes.Buffer
	must(f.Write(&buf))
	if _, err := readXLSX(buf.Bytes(), 2); err != nil {
		t.Fatalf("2 rows of indicators refused at a limit of 2: %v", err)
	}
	_, err := readXLSX(buf.Bytes(), 1)
	if !errors.Is(err, ErrSheetTooLarge) {
		t.Fatalf("2 rows at a limit of 1: err = %v", err)
	}
	if _, err := readXLSXRows(mustOpen(t, buf.Bytes()), "Sheet1", xlsxScan{}, 1); !errors.Is(err, ErrSheetTooLarge) {
		t.Fatalf("the row reader's own guard: err = %v", err)
	}
}

func mustOpen(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestXLSXReadsAWorksheetDeclaredInGBK: a part in another encoding than
// UTF-8, as some older Chinese tools write, reads as excelize reads it;
// the first pass must not refuse it.
func TestXLSXReadsAWorksheetDeclaredInGBK(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetRow("Sheet1", "A1", &[]any{ColSection, ColName}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	data := rewriteWorksheet(t, buf.Bytes(), func(s string) string {
		s = strings.Replace(s, `encoding="UTF-8"`, `encoding="GBK"`, 1)
		s = strings.Replace(s, "</row>", `</row><row r="2"><c r="A2" t="inlineStr"><is><t>1.第一节</t></is></c><c r="B2" t="inlineStr"><is><t>数字经济</t></is></c></row>`, 1)
		gbk, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return gbk
	})
	sh, err := ReadXLSX(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(sh.Rows) != 1 || sh.Value(sh.Rows[0], ColName).Text != "数字经济" {
		t.Fatalf("rows %+v", sh.Rows)
	}
}
