package plan

import (
	"errors"
	"strings"
	"testing"
)

func TestProjectSetValidatesEachField(t *testing.T) {
	p := Project{Name: "汉江湾大桥", Progress: ProgressUnderway, State: StateProposed}
	for _, c := range []struct {
		field   Field
		text    string
		problem FieldProblem
	}{
		{FieldName, "  ", ProblemEmptyName},
		{FieldName, strings.Repeat("桥", 201), ProblemTooLong},
		{FieldProgress, "已完成", ProblemBadProgress}, // the label is not the code
		{FieldProgress, "", ProblemBadProgress},
		{FieldState, "done", ProblemBadState},
		{FieldUnit, "个", ProblemUnknownField}, // a project has no unit
		{FieldPlannedCompletion, strings.Repeat("年", 101), ProblemTooLong},
	} {
		before := p
		err := p.Set(c.field, c.text)
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Problem != c.problem || fe.Field != c.field {
			t.Errorf("Set(%s, %q) = %v, want problem %d", c.field, c.text, err, c.problem)
		}
		if p != before {
			t.Errorf("Set(%s, %q) changed the project on error", c.field, c.text)
		}
	}
	for _, c := range []struct {
		field Field
		text  string
	}{
		{FieldName, " 汉江湾大桥建成通车 "},
		{FieldPlannedCompletion, "2025年底"},
		{FieldPlannedCompletion, ""},
		{FieldProgress, ProgressCompleted},
		{FieldNote, "已通车"},
		{FieldState, StateConfirmed},
	} {
		if err := p.Set(c.field, c.text); err != nil {
			t.Errorf("Set(%s, %q): %v", c.field, c.text, err)
		}
		if got := p.Get(c.field); got != strings.TrimSpace(c.text) {
			t.Errorf("after Set(%s, %q) the field is %q", c.field, c.text, got)
		}
	}
}

func TestProjectValidateChecksEveryField(t *testing.T) {
	if err := (&Project{Name: "甲", Progress: ProgressNotStarted, State: StateConfirmed}).Validate(); err != nil {
		t.Errorf("a whole project: %v", err)
	}
	for _, p := range []Project{
		{Progress: ProgressNotStarted, State: StateConfirmed},
		{Name: "甲", State: StateConfirmed},
		{Name: "甲", Progress: ProgressNotStarted},
	} {
		if err := p.Validate(); err == nil {
			t.Errorf("%+v passed", p)
		}
	}
}

func TestPlannedYear(t *testing.T) {
	for text, want := range map[string]int{"2025年": 2025, "2024年底": 2024, "十四五期末": 0, "": 0, "12025": 0, "到2023年6月": 2023} {
		p := Project{PlannedCompletion: text}
		if got := p.PlannedYear(); got != want {
			t.Errorf("PlannedYear(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestCountProjects(t *testing.T) {
	c := CountProjects([]Project{
		{Progress: ProgressCompleted, State: StateProposed},
		{Progress: ProgressCompleted, State: StateConfirmed},
		{Progress: ProgressDelayed, State: StateConfirmed},
	})
	if c.Total != 3 || c.Proposed != 1 || c.ByProgress[ProgressCompleted] != 2 || c.ByProgress[ProgressDelayed] != 1 {
		t.Errorf("counts = %+v", c)
	}
	if n, ok := c.ByProgress[ProgressNotStarted]; !ok || n != 0 {
		t.Errorf("a progress no project has is missing: %+v", c.ByProgress)
	}
}
