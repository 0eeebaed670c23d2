package app

import (
	"errors"
	"fmt"
	"io"

	"plandesk/messages"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
	"plandesk/reportfile"
	"plandesk/reporttext"
	"plandesk/store"
	"plandesk/views"
)

// The window's tabs, in order.
const (
	tabOverview = iota
	tabSections
	tabAll
	tabReview
)

// desk is PlanDesk's main window and the state behind it: the open store,
// the reports it holds and the screen showing one of them.
type desk struct {
	// files reads report files (text, .docx, PDF); its PDFium starts on
	// the first PDF.
	files *reportfile.Reader
	// importNotes are what reading the file being imported noticed, said
	// after the import.
	importNotes []string
	app         fyne.App
	win         fyne.Window
	version     string // from FyneApp.toml, for Help → About
	dbPath      string
	store       *store.Store
	reports     []plan.Report
	report      plan.Report
	screen      *views.ReportScreen
	overview    *views.OverviewScreen
	all         *views.AllIndicatorsScreen
	review      *views.ReviewPane
	tabs        *container.AppTabs
	picker      *widget.Select
	history     *undoHistory
	// status is the line under the tabs that says what an undo or redo did;
	// keptStatus is what it says again after a rebuild of the window.
	status     *widget.Label
	keptStatus string
	// mergeAtStart is a review package to preview once the first section
	// is shown (a .pdpack opened from the file manager).
	mergeAtStart string
	// closable is the open dialog Esc closes (the history), or nil.
	closable dialog.Dialog
	// reviewer is the status line's right end: who changes are recorded
	// under.
	reviewer *widget.Label
	// nameAsked is set once the reviewer's name was asked for this
	// session; nameDialog and nameEntry are that dialog and its field,
	// for tests.
	nameAsked  bool
	nameDialog *dialog.FormDialog
	nameEntry  *widget.Entry

	// show is the presentation holding the window, or nil.
	show *presenting
	// deckLoading is true while a presentation's report is being read.
	deckLoading bool
	// skipReload is set while a tab is switched to with its content about
	// to be loaded anyway.
	skipReload bool
	// selectOnShow is an indicator the overview opened, selected in the
	// section table once its section is shown.
	selectOnShow int64
	// presentAtStart, when above 0, is the slide (from 1) `plandesk
	// present` starts on once the window is built.
	presentAtStart int

	// jobs runs every piece of work on the store off the UI thread, in
	// order; closing waits for them, so a write under way is never lost.
	jobs background
	// signals tell the screens what changed; they are made anew with the
	// screens in buildUI.
	signals *views.Signals

	// settled, if set, is called on the UI thread whenever the window comes
	// to rest: a section shown or an error explained. Tests wait on it.
	settled func()
	// redrawLater draws an object again once a change to or from full
	// screen has settled (redrawAfterResize); headless tests, whose driver
	// would run it on a timer goroutine, turn it off.
	redrawLater func(fyne.CanvasObject)
}

func newDesk(a fyne.App, dbPath string) *desk {
	d := &desk{app: a, dbPath: dbPath, win: a.NewWindow("PlanDesk"), redrawLater: redrawAfterResize,
		files: reportfile.NewReader(reportfile.CacheDir())}
	d.win.Resize(windowSize(a.Preferences()))
	d.win.SetMaster()
	d.win.SetContent(container.NewCenter(widget.NewLabel(lang.L("Loading…"))))
	d.win.Canvas().SetOnTypedKey(d.onTypedKey)
	d.win.Canvas().SetOnTypedRune(d.onTypedRune)
	d.addShortcuts()
	d.addReviewShortcut()
	d.addReviewReportShortcuts()
	return d
}

// start opens the database in the background; the window shows "Loading…"
// until it is ready.
func (d *desk) start() { go d.openStore() }

func (d *desk) notifySettled() {
	if d.settled != nil {
		d.settled()
	}
}

// openStore runs off the UI thread: it opens the database, adds the shipped
// report to an empty one, and lists the reports.
func (d *desk) openStore() {
	st, err := store.Open(d.dbPath)
	if errors.Is(err, store.ErrReadOnly) {
		// A file on a read-only stick or in a folder the user may not
		// change is still worth reading and presenting.
		if ro, rerr := store.OpenReadOnly(d.dbPath); rerr == nil {
			st, err = ro, nil
		}
	}
	if err == nil && !st.ReadOnly() {
		_, err = st.SeedIfEmpty()
	}
	if err == nil && !st.ReadOnly() {
		d.dailyBackup(st)
	}
	var reports []plan.Report
	if err == nil {
		reports, err = st.Reports()
	}
	fyne.Do(func() {
		if err != nil {
			if st != nil {
				_ = st.Close()
			}
			d.showOpenError(err)
			return
		}
		d.useStore(st)
		d.reports = reports
		d.buildUI()
	})
}

