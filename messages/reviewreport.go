package messages

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2/lang"

	"plandesk/plan"
)

// StatusCell is an indicator's status as a section's table shows it: the
// status, or what is missing for one (the reason), after 预警 for an
// obligatory indicator that lags and 待确认 for a proposal. It says what
// views' status column says, so a printed review reads as the screen.
func StatusCell(ind *plan.Indicator) string {
	status := StatusOf(ind)
	if ind.Warning() {
		status = lang.L("Warning") + " · " + status
	}
	if ind.State != plan.StateProposed {
		return status
	}
	return lang.L("To confirm") + " · " + status
}

// OutlookCell is an indicator's outlook as a section's table shows it: the
// verdict and the pace needed, or what the projection lacks beyond what
// the status already says is missing (empty then).
func OutlookCell(ind *plan.Indicator) string {
	o := ind.Outlook()
	if o.Verdict == plan.VerdictUnknown {
		gaps := ind.Gaps()
		for _, g := range o.Missing {
			if !slices.Contains(gaps, g) {
				return OutlookOf(ind)
			}
		}
		return ""
	}
	return OutlookOf(ind)
}

// ReviewWords are the fixed words of the review report (审阅报告): its
// headings, table headers and notes.
type ReviewWords struct {
	ReportName, Summary, ByStatus, Status, Count, Warnings, Lagging   string
	None, Projects, Review, Comments, Sections, SectionProjects       string
	NoComments, Orphans, Appendix, When, Who, Item, Change, NoChanges string
	Indicator, Unit, Baseline, Target, Midterm, Outlook, Section      string
	Project, Planned, Progress, Note, TextGone, OnSection, Total      string
	CommentState, Threads                                             string
}

// ReviewReportWords are the review report's fixed words in the UI language.
func ReviewReportWords() ReviewWords {
	return ReviewWords{
		ReportName:      lang.L("Review report"),
		Summary:         lang.L("Summary of the review"),
		ByStatus:        lang.L("Indicators by status"),
		Status:          lang.L("Status"),
		Count:           lang.L("Count"),
		Warnings:        lang.L("Indicators with a warning (obligatory and lagging)"),
		Lagging:         lang.L("Lagging indicators"),
		None:            lang.L("None."),
		Projects:        lang.L("Projects and tasks by progress"),
		Review:          lang.L("Progress of the review"),
		Comments:        lang.L("Comments"),
		Sections:        lang.L("Section by section"),
		SectionProjects: lang.L("Projects and tasks"),
		NoComments:      lang.L("No comments."),
		Orphans:         lang.L("Comments on sections no longer in the report"),
		Appendix:        lang.L("Appendix: changed values"),
		When:            lang.L("Time"),
		Who:             lang.L("Changed by"),
		Item:            lang.L("Indicator or project"),
		Change:          lang.L("Change"),
		NoChanges:       lang.L("No value was changed."),
		Indicator:       lang.L("Indicator"),
		Unit:            lang.L("Unit"),
		Baseline:        lang.L("Baseline"),
		Target:          lang.L("Target"),
		Midterm:         lang.L("Mid-term"),
		Outlook:         lang.L("Outlook"),
		Section:         lang.L("Section"),
		Project:         lang.L("Project or task"),
		Planned:         lang.L("Planned completion"),
		Progress:        lang.L("Project progress"),
		Note:            lang.L("Note"),
		TextGone:        lang.L("(the text has changed since)"),
		OnSection:       lang.L("On the whole section"),
		Total:           lang.L("Total"),
		CommentState:    lang.L("State"),
		Threads:         lang.L("Comments by state"),
	}
}

// ReviewersLine names the reviewers on the report's cover (审阅人：张三、李四).
func ReviewersLine(names []string) string {
	return lang.L("Reviewers: {{.Names}}", map[string]any{"Names": strings.Join(names, lang.L(", "))})
}

// ReviewDateLine is the cover's date line (日期：2026年12月3日).
func ReviewDateLine(date string) string {
	return lang.L("Date: {{.Date}}", map[string]any{"Date": date})
}

// ReviewStateLine is a section's review state under its heading.
func ReviewStateLine(code string) string {
	return lang.L("Review state: {{.State}}", map[string]any{"State": ReviewLabel(code)})
}

// CommentAnchor says what a comment is on: the quoted text, an indicator,
// a project or the whole section.
func CommentAnchor(c plan.Comment, name string) string {
	switch c.Anchor {
	case plan.AnchorParagraph, plan.AnchorSpan:
		return lang.L("On the text: “{{.Quote}}”", map[string]any{"Quote": c.Quote})
	case plan.AnchorIndicator:
		return lang.L("On the indicator {{.Name}}", map[string]any{"Name": name})
	case plan.AnchorProject:
		return lang.L("On the project {{.Name}}", map[string]any{"Name": name})
	}
	return lang.L("On the whole section")
}

// ProposedWording is a 建议修改's replacement text.
func ProposedWording(text string) string {
	return lang.L("Proposed wording: “{{.Text}}”", map[string]any{"Text": text})
}

// ReplyLine heads a reply: who answered and when, then a colon.
func ReplyLine(reviewer, when string) string {
	return lang.L("Reply from {{.Name}}, {{.When}}: ", map[string]any{"Name": reviewer, "When": when})
}

// ValueChange words one revision of the appendix: an edited field (基期值:
// 100 → 120), an indicator or project added or deleted, and whether it
// was an undo or a redo.
func ValueChange(r plan.Revision) string {
	var what string
	switch {
	case r.Action == plan.ActionCreate:
		what = lang.L("added")
	case r.Action == plan.ActionDelete:
		what = lang.L("deleted")
	case r.ProjectID != 0:
		what = ProjectEditText(r)
	default:
		what = FieldLabel(r.Field) + ": " + ShownField(r.Field, r.OldText) + " → " + ShownField(r.Field, r.NewText)
	}
	switch r.Replay {
	case plan.ReplayUndo:
		what = lang.L("undo") + " · " + what
	case plan.ReplayRedo:
		what = lang.L("redo") + " · " + what
	}
	return what
}

// DeletedName is the appendix's name for an indicator or project that is
// gone and whose name no revision kept.
func DeletedName(project bool) string {
	if project {
		return lang.L("deleted project")
	}
	return lang.L("deleted indicator")
}

// WarningCount says how many indicators carry a warning (预警 3 项).
func WarningCount(n int) string {
	return lang.L("{{.Count}} with a warning", map[string]any{"Count": n})
}

// ReviewDate is the cover's date in the UI language (2026年12月3日,
// 2026-12-03).
func ReviewDate(t time.Time) string {
	return lang.L("{{.Year}}-{{.MM}}-{{.DD}} (date)", map[string]any{
		"Year": t.Year(), "Month": int(t.Month()), "Day": t.Day(),
		"MM": fmt.Sprintf("%02d", int(t.Month())), "DD": fmt.Sprintf("%02d", t.Day()),
	})
}
