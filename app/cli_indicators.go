package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/lang"

	"plandesk/data"
)

// defaultCLIReviewer is the reviewer name import-indicators records when
// PLANDESK_REVIEWER is not set.
const defaultCLIReviewer = "命令行"

// cliText picks the Chinese or the English form of a command-line message,
// by the language chosen for the run. Messages the translation files hold
// go through lang.L; the others carry both forms here.
type cliText bool

// newCLIText sets up the run's language as the other subcommands do and
// returns the picker for it.
func newCLIText(stderr io.Writer) cliText {
	code := languageFrom(os.Getenv("PLANDESK_LANG"))
	if err := useLanguage(code); err != nil {
		fmt.Fprintln(stderr, err)
	}
	return cliText(code != langEnglish)
}

func (zh cliText) say(chinese, english string, args ...any) string {
	if zh {
		return fmt.Sprintf(chinese, args...)
	}
	return fmt.Sprintf(english, args...)
}

// RunExport is `plandesk export --format xlsx|csv|json [--db PATH]
// [--report ID] --out FILE`: it writes the indicators of every report in
// the database, or of the one --report names, as a sheet with one row per
// indicator (the 报告 column names its report). Without --format the
// format is the extension of --out. The file is written to a temporary file
// beside it and renamed into place, so a failed export never leaves half a
// file. It returns the process exit code: 2 for a usage error.
func RunExport(args []string, stdout, stderr io.Writer) int {
	t := newCLIText(stderr)
	fs := flag.NewFlagSet("plandesk export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "", "xlsx, csv or json (default: the extension of --out)")
	dbPath := fs.String("db", "", "database file (default: "+defaultPathForHelp()+")")
	reportID := fs.Int64("report", 0, "export only the report with this id (default: every report)")
	out := fs.String("out", "", "the file to write (required)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: plandesk export --format xlsx|csv|json [--db PATH] [--report ID] --out FILE")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	fail := func(code int, msg string) int {
		fmt.Fprintln(stderr, "plandesk export: "+msg)
		if code == 2 {
			fs.Usage()
		}
		return code
	}
	if fs.NArg() > 0 {
		return fail(2, t.say("多余的参数 %q。", "unexpected argument %q.", fs.Arg(0)))
	}
	if *out == "" {
		return fail(2, t.say("缺少 --out：请指定要写入的文件。", "--out is missing: name the file to write."))
	}
	var sheetFormat data.SheetFormat
	var ok bool
	if *format != "" {
		sheetFormat, ok = data.ParseSheetFormat(*format)
	} else {
		sheetFormat, ok = data.SheetFormatOf(*out)
	}
	if !ok {
		asked := *format
		if asked == "" {
			asked = filepath.Ext(*out)
		}
		return fail(2, t.say("未知的格式 %q：--format 只能是 xlsx、csv 或 json。", "unknown format %q: --format must be xlsx, csv or json.", asked))
	}
	if *reportID < 0 {
		return fail(2, t.say("--report 必须是报告编号。", "--report must be a report id."))
	}

	store, err := openExisting(*dbPath, t)
	if err != nil {
		return fail(1, err.Error())
	}
	defer store.Close()
	if *reportID != 0 {
		if _, err := findReport(store, *reportID, t); err != nil {
			return fail(1, err.Error())
		}
	}
	sheet, err := store.ExportIndicators(*reportID)
	if err != nil {
		return fail(1, err.Error())
	}
	if err := data.WriteIndicatorFile(*out, sheetFormat, sheet); err != nil {
		cause := err
		if inner := errors.Unwrap(err); inner != nil {
			cause = inner
		}
		return fail(1, t.say("无法写入 %s，没有留下写了一半的文件：%v", "cannot write %s; no half-written file was left: %v", *out, cause))
	}
	fmt.Fprintln(stdout, lang.L("Exported {{.Count}} indicators to {{.Path}}.", map[string]any{"Count": len(sheet.Rows), "Path": *out}))
	return 0
}

// RunImportIndicators is `plandesk import-indicators FILE [--db PATH]
// [--report ID] [--dry-run]`: it reads an indicator sheet (.xlsx, .csv or
// .json, as export writes them), prints what importing it would do row by
// row, and unless --dry-run is given or a row has an error, makes all of it
// in one transaction under the reviewer name PLANDESK_REVIEWER (default
// 命令行). --report may be left out when the database holds one report. It
// returns the process exit code: 1 when a row has an error (nothing is
// changed then), 2 for a usage error.
func RunImportIndicators(args []string, stdout, stderr io.Writer) int {
	t := newCLIText(stderr)
	fs := flag.NewFlagSet("plandesk import-indicators", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "database file (default: "+defaultPathForHelp()+")")
	reportID := fs.Int64("report", 0, "the report to import into (default: the only one)")
	dryRun := fs.Bool("dry-run", false, "print what would change; change nothing")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: plandesk import-indicators FILE [--db PATH] [--report ID] [--dry-run]")
		fs.PrintDefaults()
	}
	// Accept flags before or after FILE.
	var file string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return 2
		}
		args = fs.Args()
		if len(args) > 0 {
			if file != "" {
				fs.Usage()
				return 2
			}
			file, args = args[0], args[1:]
		}
	}
	fail := func(code int, msg string) int {
		fmt.Fprintln(stderr, "plandesk import-indicators: "+msg)
		if code == 2 {
			fs.Usage()
		}
		return code
	}
	if file == "" {
		return fail(2, t.say("缺少要导入的文件。", "the file to import is missing."))
	}
	if *reportID < 0 {
		return fail(2, t.say("--report 必须是报告编号。", "--report must be a report id."))
	}

	sheet, err := data.ReadIndicatorFile(file)
	if err != nil {
		return fail(1, describeSheetError(err, t))
	}
	store, err := openExisting(*dbPath, t)
	if err != nil {
		return fail(1, err.Error())
	}
	defer store.Close()
	report, code, err := pickReport(store, *reportID, t)
	if err != nil {
		return fail(code, err.Error())
	}
	plan, err := store.PlanIndicatorImport(sheet, report.ID)
	if err != nil {
		return fail(1, err.Error())
	}
	fmt.Fprintln(stdout, t.say("导入 %s 到《%s》（编号 %d）：", "Importing %s into “%s” (id %d):", file, report.Title, report.ID))
	printPlan(stdout, plan, t)
	fmt.Fprintln(stdout, lang.L("{{.Update}} rows update an indicator, {{.Create}} add one, {{.Same}} change nothing, {{.Errors}} have errors.",
		map[string]any{"Update": plan.Count(data.ImportUpdate), "Create": plan.Count(data.ImportCreate),
			"Same": plan.Count(data.ImportUnchanged), "Errors": plan.ErrorRows()}))
	if n := plan.ErrorRows(); n > 0 {
		return fail(1, t.say("%d 行有错误，没有做任何更改。请修改文件后重新导入。", "%d rows have errors; nothing was changed. Correct the file and import it again.", n))
	}
	if *dryRun {
		fmt.Fprintln(stdout, t.say("试运行：没有做任何更改。", "Dry run: nothing was changed."))
		return 0
	}
	reviewer := strings.TrimSpace(os.Getenv("PLANDESK_REVIEWER"))
	if reviewer == "" {
		reviewer = defaultCLIReviewer
	}
	change, err := store.ApplyIndicatorImport(plan, reviewer)
	if err != nil {
		if errors.Is(err, data.ErrPlanStale) {
			return fail(1, t.say("导入期间指标被修改，没有做任何更改。请重新导入。", "an indicator changed during the import; nothing was changed. Import again."))
		}
		return fail(1, t.say("导入失败，没有做任何更改：%v", "the import failed; nothing was changed: %v", err))
	}
	fmt.Fprintln(stdout, t.say("已导入：更新 %d 个指标，新增 %d 个，共 %d 条修订记录（修订人：%s）。",
		"Imported: %d indicators updated, %d added, %d revisions recorded (reviewer: %s).",
		plan.Count(data.ImportUpdate), plan.Count(data.ImportCreate), len(change), reviewer))
	return 0
}

