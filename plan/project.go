package plan

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Progress says how far a project or task has come (工程项目进展). The
// codes are stored; messages labels them 未启动, 推进中, 已完成, 滞后.
const (
	ProgressNotStarted = "not_started" // 未启动
	ProgressUnderway   = "underway"    // 推进中
	ProgressCompleted  = "completed"   // 已完成
	ProgressDelayed    = "delayed"     // 滞后
)

// Progresses lists the progress codes in the order lists and counts show
// them: done first, then under way, behind, not begun.
func Progresses() []string {
	return []string{ProgressCompleted, ProgressUnderway, ProgressDelayed, ProgressNotStarted}
}

// The fields of a project besides those it shares with an indicator
// (FieldName, FieldNote, FieldState, whose columns are named alike).
// Revisions record them in the same Field column, so they are Fields too.
const (
	// FieldPlannedCompletion is when the project is due, as written
	// (2025年, 2024年底, 十四五期末).
	FieldPlannedCompletion Field = "planned_completion"
	// FieldProgress is the project's progress code.
	FieldProgress Field = "progress"
)

// ProblemBadProgress means a progress that is not one of the codes. It is
// numbered apart from the indicator problems (indicator.go) so that either
// list can grow without renumbering the other.
const ProblemBadProgress FieldProblem = 101

// ProjectFields lists the editable fields of a project in list order.
func ProjectFields() []Field {
	return []Field{FieldName, FieldPlannedCompletion, FieldProgress, FieldNote, FieldState}
}

// Project is a major project or key task of the plan (重大工程项目,
// 重点任务) that the evaluation reports on: what it is, when it is due
// and how far it has come.
type Project struct {
	// ID is the project's row id; a deleted project's id is never given
	// to another.
	ID int64
	// UID is the project's identity beyond this database: derived from the
	// report's text and the place for a proposal, random for one a
	// reviewer adds (as for indicators).
	UID string
	// ReportID is the report the project belongs to.
	ReportID int64
	// SectionID is the section whose list shows the project.
	SectionID int64
	// Seq orders the projects of one section.
	Seq int
	// Name is the project or task (汉江湾大桥).
	Name string
	// PlannedCompletion is when it is due, as written; empty when the
	// report does not say.
	PlannedCompletion string
	// Progress is one of the Progress* codes.
	Progress string
	// Note is the reviewer's remark.
	Note string
	// Source is the report sentence the project was found in, if any.
	Source string
	// SourceParagraphID is the paragraph holding Source, if any.
	SourceParagraphID *int64
	// State is StateProposed until a reviewer accepts or edits it, as for
	// indicators. (Progress, not State, is how far the project has come:
	// State means the same thing on every row PlanDesk proposes.)
	State string
	// UpdatedAt is when the project last changed.
	UpdatedAt time.Time
}

// Get returns the text of field f, or "" for a field a project lacks.
func (p *Project) Get(f Field) string {
	if ptr := p.textField(f); ptr != nil {
		return *ptr
	}
	return ""
}

func (p *Project) textField(f Field) *string {
	switch f {
	case FieldName:
		return &p.Name
	case FieldPlannedCompletion:
		return &p.PlannedCompletion
	case FieldProgress:
		return &p.Progress
	case FieldNote:
		return &p.Note
	case FieldState:
		return &p.State
	}
	return nil
}

// Set validates text for field f and stores it; on error the project is
// unchanged and the error is a *FieldError, worded as for an indicator.
func (p *Project) Set(f Field, text string) error {
	text = strings.TrimSpace(text)
	if p.textField(f) == nil {
		return &FieldError{Field: f, Problem: ProblemUnknownField}
	}
	next := *p
	*next.textField(f) = text
	if err := next.validate(f); err != nil {
		return err
	}
	*p = next
	return nil
}

// Validate checks every field, as a new project must pass before it is
// stored.
func (p *Project) Validate() error {
	for _, f := range ProjectFields() {
		if err := p.validate(f); err != nil {
			return err
		}
	}
	return nil
}

func (p *Project) validate(f Field) error {
	bad := func(problem FieldProblem) error { return &FieldError{Field: f, Problem: problem} }
	if limit := MaxLength(f); utf8.RuneCountInString(p.Get(f)) > limit {
		return &FieldError{Field: f, Problem: ProblemTooLong, Limit: limit}
	}
	switch f {
	case FieldName:
		if p.Name == "" {
			return bad(ProblemEmptyName)
		}
	case FieldProgress:
		if !IsProgress(p.Progress) {
			return bad(ProblemBadProgress)
		}
	case FieldState:
		if p.State != StateProposed && p.State != StateConfirmed {
			return bad(ProblemBadState)
		}
	}
	return nil
}

// IsProgress reports whether code is one of the Progress* codes.
func IsProgress(code string) bool {
	switch code {
	case ProgressNotStarted, ProgressUnderway, ProgressCompleted, ProgressDelayed:
		return true
	}
	return false
}

// PlannedYear is the four-digit year PlannedCompletion names (2025 in
// "2025年底"), or 0 when it names none.
func (p *Project) PlannedYear() int {
	s := p.PlannedCompletion
	for i := 0; i+4 <= len(s); i++ {
		if isYear(s[i:i+4]) && (i == 0 || s[i-1] < '0' || s[i-1] > '9') && (i+4 == len(s) || s[i+4] < '0' || s[i+4] > '9') {
			n, _ := strconv.Atoi(s[i : i+4]) // four digits: isYear read them
			return n
		}
	}
	return 0
}

// ProjectCounts is how many of a report's projects stand at each progress.
type ProjectCounts struct {
	// ByProgress holds the count per Progress* code; every code is present.
	ByProgress map[string]int
	// Total is the number of projects.
	Total int
	// Proposed is how many are still proposals (待确认), counted in the
	// totals above too.
	Proposed int
}

// CountProjects counts projects by progress.
func CountProjects(list []Project) ProjectCounts {
	c := ProjectCounts{ByProgress: make(map[string]int, 4), Total: len(list)}
	for _, code := range Progresses() {
		c.ByProgress[code] = 0
	}
	for _, p := range list {
		c.ByProgress[p.Progress]++
		if p.State == StateProposed {
			c.Proposed++
		}
	}
	return c
}
