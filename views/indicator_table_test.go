package views

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/icons"
	"plandesk/plan"
	"plandesk/store"
)

// storeEditor edits through a real store and reloads the table, as the app
// does.
type storeEditor struct {
	store   *store.Store
	section int64
	table   *IndicatorTable
}

func (e *storeEditor) Edit(id int64, f plan.Field, text string, done func(plan.Indicator, error)) {
	ind, _, err := e.store.EditIndicator(id, f, text, "测试")
	if err == nil {
		var rows []plan.Indicator
		if rows, err = e.store.SectionIndicators(e.section); err == nil {
			e.table.SetRows(rows)
		}
	}
	done(ind, err)
}

// sectionTable shows section 2.数字经济稳步发展's indicators in a window.
func sectionTable(t *testing.T) (*IndicatorTable, *storeEditor, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := seededStore(t)
	sections, _ := st.Sections(report.ID)
	o := plan.NewOutline(sections)
	section := o.Children(o.Children(0)[0])[1]
	editor := &storeEditor{store: st, section: section}
	table := newIndicatorTable(sectionColumns(), editor, false)
	editor.table = table
	rows, err := st.SectionIndicators(section)
	if err != nil || len(rows) != 2 {
		t.Fatalf("rows = %d, %v", len(rows), err)
	}
	table.SetRows(rows)
	w := test.NewTempWindow(t, table)
	w.Resize(fyne.NewSize(900, 300))
	return table, editor, w
}

// columnOf finds a column by field.
func columnOf(t *IndicatorTable, f plan.Field) int {
	for i, c := range t.columns {
		if c.field == f {
			return i
		}
	}
	return -1
}

// typeInto starts editing a cell, replaces its text by typing, and presses key.
func typeInto(t *testing.T, table *IndicatorTable, row int, f plan.Field, text string, key fyne.KeyName) {
	t.Helper()
	table.Select(widget.TableCellID{Row: row, Col: columnOf(table, f)})
	table.StartEdit()
	if !table.Editing() {
		t.Fatalf("no editor on row %d %s", row, f)
	}
	entry := table.edit.entry
	entry.SetText("")
	test.Type(entry, text)
	entry.TypedKey(&fyne.KeyEvent{Name: key})
}

func TestIndicatorTableRefusesABadValueAtTheCell(t *testing.T) {
	table, editor, _ := sectionTable(t)
	status := columnOf(table, plan.FieldStatus)
	// The proposal has its mid-term value; the status says what it lacks.
	if got := table.CellText(0, status); got != "To confirm · No target value" {
		t.Fatalf("status before = %q", got)
	}
	typeInto(t, table, 0, plan.FieldMidterm, "12abc", fyne.KeyReturn)
	if !table.Editing() || !strings.Contains(table.EditorError(), "Letters") {
		t.Fatalf("editing %v, error %q; want the editor open with the reason", table.Editing(), table.EditorError())
	}
	if table.edit.entry.Text != "12abc" {
		t.Errorf("the refused text was dropped: %q", table.edit.entry.Text)
	}
	stored, _ := editor.store.SectionIndicators(editor.section)
	if stored[0].Midterm != "突破210家" {
		t.Errorf("a refused value was saved: %q", stored[0].Midterm)
	}
	// Esc cancels.
	table.edit.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if table.Editing() {
		t.Error("Esc left the editor open")
	}
}

func TestIndicatorTableEditChangesStatus(t *testing.T) {
	table, editor, _ := sectionTable(t)
	status := columnOf(table, plan.FieldStatus)
	// Tab commits and moves right: baseline → target.
	typeInto(t, table, 0, plan.FieldBaseline, "100家", fyne.KeyTab)
	if table.Editing() {
		t.Fatalf("editor still open: %q", table.EditorError())
	}
	if table.selected.Col != columnOf(table, plan.FieldTarget) || table.selected.Row != 0 {
		t.Errorf("Tab moved to %+v, want the target cell", table.selected)
	}
	if got := table.CellText(0, status); got != "No target value" {
		t.Errorf("with a baseline only: %q", got)
	}
	typeInto(t, table, 0, plan.FieldTarget, "300家", fyne.KeyReturn)
	// (210-100)/(300-100) = 55 % at mid-term: on track.
	if got := table.CellText(0, status); got != "On track" {
		t.Errorf("status after setting the target = %q, want On track", got)
	}
	if table.selected.Row != 1 {
		t.Errorf("Enter moved to row %d, want 1", table.selected.Row)
	}
	typeInto(t, table, 0, plan.FieldMidterm, "320家", fyne.KeyReturn)
	if got := table.CellText(0, status); got != "Achieved" {
		t.Errorf("status after reaching the target = %q", got)
	}
	stored, _ := editor.store.SectionIndicators(editor.section)
	if stored[0].State != plan.StateConfirmed || stored[0].Target != "300家" {
		t.Errorf("stored = %+v", stored[0])
	}
}

func TestIndicatorTableKeyboard(t *testing.T) {
	table, _, w := sectionTable(t)
	w.Canvas().Focus(table.table)
	table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if table.selected.Row != 0 || table.selected.Col != 0 {
		t.Fatalf("first key selected %+v", table.selected)
	}
	table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
	if table.selected.Row != 1 || table.selected.Col != 1 {
		t.Fatalf("after Down, Right: %+v", table.selected)
	}
	table.table.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !table.Editing() || table.edit.entry.Text != "个" {
		t.Fatalf("Enter should edit the unit cell; editing %v", table.Editing())
	}
}

// TestColumnTitlesAreNotCut: every column is as wide as its title and a
// sort mark, in English too.
func TestColumnTitlesAreNotCut(t *testing.T) {
	test.NewTempApp(t)
	table := newIndicatorTable(allColumns(func(int64) string { return "" }), nopEditor{}, false)
	for _, c := range table.columns {
		need := fyne.MeasureText(c.title+" ▼", theme.TextSize(), fyne.TextStyle{Bold: true}).Width
		if c.width < need {
			t.Errorf("column %q is %v wide, its title needs %v", c.title, c.width, need)
		}
	}
}
