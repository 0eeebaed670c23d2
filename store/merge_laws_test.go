package store

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"

	"plandesk/plan"
	"plandesk/reviewpack"
)

// TestMergeCommutes: A's and B's packages, which do not conflict, merged
// into C in either order give the same data; a package merged into the
// laptop it came from changes nothing.
func TestMergeCommutes(t *testing.T) {
	a, b := newLaptop(t, "张三"), newLaptop(t, "李四")
	inds := a.indicators()
	if _, _, err := a.s.EditIndicator(inds[0].ID, plan.FieldNote, "甲的意见", "张三"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.s.DeleteIndicator(b.indicators()[1].ID, "李四"); err != nil {
		t.Fatal(err)
	}
	sections, _ := b.s.Sections(b.report)
	if _, _, err := b.s.AddComment(plan.Comment{Anchor: plan.AnchorSection, SectionID: sections[2].ID, Text: "乙的意见"}, "李四"); err != nil {
		t.Fatal(err)
	}
	pa, pb := a.pack(nil), b.pack(nil)
	c1, c2 := newLaptop(t, "王五"), newLaptop(t, "赵六")
	c1.merge(pa, KeepMine)
	c1.merge(pb, KeepMine)
	c2.merge(pb, KeepMine)
	c2.merge(pa, KeepMine)
	if c1.dump() != c2.dump() {
		t.Errorf("A then B differs from B then A")
	}
	before := a.dump()
	if mp, done := a.merge(pa, KeepMine); len(done) != 0 || len(mp.Apply) != 0 || a.dump() != before {
		t.Errorf("A's own package into A: %+v", mp.Apply)
	}
}

// TestMergeProperty: three laptops start from one report, edit, comment,
// reply, delete and mark at random, and exchange packages in random
// orders (A→B→C→A rounds among them), conflicts taken as theirs. After a
// last round all three hold the same data; every change of every package
// was applied, already there or in a conflict; and every conflict was
// real: both sides had changed the field from the base. Each laptop's own
// package, merged back into it, finds nothing to do.
func TestMergeProperty(t *testing.T) {
	seeds := 20
	if n, err := strconv.Atoi(os.Getenv("MERGE_SEEDS")); err == nil {
		seeds = n // MERGE_SEEDS=200 for a longer search
	}
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprint(seed+1), func(t *testing.T) { mergeProperty(t, seed+1, false) })
	}
}

// TestMergePropertyIncremental is the property with packages made
// --since the last package the two laptops exchanged (either way): what
// a coordinator collecting one USB stick after another does.
func TestMergePropertyIncremental(t *testing.T) {
	seeds := 10
	if n, err := strconv.Atoi(os.Getenv("MERGE_SEEDS")); err == nil {
		seeds = n
	}
	for seed := range uint64(seeds) {
		t.Run(fmt.Sprint(seed+1), func(t *testing.T) { mergeProperty(t, seed+1, true) })
	}
}

func mergeProperty(t *testing.T, seed uint64, incremental bool) {
	rng := rand.New(rand.NewPCG(seed, 15))
	laptops := []*laptop{newLaptop(t, "甲"), newLaptop(t, "乙"), newLaptop(t, "丙")}
	type pair struct{ a, b *laptop }
	last := map[pair]*reviewpack.Pack{} // the last package between two laptops
	exchange := func(from, to *laptop) {
		var since *reviewpack.Pack
		if incremental {
			since = last[pair{from, to}]
		}
		p := from.pack(since)
		last[pair{from, to}], last[pair{to, from}] = &p, &p
		here, err := loadHere(to.s.db, to.report)
		if err != nil {
			t.Fatal(err)
		}
		mp, _ := to.merge(p, TakeTheirs)
		if got := len(mp.Apply) + len(mp.Already) + len(mp.Orphans) + conflictChanges(mp); got != len(p.Changes) {
			t.Fatalf("%s→%s: %d changes planned of %d", from.name, to.name, got, len(p.Changes))
		}
		if len(mp.Orphans) != 0 {
			t.Fatalf("%s→%s: orphans %+v", from.name, to.name, mp.Orphans)
		}
		for _, c := range mp.Conflicts {
			if c.Deleted == "" && !realConflict(c, p, here) {
				t.Errorf("%s→%s: not a real conflict: %+v", from.name, to.name, c)
			}
		}
	}
	for step := 0; step < 60; step++ {
		if rng.IntN(3) == 0 {
			i, j := rng.IntN(3), rng.IntN(3)
			if i != j {
				exchange(laptops[i], laptops[j])
			}
			continue
		}
		randomEdit(t, rng, laptops[rng.IntN(3)])
	}
	for round := 0; round < 3; round++ {
		exchange(laptops[0], laptops[1])
		exchange(laptops[1], laptops[2])
		exchange(laptops[2], laptops[0])
	}
	exchange(laptops[0], laptops[1])
	want := laptops[0].dump()
	for _, l := range laptops[1:] {
		if got := l.dump(); got != want {
			t.Errorf("%s differs from %s:\n%s", l.name, laptops[0].name, diffLines(want, got))
		}
	}
	for _, l := range laptops {
		if mp, err := l.s.PlanMerge(l.pack(nil)); err != nil || len(mp.Apply)+len(mp.Conflicts)+len(mp.Orphans) != 0 {
			t.Errorf("%s's own package into %s: %d to apply, %d conflicts, %v", l.name, l.name, len(mp.Apply), len(mp.Conflicts), err)
		}
	}
}

