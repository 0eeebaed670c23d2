package views

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"plandesk/sheet"
)

func TestImportPreviewShowsChangesAndRowErrors(t *testing.T) {
	test.NewTempApp(t)
	st, report := seededStore(t)
	list, err := st.Indicators(report.ID)
	if err != nil {
		t.Fatal(err)
	}
	first := list[0]
	csv := "指标ID,章节,指标名称,中期值原文\n" +
		strconv.FormatInt(first.ID, 10) + ",2.数字经济稳步发展,数字经济类企业,250家\n" +
		",2.数字经济稳步发展,新的指标,12abc\n" +
		",9.没有这一节,别的指标,3个\n"
	sh, err := sheet.ReadCSV(strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	pl, err := st.PlanIndicatorImport(sh, report.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(pl.Rows) != 3 || pl.ErrorRows() != 2 {
		t.Fatalf("plan rows %d, error rows %d", len(pl.Rows), pl.ErrorRows())
	}
	if got := PlanRowText(pl.Rows[0]); !strings.Contains(got, "Row 2") || !strings.Contains(got, "突破210家 → 250家") {
		t.Errorf("update row = %q", got)
	}
	if got := PlanRowText(pl.Rows[1]); !strings.Contains(got, "Row 3") || !strings.Contains(got, "Letters are not allowed") {
		t.Errorf("bad number row = %q", got)
	}
	if got := PlanRowText(pl.Rows[2]); !strings.Contains(got, "no section of this report has this heading") {
		t.Errorf("unknown section row = %q", got)
	}
	test.NewTempWindow(t, NewImportPreview(pl))
}

// TestImportPreviewNamesCellsLeftOut: a row whose formula cells have no
// computed value says which columns it leaves as they are, and an error
// row does not (its errors are what counts).
func TestImportPreviewNamesCellsLeftOut(t *testing.T) {
	test.NewTempApp(t)
	skipped := sheet.PlanRow{Row: 5, Name: "甲", Action: sheet.ImportUnchanged, Skipped: []string{sheet.ColNote}}
	if got := PlanRowText(skipped); !strings.Contains(got, "Row 5") || !strings.Contains(got, "unchanged") ||
		!strings.Contains(got, "left unchanged (formula without a computed value): 备注") {
		t.Errorf("row with a skipped cell = %q", got)
	}
	failed := skipped
	failed.Errors = []*sheet.RowError{{Row: 5, Column: sheet.ColIndicatorID, Err: sheet.ErrUncalculated}}
	if got := PlanRowText(failed); strings.Contains(got, "left unchanged") || !strings.Contains(got, "never computed") {
		t.Errorf("error row = %q", got)
	}
	preview := NewImportPreview(sheet.ImportPlan{Rows: []sheet.PlanRow{skipped}})
	said := false
	for _, o := range preview.(*fyne.Container).Objects {
		if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "1 cells hold a formula whose value was never computed") {
			said = l.Importance == widget.WarningImportance
		}
	}
	if !said {
		t.Error("the summary does not warn of the cell left out")
	}
	test.NewTempWindow(t, preview)
}