// openExisting opens the database --db names (or the default one), which
// must exist: exporting or importing indicators never creates one.
func openExisting(path string, t cliText) (*data.Store, error) {
	store, err := openForCLI(path, true)
	if err == nil {
		return store, nil
	}
	var pe *os.PathError
	if errors.As(err, &pe) && errors.Is(err, os.ErrNotExist) {
		return nil, errors.New(t.say("数据库 %s 不存在。请用 --db 指定数据库文件。", "the database %s does not exist. Name the database file with --db.", pe.Path))
	}
	return nil, errors.New(explain(err))
}

// findReport returns the report with the id, or an error listing the ones
// there are.
func findReport(store *data.Store, id int64, t cliText) (data.Report, error) {
	reports, err := store.Reports()
	if err != nil {
		return data.Report{}, err
	}
	for _, r := range reports {
		if r.ID == id {
			return r, nil
		}
	}
	return data.Report{}, errors.New(t.say("数据库中没有编号为 %d 的报告。%s", "the database has no report with id %d. %s", id, listReports(reports, t)))
}

// pickReport returns the report --report names, or the only one when it
// names none; with several reports and no --report it is a usage error
// (exit code 2).
func pickReport(store *data.Store, id int64, t cliText) (data.Report, int, error) {
	if id != 0 {
		r, err := findReport(store, id, t)
		return r, 1, err
	}
	reports, err := store.Reports()
	if err != nil {
		return data.Report{}, 1, err
	}
	switch len(reports) {
	case 0:
		return data.Report{}, 1, errors.New(t.say("数据库中还没有报告。", "the database holds no report yet."))
	case 1:
		return reports[0], 0, nil
	}
	return data.Report{}, 2, errors.New(t.say("数据库中有 %d 份报告，请用 --report 指定导入到哪一份。%s",
		"the database holds %d reports: name the one to import into with --report. %s", len(reports), listReports(reports, t)))
}

