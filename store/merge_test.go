package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"plandesk/plan"
	"plandesk/reviewpack"
)

// laptop is one reviewer's database for the merge tests, seeded with the
// shipped report, so that every laptop derives the same uids.
type laptop struct {
	t      testing.TB
	s      *Store
	report int64
	name   string
}

func newLaptop(t testing.TB, name string) *laptop {
	t.Helper()
	s := openTemp(t)
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	reports, err := s.Reports()
	if err != nil || len(reports) != 1 {
		t.Fatal(reports, err)
	}
	if err := s.SetLaptopName(name + "的笔记本"); err != nil {
		t.Fatal(err)
	}
	return &laptop{t: t, s: s, report: reports[0].ID, name: name}
}

func (l *laptop) pack(since *reviewpack.Pack) reviewpack.Pack {
	l.t.Helper()
	p, err := l.s.ExportPack(l.report, since, l.name)
	if err != nil {
		l.t.Fatal(err)
	}
	return p
}

// merge merges p, conflicts resolved by choice, and returns the plan.
func (l *laptop) merge(p reviewpack.Pack, choice string) (MergePlan, plan.Change) {
	l.t.Helper()
	mp, err := l.s.PlanMerge(p)
	if err != nil {
		l.t.Fatal(err)
	}
	if mp.ReportID == 0 {
		if _, err := l.s.AddPackReport(p); err != nil {
			l.t.Fatal(err)
		}
		if mp, err = l.s.PlanMerge(p); err != nil {
			l.t.Fatal(err)
		}
	}
	done, err := l.s.ApplyMerge(mp, mp.Resolve(choice), l.name)
	if err != nil {
		l.t.Fatal(err)
	}
	return mp, done
}

