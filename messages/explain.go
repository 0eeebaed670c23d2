package messages

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"fyne.io/fyne/v2/lang"

	"plandesk/cnnum"
	"plandesk/plan"
	"plandesk/reporttext"
	"plandesk/reviewpack"
	"plandesk/sheet"
	"plandesk/store/storeerr"
)

// ErrPresenting is the window's answer to every change asked for while a
// presentation runs: the report is read-only on the projector.
var ErrPresenting = errors.New("the report is read-only while presenting")

// Sprintf formats a message in the UI language: format is the English
// text, the key of its translation, with fmt verbs.
func Sprintf(format string, args ...any) string {
	return fmt.Sprintf(lang.L(format), args...)
}

// Explain turns any error PlanDesk can meet into a sentence for the user,
// in the UI language, that says what happened and what to do next. The
// window and the command line both print what it returns, so the same
// error reads the same everywhere. An error it does not know keeps its
// own text.
func Explain(err error) string {
	if err == nil {
		return ""
	}
	// In order: a stale merge (ErrChangedSince too) as a merge; a .docx's
	// text past the bounds as a .docx; a target table wraps sheet's errors.
	if s, ok := explainFirst(err, explainOpen, explainPack, explainDocx, explainPDF, explainTargets, explainNewText); ok {
		return s
	}
	var re *sheet.RowError
	var dup *storeerr.DuplicateReportError
	var long *sheet.CellTooLongError
	var ne *cnnum.NumberError
	var fe *plan.FieldError
	switch {
	case errors.As(err, &re):
		return ExplainRow(re)
	case errors.As(err, &dup):
		return lang.L("The database already holds this report: “{{.Title}}” (id {{.ID}}). Open that one, or import it again to have a second copy (on the command line: --again).",
			map[string]any{"Title": dup.Title, "ID": dup.ID})
	case errors.As(err, &long):
		return lang.L("Row {{.Row}}, column {{.Column}} holds {{.Length}} characters, more than a spreadsheet cell can hold (32,767); nothing was written. Shorten it, or export as .csv or .json.",
			map[string]any{"Row": long.Row, "Column": long.Column, "Length": long.Length})
	case errors.As(err, &ne):
		return explainNumber(ne)
	case errors.As(err, &fe):
		return explainField(fe)
	case errors.Is(err, reporttext.ErrEmptyInput):
		return lang.L("The file is empty.")
	case errors.Is(err, reporttext.ErrNotText):
		return lang.L("The file is not a text file.")
	case errors.Is(err, reporttext.ErrNotUTF8):
		return lang.L("The file's characters cannot be read: it is not UTF-8, UTF-16 or GBK text. Save it as UTF-8 (in Notepad or WPS: Save as, encoding UTF-8) and import it again.")
	case errors.Is(err, reporttext.ErrTextTooLarge):
		return lang.L("The file is larger than {{.Limit}} MB, far more than the text of a plan report (usually under 1 MB), so nothing was imported. Check that this is the report; if it is, split it into parts and import each.",
			map[string]any{"Limit": reporttext.MaxTextBytes >> 20})
	case errors.Is(err, reporttext.ErrTooManySections):
		return lang.L("The text has more than {{.Limit}} numbered headings (一、 1. （一）), far more than a plan report has, so nothing was imported. Check that this is the report; if it is, split it into parts and import each.",
			map[string]any{"Limit": reporttext.MaxSections})
	case errors.Is(err, sheet.ErrSheetType), errors.Is(err, sheet.ErrSheetUnreadable),
		errors.Is(err, sheet.ErrSheetDamaged), errors.Is(err, sheet.ErrSheetColumns), errors.Is(err, sheet.ErrSheetTooLarge):
		return explainSheet(err)
	case errors.Is(err, sheet.ErrPlanStale):
		return Sprintf("an indicator changed during the import; nothing was changed. Import again.")
	case errors.Is(err, storeerr.ErrDiskFull), errors.Is(err, syscall.ENOSPC):
		return lang.L("The disk is full, so this change was not saved (nothing of it was). Make room on the disk, or use a USB stick with space, and try again.")
	case errors.Is(err, storeerr.ErrChangedSince):
		return lang.L("The indicator was changed again after this change (by another edit, an import or a deletion), so it cannot be undone or redone. Nothing was changed; change the value by hand if need be.")
	case errors.Is(err, storeerr.ErrBadAnchor):
		return lang.L("What the comment is on is no longer in the report (its text, indicator or project has changed or gone), so the comment was not saved. Select the text again and add the comment there.")
	case errors.Is(err, ErrPresenting):
		return lang.L("Nothing can be changed while presenting. Leave the presentation with Esc first.")
	case errors.Is(err, storeerr.ErrReadOnly):
		// Not an OpenError (explainOpen took those): a write refused by a
		// database the window opened read-only.
		return lang.L("This database is open read-only, so nothing can be changed. To edit, copy the file to a folder you can write to (such as Documents) and open that copy.")
	}
	if s, ok := explainFile(err); ok {
		return s
	}
	return err.Error()
}

