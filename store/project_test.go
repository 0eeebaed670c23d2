package store

import (
	"errors"
	"path/filepath"
	"testing"

	"plandesk/plan"
)

// seededSections opens a real database file holding the shipped report
// and returns its sections.
func seededSections(t testing.TB) (*Store, []plan.Section) {
	t.Helper()
	s := openTemp(t)
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	reports, _ := s.Reports()
	sections, err := s.Sections(reports[0].ID)
	if err != nil || len(sections) < 2 {
		t.Fatalf("sections: %d, %v", len(sections), err)
	}
	return s, sections
}

func addProject(t testing.TB, s *Store, sec plan.Section, name string) plan.Project {
	t.Helper()
	p, change, err := s.AddProject(plan.Project{ReportID: sec.ReportID, SectionID: sec.ID, Name: name, PlannedCompletion: "2025年"}, "张三")
	if err != nil {
		t.Fatal(err)
	}
	if len(change) != 1 || change[0].ProjectID != p.ID || change[0].IndicatorID != 0 || change[0].Action != plan.ActionCreate {
		t.Fatalf("change = %+v", change)
	}
	return p
}

func TestAddProjectAppendsToItsSectionWithDefaults(t *testing.T) {
	s, sections := seededSections(t)
	sec := sections[1]
	before, _ := s.SectionProjects(sec.ID)
	a := addProject(t, s, sec, "示例大桥")
	b := addProject(t, s, sec, "示例隧道")
	if a.Progress != plan.ProgressNotStarted || a.State != plan.StateConfirmed || a.UID == "" || a.UID == b.UID || b.Seq <= a.Seq {
		t.Errorf("added %+v and %+v", a, b)
	}
	list, err := s.SectionProjects(sec.ID)
	if err != nil || len(list) != len(before)+2 || list[len(list)-1].ID != b.ID {
		t.Fatalf("section list = %+v, %v", list, err)
	}
	all, _ := s.Projects(sec.ReportID)
	if len(all) < 2 {
		t.Errorf("report list has %d projects", len(all))
	}
	got, err := s.Project(a.ID)
	if err != nil || got.Name != "示例大桥" || got.PlannedCompletion != "2025年" {
		t.Errorf("Project(%d) = %+v, %v", a.ID, got, err)
	}
}

func TestAddProjectRefusesBadFieldsAndOtherReportsSections(t *testing.T) {
	s, sections := seededSections(t)
	sec := sections[0]
	var fe *plan.FieldError
	if _, _, err := s.AddProject(plan.Project{ReportID: sec.ReportID, SectionID: sec.ID}, "张三"); !errors.As(err, &fe) || fe.Problem != plan.ProblemEmptyName {
		t.Errorf("no name: %v", err)
	}
	if _, _, err := s.AddProject(plan.Project{ReportID: sec.ReportID, SectionID: sec.ID, Name: "甲", Progress: "已完成"}, "张三"); !errors.As(err, &fe) || fe.Problem != plan.ProblemBadProgress {
		t.Errorf("a label for a code: %v", err)
	}
	if _, _, err := s.AddProject(plan.Project{ReportID: sec.ReportID + 1, SectionID: sec.ID, Name: "甲"}, "张三"); !errors.Is(err, ErrOtherReport) {
		t.Errorf("another report's section: %v", err)
	}
}