// useStore makes store the window's database, with a fresh undo history:
// changes made to another file cannot be undone in this one.
func (d *desk) useStore(st *store.Store) {
	d.store = st
	d.dbPath = st.Path()
	d.history = &undoHistory{store: st, jobs: &d.jobs, reviewer: d.reviewerName, changed: d.onIndicatorsChanged,
		reportsChanged: d.reloadReports, locked: d.lockReason, projects: st, projectsChanged: d.onProjectsChanged,
		reviews: st, reviewsChanged: d.onReviewsChanged, askName: d.askNameOnce,
		comments: st, commentsChanged: d.onCommentsChanged}
}

// buildUI (re)creates the menus and the report screen, for example after
// the language changed, and shows the last open place.
func (d *desk) buildUI() {
	d.signals = views.NewSignals()
	d.screen = views.NewReportScreen(d.store, d.history)
	d.screen.Follow(d.signals)
	d.screen.OnSectionShown = d.onSectionShown
	d.screen.OnIndicatorsShown = d.notifySettled
	d.screen.OnError = d.showError
	d.screen.OnExportChart = d.exportChart
	d.screen.OnConfirmSection = d.confirmProposals
	d.screen.OnWindowKey = d.onTypedKey
	d.useReviews()
	d.screen.Table().OnDelete = d.confirmDelete
	d.screen.UseSearch(d.store, d.shiftHeld, d.notifySettled)
	d.useProjects()
	d.screen.UseComments(d.store, commentActions{d})
	d.screen.OnCommentsShown = d.notifySettled
	d.all = views.NewAllIndicatorsScreen(d.store, d.history)
	d.all.Follow(d.signals)
	d.all.OnError = d.showError
	d.all.OnLoaded = d.notifySettled
	d.all.OnWindowKey = d.onTypedKey
	d.all.Table().OnDelete = d.confirmDelete
	d.buildOverview()
	d.buildReviewPane()
	d.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Overview"), theme.HomeIcon(), d.overview),
		container.NewTabItemWithIcon(lang.L("Sections"), theme.DocumentIcon(), d.screen),
		container.NewTabItemWithIcon(lang.L("All indicators"), theme.ListIcon(), d.all),
		container.NewTabItemWithIcon(lang.L("Review pane"), theme.MailComposeIcon(), d.review),
	)
	d.tabs.OnSelected = d.onTabSelected
	d.win.SetOnDropped(d.onDropped)
	d.picker = widget.NewSelect(nil, d.onReportPicked)
	d.win.SetMainMenu(d.mainMenu())
	d.refreshPicker()

	picker := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Report")), nil, d.picker)
	picker.Hidden = len(d.reports) < 2
	top := container.NewVBox(picker)
	if d.store.ReadOnly() {
		top.Objects = append([]fyne.CanvasObject{d.readOnlyBanner()}, top.Objects...)
	}
	// The Present button sits at the right end of the tab bar, which the
	// tabs leave empty, rather than taking a row of its own.
	present := &widget.Button{Text: lang.L("Present (F5)"), Icon: theme.MediaPlayIcon(), Importance: widget.HighImportance, OnTapped: d.presentFromStart}
	bar := container.NewBorder(container.NewBorder(nil, nil, nil, present), nil, nil, nil)
	// The status line a rebuild keeps (reloadReports) is set as the label
	// is made, before the loads buildUI starts can be applied beside it.
	d.status = &widget.Label{Text: d.keptStatus, Truncation: fyne.TextTruncateEllipsis, Importance: widget.LowImportance}
	d.keptStatus = ""
	d.win.SetContent(container.NewBorder(top, d.statusLine(), nil, nil, container.NewStack(d.tabs, bar)))

	reportID, sectionID := lastPlace(d.app.Preferences(), d.dbPath)
	// The overview is a report's first page; after that PlanDesk reopens
	// the section read last.
	if sectionID != 0 {
		d.tabs.SelectIndex(tabSections)
	}
	d.openReport(reportID, sectionID)
}

