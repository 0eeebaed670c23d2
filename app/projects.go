package app

import (
	"errors"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
	"plandesk/views"
)

// projectStore is what the undo history needs from the store for
// projects; Revert and Reapply (indicatorStore) undo and redo them too.
type projectStore interface {
	EditProject(id int64, f plan.Field, text, reviewer string) (plan.Project, plan.Change, error)
	AddProject(p plan.Project, reviewer string) (plan.Project, plan.Change, error)
	DeleteProject(id int64, reviewer string) (plan.Change, error)
}

// errNoProjects is returned by a project change when the history has no
// store for projects (never in the window, which always gives one).
var errNoProjects = errors.New("no store for projects")

// EditProject implements views.ProjectEditor: one field of one project,
// its own transaction and revisions, on the undo stack.
func (h *undoHistory) EditProject(id int64, f plan.Field, text string, done func(plan.Project, error)) {
	var p plan.Project
	var c plan.Change
	h.projectChange(func(reviewer string) (err error) {
		p, c, err = h.projects.EditProject(id, f, text, reviewer)
		if err == nil {
			h.pushDone(c)
		}
		return err
	}, func(err error) {
		if done != nil {
			done(p, err)
		}
		if err == nil && len(c) > 0 {
			h.notifyProjects(views.ProjectsChange{ReportID: p.ReportID, Updated: []plan.Project{p}})
		}
	})
}

// AddProject stores a new project; done gets it as stored.
func (h *undoHistory) AddProject(p plan.Project, done func(plan.Project, error)) {
	var added plan.Project
	h.projectChange(func(reviewer string) (err error) {
		var c plan.Change
		added, c, err = h.projects.AddProject(p, reviewer)
		if err == nil {
			h.pushDone(c)
		}
		return err
	}, func(err error) {
		if done != nil {
			done(added, err)
		}
		if err == nil {
			h.notifyProjects(views.ProjectsChange{ReportID: added.ReportID})
		}
	})
}

// DeleteProject removes a project; Undo brings it back.
func (h *undoHistory) DeleteProject(id int64, done func(plan.Change, error)) {
	var c plan.Change
	h.projectChange(func(reviewer string) (err error) {
		c, err = h.projects.DeleteProject(id, reviewer)
		if err == nil {
			h.pushDone(c)
		}
		return err
	}, func(err error) {
		if done != nil {
			done(c, err)
		}
		if err == nil && len(c) > 0 {
			h.notifyProjects(views.ProjectsChange{ReportID: c[0].ReportID})
		}
	})
}

// projectChange runs write in the background, in order with every other
// change, unless changes are locked now; then runs on the UI thread.
func (h *undoHistory) projectChange(write func(reviewer string) error, then func(error)) {
	if h.projects == nil {
		then(errNoProjects)
		return
	}
	h.namedWrite(write, then)
}

// namedWrite runs write in the background under the reviewer's name
// (asked for first, at the first change of a session without one), in
// order with every other change, unless changes are locked now; then runs
// on the UI thread with what write returned.
func (h *undoHistory) namedWrite(write func(reviewer string) error, then func(error)) {
	if err := h.lockedBy(); err != nil {
		then(err)
		return
	}
	h.named(func() {
		reviewer := h.reviewer()
		h.jobs.run(func() error { return write(reviewer) }, then)
	})
}

func (h *undoHistory) notifyProjects(c views.ProjectsChange) {
	if h.projectsChanged != nil {
		h.projectsChanged(c)
	}
}

// useProjects lists each section's projects on its page, edited through
// the undo history, with the window's dialogs to add and delete them.
func (d *desk) useProjects() {
	d.screen.UseProjects(d.store, d.history)
	d.screen.Projects().OnAdd = d.addProject
	d.screen.Projects().OnDelete = d.confirmDeleteProject
}

// onProjectsChanged tells the screens that a change of projects is on the
// disk.
func (d *desk) onProjectsChanged(c views.ProjectsChange) {
	if d.signals == nil {
		return
	}
	d.signals.ProjectsChanged.Emit(c)
	if len(c.Updated) > 0 {
		d.notifySettled()
	}
}

// addProject asks for a name, a planned completion and a progress and adds
// a project at the end of the section's list.
func (d *desk) addProject(sectionID int64) {
	if d.store == nil || d.presentingNow() {
		return
	}
	name := widget.NewEntry()
	planned := widget.NewEntry()
	planned.SetPlaceHolder(lang.L("e.g. 2025年"))
	var labels []string
	for _, c := range messages.ProgressChoices() {
		labels = append(labels, c.Label)
	}
	progress := widget.NewSelect(labels, nil)
	progress.SetSelected(messages.ProgressLabel(plan.ProgressNotStarted))
	form := dialog.NewForm(lang.L("Add project"), lang.L("Add"), lang.L("Cancel"), []*widget.FormItem{
		{Text: lang.L("Project or task"), Widget: name},
		{Text: lang.L("Planned completion"), Widget: planned},
		{Text: lang.L("Project progress"), Widget: progress},
	}, func(ok bool) {
		if !ok {
			return
		}
		p := plan.Project{ReportID: d.report.ID, SectionID: sectionID, Name: name.Text, PlannedCompletion: planned.Text,
			Progress: messages.ProgressCode(progress.Selected)}
		d.history.AddProject(p, func(_ plan.Project, err error) {
			if err != nil {
				d.showTitledError(lang.L("Cannot add the project"), errors.New(messages.ExplainProject(err)))
			}
		})
	}, d.win)
	form.Show()
	d.win.Canvas().Focus(name)
}

// confirmDeleteProject asks, then deletes a project (undoable).
func (d *desk) confirmDeleteProject(p plan.Project) {
	if d.presentingNow() {
		return
	}
	dialog.ShowConfirm(lang.L("Delete project"),
		lang.L("Delete “{{.Name}}”? Undo (Ctrl+Z) brings it back.", map[string]any{"Name": p.Name}),
		func(yes bool) {
			if !yes {
				return
			}
			d.history.DeleteProject(p.ID, func(_ plan.Change, err error) {
				if err != nil {
					d.showTitledError(lang.L("Cannot delete the project"), err)
				}
			})
		}, d.win)
}
