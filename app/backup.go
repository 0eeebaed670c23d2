package app

import (
	"fmt"
	"log"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
	"plandesk/store"
)

// keepDailyBackups is how many automatic backups are kept: a week of
// review work.
const keepDailyBackups = 7

// dailyBackup makes the day's automatic backup on the first start of each
// day. It runs off the UI thread; a failure is logged, not shown, since the
// user can still work and back up by hand.
func (d *desk) dailyBackup(st *store.Store) {
	path, made, err := store.DailyBackup(st, store.DailyBackupDir(st.Path()), time.Now(), keepDailyBackups)
	if err != nil {
		fyne.LogError("daily backup", err)
		return
	}
	if made {
		// News, not an error: Fyne's log would call it one.
		log.Printf("PlanDesk: daily backup written to %s", path)
	}
}

// backupDialog asks where to write a backup of the database and writes it.
func (d *desk) backupDialog() {
	if d.store == nil {
		return
	}
	stem := strings.TrimSuffix(filepath.Base(d.dbPath), filepath.Ext(d.dbPath))
	name := fmt.Sprintf("%s-%s-%s.db", stem, lang.L("backup"), time.Now().Format("20060102-1504"))
	d.askSavePath(lang.L("Cannot back up the database"), name, []string{".db"}, func(path string) {
		path = withExtension(path, ".db")
		d.runWithProgress(lang.L("Backing up…"), func() (string, error) {
			if err := d.store.BackupTo(path); err != nil {
				return "", err
			}
			info, err := store.ValidateBackup(path)
			if err != nil {
				return "", err
			}
			return lang.L("Backed up to {{.Path}}: {{.Reports}} reports, {{.Indicators}} indicators, {{.Revisions}} recorded changes.",
				map[string]any{"Path": path, "Reports": info.Reports, "Indicators": info.Indicators, "Revisions": info.Revisions}), nil
		})
	})
}

// restoreDialog asks for a backup, validates it, says what it holds and,
// once confirmed, replaces the database with it; the current database is
// kept in a safety copy first.
func (d *desk) restoreDialog() {
	if d.store == nil {
		return
	}
	if err := d.lockReason(); err != nil {
		d.showTitledError(lang.L("Cannot restore a backup"), err)
		return
	}
	d.askOpenPath(lang.L("Cannot restore a backup"), []string{".db", ".bak"}, store.DailyBackupDir(d.dbPath), func(path string) {
		d.jobs.do(func() func() {
			info, err := store.ValidateBackup(path)
			return func() {
				if err != nil {
					d.showTitledError(lang.L("This file cannot be restored"), err)
					return
				}
				d.confirmRestore(info)
			}
		})
	})
}

// confirmRestore says what a valid backup holds and restores it on yes.
func (d *desk) confirmRestore(info store.BackupInfo) {
	msg := lang.L("Replace the database with the backup {{.Path}}? It holds {{.Reports}} reports ({{.Titles}}), {{.Indicators}} indicators and {{.Revisions}} recorded changes. The current database is saved as a safety copy first.",
		map[string]any{"Path": info.Path, "Reports": info.Reports, "Titles": strings.Join(info.Titles, "、"), "Indicators": info.Indicators, "Revisions": info.Revisions})
	confirm := dialog.NewConfirm(lang.L("Restore backup"), msg, func(yes bool) {
		if yes {
			d.restore(info.Path)
		}
	}, d.win)
	confirm.Resize(fyne.NewSize(620, 280))
	confirm.Show()
}

// restore replaces the database off the UI thread and rebuilds the window
// on the restored one.
func (d *desk) restore(path string) {
	progress := dialog.NewCustomWithoutButtons(lang.L("Restoring…"), widget.NewProgressBarInfinite(), d.win)
	progress.Show()
	old := d.store
	d.jobs.do(func() func() {
		restored, safety, err := store.Restore(old, path)
		var reports []plan.Report
		if err == nil {
			reports, err = restored.Reports()
		}
		return func() {
			progress.Hide()
			if restored == nil {
				d.showTitledError(lang.L("Cannot restore a backup"), err)
				return
			}
			d.useStore(restored)
			d.reports = reports
			if len(reports) == 0 {
				d.reports, _ = restored.Reports()
			}
			// The window is rebuilt last, as it starts loading the report;
			// the dialog stays above the new content.
			if err != nil {
				d.showTitledError(lang.L("Cannot restore a backup"), err)
			} else {
				dialog.ShowInformation(lang.L("Restore backup"), lang.L("Restored {{.Path}}. The database as it was before is saved as {{.Safety}}.",
					map[string]any{"Path": path, "Safety": safety}), d.win)
			}
			d.buildUI()
		}
	})
}

// readOnlyBanner tells, above everything, that the database cannot be
// changed and why.
func (d *desk) readOnlyBanner() fyne.CanvasObject {
	text := &widget.Label{Text: lang.L("Read-only: {{.Path}} or its folder cannot be written. You can read, present and export, but not change anything. To edit, copy the file to a folder you can write to and open that copy.",
		map[string]any{"Path": d.dbPath}), Wrapping: fyne.TextWrapWord, TextStyle: fyne.TextStyle{Bold: true}}
	back := canvas.NewRectangle(theme.Color(theme.ColorNameWarning))
	back.CornerRadius = theme.InputRadiusSize()
	return container.NewStack(back, container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, text))
}

// showSettings shows where PlanDesk keeps its data and backups, and the
// reviewer name recorded with every change.
func (d *desk) showSettings() {
	reviewer := widget.NewEntry()
	reviewer.SetText(d.reviewerName())
	dir := store.DailyBackupDir(d.dbPath)
	selectable := func(s string) *widget.Label {
		return &widget.Label{Text: s, Wrapping: fyne.TextWrapBreak, Selectable: true}
	}
	laptop := widget.NewEntry()
	var was string
	if l, err := d.store.Laptop(); err == nil {
		was = l.Name
		laptop.SetText(was)
	}
	items := []*widget.FormItem{
		{Text: lang.L("Reviewer"), Widget: reviewer, HintText: lang.L("Recorded with every change you make.")},
		{Text: lang.L("This laptop"), Widget: laptop, HintText: lang.L("Named in every review package you send (王处长的笔记本).")},
		{Text: lang.L("Database"), Widget: selectable(d.dbPath)},
		{Text: lang.L("Automatic backups"), Widget: selectable(dir),
			HintText: lang.L("One on the first start of each day; the last {{.Count}} are kept.", map[string]any{"Count": keepDailyBackups})},
	}
	dlg := dialog.NewForm(lang.L("Settings"), lang.L("OK"), lang.L("Cancel"), items, func(ok bool) {
		if ok {
			d.app.Preferences().SetString(prefReviewer, reviewer.Text)
			d.showReviewer()
			if laptop.Text != was {
				d.setLaptopName(laptop.Text)
			}
		}
	}, d.win)
	dlg.Resize(fyne.NewSize(720, 420))
	dlg.Show()
}
