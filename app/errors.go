package app

import (
	"errors"

	"fyne.io/fyne/v2/lang"

	"plandesk/plan"
	"plandesk/reporttext"
	"plandesk/sheet"
	"plandesk/store"
	"plandesk/views"
)

// explain turns an error from the store or the importer into a sentence for
// the user, in the UI language, that says what happened and what to do.
func explain(err error) string {
	var oe *store.OpenError
	path := ""
	if errors.As(err, &oe) {
		path = oe.Path
	}
	fields := map[string]any{"Path": path, "Err": err.Error()}
	switch {
	case errors.Is(err, store.ErrNotDatabase):
		return lang.L("The file {{.Path}} is not a PlanDesk database. It was left untouched. Choose another file with --db, or move this one away.", fields)
	case errors.Is(err, store.ErrCorrupt):
		return lang.L("The database {{.Path}} is damaged. It was left untouched. Restore it from a backup, or start with another file with --db.", fields)
	case errors.Is(err, store.ErrLocked):
		return lang.L("The database {{.Path}} is open in another PlanDesk window or program. Close that one first, then start PlanDesk again.", fields)
	case errors.Is(err, store.ErrReadOnly):
		return lang.L("The database {{.Path}} or its folder cannot be written. Copy it to a folder you can write to (such as Documents) and open that copy with --db.", fields)
	case errors.Is(err, store.ErrNewerSchema):
		return lang.L("The database {{.Path}} was written by a newer PlanDesk. Please upgrade PlanDesk to open it (请升级).", fields)
	case errors.Is(err, reporttext.ErrEmptyInput):
		return lang.L("The file is empty.")
	case errors.Is(err, reporttext.ErrNotText):
		return lang.L("The file is not a text file.")
	case errors.Is(err, reporttext.ErrNotUTF8):
		return lang.L("The file is not UTF-8 text. Save it as UTF-8 and import it again.")
	case errors.Is(err, reporttext.ErrNoHeadings):
		return lang.L("No numbered headings (一、 1. （一）) were found, so the file does not look like a plan report.")
	case oe != nil:
		return lang.L("The database {{.Path}} could not be opened: {{.Err}}", fields)
	case errors.Is(err, sheet.ErrSheetType), errors.Is(err, sheet.ErrSheetUnreadable),
		errors.Is(err, sheet.ErrSheetDamaged), errors.Is(err, sheet.ErrSheetColumns):
		return describeSheetError(err)
	case errors.Is(err, errPresenting):
		return lang.L("Nothing can be changed while presenting. Leave the presentation with Esc first.")
	case errors.Is(err, errStoreReadOnly):
		return lang.L("This database is open read-only, so nothing can be changed. To edit, copy the file to a folder you can write to (such as Documents) and open that copy.")
	case errors.Is(err, sheet.ErrPlanStale):
		return tr("an indicator changed during the import; nothing was changed. Import again.")
	}
	var fe *plan.FieldError
	if errors.As(err, &fe) {
		return views.ExplainEditError(err)
	}
	return err.Error()
}