// dump is the review a laptop holds, by uid, as text: what must agree
// between laptops after they exchanged everything.
func (l *laptop) dump() string {
	l.t.Helper()
	var lines []string
	sections, _ := l.s.Sections(l.report)
	secUID := map[int64]string{}
	for _, s := range sections {
		secUID[s.ID] = s.UID
		lines = append(lines, fmt.Sprintf("section %s %s", s.UID, s.ReviewState))
	}
	inds, err := l.s.Indicators(l.report)
	if err != nil {
		l.t.Fatal(err)
	}
	for _, ind := range inds {
		line := "indicator " + ind.UID + " " + secUID[ind.SectionID]
		for _, f := range mergedIndicatorFields() {
			line += "|" + ind.Get(f)
		}
		lines = append(lines, line)
	}
	projects, _ := l.s.Projects(l.report)
	for _, p := range projects {
		lines = append(lines, fmt.Sprintf("project %s %s|%s|%s|%s|%s", p.UID, secUID[p.SectionID], p.Name, p.PlannedCompletion, p.Progress, p.Note))
	}
	comments, _ := l.s.Comments(l.report)
	cUID := map[int64]string{}
	for _, c := range comments {
		cUID[c.ID] = c.UID
	}
	for _, c := range comments {
		lines = append(lines, fmt.Sprintf("comment %s %s %s %s|%s|%s|%s|%s", c.UID, cUID[c.ParentID], secUID[c.SectionID], c.Reviewer, c.Text, c.Kind, c.State, c.Replacement))
	}
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

func (l *laptop) indicators() []plan.Indicator {
	l.t.Helper()
	inds, err := l.s.Indicators(l.report)
	if err != nil {
		l.t.Fatal(err)
	}
	return inds
}

// TestMergeCarriesEdits: an edit, a comment with a reply and a review
// mark made on A reach B through a package, named after A's reviewer and
// laptop; the same package again changes nothing; the merge is undone and
// redone whole.
func TestMergeCarriesEdits(t *testing.T) {
	a, b := newLaptop(t, "张三"), newLaptop(t, "李四")
	ind := a.indicators()[0]
	if _, _, err := a.s.EditIndicator(ind.ID, plan.FieldTarget, "300家", "张三"); err != nil {
		t.Fatal(err)
	}
	sections, _ := a.s.Sections(a.report)
	c, _, err := a.s.AddComment(plan.Comment{Anchor: plan.AnchorSection, SectionID: sections[1].ID, Text: "请补充数据"}, "张三")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.s.AddComment(plan.Comment{ParentID: c.ID, Text: "已补充"}, "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := a.s.SetSectionReview(sections[1].ID, plan.ReviewDone, "张三"); err != nil {
		t.Fatal(err)
	}
	before := b.dump()
	mp, done := b.merge(a.pack(nil), KeepMine)
	if len(mp.Conflicts) != 0 || len(mp.Orphans) != 0 || len(mp.Apply) != 5 || len(done) != 5 {
		t.Fatalf("plan: apply %d, already %d, conflicts %+v, orphans %+v; done %d", len(mp.Apply), len(mp.Already), mp.Conflicts, mp.Orphans, len(done))
	}
	if b.dump() != a.dump() {
		t.Errorf("B after the merge differs from A:\n%s\n---\n%s", b.dump(), a.dump())
	}
	for _, r := range done {
		if r.Reviewer != "张三" || r.Origin == "" || r.Laptop == "" {
			t.Errorf("merged revision %+v", r)
		}
	}
	again, _ := b.merge(a.pack(nil), KeepMine)
	if len(again.Apply) != 0 || len(again.Conflicts) != 0 {
		t.Errorf("the same package again: apply %+v, conflicts %+v", again.Apply, again.Conflicts)
	}
	undone, err := b.s.Revert(done, "李四")
	if err != nil {
		t.Fatal(err)
	}
	if b.dump() != before {
		t.Errorf("after undoing the merge B differs from before it")
	}
	if _, err := b.s.Reapply(done, "李四"); err != nil || b.dump() != a.dump() {
		t.Errorf("redo: %v, %d undone", err, len(undone))
	}
	// Back to A: it holds all of it.
	back, _ := a.merge(b.pack(nil), TakeTheirs)
	if len(back.Conflicts) != 0 || a.dump() != b.dump() {
		t.Errorf("B's package into A: conflicts %+v, apply %+v", back.Conflicts, back.Apply)
	}
}

// TestMergeConflict: the same field changed apart on both sides is a
// conflict, shown with both values and who set them; unresolved, nothing
// is applied.
func TestMergeConflict(t *testing.T) {
	a, b := newLaptop(t, "张三"), newLaptop(t, "李四")
	ind := a.indicators()[0]
	if _, _, err := a.s.EditIndicator(ind.ID, plan.FieldNote, "甲", "张三"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.s.EditIndicator(b.indicators()[0].ID, plan.FieldNote, "乙", "李四"); err != nil {
		t.Fatal(err)
	}
	mp, err := b.s.PlanMerge(a.pack(nil))
	if err != nil {
		t.Fatal(err)
	}
	var note *Conflict
	for i := range mp.Conflicts {
		if mp.Conflicts[i].Field == string(plan.FieldNote) {
			note = &mp.Conflicts[i]
		}
	}
	if note == nil || note.Mine.Value != "乙" || note.Mine.Reviewer != "李四" || note.Theirs.Value != "甲" || note.Theirs.Reviewer != "张三" || note.Name != ind.Name {
		t.Fatalf("conflicts = %+v", mp.Conflicts)
	}
	before := b.dump()
	if _, err := b.s.ApplyMerge(mp, nil, "李四"); !errors.Is(err, ErrUnresolved) || b.dump() != before {
		t.Errorf("unresolved: %v", err)
	}
	res := mp.Resolve(KeepMine)
	res[note.Key] = Resolution{Choice: TypeValue, Value: "甲乙"}
	if _, err := b.s.ApplyMerge(mp, res, "李四"); err != nil {
		t.Fatal(err)
	}
	if got := b.indicators()[0].Note; got != "甲乙" {
		t.Errorf("typed value: note = %q", got)
	}
	if again, _ := b.s.PlanMerge(a.pack(nil)); len(again.Conflicts) != 0 || len(again.Apply) != 0 {
		t.Errorf("a resolved conflict comes back: %+v", again.Conflicts)
	}
}
