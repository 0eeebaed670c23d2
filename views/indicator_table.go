package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"

	"plandesk/plan"
)

// IndicatorEditor changes indicators for the tables. The app implements it
// on the store with undo and the reviewer's name, off the UI thread.
type IndicatorEditor interface {
	// Edit saves text in field f of indicator id and returns at once;
	// done runs on the UI thread once the change is on the disk, with the
	// row as stored, or with why it was refused (nothing changed then).
	Edit(id int64, f plan.Field, text string, done func(plan.Indicator, error))
}

// IndicatorTable is an indicator table whose cells are edited in place:
// arrow keys move, Enter or a double click edits, Enter or Tab commits and
// moves on, Esc cancels. A refused value stays in the editor with the reason
// under it; it is never saved and never dropped silently.
type IndicatorTable struct {
	widget.BaseWidget
	table    *cellTable
	columns  []column
	rows     []plan.Indicator
	editor   IndicatorEditor
	selected widget.TableCellID
	cells    map[widget.TableCellID]*tableCell
	edit     *cellEditor
	// fit makes the table as tall as its rows, to sit in a scrolling page.
	fit        bool
	sortedBy   plan.Field
	sortedDesc bool
	// reveal is an indicator to select once the rows next set list it:
	// one just added or moved, which a reload brings in.
	reveal int64
	// saving counts the edits of each indicator that are on their way to
	// the disk; its cells show it until the store answers.
	saving map[int64]int

	// OnSelected is called when a row is selected.
	OnSelected func(ind plan.Indicator)
	// OnSort is called when a sortable header is tapped; nil disables sorting.
	OnSort func(f plan.Field)
	// OnDelete is called when Delete is pressed on a selected row.
	OnDelete func(ind plan.Indicator)
	// onPageScrolled, for a fitted table, scrolls the page it is in.
	onPageScrolled func(*fyne.ScrollEvent)
	// onWindowKey gets F5, PageUp and PageDown, which the table does not
	// use, from its owning screen.
	onWindowKey windowKeys
	// onShowInText, when set, offers 在原文中显示 in a row's context menu
	// for the rows inText says the page shows the sentence of.
	onShowInText func(ind plan.Indicator)
	inText       func(ind plan.Indicator) bool
	// onComment, when set, offers 添加意见 in a row's context menu.
	onComment func(ind plan.Indicator)
}

// newIndicatorTable builds a table with the given columns.
func newIndicatorTable(columns []column, editor IndicatorEditor, fit bool) *IndicatorTable {
	t := &IndicatorTable{columns: columns, editor: editor, fit: fit, selected: widget.TableCellID{Row: -1, Col: -1},
		cells: map[widget.TableCellID]*tableCell{}, saving: map[int64]int{}}
	t.table = &cellTable{owner: t}
	t.table.Length = func() (int, int) { return len(t.rows), len(t.columns) }
	t.table.CreateCell = t.createCell
	t.table.UpdateCell = t.updateCell
	t.table.ShowHeaderRow = true
	t.table.CreateHeader = t.createHeader
	t.table.UpdateHeader = t.updateHeader
	t.table.OnSelected = t.onCellSelected
	t.table.ExtendBaseWidget(t.table)
	for i := range columns {
		// A column is at least as wide as its title in the UI language
		// and a sort mark ("Progress ▼"), so no title is cut.
		title := fyne.MeasureText(lang.L(columns[i].title)+" ▼", theme.TextSize(), fyne.TextStyle{Bold: true}).Width
		columns[i].width = max(columns[i].width, title+2*theme.InnerPadding())
		t.table.SetColumnWidth(i, columns[i].width)
	}
	t.ExtendBaseWidget(t)
	return t
}

func (t *IndicatorTable) CreateRenderer() fyne.WidgetRenderer {
	if t.fit && t.onPageScrolled != nil {
		// Shown whole in a scrolling page: the wheel scrolls the page.
		return widget.NewSimpleRenderer(container.NewStack(t.table, newScrollPass(t.onPageScrolled)))
	}
	return widget.NewSimpleRenderer(t.table)
}

