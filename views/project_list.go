package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
)

// ProjectEditor changes projects for the section page's list. The app
// implements it on the store with undo and the reviewer's name, off the
// UI thread, as IndicatorEditor does for indicators.
type ProjectEditor interface {
	// EditProject saves text in field f of project id and returns at
	// once; done runs on the UI thread once the change is on the disk,
	// with the project as stored, or with why it was refused (nothing
	// changed then).
	EditProject(id int64, f plan.Field, text string, done func(plan.Project, error))
}

// ProjectList is a section's projects and tasks, edited in place: each
// row's name, planned completion and note are entries saved on Enter or
// when the focus leaves them (Esc puts the stored text back), its progress
// a choice saved when chosen. A proposal shows 待确认 with a button that
// confirms it. A refused value stays in its entry with the reason under
// the row; it is never saved and never dropped silently.
type ProjectList struct {
	widget.BaseWidget
	editor    ProjectEditor
	sectionID int64
	rows      []*projectRow
	title     *widget.Label
	add       *widget.Button
	none      *widget.Label
	header    *fyne.Container
	box       *fyne.Container
	layout    *projectColumns

	// OnAdd is called with the section when the add button is tapped.
	OnAdd func(sectionID int64)
	// OnDelete is called when a row's delete button is tapped.
	OnDelete func(p plan.Project)
	// OnComment, when set, is called when a row's comment button is
	// tapped; until then the button does nothing.
	OnComment func(p plan.Project)
}

