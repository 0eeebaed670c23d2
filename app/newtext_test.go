package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plandesk/plan"
	"plandesk/reporttext"
	"plandesk/store"
	"plandesk/views"
)

// revisedSeedText is the shipped report's text with one commented
// phrase reworded.
func revisedSeedText() string {
	return strings.Replace(string(store.SeedText()), "新能源汽车长廊加快打造", "新能源汽车产业初具规模", 1)
}

// commentOnSeed comments on a phrase of the shipped report the revised
// text rewords.
func commentOnSeed(t *testing.T, d *testDesk) {
	t.Helper()
	sections, _ := d.store.Sections(d.report.ID)
	for _, sec := range sections {
		paragraphs, _ := d.store.Paragraphs(sec.ID)
		for _, p := range paragraphs {
			if at := strings.Index(p.Text, "新能源汽车长廊加快打造"); at >= 0 {
				_, _, err := d.store.AddComment(plan.Comment{Anchor: plan.AnchorSpan, SectionID: sec.ID, ParagraphSeq: p.Seq,
					Start: at, End: at + len("新能源汽车长廊加快打造"), Text: "请核实"}, "测试审阅人")
				if err != nil {
					t.Fatal(err)
				}
				return
			}
		}
	}
	t.Fatal("the shipped report lacks the phrase")
}

// waitForDialog waits for the window to come to rest with a dialog
// saying want on top, and returns its text. It reads the window only at
// rest: the test driver runs the window's work on the background queue's
// goroutine.
func waitForDialog(t *testing.T, d *testDesk, want string) string {
	t.Helper()
	for range 5 {
		d.waitQuiet(t)
		if overlays := d.win.Canvas().Overlays().List(); len(overlays) > 0 {
			if text := visibleText(overlays[len(overlays)-1]); strings.Contains(text, want) {
				return text
			}
		}
	}
	t.Fatalf("no dialog saying %q", want)
	return ""
}

// TestDeskOffersAnImportAsTheNewTextOfItsReport: importing a text with
// the title of the report here and another text offers it as that
// report's new text; taking the offer replaces the text, keeps the one
// report, empties the undo history and says what became of the comments
// and where the backup is.
func TestDeskOffersAnImportAsTheNewTextOfItsReport(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "newtext.db"))
	d.waitQuiet(t)
	commentOnSeed(t, d)
	// A change to undo, kept without telling the screens (which would
	// reload while the test reads them).
	d.history.pushDone(plan.Change{{ReportID: d.report.ID, IndicatorID: 1, Action: plan.ActionEdit, Field: plan.FieldNote}})
	parsed, err := reporttext.ParseReport([]byte(revisedSeedText()))
	if err != nil {
		t.Fatal(err)
	}
	d.importParsed(parsed, "修订稿.txt", false)
	waitForDialog(t, d, "标题相同而原文不同")
	pressButton(t, d, "作为该报告的新版原文")
	summary := waitForDialog(t, d, "的原文已更新为 修订稿.txt")
	for _, want := range []string{"1 条原文已变", "· “新能源汽车长廊加快打造”", ".before-new-text-"} {
		if !strings.Contains(summary, want) {
			t.Errorf("the summary lacks %q:\n%s", want, summary)
		}
	}
	reports, _ := d.store.Reports()
	if len(reports) != 1 || reports[0].SourceName != "修订稿.txt" || d.report.ID != reports[0].ID {
		t.Errorf("reports %+v, on screen %d", reports, d.report.ID)
	}
	if d.history.CanUndo() {
		t.Error("the changes before the new text can still be undone")
	}
	revisions, _ := d.store.ReportRevisions(d.report.ID)
	if len(revisions) == 0 {
		t.Fatal("no revision records the new text")
	}
	if !strings.Contains(views.RevisionText(revisions[0], d.report.Title), "更新原文：hanyang-midterm-eval.txt → 修订稿.txt") {
		t.Errorf("the history's last revision is %+v", revisions[0])
	}
}

// TestDeskImportsANewTextFromAFile: 文件 → 导入新版原文… is there, and the
// file it is given is read and put in place of the report's text.
func TestDeskImportsANewTextFromAFile(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "newtext-file.db"))
	d.waitQuiet(t)
	menuItem(t, d, "文件", "导入新版原文…")
	path := filepath.Join(t.TempDir(), "第二稿.txt")
	if err := os.WriteFile(path, []byte(revisedSeedText()), 0o644); err != nil {
		t.Fatal(err)
	}
	d.newTextFrom(d.report, path)
	waitForDialog(t, d, "的原文已更新为 第二稿.txt")
	if reports, _ := d.store.Reports(); len(reports) != 1 || reports[0].SourceName != "第二稿.txt" {
		t.Errorf("reports %+v", reports)
	}
}