func listReports(reports []data.Report, t cliText) string {
	if len(reports) == 0 {
		return t.say("数据库中还没有报告。", "The database holds no report yet.")
	}
	parts := make([]string, len(reports))
	for i, r := range reports {
		parts[i] = fmt.Sprintf("%d %s", r.ID, r.Title)
	}
	return t.say("现有报告：%s", "Reports: %s", strings.Join(parts, t.say("；", "; ")))
}

// printPlan writes one line per row: its number, the action, the
// indicator, and its changes or errors.
func printPlan(w io.Writer, plan data.ImportPlan, t cliText) {
	for _, row := range plan.Rows {
		var action, subject string
		switch {
		case len(row.Errors) > 0:
			action = t.say("出错", "error")
		case row.Action == data.ImportUpdate:
			action = t.say("更新", "update")
		case row.Action == data.ImportCreate:
			action = t.say("新增", "add")
		default:
			action = t.say("未变", "unchanged")
		}
		if row.IndicatorID != 0 {
			subject = fmt.Sprintf("#%d %s", row.IndicatorID, row.Name)
		} else {
			subject = t.say("新指标 %s", "new %s", row.Name)
		}
		var details []string
		for _, e := range row.Errors {
			details = append(details, describeRowError(e, t))
		}
		if len(row.Errors) == 0 {
			for _, ch := range row.Changes {
				details = append(details, t.say("%s：%s → %s", "%s: %s → %s", ch.Column,
					quoteCell(data.DisplayText(ch.Field, ch.Old), t), quoteCell(data.DisplayText(ch.Field, ch.New), t)))
			}
		}
		line := t.say("第 %d 行\t%s\t%s", "row %d\t%s\t%s", row.Row, action, subject)
		if len(details) > 0 {
			line += "\t" + strings.Join(details, t.say("；", "; "))
		}
		fmt.Fprintln(w, line)
	}
}

// quoteCell quotes a cell's text on one line.
func quoteCell(s string, t cliText) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "↵")
	return t.say("“%s”", "\"%s\"", s)
}

// describeRowError says what is wrong with a cell, naming its column.
func describeRowError(e *data.RowError, t cliText) string {
	return t.say("%s%s：%s", "%s %s: %s", e.Column, quoteCell(e.Text, t), rowProblem(e.Err, t))
}

