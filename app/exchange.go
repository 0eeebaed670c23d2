package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
	"plandesk/sheet"
	"plandesk/views"
)

// sheetExtensions are the indicator file types, xlsx first.
var sheetExtensions = []string{".xlsx", ".csv", ".json"}

// exportIndicators asks where to save the report's indicators and writes
// them there; the extension chosen picks .xlsx, .csv or .json.
func (d *desk) exportIndicators() {
	if d.store == nil {
		return
	}
	name := fmt.Sprintf("%s-%s.xlsx", lang.L("Indicators"), strings.TrimSpace(d.report.Region+d.report.PlanPeriod))
	d.askSavePath(lang.L("Cannot export the indicators"), name, sheetExtensions, func(path string) {
		format, ok := sheet.SheetFormatOf(path)
		if !ok {
			format, path = sheet.SheetFormat("xlsx"), path+".xlsx"
		}
		d.runWithProgress(lang.L("Exporting…"), func() (string, error) {
			sh, err := d.store.ExportIndicators(d.report.ID)
			if err != nil {
				return "", err
			}
			if err := sheet.WriteIndicatorFile(path, format, sh); err != nil {
				return "", err
			}
			return lang.L("Exported {{.Count}} indicators to {{.Path}}.", map[string]any{"Count": len(sh.Rows), "Path": path}), nil
		})
	})
}

// importIndicators reads an indicator file, shows what it would change,
// and imports it in one transaction when the reviewer agrees. The import
// is one undoable change.
func (d *desk) importIndicators() {
	if d.store == nil {
		return
	}
	d.askOpenPath(lang.L("Cannot import the indicators"), sheetExtensions, "", d.previewImport)
}

func (d *desk) previewImport(path string) {
	reportID := d.report.ID
	d.jobs.do(func() func() {
		sh, err := sheet.ReadIndicatorFile(path)
		var pl sheet.ImportPlan
		if err == nil {
			pl, err = d.store.PlanIndicatorImport(sh, reportID)
		}
		return func() {
			if err != nil {
				d.showTitledError(lang.L("Cannot import the indicators"), err)
				return
			}
			title := lang.L("Import indicators from {{.File}}", map[string]any{"File": filepath.Base(path)})
			preview := views.NewImportPreview(pl)
			if pl.ErrorRows() > 0 || pl.Count(sheet.ImportUpdate)+pl.Count(sheet.ImportCreate) == 0 {
				dlg := dialog.NewCustom(title, lang.L("Close"), preview, d.win)
				dlg.Resize(fyne.NewSize(960, 560))
				dlg.Show()
				return
			}
			dlg := dialog.NewCustomConfirm(title, lang.L("Import"), lang.L("Cancel"), preview, func(ok bool) {
				if ok {
					d.applyImport(pl)
				}
			}, d.win)
			dlg.Resize(fyne.NewSize(960, 560))
			dlg.Show()
		}
	})
}

// applyImport makes a previewed import in one transaction off the UI
// thread; it can then be undone as one change.
func (d *desk) applyImport(pl sheet.ImportPlan) {
	if err := d.lockReason(); err != nil {
		d.showTitledError(lang.L("Cannot import the indicators"), err)
		return
	}
	reviewer := d.reviewerName()
	var change plan.Change
	d.jobs.run(func() (err error) {
		change, err = d.store.ApplyIndicatorImport(pl, reviewer)
		return err
	}, func(err error) {
		if err != nil {
			d.showTitledError(lang.L("Cannot import the indicators"), err)
			return
		}
		d.history.Push(change)
	})
}

// runWithProgress runs work off the UI thread behind a progress dialog and
// then reports its message or error.
func (d *desk) runWithProgress(title string, work func() (string, error)) {
	progress := dialog.NewCustomWithoutButtons(title, widget.NewProgressBarInfinite(), d.win)
	progress.Show()
	d.jobs.do(func() func() {
		msg, err := work()
		return func() {
			progress.Hide()
			if err != nil {
				d.showTitledError(title, err)
				return
			}
			dialog.ShowInformation(lang.L("PlanDesk"), msg, d.win)
		}
	})
}