// explainFirst is the sentence of the first of explainers that knows err.
func explainFirst(err error, explainers ...func(error) (string, bool)) (string, bool) {
	for _, explain := range explainers {
		if s, ok := explain(err); ok {
			return s, true
		}
	}
	return "", false
}

// explainFile words what the file system says about a file: missing, a
// folder, not allowed.
func explainFile(err error) (string, bool) {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return "", false
	}
	fields := map[string]any{"Path": pe.Path}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return lang.L("{{.Path}} cannot be found. Check the file's name and folder.", fields), true
	case errors.Is(err, syscall.EISDIR):
		return lang.L("{{.Path}} is a folder, not a file. Choose a file.", fields), true
	case errors.Is(err, fs.ErrPermission):
		return lang.L("PlanDesk may not open {{.Path}}. Choose a file you may read, or copy it to Documents first.", fields), true
	}
	return "", false
}

// explainOpen words an *storeerr.OpenError: why the database file was not
// opened, naming it.
func explainOpen(err error) (string, bool) {
	var oe *storeerr.OpenError
	if !errors.As(err, &oe) {
		return "", false
	}
	fields := map[string]any{"Path": oe.Path, "Err": err.Error()}
	switch {
	case errors.Is(err, storeerr.ErrNotDatabase):
		return lang.L("The file {{.Path}} is not a PlanDesk database. It was left untouched. Choose another file with --db, or move this one away.", fields), true
	case errors.Is(err, storeerr.ErrCorrupt):
		return lang.L("The database {{.Path}} is damaged. It was left untouched. Restore it from a backup, or start with another file with --db.", fields), true
	case errors.Is(err, storeerr.ErrLocked):
		return lang.L("The database {{.Path}} is open in another PlanDesk window or program. Close that one first, then start PlanDesk again.", fields), true
	case errors.Is(err, storeerr.ErrReadOnly):
		return lang.L("The database {{.Path}} or its folder cannot be written. Copy it to a folder you can write to (such as Documents) and open that copy with --db.", fields), true
	case errors.Is(err, storeerr.ErrNewerSchema):
		return lang.L("The database {{.Path}} was written by a newer PlanDesk. Please upgrade PlanDesk to open it (请升级).", fields), true
	}
	return lang.L("The database {{.Path}} could not be opened: {{.Err}}", fields), true
}

