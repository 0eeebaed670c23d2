package reviewdoc

import (
	"fmt"
	"time"

	"plandesk/plan"
)

// Input is what a review report is made from: one report's values as the
// store holds them, who reviewed it, when, and in which language.
type Input struct {
	// Report is the report reviewed.
	Report plan.Report
	// Sections are its sections in reading order.
	Sections []plan.Section
	// Paragraphs are each section's paragraphs, by section id: they say
	// whether the text a comment quotes is still there (plan.Comment.Locate).
	Paragraphs map[int64][]plan.Paragraph
	// Indicators and Projects are the report's, in any order; each
	// section lists its own by Seq.
	Indicators []plan.Indicator
	Projects   []plan.Project
	// Revisions are the report's history in any order; the appendix keeps
	// the edits, additions and deletions of indicators and projects.
	Revisions []plan.Revision
	// Comments are the report's comments and replies (plan.Threads groups
	// them).
	Comments []plan.Comment
	// Reviewers are named on the cover; Gather lists everyone who wrote a
	// comment or made a change, after the reviewer it is given.
	Reviewers []string
	// Date is the report's date, on the cover.
	Date time.Time
	// Lang is messages.Chinese or messages.English; Build makes it the
	// messages' language, so a caller passes the UI language unless it
	// means to change it. Empty keeps the language as it is.
	Lang string
}

// Source is what Gather reads: the store's read methods for one report.
type Source interface {
	Report(id int64) (plan.Report, error)
	Sections(reportID int64) ([]plan.Section, error)
	ReportParagraphs(reportID int64) (map[int64][]plan.Paragraph, error)
	Indicators(reportID int64) ([]plan.Indicator, error)
	Projects(reportID int64) ([]plan.Project, error)
	ReportRevisions(reportID int64) ([]plan.Revision, error)
	Comments(reportID int64) ([]plan.Comment, error)
}

// Gather reads report reportID from src into an Input dated date, with
// reviewer (the name in the preferences, may be empty) first among the
// reviewers.
func Gather(src Source, reportID int64, reviewer string, date time.Time, lang string) (Input, error) {
	in := Input{Date: date, Lang: lang}
	var err error
	if in.Report, err = src.Report(reportID); err != nil {
		return Input{}, fmt.Errorf("review report: %w", err)
	}
	steps := []func() error{
		func() (err error) { in.Sections, err = src.Sections(reportID); return },
		func() (err error) { in.Paragraphs, err = src.ReportParagraphs(reportID); return },
		func() (err error) { in.Indicators, err = src.Indicators(reportID); return },
		func() (err error) { in.Projects, err = src.Projects(reportID); return },
		func() (err error) { in.Revisions, err = src.ReportRevisions(reportID); return },
		func() (err error) { in.Comments, err = src.Comments(reportID); return },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return Input{}, fmt.Errorf("review report of report %d: %w", reportID, err)
		}
	}
	in.Reviewers = reviewersOf(reviewer, in.Comments, in.Revisions)
	return in, nil
}

// reviewersOf lists first, then everyone who wrote a comment, then everyone
// who changed a value, each once, without empty names.
func reviewersOf(first string, comments []plan.Comment, revisions []plan.Revision) []string {
	var names []string
	seen := map[string]bool{"": true}
	add := func(name string) {
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	add(first)
	for _, c := range comments {
		add(c.Reviewer)
	}
	for _, r := range revisions {
		if valueChange(r) {
			add(r.Reviewer)
		}
	}
	return names
}
