package sheet

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"plandesk/plan"
)

// projectExport is an export of one report with one indicator and two
// projects (the names are illustrative).
func projectExport() IndicatorSheet {
	r := plan.Report{ID: 1, Title: "示例报告"}
	secs := []plan.Section{{ID: 7, ReportID: 1, Numbering: "1.", Title: "空间布局"}}
	return Export([]ReportIndicators{{
		Report: r, Sections: secs,
		Indicators: []plan.Indicator{{ID: 3, UID: "u3", ReportID: 1, SectionID: 7, Name: "数字经济类企业", Unit: "家", Midterm: "210家", State: plan.StateConfirmed}},
		Projects: []plan.Project{
			{ID: 5, UID: "p5", ReportID: 1, SectionID: 7, Name: "示例大桥", PlannedCompletion: "2025年", Progress: plan.ProgressUnderway, State: plan.StateProposed, Source: "示例大桥开工建设。"},
			{ID: 6, UID: "p6", ReportID: 1, SectionID: 7, Name: "=示例隧道", Progress: plan.ProgressDelayed, State: plan.StateConfirmed, Note: "征地未完成"},
		},
	}})
}

func TestExportHasProjectRows(t *testing.T) {
	sh := projectExport()
	if sh.Projects == nil || len(sh.Projects.Rows) != 2 || strings.Join(sh.Projects.Header, ",") != strings.Join(ProjectColumns(), ",") {
		t.Fatalf("projects = %+v", sh.Projects)
	}
	p := sh.Projects
	if got := p.Value(p.Rows[0], ColProjectProgress).Text; got != "推进中" {
		t.Errorf("进展 = %q", got)
	}
	if got := p.Value(p.Rows[0], ColSection).Text; got != "1.空间布局" {
		t.Errorf("章节 = %q", got)
	}
	if got := p.Value(p.Rows[1], ColState).Text; got != "已确认" {
		t.Errorf("确认状态 = %q", got)
	}
	// Without projects, an export is as it was.
	if none := Export([]ReportIndicators{{Report: plan.Report{ID: 1}}}); none.Projects != nil {
		t.Errorf("an export without projects has %+v", none.Projects)
	}
}

// TestProjectsAreWrittenAndLeftOutOnImport: every format carries the
// projects, and reading the file back gives the indicators alone, so an
// import is as before.
func TestProjectsAreWrittenAndLeftOutOnImport(t *testing.T) {
	sh := projectExport()
	for name, c := range map[string]struct {
		write func(*bytes.Buffer, IndicatorSheet) error
		read  func(*bytes.Buffer) (IndicatorSheet, error)
		has   []string
	}{
		"csv": {func(b *bytes.Buffer, s IndicatorSheet) error { return WriteCSV(b, s) }, func(b *bytes.Buffer) (IndicatorSheet, error) { return ReadCSV(b) },
			[]string{"\r\n\r\n项目ID,项目标识,", "示例大桥,2025年,推进中,待确认", "'=示例隧道"}},
		"json": {func(b *bytes.Buffer, s IndicatorSheet) error { return WriteJSON(b, s) }, func(b *bytes.Buffer) (IndicatorSheet, error) { return ReadJSON(b) },
			[]string{"{\n  \"指标\": [", "\"项目\": [", "\"项目名称\": \"示例大桥\"", "\"进展\": \"滞后\""}},
	} {
		var buf bytes.Buffer
		if err := c.write(&buf, sh); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, want := range c.has {
			if !strings.Contains(buf.String(), want) {
				t.Errorf("%s lacks %q:\n%s", name, want, buf.String())
			}
		}
		got, err := c.read(&buf)
		if err != nil {
			t.Fatalf("%s read back: %v", name, err)
		}
		if len(got.Rows) != 1 || got.Value(got.Rows[0], ColName).Text != "数字经济类企业" || got.Projects != nil || got.CheckHeader() != nil {
			t.Errorf("%s read back %+v", name, got)
		}
	}

	var buf bytes.Buffer
	if err := WriteXLSX(&buf, sh); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(ProjectSheetName)
	if err != nil || len(rows) != 3 || rows[0][0] != ColProjectID || rows[1][5] != "示例大桥" || rows[2][7] != "滞后" {
		t.Errorf("项目 sheet = %v, %v", rows, err)
	}
	back, err := ReadXLSX(bytes.NewReader(buf.Bytes()))
	if err != nil || len(back.Rows) != 1 {
		t.Errorf("xlsx read back %d rows, %v", len(back.Rows), err)
	}
}
