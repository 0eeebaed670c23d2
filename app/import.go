package app

import (
	"context"
	"errors"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/pdftext"
	"plandesk/reportfile"
	"plandesk/reviewpack"
)

// reportExtensions are the report files 导入报告… offers; a file is read
// for what it holds whatever its name.
var reportExtensions = []string{".docx", ".pdf", ".txt"}

// importDialog asks for a report file (Word, PDF or text) and imports it.
func (d *desk) importDialog() {
	if d.store == nil {
		return
	}
	d.askOpenPath(lang.L("Cannot import the report"), reportExtensions, "", func(path string) { d.importPath(path, "") })
}

// onDropped imports the first file dropped onto the window, as 导入报告…
// would; a drop of several imports the first and says so.
func (d *desk) onDropped(_ fyne.Position, uris []fyne.URI) {
	if len(uris) == 0 || d.store == nil || d.presentingNow() {
		return
	}
	if len(uris) > 1 {
		d.status.SetText(lang.L("Importing {{.Name}}; drop the other files one at a time.", map[string]any{"Name": uris[0].Name()}))
	}
	// A review package dropped onto the window is merged, not imported.
	if strings.EqualFold(filepath.Ext(uris[0].Path()), reviewpack.FileExt) {
		d.mergePack(uris[0].Path())
		return
	}
	d.importPath(uris[0].Path(), "")
}

// importPath reads a report file and stores it as a report (readReport).
func (d *desk) importPath(path, password string) {
	d.readReport(path, password, func(doc reportfile.Document) {
		d.importNotes = messages.DocumentNotes(doc.ReadNotes())
		d.importParsed(doc.Report, filepath.Base(path), false)
	})
}

// readReport reads a report file off the UI thread behind a progress
// dialog, which follows a PDF's pages and says when PDFium is being
// prepared, then hands it to then. An encrypted PDF asks for its
// password and is read again with it.
func (d *desk) readReport(path, password string, then func(reportfile.Document)) {
	label := widget.NewLabel(lang.L("Reading {{.Name}}…", map[string]any{"Name": filepath.Base(path)}))
	bar := widget.NewProgressBarInfinite()
	progress := dialog.NewCustomWithoutButtons(lang.L("Importing…"), container.NewVBox(label, bar), d.win)
	progress.Show()
	var doc reportfile.Document
	d.jobs.run(func() (err error) {
		doc, err = d.files.Read(context.Background(), path, reportfile.Options{Password: password, Progress: func(p pdftext.Progress) {
			text := messages.PDFStarting()
			if p.Stage == pdftext.StageReading {
				text = messages.PDFReadingPage(p.Page, p.Pages)
			}
			fyne.Do(func() { label.SetText(text) })
		}})
		return err
	}, func(err error) {
		progress.Hide()
		switch {
		case errors.Is(err, pdftext.ErrPassword) || errors.Is(err, pdftext.ErrWrongPassword):
			d.askPDFPassword(errors.Is(err, pdftext.ErrWrongPassword), func(password string) { d.readReport(path, password, then) })
		case err != nil:
			d.showTitledError(lang.L("Cannot import the report"), err)
		default:
			then(doc)
		}
	})
}

// askPDFPassword asks for an encrypted PDF's password and reads it again
// (retry).
func (d *desk) askPDFPassword(wrong bool, retry func(password string)) {
	entry := widget.NewPasswordEntry()
	hint := lang.L("This PDF is protected by a password. Enter it to import the report.")
	if wrong {
		hint = lang.L("The password is not right. Enter it again.")
	}
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Password"), entry)}
	form := dialog.NewForm(hint, lang.L("Import"), lang.L("Cancel"), items, func(ok bool) {
		if ok && entry.Text != "" {
			retry(entry.Text)
		}
	}, d.win)
	form.Resize(fyne.NewSize(480, 200))
	form.Show()
	d.win.Canvas().Focus(entry)
}
