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

	"plandesk/cnnum"
	"plandesk/plan"
	"plandesk/sheet"
	"plandesk/store"
)

// defaultCLIReviewer is the reviewer name import-indicators records when
// PLANDESK_REVIEWER is not set.
const defaultCLIReviewer = "命令行"

// tr formats a command-line message in the UI language. The English text
// is the key of its translation in app/translations.
func tr(format string, args ...any) string {
	return fmt.Sprintf(lang.L(format), args...)
}

// RunExport is `plandesk export --format xlsx|csv|json [--db PATH]
// [--report ID] --out FILE`: it writes the indicators of every report in
// the database, or of the one --report names, as a sheet with one row per
// indicator (the 报告 column names its report). Without --format the
// format is the extension of --out. The file is written to a temporary file
// beside it and renamed into place, so a failed export never leaves half a
// file. It returns the process exit code: 2 for a usage error.
func RunExport(args []string, stdout, stderr io.Writer) int {
	useCLILanguage(stderr)
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
		return fail(2, tr("unexpected argument %q.", fs.Arg(0)))
	}
	if *out == "" {
		return fail(2, tr("--out is missing: name the file to write."))
	}
	var sheetFormat sheet.SheetFormat
	var ok bool
	if *format != "" {
		sheetFormat, ok = sheet.ParseSheetFormat(*format)
	} else {
		sheetFormat, ok = sheet.SheetFormatOf(*out)
	}
	if !ok {
		asked := *format
		if asked == "" {
			asked = filepath.Ext(*out)
		}
		return fail(2, tr("unknown format %q: --format must be xlsx, csv or json.", asked))
	}
	if *reportID < 0 {
		return fail(2, tr("--report must be a report id."))
	}

	st, err := openExisting(*dbPath)
	if err != nil {
		return fail(1, err.Error())
	}
	defer st.Close()
	if *reportID != 0 {
		if _, err := findReport(st, *reportID); err != nil {
			return fail(1, err.Error())
		}
	}
	sh, err := st.ExportIndicators(*reportID)
	if err != nil {
		return fail(1, err.Error())
	}
	if err := sheet.WriteIndicatorFile(*out, sheetFormat, sh); err != nil {
		cause := err
		if inner := errors.Unwrap(err); inner != nil {
			cause = inner
		}
		return fail(1, tr("cannot write %s; no half-written file was left: %v", *out, cause))
	}
	fmt.Fprintln(stdout, lang.L("Exported {{.Count}} indicators to {{.Path}}.", map[string]any{"Count": len(sh.Rows), "Path": *out}))
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
	useCLILanguage(stderr)
	fs := flag.NewFlagSet("plandesk import-indicators", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "database file (default: "+defaultPathForHelp()+")")
	reportID := fs.Int64("report", 0, "the report to import into (default: the only one)")
	dryRun := fs.Bool("dry-run", false, "print what would change; change nothing")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: plandesk import-indicators FILE [--db PATH] [--report ID] [--dry-run]")
		fs.PrintDefaults()
	}
	file, ok := parseWithFile(fs, args)
	if !ok {
		return 2
	}
	fail := func(code int, msg string) int {
		fmt.Fprintln(stderr, "plandesk import-indicators: "+msg)
		if code == 2 {
			fs.Usage()
		}
		return code
	}
	if file == "" {
		return fail(2, tr("the file to import is missing."))
	}
	if *reportID < 0 {
		return fail(2, tr("--report must be a report id."))
	}

	sh, err := sheet.ReadIndicatorFile(file)
	if err != nil {
		return fail(1, describeSheetError(err))
	}
	st, err := openExisting(*dbPath)
	if err != nil {
		return fail(1, err.Error())
	}
	defer st.Close()
	report, code, err := pickReport(st, *reportID)
	if err != nil {
		return fail(code, err.Error())
	}
	pl, err := st.PlanIndicatorImport(sh, report.ID)
	if err != nil {
		return fail(1, err.Error())
	}
	fmt.Fprintln(stdout, tr("Importing %s into “%s” (id %d):", file, report.Title, report.ID))
	printPlan(stdout, pl)
	fmt.Fprintln(stdout, lang.L("{{.Update}} rows update an indicator, {{.Create}} add one, {{.Same}} change nothing, {{.Errors}} have errors.",
		map[string]any{"Update": pl.Count(sheet.ImportUpdate), "Create": pl.Count(sheet.ImportCreate),
			"Same": pl.Count(sheet.ImportUnchanged), "Errors": pl.ErrorRows()}))
	if n := pl.ErrorRows(); n > 0 {
		return fail(1, tr("%d rows have errors; nothing was changed. Correct the file and import it again.", n))
	}
	if *dryRun {
		fmt.Fprintln(stdout, tr("Dry run: nothing was changed."))
		return 0
	}
	reviewer := strings.TrimSpace(os.Getenv("PLANDESK_REVIEWER"))
	if reviewer == "" {
		reviewer = defaultCLIReviewer
	}
	change, err := st.ApplyIndicatorImport(pl, reviewer)
	if err != nil {
		if errors.Is(err, sheet.ErrPlanStale) {
			return fail(1, tr("an indicator changed during the import; nothing was changed. Import again."))
		}
		return fail(1, tr("the import failed; nothing was changed: %v", err))
	}
	fmt.Fprintln(stdout, tr("Imported: %d indicators updated, %d added, %d revisions recorded (reviewer: %s).",
		pl.Count(sheet.ImportUpdate), pl.Count(sheet.ImportCreate), len(change), reviewer))
	return 0
}

