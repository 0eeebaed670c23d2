package targets

import (
	"reflect"
	"testing"
)

// TestParsePastedReadsExcelAndWPSClipboards: line ends of every kind, tabs
// between cells, Excel's quoting (a quote doubled, a line break or a tab
// inside), and quotes that open no quoted cell kept as typed.
func TestParsePastedReadsExcelAndWPSClipboards(t *testing.T) {
	cases := []struct {
		name string
		text string
		want [][]string
	}{
		{"LF", "指标\t目标\n人口\t5\n", [][]string{{"指标", "目标"}, {"人口", "5"}}},
		{"CRLF", "指标\t目标\r\n人口\t5\r\n", [][]string{{"指标", "目标"}, {"人口", "5"}}},
		{"CR", "指标\t目标\r人口\t5", [][]string{{"指标", "目标"}, {"人口", "5"}}},
		{"BOM and no final line end", "\uFEFF指标\t目标\n人口\t5", [][]string{{"指标", "目标"}, {"人口", "5"}}},
		{"quoted line break", "\"单位GDP\r\n能耗\"\t[13.5]\r\n", [][]string{{"单位GDP\r\n能耗", "[13.5]"}}},
		{"doubled quote", "\"“双百”与\"\"清零\"\"\"\t1\n", [][]string{{"“双百”与\"清零\"", "1"}}},
		{"quoted tab", "\"a\tb\"\tc\n", [][]string{{"a\tb", "c"}}},
		{"quoted last cell", "a\t\"b\nc\"", [][]string{{"a", "b\nc"}}},
		{"quote inside a cell", "5\"\t6\n", [][]string{{"5\"", "6"}}},
		{"quote not closed before the tab", "\"力争\"7\t8\n", [][]string{{"\"力争\"7", "8"}}},
		{"quote never closed", "\"abc\tdef\n", [][]string{{"\"abc", "def"}}},
		{"empty cells and lines kept", "a\t\tc\n\n\tb\t\n\n\n", [][]string{{"a", "", "c"}, nil, {"", "b"}}},
		{"nothing", "", nil},
	}
	for _, c := range cases {
		got := ParsePasted(c.text)
		if len(got) == 0 && len(c.want) == 0 {
			continue
		}
		norm := func(rows [][]string) [][]string {
			out := make([][]string, len(rows))
			for i, r := range rows {
				if len(r) > 0 {
					out[i] = r
				}
			}
			return out
		}
		if !reflect.DeepEqual(norm(got), norm(c.want)) {
			t.Errorf("%s: %q\ngot  %q\nwant %q", c.name, c.text, got, c.want)
		}
	}
}

// TestPastedRowsRefusesMoreThanATable: past MaxRows rows holding something
// a paste is refused, as a file is.
func TestPastedRowsRefusesMoreThanATable(t *testing.T) {
	var text []byte
	for range MaxRows {
		text = append(text, "a\t1\n\n"...)
	}
	if rows, err := PastedRows(string(text)); err != nil || len(rows) != 2*MaxRows-1 {
		t.Fatalf("%d rows: %v", len(rows), err)
	}
	if _, err := PastedRows(string(text) + "b\t2\n"); err == nil {
		t.Error("a paste of MaxRows+1 rows was read")
	}
}
