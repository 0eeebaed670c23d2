package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/atomicfile"
	"plandesk/messages"
	"plandesk/plan"
	"plandesk/reviewpack"
	"plandesk/store"
	"plandesk/views"
)

// packExtensions are the review package's file names the dialogs offer:
// PlanDesk's own, and .json, which a package is.
var packExtensions = []string{reviewpack.FileExt, ".json"}

// packItems are 文件 → 导出审阅包… and 合并审阅包….
func (d *desk) packItems() []*fyne.MenuItem {
	return []*fyne.MenuItem{
		fyne.NewMenuItem(lang.L("Export review package…"), d.exportPack),
		fyne.NewMenuItem(lang.L("Merge review package…"), d.mergePackDialog),
	}
}

// exportPack asks where to write a review package of the report on screen:
// every change of it this database holds, from this reviewer and laptop,
// for a coordinator (or another reviewer) to merge.
func (d *desk) exportPack() {
	if d.store == nil || len(d.reports) == 0 || d.presentingNow() {
		return
	}
	name := fmt.Sprintf("%s-%s-%s%s", lang.L("Review package"), d.reviewerName(), time.Now().Format("2006-01-02"), reviewpack.FileExt)
	d.askSavePath(lang.L("Cannot export the review package"), name, packExtensions, func(path string) {
		if filepath.Ext(path) == "" {
			path += reviewpack.FileExt
		}
		reportID, reviewer := d.report.ID, d.reviewerName()
		d.runWithProgress(lang.L("Exporting…"), func() (string, error) {
			p, err := d.store.ExportPack(reportID, nil, reviewer)
			if err != nil {
				return "", err
			}
			if err := atomicfile.Write(path, func(w io.Writer) error { return reviewpack.Write(w, p) }); err != nil {
				return "", err
			}
			return lang.L("The review package holds {{.Count}} changes and was written to {{.Path}}. Give it to the coordinator, who merges it with 文件 → 合并审阅包….",
				map[string]any{"Count": len(p.Changes), "Path": path}), nil
		})
	})
}

// mergePackDialog asks for a review package to merge.
func (d *desk) mergePackDialog() {
	if d.store == nil || d.presentingNow() {
		return
	}
	d.askOpenPath(lang.L("Cannot merge the review package"), packExtensions, "", d.mergePack)
}

// mergePack reads a package and plans its merge off the UI thread, then
// shows the preview; a package of a report not here is offered to add
// first.
func (d *desk) mergePack(path string) {
	var mp store.MergePlan
	d.runMergeStep(lang.L("Reading the review package…"), func() error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		p, err := reviewpack.Read(f)
		if err != nil {
			return err
		}
		mp, err = d.store.PlanMerge(p)
		return err
	}, func() {
		if mp.ReportID == 0 {
			d.offerPackReport(mp.Pack)
			return
		}
		d.showMergePreview(mp)
	})
}

// offerPackReport asks to add the report a package is of, which this
// database does not hold, then plans the merge again.
func (d *desk) offerPackReport(p reviewpack.Pack) {
	dialog.ShowConfirm(lang.L("Add the report?"),
		lang.L("The review package is of “{{.Title}}”, which this database does not hold. Add the report (its text is in the package), then merge the review?", map[string]any{"Title": p.Report.Title}),
		func(yes bool) {
			if !yes {
				return
			}
			var mp store.MergePlan
			d.runMergeStep(lang.L("Adding the report…"), func() error {
				if _, err := d.store.AddPackReport(p); err != nil {
					return err
				}
				var err error
				mp, err = d.store.PlanMerge(p)
				return err
			}, func() {
				d.reloadReports()
				d.showMergePreview(mp)
			})
		}, d.win)
}

// showMergePreview shows what the merge would do and, on 合并, applies it
// with the conflicts resolved as chosen; 合并 waits until every conflict
// has its choice.
func (d *desk) showMergePreview(mp store.MergePlan) {
	preview := views.NewMergePreview(mergeView(mp))
	var dlg dialog.Dialog
	merge := &widget.Button{Text: lang.L("Merge"), Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: func() {
		dlg.Hide()
		d.applyMerge(mp, resolutions(preview.Choices()))
	}}
	cancel := widget.NewButtonWithIcon(lang.L("Cancel"), theme.CancelIcon(), func() { dlg.Hide() })
	preview.OnResolved = func(all bool) { setEnabled(merge, all) }
	setEnabled(merge, preview.Resolved())
	body := container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), cancel, merge), nil, nil, preview)
	dlg = dialog.NewCustomWithoutButtons(lang.L("Merge review package"), body, d.win)
	size := d.win.Canvas().Size()
	dlg.Resize(fyne.NewSize(min(size.Width*0.92, 1200), min(size.Height*0.9, 820)))
	dlg.Show()
	d.notifySettled()
}

