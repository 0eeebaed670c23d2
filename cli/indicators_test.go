package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"plandesk/plan"
	"plandesk/sheet"
	"plandesk/store"
)

func runExport(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = RunExport(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func runImportIndicators(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = RunImportIndicators(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// seededDB is a database file holding the shipped report, imported through
// the command line, with its proposed indicators.
func seededDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "cli.db")
	if code, _, errOut := runImport(seedFile(t), "--db", db); code != 0 {
		t.Fatalf("import: exit %d %s", code, errOut)
	}
	return db
}

// addCounty adds a second, short report to the database.
func addCounty(t *testing.T, db string) {
	t.Helper()
	short := filepath.Join(t.TempDir(), "county.txt")
	if err := os.WriteFile(short, []byte("某县规划评估\n一、成效\n新增企业突破30家。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runImport(short, "--db", db); code != 0 {
		t.Fatalf("import county: exit %d %s", code, errOut)
	}
}

// readCSV reads an exported CSV file as records, without its BOM.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	content, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(content, []byte("\uFEFF")) {
		t.Errorf("%s has no UTF-8 BOM", path)
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(content, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// The projects follow the indicators under a header of their own.
	for i, r := range records {
		if i > 0 && r[0] == sheet.ColProjectID {
			return records[:i]
		}
	}
	return records
}

func writeCSV(t *testing.T, path string, records [][]string) {
	t.Helper()
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(records); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func column(t *testing.T, header []string, name string) int {
	t.Helper()
	for i, h := range header {
		if h == name {
			return i
		}
	}
	t.Fatalf("no column %s in %v", name, header)
	return -1
}

func TestExportWritesCSVOfEveryIndicator(t *testing.T) {
	isolate(t)
	db := seededDB(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "指标.csv")
	code, stdout, stderr := runExport("--format", "csv", "--db", db, "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	records := readCSV(t, out)
	if strings.Join(records[0], ",") != strings.Join(sheet.IndicatorColumns(), ",") || len(records) != 25 {
		t.Fatalf("%d records, header %v", len(records), records[0])
	}
	first := records[1]
	if first[column(t, records[0], sheet.ColName)] != "数字经济类企业" || first[column(t, records[0], sheet.ColMidtermValue)] != "210" ||
		first[column(t, records[0], sheet.ColMidterm)] != "突破210家" || first[column(t, records[0], sheet.ColState)] != "待确认" {
		t.Errorf("first row = %v", first)
	}
	if !strings.Contains(stdout, "已导出 24 项指标到 "+out) {
		t.Errorf("stdout = %q", stdout)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the export left %d files", len(entries))
	}
	// The format may come from the file name, and JSON and xlsx work too.
	for _, name := range []string{"x.json", "x.xlsx", "X.XLSX"} {
		if code, _, stderr := runExport("--db", db, "--out", filepath.Join(dir, name)); code != 0 {
			t.Errorf("%s: exit %d %s", name, code, stderr)
		}
	}
	if sh, err := sheet.ReadIndicatorFile(filepath.Join(dir, "x.xlsx")); err != nil || len(sh.Rows) != 24 {
		t.Errorf("xlsx export: %d rows, %v", len(sh.Rows), err)
	}
}

func TestExportRefusesBadUsageAndLeavesNoFile(t *testing.T) {
	isolate(t)
	db := seededDB(t)
	dir := t.TempDir()
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--format", "csv", "--db", db}, 2, "缺少 --out"},
		{[]string{"--format", "ods", "--db", db, "--out", filepath.Join(dir, "x.ods")}, 2, "未知的格式 \"ods\""},
		{[]string{"--db", db, "--out", filepath.Join(dir, "x.txt")}, 2, "未知的格式 \".txt\""},
		{[]string{"--format", "csv", "--db", db, "--out", filepath.Join(dir, "x.csv"), "extra"}, 2, "多余的参数"},
		{[]string{"--format", "csv", "--report", "7", "--db", db, "--out", filepath.Join(dir, "x.csv")}, 1, "没有编号为 7 的报告"},
		{[]string{"--format", "csv", "--db", filepath.Join(dir, "none.db"), "--out", filepath.Join(dir, "x.csv")}, 1, "不存在"},
		{[]string{"--format", "csv", "--db", db, "--out", filepath.Join(dir, "missing", "x.csv")}, 1, "无法写入"},
		{[]string{"--bogus"}, 2, "flag provided but not defined"},
	}
	for _, c := range cases {
		code, _, stderr := runExport(c.args...)
		if code != c.code || !strings.Contains(stderr, c.msg) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, code, stderr, c.code, c.msg)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("failed exports left %d files", len(entries))
	}
}

func TestExportEveryReportUnlessOneIsPicked(t *testing.T) {
	isolate(t)
	db := seededDB(t)
	addCounty(t, db)
	dir := t.TempDir()
	all, one := filepath.Join(dir, "all.csv"), filepath.Join(dir, "one.csv")
	if code, _, stderr := runExport("--format", "csv", "--db", db, "--out", all); code != 0 {
		t.Fatal(stderr)
	}
	if code, _, stderr := runExport("--format", "csv", "--db", db, "--report", "2", "--out", one); code != 0 {
		t.Fatal(stderr)
	}
	titles := map[string]int{}
	records := readCSV(t, all)
	for _, r := range records[1:] {
		titles[r[column(t, records[0], sheet.ColReport)]]++
	}
	if len(titles) != 2 || titles["某县规划评估"] != 1 {
		t.Errorf("reports in the export: %v", titles)
	}
	if records := readCSV(t, one); len(records) != 2 || records[1][column(t, records[0], sheet.ColReport)] != "某县规划评估" {
		t.Errorf("--report 2 exported %v", records)
	}
}

func TestImportIndicatorsDryRunThenApply(t *testing.T) {
	isolate(t)
	t.Setenv("PLANDESK_REVIEWER", "王五")
	db := seededDB(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "edited.csv")
	if code, _, stderr := runExport("--format", "csv", "--db", db, "--out", path); code != 0 {
		t.Fatal(stderr)
	}
	records := readCSV(t, path)
	h := records[0]
	records[1][column(t, h, sheet.ColMidterm)] = "突破230家"
	records[1][column(t, h, sheet.ColTarget)] = "300家"
	records[1][column(t, h, sheet.ColState)] = "已确认"
	records[2][column(t, h, sheet.ColDirection)] = "越小越好"
	writeCSV(t, path, records)
	before := filepath.Join(dir, "before.csv")
	runExport("--db", db, "--out", before)

	code, stdout, stderr := runImportIndicators(path, "--db", db, "--dry-run")
	if code != 0 {
		t.Fatalf("dry run: exit %d %s", code, stderr)
	}
	for _, want := range []string{
		"第 2 行\t更新\t#1 数字经济类企业\t目标值原文：“” → “300家”；中期值原文：“突破210家” → “突破230家”；确认状态：“待确认” → “已确认”\n",
		"第 3 行\t更新\t#2 实施智能化改造项目\t方向：“越大越好” → “越小越好”\n",
		"第 4 行\t无变化\t#3 武汉国际博览中心举办展会\n",
		"更新 2 行，新增 0 行，22 行无变化，0 行有错误。",
		"试运行：没有做任何更改。",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("dry run output lacks %q:\n%s", want, stdout)
		}
	}
	after := filepath.Join(dir, "after.csv")
	runExport("--db", db, "--out", after)
	if a, b := readCSV(t, before), readCSV(t, after); !equalRecords(a, b) {
		t.Error("the dry run changed the database")
	}

	code, stdout, stderr = runImportIndicators("--db", db, path)
	if code != 0 || !strings.Contains(stdout, "已导入：更新 2 个指标，新增 0 个，共 6 条修订记录（修订人：王五）。") {
		t.Fatalf("import: exit %d\n%s%s", code, stdout, stderr)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ind, _ := s.Indicator(1)
	history, _ := s.IndicatorRevisions(1)
	if ind.Midterm != "突破230家" || ind.Target != "300家" || ind.State != plan.StateConfirmed || len(history) != 3 || history[0].Reviewer != "王五" {
		t.Errorf("indicator 1 = %+v, %d revisions", ind, len(history))
	}
	// Row 3 still says 待确认: its edit (which confirms) is followed by a
	// revision back to the state the row gives.
	ind, _ = s.Indicator(2)
	history, _ = s.IndicatorRevisions(2)
	if ind.Direction != plan.DirectionDown || ind.State != plan.StateProposed || len(history) != 3 {
		t.Errorf("indicator 2 = %+v, %d revisions", ind, len(history))
	}
}

func equalRecords(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") {
			return false
		}
	}
	return true
}

func TestImportIndicatorsWithErrorsChangesNothing(t *testing.T) {
	isolate(t)
	t.Setenv("PLANDESK_LANG", "en")
	db := seededDB(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.csv")
	if code, _, stderr := runExport("--format", "csv", "--db", db, "--out", path); code != 0 {
		t.Fatal(stderr)
	}
	records := readCSV(t, path)
	h := records[0]
	records[1][column(t, h, sheet.ColMidterm)] = "12abc"
	records[2][column(t, h, sheet.ColMidterm)] = "5兆"
	records[3][column(t, h, sheet.ColNote)] = "fine"
	writeCSV(t, path, records)

	code, stdout, stderr := runImportIndicators(path, "--db", db)
	if code != 1 || !strings.Contains(stderr, "2 rows have errors; nothing was changed.") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"row 2\terror\t#1 数字经济类企业\tcolumn 中期值原文 (“12abc”)：Letters are not allowed in a number.\n",
		"row 3\terror\t#2 实施智能化改造项目\tcolumn 中期值原文 (“5兆”)：兆 is ambiguous",
		"row 4\tupdate\t#3 武汉国际博览中心举办展会\t备注: \"\" → \"fine\"\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if revs, _ := s.ReportRevisions(1); len(revs) != 0 {
		t.Errorf("a refused import recorded %d revisions", len(revs))
	}
	if ind, _ := s.Indicator(3); ind.Note != "" {
		t.Errorf("a refused import changed a valid row: %q", ind.Note)
	}
}

func TestImportIndicatorsNeedsReportWhenThereAreTwo(t *testing.T) {
	isolate(t)
	db := seededDB(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "seed.json")
	if code, _, stderr := runExport("--db", db, "--report", "1", "--out", path); code != 0 {
		t.Fatal(stderr)
	}
	addCounty(t, db)
	code, _, stderr := runImportIndicators(path, "--db", db, "--dry-run")
	if code != 2 || !strings.Contains(stderr, "数据库中有 2 份报告，请用 --report 指定") || !strings.Contains(stderr, "2 某县规划评估") {
		t.Fatalf("without --report: exit %d %s", code, stderr)
	}
	code, stdout, stderr := runImportIndicators(path, "--db", db, "--dry-run", "--report", "1")
	if code != 0 || !strings.Contains(stdout, "24 行无变化") {
		t.Fatalf("--report 1: exit %d\n%s%s", code, stdout, stderr)
	}
	// Into the other report, the ids are not its indicators.
	code, stdout, _ = runImportIndicators(path, "--db", db, "--dry-run", "--report", "2")
	if code != 1 || !strings.Contains(stdout, "本报告中没有此编号的指标") {
		t.Fatalf("--report 2: exit %d\n%s", code, stdout)
	}
}

func TestImportIndicatorsRejectsBrokenFiles(t *testing.T) {
	isolate(t)
	db := seededDB(t)
	dir := t.TempDir()
	full := filepath.Join(dir, "full.xlsx")
	if code, _, stderr := runExport("--db", db, "--out", full); code != 0 {
		t.Fatal(stderr)
	}
	content, _ := os.ReadFile(full)
	half := filepath.Join(dir, "half.xlsx")
	if err := os.WriteFile(half, content[:len(content)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	quote := filepath.Join(dir, "quote.csv")
	if err := os.WriteFile(quote, []byte("指标ID,指标名称,章节\n1,\"数字经济类企业\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for path, msg := range map[string]string{
		half:                             "已损坏或不完整",
		quote:                            "已损坏或不完整",
		filepath.Join(dir, "notes.txt"):  "只能导入 .xlsx、.csv 或 .json 文件",
		filepath.Join(dir, "absent.csv"): "找不到",
	} {
		code, _, stderr := runImportIndicators(path, "--db", db)
		if code != 1 || !strings.Contains(stderr, msg) {
			t.Errorf("%s: exit %d, stderr %q; want 1 and %q", filepath.Base(path), code, stderr, msg)
		}
	}
	if code, _, _ := runImportIndicators("--db", db); code != 2 {
		t.Errorf("no file: exit %d, want 2", code)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if revs, _ := s.ReportRevisions(1); len(revs) != 0 {
		t.Errorf("%d revisions after refused files", len(revs))
	}
}

// TestImportIndicatorsLeavesUncalculatedFormulasAlone: a workbook whose 备注
// cell holds a formula without a computed value (as a script writing the
// sheet leaves it) imports without emptying the note, and the output says
// which cell was left out and why.
func TestImportIndicatorsLeavesUncalculatedFormulasAlone(t *testing.T) {
	isolate(t)
	db := seededDB(t)
	if code, _, stderr := runSet("1", "note", "先写的备注", "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	path := filepath.Join(t.TempDir(), "x.xlsx")
	if code, _, stderr := runExport("--db", db, "--out", path); code != 0 {
		t.Fatal(stderr)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	note, _ := excelize.CoordinatesToCellName(len(sheet.IndicatorColumns())-1, 2)
	if v, _ := f.GetCellValue(sheet.SheetName, note); v != "先写的备注" {
		t.Fatalf("%s holds %q, not the note", note, v)
	}
	if err := f.SetCellValue(sheet.SheetName, note, nil); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellFormula(sheet.SheetName, note, `"新"&"备注"`); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	code, stdout, stderr := runImportIndicators(path, "--db", db)
	if code != 0 {
		t.Fatalf("import: exit %d %s", code, stderr)
	}
	for _, want := range []string{"第 2 行\t无变化\t#1 数字经济类企业\t保持不变（公式尚无计算结果）：备注\n", "1 个单元格中的公式尚无计算结果"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ind, _ := s.Indicator(1); ind.Note != "先写的备注" {
		t.Errorf("the note is now %q", ind.Note)
	}
}