// realConflict says whether a conflict on a field is one: the two sides
// hold different values, the package changed the field in ways this side
// had not seen (the conflict holds them), and this side changed it in a
// way the package does not hold (its latest change of the field): both
// sides changed the field since the last change of it they share. Or:
// both know every change of it and still hold different values (each
// kept its own over the other's).
func realConflict(c Conflict, p reviewpack.Pack, here *hereState) bool {
	if c.Mine.Value == c.Theirs.Value || len(c.Changes) == 0 {
		return false
	}
	head, ok := here.latest[key{c.Kind, c.Entity}][c.Field]
	if !ok {
		return false // this side never changed the field
	}
	apart := true
	for _, ch := range c.Changes {
		apart = apart && here.seen[ch.UID]
	}
	if apart {
		return true // both know every change, and hold different values
	}
	for _, ch := range p.Changes {
		if ch.UID == head.Identity() {
			return false // the package holds this side's latest change
		}
	}
	return true
}

func conflictChanges(mp MergePlan) int {
	n := 0
	for _, c := range mp.Conflicts {
		n += len(c.Changes)
	}
	return n
}

// randomEdit makes one random change on l.
func randomEdit(t *testing.T, rng *rand.Rand, l *laptop) {
	t.Helper()
	inds := l.indicators()
	sections, _ := l.s.Sections(l.report)
	comments, _ := l.s.Comments(l.report)
	who := l.name
	var err error
	switch rng.IntN(7) {
	case 0, 1:
		ind := inds[rng.IntN(min(len(inds), 5))]
		_, _, err = l.s.EditIndicator(ind.ID, plan.FieldNote, fmt.Sprintf("%s%d", who, rng.IntN(3)), who)
	case 2:
		if len(inds) > 20 {
			_, err = l.s.DeleteIndicator(inds[5+rng.IntN(len(inds)-5)].ID, who)
		}
	case 3:
		_, err = l.s.SetSectionReview(sections[rng.IntN(4)].ID, plan.Reviews()[rng.IntN(3)], who)
	case 4:
		_, _, err = l.s.AddComment(plan.Comment{Anchor: plan.AnchorSection, SectionID: sections[rng.IntN(4)].ID, Text: who + "的意见"}, who)
	case 5:
		if len(comments) > 0 {
			c := comments[rng.IntN(len(comments))]
			if rng.IntN(2) == 0 {
				_, _, err = l.s.AddComment(plan.Comment{ParentID: c.ID, Text: who + "的回复"}, who)
			} else {
				_, _, err = l.s.EditComment(c.ID, plan.FieldCommentText, fmt.Sprintf("%s改%d", who, rng.IntN(3)), who)
			}
		}
	case 6:
		if len(comments) > 0 {
			_, err = l.s.DeleteComment(comments[rng.IntN(len(comments))].ID, who)
		}
	}
	if err != nil {
		t.Fatal(err)
	}
}

// diffLines lists the lines one dump has and the other lacks.
func diffLines(a, b string) string {
	in := map[string]int{}
	for _, l := range splitLines(a) {
		in[l]++
	}
	for _, l := range splitLines(b) {
		in[l]--
	}
	out := ""
	for l, n := range in {
		if n > 0 {
			out += "- " + l + "\n"
		} else if n < 0 {
			out += "+ " + l + "\n"
		}
	}
	return out
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
