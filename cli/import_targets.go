package cli

import (
	"fmt"
	"io"
	"strings"

	"plandesk/messages"
	"plandesk/plan"
	"plandesk/sheet"
	"plandesk/store"
	"plandesk/targets"
)

// RunImportTargets is `plandesk import-targets FILE [--report ID] [--db
// PATH] [--dry-run]`: it reads a plan's main-indicator table (纲要指标表)
// from an .xlsx, .csv, .tsv or .txt file (text copied from WPS or Excel),
// prints the columns it recognised, each plan row with the indicator it
// matched and how surely, the rows without a match or whose indicator has
// no mid-term value, and the indicators no row matched; then, unless
// --dry-run is given, brings the rows' baselines and targets into the
// matched indicators in one transaction under the reviewer name
// PLANDESK_REVIEWER (default 命令行), and says how many fields changed.
// It returns the process exit code: 1 when the file or the database cannot
// be read or the change fails, 2 for a usage error.
func RunImportTargets(args []string, stdout, stderr io.Writer) int {
	r := newRunner("plandesk import-targets", "plandesk import-targets FILE [--db PATH] [--report ID] [--dry-run]", stderr)
	reportID := r.flags.Int64("report", 0, "the report whose indicators get the targets (default: the only one)")
	dryRun := r.flags.Bool("dry-run", false, "print the matches and what would change; change nothing")
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
	cells, err := targets.ReadFile(file)
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	table, err := targets.Read(cells)
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	open := r.openExisting
	if *dryRun {
		open = r.openForReading // a dry run reads, so it works on a file the window holds
	}
	st, err := open()
	if err != nil {
		return r.fail(1, err.Error())
	}
	defer st.Close()
	report, code, err := pickReport(st, *reportID)
	if err != nil {
		return r.fail(code, err.Error())
	}
	matching, err := st.MatchTargets(report.ID, table.Rows)
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	app, err := st.PlanTargets(report.ID, matching.Matches)
	if err != nil {
		return r.fail(1, messages.Explain(err))
	}
	fmt.Fprintln(stdout, tr("Reading the target table %s into “%s” (id %d):", file, report.Title, report.ID))
	printTargets(stdout, table.Mapping, matching, app)
	switch {
	case *dryRun:
		fmt.Fprintln(stdout, tr("Dry run: nothing was changed."))
		return 0
	case app.Changes() == 0:
		fmt.Fprintln(stdout, tr("Nothing to change: the matched indicators hold these values already."))
		return 0
	}
	return applyTargets(r, st, app, stdout)
}

// applyTargets carries out the plan and says what it changed.
func applyTargets(r *runner, st *store.Store, app targets.Application, stdout io.Writer) int {
	name := reviewer()
	change, err := st.ApplyIndicatorImport(app.Plan, name)
	if err != nil {
		return r.fail(1, tr("the import failed; nothing was changed: %v", messages.Explain(err)))
	}
	fmt.Fprintln(stdout, tr("Changed %d fields of %d indicators (%d revisions recorded, reviewer: %s).",
		app.Changes(), changedIndicators(app.Plan), len(change), name))
	return 0
}

// printTargets writes the columns as read, one line per plan row with its
// match and the changes it brings, the lists of what is left unmatched,
// the values left out, and how much would change.
func printTargets(w io.Writer, m targets.Mapping, matching targets.Matching, app targets.Application) {
	cols := make([]string, 0, len(m.Columns))
	for i, c := range m.Columns {
		if c.Header != "" || c.Role != targets.RoleNone {
			cols = append(cols, messages.ColumnRole(i, c))
		}
	}
	fmt.Fprintln(w, tr("Columns: %s", strings.Join(cols, tr("; "))))
	changes := map[int]sheet.PlanRow{}
	for _, pr := range app.Plan.Rows {
		changes[pr.Row] = pr
	}
	for _, mt := range matching.Matches {
		if mt.IndicatorID == 0 {
			fmt.Fprintln(w, tr("row %d\t%s\tno match", mt.Row.Line, mt.Row.Name))
			continue
		}
		ind, _ := matching.Indicator(mt.IndicatorID)
		line := tr("row %d\t%s\t→ #%d %s\t%.2f\t%s", mt.Row.Line, mt.Row.Name, ind.ID, ind.Name, mt.Confidence, messages.MatchReason(mt.Reason))
		if details := targetChanges(changes[mt.Row.Line]); len(details) > 0 {
			line += "\t" + strings.Join(details, tr("; "))
		}
		fmt.Fprintln(w, line)
	}
	printTargetLists(w, matching, app)
	fmt.Fprintln(w, tr("%d fields of %d indicators would change.", app.Changes(), changedIndicators(app.Plan)))
}

// printTargetLists writes the rows without a match, the matches without a
// mid-term value, the indicators no row matched and the values left out,
// each list under its count.
func printTargetLists(w io.Writer, matching targets.Matching, app targets.Application) {
	fmt.Fprintln(w, tr("Plan rows without a matching indicator (%d):", len(matching.Unmatched)))
	for _, row := range matching.Unmatched {
		fmt.Fprintln(w, tr("row %d\t%s", row.Line, row.Name))
	}
	fmt.Fprintln(w, tr("Plan rows whose indicator has no mid-term value (%d):", len(matching.NoMidterm)))
	for _, mt := range matching.NoMidterm {
		ind, _ := matching.Indicator(mt.IndicatorID)
		fmt.Fprintln(w, tr("row %d\t%s\t→ #%d %s", mt.Row.Line, mt.Row.Name, ind.ID, ind.Name))
	}
	fmt.Fprintln(w, tr("Indicators no plan row matched (%d):", len(matching.Unused)))
	for _, ind := range matching.Unused {
		fmt.Fprintf(w, "#%d\t%s\t%s\n", ind.ID, ind.Name, ind.Unit)
	}
	if len(app.LeftOut) == 0 {
		return
	}
	fmt.Fprintln(w, tr("Values not written, their fields left as they are (%d):", len(app.LeftOut)))
	for _, l := range app.LeftOut {
		ind, _ := matching.Indicator(l.IndicatorID)
		fmt.Fprintln(w, tr("row %d\t#%d %s\t%s %s: %s", l.Line, ind.ID, ind.Name,
			messages.FieldLabel(l.Field), quoteCell(l.Text), messages.Explain(l.Err)))
	}
}

// targetChanges lists a plan row's changes, field by field.
func targetChanges(pr sheet.PlanRow) []string {
	var out []string
	for _, ch := range pr.Changes {
		out = append(out, tr("%s: %s → %s", messages.FieldLabel(ch.Field), quoteCell(shownValue(ch.Field, ch.Old)), quoteCell(shownValue(ch.Field, ch.New))))
	}
	return out
}

// shownValue is a field's stored text as the command line shows it: the
// label of a coded value, the text itself otherwise.
func shownValue(f plan.Field, text string) string {
	if l := messages.ChoiceLabel(f, text); l != "" {
		return l
	}
	return text
}

// changedIndicators counts the rows of a plan that change their indicator.
func changedIndicators(p sheet.ImportPlan) int {
	return p.Count(sheet.ImportUpdate)
}
