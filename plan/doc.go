// Package plan is PlanDesk's domain, in pure Go: a report of a plan's
// mid-term evaluation with its sections and paragraphs, the indicators
// (指标) with their validation, statuses and progress, the overview of a
// report, filtering and sorting, and the revisions that record each change.
//
// It imports neither GORM nor Fyne; store saves these types and views
// shows them.
package plan
