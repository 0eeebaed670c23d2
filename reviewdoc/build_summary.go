package reviewdoc

import (
	"plandesk/messages"
	"plandesk/plan"
)

// summary is the first part: how the indicators stand, which lag, how far
// projects, the review and its comments have come.
func (b *builder) summary() {
	w := b.w
	b.heading(1, w.Summary)
	ov := plan.Summarize(b.in.Report, b.in.Sections, b.in.Indicators)

	b.heading(2, w.ByStatus)
	var labels []string
	var counts []int
	for _, s := range plan.Statuses() {
		labels = append(labels, messages.StatusLabel(s))
		counts = append(counts, ov.Counts[s])
	}
	b.countTable(w.Status, labels, counts)
	b.text(Body, messages.WarningCount(ov.Warnings))

	var warnings, lagging []plan.Indicator
	for _, ind := range ov.Indicators {
		if ind.Warning() {
			warnings = append(warnings, ind)
		}
		if ind.Status() == plan.StatusLagging {
			lagging = append(lagging, ind)
		}
	}
	b.heading(2, w.Warnings)
	b.indicatorList(warnings)
	b.heading(2, w.Lagging)
	b.indicatorList(lagging)

	b.heading(2, w.Projects)
	pc := plan.CountProjects(b.in.Projects)
	if line := messages.ProjectCounts(pc); line != "" {
		b.text(Body, line)
	}
	labels, counts = nil, nil
	for _, code := range plan.Progresses() {
		labels = append(labels, messages.ProgressLabel(code))
		counts = append(counts, pc.ByProgress[code])
	}
	b.countTable(w.Progress, labels, counts)

	b.reviewSummary()
}

// reviewSummary is how far the review has come: sections by review state,
// comments by state.
func (b *builder) reviewSummary() {
	w := b.w
	b.heading(2, w.Review)
	rc := plan.CountReviews(b.in.Sections)
	b.text(Body, messages.ReviewProgress(rc, plan.CommentCounts(b.in.Comments)))
	var labels []string
	var counts []int
	for _, code := range plan.Reviews() {
		labels = append(labels, messages.ReviewLabel(code))
		counts = append(counts, rc.ByState[code])
	}
	b.countTable(messages.FieldLabel(plan.FieldReview), labels, counts)

	b.heading(2, w.Threads)
	cc := plan.CommentCounts(b.in.Comments)
	labels, counts = nil, nil
	for _, code := range plan.CommentStates() {
		labels = append(labels, messages.CommentStateLabel(code))
		counts = append(counts, cc[code])
	}
	b.countTable(w.CommentState, labels, counts)
}

// indicatorList is a table of indicators with their section, numbers and
// status, or 无 for none.
func (b *builder) indicatorList(list []plan.Indicator) {
	if len(list) == 0 {
		b.text(Body, b.w.None)
		return
	}
	w := b.w
	t := &Table{
		Header: []string{w.Indicator, w.Section, w.Baseline, w.Target, w.Midterm, w.Status},
		Widths: []int{24, 22, 12, 14, 12, 16},
	}
	for _, ind := range list {
		t.Rows = append(t.Rows, []string{ind.Name, b.sectionHeading(ind.SectionID), withUnit(ind.Baseline, ind.Unit),
			withUnit(ind.Target, ind.Unit), withUnit(ind.Midterm, ind.Unit), messages.StatusCell(&ind)})
	}
	b.table(t)
}

// withUnit is a value with its unit after it, when the value is a bare
// number; a value as written with its own words is left as it is, and an
// empty one stays empty.
func withUnit(value, unit string) string {
	if value == "" || unit == "" {
		return value
	}
	last := value[len(value)-1]
	if last >= '0' && last <= '9' {
		return value + unit
	}
	return value
}
