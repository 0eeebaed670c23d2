package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plandesk/messages"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"plandesk/cnnum"
	"plandesk/icons"
	"plandesk/plan"
	"plandesk/reporttext"
	"plandesk/sheet"
	"plandesk/store"
	"plandesk/views"
)

// testDesk is the main window on a test app, with its resting states
// reported on a channel.
type testDesk struct {
	*desk
	settled chan struct{}
}

// newTestDesk starts the main window on a test app with db, in Chinese.
func newTestDesk(t *testing.T, db string) *testDesk {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(views.NewTheme(icons.FontRegular(), icons.FontBold(), views.VariantLight))
	if err := messages.Use(messages.Chinese); err != nil {
		t.Fatal(err)
	}
	// A reviewer who gave a name at an earlier start: the first edit asks
	// for none (TestReviewerNameIsAskedAtTheFirstEdit starts without).
	a.Preferences().SetString(prefReviewer, "测试审阅人")
	return startTestDesk(t, a, db)
}

// startTestDesk starts a main window on app a, as a new start of PlanDesk
// with the same preferences would.
func startTestDesk(t *testing.T, a fyne.App, db string) *testDesk {
	t.Helper()
	d := &testDesk{desk: newDesk(a, db), settled: make(chan struct{}, 16)}
	d.desk.settled = func() { d.settled <- struct{}{} }
	d.desk.redrawLater = func(fyne.CanvasObject) {}
	t.Cleanup(d.close)
	d.start()
	return d
}

// wait blocks until the window comes to rest.
func (d *testDesk) wait(t *testing.T) {
	t.Helper()
	d.waitUpTo(t, 5*time.Second)
}

// waitUpTo blocks until the window comes to rest, failing after limit: a
// bound on a hang, not a measure of speed (exporting every slide takes
// seconds when the other packages' tests share the two cores).
func (d *testDesk) waitUpTo(t *testing.T, limit time.Duration) {
	t.Helper()
	select {
	case <-d.settled:
	case <-time.After(limit):
		t.Fatal("the window never came to rest")
	}
}

// edit makes a change through the window's history, as a cell edit does,
// and returns the store's answer once it is on the disk (or refused).
func (d *testDesk) edit(t *testing.T, id int64, f plan.Field, text string) error {
	t.Helper()
	answer := make(chan error, 1)
	d.history.Edit(id, f, text, func(_ plan.Indicator, err error) { answer <- err })
	return d.answer(t, answer)
}

// add adds an indicator through the window's history and returns the
// store's answer.
func (d *testDesk) add(t *testing.T, ind plan.Indicator) error {
	t.Helper()
	answer := make(chan error, 1)
	d.history.Add(ind, func(_ plan.Indicator, err error) { answer <- err })
	return d.answer(t, answer)
}

// waitQuiet waits for the window to come to rest and then for any further
// rest a change brings within a moment: a change that opens another page
// settles the window once or twice, as the store's answer and the page's
// load land in either order, and the test must not read the widgets while
// one of them is being applied.
func (d *testDesk) waitQuiet(t *testing.T) {
	t.Helper()
	d.wait(t)
	for {
		select {
		case <-d.settled:
		case <-time.After(300 * time.Millisecond):
			return
		}
	}
}

func (d *testDesk) answer(t *testing.T, answer chan error) error {
	t.Helper()
	select {
	case err := <-answer:
		return err
	case <-time.After(5 * time.Second):
		t.Fatal("the store never answered")
		return nil
	}
}

// toSections switches to the sections tab and waits for its table.
func (d *testDesk) toSections(t *testing.T) {
	t.Helper()
	d.tabs.SelectIndex(tabSections)
	d.wait(t)
}

// assertShows fails unless some label or button in the window shows want.
func assertShows(t *testing.T, w fyne.Window, want string) {
	t.Helper()
	if got := visibleText(w.Content()); !strings.Contains(got, want) {
		t.Errorf("window does not show %q; it shows:\n%s", want, got)
	}
}

