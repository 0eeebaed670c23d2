package store

import (
	"testing"

	"plandesk/plan"
)

// note is the note of the first indicator on l.
func (l *laptop) note() string {
	l.t.Helper()
	return l.indicators()[0].Note
}

// setNote sets the note of the first indicator on l.
func (l *laptop) setNote(v string) {
	l.t.Helper()
	if _, _, err := l.s.EditIndicator(l.indicators()[0].ID, plan.FieldNote, v, l.name); err != nil {
		l.t.Fatal(err)
	}
}

// TestMergeResolvedApartConverges: one conflict resolved apart on two
// laptops (each took the other's value, so they swapped) is a conflict
// again at their next merge, not a silent difference; resolved there,
// every laptop comes to one value.
func TestMergeResolvedApartConverges(t *testing.T) {
	a, b, c := newLaptop(t, "甲"), newLaptop(t, "乙"), newLaptop(t, "丙")
	a.setNote("甲的备注")
	b.setNote("乙的备注")
	c.merge(a.pack(nil), TakeTheirs)
	if mp, _ := c.merge(b.pack(nil), TakeTheirs); len(mp.Conflicts) != 1 || c.note() != "乙的备注" {
		t.Fatalf("丙 took 乙's: %d conflicts, note %q", len(mp.Conflicts), c.note())
	}
	if mp, _ := b.merge(a.pack(nil), TakeTheirs); len(mp.Conflicts) != 1 || b.note() != "甲的备注" {
		t.Fatalf("乙 took 甲's: %d conflicts, note %q", len(mp.Conflicts), b.note())
	}
	if mp, _ := b.merge(c.pack(nil), TakeTheirs); len(mp.Conflicts) != 1 {
		t.Fatalf("the two resolutions made apart: %d conflicts, want 1 (乙 %q, 丙 %q)", len(mp.Conflicts), b.note(), c.note())
	}
	c.merge(b.pack(nil), TakeTheirs)
	a.merge(c.pack(nil), TakeTheirs)
	if a.note() != b.note() || b.note() != c.note() {
		t.Errorf("notes apart: 甲 %q, 乙 %q, 丙 %q", a.note(), b.note(), c.note())
	}
}

// TestMergeKeptApartIsAConflict: two reviewers who each kept their own
// value over the other's know every change of the field and still hold
// different values: their next merge shows it as a conflict.
func TestMergeKeptApartIsAConflict(t *testing.T) {
	a, b := newLaptop(t, "甲"), newLaptop(t, "乙")
	a.setNote("甲的备注")
	b.setNote("乙的备注")
	pa, pb := a.pack(nil), b.pack(nil)
	a.merge(pb, KeepMine)
	b.merge(pa, KeepMine)
	mp, _ := a.merge(b.pack(nil), TakeTheirs)
	if len(mp.Conflicts) != 1 || mp.Conflicts[0].Mine.Value != "甲的备注" || mp.Conflicts[0].Theirs.Value != "乙的备注" {
		t.Fatalf("kept apart: conflicts %+v", mp.Conflicts)
	}
	b.merge(a.pack(nil), TakeTheirs)
	if a.note() != "乙的备注" || b.note() != "乙的备注" {
		t.Errorf("after taking theirs: 甲 %q, 乙 %q", a.note(), b.note())
	}
}

// TestMergeReplyGoneWithItsThread: a package that deletes a thread and
// later a reply of it (deleted apart on another laptop) merges into a
// laptop that still has both: the thread's deletion takes the reply, and
// the reply's own deletion finds nothing left to do.
func TestMergeReplyGoneWithItsThread(t *testing.T) {
	a, b, c := newLaptop(t, "甲"), newLaptop(t, "乙"), newLaptop(t, "丙")
	sections, _ := a.s.Sections(a.report)
	thread, _, err := a.s.AddComment(plan.Comment{Anchor: plan.AnchorSection, SectionID: sections[1].ID, Text: "请补充数据"}, "甲")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := a.s.AddComment(plan.Comment{ParentID: thread.ID, Text: "已补充"}, "甲"); err != nil {
		t.Fatal(err)
	}
	b.merge(a.pack(nil), TakeTheirs)
	c.merge(a.pack(nil), TakeTheirs)
	comments := func(l *laptop) []plan.Comment {
		cs, err := l.s.Comments(l.report)
		if err != nil {
			t.Fatal(err)
		}
		return cs
	}
	for _, cm := range comments(b) {
		if cm.ParentID != 0 {
			if _, err := b.s.DeleteComment(cm.ID, "乙"); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, cm := range comments(c) {
		if cm.ParentID == 0 {
			if _, err := c.s.DeleteComment(cm.ID, "丙"); err != nil {
				t.Fatal(err)
			}
		}
	}
	c.merge(b.pack(nil), TakeTheirs) // the reply's deletion comes after the thread's
	a.merge(c.pack(nil), TakeTheirs)
	if n := len(comments(a)); n != 0 {
		t.Errorf("甲 still has %d comments", n)
	}
}

// TestMergeDeletionKeptApartIsAConflict: one reviewer deleted a comment
// the other edited, and each kept their side; knowing all the other did,
// they still differ, and their next merges show it as a conflict both
// ways. Taken as theirs, both come to the same.
func TestMergeDeletionKeptApartIsAConflict(t *testing.T) {
	a, b := newLaptop(t, "甲"), newLaptop(t, "乙")
	sections, _ := a.s.Sections(a.report)
	c, _, err := a.s.AddComment(plan.Comment{Anchor: plan.AnchorSection, SectionID: sections[1].ID, Text: "请补充数据"}, "甲")
	if err != nil {
		t.Fatal(err)
	}
	b.merge(a.pack(nil), TakeTheirs)
	if _, err := a.s.DeleteComment(c.ID, "甲"); err != nil {
		t.Fatal(err)
	}
	theirs, _ := b.s.Comments(b.report)
	if _, _, err := b.s.EditComment(theirs[0].ID, plan.FieldCommentText, "已补充2023年数据", "乙"); err != nil {
		t.Fatal(err)
	}
	pa, pb := a.pack(nil), b.pack(nil)
	if mp, _ := a.merge(pb, KeepMine); len(mp.Conflicts) != 1 || mp.Conflicts[0].Deleted != DeletedHere {
		t.Fatalf("甲 keeps the deletion: %+v", mp.Conflicts)
	}
	if mp, _ := b.merge(pa, KeepMine); len(mp.Conflicts) != 1 || mp.Conflicts[0].Deleted != DeletedThere {
		t.Fatalf("乙 keeps the comment: %+v", mp.Conflicts)
	}
	if mp, err := a.s.PlanMerge(b.pack(nil)); err != nil || len(mp.Conflicts) != 1 || mp.Conflicts[0].Deleted != DeletedHere {
		t.Errorf("甲, knowing all 乙 did: %+v, %v", mp.Conflicts, err)
	}
	if mp, err := b.s.PlanMerge(a.pack(nil)); err != nil || len(mp.Conflicts) != 1 || mp.Conflicts[0].Deleted != DeletedThere {
		t.Errorf("乙, knowing all 甲 did: %+v, %v", mp.Conflicts, err)
	}
	a.merge(b.pack(nil), TakeTheirs)
	b.merge(a.pack(nil), TakeTheirs)
	if a.dump() != b.dump() {
		t.Errorf("after taking theirs:\n%s", diffLines(a.dump(), b.dump()))
	}
}