// buildOverview makes the overview and wires its links and buttons.
func (d *desk) buildOverview() {
	d.overview = views.NewOverviewScreen(d.store)
	d.overview.Follow(d.signals)
	d.overview.OnSection = d.openSection
	d.overview.OnIndicator = d.openIndicator
	d.overview.OnStatus = d.openStatus
	d.overview.OnWarnings = d.openWarnings
	d.overview.OnFillTargets = d.openMissingTargets
	d.overview.OnConfirmAll = d.confirmReportProposals
	d.overview.OnImportTargets = d.importTargetsDialog
	d.overview.OnShown = d.notifySettled
	d.overview.OnError = d.showError
}

// openReport shows report id (the first report when id is unknown) at
// section want.
func (d *desk) openReport(id, want int64) {
	if len(d.reports) == 0 {
		return
	}
	d.report = d.reports[0]
	for _, r := range d.reports {
		if r.ID == id {
			d.report = r
		}
	}
	d.win.SetTitle("PlanDesk — " + d.report.Title)
	d.picker.SetSelectedIndex(d.reportIndex(d.report.ID))
	// The overview catches up once the report's first section is shown
	// (onSectionShown), and the section load is the last thing done here:
	// one load at a time, started last, keeps the headless tests, whose
	// driver runs fyne.Do on the loading goroutine, free of races.
	if d.allShown() {
		d.all.Load(d.report.ID)
		d.screen.LoadReport(d.report.ID, want)
		return
	}
	d.screen.LoadReport(d.report.ID, want)
}

func (d *desk) reportIndex(id int64) int {
	for i, r := range d.reports {
		if r.ID == id {
			return i
		}
	}
	return -1
}

func (d *desk) refreshPicker() {
	titles := make([]string, len(d.reports))
	for i, r := range d.reports {
		titles[i] = fmt.Sprintf("%d. %s", i+1, r.Title)
	}
	d.picker.SetOptions(titles)
}

func (d *desk) onReportPicked(string) {
	i := d.picker.SelectedIndex()
	if i < 0 || i >= len(d.reports) || d.reports[i].ID == d.report.ID {
		return
	}
	d.openReport(d.reports[i].ID, 0)
	// The picker keeps the focus after a choice; give the page keys back.
	d.win.Canvas().Unfocus()
}

func (d *desk) onSectionShown(reportID, sectionID int64) {
	setLastPlace(d.app.Preferences(), d.dbPath, reportID, sectionID)
	if d.selectOnShow != 0 {
		d.screen.Table().SelectIndicator(d.selectOnShow)
		d.selectOnShow = 0
	}
	switch {
	case d.mergeAtStart != "":
		path := d.mergeAtStart
		d.mergeAtStart = ""
		d.mergePack(path) // settled when its preview is up
	case d.presentAtStart > 0:
		d.present(false) // plandesk present: settled when the slides are up
	case d.tabs.SelectedIndex() == tabOverview && d.overview.CatchUp(reportID):
		// settled when the overview is shown
	default:
		d.notifySettled()
	}
}

// openSection shows a section on the sections tab, as the overview asks.
func (d *desk) openSection(id int64) {
	d.showSectionsTab(id)
	d.screen.ShowSection(id)
}

// openIndicator shows an indicator's section with its row selected.
func (d *desk) openIndicator(ind plan.Indicator) {
	if d.screen.Current() == ind.SectionID {
		d.tabs.SelectIndex(tabSections)
		d.screen.Table().SelectIndicator(ind.ID)
		return
	}
	d.selectOnShow = ind.ID
	d.showSectionsTab(ind.SectionID)
	d.screen.ShowSection(ind.SectionID)
}

// openStatus lists the indicators with status st on the all-indicators tab.
func (d *desk) openStatus(st plan.Status) {
	d.all.FilterStatus(st)
	d.tabs.SelectIndex(tabAll)
}

// openWarnings lists the obligatory indicators that lag.
func (d *desk) openWarnings() {
	d.all.FilterWarnings()
	d.tabs.SelectIndex(tabAll)
}

// openMissingTargets lists the indicators without a target, to fill in.
func (d *desk) openMissingTargets() {
	d.all.FilterGap(plan.GapTarget)
	d.tabs.SelectIndex(tabAll)
}

// showSectionsTab brings the sections tab forward without reloading its
// table when section id is about to be loaded with its own.
func (d *desk) showSectionsTab(id int64) {
	d.skipReload = id != d.screen.Current()
	d.tabs.SelectIndex(tabSections)
	d.skipReload = false
}

