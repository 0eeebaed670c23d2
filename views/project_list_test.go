package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"plandesk/plan"
	"plandesk/store"
)

// storeProjectEditor makes each edit on the real store at once, as the
// app's history does off the UI thread, and counts them.
type storeProjectEditor struct {
	st      *store.Store
	changes []plan.Change
}

func (e *storeProjectEditor) EditProject(id int64, f plan.Field, text string, done func(plan.Project, error)) {
	p, c, err := e.st.EditProject(id, f, text, "测试")
	if err == nil && len(c) > 0 {
		e.changes = append(e.changes, c)
	}
	done(p, err)
}

// projectFixture is the report screen on 1.空间布局持续优化, whose text
// reports two projects (a gallery opened, a plan approved).
func projectFixture(t *testing.T) (*screenFixture, *storeProjectEditor, *Signals) {
	t.Helper()
	f := newScreenFixture(t, VariantLight)
	st := f.screen.source.(*store.Store)
	editor := &storeProjectEditor{st: st}
	f.screen.UseProjects(st, editor)
	sig := NewSignals()
	f.screen.Follow(sig)
	f.screen.LoadReport(f.report.ID, 0)
	f.wait(t)
	f.screen.Next()
	f.wait(t)
	return f, editor, sig
}

func TestSectionPageListsItsProjectsUnderTheTable(t *testing.T) {
	f, _, _ := projectFixture(t)
	list := f.screen.Projects()
	rows := list.rows
	if len(rows) != 2 || rows[0].name.Text != "琴台中央文化艺术区美术馆" || rows[1].name.Text != "高铁产城融合区规划" {
		t.Fatalf("rows = %+v", list.Projects())
	}
	if rows[0].progress.Selected != "Completed" || rows[0].confirm.Hidden {
		t.Errorf("a proposal shows progress %q, confirm hidden %v", rows[0].progress.Selected, rows[0].confirm.Hidden)
	}
	if list.Hidden || !list.none.Hidden || list.header.Hidden {
		t.Error("the list, or its header, is hidden")
	}
	objects := f.screen.page.body.Objects
	table, projects := -1, -1
	for i, o := range objects {
		switch o {
		case fyne.CanvasObject(f.screen.page.table):
			table = i
		case fyne.CanvasObject(list):
			projects = i
		}
	}
	if table < 0 || projects < table {
		t.Errorf("projects at %d, table at %d", projects, table)
	}
	// A section without projects says so.
	f.screen.Next()
	f.wait(t)
	f.screen.Next()
	f.wait(t)
	if len(list.rows) != 0 || list.none.Hidden || !list.header.Hidden {
		t.Errorf("3.产业体系持续巩固: %d rows, none hidden %v", len(list.rows), list.none.Hidden)
	}
}

func TestProjectRowsAreEditedInPlace(t *testing.T) {
	f, editor, _ := projectFixture(t)
	st := editor.st
	row := f.screen.Projects().rows[0]
	id := row.project.ID

	// Enter saves, and the focus leaving afterwards saves nothing more.
	test.Type(row.planned, "2023年")
	row.planned.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	row.planned.FocusLost()
	got, _ := st.Project(id)
	if got.PlannedCompletion != "2023年" || got.State != plan.StateConfirmed || len(editor.changes) != 1 {
		t.Fatalf("after Enter: %+v, %d changes", got, len(editor.changes))
	}
	if !row.confirm.Hidden {
		t.Error("the row still offers to confirm an edited project")
	}

	// A choice of progress saves at once.
	row.progress.SetSelected("Behind schedule")
	if got, _ := st.Project(id); got.Progress != plan.ProgressDelayed {
		t.Errorf("progress %q after choosing 滞后", got.Progress)
	}

	// The focus leaving a note saves it.
	test.Type(row.note, "已开放")
	row.note.FocusLost()
	if got, _ := st.Project(id); got.Note != "已开放" {
		t.Errorf("note %q", got.Note)
	}

	// A name emptied is refused at the row, and nothing is saved.
	row.name.SetText("")
	row.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got, _ := st.Project(id); got.Name != "琴台中央文化艺术区美术馆" {
		t.Errorf("an empty name was saved: %q", got.Name)
	}
	if row.message.Hidden || !strings.Contains(row.message.Text, "name") {
		t.Errorf("the refusal says %q (hidden %v)", row.message.Text, row.message.Hidden)
	}
	// Esc puts the stored name back.
	row.name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if row.name.Text != "琴台中央文化艺术区美术馆" {
		t.Errorf("after Esc the name reads %q", row.name.Text)
	}
}

func TestAProposalIsConfirmedAndAnUndoIsShown(t *testing.T) {
	f, editor, sig := projectFixture(t)
	st := editor.st
	row := f.screen.Projects().rows[1]
	id := row.project.ID
	test.Tap(row.confirm)
	if got, _ := st.Project(id); got.State != plan.StateConfirmed || got.Progress != plan.ProgressCompleted {
		t.Fatalf("after confirming: %+v", got)
	}
	// Undo (as the app's history makes it) reads the list again.
	if _, err := st.Revert(editor.changes[len(editor.changes)-1], "测试"); err != nil {
		t.Fatal(err)
	}
	shown := make(chan struct{}, 1)
	f.screen.OnIndicatorsShown = func() { shown <- struct{}{} }
	sig.ProjectsChanged.Emit(ProjectsChange{ReportID: f.report.ID})
	<-shown
	if again := f.screen.Projects().rows[1]; again.project.State != plan.StateProposed || again.confirm.Hidden {
		t.Errorf("after undo the row shows %+v", again.project)
	}
}

func TestOverviewCountsProjects(t *testing.T) {
	test.NewTempApp(t)
	st, report := seededStore(t)
	o, err := st.Overview(report.ID)
	if err != nil {
		t.Fatal(err)
	}
	s := NewOverviewScreen(st)
	s.ShowOverview(o)
	if got, want := s.ProjectLine(), "6 completed, 0 under way, 0 behind schedule, 0 not started (6 to confirm)"; got != want {
		t.Errorf("overview line %q, want %q", got, want)
	}
	list, _ := st.Projects(report.ID)
	if _, _, err := st.EditProject(list[0].ID, plan.FieldProgress, plan.ProgressDelayed, "测试"); err != nil {
		t.Fatal(err)
	}
	o, _ = st.Overview(report.ID)
	s.ShowOverview(o)
	if got := s.ProjectLine(); !strings.HasPrefix(got, "5 completed, 0 under way, 1 behind schedule") || !strings.Contains(got, "(5 to confirm)") {
		t.Errorf("after one fell behind: %q", got)
	}
}
