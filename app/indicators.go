package app

import (
	"errors"
	"os/user"

	"plandesk/messages"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
	"plandesk/views"
)

// prefReviewer is the reviewer's name recorded with every change.
const prefReviewer = "reviewer"

// reviewerName is the name from the preferences, or the system login name
// until one is given.
func (d *desk) reviewerName() string {
	if name := d.app.Preferences().String(prefReviewer); name != "" {
		return name
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return ""
}

// onIndicatorsChanged tells the screens that a change is on the disk. A
// cell edit is patched in place at once, so the window is at rest again;
// after anything else the screen on view reads the report again and says
// so when it is done.
func (d *desk) onIndicatorsChanged(c views.IndicatorsChange) {
	if d.signals == nil {
		return
	}
	d.signals.IndicatorsChanged.Emit(c)
	if len(c.Updated) > 0 {
		d.notifySettled()
	}
}

// allShown reports whether the all-indicators tab is on screen.
func (d *desk) allShown() bool { return d.tabs != nil && d.tabs.SelectedIndex() == tabAll }

// tabScreen is what the window needs of the screen on a tab.
type tabScreen interface {
	// CatchUp loads what the screen missed while hidden (another report,
	// or a change) and reports whether it started a load; the screen
	// says when it is shown.
	CatchUp(reportID int64) bool
}

// onTabSelected lets the screen just shown catch up with the changes it
// missed while hidden.
func (d *desk) onTabSelected(*container.TabItem) {
	if d.skipReload {
		return
	}
	var screen tabScreen = d.screen
	switch d.tabs.SelectedIndex() {
	case tabAll:
		screen = d.all
	case tabOverview:
		screen = d.overview
	case tabReview:
		screen = d.review
	}
	if screen.CatchUp(d.report.ID) {
		return // settled when the screen has loaded
	}
	// Before its first section is on screen the report is still loading,
	// and that load says when the window is at rest.
	if screen != tabScreen(d.screen) || d.screen.Current() != 0 {
		d.notifySettled()
	}
}

// activeTable is the indicator table of the tab on screen.
func (d *desk) activeTable() *views.IndicatorTable {
	if d.allShown() {
		return d.all.Table()
	}
	return d.screen.Table()
}

// selectedIndicator is the indicator selected in the table on screen.
func (d *desk) selectedIndicator() (plan.Indicator, bool) {
	if d.store == nil {
		return plan.Indicator{}, false
	}
	return d.activeTable().Selected()
}

func (d *desk) undo() { d.runHistory(true) }
func (d *desk) redo() { d.runHistory(false) }

// runHistory undoes or redoes the last change and says in the status line
// what it did.
func (d *desk) runHistory(undo bool) {
	if d.history == nil {
		return
	}
	step := d.history.Redo
	if undo {
		step = d.history.Undo
	}
	step(func(c plan.Change, err error) {
		switch {
		case err == nil:
			d.status.SetText(messages.Replayed(undo, c))
		case errors.Is(err, errNothing), errors.Is(err, messages.ErrPresenting):
			// While presenting, Ctrl+Z is refused without a dialog over
			// the slides; the read-only badge already says why.
		default:
			d.showTitledError(lang.L("The change could not be undone or redone"), err)
		}
	})
}

// addIndicator asks for a section, a name and a unit and adds an
// indicator. The section offered first is that of the row selected in
// the table on screen, else the section on screen; the new row is then
// selected and scrolled into view.
func (d *desk) addIndicator() {
	if d.store == nil || d.presentingNow() {
		return
	}
	chooser := views.NewSectionChooser(d.screen.Outline(), d.defaultSection())
	if chooser == nil {
		return // a report without sections has nowhere to put one
	}
	name := widget.NewEntry()
	unit := widget.NewEntry()
	form := dialog.NewForm(lang.L("Add indicator"), lang.L("Add"), lang.L("Cancel"), []*widget.FormItem{
		{Text: lang.L("Section"), Widget: chooser.Select},
		{Text: lang.L("Indicator"), Widget: name},
		{Text: lang.L("Unit"), Widget: unit},
	}, func(ok bool) {
		if !ok {
			return
		}
		ind := plan.Indicator{ReportID: d.report.ID, SectionID: chooser.Chosen(), Name: name.Text, Unit: unit.Text}
		d.history.Add(ind, func(added plan.Indicator, err error) {
			if err != nil {
				d.showTitledError(lang.L("Cannot add the indicator"), err)
				return
			}
			d.revealIndicator(added)
		})
	}, d.win)
	// Enter in either field adds, as a dialog's default button would.
	name.OnSubmitted = func(string) { form.Submit() }
	unit.OnSubmitted = func(string) { form.Submit() }
	form.Resize(fyne.NewSize(560, 280))
	form.Show()
	d.win.Canvas().Focus(name)
}

// defaultSection is the section a new or moved indicator goes to unless
// the reviewer picks another: the selected row's, else the page's.
func (d *desk) defaultSection() int64 {
	if ind, ok := d.selectedIndicator(); ok {
		return ind.SectionID
	}
	return d.screen.Current()
}

// revealIndicator selects an indicator just added and scrolls it into
// view: in the table on screen when it lists it, else on its section's
// page.
func (d *desk) revealIndicator(ind plan.Indicator) {
	switch {
	case d.allShown():
		d.all.Table().Reveal(ind.ID)
	case d.screen.Current() == ind.SectionID:
		d.screen.Table().Reveal(ind.ID)
	default:
		d.openIndicator(ind)
	}
}

// moveIndicator asks for a section and moves the selected indicator to
// the end of its table (undoable).
func (d *desk) moveIndicator() {
	ind, ok := d.selectedIndicator()
	if !ok || d.presentingNow() {
		return
	}
	chooser := views.NewSectionChooser(d.screen.Outline(), ind.SectionID)
	if chooser == nil {
		return
	}
	form := dialog.NewForm(lang.L("Move indicator"), lang.L("Move"), lang.L("Cancel"), []*widget.FormItem{
		{Text: lang.L("Indicator"), Widget: widget.NewLabel(ind.Name)},
		{Text: lang.L("To section"), Widget: chooser.Select},
	}, func(ok bool) {
		if !ok || chooser.Chosen() == ind.SectionID {
			return
		}
		d.history.Move(ind.ID, chooser.Chosen(), func(c plan.Change, err error) {
			if err != nil {
				d.showTitledError(lang.L("Cannot move the indicator"), err)
				return
			}
			d.status.SetText(messages.Moved(ind.Name, c))
			if d.allShown() {
				// The row stays in the list, under its new section.
				d.all.Table().Reveal(ind.ID)
			}
		})
	}, d.win)
	form.Resize(fyne.NewSize(560, 220))
	form.Show()
}

// deleteIndicator asks, then deletes the selected indicator (undoable).
func (d *desk) deleteIndicator() {
	ind, ok := d.selectedIndicator()
	if !ok {
		return
	}
	d.confirmDelete(ind)
}

// confirmDelete asks, then deletes an indicator (undoable); the Delete key
// on a table row and 编辑 → 删除指标 both come here.
func (d *desk) confirmDelete(ind plan.Indicator) {
	if d.presentingNow() {
		return
	}
	dialog.ShowConfirm(lang.L("Delete indicator"),
		lang.L("Delete “{{.Name}}”? Undo (Ctrl+Z) brings it back.", map[string]any{"Name": ind.Name}),
		func(yes bool) {
			if !yes {
				return
			}
			d.history.Delete(ind.ID, func(_ plan.Change, err error) {
				if err != nil {
					d.showTitledError(lang.L("Cannot delete the indicator"), err)
				}
			})
		}, d.win)
}

// confirmIndicator accepts a proposed indicator as it stands.
func (d *desk) confirmIndicator() {
	ind, ok := d.selectedIndicator()
	if !ok || ind.State != plan.StateProposed {
		return
	}
	d.history.Edit(ind.ID, plan.FieldState, plan.StateConfirmed, func(_ plan.Indicator, err error) {
		if err != nil {
			d.showTitledError(lang.L("Cannot confirm the indicator"), err)
		}
	})
}

// confirmReportProposals accepts every proposal of the report as it
// stands, in one undoable change, as the overview's 确认全部提议 asks.
func (d *desk) confirmReportProposals() { d.confirmProposals(0) }

// confirmProposals accepts the proposals of section sectionID, or of the
// whole report when it is 0, in one change; the status line says how many.
func (d *desk) confirmProposals(sectionID int64) {
	if d.presentingNow() || d.store == nil {
		return
	}
	ids, err := d.store.Proposals(d.report.ID, sectionID)
	if err != nil {
		d.showTitledError(lang.L("Cannot confirm the indicator"), err)
		return
	}
	d.history.ConfirmProposals(ids, func(c plan.Change, err error) {
		if err != nil {
			d.showTitledError(lang.L("Cannot confirm the indicator"), err)
			return
		}
		d.status.SetText(lang.L("Confirmed {{.Count}} proposals. Undo (Ctrl+Z) takes them back.", map[string]any{"Count": len(c)}))
	})
}

// showIndicatorHistory lists the changes of the selected indicator.
func (d *desk) showIndicatorHistory() {
	ind, ok := d.selectedIndicator()
	if !ok {
		return
	}
	revisions, err := d.store.IndicatorRevisions(ind.ID)
	if err != nil {
		d.showError(err)
		return
	}
	d.showHistory(lang.L("History of “{{.Name}}”", map[string]any{"Name": ind.Name}), revisions)
}

// showReportHistory lists every change to the report's indicators.
func (d *desk) showReportHistory() {
	if d.store == nil {
		return
	}
	revisions, err := d.store.ReportRevisions(d.report.ID)
	if err != nil {
		d.showError(err)
		return
	}
	d.showHistory(lang.L("Changes to this report"), revisions)
}

func (d *desk) showHistory(title string, revisions []plan.Revision) {
	names := map[int64]string{}
	if list, err := d.store.Indicators(d.report.ID); err == nil {
		for _, ind := range list {
			names[ind.ID] = ind.Name
		}
	}
	projects := map[int64]string{}
	if list, err := d.store.Projects(d.report.ID); err == nil {
		for _, p := range list {
			projects[p.ID] = p.Name
		}
	}
	comments := map[int64]string{}
	if list, err := d.store.Comments(d.report.ID); err == nil {
		for _, c := range list {
			comments[c.ID] = lang.L("Comment") + "「" + messages.Clip(c.Text, 16) + "」"
		}
	}
	name := func(r plan.Revision) string {
		if r.Action == plan.ActionReplaceText || r.Action == plan.ActionRemoveReport {
			return d.report.Title
		}
		if r.CommentID != 0 {
			if n, ok := comments[r.CommentID]; ok {
				return n
			}
			return lang.L("deleted comment")
		}
		if r.SectionID != 0 {
			return sectionName(d.screen.Outline(), r.SectionID)
		}
		if r.ProjectID != 0 {
			if n, ok := projects[r.ProjectID]; ok {
				return n
			}
			return lang.L("deleted project")
		}
		if n, ok := names[r.IndicatorID]; ok {
			return n
		}
		return lang.L("deleted indicator")
	}
	dlg := dialog.NewCustom(title, lang.L("Close"), views.NewHistoryList(revisions, name), d.win)
	dlg.Resize(fyne.NewSize(900, 520))
	dlg.SetOnClosed(func() { d.closable = nil })
	d.closable = dlg
	d.win.Canvas().Unfocus() // Esc then reaches the window, which closes it
	dlg.Show()
}

// askReviewer sets the name recorded with every change.
func (d *desk) askReviewer() {
	entry := widget.NewEntry()
	entry.SetText(d.reviewerName())
	dlg := dialog.NewForm(lang.L("Reviewer"), lang.L("OK"), lang.L("Cancel"), []*widget.FormItem{
		{Text: lang.L("Name"), Widget: entry, HintText: lang.L("Recorded with every change you make.")},
	}, func(ok bool) {
		if ok {
			d.app.Preferences().SetString(prefReviewer, entry.Text)
			d.showReviewer()
		}
	}, d.win)
	entry.OnSubmitted = func(string) { dlg.Submit() }
	dlg.Resize(fyne.NewSize(480, 200))
	dlg.Show()
}

// showInText scrolls the section page's text to the sentence the selected
// row was read from and highlights it (在原文中显示).
func (d *desk) showInText() {
	if d.screen != nil && d.tabs != nil && d.tabs.SelectedIndex() == tabSections {
		d.screen.ShowSelectedInText()
	}
}

// editMenu holds the indicator commands and their shortcuts.
func (d *desk) editMenu() *fyne.Menu {
	item := func(label string, action func(), key fyne.KeyName, mod fyne.KeyModifier) *fyne.MenuItem {
		i := fyne.NewMenuItem(label, action)
		if key != "" {
			i.Shortcut = &desktop.CustomShortcut{KeyName: key, Modifier: mod}
		}
		return i
	}
	// Ctrl+Z and Ctrl+Y reach the menu as Fyne's own undo and redo shortcuts.
	undo := fyne.NewMenuItem(lang.L("Undo"), d.undo)
	undo.Shortcut = &fyne.ShortcutUndo{}
	redo := fyne.NewMenuItem(lang.L("Redo"), d.redo)
	redo.Shortcut = &fyne.ShortcutRedo{}
	find := d.searchItems()
	return fyne.NewMenu(lang.L("Edit"),
		undo,
		redo,
		fyne.NewMenuItemSeparator(),
		item(lang.L("Add indicator…"), d.addIndicator, fyne.KeyN, fyne.KeyModifierShortcutDefault),
		item(lang.L("Confirm indicator"), d.confirmIndicator, fyne.KeyK, fyne.KeyModifierShortcutDefault),
		item(lang.L("Move to section…"), d.moveIndicator, fyne.KeyM, fyne.KeyModifierShortcutDefault|fyne.KeyModifierShift),
		item(lang.L("Delete indicator…"), d.deleteIndicator, fyne.KeyDelete, fyne.KeyModifierShortcutDefault),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Indicator history"), d.showIndicatorHistory, fyne.KeyH, fyne.KeyModifierShortcutDefault),
		item(lang.L("Changes to this report"), d.showReportHistory, "", 0),
		item(lang.L("Show in the text"), d.showInText, "", 0),
		fyne.NewMenuItemSeparator(),
		find[0], find[1], find[2],
		fyne.NewMenuItemSeparator(),
		item(lang.L("Reviewer name…"), d.askReviewer, "", 0),
	)
}
