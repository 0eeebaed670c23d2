package views

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"plandesk/icons"
	"plandesk/plan"
)

func TestAllIndicatorsFiltersAndSorts(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := seededStore(t)
	s := NewAllIndicatorsScreen(st, nopEditor{})
	loaded := make(chan struct{}, 4)
	s.OnLoaded = func() { loaded <- struct{}{} }
	s.OnError = func(err error) { t.Errorf("load: %v", err) }
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(1400, 700))
	s.Load(report.ID)
	select {
	case <-loaded:
	case <-time.After(5 * time.Second):
		t.Fatal("not loaded")
	}
	table := s.Table()
	if n := len(table.Rows()); n != 24 {
		t.Fatalf("%d rows, want the 24 proposals", n)
	}
	if got := s.count.Text; !strings.Contains(got, "24") {
		t.Errorf("count = %q", got)
	}

	test.Type(s.search, "覆盖率")
	if n := len(table.Rows()); n != 2 {
		t.Fatalf("search 覆盖率 kept %d rows", n)
	}
	s.search.SetText("")

	s.section.SetSelectedIndex(8) // 7.公共服务持续完善 (after 全部章节, 一、, 1.–6.)
	for _, ind := range table.Rows() {
		if sec := s.sectionHeading(ind.SectionID); sec != "7.公共服务持续完善" {
			t.Fatalf("section filter kept a row of %s", sec)
		}
	}
	if n := len(table.Rows()); n != 7 {
		t.Errorf("section 7 has %d rows, want 7", n)
	}
	s.section.SetSelectedIndex(0)

	mid := columnOf(table, plan.FieldMidterm)
	s.onSort(plan.FieldMidterm)
	if first := table.Rows()[0]; first.Name != "新增国家级非物质文化遗产项目" || *first.MidtermValue != 2 {
		t.Errorf("ascending sort starts with %s %v", first.Name, *first.MidtermValue)
	}
	s.onSort(plan.FieldMidterm)
	if first := table.Rows()[0]; first.Name != "旅游业收入" {
		t.Errorf("descending sort starts with %s", first.Name)
	}
	if table.sortedBy != plan.FieldMidterm || !table.sortedDesc || mid < 0 {
		t.Error("the sorted column is not marked")
	}

	s.status.SetSelectedIndex(4) // 滞后: no proposal has a target, so none lag
	if n := len(table.Rows()); n != 0 {
		t.Errorf("status filter kept %d rows", n)
	}
}

// TestFilteringAScrolledTableShowsEveryMatch: with the table scrolled to
// its end, a filter that keeps a few rows shows them all from the top, and
// clearing it leaves no blank rows.
func TestFilteringAScrolledTableShowsEveryMatch(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := seededStore(t)
	s := NewAllIndicatorsScreen(st, nopEditor{})
	loaded := make(chan struct{}, 4)
	s.OnLoaded = func() { loaded <- struct{}{} }
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(1400, 400)) // a few rows at a time
	s.Load(report.ID)
	<-loaded
	table := s.Table()
	table.table.ScrollToBottom()
	shownName := func(row int) string {
		name := columnOf(table, plan.FieldName)
		if c := table.cells[widget.TableCellID{Row: row, Col: name}]; c != nil && c.Visible() {
			return c.label.Text
		}
		return ""
	}
	test.Type(s.search, "就业")
	rows := table.Rows()
	if len(rows) < 3 {
		t.Fatalf("就业 keeps %d rows", len(rows))
	}
	for i, ind := range rows {
		if got := shownName(i); got != ind.Name {
			t.Errorf("row %d of %d matches shows %q, want %q", i, len(rows), got, ind.Name)
		}
	}
	s.search.SetText("")
	if got := shownName(0); got != table.Rows()[0].Name {
		t.Errorf("after clearing the filter the first row shows %q", got)
	}
}
