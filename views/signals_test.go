package views

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"plandesk/plan"
	"plandesk/store"
)

// countingSource is the real store, counting the section table reads.
type countingSource struct {
	*store.Store
	tableReads int
}

func (c *countingSource) SectionIndicators(id int64) ([]plan.Indicator, error) {
	c.tableReads++
	return c.Store.SectionIndicators(id)
}

// TestAnEditPatchesItsRowWithoutReadingTheSection: the stored row a cell
// edit returns is patched into the table and the charts; the section is
// not read again. A change of the whole report is.
func TestAnEditPatchesItsRowWithoutReadingTheSection(t *testing.T) {
	f := newScreenFixture(t, VariantLight)
	st := f.screen.source.(*store.Store)
	src := &countingSource{Store: st}
	f.screen.source = src
	sig := NewSignals()
	f.screen.Follow(sig)
	f.screen.LoadReport(f.report.ID, 0)
	f.wait(t)
	f.screen.Next()
	f.wait(t)
	f.screen.Next() // 2.数字经济稳步发展, two indicators
	f.wait(t)
	rows := f.screen.Table().Rows()
	if len(rows) != 2 {
		t.Fatalf("%d rows", len(rows))
	}
	reads := src.tableReads
	ind, _, err := st.EditIndicator(rows[0].ID, plan.FieldTarget, "300家", "测试")
	if err != nil {
		t.Fatal(err)
	}
	sig.IndicatorsChanged.Emit(IndicatorsChange{ReportID: f.report.ID, Updated: []plan.Indicator{ind}})
	if got := f.screen.Table().Rows()[0]; got.Target != "300家" || got.State != plan.StateConfirmed {
		t.Errorf("patched row: target %q, state %s", got.Target, got.State)
	}
	if f.screen.page.indicators[0].Target != "300家" {
		t.Error("the charts still have the old row")
	}
	if src.tableReads != reads {
		t.Errorf("a cell edit read the section table %d times", src.tableReads-reads)
	}
	// Another report's change is not this screen's business.
	sig.IndicatorsChanged.Emit(IndicatorsChange{ReportID: f.report.ID + 1})
	if src.tableReads != reads {
		t.Error("another report's change reloaded the table")
	}
	// The whole report changed (say, an undo): the table is read again.
	changed := make(chan struct{}, 1)
	f.screen.OnIndicatorsShown = func() { changed <- struct{}{} }
	sig.IndicatorsChanged.Emit(IndicatorsChange{ReportID: f.report.ID})
	<-changed
	if src.tableReads != reads+1 {
		t.Errorf("a change of the report read the table %d times, want once", src.tableReads-reads)
	}
}

// slowEditor answers edits only when told, as a slow USB stick would.
type slowEditor struct {
	asked   []string
	answers []func(error)
}

func (e *slowEditor) Edit(id int64, f plan.Field, text string, done func(plan.Indicator, error)) {
	e.asked = append(e.asked, text)
	e.answers = append(e.answers, func(err error) { done(plan.Indicator{}, err) })
}

// TestACellShowsItIsSavingUntilTheStoreAnswers: the new value shows at
// once, marked as saving, and the cursor moves on; a later refusal from
// the store puts the old value back and opens the editor again with the
// text typed and the reason.
func TestACellShowsItIsSavingUntilTheStoreAnswers(t *testing.T) {
	table, _, _ := sectionTable(t)
	slow := &slowEditor{}
	table.editor = slow
	name := columnOf(table, plan.FieldName)
	first := table.Rows()[0]
	typeInto(t, table, 0, plan.FieldTarget, "300家", fyne.KeyReturn)
	typeInto(t, table, 1, plan.FieldTarget, "50个", fyne.KeyReturn)
	if len(slow.asked) != 2 || slow.asked[0] != "300家" || slow.asked[1] != "50个" {
		t.Fatalf("edits asked for %v, want both in order", slow.asked)
	}
	if !table.Saving(first.ID) || table.Rows()[0].Target != "300家" {
		t.Fatalf("row 0 while saving: saving %v, target %q", table.Saving(first.ID), table.Rows()[0].Target)
	}
	if cell := table.cells[widget.TableCellID{Row: 0, Col: name}]; cell == nil || !strings.Contains(cell.label.Text, "(saving…)") {
		t.Error("the row does not say it is being saved")
	}
	if table.Editing() {
		t.Error("the editor stayed open while the value is saved")
	}
	slow.answers[0](nil)
	if cell := table.cells[widget.TableCellID{Row: 0, Col: name}]; table.Saving(first.ID) || cell == nil || strings.Contains(cell.label.Text, "saving") {
		t.Error("row 0 still says it is saving after the store answered")
	}
	// The store refuses the second one after all.
	slow.answers[1](errors.New("disk full"))
	if got := table.Rows()[1].Target; got != "" {
		t.Errorf("a refused value stays shown: %q", got)
	}
	if !table.Editing() || table.edit.entry.Text != "50个" || !strings.Contains(table.EditorError(), "disk full") {
		t.Errorf("after a refusal: editing %v, text %q, reason %q", table.Editing(), table.edit.entry.Text, table.EditorError())
	}
}
