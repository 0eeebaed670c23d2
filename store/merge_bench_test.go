package store

import (
	"fmt"
	"testing"

	"plandesk/plan"
	"plandesk/reviewpack"
)

// thousandChanges is a laptop holding 1,000 changes of the shipped
// report (edits of indicators and comments) and its package.
func thousandChanges(b *testing.B) (*laptop, reviewpack.Pack) {
	b.Helper()
	a := newLaptop(b, "张三")
	inds := a.indicators()
	sections, _ := a.s.Sections(a.report)
	for n := 0; n < 1000; {
		if n%4 == 3 {
			if _, _, err := a.s.AddComment(plan.Comment{Anchor: plan.AnchorSection, SectionID: sections[n%len(sections)].ID, Text: fmt.Sprint("意见", n)}, "张三"); err != nil {
				b.Fatal(err)
			}
			n++
			continue
		}
		_, change, err := a.s.EditIndicator(inds[n%len(inds)].ID, plan.FieldNote, fmt.Sprint("备注", n), "张三")
		if err != nil {
			b.Fatal(err)
		}
		n += len(change)
	}
	p := a.pack(nil)
	if len(p.Changes) < 1000 {
		b.Fatalf("%d changes", len(p.Changes))
	}
	return a, p
}

func BenchmarkExportPack(b *testing.B) {
	a, _ := thousandChanges(b)
	for b.Loop() {
		if _, err := a.s.ExportPack(a.report, nil, "张三"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkPlanMerge(b *testing.B) {
	_, p := thousandChanges(b)
	c := newLaptop(b, "李四")
	for b.Loop() {
		if mp, err := c.s.PlanMerge(p); err != nil || len(mp.Apply) < 1000 {
			b.Fatal(err, len(mp.Apply))
		}
	}
}

func BenchmarkApplyMerge(b *testing.B) {
	_, p := thousandChanges(b)
	for b.Loop() {
		b.StopTimer()
		c := newLaptop(b, "李四")
		b.StartTimer()
		mp, err := c.s.PlanMerge(p)
		if err != nil {
			b.Fatal(err)
		}
		if done, err := c.s.ApplyMerge(mp, nil, "李四"); err != nil || len(done) < 1000 {
			b.Fatal(err, len(done))
		}
	}
}
