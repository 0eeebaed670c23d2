package app

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"plandesk/data"
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
		format, ok := data.SheetFormatOf(path)
		if !ok {
			format, path = data.SheetFormat("xlsx"), path+".xlsx"
		}
		d.runWithProgress(lang.L("Exporting…"), func() (string, error) {
			sheet, err := d.store.ExportIndicators(d.report.ID)
			if err != nil {
				return "", err
			}
			if err := data.WriteIndicatorFile(path, format, sheet); err != nil {
				return "", err
			}
			return lang.L("Exported {{.Count}} indicators to {{.Path}}.", map[string]any{"Count": len(sheet.Rows), "Path": path}), nil
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
	open := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			d.showTitledError(lang.L("Cannot import the indicators"), err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		_ = r.Close()
		d.previewImport(path)
	}, d.win)
	open.SetFilter(storage.NewExtensionFileFilter(sheetExtensions))
	open.Resize(fyne.NewSize(900, 600))
	open.Show()
}

func (d *desk) previewImport(path string) {
	reportID := d.report.ID
	d.busy.Add(1)
	go func() {
		defer d.busy.Done()
		sheet, err := data.ReadIndicatorFile(path)
		var plan data.ImportPlan
		if err == nil {
			plan, err = d.store.PlanIndicatorImport(sheet, reportID)
		}
		fyne.Do(func() {
			if err != nil {
				d.showTitledError(lang.L("Cannot import the indicators"), err)
				return
			}
			title := lang.L("Import indicators from {{.File}}", map[string]any{"File": filepath.Base(path)})
			preview := views.NewImportPreview(plan)
			if plan.ErrorRows() > 0 || plan.Count(data.ImportUpdate)+plan.Count(data.ImportCreate) == 0 {
				dlg := dialog.NewCustom(title, lang.L("Close"), preview, d.win)
				dlg.Resize(fyne.NewSize(960, 560))
				dlg.Show()
				return
			}
			dlg := dialog.NewCustomConfirm(title, lang.L("Import"), lang.L("Cancel"), preview, func(ok bool) {
				if ok {
					d.applyImport(plan)
				}
			}, d.win)
			dlg.Resize(fyne.NewSize(960, 560))
			dlg.Show()
		})
	}()
}

func (d *desk) applyImport(plan data.ImportPlan) {
	change, err := d.store.ApplyIndicatorImport(plan, d.reviewerName())
	if err != nil {
		d.showTitledError(lang.L("Cannot import the indicators"), err)
		return
	}
	d.history.Push(change)
}

// runWithProgress runs work off the UI thread behind a progress dialog and
// then reports its message or error.
func (d *desk) runWithProgress(title string, work func() (string, error)) {
	progress := dialog.NewCustomWithoutButtons(title, widget.NewProgressBarInfinite(), d.win)
	progress.Show()
	d.busy.Add(1)
	go func() {
		defer d.busy.Done()
		msg, err := work()
		fyne.Do(func() {
			progress.Hide()
			if err != nil {
				d.showTitledError(title, err)
				return
			}
			dialog.ShowInformation(lang.L("PlanDesk"), msg, d.win)
		})
	}()
}
