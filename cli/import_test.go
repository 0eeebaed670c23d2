package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/reporttext"
	"plandesk/store"
)

// seedFile writes the shipped report to a temp file, as a user's copy.
func seedFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "hanyang.txt")
	if err := os.WriteFile(path, store.SeedText(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// isolate points the default database location into a temp dir.
func isolate(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	t.Setenv("PLANDESK_LANG", "zh")
	return home
}

func runImport(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = RunImport(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestImportDryRunPrintsOutlineAndTouchesNothing(t *testing.T) {
	home := isolate(t)
	code, out, errOut := runImport(seedFile(t), "--dry-run")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	golden := filepath.Join("testdata", "import-dry-run.golden")
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("dry-run output differs from %s:\n%s", golden, out)
	}
	var files []string
	_ = filepath.Walk(home, func(p string, info os.FileInfo, _ error) error {
		if info != nil && !info.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if len(files) != 0 {
		t.Errorf("dry run wrote %v", files)
	}
}

func TestImportAddsReportsAndNeverTheSeed(t *testing.T) {
	isolate(t)
	db := filepath.Join(t.TempDir(), "cli.db")
	short := filepath.Join(t.TempDir(), "county.txt")
	if err := os.WriteFile(short, []byte("某县规划评估\n一、成效\n道路建成。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Flags may come before or after the file.
	if code, out, errOut := runImport("--db", db, short); code != 0 || !strings.Contains(out, "已导入《某县规划评估》：1 节，1 段。") {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	if code, _, errOut := runImport(seedFile(t), "--db", db); code != 0 {
		t.Fatalf("second import: exit %d %s", code, errOut)
	}
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	reports, err := s.Reports()
	if err != nil || len(reports) != 2 || reports[0].Title != "某县规划评估" || reports[1].SourceName != "hanyang.txt" {
		t.Fatalf("reports = %+v, %v", reports, err)
	}
}

func TestImportRejectsBadFilesClearly(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "cli.db")
	cases := map[string]struct {
		content []byte
		message string
	}{
		"empty.txt":  {nil, "文件是空的"},
		"binary.txt": {[]byte("\x00\x01PK binary"), "不是文本文件"},
		"latin1.txt": {[]byte("R\xe9sum\xe9 du rapport\n"), "无法识别文件的文字编码"},
		"folder.txt": {nil, "是一个文件夹"},
		"none.txt":   {nil, "找不到"},
	}
	for name, c := range cases {
		path := filepath.Join(dir, name)
		var err error
		switch name {
		case "folder.txt":
			err = os.Mkdir(path, 0o755)
		case "none.txt":
		default:
			err = os.WriteFile(path, c.content, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
		code, _, errOut := runImport(path, "--db", db)
		if code != 1 || !strings.Contains(errOut, c.message) {
			t.Errorf("%s: exit %d, stderr %q; want 1 and %q", name, code, errOut, c.message)
		}
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a rejected import created the database: %v", err)
	}
	if code, _, _ := runImport(filepath.Join(dir, "missing.txt"), "--db", db); code != 1 {
		t.Errorf("missing file: exit %d", code)
	}
	if code, _, _ := runImport(); code != 2 {
		t.Errorf("no file: exit %d, want 2 (usage)", code)
	}
}

func TestImportIntoLockedDatabaseSaysSo(t *testing.T) {
	isolate(t)
	db := filepath.Join(t.TempDir(), "cli.db")
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	code, _, errOut := runImport(seedFile(t), "--db", db)
	if code != 1 || !strings.Contains(errOut, "正被另一个规划评估台窗口或程序使用") || !strings.Contains(errOut, "正在等待") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestReportsListsWhatIsStored(t *testing.T) {
	isolate(t)
	db := filepath.Join(t.TempDir(), "cli.db")
	if code, _, errOut := runImport(seedFile(t), "--db", db); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	var out, errOut bytes.Buffer
	if code := RunReports([]string{"--db", db}, &out, &errOut); code != 0 {
		t.Fatalf("reports: exit %d %s", code, errOut.String())
	}
	want := "1\t汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告\t17 节\thanyang.txt\n"
	if out.String() != want {
		t.Errorf("reports = %q, want %q", out.String(), want)
	}
	// A database that does not exist is not created by listing it.
	missing := filepath.Join(t.TempDir(), "none.db")
	if code := RunReports([]string{"--db", missing}, &out, &errOut); code != 1 {
		t.Errorf("missing database: exit %d", code)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Error("listing created the database")
	}
}

// TestImportSaysTheReportIsThereAlready: a second import of the same text
// is refused with the report's name, and --again adds a copy.
func TestImportSaysTheReportIsThereAlready(t *testing.T) {
	isolate(t)
	db := filepath.Join(t.TempDir(), "twice.db")
	file := seedFile(t)
	if code, _, stderr := runImport(file, "--db", db); code != 0 {
		t.Fatalf("first import: %d %s", code, stderr)
	}
	code, _, stderr := runImport(file, "--db", db)
	if code != 1 || !strings.Contains(stderr, "数据库中已有这份报告") || !strings.Contains(stderr, "--again") {
		t.Errorf("second import: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runImport(file, "--db", db, "--again"); code != 0 {
		t.Errorf("--again: exit %d %s", code, stderr)
	}
	var out, errOut bytes.Buffer
	RunReports([]string{"--db", db}, &out, &errOut)
	if n := strings.Count(out.String(), "\n"); n != 2 {
		t.Errorf("%d reports after import, refusal and --again, want 2:\n%s", n, out.String())
	}
}

// TestDeleteReportFromTheCommandLine: delete-report removes the report,
// says where the backup is, and the backup holds it.
func TestDeleteReportFromTheCommandLine(t *testing.T) {
	isolate(t)
	db := filepath.Join(t.TempDir(), "del.db")
	if code, _, stderr := runImport(seedFile(t), "--db", db); code != 0 {
		t.Fatal(stderr)
	}
	var out, errOut bytes.Buffer
	if code := RunDeleteReport([]string{"1", "--db", db}, &out, &errOut); code != 0 || !strings.Contains(out.String(), "已删除报告 1") {
		t.Fatalf("delete-report: exit %d %q %q", code, out.String(), errOut.String())
	}
	out.Reset()
	RunReports([]string{"--db", db}, &out, &errOut)
	if out.Len() != 0 {
		t.Errorf("reports after deleting: %q", out.String())
	}
	backups, _ := filepath.Glob(db + ".before-delete-1-*.bak")
	if len(backups) != 1 {
		t.Fatalf("backups %v", backups)
	}
	out.Reset()
	RunReports([]string{"--db", backups[0]}, &out, &errOut)
	if !strings.Contains(out.String(), "汉阳区") {
		t.Errorf("the backup lacks the report: %q", out.String())
	}
	if code := RunDeleteReport([]string{"x", "--db", db}, &out, &errOut); code != 2 {
		t.Errorf("a bad id: exit %d", code)
	}
}

// TestImportRefusesAnOversizedTextInChinese: a text over
// reporttext.MaxTextBytes is refused from its size, with a sentence saying
// what to check and do, and no database is created.
func TestImportRefusesAnOversizedTextInChinese(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "cli.db")
	path := filepath.Join(dir, "big.txt")
	text := "某县规划评估\n一、成效\n" + strings.Repeat("道路建成120公里。\n", reporttext.MaxTextBytes/20)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runImport(path, "--db", db)
	if code != 1 || !strings.Contains(errOut, "文件超过 8 MB") || !strings.Contains(errOut, "拆成几部分分别导入") {
		t.Fatalf("exit %d, stderr %q; want 1 and the size refusal", code, errOut)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a refused import created the database: %v", err)
	}
}

// TestImportSaysHowManyProposalsItLeftOut: a section stating more
// quantities than reporttext.MaxProposalsPerSection is imported whole, and
// the command says how many it did not propose.
func TestImportSaysHowManyProposalsItLeftOut(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "county.txt")
	text := "某县规划评估\n一、成效\n" + strings.Repeat("道路建成120公里。", reporttext.MaxProposalsPerSection+7) + "\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runImport(path, "--db", filepath.Join(dir, "cli.db"))
	if code != 0 || !strings.Contains(out, "已导入《某县规划评估》：1 节，1 段。") || !strings.Contains(errOut, "另有 7 处数据未列为待确认指标") {
		t.Fatalf("exit %d\nstdout %q\nstderr %q", code, out, errOut)
	}
}

// TestDryRunNamesTheTextBeforeTheFirstHeading: the text between the title
// and the first heading is the section 前言, listed first, and a title line
// too long to be a title is cut, the rest going to 前言.
func TestDryRunNamesTheTextBeforeTheFirstHeading(t *testing.T) {
	isolate(t)
	path := filepath.Join(t.TempDir(), "preface.txt")
	text := "某县“十四五”规划中期评估报告\n2023年6月\n县人大常委会各位组成人员：\n现将评估情况报告如下。\n一、成效\n道路建成120公里。\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runImport(path, "--dry-run")
	want := "某县“十四五”规划中期评估报告\n  前言  (3 段)\n  一、成效  (1 段)\n"
	if code != 0 || out != want || errOut != "" {
		t.Fatalf("exit %d\nstdout %q\nwant   %q\nstderr %q", code, out, want, errOut)
	}

	long := filepath.Join(t.TempDir(), "long.txt")
	preamble := "某县规划评估" + strings.Repeat("说明", reporttext.MaxTitleRunes)
	if err := os.WriteFile(long, []byte(preamble+"\n一、成效\n道路建成。\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runImport(long, "--dry-run")
	title, rest, _ := strings.Cut(out, "\n")
	if code != 0 || len([]rune(title)) != reporttext.MaxTitleRunes || !strings.HasPrefix(rest, "  前言  (1 段)\n  一、成效") {
		t.Fatalf("exit %d\nstdout %q\nstderr %q", code, out, errOut)
	}
}

// TestImportTakesATextWithoutHeadingsAsOneSection: prose with no numbered
// heading is imported, not refused: its title and one section 正文, and
// the command says so, in the dry run as in the import.
func TestImportTakesATextWithoutHeadingsAsOneSection(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "prose.txt")
	text := "某县重点项目推进情况\n全县重点项目完成投资85亿元，新开工项目32个。\n下一步将继续加快项目建设。\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runImport(path, "--dry-run")
	if code != 0 || out != "某县重点项目推进情况\n  正文  (2 段)\n" || !strings.Contains(errOut, "未找到编号标题，导入时将作为一节") {
		t.Fatalf("dry run: exit %d\nstdout %q\nstderr %q", code, out, errOut)
	}
	code, out, errOut = runImport(path, "--db", filepath.Join(dir, "cli.db"))
	if code != 0 || !strings.Contains(out, "已导入《某县重点项目推进情况》：1 节，2 段。") || !strings.Contains(errOut, "未找到编号标题，已作为一节导入") {
		t.Fatalf("import: exit %d\nstdout %q\nstderr %q", code, out, errOut)
	}
}

// TestDryRunListsTheProposals: --proposals prints, after the outline, each
// quantity the import would propose, one a line with its section, the
// 前言's included; without --dry-run it is a usage error.
func TestDryRunListsTheProposals(t *testing.T) {
	isolate(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "county.txt")
	text := "某县规划评估报告\n全县常住人口达到52万人。\n一、成效\n1.创新能力显著增强。全年新增高新技术企业36家。\n二、问题\n短板明显。\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runImport(path, "--dry-run", "--proposals")
	// The names are the extractor's (reporttext/extract.go) to choose.
	line := func(section, paragraph string) string {
		found := reporttext.ExtractIndicators(paragraph)
		if len(found) != 1 {
			t.Fatalf("%d quantities in %q, want 1", len(found), paragraph)
		}
		return section + "\t" + found[0].Name + "\t" + found[0].Value + "\t" + found[0].Unit + "\t\t\n"
	}
	want := "某县规划评估报告\n  前言  (1 段)\n  一、成效  (0 段)\n    1.创新能力显著增强  (1 段)\n  二、问题  (1 段)\n" +
		"\n待确认指标（章节、名称、数值、单位、基期值、目标值）：\n" +
		line("前言", "全县常住人口达到52万人。") +
		line("1.创新能力显著增强", "全年新增高新技术企业36家。") +
		"\n待确认项目（章节、名称、进展、计划完成时间）：\n" // the text reports on no project
	if code != 0 || out != want || !strings.Contains(out, "\t52万人\t万人\t\t\n") || !strings.Contains(out, "\t36家\t家\t\t\n") {
		t.Fatalf("exit %d\nstdout %q\nwant   %q\nstderr %q", code, out, want, errOut)
	}
	db := filepath.Join(dir, "cli.db")
	if code, _, errOut := runImport(path, "--proposals", "--db", db); code != 2 || !strings.Contains(errOut, "--proposals 只能与 --dry-run 一起使用") {
		t.Errorf("--proposals without --dry-run: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(db); !os.IsNotExist(err) {
		t.Errorf("a refused import created the database: %v", err)
	}
}

// TestDryRunShowsBaselinesAndTargets: a 由…到… statement prints its
// baseline and the year of each quantity, and a section of plans its
// targets, as the import will store them (the figures are illustrative).
func TestDryRunShowsBaselinesAndTargets(t *testing.T) {
	isolate(t)
	path := filepath.Join(t.TempDir(), "district.txt")
	text := "某区规划评估报告\n一、进展\n地区生产总值由2020年的146.2亿元增加到2022年的168.5亿元。\n二、下一步工作建议\n到2025年，高新技术企业达到80家。\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runImport(path, "--dry-run", "--proposals")
	for _, line := range []string{
		"一、进展\t地区生产总值\t168.5亿元 (2022)\t亿元\t146.2亿元 (2020)\t\n",
		"二、下一步工作建议\t高新技术企业\t\t家\t\t80家 (2025)\n",
	} {
		if !strings.Contains(out, line) {
			t.Errorf("no line %q in\n%s", line, out)
		}
	}
	if code != 0 {
		t.Errorf("exit %d, %s", code, errOut)
	}
}

// TestDryRunListsTheProjects: --proposals lists the projects the import
// would propose too, with their progress and planned completion.
func TestDryRunListsTheProjects(t *testing.T) {
	isolate(t)
	path := filepath.Join(t.TempDir(), "district.txt")
	text := "某区规划评估报告\n一、进展\n滨江大道全线建成通车。\n二、下一步工作建议\n力争2025年建成全民健身中心。\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runImport(path, "--dry-run", "--proposals")
	_, projects, _ := strings.Cut(out, "待确认项目（章节、名称、进展、计划完成时间）：\n")
	if code != 0 || !strings.Contains(projects, "一、进展\t") || !strings.Contains(projects, "二、下一步工作建议\t") ||
		!strings.Contains(projects, "\t已完成\t") || !strings.Contains(projects, "2025年") {
		t.Errorf("exit %d, projects:\n%s\nstderr %s", code, projects, errOut)
	}
}

// TestImportReadsPDFs: the shipped report as a PDF (made by LibreOffice)
// gives the text's outline; an encrypted PDF is refused without its
// password, asking for it, and read with it; a scanned one is refused.
func TestImportReadsPDFs(t *testing.T) {
	isolate(t)
	fixture := func(name string) string { return filepath.Join("..", "pdftext", "testdata", name) }
	_, fromText, _ := runImport(filepath.Join("..", "..", "shared", "reports", "hanyang-midterm-eval.txt"), "--dry-run")
	code, fromPDF, errOut := runImport(fixture("report.pdf"), "--dry-run")
	if code != 0 || fromPDF != fromText {
		t.Errorf("the PDF: exit %d, %s\noutline:\n%s\nthe text's:\n%s", code, errOut, fromPDF, fromText)
	}
	if code, _, errOut := runImport(fixture("locked.pdf"), "--dry-run"); code != 1 || !strings.Contains(errOut, "密码") {
		t.Errorf("locked without a password: exit %d, %q", code, errOut)
	}
	if code, out, errOut := runImport(fixture("locked.pdf"), "--dry-run", "--password", "plandesk"); code != 0 || out == "" {
		t.Errorf("locked with its password: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runImport(fixture("scanned.pdf"), "--dry-run"); code != 1 || !strings.Contains(errOut, "扫描件") {
		t.Errorf("scanned: exit %d, %q", code, errOut)
	}
}
