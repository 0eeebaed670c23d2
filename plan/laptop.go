package plan

// Laptop is the identity of one PlanDesk database: the laptop a reviewer
// works on, named in every change it makes and every review package it
// writes.
type Laptop struct {
	// UID is random, made once with the database.
	UID string
	// Name is what the user calls it (王处长的笔记本); the host name until
	// set.
	Name string
}

// ReviewerStats is what one reviewer did to a report, as the
// coordinator's overview shows it after merging everyone's packages.
type ReviewerStats struct {
	// Reviewer is the name the reviewer gave.
	Reviewer string
	// SectionsReviewed counts the sections whose latest review mark
	// (已审阅 or 需修改) is this reviewer's.
	SectionsReviewed int
	// Comments counts the comments and replies this reviewer wrote that
	// the report holds.
	Comments int
	// Changes counts this reviewer's changes to indicators and projects
	// (edits, additions, deletions, moves, undos).
	Changes int
}
