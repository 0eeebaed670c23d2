package sheet

import (
	"plandesk/plan"
)

// ProjectSheetName is the worksheet of projects in an .xlsx export.
const ProjectSheetName = "项目"

// The columns of the projects exported beside the indicators, in the
// order exports write them. An import reads only indicators: these rows
// are for reading, not for a round trip (yet).
const (
	// ColProjectID is the project's id.
	ColProjectID = "项目ID"
	// ColProjectUID is the project's identity (plan.Project.UID).
	ColProjectUID = "项目标识"
	// ColProjectName is the project or task.
	ColProjectName = "项目名称"
	// ColPlannedCompletion is when it is due, as written.
	ColPlannedCompletion = "计划完成时间"
	// ColProjectProgress is 未启动, 推进中, 已完成 or 滞后.
	ColProjectProgress = "进展"
)

// ProjectColumns returns the header of the projects' rows, in order.
func ProjectColumns() []string {
	return []string{ColProjectID, ColProjectUID, ColReportID, ColReport, ColSection, ColProjectName,
		ColPlannedCompletion, ColProjectProgress, ColState, ColNote, ColSource}
}

// progressLabels are the words sheets write for a project's progress, as
// reports write them.
var progressLabels = map[string]string{
	plan.ProgressNotStarted: "未启动",
	plan.ProgressUnderway:   "推进中",
	plan.ProgressCompleted:  "已完成",
	plan.ProgressDelayed:    "滞后",
}

// ProgressLabel is a progress code as sheets write it (未启动, 推进中,
// 已完成, 滞后), or the code itself when it is none of them.
func ProgressLabel(code string) string {
	if l, ok := progressLabels[code]; ok {
		return l
	}
	return code
}

// exportProjects is the projects' rows of an export, or nil when no report
// exported has any (the export is then as it was before projects).
func exportProjects(parts []ReportIndicators) *IndicatorSheet {
	var sh *IndicatorSheet
	for _, part := range parts {
		if len(part.Projects) == 0 {
			continue
		}
		if sh == nil {
			sh = &IndicatorSheet{Header: ProjectColumns()}
		}
		headings := make(map[int64]string, len(part.Sections))
		for _, sec := range part.Sections {
			headings[sec.ID] = sec.Heading()
		}
		for i := range part.Projects {
			p := &part.Projects[i]
			sh.Rows = append(sh.Rows, SheetRow{Number: len(sh.Rows) + 2, Cells: projectCells(part.Report, headings[p.SectionID], p)})
		}
	}
	return sh
}

// projectCells is one project's row, in ProjectColumns order.
func projectCells(r plan.Report, heading string, p *plan.Project) []Cell {
	text := func(s string) Cell { return Cell{Text: s} }
	return []Cell{
		numberCell(float64(p.ID)), text(p.UID), numberCell(float64(r.ID)), text(r.Title), text(heading),
		text(p.Name), text(p.PlannedCompletion), text(ProgressLabel(p.Progress)),
		text(DisplayText(plan.FieldState, p.State)), text(p.Note), text(p.Source),
	}
}

// isProjectHeader reports whether a CSV record starts the projects' rows.
func isProjectHeader(record []string) bool {
	h := headerOf(record)
	return len(h) > 0 && h[0] == ColProjectID
}