// explainPack words why a review package was refused or a merge not
// made. Each says nothing was changed, because the first fear of someone
// merging another's work is that half of it went in.
func explainPack(err error) (string, bool) {
	switch {
	case errors.Is(err, reviewpack.ErrNotPack):
		return lang.L("The file is not a PlanDesk review package (.pdpack), so nothing was changed. Choose the file a reviewer wrote with 导出审阅包… (on the command line: plandesk review-pack)."), true
	case errors.Is(err, reviewpack.ErrNewerPack):
		return lang.L("The review package was written by a newer PlanDesk, so nothing was changed. Please upgrade PlanDesk to the version the sender uses (请升级), then merge the package again."), true
	case errors.Is(err, reviewpack.ErrCorruptPack):
		return lang.L("The review package is damaged, cut short or was edited after it was written (its checksum does not match), so nothing was changed. Ask the sender for the file again."), true
	case errors.Is(err, reviewpack.ErrPackTooLarge):
		return lang.L("The file is larger than a review package can be (over {{.Limit}} MB, or far more changes or text than a review holds), so nothing was changed. Check that this is the review package; if it is, ask the sender for a package of the changes since the last one.",
			map[string]any{"Limit": reviewpack.MaxFileBytes >> 20}), true
	case errors.Is(err, storeerr.ErrUnresolved):
		return lang.L("The review package conflicts with this database and not every conflict is resolved, so nothing was merged. Choose keep mine or take theirs for each (on the command line: --conflicts mine or --conflicts theirs), then merge."), true
	case errors.Is(err, storeerr.ErrBadResolution):
		return lang.L("A conflict was resolved in a way that does not fit it (a value typed for something deleted, or an unknown choice), so nothing was merged. Choose keep mine or take theirs for it, then merge."), true
	case errors.Is(err, storeerr.ErrPackReportMissing):
		return lang.L("The review package is of a report this database does not hold, so nothing was merged. Add the report from the package first (合并审阅包… offers to; plandesk merge adds it), then merge."), true
	case errors.Is(err, storeerr.ErrMergeStale):
		return lang.L("The database changed after the merge was previewed (another window or command edited it), so nothing was merged. Preview the merge again, then merge."), true
	case errors.Is(err, storeerr.ErrBadLaptopName):
		return lang.L("A laptop's name must be 1 to 100 characters, such as 王处长的笔记本. The name was not changed."), true
	}
	return "", false
}

// explainNumber says why a text is not a number PlanDesk reads.
func explainNumber(ne *cnnum.NumberError) string {
	switch ne.Problem {
	case cnnum.NumberEmpty:
		return lang.L("A number is required here.")
	case cnnum.NumberTwoNumbers:
		return lang.L("Enter one number, not a range or two numbers.")
	case cnnum.NumberAmbiguousScale:
		return lang.L("兆 is ambiguous (a million or a trillion); write 万, 亿 or the digits.")
	case cnnum.NumberLetters:
		return lang.L("Letters are not allowed in a number.")
	case cnnum.NumberShareOver100:
		return lang.L("A share cannot be more than 100%.")
	case cnnum.NumberRangeUnits:
		return lang.L("Both ends of a range need the same unit, e.g. 6%–6.5%.")
	case cnnum.NumberRangeOrder:
		return lang.L("Write the smaller end of a range first, e.g. 6%–6.5%.")
	}
	return lang.L("This is not a number PlanDesk can read, e.g. 75.3%, 约15万个, 超20.8亿元.")
}

// explainField says why an edit of a field was refused.
func explainField(fe *plan.FieldError) string {
	if fe.Number != nil {
		return explainNumber(fe.Number)
	}
	switch fe.Problem {
	case plan.ProblemEmptyName:
		return lang.L("The indicator needs a name.")
	case plan.ProblemBadYear:
		return lang.L("Enter a year such as 2025.")
	case plan.ProblemTooLong:
		return lang.L("This is too long: at most {{.Limit}} characters here.", map[string]any{"Limit": fe.Limit})
	case plan.ProblemUnit:
		return lang.L("The unit does not match: this indicator is counted in “{{.Unit}}”. Enter the value in {{.Unit}} (another scale such as 万 is converted), or change the indicator's unit first.", map[string]any{"Unit": fe.Unit})
	case plan.ProblemEmptyComment:
		return lang.L("The comment is empty: write what you want to say first.")
	case plan.ProblemBadAttribute, plan.ProblemBadDirection, plan.ProblemBadTargetKind, plan.ProblemBadState, plan.ProblemBadManualStatus, plan.ProblemBadProgress, plan.ProblemBadCommentCode:
		return lang.L("Choose one of the listed values.")
	}
	return lang.L("The change could not be saved: {{.Err}}", map[string]any{"Err": fe.Error()})
}

// ExplainRow says which cell of an imported sheet is wrong and why.
func ExplainRow(e *sheet.RowError) string {
	where := lang.L("column {{.Column}} (“{{.Text}}”)", map[string]any{"Column": e.Column, "Text": e.Text})
	return where + "：" + rowProblem(e.Err)
}

