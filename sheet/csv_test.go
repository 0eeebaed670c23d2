package sheet

import (
	xunicode "golang.org/x/text/encoding/unicode"

	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestCSVNeutralisesFormulasAndGivesThemBack: a text cell a spreadsheet
// would run as a formula is written behind an apostrophe, every prefix
// OWASP lists, and reading the file gives back exactly the text written.
func TestCSVNeutralisesFormulasAndGivesThemBack(t *testing.T) {
	texts := []string{
		`=HYPERLINK("http://example.invalid","点此")`, `=cmd|' /C calc'!A0`, "+1+1", "-3.5%", "@SUM(A1:A2)",
		"\t=1", "\r=1", "'=1", "''+2", "'plain", "'", "普通文字", "", "a=b",
	}
	sh := IndicatorSheet{Header: []string{ColName, ColNote}}
	for i, text := range texts {
		sh.Rows = append(sh.Rows, SheetRow{Number: i + 2, Cells: []Cell{{Text: "指标"}, {Text: text}}})
	}
	var buf bytes.Buffer
	if err := WriteCSV(&buf, sh); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), utf8BOM))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range texts {
		raw := records[i+1][1]
		trimmed := strings.TrimLeft(text, "'")
		dangerous := trimmed != "" && strings.ContainsRune("=+-@\t\r", rune(trimmed[0]))
		if dangerous && !strings.HasPrefix(raw, "'") {
			t.Errorf("%q is written as %q, which a spreadsheet runs", text, raw)
		}
		if !dangerous && raw != text {
			t.Errorf("%q is written as %q; only formulas need a guard", text, raw)
		}
	}
	back, err := ReadCSV(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i, text := range texts {
		if strings.HasPrefix(text, "\r") {
			continue // a lone CR inside a field does not survive CSV itself
		}
		if got := back.Value(back.Rows[i], ColNote).Text; got != text {
			t.Errorf("round trip of %q gave %q", text, got)
		}
	}
}

// TestCSVInUTF16ReadsAsInUTF8: a sheet saved by Excel as "Unicode text"
// (UTF-16 with its mark) reads like the UTF-8 one.
func TestCSVInUTF16ReadsAsInUTF8(t *testing.T) {
	text := "指标名称,单位,中期值原文\n数字经济类企业,家,突破210家\n"
	utf16, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	sh, err := ReadCSV(bytes.NewReader(utf16))
	if err != nil {
		t.Fatalf("UTF-16 CSV: %v", err)
	}
	if len(sh.Rows) != 1 || sh.Value(sh.Rows[0], ColMidterm).Text != "突破210家" {
		t.Errorf("UTF-16 CSV read as %+v", sh)
	}
}
