package app

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"plandesk/reviewdoc"
)

// The review report's shortcuts: Ctrl+Shift+E exports it, Ctrl+P writes
// it as a PDF and opens it in the system's viewer to print.
var (
	reviewExportShortcut = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	printShortcut        = &desktop.CustomShortcut{KeyName: fyne.KeyP, Modifier: fyne.KeyModifierShortcutDefault}
)

// reviewReportItems are 文件 → 导出审阅报告… and 打印审阅报告….
func (d *desk) reviewReportItems() []*fyne.MenuItem {
	export := fyne.NewMenuItem(lang.L("Export review report…"), d.exportReviewReport)
	export.Shortcut = reviewExportShortcut
	print := fyne.NewMenuItem(lang.L("Print review report…"), d.printReviewReport)
	print.Shortcut = printShortcut
	return []*fyne.MenuItem{export, print}
}

// addReviewReportShortcuts lets the shortcuts work wherever the focus is
// outside a field.
func (d *desk) addReviewReportShortcuts() {
	d.win.Canvas().AddShortcut(reviewExportShortcut, func(fyne.Shortcut) { d.exportReviewReport() })
	d.win.Canvas().AddShortcut(printShortcut, func(fyne.Shortcut) { d.printReviewReport() })
}

// exportReviewReport asks where to save the review report of the report on
// screen; the extension chosen picks .docx (the default) or .pdf.
func (d *desk) exportReviewReport() {
	if d.store == nil || len(d.reports) == 0 || d.presentingNow() {
		return
	}
	name := lang.L("Review report") + "-" + d.report.Title + ".docx"
	d.askSavePath(lang.L("Cannot export the review report"), name, []string{".docx", ".pdf"}, func(path string) {
		f, ok := reviewdoc.FormatOf("", path)
		if !ok {
			f, path = reviewdoc.DOCX, path+".docx"
		}
		d.writeReviewReport(path, f, func() {
			dialog.ShowInformation(lang.L("PlanDesk"), lang.L("The review report was written to {{.Path}}.", map[string]any{"Path": path}), d.win)
		})
	})
}

// printReviewReport (Ctrl+P) writes the review report as a PDF into
// PlanDesk's cache folder and opens it in the system's PDF viewer, which
// prints it.
func (d *desk) printReviewReport() {
	if d.store == nil || len(d.reports) == 0 || d.presentingNow() {
		return
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	dir = filepath.Join(dir, "PlanDesk", "print")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		d.showTitledError(lang.L("Cannot print the review report"), err)
		return
	}
	path := filepath.Join(dir, fmt.Sprintf("%s-%d.pdf", lang.L("Review report"), d.report.ID))
	d.writeReviewReport(path, reviewdoc.PDF, func() {
		u, err := url.Parse(storage.NewFileURI(path).String())
		if err == nil {
			err = d.app.OpenURL(u)
		}
		if err != nil {
			d.showTitledError(lang.L("Cannot open the PDF viewer"), fmt.Errorf("%w; the PDF is at %s", err, path))
			return
		}
		d.status.SetText(lang.L("The review report is open in the PDF viewer: {{.Path}}", map[string]any{"Path": path}))
	})
}

// writeReviewReport writes the review report of the report on screen off
// the UI thread, behind a progress dialog, then runs done.
func (d *desk) writeReviewReport(path string, f reviewdoc.Format, done func()) {
	progress := dialog.NewCustomWithoutButtons(lang.L("Writing the review report…"), widget.NewProgressBarInfinite(), d.win)
	progress.Show()
	reportID, reviewer := d.report.ID, d.reviewerName()
	d.jobs.do(func() func() {
		in, err := reviewdoc.Gather(d.store, reportID, reviewer, time.Now(), "")
		if err == nil {
			err = reviewdoc.WriteFile(path, f, in)
		}
		return func() {
			progress.Hide()
			if err != nil {
				d.showTitledError(lang.L("Cannot export the review report"), err)
				return
			}
			done()
			d.notifySettled()
		}
	})
}
