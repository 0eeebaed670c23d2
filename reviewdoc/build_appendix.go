package reviewdoc

import (
	"cmp"
	"slices"

	"plandesk/messages"
	"plandesk/plan"
)

// valueChange reports a revision that changed a value: an indicator or a
// project edited, added or deleted (moves, review states, comments and
// report deletions are not values).
func valueChange(r plan.Revision) bool {
	if r.IndicatorID == 0 && r.ProjectID == 0 || r.CommentID != 0 || r.SectionID != 0 {
		return false
	}
	switch r.Action {
	case plan.ActionEdit, plan.ActionCreate, plan.ActionDelete:
		return true
	}
	return false
}

// appendix lists every value changed, oldest first: when, who, which
// indicator or project, and old → new.
func (b *builder) appendix() {
	w := b.w
	b.heading(1, w.Appendix)
	var list []plan.Revision
	for _, r := range b.in.Revisions {
		if valueChange(r) {
			list = append(list, r)
		}
	}
	if len(list) == 0 {
		b.text(Body, w.NoChanges)
		return
	}
	slices.SortStableFunc(list, func(a, c plan.Revision) int { return cmp.Or(a.At.Compare(c.At), cmp.Compare(a.ID, c.ID)) })
	t := &Table{Header: []string{w.When, w.Who, w.Item, w.Change}, Widths: []int{22, 12, 26, 40}}
	for _, r := range list {
		// An addition keeps the new row, a deletion the old one.
		snapshot := r.NewText
		if r.Action == plan.ActionDelete {
			snapshot = r.OldText
		}
		name := b.indicatorName(r.IndicatorID, snapshot)
		if r.ProjectID != 0 {
			name = b.projectName(r.ProjectID, snapshot)
		}
		who := r.Reviewer
		if who == "" {
			who = "—"
		}
		t.Rows = append(t.Rows, []string{r.At.Local().Format(timeLayout), who, name, messages.ValueChange(r)})
	}
	b.table(t)
}
