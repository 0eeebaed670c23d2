package views

import "plandesk/plan"

// ProjectSource is what the section pages need to list their projects.
type ProjectSource interface {
	SectionProjects(sectionID int64) ([]plan.Project, error)
}

// UseProjects makes each section page list the section's projects and
// tasks under its indicators, read from source and edited through editor.
// Call it before the first LoadReport; without it the pages list none.
func (r *ReportScreen) UseProjects(source ProjectSource, editor ProjectEditor) {
	r.projectSource = source
	r.page.projects.editor = editor
	r.page.projects.Hidden = source == nil
}

// Projects is the current section's project list.
func (r *ReportScreen) Projects() *ProjectList { return r.page.projects }

// sectionProjects reads a section's projects, or none without a source;
// it runs off the UI thread.
func (r *ReportScreen) sectionProjects(sectionID int64) ([]plan.Project, error) {
	if r.projectSource == nil {
		return nil, nil
	}
	return r.projectSource.SectionProjects(sectionID)
}

// ReloadProjects reads the current section's projects again, after an
// addition, a deletion or an undo.
func (r *ReportScreen) ReloadProjects() {
	id := r.current
	if id == 0 || r.projectSource == nil {
		return
	}
	fetch := func() ([]plan.Project, error) { return r.projectSource.SectionProjects(id) }
	loadThen(&r.projectLoads, fetch, func(list []plan.Project) {
		if r.current == id {
			r.page.projects.SetProjects(id, list)
			if r.OnIndicatorsShown != nil {
				r.OnIndicatorsShown()
			}
		}
	})
}

// onProjectsChanged patches the rows an edit stored, and reads the list
// again after anything else. Projects are few, so the list is read again
// at once even while the screen is hidden.
func (r *ReportScreen) onProjectsChanged(c ProjectsChange) {
	if c.ReportID != r.reportID || r.current == 0 {
		return
	}
	if len(c.Updated) > 0 {
		r.page.projects.PatchProjects(c.Updated)
		return
	}
	r.ReloadProjects()
}