// Resize gives the name column the width the other columns leave.
func (t *IndicatorTable) Resize(size fyne.Size) {
	t.BaseWidget.Resize(size)
	others := float32(0)
	name := -1
	for i, c := range t.columns {
		if c.field == plan.FieldName {
			name = i
			continue
		}
		others += c.width + theme.Padding()
	}
	if name >= 0 {
		// Keep room for the vertical scroll bar and the cell separators.
		t.table.SetColumnWidth(name, max(t.columns[name].width, size.Width-others-4*theme.Padding()))
	}
}

// MinSize of a fitted table is the height of all its rows.
func (t *IndicatorTable) MinSize() fyne.Size {
	min := t.BaseWidget.MinSize()
	if !t.fit {
		return min
	}
	// Fyne's table puts a padding between rows, and after the header row.
	pad := theme.Padding()
	header := t.createHeader().MinSize().Height
	row := t.createCell().MinSize().Height
	return fyne.NewSize(min.Width, header+pad+float32(len(t.rows))*(row+pad)+pad)
}

func (t *IndicatorTable) rowHeight() float32 {
	return widget.NewLabel("指标").MinSize().Height
}

// SetRows shows indicators, keeping the selection on the same row number.
func (t *IndicatorTable) SetRows(rows []plan.Indicator) {
	t.rows = rows
	t.table.Refresh()
	t.Refresh()
	if id := t.reveal; id != 0 {
		t.reveal = 0
		t.SelectIndicator(id)
	}
}

// Reveal selects indicator id's row and scrolls it into view: now if the
// table lists it, else when the rows are next set (a new indicator comes
// in with the reload that follows its store's answer).
func (t *IndicatorTable) Reveal(id int64) {
	if !t.SelectIndicator(id) {
		t.reveal = id
	}
}

// ScrollToTop shows the first rows, redrawn.
func (t *IndicatorTable) ScrollToTop() {
	t.table.ScrollToTop()
	t.table.Refresh()
}

// PatchRows replaces the rows of the indicators given by their stored
// versions, leaving the others, the order and the selection as they are,
// and reports whether the table lists any of them.
func (t *IndicatorTable) PatchRows(updated []plan.Indicator) bool {
	found := false
	for _, u := range updated {
		for i := range t.rows {
			if t.rows[i].ID == u.ID {
				t.rows[i] = u
				found = true
			}
		}
	}
	if found {
		t.table.Refresh()
	}
	return found
}

// Saving reports whether an edit of indicator id is on its way to the disk.
func (t *IndicatorTable) Saving(id int64) bool { return t.saving[id] > 0 }

// Rows are the indicators shown, in order.
func (t *IndicatorTable) Rows() []plan.Indicator { return t.rows }

// Selected returns the selected row's indicator.
func (t *IndicatorTable) Selected() (plan.Indicator, bool) {
	if t.selected.Row < 0 || t.selected.Row >= len(t.rows) {
		return plan.Indicator{}, false
	}
	return t.rows[t.selected.Row], true
}

// CellText is what the cell shows; tests read the table through it.
func (t *IndicatorTable) CellText(row, col int) string {
	if row < 0 || row >= len(t.rows) || col < 0 || col >= len(t.columns) {
		return ""
	}
	return t.columns[col].text(&t.rows[row])
}

func (t *IndicatorTable) createCell() fyne.CanvasObject {
	c := &tableCell{owner: t, label: &widget.Label{Truncation: fyne.TextTruncateEllipsis}}
	c.ExtendBaseWidget(c)
	return c
}

func (t *IndicatorTable) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*tableCell)
	if c.id != id && t.cells[c.id] == c {
		delete(t.cells, c.id)
	}
	c.id = id
	t.cells[id] = c
	if id.Row >= len(t.rows) || id.Col >= len(t.columns) {
		c.label.SetText("")
		return
	}
	ind := &t.rows[id.Row]
	col := t.columns[id.Col]
	c.label.TextStyle.Bold = col.field == plan.FieldName
	c.label.Importance = widget.MediumImportance
	if col.field == plan.FieldStatus {
		c.label.Importance = statusImportance(ind)
	}
	text := col.text(ind)
	if t.saving[ind.ID] > 0 && col.field == plan.FieldName {
		// Until the store answers, the row says it is being saved.
		c.label.Importance = widget.LowImportance
		text += " " + lang.L("(saving…)")
	}
	c.label.SetText(text)
}

