package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
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
