package views

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

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