// statusImportance colours a status: lagging in red, achieved in green.
func statusImportance(ind *plan.Indicator) widget.Importance {
	if ind.State == plan.StateProposed {
		return widget.WarningImportance
	}
	switch ind.Status() {
	case plan.StatusAchieved, plan.StatusAhead:
		return widget.SuccessImportance
	case plan.StatusLagging:
		return widget.DangerImportance
	}
	return widget.MediumImportance
}

func (t *IndicatorTable) createHeader() fyne.CanvasObject {
	h := &headerCell{label: &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}}
	h.ExtendBaseWidget(h)
	return h
}

func (t *IndicatorTable) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*headerCell)
	h.onTap = nil
	if id.Col < 0 || id.Col >= len(t.columns) {
		h.label.SetText("")
		return
	}
	col := t.columns[id.Col]
	title := lang.L(col.title)
	if t.OnSort != nil && col.field != "" {
		h.onTap = func() { t.OnSort(col.field) }
		if t.sortedBy == col.field {
			title += map[bool]string{false: " ▲", true: " ▼"}[t.sortedDesc]
		}
	}
	h.label.SetText(title)
}

// ShowSorted marks the header of the column the rows are sorted by.
func (t *IndicatorTable) ShowSorted(f plan.Field, descending bool) {
	t.sortedBy, t.sortedDesc = f, descending
	t.table.Refresh()
}

// headerCell is a column title; a tap sorts by the column where allowed.
type headerCell struct {
	widget.BaseWidget
	label *widget.Label
	onTap func()
}

func (h *headerCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(h.label) }

func (h *headerCell) Tapped(*fyne.PointEvent) {
	if h.onTap != nil {
		h.onTap()
	}
}

func (t *IndicatorTable) onCellSelected(id widget.TableCellID) {
	t.selected = id
	if t.OnSelected != nil && id.Row >= 0 && id.Row < len(t.rows) {
		t.OnSelected(t.rows[id.Row])
	}
}

// Select moves the cursor to a cell.
func (t *IndicatorTable) Select(id widget.TableCellID) {
	if len(t.rows) == 0 {
		return
	}
	id.Row = clamp(id.Row, 0, len(t.rows)-1)
	id.Col = clamp(id.Col, 0, len(t.columns)-1)
	t.table.Select(id)
}

// SelectIndicator moves the cursor to the row of indicator id, as when the
// overview opens it; false when the table does not list it.
func (t *IndicatorTable) SelectIndicator(id int64) bool {
	for i, ind := range t.rows {
		if ind.ID == id {
			t.Select(widget.TableCellID{Row: i, Col: 0})
			return true
		}
	}
	return false
}

func (t *IndicatorTable) move(rows, cols int) {
	at := t.selected
	if at.Row < 0 {
		at = widget.TableCellID{}
		rows, cols = 0, 0
	}
	t.Select(widget.TableCellID{Row: at.Row + rows, Col: at.Col + cols})
}

// StartEdit opens the editor on the selected cell: a text box, or a menu
// for a field with fixed choices.
func (t *IndicatorTable) StartEdit() {
	id := t.selected
	if id.Row < 0 || id.Row >= len(t.rows) || !t.columns[id.Col].editable() {
		return
	}
	t.table.ScrollTo(id)
	c := fyne.CurrentApp().Driver().CanvasForObject(t)
	if c == nil {
		return
	}
	cell := t.cells[id]
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(t)
	size := fyne.NewSize(t.columns[id.Col].width, t.rowHeight())
	if cell != nil {
		pos = fyne.CurrentApp().Driver().AbsolutePositionForObject(cell)
		size = cell.Size()
	}
	col := t.columns[id.Col]
	ind := t.rows[id.Row]
	if col.choices != nil {
		items := make([]*fyne.MenuItem, len(col.choices))
		for i, ch := range col.choices {
			value := ch.Value
			items[i] = fyne.NewMenuItem(ch.Label, func() { t.commit(ind.ID, col.field, value, 1, 0) })
			items[i].Checked = ind.Get(col.field) == value
		}
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, pos.AddXY(0, size.Height))
		return
	}
	t.edit = newCellEditor(t, c, ind.ID, col.field, ind.Get(col.field))
	t.edit.show(pos, fyne.NewSize(max(size.Width, 220), size.Height))
}

