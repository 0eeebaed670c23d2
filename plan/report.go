package plan

import (
	"time"
)

// Report is one evaluation report of a plan, as imported from its text.
type Report struct {
	// ID is the report's row id.
	ID int64
	// Title is the report's full title, from its title block.
	Title string
	// Region is the administrative area the report covers (汉阳区); empty when the title does not say.
	Region string
	// PlanPeriod is the plan it evaluates in its short form (十四五); empty when the title does not say.
	PlanPeriod string
	// EvaluationDate is when the evaluation was made, as written; empty when the report does not say.
	EvaluationDate string
	// SourceName is the name of the file the report was imported from.
	SourceName string
	// ImportedAt is when the report was added to this database.
	ImportedAt time.Time
	// Fingerprint is a hash of the report's text as imported (title,
	// headings, paragraphs): the same report imported again, here or on
	// another laptop, has the same one.
	Fingerprint string
	// RemovedAt is when the report was deleted, nil for a report in use. A
	// deleted report is kept until the database is closed, so the deletion
	// can be undone in the session, and purged then.
	RemovedAt *time.Time
}
