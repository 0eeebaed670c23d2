package messages

import (
	"fyne.io/fyne/v2/lang"

	"plandesk/plan"
)

// ReviewLabel is a section's review state in the UI language (未审阅,
// 已审阅, 需修改), or the code itself when it is not one.
func ReviewLabel(code string) string {
	switch code {
	case plan.ReviewNone:
		return lang.L("Not reviewed")
	case plan.ReviewDone:
		return lang.L("Reviewed")
	case plan.ReviewNeedsChanges:
		return lang.L("Needs changes")
	}
	return code
}

// ReviewChoices lists the review states with their labels, in the order of
// plan.Reviews.
func ReviewChoices() []Choice {
	out := make([]Choice, 0, 3)
	for _, code := range plan.Reviews() {
		out = append(out, Choice{Label: ReviewLabel(code), Value: code})
	}
	return out
}

// ReviewProgress is the overview's line on the review (已审阅 12/17 节),
// with the sections found to need changes when there are any (· 2 节需修改)
// and the comments still open once there are comments (· 5 条意见待处理).
func ReviewProgress(c plan.ReviewCounts, comments map[string]int) string {
	line := lang.L("Reviewed {{.Done}}/{{.Total}} sections", map[string]any{"Done": c.Reviewed(), "Total": c.Total})
	if n := c.ByState[plan.ReviewNeedsChanges]; n > 0 {
		line += " · " + lang.L("{{.Count}} need changes", map[string]any{"Count": n})
	}
	total := 0
	for _, n := range comments {
		total += n
	}
	if total > 0 {
		line += " · " + lang.L("{{.Count}} comments open", map[string]any{"Count": comments[plan.CommentOpen]})
	}
	return line
}

// ReviewerLine is the status line's word on who is recorded with every
// change (审阅人：张三).
func ReviewerLine(name string) string {
	return lang.L("Reviewer: {{.Name}}", map[string]any{"Name": name})
}

// ReviewerWork is one reviewer's line in the coordinator's view: 李委员：
// 已审阅 3 节 · 2 条意见 · 5 处修改.
func ReviewerWork(st plan.ReviewerStats) string {
	return lang.L("{{.Who}}: reviewed {{.Sections}} sections · {{.Comments}} comments · {{.Changes}} changes", map[string]any{
		"Who": Shown(st.Reviewer), "Sections": st.SectionsReviewed, "Comments": st.Comments, "Changes": st.Changes})
}