// commit checks a cell's new text against the row as shown and, when it
// reads, saves it in the background and moves the cursor on: the row shows
// the new value, marked as saving, until the store answers. A value the
// row refuses returns why, saves nothing and leaves the cursor where it
// is. Should the store refuse it after all (a presentation started, the
// file is read-only, the disk failed), the row goes back to what it was
// and the editor opens again on the cell with the text and the reason, so
// nothing typed is lost.
func (t *IndicatorTable) commit(id int64, f plan.Field, text string, rows, cols int) error {
	i := t.rowOf(id)
	if i < 0 {
		return nil
	}
	before := t.rows[i]
	shown := before
	if err := shown.Set(f, text); err != nil {
		return err
	}
	if shown.Get(f) == before.Get(f) {
		t.move(rows, cols)
		return nil
	}
	t.rows[i] = shown
	t.saving[id]++
	t.table.Refresh()
	t.move(rows, cols)
	t.editor.Edit(id, f, text, func(_ plan.Indicator, err error) { t.saved(id, f, text, before, err) })
	return nil
}

// saved is the store's answer to an edit commit sent.
func (t *IndicatorTable) saved(id int64, f plan.Field, text string, before plan.Indicator, err error) {
	if t.saving[id]--; t.saving[id] <= 0 {
		delete(t.saving, id)
	}
	i := t.rowOf(id)
	if err != nil && i >= 0 {
		if t.saving[id] == 0 {
			t.rows[i] = before
		}
		t.table.Refresh()
		t.reopen(i, f, text, err)
		return
	}
	t.table.Refresh()
}

// reopen opens the editor again on row i's cell of field f with text and
// the reason it was refused.
func (t *IndicatorTable) reopen(i int, f plan.Field, text string, err error) {
	for col, c := range t.columns {
		if c.field != f || c.choices != nil {
			continue
		}
		t.Select(widget.TableCellID{Row: i, Col: col})
		t.StartEdit()
		if t.edit != nil {
			t.edit.entry.SetText(text)
			t.edit.showProblem(err)
		}
		return
	}
}

// rowOf is the row listing indicator id, or -1.
func (t *IndicatorTable) rowOf(id int64) int {
	for i := range t.rows {
		if t.rows[i].ID == id {
			return i
		}
	}
	return -1
}

// Editing reports whether a cell editor is open; tests use it.
func (t *IndicatorTable) Editing() bool { return t.edit != nil && t.edit.popUp.Visible() }

// EditorError is the message under an open editor, if any.
func (t *IndicatorTable) EditorError() string {
	if t.edit == nil {
		return ""
	}
	return t.edit.problem.Text
}

func clamp(v, lo, hi int) int { return max(lo, min(v, hi)) }

// cellTable is a widget.Table whose arrow keys move the selection and whose
// Enter key starts editing.
type cellTable struct {
	widget.Table
	owner *IndicatorTable
}

func (c *cellTable) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyUp:
		c.owner.move(-1, 0)
	case fyne.KeyDown:
		c.owner.move(1, 0)
	case fyne.KeyLeft:
		c.owner.move(0, -1)
	case fyne.KeyRight:
		c.owner.move(0, 1)
	case fyne.KeyReturn, fyne.KeyEnter, fyne.KeyF2:
		c.owner.StartEdit()
	case fyne.KeyDelete:
		if c.owner.OnDelete != nil {
			if ind, ok := c.owner.Selected(); ok {
				c.owner.OnDelete(ind)
			}
		}
	default:
		if !c.owner.onWindowKey.pass(e) {
			c.Table.TypedKey(e)
		}
	}
}

// tableCell shows one cell; a tap selects it and a double tap edits it.
type tableCell struct {
	widget.BaseWidget
	owner *IndicatorTable
	id    widget.TableCellID
	label *widget.Label
}

func (c *tableCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.label) }

func (c *tableCell) Tapped(*fyne.PointEvent) {
	c.owner.Select(c.id)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c.owner.table); cv != nil {
		cv.Focus(c.owner.table)
	}
}

