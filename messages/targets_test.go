package messages

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/sheet"
	"plandesk/targets"
)

// TestExplainWordsTargetTableErrors: each failure to read a plan's target
// table, or to apply matches to it, is a sentence naming the file or the
// row, in Chinese, with the next step; a workbook's damage read through
// sheet is worded for a target table, not an indicator sheet.
func TestExplainWordsTargetTableErrors(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	_, missing := os.ReadFile(filepath.Join(t.TempDir(), "nope.tsv"))
	damaged := &sheet.SheetError{Path: "t.xlsx", Kind: sheet.ErrSheetDamaged, Err: fmt.Errorf("zip: not a valid zip file")}
	cases := []struct {
		err  error
		want []string
	}{
		{&targets.FileError{Path: "t.json", Kind: targets.ErrFileType}, []string{"t.json", ".xlsx、.csv、.tsv 或 .txt"}},
		{&targets.FileError{Path: "big.csv", Kind: targets.ErrTooLarge, Err: damaged}, []string{"big.csv", "2000 行", "拆分"}},
		{&targets.FileError{Path: "bin.txt", Kind: targets.ErrNotText}, []string{"UTF-8"}},
		{&targets.FileError{Path: "nope.tsv", Kind: targets.ErrUnreadable, Err: missing}, []string{"nope.tsv", "找不到"}},
		{&targets.FileError{Path: "t.xlsx", Kind: targets.ErrDamaged, Err: damaged}, []string{"t.xlsx", "已损坏"}},
		{fmt.Errorf("read: %w", targets.ErrNoHeader), []string{"15 行", "指标名称", "年均/累计"}},
		{&targets.MatchError{Line: 7, IndicatorID: 3, Err: targets.ErrMatchedTwice}, []string{"第 7 行", "#3", "只能与一行"}},
		{&targets.MatchError{Line: 8, IndicatorID: 9, Err: targets.ErrNoIndicator}, []string{"第 8 行", "#9", "重新匹配"}},
	}
	for _, c := range cases {
		got := Explain(c.err)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("Explain(%v) = %q, lacks %q", c.err, got, w)
			}
		}
		if strings.Contains(got, "指标ID") {
			t.Errorf("Explain(%v) speaks of an indicator sheet: %q", c.err, got)
		}
	}
}

// TestMatchReasonsAndColumnRoles are worded in both languages.
func TestMatchReasonsAndColumnRoles(t *testing.T) {
	defer func() { _ = Use(Chinese) }()
	cases := []struct {
		lang         string
		reason       targets.Reason
		column       targets.Column
		want, header string
	}{
		{Chinese, targets.Reason{Name: targets.NameSame, Unit: targets.UnitSame}, targets.Column{Header: "2020年", Role: targets.RoleBaseline, Year: "2020"},
			"名称相同；单位相同", "2020年 → 基期值（2020年）"},
		{Chinese, targets.Reason{Name: targets.NameContains, Unit: targets.UnitScaled, RowUnit: "人", IndicatorUnit: "万人"}, targets.Column{Role: targets.RoleMode},
			"名称相互包含；人与万人为同一单位的不同量级", "C → 年均/累计"},
		{English, targets.Reason{Name: targets.NameSimilar, Unit: targets.UnitDiffers, RowUnit: "家", IndicatorUnit: "亿元"}, targets.Column{Header: "备注"},
			"similar names; different units (家, 亿元)", "备注 → Not read"},
		{English, targets.Reason{Name: targets.NameNormalised, Unit: targets.UnitAkin, RowUnit: "个", IndicatorUnit: "家"}, targets.Column{Header: "No", Role: targets.RoleSeq},
			"same name once width, punctuation, place words and wording are set aside; 个 and 家: both counts", "No → No."},
	}
	for _, c := range cases {
		if err := Use(c.lang); err != nil {
			t.Fatal(err)
		}
		if got := MatchReason(c.reason); got != c.want {
			t.Errorf("%s: MatchReason = %q, want %q", c.lang, got, c.want)
		}
		if got := ColumnRole(2, c.column); got != c.header {
			t.Errorf("%s: ColumnRole = %q, want %q", c.lang, got, c.header)
		}
	}
	for _, r := range targets.Roles() {
		if RoleLabel(r) == "" {
			t.Errorf("role %q has no label", r)
		}
	}
}
