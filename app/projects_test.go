package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"plandesk/plan"
)

// TestDeskProjectEditsUndoAndRedoThroughTheMenu: a project edited on the
// section page goes on the window's undo stack with the indicators'
// changes; Undo puts it back, on the page and in the store, and says so.
func TestDeskProjectEditsUndoAndRedoThroughTheMenu(t *testing.T) {
	d := openDigitalEconomy(t, "projects.db")
	list := d.screen.Projects()
	rows := list.Projects()
	if len(rows) != 1 || rows[0].Name != "华中地区首个“星火•链网”骨干二级节点" {
		t.Fatalf("the page lists %+v", rows)
	}
	id := rows[0].ID
	answer := make(chan error, 1)
	d.history.EditProject(id, plan.FieldProgress, plan.ProgressUnderway, func(_ plan.Project, err error) { answer <- err })
	if err := d.answer(t, answer); err != nil {
		t.Fatal(err)
	}
	d.wait(t)
	if got := list.Projects()[0]; got.Progress != plan.ProgressUnderway || got.State != plan.StateConfirmed {
		t.Fatalf("after the edit the page shows %+v", got)
	}
	menuItem(t, d, "编辑", "撤销").Action()
	d.wait(t)
	if got, _ := d.store.Project(id); got.Progress != plan.ProgressCompleted || got.State != plan.StateProposed {
		t.Fatalf("after undo the store holds %+v", got)
	}
	if got := list.Projects()[0]; got.Progress != plan.ProgressCompleted {
		t.Errorf("after undo the page shows %q", got.Progress)
	}
	if got := d.status.Text; !strings.HasPrefix(got, "已撤销：") || !strings.Contains(got, "推进中") {
		t.Errorf("the status line after undo says %q", got)
	}
	menuItem(t, d, "编辑", "重做").Action()
	d.wait(t)
	if got, _ := d.store.Project(id); got.Progress != plan.ProgressUnderway {
		t.Errorf("after redo the store holds %q", got.Progress)
	}
}

// TestDeskAddsAndDeletesProjects: the add button asks for a name and adds
// the project to the page's section; deleting asks, and Undo brings it back.
func TestDeskAddsAndDeletesProjects(t *testing.T) {
	d := openDigitalEconomy(t, "add-projects.db")
	list := d.screen.Projects()
	answer := make(chan error, 1)
	d.history.AddProject(plan.Project{ReportID: d.report.ID, SectionID: d.screen.Current(), Name: "示例数据中心", PlannedCompletion: "2025年"},
		func(_ plan.Project, err error) { answer <- err })
	if err := d.answer(t, answer); err != nil {
		t.Fatal(err)
	}
	d.wait(t)
	rows := list.Projects()
	if len(rows) != 2 || rows[1].Name != "示例数据中心" || rows[1].Progress != plan.ProgressNotStarted {
		t.Fatalf("after adding, the page lists %+v", rows)
	}
	d.history.DeleteProject(rows[1].ID, func(_ plan.Change, err error) { answer <- err })
	if err := d.answer(t, answer); err != nil {
		t.Fatal(err)
	}
	d.wait(t)
	if n := len(list.Projects()); n != 1 {
		t.Fatalf("after deleting, the page lists %d", n)
	}
	menuItem(t, d, "编辑", "撤销").Action()
	d.wait(t)
	if n := len(list.Projects()); n != 2 {
		t.Errorf("after undo, the page lists %d", n)
	}
	// The add button opens the dialog in the window.
	test.Tap(list.AddButtonForTest())
	assertShows(t, d.win, "新增项目")
}
