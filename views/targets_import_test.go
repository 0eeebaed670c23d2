package views

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"plandesk/icons"
	"plandesk/messages"
	"plandesk/targets"
)

// pastedTable is the illustrative target table (示例数据, not Hanyang's
// plan) as WPS or Excel puts copied cells on the clipboard.
func pastedTable(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("..", "targets", "testdata", "illustrative-targets-NOT-REAL.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// TestTargetsImportFromAPaste: pasting the table recognises its columns and
// matches its rows; a column given another role and a match changed or
// refused by hand change the update before it is applied.
func TestTargetsImportFromAPaste(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	if err := messages.Use(messages.Chinese); err != nil {
		t.Fatal(err)
	}
	st, report := seededStore(t)
	imp := NewTargetsImport(st, report.ID)
	var applied *targets.Application
	imp.OnApply = func(app targets.Application) { applied = &app }
	imp.OnError = func(err error) { t.Errorf("error: %v", err) }
	w := test.NewTempWindow(t, imp)
	w.Resize(fyne.NewSize(1100, 720))

	test.Type(imp.PasteForTest(), "x") // typing without a tab reads nothing
	if len(imp.Matching().Matches) != 0 {
		t.Fatal("a text without cells was read as a table")
	}
	imp.PasteForTest().SetText(pastedTable(t))
	m := imp.Matching()
	matched := 0
	for _, r := range m.Matches {
		if r.IndicatorID != 0 {
			matched++
		}
	}
	if matched < 15 || imp.Application().Changes() == 0 || len(imp.columns.Objects) == 0 {
		t.Fatalf("%d of %d rows matched, %d changes, %d columns", matched, len(m.Matches), imp.Application().Changes(), len(imp.columns.Objects))
	}
	if !strings.Contains(imp.lists.Text, "报告中没有对应指标的规划指标") {
		t.Errorf("lists say %q", imp.lists.Text)
	}
	before := imp.Application().Changes()

	// Refuse the first match by hand: its changes leave the update.
	first := -1
	for i, r := range m.Matches {
		if r.IndicatorID != 0 {
			first = i
			break
		}
	}
	imp.onPick(first, 0)
	if imp.Matching().Matches[first].IndicatorID != 0 || imp.Application().Changes() >= before {
		t.Errorf("refusing a match: id %d, %d changes (was %d)", imp.Matching().Matches[first].IndicatorID, imp.Application().Changes(), before)
	}

	// The attribute column read as nothing: no attribute changes.
	attr := imp.mapping.Column(targets.RoleAttribute)
	imp.onRole(attr, targets.RoleNone)
	for _, pr := range imp.Application().Plan.Rows {
		for _, c := range pr.Changes {
			if c.Field == "attribute" {
				t.Fatalf("row %d still changes the attribute", pr.Row)
			}
		}
	}
	test.Tap(imp.apply)
	if applied == nil || applied.Changes() != imp.Application().Changes() {
		t.Errorf("apply passed %v", applied)
	}
}

// TestTargetsImportAddsTheRowsTheReportLacks: with the box ticked the plan
// rows left unmatched become new indicators of the chosen section.
func TestTargetsImportAddsTheRowsTheReportLacks(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := seededStore(t)
	imp := NewTargetsImport(st, report.ID)
	imp.OnError = func(err error) { t.Errorf("error: %v", err) }
	test.NewTempWindow(t, imp)
	imp.PasteForTest().SetText(pastedTable(t))
	updates := len(imp.Application().Plan.Rows)
	unmatched := len(imp.unmatchedRows())
	imp.add.SetChecked(true)
	creates := 0
	for _, pr := range imp.Application().Plan.Rows {
		if pr.Action == "create" {
			creates++
			if pr.SectionID != imp.sections[0].ID || pr.Want.Target == "" && pr.Want.Baseline == "" {
				t.Errorf("row %d: section %d, target %q", pr.Row, pr.SectionID, pr.Want.Target)
			}
		}
	}
	if unmatched == 0 || creates == 0 || len(imp.Application().Plan.Rows) != updates+creates {
		t.Errorf("%d unmatched, %d created, %d rows (was %d)", unmatched, creates, len(imp.Application().Plan.Rows), updates)
	}
	imp.add.SetChecked(false)
	if len(imp.Application().Plan.Rows) != updates {
		t.Errorf("unticked: %d rows, want %d", len(imp.Application().Plan.Rows), updates)
	}
}
