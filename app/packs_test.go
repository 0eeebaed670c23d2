package app

import (
	"io"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"plandesk/atomicfile"
	"plandesk/plan"
	"plandesk/reviewpack"
	"plandesk/store"
	"plandesk/views"
)

// otherLaptop is a second reviewer's database, seeded with the shipped
// report as the window's is, with the edits make does on it, packed into
// a file.
func otherLaptop(t testing.TB, make func(s *store.Store, inds []plan.Indicator)) string {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "other.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	if err := s.SetLaptopName("李委员的笔记本"); err != nil {
		t.Fatal(err)
	}
	reports, _ := s.Reports()
	inds, _ := s.Indicators(reports[0].ID)
	make(s, inds)
	p, err := s.ExportPack(reports[0].ID, nil, "李委员")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "李委员"+reviewpack.FileExt)
	if err := atomicfile.Write(path, func(w io.Writer) error { return reviewpack.Write(w, p) }); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestMergeAPackageFromTheWindow: a package with an edit, a comment and a
// conflicting edit is previewed (who sent it, the counts, the conflict
// side by side); 合并 waits until the conflict has a choice, then merges
// everything in one change that one Ctrl+Z takes back.
func TestMergeAPackageFromTheWindow(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "coordinator.db"))
	d.wait(t)
	inds, _ := d.store.Indicators(d.report.ID)
	a, b := inds[0], inds[1]
	path := otherLaptop(t, func(s *store.Store, theirs []plan.Indicator) {
		if _, _, err := s.EditIndicator(theirs[0].ID, plan.FieldNote, "对方的备注", "李委员"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.EditIndicator(theirs[1].ID, plan.FieldNote, "请核实", "李委员"); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.AddComment(plan.Comment{Anchor: plan.AnchorIndicator, IndicatorID: theirs[1].ID, Text: "口径？"}, "李委员"); err != nil {
			t.Fatal(err)
		}
	})
	if _, _, err := d.store.EditIndicator(a.ID, plan.FieldNote, "本机的备注", "测试审阅人"); err != nil {
		t.Fatal(err)
	}

	d.settle(t, func() { d.mergePack(path) })
	top := d.win.Canvas().Overlays().Top()
	previews := find[*views.MergePreview](top)
	if len(previews) != 1 {
		t.Fatalf("no merge preview; the window shows:\n%s", visibleText(top))
	}
	shown := visibleText(top)
	for _, want := range []string{"来自 李委员（李委员的笔记本）", "冲突 1 项", "本机的备注", "对方的备注", "请核实"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the preview lacks %q:\n%s", want, shown)
		}
	}
	var merge *widget.Button
	for _, btn := range find[*widget.Button](top) {
		if btn.Text == "合并" {
			merge = btn
		}
	}
	if merge == nil || !merge.Disabled() {
		t.Fatalf("合并 before the conflict is resolved: %+v", merge)
	}
	previews[0].ChooseForTest(0, views.ChoiceTheirs, "")
	if merge.Disabled() {
		t.Fatal("合并 stays disabled once the conflict is resolved")
	}
	d.settle(t, func() { test.Tap(merge) })
	note := func(id int64) string {
		ind, _ := d.store.Indicator(id)
		return ind.Note
	}
	comments, _ := d.store.Comments(d.report.ID)
	if note(a.ID) != "对方的备注" || note(b.ID) != "请核实" || len(comments) != 1 || comments[0].Reviewer != "李委员" {
		t.Fatalf("after the merge: notes %q, %q; comments %+v", note(a.ID), note(b.ID), comments)
	}
	if !strings.Contains(d.status.Text, "李委员") {
		t.Errorf("status %q", d.status.Text)
	}
	// The coordinator's view: who did what, on the overview and in the
	// review pane. Taking theirs is the coordinator's own change, from
	// their value: 李委员 made one (the other note), 测试审阅人 two.
	if d.tabs.SelectedIndex() != tabOverview {
		d.settle(t, func() { d.tabs.SelectIndex(tabOverview) })
	}
	if got := d.overview.ReviewersLine(); !strings.Contains(got, "李委员：已审阅 0 节 · 1 条意见 · 1 处修改") || !strings.Contains(got, "测试审阅人") {
		t.Errorf("the overview's reviewers: %q", got)
	}
	d.settle(t, func() { d.tabs.SelectIndex(tabReview) })
	if got := visibleText(d.review); !strings.Contains(got, "李委员：") {
		t.Errorf("the review pane does not say what 李委员 did:\n%s", got)
	}
	d.settle(t, func() { d.tabs.SelectIndex(tabSections) })
	d.settle(t, d.undo)
	comments, _ = d.store.Comments(d.report.ID)
	if note(a.ID) != "本机的备注" || note(b.ID) != b.Note || len(comments) != 0 {
		t.Errorf("after Ctrl+Z: notes %q, %q; %d comments", note(a.ID), note(b.ID), len(comments))
	}
}
