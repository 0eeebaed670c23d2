package app

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"plandesk/plan"
	"plandesk/reviewpack"
	"plandesk/store"
	"plandesk/views"
)

// BenchmarkMergePreview is the preview of a 1,000-change package, from
// the file to the laid-out dialog body: read and check the package, plan
// the merge against a database of the same report, word it, build the
// preview and lay it out at 1920×1080 (the bound is 300 ms).
func BenchmarkMergePreview(b *testing.B) {
	path := thousandChangePack(b)
	here, err := store.Open(filepath.Join(b.TempDir(), "coordinator.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer here.Close()
	if _, err := here.SeedIfEmpty(); err != nil {
		b.Fatal(err)
	}
	test.NewTempApp(b)
	w := test.NewWindow(nil)
	defer w.Close()
	w.Resize(fyne.NewSize(1920, 1080))
	b.ResetTimer()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		p, err := reviewpack.Read(f)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		mp, err := here.PlanMerge(p)
		if err != nil || len(mp.Apply) < 1000 {
			b.Fatalf("%d to apply, %v", len(mp.Apply), err)
		}
		w.SetContent(views.NewMergePreview(mergeView(mp)))
		w.Canvas().Refresh(w.Content())
	}
}

// thousandChangePack writes a package of 1,000 changes (notes and
// comments) made on another laptop of the shipped report.
func thousandChangePack(b *testing.B) string {
	b.Helper()
	return otherLaptop(b, func(s *store.Store, inds []plan.Indicator) {
		sections, _ := s.Sections(inds[0].ReportID)
		for n := 0; n < 1000; {
			if n%4 == 3 {
				if _, _, err := s.AddComment(plan.Comment{Anchor: plan.AnchorSection, SectionID: sections[n%len(sections)].ID, Text: fmt.Sprint("意见", n)}, "李委员"); err != nil {
					b.Fatal(err)
				}
				n++
				continue
			}
			_, change, err := s.EditIndicator(inds[n%len(inds)].ID, plan.FieldNote, fmt.Sprint("备注", n), "李委员")
			if err != nil {
				b.Fatal(err)
			}
			n += len(change)
		}
	})
}