// onTypedKey gets the keys no widget took: a running presentation's, F5,
// and PageUp/PageDown for the section page.
func (d *desk) onTypedKey(e *fyne.KeyEvent) {
	switch {
	case d.show != nil:
		d.show.show.TypedKey(e)
	case e.Name == fyne.KeyEscape && d.closable != nil:
		d.closable.Hide() // a dialog of lists, which has no field to take Esc
		d.closable = nil
	case e.Name == fyne.KeyEscape && d.screen != nil && d.screen.SearchOpen():
		d.screen.CloseSearch()
	case e.Name == fyne.KeyF3:
		d.searchStep(d.shiftHeld())
	case e.Name == fyne.KeyF5 && d.shiftHeld():
		d.presentFromHere() // Shift+F5, which Fyne passes on as a plain F5
	case e.Name == fyne.KeyF5:
		d.presentFromStart()
	case d.tabs != nil && d.tabs.SelectedIndex() == tabOverview && e.Name == fyne.KeyPageDown:
		d.tabs.SelectIndex(tabSections) // the page after the overview
	case d.screen != nil:
		d.screen.PageKey(e.Name)
	}
}

// shiftHeld reports whether Shift is down: Fyne hands Shift+F5 to
// widgets as a plain F5, with no shortcut and no modifier.
func (d *desk) shiftHeld() bool {
	drv, ok := d.app.Driver().(desktop.Driver)
	return ok && drv.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}

// onTypedRune gives a presentation its letter and digit keys.
func (d *desk) onTypedRune(r rune) {
	if d.show != nil {
		d.show.show.TypedRune(r)
	}
}

func (d *desk) addShortcuts() {
	c := d.win.Canvas()
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyQ, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { d.app.Quit() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { d.importDialog() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}, func(fyne.Shortcut) { d.redo() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF5, Modifier: fyne.KeyModifierShift}, func(fyne.Shortcut) { d.presentFromHere() })
	c.AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { d.openSearch() })
}

// importParsed stores a parsed report off the UI thread, then switches to
// it. A report already here is not added again unless the user says so
// (again): the window offers to open the one there instead; a text with
// the title of a report here is offered as that report's new text.
func (d *desk) importParsed(parsed *reporttext.ParsedReport, name string, again bool) {
	if existing, ok := d.sameTitled(parsed); ok && !again {
		d.offerNewVersion(existing, parsed, name)
		return
	}
	progress := dialog.NewCustomWithoutButtons(lang.L("Importing…"), widget.NewProgressBarInfinite(), d.win)
	progress.Show()
	var report store.ImportedReport
	var reports []plan.Report
	d.jobs.run(func() (err error) {
		if again {
			report, err = d.store.ImportReportAgain(parsed, name)
		} else {
			report, err = d.store.ImportReport(parsed, name)
		}
		if err == nil {
			reports, err = d.store.Reports()
		}
		return err
	}, func(err error) {
		progress.Hide()
		var dup *store.DuplicateReportError
		switch {
		case errors.As(err, &dup):
			d.offerExisting(dup, parsed, name)
			return
		case err != nil:
			d.showTitledError(lang.L("Cannot import the report"), err)
			return
		}
		d.reports = reports
		d.buildUI()
		d.openReport(report.ID, 0)
		msg := importedMessage(report, parsed)
		for _, note := range d.importNotes {
			msg += "\n\n" + note
		}
		d.importNotes = nil
		dialog.ShowInformation(lang.L("PlanDesk"), msg, d.win)
	})
}

// importedMessage is what the dialog after an import says: what was
// imported, and, each in a paragraph of its own, that the text had no
// numbered heading and how many proposals were left out, if so.
func importedMessage(report store.ImportedReport, parsed *reporttext.ParsedReport) string {
	msg := messages.Imported(report.Title, parsed)
	for _, s := range []string{messages.NoHeadings(parsed, true), messages.ProposalsLeftOut(report.ProposalsLeftOut),
		messages.ProjectsLeftOut(report.ProjectsLeftOut)} {
		if s != "" {
			msg += "\n\n" + s
		}
	}
	return msg
}