// mergeView words a merge plan for the preview.
func mergeView(mp store.MergePlan) views.MergeView {
	s := mp.Pack.Sender
	v := views.MergeView{
		Sender: messages.PackSender(s.Reviewer, s.LaptopName, mp.Pack.Created),
		Counts: messages.MergeCounts(len(mp.Apply), len(mp.Already), len(mp.Conflicts), len(mp.Orphans)),
	}
	for _, c := range mp.Apply {
		v.Changes = append(v.Changes, messages.PackChangeLine(c, mp.Names[c.Entity]))
	}
	for _, c := range mp.Conflicts {
		v.Conflicts = append(v.Conflicts, views.ConflictView{
			Key:   c.Key,
			Title: messages.ConflictTitle(c.Kind, c.Name, c.Field, c.Deleted == store.DeletedHere, c.Deleted == store.DeletedThere),
			Mine:  messages.PackValue(c.Kind, c.Field, c.Mine.Value), MineWho: messages.SideWho(c.Mine.Reviewer, c.Mine.At),
			Theirs: messages.PackValue(c.Kind, c.Field, c.Theirs.Value), TheirsWho: messages.SideWho(c.Theirs.Reviewer, c.Theirs.At),
			CanType: c.Deleted == "",
		})
	}
	return v
}

// resolutions are the preview's choices as the store takes them.
func resolutions(choices map[string]views.Choice) map[string]store.Resolution {
	out := make(map[string]store.Resolution, len(choices))
	for key, c := range choices {
		switch c.Code {
		case views.ChoiceMine:
			out[key] = store.Resolution{Choice: store.KeepMine}
		case views.ChoiceTheirs:
			out[key] = store.Resolution{Choice: store.TakeTheirs}
		case views.ChoiceValue:
			out[key] = store.Resolution{Choice: store.TypeValue, Value: c.Value}
		}
	}
	return out
}

// setEnabled enables or disables a button.
func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// applyMerge merges in one transaction and puts the whole merge on the
// undo stack as one change.
func (d *desk) applyMerge(mp store.MergePlan, resolutions map[string]store.Resolution) {
	if err := d.lockReason(); err != nil {
		d.showTitledError(lang.L("Cannot merge the review package"), err)
		return
	}
	reviewer := d.reviewerName()
	var c plan.Change
	d.runMergeStep(lang.L("Merging…"), func() (err error) {
		c, err = d.store.ApplyMerge(mp, resolutions, reviewer)
		return err
	}, func() {
		d.history.Push(c)
		d.status.SetText(lang.L("Merged {{.Count}} changes from {{.Who}}. Undo (Ctrl+Z) takes the whole merge back.",
			map[string]any{"Count": len(c), "Who": mp.Pack.Sender.Reviewer}))
		d.notifySettled()
	})
}

// runMergeStep runs one step of a merge (reading, adding the report,
// merging) off the UI thread behind a progress dialog titled title, then
// done on the UI thread, or shows why it failed.
func (d *desk) runMergeStep(title string, work func() error, done func()) {
	progress := dialog.NewCustomWithoutButtons(title, widget.NewProgressBarInfinite(), d.win)
	progress.Show()
	d.jobs.run(work, func(err error) {
		progress.Hide()
		if err != nil {
			d.showTitledError(lang.L("Cannot merge the review package"), err)
			return
		}
		done()
	})
}

// setLaptopName names this laptop in the packages it sends.
func (d *desk) setLaptopName(name string) {
	if d.store == nil || d.store.ReadOnly() {
		return
	}
	d.jobs.run(func() error { return d.store.SetLaptopName(name) }, func(err error) {
		if err != nil {
			d.showTitledError(lang.L("Cannot rename this laptop"), err)
		}
	})
}
