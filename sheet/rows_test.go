package sheet

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// tableWorkbook writes a workbook whose first worksheet holds a title row,
// a gap, a header and a category merged over two rows, with a second sheet
// that must not be read.
func tableWorkbook(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	first := f.GetSheetName(0)
	set := func(cell string, v any) {
		if err := f.SetCellValue(first, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "表1 主要指标")
	set("A3", "类别")
	set("B3", "指标")
	set("C3", "2025年")
	set("A4", "经济发展")
	set("B4", "地区生产总值")
	set("C4", 0.055)
	set("B5", "常住人口")
	set("C5", "〔5.5〕")
	if err := f.MergeCell(first, "A4", "A5"); err != nil {
		t.Fatal(err)
	}
	style, err := f.NewStyle(&excelize.Style{NumFmt: 10}) // 0.00%
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStyle(first, "C4", "C4", style); err != nil {
		t.Fatal(err)
	}
	if _, err := f.NewSheet(SheetName); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellValue(SheetName, "A1", "不该读到"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadXLSXTableGivesTheFirstSheetAsDisplayed: the first worksheet, not
// 指标; rows where the spreadsheet has them (the empty row 2 kept), cells
// as displayed, a merged cell's text in its first cell only.
func TestReadXLSXTableGivesTheFirstSheetAsDisplayed(t *testing.T) {
	rows, err := ReadXLSXTable(tableWorkbook(t), 0)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"表1 主要指标"},
		nil,
		{"类别", "指标", "2025年"},
		{"经济发展", "地区生产总值", "5.50%"},
		{"", "常住人口", "〔5.5〕"},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows = %q", rows)
	}
	for i := range want {
		if len(rows[i]) != len(want[i]) || (len(want[i]) > 0 && !reflect.DeepEqual(rows[i], want[i])) {
			t.Errorf("row %d = %q, want %q", i+1, rows[i], want[i])
		}
	}
}

// TestReadTablesRefusePastTheirRowLimit: rows holding something count, empty
// ones do not; one past the limit is refused with the limit named.
func TestReadTablesRefusePastTheirRowLimit(t *testing.T) {
	csvText := "a,b\n\n1,2\n,\n3,4\n"
	if rows, err := ReadCSVTable([]byte(csvText), 3); err != nil || len(rows) != 5 {
		t.Fatalf("three written rows within a limit of 3: %q, %v", rows, err)
	}
	_, err := ReadCSVTable([]byte(csvText), 2)
	var tm *TooManyRowsError
	if !errors.Is(err, ErrSheetTooLarge) || !errors.As(err, &tm) || tm.Limit != 2 {
		t.Errorf("past the limit: %v", err)
	}
	if _, err := ReadXLSXTable(tableWorkbook(t), 3); !errors.Is(err, ErrSheetTooLarge) {
		t.Errorf("workbook past the limit: %v", err)
	}
	// A limit above the sheet's own is the sheet's.
	if tableLimit(MaxSheetRows+1) != MaxSheetRows || tableLimit(0) != MaxSheetRows {
		t.Error("table limits exceed MaxSheetRows")
	}
}

// TestReadCSVTableReadsGBKAndQuotes: Excel's CSV on a Chinese system is
// GBK; quoted cells keep their commas and line breaks, and a row after a
// cell of two lines and an empty line is numbered as Excel shows it.
func TestReadCSVTableReadsGBKAndQuotes(t *testing.T) {
	text := "指标,目标\r\n\"研发投入,强度\",\"≥3\n(力争)\"\r\n\r\n人口,1\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := ReadCSVTable(gbk, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[1][0] != "研发投入,强度" || rows[1][1] != "≥3\n(力争)" || len(rows[2]) != 0 || rows[3][0] != "人口" {
		t.Errorf("rows = %q", rows)
	}
	if _, err := ReadCSVTable([]byte("a,\"b\n"), 0); !errors.Is(err, ErrSheetDamaged) {
		t.Errorf("unclosed quote: %v", err)
	}
}

// TestReadTableFileByExtension: .xlsx and .csv are read, with the path in
// the error; .json is not a table of rows.
func TestReadTableFileByExtension(t *testing.T) {
	dir := t.TempDir()
	xlsx := filepath.Join(dir, "t.xlsx")
	csvPath := filepath.Join(dir, "t.csv")
	if err := os.WriteFile(xlsx, tableWorkbook(t), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(csvPath, []byte("\uFEFF指标,目标\n地区生产总值,6\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if rows, err := ReadTableFile(xlsx, 0); err != nil || len(rows) != 5 {
		t.Errorf("xlsx: %q %v", rows, err)
	}
	if rows, err := ReadTableFile(csvPath, 0); err != nil || rows[0][0] != "指标" {
		t.Errorf("csv: %q %v", rows, err)
	}
	var se *SheetError
	if _, err := ReadTableFile(filepath.Join(dir, "t.json"), 0); !errors.Is(err, ErrSheetType) {
		t.Errorf("json: %v", err)
	}
	if _, err := ReadTableFile(filepath.Join(dir, "none.csv"), 0); !errors.Is(err, ErrSheetUnreadable) || !errors.As(err, &se) || se.Path == "" {
		t.Errorf("missing file: %v", err)
	}
	damaged := filepath.Join(dir, "bad.xlsx")
	if err := os.WriteFile(damaged, []byte("PK\x03\x04 half a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadTableFile(damaged, 0); !errors.Is(err, ErrSheetDamaged) || !strings.Contains(err.Error(), "bad.xlsx") {
		t.Errorf("damaged workbook: %v", err)
	}
}

// TestReadLimitedRefusesFromTheSize: a file over the limit is refused
// without being read.
func TestReadLimitedRefusesFromTheSize(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, bytes.Repeat([]byte("a,b\n"), 100), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readLimited(path, 399); !errors.Is(err, errTooManyBytes) {
		t.Errorf("400 bytes against 399: %v", err)
	}
	if b, err := readLimited(path, 400); err != nil || len(b) != 400 {
		t.Errorf("400 bytes against 400: %d %v", len(b), err)
	}
}