// rowProblem is the reason part of ExplainRow.
func rowProblem(err error) string {
	var fe *plan.FieldError
	var ne *cnnum.NumberError
	switch {
	case errors.As(err, &fe):
		return explainField(fe)
	case errors.As(err, &ne):
		return explainNumber(ne)
	case errors.Is(err, sheet.ErrBadIndicatorID):
		return lang.L("the indicator id is not a whole number")
	case errors.Is(err, sheet.ErrUnknownIndicator):
		return lang.L("no indicator of this report has this id")
	case errors.Is(err, sheet.ErrOtherIndicator):
		return lang.L("this row was exported for another indicator (from another database, or one deleted since); it changes nothing here")
	case errors.Is(err, sheet.ErrDuplicateIndicator):
		return lang.L("the indicator appears in an earlier row too")
	case errors.Is(err, sheet.ErrNoSection):
		return lang.L("no section of this report has this heading")
	case errors.Is(err, sheet.ErrAmbiguousSection):
		return lang.L("several sections have this heading")
	case errors.Is(err, sheet.ErrOtherSection):
		return lang.L("the indicator is in another section; an import does not move indicators")
	case errors.Is(err, sheet.ErrUncalculated):
		return lang.L("the cell holds a formula whose value was never computed (the file was written by a program); open it in Excel or WPS, save it, and import it again")
	case errors.Is(err, sheet.ErrConflictingChanges):
		return Sprintf("these changes cannot be made one at a time; import them in two steps: %v", err)
	}
	return err.Error()
}

// SkippedCells says, for a row of an import preview, which of its cells are
// left out because their formula has no computed value.
func SkippedCells(columns []string) string {
	return lang.L("left unchanged (formula without a computed value): {{.Columns}}",
		map[string]any{"Columns": strings.Join(columns, "、")})
}

// SkippedSummary says, under an import preview's counts, that count cells
// are left out because their formula has no computed value, and how to
// import them after all.
func SkippedSummary(count int) string {
	return lang.L("{{.Count}} cells hold a formula whose value was never computed (the file was written by a program, not saved in Excel or WPS); their fields are left as they are. To import them, open the file in Excel or WPS, save it, and import it again.",
		map[string]any{"Count": count})
}

// explainSheet says why an indicator file could not be read.
func explainSheet(err error) string {
	var se *sheet.SheetError
	path := ""
	cause := err
	if errors.As(err, &se) {
		path, cause = se.Path, se.Err
	}
	switch {
	case errors.Is(err, sheet.ErrSheetType):
		return Sprintf("only .xlsx, .csv and .json files can be imported: %s", path)
	case errors.Is(err, sheet.ErrSheetUnreadable):
		if s, ok := explainFile(cause); ok {
			return s
		}
		return Sprintf("cannot read %s: %v", path, cause)
	case errors.Is(err, sheet.ErrSheetDamaged):
		return Sprintf("%s is damaged or incomplete (perhaps half-written) and cannot be read: %v", path, cause)
	case errors.Is(err, sheet.ErrSheetTooLarge):
		limit := sheet.MaxSheetRows
		var tm *sheet.TooManyRowsError
		if errors.As(err, &tm) {
			limit = tm.Limit
		}
		return lang.L("{{.Path}} has more than {{.Limit}} rows below the header, more than an import reads; nothing was imported. A report has at most a few thousand indicators: split the sheet into files of at most {{.Limit}} rows, or export and import one report at a time.",
			map[string]any{"Path": path, "Limit": limit})
	}
	return Sprintf("the header of %s does not fit (it needs a 指标名称 column, and 章节 or 指标ID): %v", path, cause)
}

// SlidesWritten says what a slide export wrote: count slides as PNG images
// in the folder path, or as the PDF path.
func SlidesWritten(pdf bool, count int, path string) string {
	if pdf {
		return lang.L("{{.Count}} slides saved as {{.Path}}.", map[string]any{"Count": count, "Path": path})
	}
	return lang.L("{{.Count}} slides saved as PNG images in {{.Path}}.", map[string]any{"Count": count, "Path": path})
}