// openExisting opens the database --db names (or the default one), which
// must exist: exporting or importing indicators never creates one.
func openExisting(path string) (*store.Store, error) {
	st, err := openForCLI(path, true)
	if err == nil {
		return st, nil
	}
	var pe *os.PathError
	if errors.As(err, &pe) && errors.Is(err, os.ErrNotExist) {
		return nil, errors.New(tr("the database %s does not exist. Name the database file with --db.", pe.Path))
	}
	return nil, errors.New(explain(err))
}

// findReport returns the report with the id, or an error listing the ones
// there are.
func findReport(st *store.Store, id int64) (plan.Report, error) {
	reports, err := st.Reports()
	if err != nil {
		return plan.Report{}, err
	}
	for _, r := range reports {
		if r.ID == id {
			return r, nil
		}
	}
	return plan.Report{}, errors.New(tr("the database has no report with id %d. %s", id, listReports(reports)))
}

// pickReport returns the report --report names, or the only one when it
// names none; with several reports and no --report it is a usage error
// (exit code 2).
func pickReport(st *store.Store, id int64) (plan.Report, int, error) {
	if id != 0 {
		r, err := findReport(st, id)
		return r, 1, err
	}
	reports, err := st.Reports()
	if err != nil {
		return plan.Report{}, 1, err
	}
	switch len(reports) {
	case 0:
		return plan.Report{}, 1, errors.New(tr("the database holds no report yet."))
	case 1:
		return reports[0], 0, nil
	}
	return plan.Report{}, 2, errors.New(tr("the database holds %d reports: name the one to import into with --report. %s", len(reports), listReports(reports)))
}

func listReports(reports []plan.Report) string {
	if len(reports) == 0 {
		return tr("The database holds no report yet.")
	}
	parts := make([]string, len(reports))
	for i, r := range reports {
		parts[i] = fmt.Sprintf("%d %s", r.ID, r.Title)
	}
	return tr("Reports: %s", strings.Join(parts, tr("; ")))
}

// printPlan writes one line per row: its number, the action, the
// indicator, and its changes or errors.
func printPlan(w io.Writer, pl sheet.ImportPlan) {
	for _, row := range pl.Rows {
		var action, subject string
		switch {
		case len(row.Errors) > 0:
			action = tr("error")
		case row.Action == sheet.ImportUpdate:
			action = tr("update")
		case row.Action == sheet.ImportCreate:
			action = tr("add")
		default:
			action = tr("unchanged")
		}
		if row.IndicatorID != 0 {
			subject = fmt.Sprintf("#%d %s", row.IndicatorID, row.Name)
		} else {
			subject = tr("new %s", row.Name)
		}
		var details []string
		for _, e := range row.Errors {
			details = append(details, describeRowError(e))
		}
		if len(row.Errors) == 0 {
			for _, ch := range row.Changes {
				details = append(details, tr("%s: %s → %s", ch.Column,
					quoteCell(sheet.DisplayText(ch.Field, ch.Old)), quoteCell(sheet.DisplayText(ch.Field, ch.New))))
			}
		}
		line := tr("row %d\t%s\t%s", row.Row, action, subject)
		if len(details) > 0 {
			line += "\t" + strings.Join(details, tr("; "))
		}
		fmt.Fprintln(w, line)
	}
}

