package plan

import (
	"fmt"
	"testing"
)

// TestTableTextsFillMergedCells: a 类别 over two rows and a header over two
// columns name each cell they cover.
func TestTableTextsFillMergedCells(t *testing.T) {
	tbl := Table{Rows: [][]TableCell{
		{{Text: "类别", RowSpan: 1, ColSpan: 1}, {Text: "指标", ColSpan: 1, RowSpan: 1}, {Text: "数值", ColSpan: 2, RowSpan: 1}, {Covered: true}},
		{{Text: "经济发展", RowSpan: 2, ColSpan: 1}, {Text: "地区生产总值", ColSpan: 1, RowSpan: 1}, {Text: "1"}, {Text: "2"}},
		{{Covered: true}, {Text: "人均GDP"}, {Text: "3"}, {Text: "4"}},
	}}
	got := fmt.Sprint(tbl.Texts())
	want := "[[类别 指标 数值 数值] [经济发展 地区生产总值 1 2] [经济发展 人均GDP 3 4]]"
	if got != want || tbl.Columns() != 4 {
		t.Errorf("texts %s, %d columns; want %s", got, tbl.Columns(), want)
	}
}
