package views

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"plandesk/icons"
	"plandesk/plan"
	"plandesk/store"
)

// overviewWithStatuses is the shipped report with four indicators given
// numbers: one achieved, one on track, two lagging.
func overviewWithStatuses(t *testing.T) (plan.Overview, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := seededStore(t)
	list, _ := st.Indicators(report.ID)
	edit := func(name string, f plan.Field, text string) {
		t.Helper()
		for _, ind := range list {
			if ind.Name == name {
				if _, _, err := st.EditIndicator(ind.ID, f, text, "测试"); err != nil {
					t.Fatal(err)
				}
				return
			}
		}
		t.Fatalf("no indicator %s", name)
	}
	edit("数字经济类企业", plan.FieldBaseline, "150家")
	edit("数字经济类企业", plan.FieldTarget, "200家")
	edit("绿地覆盖率", plan.FieldBaseline, "30%")
	edit("绿地覆盖率", plan.FieldTarget, "42%")
	edit("新增就业", plan.FieldBaseline, "0万人")
	edit("新增就业", plan.FieldTarget, "30万人")
	edit("带动就业", plan.FieldBaseline, "0万人")
	edit("带动就业", plan.FieldTarget, "10万人")
	o, err := st.Overview(report.ID)
	if err != nil {
		t.Fatal(err)
	}
	return o, st
}

func TestOverviewShowsCountsSectionsAndLaggingFirst(t *testing.T) {
	o, _ := overviewWithStatuses(t)
	s := NewOverviewScreen(nil)
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(1280, 800))
	s.ShowOverview(o)

	for i, st := range plan.Statuses() {
		if got, want := s.cards[i].Count(), strconv.Itoa(o.Counts[st]); got != want {
			t.Errorf("%s card shows %s, the overview counts %s", st, got, want)
		}
	}
	var filtered plan.Status
	s.OnStatus = func(st plan.Status) { filtered = st }
	test.Tap(s.cards[3])
	if filtered != plan.StatusLagging {
		t.Errorf("tapping the lagging card asked for %q", filtered)
	}
	if s.cards[3].Count() != "2" || s.cards[0].Count() != "1" {
		t.Errorf("cards: achieved %s, lagging %s; want 1 and 2", s.cards[0].Count(), s.cards[3].Count())
	}

	// Every listed section comes under its parts, each part shown once as a
	// heading: the list is the outline, cut to the sections with indicators.
	var opened int64
	s.OnSection = func(id int64) { opened = id }
	var sectionRows []*overviewRow
	headings := map[string]int{}
	for _, obj := range s.sections.Objects {
		row := obj.(*overviewRow)
		if row.heading {
			headings[row.title]++
			continue
		}
		sectionRows = append(sectionRows, row)
	}
	if len(sectionRows) != len(o.Sections) {
		t.Fatalf("%d section rows for %d sections", len(sectionRows), len(o.Sections))
	}
	if headings["一、纲要重大任务推进情况"] != 1 {
		t.Errorf("part headings %v: want 一、纲要重大任务推进情况 once", headings)
	}
	for i, so := range o.Sections {
		row := sectionRows[i]
		if row.title != so.Section.Heading() || row.status != so.Worst || row.indent != len(so.Parents) {
			t.Errorf("row %d: %q %s indent %d, want %q %s indent %d", i, row.title, row.status, row.indent, so.Section.Heading(), so.Worst, len(so.Parents))
		}
		for _, p := range so.Parents {
			if headings[p.Heading()] == 0 {
				t.Errorf("%s is listed without its part %s", so.Section.Heading(), p.Heading())
			}
		}
		if so.Section.Title == "公共服务持续完善" && row.detail != "7 indicators · Lagging · 2 lagging" {
			t.Errorf("7.公共服务持续完善 says %q", row.detail)
		}
		test.Tap(row)
		if opened != so.Section.ID {
			t.Errorf("tapping %s opened %d", so.Section.Heading(), opened)
		}
	}

	var picked plan.Indicator
	s.OnIndicator = func(ind plan.Indicator) { picked = ind }
	rows := s.list.Objects
	if len(rows) != o.Total {
		t.Fatalf("%d indicator rows for %d indicators", len(rows), o.Total)
	}
	for i, name := range []string{"新增就业", "带动就业"} {
		row := rows[i].(*overviewRow)
		if row.title != name || row.status != plan.StatusLagging {
			t.Errorf("row %d is %s (%s), want lagging %s first", i, row.title, row.status, name)
		}
	}
	test.Tap(rows[1].(*overviewRow))
	if picked.Name != "带动就业" {
		t.Errorf("tapping the second row picked %q", picked.Name)
	}
	if s.lagNote.Text != "2 indicators lag behind the plan." {
		t.Errorf("lag note %q", s.lagNote.Text)
	}
}