// visibleText collects the text of the labels and buttons in a tree.
func visibleText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, o := range find[fyne.CanvasObject](o) {
		switch w := o.(type) {
		case *widget.Label:
			b.WriteString(w.Text + "\n")
		case *widget.Button:
			b.WriteString(w.Text + "\n")
		}
	}
	return b.String()
}

// find collects the objects of type T in a tree of widgets, in the order
// they are drawn.
func find[T fyne.CanvasObject](o fyne.CanvasObject) []T {
	var found []T
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if w, ok := o.(T); ok {
			found = append(found, w)
		}
		switch c := o.(type) {
		case *fyne.Container:
			for _, child := range c.Objects {
				walk(child)
			}
		case fyne.Widget:
			for _, child := range test.WidgetRenderer(c).Objects() {
				walk(child)
			}
		}
	}
	walk(o)
	return found
}

// openDigitalEconomy starts a window on a new database and opens
// 2.数字经济稳步发展, whose table lists two indicators.
func openDigitalEconomy(t *testing.T, name string) *testDesk {
	t.Helper()
	d := newTestDesk(t, filepath.Join(t.TempDir(), name))
	d.wait(t)
	d.toSections(t)
	d.screen.Next()
	d.wait(t)
	d.screen.Next()
	d.wait(t)
	return d
}

func TestDeskOpensTheShippedReportOnFirstStart(t *testing.T) {
	db := filepath.Join(t.TempDir(), "first.db")
	d := newTestDesk(t, db)
	d.wait(t)
	// The first start opens on the report's overview.
	if d.tabs.SelectedIndex() != tabOverview {
		t.Errorf("first start shows tab %d, want the overview", d.tabs.SelectedIndex())
	}
	assertShows(t, d.win, "24 项指标 · 24 项待确认")
	assertShows(t, d.win, "7.公共服务持续完善")
	d.toSections(t)
	assertShows(t, d.win, "上一节")
	assertShows(t, d.win, "一、纲要重大任务推进情况")
	if got := d.win.Title(); got != "PlanDesk — 汉阳区国民经济和社会发展第十四个五年规划纲要实施中期评估报告" {
		t.Errorf("title = %q", got)
	}
	if len(d.reports) != 1 {
		t.Errorf("%d reports after first start, want the shipped one", len(d.reports))
	}

	d.setLanguage(messages.English)
	d.wait(t)
	assertShows(t, d.win, "Previous")
	if d.win.MainMenu().Items[0].Label != "File" {
		t.Errorf("menu after switching to English: %q", d.win.MainMenu().Items[0].Label)
	}
	d.setLanguage(messages.Chinese)
	d.wait(t)
	assertShows(t, d.win, "下一节")
	if d.win.MainMenu().Items[0].Label != "文件" {
		t.Errorf("menu after switching back: %q", d.win.MainMenu().Items[0].Label)
	}
}

func TestDeskReopensTheLastSection(t *testing.T) {
	db := filepath.Join(t.TempDir(), "last.db")
	first := newTestDesk(t, db)
	first.wait(t)
	first.screen.Next()
	first.wait(t)
	first.screen.Next()
	first.wait(t)
	want := first.screen.Current()
	first.close()
	first.store = nil

	again := startTestDesk(t, first.app, db)
	again.wait(t)
	if got := again.screen.Current(); got != want {
		t.Fatalf("reopened section %d, want %d", got, want)
	}
	assertShows(t, again.win, "2.数字经济稳步发展")
}