func TestEditProjectConfirmsAndUndoRedo(t *testing.T) {
	s, sections := seededSections(t)
	sec := sections[1]
	p, _, err := s.AddProject(plan.Project{ReportID: sec.ReportID, SectionID: sec.ID, Name: "示例大桥", State: plan.StateProposed, Progress: plan.ProgressUnderway}, "张三")
	if err != nil {
		t.Fatal(err)
	}
	got, change, err := s.EditProject(p.ID, plan.FieldProgress, plan.ProgressCompleted, "李四")
	if err != nil {
		t.Fatal(err)
	}
	if got.Progress != plan.ProgressCompleted || got.State != plan.StateConfirmed || len(change) != 2 ||
		change[0].Field != plan.FieldProgress || change[1].Field != plan.FieldState || change[0].Reviewer != "李四" || change[0].ProjectID != p.ID {
		t.Fatalf("after the edit: %+v, change %+v", got, change)
	}
	if _, again, err := s.EditProject(p.ID, plan.FieldProgress, plan.ProgressCompleted, "李四"); err != nil || len(again) != 0 {
		t.Errorf("the same text again: change %+v, %v", again, err)
	}
	var fe *plan.FieldError
	if _, _, err := s.EditProject(p.ID, plan.FieldProgress, "done", "李四"); !errors.As(err, &fe) {
		t.Errorf("a bad progress: %v", err)
	}

	if _, err := s.Revert(change, "李四"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Project(p.ID); got.Progress != plan.ProgressUnderway || got.State != plan.StateProposed {
		t.Errorf("after undo: %+v", got)
	}
	if _, err := s.Reapply(change, "李四"); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Project(p.ID); got.Progress != plan.ProgressCompleted || got.State != plan.StateConfirmed {
		t.Errorf("after redo: %+v", got)
	}
	history, err := s.ProjectRevisions(p.ID)
	// create, edit ×2, undo ×2, redo ×2
	if err != nil || len(history) != 7 || history[0].Replay != plan.ReplayRedo {
		t.Errorf("history = %+v, %v", history, err)
	}
	// A project's revisions are not an indicator's, whatever the ids.
	if ind, _ := s.IndicatorRevisions(p.ID); len(ind) != 0 {
		t.Errorf("indicator %d has the project's revisions: %+v", p.ID, ind)
	}
}

func TestUndoRefusesAProjectChangedSince(t *testing.T) {
	s, sections := seededSections(t)
	p := addProject(t, s, sections[1], "示例大桥")
	_, first, err := s.EditProject(p.ID, plan.FieldNote, "甲", "张三")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.EditProject(p.ID, plan.FieldNote, "乙", "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Revert(first, "张三"); !errors.Is(err, ErrChangedSince) {
		t.Errorf("undo over a later edit: %v", err)
	}
	if got, _ := s.Project(p.ID); got.Note != "乙" {
		t.Errorf("the refused undo changed the note to %q", got.Note)
	}
}

func TestDeleteProjectUndoRedoAndIDsAreNeverReused(t *testing.T) {
	s, sections := seededSections(t)
	sec := sections[1]
	p := addProject(t, s, sec, "示例大桥")
	change, err := s.DeleteProject(p.ID, "张三")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Project(p.ID); err == nil {
		t.Fatal("the deleted project is still there")
	}
	next := addProject(t, s, sec, "示例隧道")
	if next.ID <= p.ID {
		t.Errorf("a new project got id %d after %d was deleted", next.ID, p.ID)
	}
	if _, err := s.Revert(change, "张三"); err != nil {
		t.Fatal(err)
	}
	back, err := s.Project(p.ID)
	if err != nil || back.Name != "示例大桥" || back.UID != p.UID || back.Seq != p.Seq {
		t.Fatalf("after undo: %+v, %v", back, err)
	}
	if _, err := s.Reapply(change, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Project(p.ID); err == nil {
		t.Error("redo of the deletion left the project")
	}
	// Undoing the addition of a project deleted since is refused.
	_, add, _ := s.AddProject(plan.Project{ReportID: sec.ReportID, SectionID: sec.ID, Name: "丙"}, "张三")
	if _, err := s.DeleteProject(add[0].ProjectID, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Revert(add, "张三"); !errors.Is(err, ErrChangedSince) {
		t.Errorf("undo of an addition deleted since: %v", err)
	}
}

func TestADeletedReportTakesItsProjects(t *testing.T) {
	path := filepath.Join(t.TempDir(), "plandesk.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	reports, _ := s.Reports()
	sections, _ := s.Sections(reports[0].ID)
	addProject(t, s, sections[1], "示例大桥")
	if _, _, err := s.DeleteReport(reports[0].ID, "张三"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var left int64
	s.db.Raw("SELECT count(*) FROM projects").Scan(&left)
	if left != 0 {
		t.Errorf("%d projects outlived their report", left)
	}
}

// TestUpgradeToProjectsKeepsRevisions: a file of schema 3 with an edit in
// its history opens with a projects table, and its revisions still undo.
func TestUpgradeToProjectsKeepsRevisions(t *testing.T) {
	s := upgradedFrom(t, 3,
		`INSERT INTO reports (id, title, imported_at) VALUES (1, '示例报告', '2026-01-01 00:00:00')`,
		`INSERT INTO sections (id, report_id, seq, depth, numbering, title) VALUES (1, 1, 0, 0, '一、', '示例')`,
		`INSERT INTO indicators (id, uid, report_id, section_id, seq, name, note, updated_at) VALUES (1, 'u1', 1, 1, 0, '甲', '新', '2026-01-01 00:00:00')`,
		`INSERT INTO revisions (report_id, indicator_id, action, field, old_text, new_text, at) VALUES (1, 1, 'edit', 'note', '旧', '新', '2026-01-01 00:00:00')`,
	)
	history, err := s.IndicatorRevisions(1)
	if err != nil || len(history) != 1 || history[0].ProjectID != 0 {
		t.Fatalf("history after the upgrade: %+v, %v", history, err)
	}
	if _, err := s.Revert(plan.Change{history[0]}, "张三"); err != nil {
		t.Errorf("undo of an edit made before the upgrade: %v", err)
	}
	if list, err := s.Projects(1); err != nil || len(list) != 0 {
		t.Errorf("projects after the upgrade: %+v, %v", list, err)
	}
	addProject(t, s, plan.Section{ID: 1, ReportID: 1}, "示例大桥")
}

// TestImportProposesProjects: the shipped report's projects are stored as
// proposals, in their sections, with their sentences and paragraphs, and
// get the same uids in two databases.
func TestImportProposesProjects(t *testing.T) {
	a, _ := seededSections(t)
	b, _ := seededSections(t)
	reports, _ := a.Reports()
	list, err := a.Projects(reports[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := b.Projects(reports[0].ID)
	golden := seedProjectCount(t)
	if len(list) != golden || len(other) != golden {
		t.Fatalf("%d and %d projects, the golden list has %d", len(list), len(other), golden)
	}
	indicators, _ := a.Indicators(reports[0].ID)
	uids := map[string]bool{}
	for _, ind := range indicators {
		uids[ind.UID] = true
	}
	for i, p := range list {
		if p.State != plan.StateProposed || p.Source == "" || p.SourceParagraphID == nil || !plan.IsProgress(p.Progress) {
			t.Errorf("project %+v", p)
		}
		if p.UID != other[i].UID || uids[p.UID] {
			t.Errorf("project %q: uid %q, %q in the other database, or an indicator's", p.Name, p.UID, other[i].UID)
		}
		uids[p.UID] = true
	}
	if list[0].Name != "琴台中央文化艺术区美术馆" || list[0].Progress != plan.ProgressCompleted {
		t.Errorf("first project %+v", list[0])
	}
	sectionList, _ := a.SectionProjects(list[0].SectionID)
	if len(sectionList) != 2 {
		t.Errorf("the first section lists %d projects, want 2", len(sectionList))
	}
}
