package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/plan"
	"plandesk/store"
)

var updateGolden = flag.Bool("update-golden", false, "rewrite cli/testdata/*.golden from the output")

func runImportTargets(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = RunImportTargets(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// illustrativeTargets is the illustrative target table (invented numbers,
// marked as such in its first row) in one of its formats, by a path
// relative to this package, so outputs name it the same everywhere.
func illustrativeTargets(ext string) string {
	return filepath.Join("..", "targets", "testdata", "illustrative-targets-NOT-REAL"+ext)
}

// indicatorsOf reads the indicators of the database's first report.
func indicatorsOf(t *testing.T, db string) []plan.Indicator {
	t.Helper()
	s, err := store.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.Indicators(1)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

// TestImportTargetsDryRunPrintsTheMatches: the columns read, one line per
// plan row with its indicator, confidence, reason and changes, the lists
// of what is left, as the golden file holds them; nothing is changed.
func TestImportTargetsDryRunPrintsTheMatches(t *testing.T) {
	isolate(t)
	db := seededDB(t)
	before := indicatorsOf(t, db)
	code, out, errOut := runImportTargets(illustrativeTargets(".xlsx"), "--db", db, "--dry-run")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden := filepath.Join("testdata", "import-targets-dry-run.golden")
	if *updateGolden {
		if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("dry-run output differs from %s:\n%s", golden, out)
	}
	for _, line := range []string{
		"识别的列：类别 → 类别；序号 → 序号；指标 → 指标；单位 → 单位；基期 / 2020年 → 基期值（2020年）；规划目标 / 2025年 → 目标值（2025年）；年均/累计 → 年均/累计；属性 → 属性",
		"第 6 行\t数字经济类企业数量\t→ #1 数字经济类企业\t1.00\t",
		"第 5 行\t地区生产总值增长\t未匹配",
		"未匹配到报告指标的规划指标（4 项）：",
		"未被任何规划指标匹配的报告指标（3 项）：",
		"试运行：没有做任何更改。",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("the output lacks %q", line)
		}
	}
	after := indicatorsOf(t, db)
	for i := range before {
		if before[i].Target != after[i].Target || before[i].State != after[i].State {
			t.Errorf("the dry run changed %s", before[i].Name)
		}
	}
}

// TestImportTargetsApplies: the pasted text's targets go into the
// indicators, a revision for each field changed and each proposal
// confirmed; a second run finds nothing to change.
func TestImportTargetsApplies(t *testing.T) {
	isolate(t)
	db := seededDB(t)
	code, out, errOut := runImportTargets("--db", db, illustrativeTargets(".tsv"))
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	// Each of the 21 indicators changed is a proposal the change confirms.
	var fields, revisions int
	last := out[strings.LastIndex(out[:len(out)-1], "\n")+1:]
	if _, err := fmt.Sscanf(last, "已更改 %d 个字段，涉及 21 项指标（记录修改 %d 条，审阅人：命令行）。", &fields, &revisions); err != nil ||
		fields < 100 || revisions != fields+21 {
		t.Errorf("stdout ends %q (%v)", last, err)
	}
	for _, ind := range indicatorsOf(t, db) {
		switch ind.Name {
		case "数字经济类企业":
			if ind.Target != "300" || ind.Baseline != "150" || ind.TargetKind != plan.TargetLevel || ind.State != plan.StateConfirmed {
				t.Errorf("数字经济类企业 = %+v", ind)
			}
		case "规划路网建成率":
			if ind.Target != "≥80" || ind.TargetKind != plan.TargetFloor || ind.Attribute != plan.AttributeObligatory {
				t.Errorf("规划路网建成率 = %+v", ind)
			}
		case "协同驻点招商团队":
			if ind.Target != "" || ind.State != plan.StateProposed {
				t.Errorf("an unmatched indicator changed: %+v", ind)
			}
		}
	}
	code, out, _ = runImportTargets("--db", db, illustrativeTargets(".csv"))
	if code != 0 || !strings.Contains(out, "无需更改：匹配到的指标已是这些值。") {
		t.Errorf("second run: exit %d\n%s", code, out)
	}
}

// TestImportTargetsListsIndicatorsWithoutMidtermValue: a matched indicator
// whose mid-term value was emptied is listed apart.
func TestImportTargetsListsIndicatorsWithoutMidtermValue(t *testing.T) {
	isolate(t)
	db := seededDB(t)
	if code, _, errOut := runSet("1", "midterm", "", "--db", db); code != 0 {
		t.Fatalf("set: exit %d %s", code, errOut)
	}
	code, out, errOut := runImportTargets(illustrativeTargets(".csv"), "--db", db, "--dry-run")
	if code != 0 || !strings.Contains(out, "匹配到的报告指标缺中期值的规划指标（1 项）：\n第 5 行\t数字经济类企业数量\t→ #1 数字经济类企业\n") {
		t.Errorf("exit %d %s\n%s", code, errOut, out)
	}
}

// TestImportTargetsInEnglish: PLANDESK_LANG=en words it all in English.
func TestImportTargetsInEnglish(t *testing.T) {
	isolate(t)
	db := seededDB(t)
	t.Setenv("PLANDESK_LANG", "en")
	code, out, _ := runImportTargets(illustrativeTargets(".csv"), "--db", db, "--dry-run")
	for _, line := range []string{
		"Columns: 类别 → Category; 序号 → No.; 指标 → Indicator; 单位 → Unit; 2020年 → Baseline (2020); 2025年 → Target (2025)",
		"row 19\t累计发放各类就业创业补贴人数\t→ #12 累计发放各类就业创业补贴\t0.97\tsame name once width, punctuation, place words and wording are set aside; 人 and 万人: one unit at another scale",
		"Dry run: nothing was changed.",
	} {
		if code != 0 || !strings.Contains(out, line) {
			t.Errorf("exit %d, the output lacks %q:\n%s", code, line, out)
		}
	}
}

// TestImportTargetsRefusesBadUsageAndFiles: each problem said in a
// sentence, with the exit code of its kind, and nothing changed.
func TestImportTargetsRefusesBadUsageAndFiles(t *testing.T) {
	isolate(t)
	db := seededDB(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	noHeader := write("no-header.tsv", "地区生产总值\t6\n")
	cases := []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--db", db}, 2, "缺少要导入的文件"},
		{[]string{illustrativeTargets(".csv"), "extra", "--db", db}, 2, "usage: plandesk import-targets"},
		{[]string{illustrativeTargets(".csv"), "--report", "-1", "--db", db}, 2, "--report"},
		{[]string{write("t.json", "[]"), "--db", db}, 1, "规划指标表只能从 .xlsx、.csv、.tsv 或 .txt 文件"},
		{[]string{filepath.Join(dir, "missing.tsv"), "--db", db}, 1, "missing.tsv"},
		{[]string{noHeader, "--db", db}, 1, "没有找到表头"},
		{[]string{write("bad.xlsx", "PK\x03\x04"), "--db", db}, 1, "已损坏或不完整"},
		{[]string{illustrativeTargets(".csv"), "--report", "7", "--db", db}, 1, "没有编号为 7 的报告"},
		{[]string{illustrativeTargets(".csv"), "--db", filepath.Join(dir, "none.db")}, 1, "不存在"},
	}
	for _, c := range cases {
		code, _, errOut := runImportTargets(c.args...)
		if code != c.code || !strings.Contains(errOut, c.msg) {
			t.Errorf("%v: exit %d %q, want %d %q", c.args, code, errOut, c.code, c.msg)
		}
	}
	addCounty(t, db)
	if code, _, errOut := runImportTargets(illustrativeTargets(".csv"), "--db", db); code != 2 || !strings.Contains(errOut, "--report") {
		t.Errorf("two reports: exit %d %q", code, errOut)
	}
}

// TestImportTargetsDryRunReadsADatabaseTheWindowHolds: a dry run only
// reads, so it works while the window has the file (applying waits for it,
// as every command that writes does: TestImportIntoLockedDatabaseSaysSo).
func TestImportTargetsDryRunReadsADatabaseTheWindowHolds(t *testing.T) {
	isolate(t)
	db := seededDB(t)
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if code, out, errOut := runImportTargets(illustrativeTargets(".csv"), "--db", db, "--dry-run"); code != 0 || !strings.Contains(out, "试运行") {
		t.Errorf("dry run on a held file: exit %d %s", code, errOut)
	}
}