// Replayed says, for the status line, what an undo or redo did: the first
// revision of the change, and how many more it holds.
func Replayed(undo bool, c plan.Change) string {
	what := lang.L("a change")
	if len(c) > 0 {
		switch r := c[0]; {
		case r.CommentID != 0:
			what = CommentEditText(r)
		case r.ProjectID != 0:
			what = projectReplayed(r)
		case r.Action == plan.ActionCreate:
			what = lang.L("adding an indicator")
		case r.Action == plan.ActionDelete:
			what = lang.L("deleting an indicator")
		case r.Action == plan.ActionRemoveReport:
			what = lang.L("report deleted")
		case r.Action == plan.ActionMove:
			what = MoveText(r)
		default:
			what = fmt.Sprintf("%s %s → %s", FieldLabel(r.Field), ShownField(r.Field, r.OldText), ShownField(r.Field, r.NewText))
		}
		if len(c) > 1 {
			what += lang.L(" and {{.Count}} more", map[string]any{"Count": len(c) - 1})
		}
	}
	if undo {
		return lang.L("Undone: {{.What}}", map[string]any{"What": what})
	}
	return lang.L("Redone: {{.What}}", map[string]any{"What": what})
}

// MoveText describes a move's revision: from which section to which.
func MoveText(r plan.Revision) string {
	return lang.L("moved: {{.From}} → {{.To}}", map[string]any{"From": plan.HeadingOf(r.OldText), "To": plan.HeadingOf(r.NewText)})
}

// Moved says, for the status line, where an indicator was moved.
func Moved(name string, c plan.Change) string {
	to := ""
	if len(c) > 0 {
		to = plan.HeadingOf(c[0].NewText)
	}
	return lang.L("“{{.Name}}” moved to {{.Section}}. Undo (Ctrl+Z) puts it back.", map[string]any{"Name": name, "Section": to})
}

// Shown is a field's text as the history shows it: (empty) for nothing.
func Shown(s string) string {
	if s == "" {
		return lang.L("(empty)")
	}
	return s
}

// ShownField is a field's stored text as a change lists it: an enumerated
// field's value by its label (目标类型：水平值, not level), any other as
// Shown writes it.
func ShownField(f plan.Field, s string) string {
	if l := ChoiceLabel(f, s); l != "" {
		return l
	}
	return Shown(s)
}

// ProposalsLeftOut says, after an import, that leftOut quantities of the
// text were not proposed as indicators because of the bounds on proposals,
// and what to do; it is empty when none were left out.
func ProposalsLeftOut(leftOut int) string {
	if leftOut == 0 {
		return ""
	}
	return lang.L("{{.Count}} more quantities in the text were not proposed as indicators: PlanDesk proposes at most {{.PerSection}} in a section and {{.PerReport}} in a report. The text is all there; add any indicator that is missing by hand (Edit → Add indicator, Ctrl+N).",
		map[string]any{"Count": leftOut, "PerSection": reporttext.MaxProposalsPerSection, "PerReport": reporttext.MaxProposalsPerReport})
}

// ProjectsLeftOut says, after an import, that leftOut projects the text
// reports on were not proposed because of the same bounds; empty when none.
func ProjectsLeftOut(leftOut int) string {
	if leftOut == 0 {
		return ""
	}
	return lang.L("{{.Count}} more projects in the text were not proposed: PlanDesk proposes at most {{.PerSection}} in a section and {{.PerReport}} in a report. Add any that is missing by hand (新增项目… on its section's page).",
		map[string]any{"Count": leftOut, "PerSection": reporttext.MaxProposalsPerSection, "PerReport": reporttext.MaxProposalsPerReport})
}

// Heading is a section's heading as PlanDesk shows it. A section stored
// without a heading (by a PlanDesk that kept the text before a report's
// first heading in an untitled section) is shown as that text is named
// now, 前言 (reporttext.PrefaceTitle).
func Heading(heading string) string {
	if heading != "" {
		return heading
	}
	return reporttext.PrefaceTitle
}

// NoHeadings says, after an import (or, with imported false, a dry run),
// that the text had no numbered heading and is one section; it is empty
// for a text with headings.
func NoHeadings(parsed *reporttext.ParsedReport, imported bool) string {
	switch {
	case !parsed.NoHeadings:
		return ""
	case imported:
		return lang.L("No numbered headings were found; the text was imported as one section.")
	}
	return lang.L("No numbered headings were found; the text would be imported as one section.")
}

// Imported says a report was added: its title and what it holds.
func Imported(title string, parsed *reporttext.ParsedReport) string {
	sections, paragraphs := parsed.Counts()
	return lang.L("Imported “{{.Title}}”: {{.Sections}} sections, {{.Paragraphs}} paragraphs.",
		map[string]any{"Title": title, "Sections": sections, "Paragraphs": paragraphs})
}