func TestDeskSwitchesBetweenReports(t *testing.T) {
	db := filepath.Join(t.TempDir(), "two.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SeedIfEmpty(); err != nil {
		t.Fatal(err)
	}
	parsed, err := reporttext.ParseReport([]byte("某县规划评估\n一、成效\n道路建成。\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.ImportReport(parsed, "county.txt"); err != nil {
		t.Fatal(err)
	}
	st.Close()

	d := newTestDesk(t, db)
	d.wait(t)
	d.toSections(t)
	if len(d.picker.Options) != 2 || d.picker.SelectedIndex() != 0 {
		t.Fatalf("picker options %q, selected %d", d.picker.Options, d.picker.SelectedIndex())
	}
	d.picker.SetSelectedIndex(1)
	d.wait(t)
	if d.win.Title() != "PlanDesk — 某县规划评估" {
		t.Errorf("title after switching = %q", d.win.Title())
	}
	assertShows(t, d.win, "一、成效")
}

func TestDeskEditUndoRedoThroughTheMenu(t *testing.T) {
	d := openDigitalEconomy(t, "undo.db")
	table := d.screen.Table()
	if len(table.Rows()) != 2 {
		t.Fatalf("section table has %d rows", len(table.Rows()))
	}
	ind := table.Rows()[0]
	if err := d.edit(t, ind.ID, plan.FieldTarget, "300家"); err != nil {
		t.Fatal(err)
	}
	d.wait(t)
	if got := table.Rows()[0].Target; got != "300家" {
		t.Fatalf("table after edit shows target %q", got)
	}
	menuItem(t, d, "编辑", "撤销").Action()
	d.wait(t)
	if got := table.Rows()[0]; got.Target != "" || got.State != plan.StateProposed {
		t.Fatalf("after undo: target %q state %s", got.Target, got.State)
	}
	if got := d.status.Text; !strings.HasPrefix(got, "已撤销：") || !strings.Contains(got, "300家") {
		t.Errorf("the status line after undo says %q", got)
	}
	menuItem(t, d, "编辑", "重做").Action()
	d.wait(t)
	if got := table.Rows()[0].Target; got != "300家" {
		t.Fatalf("after redo: %q", got)
	}
	if _, ok := menuItem(t, d, "编辑", "撤销").Shortcut.(*fyne.ShortcutUndo); !ok {
		t.Error("Undo is not bound to Ctrl+Z")
	}
	revisions, err := d.store.ReportRevisions(d.report.ID)
	if err != nil || len(revisions) != 6 {
		t.Errorf("report history has %d revisions, want 6 (edit+confirm, undone, redone)", len(revisions))
	}
}

// menuItem finds a main-menu item by its menu and item labels.
func menuItem(t *testing.T, d *testDesk, menu, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range d.win.MainMenu().Items {
		if m.Label != menu {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %s → %s", menu, label)
	return nil
}

func TestDeskExplainsAnUnusableDatabaseInChinese(t *testing.T) {
	db := filepath.Join(t.TempDir(), "notes.db")
	content := []byte("这不是数据库")
	if err := os.WriteFile(db, content, 0o644); err != nil {
		t.Fatal(err)
	}
	d := newTestDesk(t, db)
	d.wait(t)
	assertShows(t, d.win, "无法打开数据库")
	assertShows(t, d.win, "不是规划评估台的数据库，程序没有改动它")
	assertShows(t, d.win, "退出")
	if after, _ := os.ReadFile(db); string(after) != string(content) {
		t.Error("the file was changed")
	}
}

func TestExplainCoversEveryOpenError(t *testing.T) {
	if err := messages.Use(messages.Chinese); err != nil {
		t.Fatal(err)
	}
	for kind, want := range map[error]string{
		store.ErrLocked:      "正被另一个规划评估台窗口或程序使用",
		store.ErrReadOnly:    "不可写入",
		store.ErrCorrupt:     "已损坏",
		store.ErrNewerSchema: "请升级规划评估台",
		store.ErrNotDatabase: "不是规划评估台的数据库",
	} {
		err := fmt.Errorf("start: %w", &store.OpenError{Path: "/home/x/plandesk.db", Kind: kind, Err: errors.New("cause")})
		got := messages.Explain(err)
		if !strings.Contains(got, want) || !strings.Contains(got, "/home/x/plandesk.db") {
			t.Errorf("%v: %q lacks %q and the path", kind, got, want)
		}
	}
}

func TestExplainCoversSheetAndEditErrors(t *testing.T) {
	if err := messages.Use(messages.Chinese); err != nil {
		t.Fatal(err)
	}
	damaged := &sheet.SheetError{Path: "/home/x/指标.xlsx", Kind: sheet.ErrSheetDamaged, Err: errors.New("zip: not a valid zip file")}
	if got := messages.Explain(fmt.Errorf("import: %w", damaged)); !strings.Contains(got, "已损坏或不完整") || !strings.Contains(got, "指标.xlsx") {
		t.Errorf("damaged sheet: %q", got)
	}
	letters := &plan.FieldError{Field: plan.FieldMidterm, Problem: plan.ProblemNumber, Number: &cnnum.NumberError{Text: "12abc", Problem: cnnum.NumberLetters}}
	if got := messages.Explain(letters); got != "数字中不能含有字母。" {
		t.Errorf("field error: %q", got)
	}
}

// TestDeskClosingMidWriteLosesNothing: edits asked for in quick succession
// are written one after the other, in order, and closing the window while
// they are still on their way waits for every one of them.
func TestDeskClosingMidWriteLosesNothing(t *testing.T) {
	d := openDigitalEconomy(t, "close.db")
	db := d.dbPath
	ind := d.screen.Table().Rows()[0]
	const edits = 20
	for i := range edits {
		d.history.Edit(ind.ID, plan.FieldMidterm, fmt.Sprintf("%d家", 200+i), nil)
	}
	// The window comes to rest after each edit; nobody waits for that
	// here, so let the notices drain while closing.
	closed := make(chan struct{})
	go func() {
		for {
			select {
			case <-d.settled:
			case <-closed:
				return
			}
		}
	}()
	d.close() // at once: most edits are still queued
	close(closed)
	d.store = nil

	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.Indicator(ind.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("%d家", 200+edits-1); got.Midterm != want {
		t.Errorf("after closing, the mid-term value is %q, want the last edit %q", got.Midterm, want)
	}
	revisions, err := st.IndicatorRevisions(ind.ID)
	if err != nil {
		t.Fatal(err)
	}
	midterms := 0
	for i := len(revisions) - 1; i >= 0; i-- { // oldest first
		if r := revisions[i]; r.Field == plan.FieldMidterm {
			if want := fmt.Sprintf("%d家", 200+midterms); r.NewText != want {
				t.Errorf("edit %d recorded %q, want %q: the edits were not written in order", midterms, r.NewText, want)
			}
			midterms++
		}
	}
	if midterms != edits {
		t.Errorf("%d of %d edits were written", midterms, edits)
	}
}

// TestDeskFitsASmallScreen: every tab's controls fit the first window,
// which fits a 1024×768 projector, and the window opens again at the size
// it was closed at.
func TestDeskFitsASmallScreen(t *testing.T) {
	db := filepath.Join(t.TempDir(), "small.db")
	d := newTestDesk(t, db)
	d.wait(t)
	if got := d.win.Canvas().Size(); got.Width > 1024 || got.Height > 700 {
		t.Errorf("the first window is %v, more than a 1024×768 screen leaves", got)
	}
	for _, tab := range []int{tabOverview, tabSections, tabAll} {
		if tab != d.tabs.SelectedIndex() {
			d.tabs.SelectIndex(tab)
			d.wait(t)
		}
		if min := d.win.Content().MinSize(); min.Width > 1024 || min.Height > 680 {
			t.Errorf("tab %d needs %v, more than the first window", tab, min)
		}
	}
	d.win.Resize(fyne.NewSize(1200, 760))
	d.close()
	d.store = nil
	again := startTestDesk(t, d.app, db)
	again.wait(t)
	if got := again.win.Canvas().Size(); got.Width != 1200 || got.Height != 760 {
		t.Errorf("the window opened again at %v, want the 1200×760 it was closed at", got)
	}
}

// TestThemeIsLightWhereTheSystemSaysNothing: with no session bus to ask,
// "follow the system" draws the light theme, not Fyne's dark fallback; a
// choice made is kept.
func TestThemeIsLightWhereTheSystemSaysNothing(t *testing.T) {
	if !systemSaysNothingPossible() {
		t.Skip("the system always states a theme here")
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
	a := test.NewTempApp(t)
	if got := themeVariant(a.Preferences()); got != views.VariantLight {
		t.Errorf("with nothing said, the theme is %q", got)
	}
	a.Preferences().SetString(prefTheme, views.VariantDark)
	if got := themeVariant(a.Preferences()); got != views.VariantDark {
		t.Errorf("a chosen dark theme became %q", got)
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")
	a.Preferences().SetString(prefTheme, views.VariantSystem)
	if got := themeVariant(a.Preferences()); got != views.VariantSystem {
		t.Errorf("with a session bus the system decides, not %q", got)
	}
}

// TestDeskOffersTheReportAlreadyThere: importing the shipped report into
// the database that holds it offers to open it instead of adding a copy.
func TestDeskOffersTheReportAlreadyThere(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "dup.db"))
	d.wait(t)
	parsed, err := reporttext.ParseReport(store.SeedText())
	if err != nil {
		t.Fatal(err)
	}
	d.importParsed(parsed, "again.txt", false)
	d.wait(t)
	overlays := d.win.Canvas().Overlays().List()
	if len(overlays) == 0 || !strings.Contains(visibleText(overlays[len(overlays)-1]), "数据库中已有这份报告") {
		t.Fatal("no offer to open the report already there")
	}
	if reports, _ := d.store.Reports(); len(reports) != 1 {
		t.Errorf("%d reports after the refused import", len(reports))
	}
}

// TestImportDialogSaysATextWithoutHeadingsIsOneSection: the dialog after
// importing prose with no numbered heading says it is one section, beside
// the proposals left out; after a report with headings it says neither.
func TestImportDialogSaysATextWithoutHeadingsIsOneSection(t *testing.T) {
	if err := messages.Use(messages.Chinese); err != nil {
		t.Fatal(err)
	}
	prose, err := reporttext.ParseReport([]byte("某县重点项目推进情况\n全县重点项目完成投资85亿元。\n"))
	if err != nil {
		t.Fatal(err)
	}
	report := store.ImportedReport{Report: plan.Report{Title: prose.Title}, ProposalsLeftOut: 3}
	msg := importedMessage(report, prose)
	for _, want := range []string{"已导入《某县重点项目推进情况》：1 节，1 段。", "\n\n未找到编号标题，已作为一节导入。", "\n\n另有 3 处数据"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the dialog says %q, lacking %q", msg, want)
		}
	}
	seed, _ := reporttext.ParseReport(store.SeedText())
	if msg := importedMessage(store.ImportedReport{Report: plan.Report{Title: seed.Title}}, seed); strings.Contains(msg, "\n") {
		t.Errorf("after the shipped report the dialog says %q", msg)
	}
}

// TestDeskDeletesAReportAndUndoBringsItBack: 删除报告 removes the report on
// screen from the window and Ctrl+Z brings it back.
func TestDeskDeletesAReportAndUndoBringsItBack(t *testing.T) {
	db := filepath.Join(t.TempDir(), "two.db")
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	st.SeedIfEmpty()
	parsed, _ := reporttext.ParseReport([]byte("某县规划评估\n一、成效\n道路建成。\n"))
	st.ImportReport(parsed, "county.txt")
	st.Close()
	d := newTestDesk(t, db)
	d.wait(t)
	first := d.report
	d.deleteReport(first.ID)
	d.wait(t)
	if len(d.reports) != 1 || d.reports[0].ID == first.ID || d.report.ID == first.ID {
		t.Fatalf("after deleting: reports %+v, on screen %d", d.reports, d.report.ID)
	}
	if !strings.Contains(d.status.Text, "备份") {
		t.Errorf("the status line says %q", d.status.Text)
	}
	d.undo()
	d.wait(t)
	if len(d.reports) != 2 {
		t.Errorf("after undo: %d reports", len(d.reports))
	}
}

// TestDeskKeysInDialogsAndTables: Esc closes the history, Delete on a row
// asks before deleting it, Enter in the add dialog adds.
func TestDeskKeysInDialogsAndTables(t *testing.T) {
	d := openDigitalEconomy(t, "keys.db")
	table := d.screen.Table()
	table.Select(widget.TableCellID{Row: 0, Col: 0})
	overlays := func() int { return len(d.win.Canvas().Overlays().List()) }

	d.showIndicatorHistory()
	if overlays() != 1 {
		t.Fatalf("%d overlays with the history open", overlays())
	}
	d.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if overlays() != 0 {
		t.Error("Esc left the history open")
	}

	table.TableForTest().TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	if overlays() != 1 || !strings.Contains(visibleText(d.win.Canvas().Overlays().Top()), "撤销") {
		t.Error("Delete on a row did not ask before deleting")
	}
	d.win.Canvas().Overlays().Top().Hide()

	before := len(table.Rows())
	d.addIndicator()
	focused, ok := d.win.Canvas().Focused().(*widget.Entry)
	if !ok {
		t.Fatalf("the add dialog's name field has no focus: %T", d.win.Canvas().Focused())
	}
	test.Type(focused, "示例新指标")
	focused.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	d.wait(t)
	if got := len(d.screen.Table().Rows()); got != before+1 {
		t.Errorf("Enter in the add dialog: %d rows, want %d", got, before+1)
	}
	if sel, ok := d.screen.Table().Selected(); !ok || sel.Name != "示例新指标" {
		t.Errorf("after adding, the selected row is %q (%v); want the new one", sel.Name, ok)
	}
}

// pressButton taps the button labelled label in the top dialog.
func pressButton(t *testing.T, d *testDesk, label string) {
	t.Helper()
	for _, b := range find[*widget.Button](d.win.Canvas().Overlays().Top()) {
		if b.Text == label {
			test.Tap(b)
			return
		}
	}
	t.Fatalf("no button %q in the dialog", label)
}

// TestDeskAddsIntoTheChosenSectionAndMovesIndicators: the add dialog
// offers the selected row's section and takes another; 移到其他章节… moves
// the selected indicator, and undo puts it back.
func TestDeskAddsIntoTheChosenSectionAndMovesIndicators(t *testing.T) {
	d := openDigitalEconomy(t, "move.db")
	table := d.screen.Table()
	table.Select(widget.TableCellID{Row: 0, Col: 0})
	ind, _ := table.Selected()
	here, _ := d.screen.Outline().Section(ind.SectionID)

	d.addIndicator()
	chooser := find[*widget.Select](d.win.Canvas().Overlays().Top())
	if len(chooser) != 1 || !strings.HasSuffix(chooser[0].Selected, here.Heading()) {
		t.Fatalf("the add dialog offers %v; want the selected row's section %s first", chooser, here.Heading())
	}
	chooser[0].SetSelectedIndex(chooser[0].SelectedIndex() + 1) // 3.产业体系持续巩固
	test.Type(d.win.Canvas().Focused().(*widget.Entry), "示例指标")
	pressButton(t, d, "添加")
	// The store's answer and the other section's page each bring the
	// window to rest, in either order.
	d.waitQuiet(t)
	other := d.screen.Current()
	if other == here.ID {
		t.Fatal("adding into another section stayed on this one")
	}
	if sel, ok := d.screen.Table().Selected(); !ok || sel.Name != "示例指标" || sel.SectionID != other {
		t.Errorf("after adding elsewhere the page shows section %d with %q selected", other, sel.Name)
	}

	d.screen.ShowSection(here.ID)
	d.waitQuiet(t)
	table.Select(widget.TableCellID{Row: 0, Col: 0})
	menuItem(t, d, "编辑", "移到其他章节…").Action()
	chooser = find[*widget.Select](d.win.Canvas().Overlays().Top())
	chooser[0].SetSelectedIndex(chooser[0].SelectedIndex() + 1)
	pressButton(t, d, "移动")
	d.waitQuiet(t)
	if moved, _ := d.store.Indicator(ind.ID); moved.SectionID != other {
		t.Fatalf("after the move it is in section %d, want %d", moved.SectionID, other)
	}
	if rows := table.Rows(); len(rows) != 1 || !strings.Contains(d.status.Text, "已将") {
		t.Errorf("the page still lists %d rows; status %q", len(rows), d.status.Text)
	}
	menuItem(t, d, "编辑", "撤销").Action()
	d.waitQuiet(t)
	if back, _ := d.store.Indicator(ind.ID); back.SectionID != here.ID || back.Seq != ind.Seq {
		t.Errorf("undo left it in section %d row %d", back.SectionID, back.Seq)
	}
	if rows := table.Rows(); len(rows) != 2 || rows[0].ID != ind.ID {
		t.Errorf("after undo the page lists %d rows", len(rows))
	}
}

// TestConfirmingProposalsAtOnce: the section page's button confirms its
// proposals, the overview's the rest of the report's, each in one change
// that one Undo takes back.
func TestConfirmingProposalsAtOnce(t *testing.T) {
	d := openDigitalEconomy(t, "confirm.db")
	table := d.screen.Table()
	all, _ := d.store.Proposals(d.report.ID, 0)
	d.screen.OnConfirmSection(d.screen.Current())
	d.waitQuiet(t)
	for _, ind := range table.Rows() {
		if ind.State != plan.StateConfirmed {
			t.Errorf("%s still %s after the section's confirmation", ind.Name, ind.State)
		}
	}
	if left, _ := d.store.Proposals(d.report.ID, 0); len(left) != len(all)-len(table.Rows()) {
		t.Errorf("%d proposals left, want %d", len(left), len(all)-len(table.Rows()))
	}
	d.overview.OnConfirmAll()
	d.waitQuiet(t)
	if left, _ := d.store.Proposals(d.report.ID, 0); len(left) != 0 {
		t.Errorf("%d proposals left after 确认全部提议", len(left))
	}
	if !strings.Contains(d.status.Text, "已确认") {
		t.Errorf("status line says %q", d.status.Text)
	}
	menuItem(t, d, "编辑", "撤销").Action()
	d.waitQuiet(t)
	if left, _ := d.store.Proposals(d.report.ID, 0); len(left) != len(all)-len(table.Rows()) {
		t.Errorf("one undo left %d proposals, want %d", len(left), len(all)-len(table.Rows()))
	}
}

// TestDroppingAFileImportsIt: a file dropped onto the window goes the way
// 导入报告… sends it: here one that is not a report text, which is refused
// with the import's error and adds nothing. (A good file's import ends in
// the window's reload, which the test driver would run concurrently with
// the dialog; the store's and the command line's tests cover it.)
func TestDroppingAFileImportsIt(t *testing.T) {
	d := newTestDesk(t, filepath.Join(t.TempDir(), "drop.db"))
	d.wait(t)
	path := filepath.Join(t.TempDir(), "图片.txt")
	if err := os.WriteFile(path, []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0, 1, 2, 3}, 0o644); err != nil {
		t.Fatal(err)
	}
	d.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(path)})
	shown := false
	for deadline := time.Now().Add(5 * time.Second); !shown && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		overlays := d.win.Canvas().Overlays().List()
		shown = len(overlays) > 0 && strings.Contains(visibleText(overlays[len(overlays)-1]), "无法导入报告")
	}
	if !shown {
		t.Error("no error dialog for a dropped file that is no report")
	}
	if reports, _ := d.store.Reports(); len(reports) != 1 {
		t.Errorf("%d reports after a refused drop", len(reports))
	}
}

// TestAnEncryptedPDFAsksForItsPassword: importing an encrypted PDF shows a
// password form instead of an error, and nothing is imported meanwhile.
func TestAnEncryptedPDFAsksForItsPassword(t *testing.T) {
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	d := newTestDesk(t, filepath.Join(t.TempDir(), "pdf.db"))
	d.wait(t)
	d.importPath(filepath.Join("..", "pdftext", "testdata", "locked.pdf"), "")
	asked := false
	for deadline := time.Now().Add(30 * time.Second); !asked && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		overlays := d.win.Canvas().Overlays().List()
		asked = len(overlays) > 0 && strings.Contains(visibleText(overlays[len(overlays)-1]), "此 PDF 设有密码保护")
	}
	if !asked {
		t.Error("no password form for an encrypted PDF")
	}
	if reports, _ := d.store.Reports(); len(reports) != 1 {
		t.Errorf("%d reports while the password is asked", len(reports))
	}
}
