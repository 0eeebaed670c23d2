package messages

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"plandesk/plan"
)

// ProgressLabel is a project's progress in the UI language (in Chinese
// the words reports use: 未启动, 推进中, 已完成, 滞后), or the code itself
// when it is not one.
func ProgressLabel(code string) string {
	switch code {
	case plan.ProgressNotStarted:
		return lang.L("Not started")
	case plan.ProgressUnderway:
		return lang.L("Under way")
	case plan.ProgressCompleted:
		return lang.L("Completed")
	case plan.ProgressDelayed:
		return lang.L("Behind schedule")
	}
	return code
}

// ProgressChoices lists the progress codes with their labels, in the order
// of plan.Progresses.
func ProgressChoices() []Choice {
	var out []Choice
	for _, code := range plan.Progresses() {
		out = append(out, Choice{Label: ProgressLabel(code), Value: code})
	}
	return out
}

// ProgressCode is the code a progress label stands for, or "" when label
// is none of them.
func ProgressCode(label string) string {
	for _, c := range ProgressChoices() {
		if c.Label == label {
			return c.Value
		}
	}
	return ""
}

// ProjectCounts says how a report's projects stand, one count per
// progress (6 项已完成，2 项推进中，1 项滞后，0 项未启动), and how many are
// still proposals; "" when there are none.
func ProjectCounts(c plan.ProjectCounts) string {
	if c.Total == 0 {
		return ""
	}
	parts := make([]string, 0, 4)
	for _, code := range plan.Progresses() {
		parts = append(parts, ProjectCount(code, c.ByProgress[code]))
	}
	s := strings.Join(parts, lang.L(", "))
	if c.Proposed > 0 {
		s += lang.L(" ({{.Count}} to confirm)", map[string]any{"Count": c.Proposed})
	}
	return s
}

// ProjectCount is one count of ProjectCounts: 6 项已完成.
func ProjectCount(code string, n int) string {
	switch code {
	case plan.ProgressCompleted:
		return lang.L("{{.Count}} completed", map[string]any{"Count": n})
	case plan.ProgressUnderway:
		return lang.L("{{.Count}} under way", map[string]any{"Count": n})
	case plan.ProgressDelayed:
		return lang.L("{{.Count}} behind schedule", map[string]any{"Count": n})
	}
	return lang.L("{{.Count}} not started", map[string]any{"Count": n})
}

// ExplainProject is Explain for an edit of a project: a name left empty
// is the project's.
func ExplainProject(err error) string {
	var fe *plan.FieldError
	if errors.As(err, &fe) && fe.Problem == plan.ProblemEmptyName {
		return lang.L("The project needs a name.")
	}
	return Explain(err)
}

// ProjectFieldLabel is a field of a project in the UI language.
func ProjectFieldLabel(f plan.Field) string {
	switch f {
	case plan.FieldName:
		return lang.L("Project or task")
	case plan.FieldPlannedCompletion:
		return lang.L("Planned completion")
	case plan.FieldProgress:
		return lang.L("Project progress")
	}
	return FieldLabel(f)
}

// ProjectEditText describes the edit of a project's field for the history
// and the status line: 进展: 推进中 → 已完成.
func ProjectEditText(r plan.Revision) string {
	shown := func(text string) string {
		switch r.Field {
		case plan.FieldProgress:
			return ProgressLabel(text)
		case plan.FieldState:
			if l := ChoiceLabel(plan.FieldState, text); l != "" {
				return l
			}
		}
		return Shown(text)
	}
	return fmt.Sprintf("%s: %s → %s", ProjectFieldLabel(r.Field), shown(r.OldText), shown(r.NewText))
}

// projectReplayed is what Replayed says of a project's revision.
func projectReplayed(r plan.Revision) string {
	switch r.Action {
	case plan.ActionCreate:
		return lang.L("adding a project")
	case plan.ActionDelete:
		return lang.L("deleting a project")
	}
	return ProjectEditText(r)
}
