package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"plandesk/messages"
	"plandesk/plan"
)

// projectSummary is the overview's line on the report's projects and
// tasks: how many stand at each progress (6 项已完成、2 项推进中、1 项滞后、
// 0 项未启动), hidden when the report lists none.
type projectSummary struct {
	widget.BaseWidget
	heading *widget.Label
	counts  *widget.Label
}

func newProjectSummary() *projectSummary {
	p := &projectSummary{
		heading: &widget.Label{Text: lang.L("Projects and tasks"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		counts:  &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameSubHeadingText},
	}
	p.Hidden = true
	p.ExtendBaseWidget(p)
	return p
}

func (p *projectSummary) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewVBox(widget.NewSeparator(), p.heading, p.counts))
}

// show fills the line with a report's counts.
func (p *projectSummary) show(c plan.ProjectCounts) {
	p.counts.SetText(messages.ProjectCounts(c))
	// Projects behind schedule are the news, as lagging indicators are.
	p.counts.Importance = widget.MediumImportance
	if c.ByProgress[plan.ProgressDelayed] > 0 {
		p.counts.Importance = widget.DangerImportance
	}
	p.Hidden = c.Total == 0
	p.Refresh()
}

// onProjectsChanged loads the overview again, at once when it is shown and
// on CatchUp otherwise: a project's progress changes the counts.
func (s *OverviewScreen) onProjectsChanged(c ProjectsChange) {
	if c.ReportID != s.overview.Report.ID {
		return
	}
	if s.Visible() {
		s.Load(c.ReportID)
		return
	}
	s.stale = true
}

// ProjectLine is the overview's line of project counts, as shown.
func (s *OverviewScreen) ProjectLine() string {
	if s.projects.Hidden {
		return ""
	}
	return s.projects.counts.Text
}
