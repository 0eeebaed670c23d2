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
	"plandesk/reviewpack"
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

// TestExplainWordsEveryPackAndMergeError: each way a review package is
// refused or a merge not made reads, in both languages, as what happened
// (nothing was changed) and the next step — 请升级 for a newer PlanDesk,
// ask the sender again for an edited file, preview again when the
// database moved — never as the error's own English.
func TestExplainWordsEveryPackAndMergeError(t *testing.T) {
	t.Cleanup(func() { _ = Use(Chinese) })
	errs := map[string]error{
		"not a pack":  fmt.Errorf("x: %w", reviewpack.ErrNotPack),
		"newer":       fmt.Errorf("version 9: %w", reviewpack.ErrNewerPack),
		"corrupt":     fmt.Errorf("checksum does not match: %w", reviewpack.ErrCorruptPack),
		"too large":   fmt.Errorf("more than: %w", reviewpack.ErrPackTooLarge),
		"unresolved":  fmt.Errorf("merge: %w", storeerr.ErrUnresolved),
		"resolution":  fmt.Errorf("merge: %w", storeerr.ErrBadResolution),
		"missing":     fmt.Errorf("merge: %w", storeerr.ErrPackReportMissing),
		"stale":       fmt.Errorf("merge: %w", storeerr.ErrMergeStale),
		"laptop name": fmt.Errorf("name: %w", storeerr.ErrBadLaptopName),
	}
	want := map[string]map[string][]string{
		Chinese: {
			"not a pack":  {"不是规划评估台的审阅包", "未作任何更改", "导出审阅包"},
			"newer":       {"更新版本", "请升级规划评估台至发送人所用的版本", "未作任何更改"},
			"corrupt":     {"校验和不符", "未作任何更改", "向发送人重新索取"},
			"too large":   {"64 MB", "未作任何更改", "上次审阅包之后"},
			"unresolved":  {"冲突尚未处理", "未合并任何内容", "--conflicts mine"},
			"resolution":  {"处理方式与其不符", "未合并任何内容"},
			"missing":     {"不在本数据库中", "先从审阅包添加该报告"},
			"stale":       {"预览合并之后", "未合并任何内容", "重新预览"},
			"laptop name": {"1 至 100 个字符", "名称未更改"},
		},
		English: {
			"not a pack":  {"not a PlanDesk review package", "nothing was changed"},
			"newer":       {"newer PlanDesk", "upgrade PlanDesk to the version the sender uses", "请升级"},
			"corrupt":     {"checksum does not match", "nothing was changed", "Ask the sender for the file again"},
			"too large":   {"64 MB", "nothing was changed"},
			"unresolved":  {"not every conflict is resolved", "nothing was merged", "--conflicts theirs"},
			"resolution":  {"does not fit it", "nothing was merged"},
			"missing":     {"does not hold", "Add the report"},
			"stale":       {"changed after the merge was previewed", "Preview the merge again"},
			"laptop name": {"1 to 100 characters", "not changed"},
		},
	}
	for code, byErr := range want {
		if err := Use(code); err != nil {
			t.Fatal(err)
		}
		for name, err := range errs {
			got := Explain(err)
			for _, w := range byErr[name] {
				if !strings.Contains(got, w) {
					t.Errorf("%s, %s: %q lacks %q", code, name, got, w)
				}
			}
			if got == err.Error() || code == Chinese && strings.Contains(got, errors.Unwrap(err).Error()) {
				t.Errorf("%s, %s: the error's own English reached the user: %q", code, name, got)
			}
		}
	}
	// A stale merge is ErrChangedSince too, yet is not worded as an undo.
	if got := Explain(storeerr.ErrMergeStale); strings.Contains(got, "undone") || strings.Contains(got, "撤销") {
		t.Errorf("a stale merge worded as an undo: %q", got)
	}
}