// newProjectList returns an empty list whose edits go to editor.
func newProjectList(editor ProjectEditor) *ProjectList {
	l := &ProjectList{
		editor: editor,
		title:  &widget.Label{Text: lang.L("Projects and tasks"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		none:   &widget.Label{Text: lang.L("This section lists no projects or tasks."), Wrapping: fyne.TextWrapWord},
		box:    container.NewVBox(),
	}
	l.add = &widget.Button{Text: lang.L("Add project…"), Icon: theme.ContentAddIcon(), Importance: widget.LowImportance, OnTapped: l.onAddTapped}
	// Every row's buttons take the room of the widest set, a proposal's,
	// so that the columns line up.
	proto := container.NewHBox(widget.NewButtonWithIcon(lang.L("Confirm"), theme.ConfirmIcon(), nil), widget.NewButtonWithIcon("", theme.MailComposeIcon(), nil), widget.NewButtonWithIcon("", theme.DeleteIcon(), nil))
	l.layout = &projectColumns{actions: proto.MinSize().Width}
	bold := func(key string) fyne.CanvasObject {
		return &widget.Label{Text: lang.L(key), TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	}
	l.header = container.New(l.layout, bold("Project or task"), bold("Planned completion"), bold("Project progress"), bold("Note"), widget.NewLabel(""))
	l.ExtendBaseWidget(l)
	return l
}

func (l *ProjectList) CreateRenderer() fyne.WidgetRenderer {
	top := container.NewBorder(nil, nil, nil, l.add, l.title)
	return widget.NewSimpleRenderer(container.NewVBox(top, l.none, l.header, l.box))
}

// SetProjects shows a section's projects, replacing the rows.
func (l *ProjectList) SetProjects(sectionID int64, list []plan.Project) {
	l.sectionID = sectionID
	l.rows = l.rows[:0]
	objects := make([]fyne.CanvasObject, 0, len(list))
	for _, p := range list {
		r := newProjectRow(l, p)
		l.rows = append(l.rows, r)
		objects = append(objects, r.box)
	}
	l.box.Objects = objects
	none := len(list) == 0
	l.none.Hidden, l.header.Hidden = !none, none
	l.box.Refresh()
	l.Refresh()
}

// Projects are the projects the list shows, as last stored.
func (l *ProjectList) Projects() []plan.Project {
	out := make([]plan.Project, len(l.rows))
	for i, r := range l.rows {
		out[i] = r.project
	}
	return out
}

// PatchProjects shows the stored versions of some of the list's projects
// and reports whether the list shows any of them.
func (l *ProjectList) PatchProjects(updated []plan.Project) bool {
	found := false
	for _, p := range updated {
		for _, r := range l.rows {
			if r.project.ID != p.ID {
				continue
			}
			found = true
			if r.saving > 0 {
				r.project = p // the row's own edits fill it when they land
			} else {
				r.fill(p)
			}
		}
	}
	return found
}

func (l *ProjectList) onAddTapped() {
	if l.OnAdd != nil && l.sectionID != 0 {
		l.OnAdd(l.sectionID)
	}
}

// projectRow is one project of the list.
type projectRow struct {
	list    *ProjectList
	project plan.Project
	name    *commitEntry
	planned *commitEntry
	note    *commitEntry
	// progress shows the progress label; filling is set while fill sets
	// it, so that doing so saves nothing.
	progress *widget.Select
	filling  bool
	confirm  *widget.Button
	remove   *widget.Button
	message  *widget.Label
	box      *fyne.Container
	// saving counts this row's edits on their way to the disk, and
	// inFlight holds the text of each field on its way: Enter saves and
	// the focus leaving the entry then finds it already sent.
	saving   int
	inFlight map[plan.Field]string
}

func newProjectRow(l *ProjectList, p plan.Project) *projectRow {
	r := &projectRow{list: l, inFlight: map[plan.Field]string{}}
	r.name = newCommitEntry(func(s string) { r.commit(plan.FieldName, s) }, func() string { return r.project.Name })
	r.planned = newCommitEntry(func(s string) { r.commit(plan.FieldPlannedCompletion, s) }, func() string { return r.project.PlannedCompletion })
	r.planned.SetPlaceHolder(lang.L("e.g. 2025年"))
	r.note = newCommitEntry(func(s string) { r.commit(plan.FieldNote, s) }, func() string { return r.project.Note })
	var labels []string
	for _, c := range messages.ProgressChoices() {
		labels = append(labels, c.Label)
	}
	r.progress = widget.NewSelect(labels, func(label string) {
		if !r.filling {
			r.commit(plan.FieldProgress, messages.ProgressCode(label))
		}
	})
	r.confirm = widget.NewButtonWithIcon(lang.L("Confirm"), theme.ConfirmIcon(), func() { r.commit(plan.FieldState, plan.StateConfirmed) })
	r.remove = &widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() {
		if l.OnDelete != nil {
			l.OnDelete(r.project)
		}
	}}
	r.message = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	comment := &widget.Button{Icon: theme.MailComposeIcon(), Importance: widget.LowImportance, OnTapped: func() {
		if l.OnComment != nil {
			l.OnComment(r.project)
		}
	}}
	actions := container.NewHBox(r.confirm, comment, r.remove)
	r.box = container.NewVBox(container.New(l.layout, r.name, r.planned, r.progress, r.note, actions), r.message)
	r.fill(p)
	return r
}

// fill shows a project as stored.
func (r *projectRow) fill(p plan.Project) {
	r.project = p
	r.filling = true
	r.name.SetText(p.Name)
	r.planned.SetText(p.PlannedCompletion)
	r.note.SetText(p.Note)
	r.progress.SetSelected(messages.ProgressLabel(p.Progress))
	r.filling = false
	r.confirm.Hidden = p.State != plan.StateProposed
	r.confirm.Refresh()
	r.say("")
}

// say shows text under the row, or hides the line when it is empty.
func (r *projectRow) say(text string) {
	r.message.SetText(text)
	r.message.Hidden = text == ""
	r.message.Refresh()
	r.box.Refresh()
}

// commit saves text in field f unless the project already holds it.
func (r *projectRow) commit(f plan.Field, text string) {
	if sent, ok := r.inFlight[f]; ok && sent == text || !ok && text == r.project.Get(f) || r.list.editor == nil {
		return
	}
	r.inFlight[f] = text
	r.saving++
	r.message.Importance = widget.LowImportance
	r.say(lang.L("(saving…)"))
	r.list.editor.EditProject(r.project.ID, f, text, func(p plan.Project, err error) {
		r.saving--
		if r.inFlight[f] == text {
			delete(r.inFlight, f)
		}
		if err != nil {
			r.message.Importance = widget.DangerImportance
			r.say(messages.ExplainProject(err))
			return
		}
		if r.saving == 0 {
			r.fill(p)
		} else {
			r.project = p // the edits after this one fill the row when they land
		}
	})
}

// commitEntry is an entry that saves its text on Enter and when the focus
// leaves it, and puts the stored text back on Esc.
type commitEntry struct {
	widget.Entry
	onCommit func(text string)
	stored   func() string
}

func newCommitEntry(onCommit func(string), stored func() string) *commitEntry {
	e := &commitEntry{onCommit: onCommit, stored: stored}
	e.OnSubmitted = onCommit
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost saves what the entry holds.
func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	e.onCommit(e.Text)
}

// TypedKey puts the stored text back on Esc.
func (e *commitEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape {
		e.SetText(e.stored())
		return
	}
	e.Entry.TypedKey(k)
}

// projectColumns lays out a row of the list: name and note share what the
// planned completion, the progress and the buttons leave, three to two.
type projectColumns struct {
	actions float32
}

const (
	plannedWidth  = 130
	progressWidth = 120
)

func (c *projectColumns) widths(total float32, n int) []float32 {
	pad := theme.Padding()
	rest := max(0, total-plannedWidth-progressWidth-c.actions-float32(n-1)*pad)
	return []float32{rest * 3 / 5, plannedWidth, progressWidth, rest * 2 / 5, c.actions}
}

// Layout places the five cells side by side.
func (c *projectColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	x := float32(0)
	for i, w := range c.widths(size.Width, len(objects)) {
		if i >= len(objects) {
			break
		}
		h := objects[i].MinSize().Height
		objects[i].Move(fyne.NewPos(x, (size.Height-h)/2))
		objects[i].Resize(fyne.NewSize(w, h))
		x += w + theme.Padding()
	}
}

// MinSize is the fixed columns and room for a name of a few characters.
func (c *projectColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(plannedWidth+progressWidth+c.actions+200+4*theme.Padding(), h)
}

// AddButtonForTest is the list's add button, for tests that tap it.
func (l *ProjectList) AddButtonForTest() *widget.Button { return l.add }