func TestOverviewOfTheShippedReportInventsNothing(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(NewTheme(icons.FontRegular(), icons.FontBold(), VariantLight))
	st, report := seededStore(t)
	s := NewOverviewScreen(st)
	shown := make(chan struct{}, 1)
	s.OnShown = func() { shown <- struct{}{} }
	s.OnError = func(err error) { t.Error(err) }
	test.NewTempWindow(t, s)
	s.Load(report.ID)
	<-shown
	o := s.Overview()
	if o.Counts[plan.StatusUnknown] != o.Total || o.Total != 24 {
		t.Errorf("counts %v of %d: the report gives no targets, so every status is unknown", o.Counts, o.Total)
	}
	if s.subtitle.Text != "24 indicators · 24 to confirm" {
		t.Errorf("subtitle %q: no evaluation date is in the report, so none is shown", s.subtitle.Text)
	}
	if s.lagNote.Text != "No indicator lags." {
		t.Errorf("lag note %q", s.lagNote.Text)
	}
	// Every indicator of the report has its mid-term value, none a target:
	// the overview says what is missing, not "no target or data".
	for _, obj := range s.sections.Objects {
		if row := obj.(*overviewRow); !row.heading && !strings.HasSuffix(row.detail, " · No target value") {
			t.Errorf("%s says %q, want it to name the missing target", row.title, row.detail)
		}
	}

	s.ShowOverview(plan.Overview{Report: report, Counts: map[plan.Status]int{}})
	if s.lagNote.Text != "This report lists no indicators yet." || !s.chart.Hidden {
		t.Errorf("empty report: note %q, chart hidden %v", s.lagNote.Text, s.chart.Hidden)
	}
}

// TestOverviewSaysWhatTheEvaluationFinds: without targets the overview
// offers the next steps; with an obligatory indicator that lags it warns
// and lists it as unlikely to be met. The numbers are illustrative.
func TestOverviewSaysWhatTheEvaluationFinds(t *testing.T) {
	o, st := overviewWithStatuses(t)
	s := NewOverviewScreen(nil)
	s.OnImportTargets, s.OnConfirmAll = func() {}, func() {}
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(1280, 800))
	s.ShowOverview(o)
	if s.eval.empty.Hidden || s.eval.steps.Hidden || s.eval.importBt.Hidden || s.eval.confirm.Hidden ||
		!strings.Contains(s.eval.empty.Text, strconv.Itoa(o.NoTarget)) || !s.eval.warnRow.Hidden {
		t.Errorf("seed with %d targets missing: empty %v %q, steps %v, warning shown %v", o.NoTarget, s.eval.empty.Hidden, s.eval.empty.Text, s.eval.steps.Hidden, !s.eval.warnRow.Hidden)
	}
	list, _ := st.Indicators(o.Report.ID)
	var id int64
	for _, ind := range list {
		if ind.Name == "数字经济类企业" {
			id = ind.ID
		}
	}
	for _, e := range [][2]string{{string(plan.FieldAttribute), plan.AttributeObligatory}, {string(plan.FieldBaselineYear), "2020"},
		{string(plan.FieldTargetYear), "2025"}, {string(plan.FieldMidterm), "160家"}, {string(plan.FieldMidtermAsOf), "2022"}} {
		if _, _, err := st.EditIndicator(id, plan.Field(e[0]), e[1], "测试"); err != nil {
			t.Fatal(err)
		}
	}
	o, _ = st.Overview(o.Report.ID)
	s.ShowOverview(o)
	if s.eval.warnRow.Hidden || !strings.Contains(s.eval.warning.Text, "1") || len(s.eval.unlikely.Objects) == 0 {
		t.Errorf("warning shown %v %q, %d unlikely rows", !s.eval.warnRow.Hidden, s.eval.warning.Text, len(s.eval.unlikely.Objects))
	}
	if first := o.Indicators[0]; first.ID != id {
		t.Errorf("the warning is not first in the list: %s", first.Name)
	}
}
