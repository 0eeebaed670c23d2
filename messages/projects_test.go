package messages

import (
	"errors"
	"testing"

	"plandesk/plan"
)

// TestProjectWordsInChinese: progress reads as reports write it, the
// overview's counts as 6 项已完成, and a project's edit and refusal name
// the project.
func TestProjectWordsInChinese(t *testing.T) {
	if err := Use(Chinese); err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]string{plan.ProgressNotStarted: "未启动", plan.ProgressUnderway: "推进中",
		plan.ProgressCompleted: "已完成", plan.ProgressDelayed: "滞后"} {
		if got := ProgressLabel(code); got != want {
			t.Errorf("ProgressLabel(%s) = %q, want %q", code, got, want)
		}
		if ProgressCode(want) != code {
			t.Errorf("ProgressCode(%q) = %q", want, ProgressCode(want))
		}
	}
	c := plan.CountProjects([]plan.Project{{Progress: plan.ProgressCompleted, State: plan.StateProposed}, {Progress: plan.ProgressDelayed, State: plan.StateConfirmed}})
	if got, want := ProjectCounts(c), "1 项已完成、0 项推进中、1 项滞后、0 项未启动（1 项待确认）"; got != want {
		t.Errorf("ProjectCounts = %q, want %q", got, want)
	}
	if got := ProjectCounts(plan.ProjectCounts{}); got != "" {
		t.Errorf("no projects: %q", got)
	}
	edit := plan.Revision{ProjectID: 3, Action: plan.ActionEdit, Field: plan.FieldProgress, OldText: plan.ProgressUnderway, NewText: plan.ProgressCompleted}
	if got, want := Replayed(true, plan.Change{edit}), "已撤销：进展: 推进中 → 已完成"; got != want {
		t.Errorf("Replayed = %q, want %q", got, want)
	}
	if got := Replayed(false, plan.Change{{ProjectID: 3, Action: plan.ActionDelete}}); got != "已重做：删除项目" {
		t.Errorf("Replayed(delete) = %q", got)
	}
	empty := &plan.FieldError{Field: plan.FieldName, Problem: plan.ProblemEmptyName}
	if got := ExplainProject(errors.Join(errors.New("edit"), empty)); got != "项目需要名称。" {
		t.Errorf("ExplainProject(empty name) = %q", got)
	}
	if got := Explain(&plan.FieldError{Field: plan.FieldProgress, Problem: plan.ProblemBadProgress}); got == "" || got == (&plan.FieldError{}).Error() {
		t.Errorf("Explain(bad progress) = %q", got)
	}
}