// TappedSecondary selects the cell and opens the row's context menu.
func (c *tableCell) TappedSecondary(e *fyne.PointEvent) {
	c.owner.Select(c.id)
	menu := c.owner.rowMenu(c.id.Row)
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil && menu != nil {
		widget.ShowPopUpMenuAtPosition(menu, cv, e.AbsolutePosition)
	}
}

// rowMenu is the context menu of row i: 在原文中显示 where the page shows
// the sentence the row was read from, and 添加意见; nil when it offers
// nothing.
func (t *IndicatorTable) rowMenu(i int) *fyne.Menu {
	if i < 0 || i >= len(t.rows) {
		return nil
	}
	ind := t.rows[i]
	var items []*fyne.MenuItem
	if t.onShowInText != nil {
		item := fyne.NewMenuItem(lang.L("Show in the text"), func() { t.onShowInText(ind) })
		item.Disabled = t.inText != nil && !t.inText(ind)
		items = append(items, item)
	}
	if t.onComment != nil {
		items = append(items, fyne.NewMenuItem(lang.L("Add comment…"), func() { t.onComment(ind) }))
	}
	if len(items) == 0 {
		return nil
	}
	return fyne.NewMenu("", items...)
}

// RowMenuForTest is row i's context menu, for tests.
func (t *IndicatorTable) RowMenuForTest(i int) *fyne.Menu { return t.rowMenu(i) }

func (c *tableCell) DoubleTapped(*fyne.PointEvent) {
	c.owner.Select(c.id)
	c.owner.StartEdit()
}

// cellEditor is the text box laid over a cell while it is edited, with the
// reason a value was refused under it.
type cellEditor struct {
	table   *IndicatorTable
	canvas  fyne.Canvas
	id      int64
	field   plan.Field
	entry   *cellEntry
	problem *canvas.Text
	popUp   *widget.PopUp
	size    fyne.Size
}

func newCellEditor(t *IndicatorTable, c fyne.Canvas, id int64, f plan.Field, text string) *cellEditor {
	e := &cellEditor{table: t, canvas: c, id: id, field: f}
	e.entry = newCellEntry(e)
	e.entry.SetText(text)
	e.problem = canvas.NewText("", theme.Color(theme.ColorNameError))
	e.problem.TextSize = theme.CaptionTextSize()
	e.popUp = widget.NewPopUp(container.NewVBox(e.entry, e.problem), c)
	return e
}

func (e *cellEditor) show(pos fyne.Position, size fyne.Size) {
	e.size = size
	e.popUp.ShowAtPosition(pos.SubtractXY(theme.Padding(), theme.Padding()))
	e.popUp.Resize(e.popUp.MinSize().Max(fyne.NewSize(size.Width+2*theme.Padding(), 0)))
	e.canvas.Focus(e.entry)
}

// submit saves the text; on refusal it shows why and keeps editing.
func (e *cellEditor) submit(rows, cols int) {
	if err := e.table.commit(e.id, e.field, e.entry.Text, rows, cols); err != nil {
		e.showProblem(err)
		return
	}
	e.close()
}

// showProblem says under the text why it was refused.
func (e *cellEditor) showProblem(err error) {
	e.problem.Text = messages.Explain(err)
	e.problem.Refresh()
	e.popUp.Resize(e.popUp.MinSize().Max(fyne.NewSize(e.size.Width+2*theme.Padding(), 0)))
}

func (e *cellEditor) close() {
	e.popUp.Hide()
	if e.table.edit == e {
		e.table.edit = nil
	}
	e.canvas.Focus(e.table.table)
}

// cellEntry is the editor's text box: Enter and Tab commit, Esc cancels.
type cellEntry struct {
	widget.Entry
	editor *cellEditor
}

func newCellEntry(e *cellEditor) *cellEntry {
	c := &cellEntry{editor: e}
	c.ExtendBaseWidget(c)
	return c
}

// AcceptsTab keeps Tab in the editor, where it commits and moves right.
func (c *cellEntry) AcceptsTab() bool { return true }

func (c *cellEntry) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		c.editor.submit(1, 0)
	case fyne.KeyTab:
		c.editor.submit(0, 1)
	case fyne.KeyEscape:
		c.editor.close()
	default:
		c.Entry.TypedKey(e)
	}
}

// TableForTest is the table widget that takes the focus, for tests.
func (t *IndicatorTable) TableForTest() fyne.Focusable { return t.table }
