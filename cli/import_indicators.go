package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2/lang"

	"plandesk/messages"
	"plandesk/sheet"
)

// RunImportIndicators is `plandesk import-indicators FILE [--db PATH]
// [--report ID] [--dry-run]`: it reads an indicator sheet (.xlsx, .csv or
// .json, as export writes them), prints what importing it would do row by
// row, and unless --dry-run is given or a row has an error, makes all of it
// in one transaction under the reviewer name PLANDESK_REVIEWER (default
// 命令行). --report may be left out when the database holds one report. It
// returns the process exit code: 1 when a row has an error (nothing is
// changed then), 2 for a usage error.
func RunImportIndicators(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk import-indicators", "plandesk import-indicators FILE [--db PATH] [--report ID] [--dry-run]", stderr)
	reportID := r.flags.Int64("report", 0, "the report to import into (default: the only one)")
	dryRun := r.flags.Bool("dry-run", false, "print what would change; change nothing")
	file, ok := r.parseWithFile(args)
	if !ok {
		return 2
	}
	if file == "" {
		return r.fail(2, tr("the file to import is missing."))
	}
	if *reportID < 0 {
		return r.fail(2, tr("--report must be a report id."))
	}

	sh, err := sheet.ReadIndicatorFile(file)
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	st, err := r.openExisting()
	if err != nil {
		return r.fail(1, err.Error())
	}
	defer st.Close()
	report, code, err := pickReport(st, *reportID)
	if err != nil {
		return r.fail(code, err.Error())
	}
	pl, err := st.PlanIndicatorImport(sh, report.ID)
	if err != nil {
		return r.fail(1, err.Error())
	}
	fmt.Fprintln(stdout, tr("Importing %s into “%s” (id %d):", file, report.Title, report.ID))
	printPlan(stdout, pl)
	if n := pl.ErrorRows(); n > 0 {
		return r.fail(1, tr("%d rows have errors; nothing was changed. Correct the file and import it again.", n))
	}
	if *dryRun {
		fmt.Fprintln(stdout, tr("Dry run: nothing was changed."))
		return 0
	}
	name := reviewer()
	change, err := st.ApplyIndicatorImport(pl, name)
	if err != nil {
		if errors.Is(err, sheet.ErrPlanStale) {
			return r.fail(1, messages.Explain(err))
		}
		return r.fail(1, tr("the import failed; nothing was changed: %v", err))
	}
	fmt.Fprintln(stdout, tr("Imported: %d indicators updated, %d added, %d revisions recorded (reviewer: %s).",
		pl.Count(sheet.ImportUpdate), pl.Count(sheet.ImportCreate), len(change), name))
	return 0
}

// printPlan writes one line per row (its number, the action, the
// indicator, and its changes or errors), then the counts.
func printPlan(w io.Writer, pl sheet.ImportPlan) {
	for _, row := range pl.Rows {
		line := tr("row %d\t%s\t%s", row.Row, rowAction(row), rowSubject(row))
		if details := rowDetails(row); len(details) > 0 {
			line += "\t" + strings.Join(details, tr("; "))
		}
		fmt.Fprintln(w, line)
	}
	fmt.Fprintln(w, lang.L("{{.Update}} rows update an indicator, {{.Create}} add one, {{.Same}} change nothing, {{.Errors}} have errors.",
		map[string]any{"Update": pl.Count(sheet.ImportUpdate), "Create": pl.Count(sheet.ImportCreate),
			"Same": pl.Count(sheet.ImportUnchanged), "Errors": pl.ErrorRows()}))
	if n := pl.SkippedCells(); n > 0 {
		fmt.Fprintln(w, messages.SkippedSummary(n))
	}
}

// rowAction names what a row does.
func rowAction(row sheet.PlanRow) string {
	switch {
	case len(row.Errors) > 0:
		return tr("error")
	case row.Action == sheet.ImportUpdate:
		return tr("update")
	case row.Action == sheet.ImportCreate:
		return tr("add")
	}
	return tr("unchanged")
}

// rowSubject names the indicator a row is about.
func rowSubject(row sheet.PlanRow) string {
	if row.IndicatorID != 0 {
		return fmt.Sprintf("#%d %s", row.IndicatorID, row.Name)
	}
	return tr("new %s", row.Name)
}

// rowDetails lists a row's errors, or else its changes and the cells it
// leaves out.
func rowDetails(row sheet.PlanRow) []string {
	var details []string
	for _, e := range row.Errors {
		details = append(details, messages.ExplainRow(e))
	}
	if len(row.Errors) > 0 {
		return details
	}
	for _, ch := range row.Changes {
		details = append(details, tr("%s: %s → %s", ch.Column,
			quoteCell(sheet.DisplayText(ch.Field, ch.Old)), quoteCell(sheet.DisplayText(ch.Field, ch.New))))
	}
	if len(row.Skipped) > 0 {
		details = append(details, messages.SkippedCells(row.Skipped))
	}
	return details
}

// quoteCell quotes a cell's text on one line.
func quoteCell(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "↵")
	return tr("\"%s\"", s)
}