// quoteCell quotes a cell's text on one line.
func quoteCell(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "↵")
	return tr("\"%s\"", s)
}

// describeRowError says what is wrong with a cell, naming its column.
func describeRowError(e *sheet.RowError) string {
	return tr("%s %s: %s", e.Column, quoteCell(e.Text), rowProblem(e.Err))
}

func rowProblem(err error) string {
	var ne *cnnum.NumberError
	if errors.As(err, &ne) {
		switch ne.Problem {
		case cnnum.NumberEmpty:
			return tr("must not be empty")
		case cnnum.NumberTwoNumbers:
			return tr("holds two numbers (a range or a list); write one")
		case cnnum.NumberAmbiguousScale:
			return tr("兆 is ambiguous (a million or a trillion); use 万 or 亿, or write the digits")
		case cnnum.NumberLetters:
			return tr("holds letters; it is not a number")
		case cnnum.NumberShareOver100:
			return tr("a share cannot exceed 100%%")
		}
		return tr("is not a readable number")
	}
	var fe *plan.FieldError
	if errors.As(err, &fe) {
		switch fe.Problem {
		case plan.ProblemEmptyName:
			return tr("the name must not be empty")
		case plan.ProblemBadAttribute:
			return tr("the attribute must be 预期性, 约束性 or empty")
		case plan.ProblemBadDirection:
			return tr("the direction must be 越大越好 or 越小越好")
		case plan.ProblemBadTargetKind:
			return tr("the target kind must be 水平值, 年均增长, 累计, 定性 or empty")
		case plan.ProblemBadYear:
			return tr("a year must be four digits from 1949 to 2100")
		case plan.ProblemBadState:
			return tr("the state must be 待确认 or 已确认")
		}
		return err.Error()
	}
	switch {
	case errors.Is(err, sheet.ErrBadIndicatorID):
		return tr("the indicator id must be a whole number")
	case errors.Is(err, sheet.ErrUnknownIndicator):
		return tr("the report has no such indicator (deleted, or in another report)")
	case errors.Is(err, sheet.ErrDuplicateIndicator):
		return tr("the same indicator as an earlier row: %v", err)
	case errors.Is(err, sheet.ErrNoSection):
		return tr("no section of the report has this heading; a new indicator needs an existing heading, numbering included")
	case errors.Is(err, sheet.ErrAmbiguousSection):
		return tr("several sections have this heading, so the new indicator's section is unclear")
	case errors.Is(err, sheet.ErrOtherSection):
		return tr("the indicator is in another section, and an import does not move indicators: %v", err)
	case errors.Is(err, sheet.ErrConflictingChanges):
		return tr("these changes cannot be made one at a time; import them in two steps: %v", err)
	}
	return err.Error()
}

// describeSheetError says why an indicator file could not be read.
func describeSheetError(err error) string {
	var se *sheet.SheetError
	path := ""
	cause := err
	if errors.As(err, &se) {
		path, cause = se.Path, se.Err
	}
	switch {
	case errors.Is(err, sheet.ErrSheetType):
		return tr("only .xlsx, .csv and .json files can be imported: %s", path)
	case errors.Is(err, sheet.ErrSheetUnreadable):
		return tr("cannot read %s: %v", path, cause)
	case errors.Is(err, sheet.ErrSheetDamaged):
		return tr("%s is damaged or incomplete (perhaps half-written) and cannot be read: %v", path, cause)
	case errors.Is(err, sheet.ErrSheetColumns):
		return tr("the header of %s does not fit (it needs a 指标名称 column, and 章节 or 指标ID): %v", path, cause)
	}
	return err.Error()
}