// offerExisting says the report is here already and offers to open it,
// or to add a second copy.
func (d *desk) offerExisting(dup *store.DuplicateReportError, parsed *reporttext.ParsedReport, name string) {
	var dlg dialog.Dialog
	open := &widget.Button{Text: lang.L("Open the existing report"), Importance: widget.HighImportance, OnTapped: func() {
		dlg.Hide()
		d.openReport(dup.ID, 0)
	}}
	copyAgain := widget.NewButton(lang.L("Import a second copy"), func() {
		dlg.Hide()
		d.importParsed(parsed, name, true)
	})
	cancel := widget.NewButton(lang.L("Cancel"), func() { dlg.Hide() })
	body := container.NewVBox(&widget.Label{Text: messages.Explain(dup), Wrapping: fyne.TextWrapWord},
		container.NewHBox(layout.NewSpacer(), cancel, copyAgain, open))
	dlg = dialog.NewCustomWithoutButtons(lang.L("This report is already here"), body, d.win)
	dlg.Resize(fyne.NewSize(600, 220))
	dlg.Show()
	d.notifySettled()
}

// showOpenError replaces the window's content with why the database could
// not be opened; the file itself is left as it was.
func (d *desk) showOpenError(err error) {
	fyne.LogError("open database", err)
	quit := widget.NewButtonWithIcon(lang.L("Quit"), theme.CancelIcon(), d.app.Quit)
	quit.Importance = widget.HighImportance
	d.win.SetContent(views.NewMessagePanel(theme.ErrorIcon(), lang.L("Cannot open the database"), messages.Explain(err), quit))
	d.notifySettled()
}

func (d *desk) showError(err error) { d.showTitledError(lang.L("Cannot load the report"), err) }

func (d *desk) showTitledError(title string, err error) {
	fyne.LogError(title, err)
	dlg := dialog.NewCustom(title, lang.L("OK"), &widget.Label{Text: messages.Explain(err), Wrapping: fyne.TextWrapWord}, d.win)
	dlg.Resize(fyne.NewSize(560, 260))
	dlg.Show()
}

func (d *desk) close() {
	if d.show == nil && !d.win.FullScreen() {
		rememberWindowSize(d.app.Preferences(), d.win.Canvas().Size())
	}
	d.jobs.wait()
	if err := d.files.Close(); err != nil {
		fyne.LogError("stop the PDF reader", err)
	}
	if d.store != nil {
		if err := d.store.Close(); err != nil && !errors.Is(err, io.EOF) {
			fyne.LogError("close database", err)
		}
	}
}

// deleteReportDialog asks, then deletes the report on screen after a
// backup; Undo (Ctrl+Z) brings it back until PlanDesk closes.
func (d *desk) deleteReportDialog() {
	if d.store == nil || len(d.reports) == 0 {
		return
	}
	if err := d.lockReason(); err != nil {
		d.showTitledError(lang.L("Cannot delete the report"), err)
		return
	}
	r := d.report
	msg := lang.L("Delete the report “{{.Title}}” with its sections, indicators and history? The database is backed up first, and Undo (Ctrl+Z) brings the report back until PlanDesk closes.",
		map[string]any{"Title": r.Title})
	confirm := dialog.NewConfirm(lang.L("Delete report"), msg, func(yes bool) {
		if yes {
			d.deleteReport(r.ID)
		}
	}, d.win)
	confirm.Resize(fyne.NewSize(620, 240))
	confirm.Show()
}

// deleteReport deletes a report off the UI thread and shows what is left.
func (d *desk) deleteReport(id int64) {
	reviewer := d.reviewerName()
	var change plan.Change
	var backup string
	d.jobs.run(func() (err error) {
		change, backup, err = d.store.DeleteReport(id, reviewer)
		return err
	}, func(err error) {
		if err != nil {
			d.showTitledError(lang.L("Cannot delete the report"), err)
			return
		}
		d.history.Push(change)
		d.status.SetText(lang.L("Report deleted; a backup is in {{.Path}}. Undo (Ctrl+Z) brings it back.", map[string]any{"Path": backup}))
	})
}

// reloadReports reads the list of reports again, after one was deleted or
// brought back, and rebuilds the window on it.
func (d *desk) reloadReports() {
	var reports []plan.Report
	d.jobs.run(func() (err error) {
		reports, err = d.store.Reports()
		return err
	}, func(err error) {
		if err != nil {
			d.showError(err)
			return
		}
		d.keptStatus = d.status.Text
		d.reports = reports
		d.buildUI()
		if len(reports) == 0 {
			d.notifySettled()
		}
	})
}
