package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
)

// reviewSummary is the overview's line on how far the review has come
// (已审阅 12/17 节 · 2 节需修改) over a bar of the sections reviewed;
// hidden for a report without sections.
type reviewSummary struct {
	widget.BaseWidget
	line *widget.Label
	bar  *widget.ProgressBar
	// who lists what each reviewer did, once more than one has (after
	// merging their packages): the coordinator's view.
	who *widget.Label
}

func newReviewSummary() *reviewSummary {
	r := &reviewSummary{line: &widget.Label{Wrapping: fyne.TextWrapWord}, bar: widget.NewProgressBar(), who: &widget.Label{Wrapping: fyne.TextWrapWord}}
	// The line above says it in words; the bar's own percentage would
	// say it twice.
	r.bar.TextFormatter = func() string { return "" }
	r.Hidden = true
	r.ExtendBaseWidget(r)
	return r
}

func (r *reviewSummary) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(r.line, r.bar, r.who))
}

// show fills the line and the bar with a report's counts of sections by
// review state and of comment threads by state, and the reviewers' lines
// when several reviewers worked on it.
func (r *reviewSummary) show(c plan.ReviewCounts, comments map[string]int, reviewers []plan.ReviewerStats) {
	r.line.SetText(messages.ReviewProgress(c, comments))
	r.who.SetText(reviewerLines(reviewers))
	r.who.Hidden = len(reviewers) < 2
	r.bar.Max = float64(max(c.Total, 1))
	r.bar.SetValue(float64(c.Reviewed()))
	r.Hidden = c.Total == 0
	r.Refresh()
}

// onReviewsChanged loads the overview again, at once when it is shown and
// on CatchUp otherwise.
func (s *OverviewScreen) onReviewsChanged(c ReviewsChange) { s.reportChanged(c.ReportID) }

// onCommentsChanged counts the comments again, as onReviewsChanged does.
func (s *OverviewScreen) onCommentsChanged(c CommentsChange) { s.reportChanged(c.ReportID) }

func (s *OverviewScreen) reportChanged(reportID int64) {
	if reportID != s.overview.Report.ID {
		return
	}
	if s.Visible() {
		s.Load(reportID)
		return
	}
	s.stale = true
}

// ReviewLine is the overview's review progress line, as shown.
func (s *OverviewScreen) ReviewLine() string {
	if s.reviews.Hidden {
		return ""
	}
	return s.reviews.line.Text
}

// reviewerLines are the reviewers' lines, one each.
func reviewerLines(reviewers []plan.ReviewerStats) string {
	lines := make([]string, len(reviewers))
	for i, st := range reviewers {
		lines[i] = messages.ReviewerWork(st)
	}
	return strings.Join(lines, "\n")
}

// ReviewersLine is the overview's lines of who did what, as shown ("" when
// hidden).
func (s *OverviewScreen) ReviewersLine() string {
	if s.reviews.who.Hidden {
		return ""
	}
	return s.reviews.who.Text
}