func rowProblem(err error, t cliText) string {
	var ne *data.NumberError
	if errors.As(err, &ne) {
		switch ne.Problem {
		case data.NumberEmpty:
			return t.say("不能为空", "must not be empty")
		case data.NumberTwoNumbers:
			return t.say("含有两个数（范围或列举），只能填一个数", "holds two numbers (a range or a list); write one")
		case data.NumberAmbiguousScale:
			return t.say("“兆”的含义不明确（百万或万亿），请改用“万”“亿”或写出数字", "兆 is ambiguous (a million or a trillion); use 万 or 亿, or write the digits")
		case data.NumberLetters:
			return t.say("含有字母，不是数字", "holds letters; it is not a number")
		case data.NumberShareOver100:
			return t.say("比率不能超过 100%%", "a share cannot exceed 100%%")
		}
		return t.say("不是可读的数字", "is not a readable number")
	}
	var fe *data.FieldError
	if errors.As(err, &fe) {
		switch fe.Problem {
		case data.ProblemEmptyName:
			return t.say("指标名称不能为空", "the name must not be empty")
		case data.ProblemBadAttribute:
			return t.say("属性只能是“预期性”“约束性”或空", "the attribute must be 预期性, 约束性 or empty")
		case data.ProblemBadDirection:
			return t.say("方向只能是“越大越好”或“越小越好”", "the direction must be 越大越好 or 越小越好")
		case data.ProblemBadTargetKind:
			return t.say("目标类型只能是“水平值”“年均增长”“累计”“定性”或空", "the target kind must be 水平值, 年均增长, 累计, 定性 or empty")
		case data.ProblemBadYear:
			return t.say("年份应为 1949 至 2100 之间的四位数", "a year must be four digits from 1949 to 2100")
		case data.ProblemBadState:
			return t.say("确认状态只能是“待确认”或“已确认”", "the state must be 待确认 or 已确认")
		}
		return err.Error()
	}
	switch {
	case errors.Is(err, data.ErrBadIndicatorID):
		return t.say("指标ID应为整数", "the indicator id must be a whole number")
	case errors.Is(err, data.ErrUnknownIndicator):
		return t.say("该报告中没有这个指标（已删除或属于其他报告）", "the report has no such indicator (deleted, or in another report)")
	case errors.Is(err, data.ErrDuplicateIndicator):
		return t.say("与前面某行是同一个指标：%v", "the same indicator as an earlier row: %v", err)
	case errors.Is(err, data.ErrNoSection):
		return t.say("报告中没有这个章节；新指标须填写现有章节的标题（含编号）", "no section of the report has this heading; a new indicator needs an existing heading, numbering included")
	case errors.Is(err, data.ErrAmbiguousSection):
		return t.say("报告中有多个章节是这个标题，无法确定新指标属于哪一节", "several sections have this heading, so the new indicator's section is unclear")
	case errors.Is(err, data.ErrOtherSection):
		return t.say("指标不在这一节，导入不会移动指标：%v", "the indicator is in another section, and an import does not move indicators: %v", err)
	case errors.Is(err, data.ErrConflictingChanges):
		return t.say("这些修改无法逐项完成，请分两次导入：%v", "these changes cannot be made one at a time; import them in two steps: %v", err)
	}
	return err.Error()
}

// describeSheetError says why an indicator file could not be read.
func describeSheetError(err error, t cliText) string {
	var se *data.SheetError
	path := ""
	cause := err
	if errors.As(err, &se) {
		path, cause = se.Path, se.Err
	}
	switch {
	case errors.Is(err, data.ErrSheetType):
		return t.say("只能导入 .xlsx、.csv 或 .json 文件：%s", "only .xlsx, .csv and .json files can be imported: %s", path)
	case errors.Is(err, data.ErrSheetUnreadable):
		return t.say("无法读取文件 %s：%v", "cannot read %s: %v", path, cause)
	case errors.Is(err, data.ErrSheetDamaged):
		return t.say("文件 %s 已损坏或不完整（可能只写了一半），无法读取：%v", "%s is damaged or incomplete (perhaps half-written) and cannot be read: %v", path, cause)
	case errors.Is(err, data.ErrSheetColumns):
		return t.say("文件 %s 的表头不合要求（需要“指标名称”列，以及“章节”或“指标ID”列）：%v",
			"the header of %s does not fit (it needs a 指标名称 column, and 章节 or 指标ID): %v", path, cause)
	}
	return err.Error()
}
