package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"plandesk/plan"
	"plandesk/targets"
	"plandesk/views"
)

// targetExtensions are the files a plan's target table is read from.
var targetExtensions = []string{".xlsx", ".csv", ".tsv", ".txt"}

// importTargetsDialog opens 导入纲要指标表: paste the plan's indicator table
// or read it from a file, check the columns and matches, and apply the
// baselines and targets as one undoable change.
func (d *desk) importTargetsDialog() {
	if d.store == nil || d.presentingNow() {
		return
	}
	imp := views.NewTargetsImport(d.store, d.report.ID)
	dlg := dialog.NewCustom(lang.L("Import the plan's indicator table"), lang.L("Close"), imp, d.win)
	imp.OnError = func(err error) { d.showTitledError(lang.L("Cannot read the target table"), err) }
	imp.OnOpenFile = func() { d.openTargetFile(imp) }
	imp.OnApply = func(app targets.Application) {
		dlg.Hide()
		d.applyTargets(app)
	}
	dlg.Resize(fyne.NewSize(1100, 720))
	dlg.Show()
	d.win.Canvas().Focus(imp.PasteForTest())
}

// openTargetFile reads a target table from a file into the import.
func (d *desk) openTargetFile(imp *views.TargetsImport) {
	d.askOpenPath(lang.L("Cannot read the target table"), targetExtensions, "", func(path string) {
		d.jobs.do(func() func() {
			cells, err := targets.ReadFile(path)
			return func() {
				if err != nil {
					d.showTitledError(lang.L("Cannot read the target table"), err)
					return
				}
				imp.ShowCells(cells)
			}
		})
	})
}

// applyTargets makes the update in one transaction off the UI thread; one
// Undo takes it back.
func (d *desk) applyTargets(app targets.Application) {
	if err := d.lockReason(); err != nil {
		d.showTitledError(lang.L("Cannot import the targets"), err)
		return
	}
	reviewer := d.reviewerName()
	var change plan.Change
	d.jobs.run(func() (err error) {
		change, err = d.store.ApplyIndicatorImport(app.Plan, reviewer)
		return err
	}, func(err error) {
		if err != nil {
			d.showTitledError(lang.L("Cannot import the targets"), err)
			return
		}
		d.history.Push(change)
		d.status.SetText(lang.L("The plan's targets are in: {{.Count}} fields changed. Undo (Ctrl+Z) takes them back.", map[string]any{"Count": app.Changes()}))
	})
}
