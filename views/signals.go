package views

import (
	"plandesk/plan"
	"plandesk/signals"
)

// Signals are the changes the screens follow. The window emits them on the
// UI thread once a change is on the disk; each screen listens for what it
// shows (see Follow on each screen), so nothing has to tell every tab what
// happened.
type Signals struct {
	// IndicatorsChanged says a report's indicators changed.
	IndicatorsChanged *signals.Signal[IndicatorsChange]
	// ProjectsChanged says a report's projects changed.
	ProjectsChanged *signals.Signal[ProjectsChange]
	// ReviewsChanged says the review states of a report's sections changed.
	ReviewsChanged *signals.Signal[ReviewsChange]
	// CommentsChanged says a report's comments changed.
	CommentsChanged *signals.Signal[CommentsChange]
}

// NewSignals returns the signals with no listeners.
func NewSignals() *Signals {
	return &Signals{IndicatorsChanged: signals.New[IndicatorsChange](), ProjectsChanged: signals.New[ProjectsChange](),
		ReviewsChanged: signals.New[ReviewsChange](), CommentsChanged: signals.New[CommentsChange]()}
}

// CommentsChange says which report's comments changed (a comment written,
// edited, answered or deleted, an undo or redo of one): screens showing
// them read them again.
type CommentsChange struct {
	// ReportID is the report whose comments changed.
	ReportID int64
	// SectionID is the section whose comments changed; 0 when it may be
	// any (an undo, a redo).
	SectionID int64
}

// ProjectsChange is what changed among a report's projects.
type ProjectsChange struct {
	// ReportID is the report whose projects changed.
	ReportID int64
	// Updated holds the projects as stored after an edit that touched only
	// them; when it is empty anything may have changed (an addition, a
	// deletion, an undo) and screens read the projects again.
	Updated []plan.Project
}

// IndicatorsChange is what changed among a report's indicators.
type IndicatorsChange struct {
	// ReportID is the report whose indicators changed.
	ReportID int64
	// Updated holds the rows as stored after a change that touched only
	// them (a cell edit): screens patch those rows in place. When it is
	// empty anything may have changed (an undo, an addition, a deletion,
	// an import) and screens read the report again.
	Updated []plan.Indicator
}
