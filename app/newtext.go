package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
	"plandesk/reportfile"
	"plandesk/reporttext"
	"plandesk/store"
)

// newTextDialog (文件 → 导入新版原文…) asks for a new version of the text of
// the report on screen — the drafters' revision of it — and puts it in
// place of the old text, keeping the review.
func (d *desk) newTextDialog() {
	if d.store == nil || len(d.reports) == 0 {
		return
	}
	if err := d.lockReason(); err != nil {
		d.showTitledError(lang.L("Cannot import the new text"), err)
		return
	}
	r := d.report
	d.askOpenPath(lang.L("Cannot import the new text"), reportExtensions, "", func(path string) { d.newTextFrom(r, path) })
}

// newTextFrom reads the file at path (a text, a .docx or a PDF) and puts
// it in place of report r's text.
func (d *desk) newTextFrom(r plan.Report, path string) {
	d.readReport(path, "", func(doc reportfile.Document) {
		d.replaceText(r, doc.Report, filepath.Base(path), messages.DocumentNotes(doc.ReadNotes()))
	})
}

// sameTitled is the report here whose title the parsed text has, with
// another text: most likely the text is a new version of it. ok is false
// when there is none, or when the same text is here (an import refuses it
// as a duplicate).
func (d *desk) sameTitled(parsed *reporttext.ParsedReport) (plan.Report, bool) {
	fp := store.Fingerprint(parsed)
	var found plan.Report
	for _, r := range d.reports {
		if r.Fingerprint == fp {
			return plan.Report{}, false
		}
		if found.ID == 0 && parsed.Title != "" && r.Title == parsed.Title {
			found = r
		}
	}
	return found, found.ID != 0
}

// offerNewVersion says a report with the imported text's title is here
// already, and offers to make the text its new version (keeping the
// review), or to add it as a report of its own.
func (d *desk) offerNewVersion(existing plan.Report, parsed *reporttext.ParsedReport, name string) {
	var dlg dialog.Dialog
	replace := &widget.Button{Text: lang.L("Use it as the new text of that report"), Importance: widget.HighImportance, OnTapped: func() {
		dlg.Hide()
		notes := d.importNotes
		d.importNotes = nil
		d.replaceText(existing, parsed, name, notes)
	}}
	separate := widget.NewButton(lang.L("Import as a separate report"), func() {
		dlg.Hide()
		d.importParsed(parsed, name, true)
	})
	cancel := widget.NewButton(lang.L("Cancel"), func() { dlg.Hide(); d.importNotes = nil })
	msg := lang.L("The database already holds a report titled “{{.Title}}” (id {{.ID}}), with another text: is this a new version of it? As its new text, every comment, review mark, indicator and project of that report is kept.",
		map[string]any{"Title": existing.Title, "ID": existing.ID})
	body := container.NewVBox(&widget.Label{Text: msg, Wrapping: fyne.TextWrapWord},
		container.NewHBox(layout.NewSpacer(), cancel, separate, replace))
	dlg = dialog.NewCustomWithoutButtons(lang.L("A new version of a report here?"), body, d.win)
	dlg.Resize(fyne.NewSize(640, 240))
	dlg.Show()
	d.notifySettled()
}

// replaceText puts parsed in place of report r's text off the UI thread,
// behind a progress dialog, then shows the report and what became of its
// review. Undo cannot take it back, and the changes before it might name
// rows it replaced: the undo history is emptied, and the summary says
// where the backup made first is (the way back).
func (d *desk) replaceText(r plan.Report, parsed *reporttext.ParsedReport, name string, notes []string) {
	if err := d.lockReason(); err != nil {
		d.showTitledError(lang.L("Cannot import the new text"), err)
		return
	}
	progress := dialog.NewCustomWithoutButtons(lang.L("Importing the new text…"), widget.NewProgressBarInfinite(), d.win)
	progress.Show()
	reviewer := d.reviewerName()
	var res store.TextReplaced
	var reports []plan.Report
	d.jobs.run(func() (err error) {
		res, err = d.store.ReplaceReportText(r.ID, parsed, name, reviewer)
		if err == nil {
			reports, err = d.store.Reports()
		}
		return err
	}, func(err error) {
		progress.Hide()
		if err != nil {
			d.showTitledError(lang.L("Cannot import the new text"), err)
			return
		}
		d.history.Forget()
		d.reports = reports
		// The report rebuilt on is the one replaced, at the section on
		// screen when it is that report's (the section may be gone: the
		// report's first page is shown then).
		if reportID, _ := lastPlace(d.app.Preferences(), d.dbPath); reportID != r.ID {
			setLastPlace(d.app.Preferences(), d.dbPath, r.ID, 0)
		}
		msg := messages.TextReplaced(res.Report.Title, name, res.Replacement, res.Backup)
		for _, note := range notes {
			msg += "\n\n" + note
		}
		dlg := dialog.NewCustom(lang.L("New text imported"), lang.L("OK"), &widget.Label{Text: msg, Wrapping: fyne.TextWrapWord}, d.win)
		dlg.Resize(fyne.NewSize(680, 420))
		// The window is rebuilt last, as it starts loading the report;
		// the dialog stays above the new content.
		dlg.Show()
		d.buildUI()
	})
}
