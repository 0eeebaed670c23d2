package messages

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"plandesk/reporttext"
	"plandesk/sheet"
	"plandesk/store/storeerr"
)

// TestExplainWordsFileAndDiskErrors: what the file system and a full disk
// say reaches the user as a sentence in Chinese with the next step, never
// as Go's English.
func TestExplainWordsFileAndDiskErrors(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	_, missing := os.ReadFile(filepath.Join(dir, "nope.txt"))
	_, folder := os.ReadFile(dir)
	cases := map[string]struct {
		err  error
		want string
	}{
		"missing":  {missing, "找不到"},
		"folder":   {folder, "是一个文件夹"},
		"full":     {fmt.Errorf("edit: %w", fmt.Errorf("%w: database or disk is full (13)", storeerr.ErrDiskFull)), "磁盘已满"},
		"enospc":   {&os.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "磁盘已满"},
		"sheet":    {&sheet.SheetError{Path: "a.csv", Kind: sheet.ErrSheetUnreadable, Err: missing}, "找不到"},
		"readonly": {fmt.Errorf("x: %w", errors.New("plain")), "plain"},
	}
	for name, c := range cases {
		got := Explain(c.err)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: %q lacks %q", name, got, c.want)
		}
		if name != "readonly" && (strings.Contains(got, "no such file") || strings.Contains(got, "is a directory")) {
			t.Errorf("%s: Go's English reached the user: %q", name, got)
		}
	}
}

// TestExplainSaysWhatToDoPastTheBounds: a report refused for its size or
// its number of headings, and an import that left proposals out, are told
// in Chinese with the bound and the next step.
func TestExplainSaysWhatToDoPastTheBounds(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	size := fmt.Errorf("read big.txt: %w", &reporttext.LimitError{Err: reporttext.ErrTextTooLarge, Limit: reporttext.MaxTextBytes, Found: 50 << 20})
	sections := &reporttext.LimitError{Err: reporttext.ErrTooManySections, Limit: reporttext.MaxSections}
	cases := map[string]struct {
		got  string
		want []string
	}{
		"size":     {Explain(size), []string{"超过 8 MB", "请确认选的是报告文件", "拆成几部分"}},
		"sections": {Explain(sections), []string{"超过 1000 个", "请确认选的是报告文件", "拆成几部分"}},
		"left out": {ProposalsLeftOut(50), []string{"另有 50 处", "每节最多列 200 个", "每份报告最多 5000 个", "手动添加"}},
	}
	for name, c := range cases {
		for _, w := range c.want {
			if !strings.Contains(c.got, w) {
				t.Errorf("%s: %q lacks %q", name, c.got, w)
			}
		}
	}
	if s := ProposalsLeftOut(0); s != "" {
		t.Errorf("nothing left out, yet %q", s)
	}
}

// TestExplainSaysASheetIsTooLargeAndWhatToDo: a sheet past the row limit,
// a formula without a computed value in 指标ID, and the cells an import
// leaves out are sentences with the next step, in both languages.
func TestExplainSaysASheetIsTooLargeAndWhatToDo(t *testing.T) {
	t.Cleanup(func() { _ = Use(Chinese) })
	tooLarge := &sheet.SheetError{Path: "大表.xlsx", Kind: sheet.ErrSheetTooLarge, Err: &sheet.TooManyRowsError{Limit: sheet.MaxSheetRows}}
	uncalculated := fmt.Errorf("plan: %w", &sheet.RowError{Row: 5, Column: sheet.ColIndicatorID, Err: sheet.ErrUncalculated})
	for code, want := range map[string][]string{
		Chinese: {"大表.xlsx 表头以下超过 50000 行", "拆分", "按报告逐个导出、导入", "指标ID", "公式尚无计算结果", "用 Excel 或 WPS 打开", "保持不变（公式尚无计算结果）：备注、中期值", "3 个单元格"},
		English: {"大表.xlsx has more than 50000 rows", "split the sheet", "one report at a time", "指标ID", "formula whose value was never computed", "open it in Excel or WPS", "left unchanged (formula without a computed value): 备注、中期值", "3 cells"},
	} {
		if err := Use(code); err != nil {
			t.Fatal(err)
		}
		got := strings.Join([]string{Explain(tooLarge), Explain(uncalculated), SkippedCells([]string{sheet.ColNote, sheet.ColMidtermValue}), SkippedSummary(3)}, "\n")
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q lacks %q", code, got, w)
			}
		}
		if strings.Contains(got, sheet.ErrSheetTooLarge.Error()) || strings.Contains(got, sheet.ErrUncalculated.Error()) ||
			(code == Chinese && strings.Contains(got, "formula")) {
			t.Errorf("%s: the errors' own English reached the user: %q", code, got)
		}
	}
}

// TestNoHeadingsAndThePrefaceAreSaid: a text without numbered headings is
// said to be one section, after an import and before one, in both
// languages; a report with headings says nothing; a section stored without
// a heading is shown as 前言.
func TestNoHeadingsAndThePrefaceAreSaid(t *testing.T) {
	t.Cleanup(func() { _ = Use(Chinese) })
	prose, err := reporttext.ParseReport([]byte("某县重点项目推进情况\n全县完成投资85亿元。\n"))
	if err != nil {
		t.Fatal(err)
	}
	headed, err := reporttext.ParseReport([]byte("某县评估\n一、成效\n道路建成。\n"))
	if err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string][2]string{
		Chinese: {"未找到编号标题，已作为一节导入。", "未找到编号标题，导入时将作为一节。"},
		English: {"No numbered headings were found; the text was imported as one section.", "No numbered headings were found; the text would be imported as one section."},
	} {
		if err := Use(code); err != nil {
			t.Fatal(err)
		}
		if got := NoHeadings(prose, true); got != want[0] {
			t.Errorf("%s, imported: %q", code, got)
		}
		if got := NoHeadings(prose, false); got != want[1] {
			t.Errorf("%s, dry run: %q", code, got)
		}
		if got := NoHeadings(headed, true); got != "" {
			t.Errorf("%s, a report with headings: %q", code, got)
		}
		if got := Heading(""); got != "前言" {
			t.Errorf("%s: an empty heading shows as %q", code, got)
		}
	}
}
